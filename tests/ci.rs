//! The CI script installs every program a test drives and runs the tests
//! with `CI` set, so that no test can skip there; and CI never rewrites a
//! golden file.

mod common;

use common::Installer;

/// The packages of every `installer` command of the script (an install
/// may be conditional: `command -v node || apt-get install nodejs`).
fn installed_packages(script: &str, installer: Installer) -> Vec<String> {
    let joined = script.replace("\\\n", " ");
    let command = installer.command();
    let packages: Vec<String> = joined
        .lines()
        .filter(|l| !l.trim_start().starts_with('#'))
        .filter_map(|l| l.find(command).map(|at| &l[at + command.len()..]))
        .flat_map(|rest| {
            rest.split_whitespace()
                .take_while(|w| !w.starts_with('>') && !w.starts_with('|') && *w != "&&")
                .filter(|w| !w.starts_with('-'))
                // A pinned version (`openxml-audit==0.8.0`) names its package.
                .map(|w| w.split("==").next().unwrap_or(w).to_string())
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(
        !packages.is_empty(),
        ".ci/run installs packages with {command}"
    );
    packages
}

#[test]
fn ci_installs_every_program_the_tests_drive() {
    let script = common::read(".ci/run");
    for tool in common::TOOLS {
        let packages = installed_packages(&script, tool.installer);
        assert!(
            packages.iter().any(|p| p == tool.package),
            "`{}` needs the package {}, which .ci/run does not install (it installs {packages:?})",
            tool.name,
            tool.package
        );
    }
}

#[test]
fn ci_runs_the_tests_with_ci_set() {
    let script = common::read(".ci/run");
    let export = script
        .lines()
        .position(|l| l.starts_with("export CI="))
        .expect(".ci/run exports CI");
    let test = script
        .lines()
        .position(|l| l.contains("cargo test"))
        .expect(".ci/run runs cargo test");
    assert!(export < test, "CI must be set before the tests run");
}

/// Under CI, golden files are compared, never rewritten: insta would accept
/// any snapshot with `INSTA_UPDATE=always`, so the run fails here instead.
#[test]
fn ci_does_not_rewrite_golden_files() {
    common::bless();
}
