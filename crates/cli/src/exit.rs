use std::process::ExitCode;

/// The exit statuses of `contract/CLI.md`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Exit {
    /// All good.
    Ok = 0,
    /// Nothing could be done (unreadable path, bad language data…).
    Failure = 1,
    /// Usage error: a bad flag or value.
    Usage = 2,
    /// Some inputs had problems, but every record was written.
    Problems = 3,
}

impl From<Exit> for ExitCode {
    fn from(e: Exit) -> ExitCode {
        ExitCode::from(e as u8)
    }
}

/// An error that ends the run with a given status; its message is printed once, prefixed.
#[derive(Debug)]
pub struct Fatal {
    pub exit: Exit,
    pub message: String,
}

impl Fatal {
    pub fn usage(message: impl Into<String>) -> Fatal {
        Fatal {
            exit: Exit::Usage,
            message: message.into(),
        }
    }

    pub fn failure(message: impl Into<String>) -> Fatal {
        Fatal {
            exit: Exit::Failure,
            message: message.into(),
        }
    }
}
