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
