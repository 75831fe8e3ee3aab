//! The CI script installs every program a test drives and runs the tests
//! with `CI` set, so that no test can skip there; and CI never rewrites a
//! golden file.

mod common;

/// The packages of the script's `apt-get install` command.
fn installed_packages(script: &str) -> Vec<String> {
    let joined = script.replace("\\\n", " ");
    let line = joined
        .lines()
        .find(|l| l.trim_start().starts_with("apt-get install"))
        .expect(".ci/run installs packages with apt-get install");
    line.split_whitespace()
        .skip(2)
        .take_while(|w| !w.starts_with('>') && !w.starts_with('|') && *w != "&&")
        .filter(|w| !w.starts_with('-'))
        .map(str::to_string)
        .collect()
}

#[test]
fn ci_installs_every_program_the_tests_drive() {
    let packages = installed_packages(&common::read(".ci/run"));
    for tool in common::TOOLS {
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
