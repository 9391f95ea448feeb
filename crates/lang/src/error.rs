use std::fmt;

/// Everything wrong with a set of language files, one problem per line.
#[derive(Debug, Clone, PartialEq, thiserror::Error)]
pub struct LoadError {
    problems: Vec<String>,
}

impl LoadError {
    pub(crate) fn new(problems: Vec<String>) -> LoadError {
        LoadError { problems }
    }

    /// Each problem as `path:line: what is wrong`.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}

impl fmt::Display for LoadError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.problems.join("\n"))
    }
}

/// Collects problems while files are read, so that all bad lines are reported at once.
#[derive(Debug, Default)]
pub(crate) struct Problems(pub(crate) Vec<String>);

impl Problems {
    pub(crate) fn at(&mut self, path: &str, line: usize, what: impl fmt::Display) {
        self.0.push(format!("{path}:{line}: {what}"));
    }

    pub(crate) fn file(&mut self, path: &str, what: impl fmt::Display) {
        self.0.push(format!("{path}: {what}"));
    }
}
