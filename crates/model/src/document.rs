/// One article as it enters the extractor: decoded text and whatever metadata the input gave.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Document {
    /// The article text, decoded but not yet normalised.
    pub text: String,
    /// An id given by the input; else the record's id is the hash of the normalised text.
    pub id: Option<String>,
    /// A URL or file path.
    pub uri: Option<String>,
    /// Publisher.
    pub outlet: Option<String>,
    /// Title, when the input states it.
    pub title: Option<String>,
    /// ISO 8601 publication date or date-time.
    pub published: Option<String>,
    /// ISO 639-1 code when the input or the user states it.
    pub language: Option<String>,
    /// Author or byline, when the input states it.
    pub author: Option<String>,
    /// The page's canonical URL (`<link rel="canonical">`, `og:url`), when it states one.
    pub canonical_url: Option<String>,
    /// Problems met while reading the input (lossy decoding, a broken line…).
    pub warnings: Vec<String>,
}

impl Document {
    /// A copy of the metadata, without the text (which may be large).
    pub fn clone_metadata(&self) -> Document {
        Document {
            text: String::new(),
            id: self.id.clone(),
            uri: self.uri.clone(),
            outlet: self.outlet.clone(),
            title: self.title.clone(),
            published: self.published.clone(),
            language: self.language.clone(),
            author: self.author.clone(),
            canonical_url: self.canonical_url.clone(),
            warnings: self.warnings.clone(),
        }
    }
}
