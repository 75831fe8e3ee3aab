//! `draftdec explain`.

use draftdec::diag::Severity;
use draftdec::diag::codes::{self, Code, RETIRED};

use super::*;

pub(crate) fn explain(code: Option<&str>, list: bool) -> Result<u8, Failure> {
    if list {
        let mut text = String::new();
        for code in Code::ALL {
            let severity = match code.severity() {
                Severity::Error => "error",
                Severity::Warning => "warning",
            };
            text.push_str(&format!("{code}  {severity:<7}  {}\n", code.title()));
        }
        // Retired codes are listed so that an old code in a script or a
        // note still leads somewhere.
        for old in RETIRED {
            let new: Vec<&str> = old.split_into.iter().map(|c| c.as_str()).collect();
            text.push_str(&format!(
                "{}  retired  {}: split into {}\n",
                old.code,
                old.title,
                new.join(", ")
            ));
        }
        write_stdout(text.as_bytes())?;
        return Ok(CLEAN);
    }
    let code = code.unwrap_or_default();
    if let Some(page) = codes::page(code) {
        write_stdout(page.as_bytes())?;
        return Ok(CLEAN);
    }
    let mut message = format!(
        "no diagnostic code `{}`",
        draftdec::diag::visible(code.trim())
    );
    if let Some(near) = codes::closest(code) {
        message.push_str(&format!("; did you mean `{near}`?"));
    }
    message.push_str("\n  run `draftdec explain --list` to see every code");
    Err(Failure(message))
}
