//! Compiles the generated source `data/gazetteer/places.tsv.gz` into the binary place index
//! the library embeds (see `src/format.rs`). Runs again only when that file changes.

#[allow(dead_code)]
#[path = "src/fold.rs"]
mod fold;
#[allow(dead_code)]
#[path = "src/format.rs"]
mod format;
#[allow(dead_code)]
#[path = "src/kind.rs"]
mod kind;

use std::io::Read;
use std::path::PathBuf;

fn main() {
    let manifest = PathBuf::from(std::env::var_os("CARGO_MANIFEST_DIR").unwrap());
    let source = manifest.join("../../data/gazetteer/places.tsv.gz");
    println!("cargo::rerun-if-changed={}", source.display());
    println!("cargo::rerun-if-changed=src/format.rs");
    println!("cargo::rerun-if-changed=src/fold.rs");
    println!("cargo::rerun-if-changed=src/kind.rs");
    let file = std::fs::File::open(&source)
        .unwrap_or_else(|e| panic!("{}: {e} (run scripts/build_gazetteer.py)", source.display()));
    let mut tsv = String::new();
    flate2::read::GzDecoder::new(file)
        .read_to_string(&mut tsv)
        .unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let index = format::write_index(&tsv).unwrap_or_else(|e| panic!("{}: {e}", source.display()));
    let out = PathBuf::from(std::env::var_os("OUT_DIR").unwrap()).join("places.idx");
    std::fs::write(&out, index).unwrap_or_else(|e| panic!("{}: {e}", out.display()));
}
