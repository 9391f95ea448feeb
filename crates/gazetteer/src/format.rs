//! The binary place index: its layout and its writer.
//!
//! Also compiled into `build.rs` (with `#[path]`), which turns the generated source
//! `data/gazetteer/places.tsv.gz` into the index the library embeds. Why a hand-made layout:
//! the records must be readable in place from a memory map or an embedded byte string
//! without a parse step (the ≤ 100 ms load budget), and only `fst` among the crates fits the
//! name → id part; the fixed-size records around it are a few dozen lines.
//!
//! Layout, all integers little-endian:
//! ```text
//! 0   magic "CRGZIDX1"
//! 8   u32 record count
//! 12  u32 fst offset      16 u32 fst length
//! 20  u32 postings offset 24 u32 postings length (bytes)
//! 28  u32 strings offset  32 u32 strings length
//! 36  u32 records offset  40..48 zero
//! records: RECORD_SIZE bytes each (see `RecordLayout` offsets below)
//! fst map: folded name → value; value bits 0..32 record id (one record) or postings offset
//!          in u32 units (several), bits 32..48 record count, bits 48..64 `Kinds` of the records
//! postings: u32 record ids, most populous first
//! strings: UTF-8 canonical names
//! ```

use std::collections::{BTreeMap, HashMap};

use crate::fold::fold;
use crate::kind::Kinds;

/// The first bytes of every index file.
pub const MAGIC: &[u8; 8] = b"CRGZIDX1";
/// Size of the header.
pub const HEADER_SIZE: usize = 48;
/// Size of one record.
pub const RECORD_SIZE: usize = 32;
/// `admin1` value of a record that has none.
pub const NO_RECORD: u32 = u32::MAX;

/// Feature codes stored in a record.
pub mod feature {
    /// Populated place.
    pub const PPL: u8 = 0;
    /// Capital of a country.
    pub const PPLC: u8 = 1;
    /// First-order administrative division.
    pub const ADM1: u8 = 2;
    /// Second-order administrative division.
    pub const ADM2: u8 = 3;
    /// Independent political entity (a country).
    pub const PCLI: u8 = 4;
}

struct Row<'a> {
    kind: u8,
    geonameid: u32,
    country: [u8; 2],
    admin1: &'a str,
    lat: f32,
    lon: f32,
    population: u32,
    feature: u8,
    name: &'a str,
    aliases: &'a str,
}

fn parse_row(line: &str) -> Result<Row<'_>, String> {
    let f: Vec<&str> = line.split('\t').collect();
    if f.len() != 10 {
        return Err(format!("{} fields (expected 10)", f.len()));
    }
    let num = |s: &str, what: &str| -> Result<f32, String> {
        if s.is_empty() {
            Ok(f32::NAN)
        } else {
            s.parse().map_err(|_| format!("bad {what} {s:?}"))
        }
    };
    let country = f[2].as_bytes();
    if country.len() != 2 {
        return Err(format!("bad country code {:?}", f[2]));
    }
    Ok(Row {
        kind: match f[0] {
            "C" | "A" | "B" | "P" => f[0].as_bytes()[0],
            k => return Err(format!("unknown kind {k:?} (expected C, A, B, P)")),
        },
        geonameid: if f[1].is_empty() {
            0
        } else {
            f[1].parse()
                .map_err(|_| format!("bad geonameid {:?}", f[1]))?
        },
        country: [country[0], country[1]],
        admin1: f[3],
        lat: num(f[4], "latitude")?,
        lon: num(f[5], "longitude")?,
        population: f[6]
            .parse()
            .map_err(|_| format!("bad population {:?}", f[6]))?,
        feature: match f[7] {
            "PPL" => feature::PPL,
            "PPLC" => feature::PPLC,
            "ADM1" => feature::ADM1,
            "ADM2" => feature::ADM2,
            "PCLI" => feature::PCLI,
            x => return Err(format!("unknown feature {x:?}")),
        },
        name: f[8],
        aliases: f[9],
    })
}

fn kinds_of(row: &Row) -> Kinds {
    match row.kind {
        b'C' => Kinds::COUNTRY,
        b'A' => Kinds::ADMIN1,
        b'B' => Kinds::ADMIN2,
        _ => {
            let mut k = Kinds::CITY;
            if row.population >= 100_000 {
                k |= Kinds::BIG_CITY;
            }
            if row.feature == feature::PPLC {
                k |= Kinds::CAPITAL;
            }
            k
        }
    }
}

fn put_u32(out: &mut [u8], at: usize, v: u32) {
    out[at..at + 4].copy_from_slice(&v.to_le_bytes());
}

/// Writes the index for the rows of a places TSV (the format `scripts/build_gazetteer.py`
/// documents). Errors name the 1-based line.
pub fn write_index(tsv: &str) -> Result<Vec<u8>, String> {
    let mut rows = Vec::new();
    for (i, line) in tsv.lines().enumerate() {
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        rows.push(parse_row(line).map_err(|e| format!("line {}: {e}", i + 1))?);
    }
    let admin1: HashMap<([u8; 2], &str), u32> = rows
        .iter()
        .enumerate()
        .filter(|(_, r)| r.kind == b'A')
        .map(|(i, r)| ((r.country, r.admin1), i as u32))
        .collect();

    let mut records = vec![0u8; rows.len() * RECORD_SIZE];
    let mut strings = Vec::new();
    let mut keys: BTreeMap<String, Vec<u32>> = BTreeMap::new();
    for (i, r) in rows.iter().enumerate() {
        let at = i * RECORD_SIZE;
        let rec = &mut records[at..at + RECORD_SIZE];
        put_u32(rec, 0, r.geonameid);
        rec[4..8].copy_from_slice(&r.lat.to_le_bytes());
        rec[8..12].copy_from_slice(&r.lon.to_le_bytes());
        put_u32(rec, 12, r.population);
        put_u32(rec, 16, strings.len() as u32);
        let a1 = if r.kind == b'C' || r.admin1.is_empty() {
            NO_RECORD
        } else {
            admin1
                .get(&(r.country, r.admin1))
                .copied()
                .unwrap_or(NO_RECORD)
        };
        put_u32(rec, 20, a1);
        let name_len = u16::try_from(r.name.len()).map_err(|_| "name too long".to_string())?;
        rec[24..26].copy_from_slice(&name_len.to_le_bytes());
        rec[26..28].copy_from_slice(&r.country);
        rec[28] = r.kind;
        rec[29] = r.feature;
        strings.extend_from_slice(r.name.as_bytes());
        for name in std::iter::once(r.name).chain(r.aliases.split('|')) {
            let key = fold(name);
            if key.is_empty() {
                continue;
            }
            let ids = keys.entry(key).or_default();
            if ids.last() != Some(&(i as u32)) {
                ids.push(i as u32);
            }
        }
    }

    let mut postings: Vec<u32> = Vec::new();
    let mut map = fst::MapBuilder::memory();
    for (key, mut ids) in keys {
        ids.dedup();
        let mut kinds = Kinds::empty();
        for &id in &ids {
            kinds |= kinds_of(&rows[id as usize]);
        }
        let count = ids.len().min(u16::MAX as usize);
        let reference = if count == 1 {
            ids[0]
        } else {
            ids.sort_by_key(|&id| std::cmp::Reverse(rows[id as usize].population));
            let offset = postings.len() as u32;
            postings.extend_from_slice(&ids[..count]);
            offset
        };
        let value = u64::from(reference) | (count as u64) << 32 | u64::from(kinds.0) << 48;
        map.insert(key.as_bytes(), value)
            .map_err(|e| format!("fst: {e}"))?;
    }
    let fst_bytes = map.into_inner().map_err(|e| format!("fst: {e}"))?;

    let mut out = vec![0u8; HEADER_SIZE];
    out[..8].copy_from_slice(MAGIC);
    put_u32(&mut out, 8, rows.len() as u32);
    let records_offset = out.len();
    out.extend_from_slice(&records);
    let fst_offset = out.len();
    out.extend_from_slice(&fst_bytes);
    let postings_offset = out.len();
    for p in &postings {
        out.extend_from_slice(&p.to_le_bytes());
    }
    let strings_offset = out.len();
    out.extend_from_slice(&strings);
    put_u32(&mut out, 12, fst_offset as u32);
    put_u32(&mut out, 16, fst_bytes.len() as u32);
    put_u32(&mut out, 20, postings_offset as u32);
    put_u32(&mut out, 24, (postings.len() * 4) as u32);
    put_u32(&mut out, 28, strings_offset as u32);
    put_u32(&mut out, 32, strings.len() as u32);
    put_u32(&mut out, 36, records_offset as u32);
    Ok(out)
}
