use std::collections::BTreeMap;
use std::path::Path;

/// The files of one language folder: name → (path shown in errors, content).
#[derive(Debug, Clone, Default)]
pub struct LangFiles {
    files: BTreeMap<String, (String, String)>,
}

impl LangFiles {
    /// Adds a file; `path` is what error messages name.
    pub fn insert(&mut self, name: &str, path: String, content: String) {
        self.files.insert(name.to_string(), (path, content));
    }

    /// The path and content of file `name`, if the language has it.
    pub fn get(&self, name: &str) -> Option<(&str, &str)> {
        self.files
            .get(name)
            .map(|(path, content)| (path.as_str(), content.as_str()))
    }

    /// Reads every file of a folder (not recursively).
    pub(crate) fn read_dir(dir: &Path) -> std::io::Result<LangFiles> {
        let mut files = LangFiles::default();
        for entry in std::fs::read_dir(dir)? {
            let entry = entry?;
            if entry.file_type()?.is_file() {
                let name = entry.file_name().to_string_lossy().into_owned();
                let content = std::fs::read_to_string(entry.path())?;
                files.insert(&name, entry.path().display().to_string(), content);
            }
        }
        Ok(files)
    }

    /// The lines of `name` that carry data, with their 1-based line numbers: comments (`#`)
    /// and blank lines are skipped, trailing `\r` removed.
    pub fn data_lines<'a>(&'a self, name: &str) -> impl Iterator<Item = (usize, &'a str)> + 'a {
        self.get(name)
            .map(|(_, content)| content)
            .unwrap_or("")
            .lines()
            .enumerate()
            .map(|(i, l)| (i + 1, l.trim_end_matches('\r')))
            .filter(|(_, l)| !l.trim().is_empty() && !l.trim_start().starts_with('#'))
    }
}
