//! `draftdec explain`.

use draftdec::diag::{self, codes};

use super::*;

pub(crate) fn explain(code: Option<&str>, list: bool) -> Result<u8, Failure> {
    if list {
        let mut text = String::new();
        for info in codes::CODES {
            let severity = match info.severity {
                diag::Severity::Error => "error",
                diag::Severity::Warning => "warning",
            };
            text.push_str(&format!("{}  {severity:<7}  {}\n", info.code, info.title));
        }
        write_stdout(text.as_bytes())?;
        return Ok(CLEAN);
    }
    let code = code.unwrap_or_default();
    if let Some(info) = codes::lookup(code) {
        write_stdout(info.page.as_bytes())?;
        return Ok(CLEAN);
    }
    let wanted = code.trim().to_ascii_uppercase();
    let mut message = format!("no diagnostic code `{}`", code.trim());
    if let Some(near) = draftdec::util::closest(&wanted, codes::CODES.iter().map(|c| c.code)) {
        message.push_str(&format!("; did you mean `{near}`?"));
    }
    message.push_str("\n  run `draftdec explain --list` to see every code");
    Err(Failure(message))
}
