//! The error of loading a gazetteer or a dictionary.

/// Loading failed; every problem found, each as `path:line: what is wrong (what is allowed)`.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{}", .problems.join("\n"))]
pub struct LoadError {
    problems: Vec<String>,
}

impl LoadError {
    pub(crate) fn new(problems: Vec<String>) -> LoadError {
        LoadError { problems }
    }

    /// Every problem, one per bad line.
    pub fn problems(&self) -> &[String] {
        &self.problems
    }
}
