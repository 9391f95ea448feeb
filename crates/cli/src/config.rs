//! Raw flags resolved into a checked configuration before anything is read.
use crate::args::ExtractArgs;
use crate::exit::Fatal;
use crate::inputs::{self, Source};
use crate::{check_lang, load_languages};
use cronaca_extract::{Extractor, Layers};
use cronaca_ingest::{Fetcher, InputFormat};
use std::io::IsTerminal;

/// How records are written.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum OutputFormat {
    Json,
    Jsonl,
}

pub struct ExtractConfig {
    pub extractor: Extractor,
    pub sources: Vec<Source>,
    pub missing: Vec<String>,
    pub format: InputFormat,
    pub output: OutputFormat,
    pub lang: Option<String>,
    pub published: Option<String>,
    pub layers: Layers,
    pub jobs: usize,
    /// Set by `--fetch`: URLs and feed items' pages are downloaded.
    pub fetcher: Option<Fetcher>,
}

impl ExtractConfig {
    pub fn resolve(args: ExtractArgs) -> Result<ExtractConfig, Fatal> {
        let format = InputFormat::from_name(&args.input).ok_or_else(|| {
            Fatal::usage(format!(
                "--input: unknown format {:?} (expected {})",
                args.input,
                InputFormat::NAMES.join(", ")
            ))
        })?;
        let output = match args.output.as_deref() {
            Some("json") => Some(OutputFormat::Json),
            Some("jsonl") => Some(OutputFormat::Jsonl),
            Some(other) => {
                return Err(Fatal::usage(format!(
                    "--output: unknown format {other:?} (expected json, jsonl)"
                )));
            }
            None => None,
        };
        let layers = parse_layers(args.layers.as_deref())?;
        if args.jobs == 0 {
            return Err(Fatal::usage("--jobs: must be at least 1"));
        }
        let published = args.published.as_deref().map(check_published).transpose()?;
        let langs = load_languages(args.lang_data.as_deref())?;
        let lang = check_lang(&args.lang, &langs)?;
        let (sources, missing) = inputs::expand(&args.paths, args.fetch);
        let output = output.unwrap_or_else(|| {
            if std::io::stdout().is_terminal() && inputs::is_single_document(&sources, format) {
                OutputFormat::Json
            } else {
                OutputFormat::Jsonl
            }
        });
        Ok(ExtractConfig {
            extractor: Extractor::new(langs),
            sources,
            missing,
            format,
            output,
            lang,
            published,
            layers,
            jobs: args.jobs,
            fetcher: args.fetch.then(Fetcher::default),
        })
    }
}

/// Accepts an ISO 8601 date ("2022-01-06"), civil date-time ("2022-01-06T10:30") or timestamp
/// with offset ("2022-01-06T10:30:00Z").
fn check_published(value: &str) -> Result<String, Fatal> {
    let ok = value.parse::<jiff::civil::Date>().is_ok()
        || value.parse::<jiff::civil::DateTime>().is_ok()
        || value.parse::<jiff::Timestamp>().is_ok();
    if ok {
        Ok(value.to_string())
    } else {
        Err(Fatal::usage(format!(
            "--published: {value:?} is not an ISO 8601 date or date-time (e.g. 2022-01-06 or 2022-01-06T10:30:00Z)"
        )))
    }
}

/// The value of `--layers`: every layer when absent.
pub fn parse_layers(list: Option<&str>) -> Result<Layers, Fatal> {
    match list {
        Some(list) => list
            .parse::<Layers>()
            .map_err(|e| Fatal::usage(format!("--layers: {e}"))),
        None => Ok(Layers::all()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn published_accepts_dates_and_datetimes_only() {
        for ok in [
            "2022-01-06",
            "2022-01-06T10:30",
            "2022-01-06T10:30:00Z",
            "2022-01-06T10:30:00+06:00",
        ] {
            assert_eq!(check_published(ok).unwrap(), ok);
        }
        for bad in ["06/01/2022", "2022-13-01", "yesterday", ""] {
            assert!(check_published(bad).is_err(), "{bad}");
        }
    }
}
