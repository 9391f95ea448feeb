//! Reading the binary place index in place, from an embedded byte string or a memory map.

use std::ops::Range;
use std::sync::Arc;

use crate::format::{HEADER_SIZE, MAGIC, NO_RECORD, RECORD_SIZE, feature};
use crate::kind::Kinds;

/// The bytes an index lives in.
#[derive(Debug)]
pub(crate) enum Backing {
    Static(&'static [u8]),
    Mapped(memmap2::Mmap),
}

impl Backing {
    fn bytes(&self) -> &[u8] {
        match self {
            Backing::Static(b) => b,
            Backing::Mapped(m) => m,
        }
    }
}

/// A sub-range of shared backing bytes, so the `fst` map can own its part.
#[derive(Clone, Debug)]
pub(crate) struct Part {
    backing: Arc<Backing>,
    range: Range<usize>,
}

impl AsRef<[u8]> for Part {
    fn as_ref(&self) -> &[u8] {
        &self.backing.bytes()[self.range.clone()]
    }
}

/// The kind of a place.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum PlaceKind {
    /// A country.
    Country,
    /// A first-level administrative division.
    Admin1,
    /// A second-level administrative division.
    Admin2,
    /// A populated place.
    City,
}

/// One place of the index, read in place.
#[derive(Clone, Copy, Debug)]
pub struct Place<'g> {
    /// Its position in the index (stable for one index build).
    pub id: u32,
    /// Canonical (GeoNames) name.
    pub name: &'g str,
    /// Country, admin division or city.
    pub kind: PlaceKind,
    /// GeoNames id, when the source has one.
    pub geonames: Option<u32>,
    /// ISO 3166-1 alpha-2 code of the country it lies in.
    pub country: [u8; 2],
    /// Latitude and longitude, when known (not for countries).
    pub coordinates: Option<(f32, f32)>,
    /// Population (0 when unknown).
    pub population: u32,
    /// GeoNames feature code: `PPL`, `PPLC`, `ADM1`, `ADM2`, `PCLI`.
    pub feature: &'static str,
    /// The first-level division it lies in, as a place id.
    pub admin1: Option<u32>,
}

impl Place<'_> {
    /// The country code as a string.
    pub fn country_code(&self) -> &str {
        std::str::from_utf8(&self.country).unwrap_or("")
    }
}

/// The place index: names → places.
#[derive(Clone, Debug)]
pub(crate) struct PlaceIndex {
    backing: Arc<Backing>,
    fst: fst::Map<Part>,
    count: u32,
    records: usize,
    postings: Range<usize>,
    strings: usize,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    u32::from_le_bytes(b[at..at + 4].try_into().unwrap())
}

impl PlaceIndex {
    pub(crate) fn new(backing: Backing) -> Result<PlaceIndex, String> {
        let backing = Arc::new(backing);
        let b = backing.bytes();
        if b.len() < HEADER_SIZE || &b[..8] != MAGIC {
            return Err("not a cronaca gazetteer index (bad magic)".into());
        }
        let count = u32_at(b, 8);
        let fst_range = u32_at(b, 12) as usize..(u32_at(b, 12) + u32_at(b, 16)) as usize;
        let postings = u32_at(b, 20) as usize..(u32_at(b, 20) + u32_at(b, 24)) as usize;
        let strings = u32_at(b, 28) as usize;
        let strings_end = strings + u32_at(b, 32) as usize;
        let records = u32_at(b, 36) as usize;
        if strings_end > b.len()
            || fst_range.end > b.len()
            || postings.end > b.len()
            || records + count as usize * RECORD_SIZE > b.len()
        {
            return Err("truncated gazetteer index".into());
        }
        let part = Part {
            backing: backing.clone(),
            range: fst_range,
        };
        let fst = fst::Map::new(part).map_err(|e| format!("bad name map: {e}"))?;
        Ok(PlaceIndex {
            backing,
            fst,
            count,
            records,
            postings,
            strings,
        })
    }

    pub(crate) fn len(&self) -> usize {
        self.count as usize
    }

    pub(crate) fn fst(&self) -> &fst::Map<Part> {
        &self.fst
    }

    /// The place with id `id`.
    ///
    /// # Panics
    /// When `id` is not below the record count.
    pub(crate) fn place(&self, id: u32) -> Place<'_> {
        assert!(id < self.count, "place id {id} out of range");
        let b = self.backing.bytes();
        let at = self.records + id as usize * RECORD_SIZE;
        let r = &b[at..at + RECORD_SIZE];
        let name_off = self.strings + u32_at(r, 16) as usize;
        let name_len = u16::from_le_bytes([r[24], r[25]]) as usize;
        let name = std::str::from_utf8(&b[name_off..name_off + name_len]).unwrap_or("");
        let lat = f32::from_le_bytes(r[4..8].try_into().unwrap());
        let lon = f32::from_le_bytes(r[8..12].try_into().unwrap());
        let geonames = u32_at(r, 0);
        let admin1 = u32_at(r, 20);
        Place {
            id,
            name,
            kind: match r[28] {
                b'C' => PlaceKind::Country,
                b'A' => PlaceKind::Admin1,
                b'B' => PlaceKind::Admin2,
                _ => PlaceKind::City,
            },
            geonames: (geonames != 0).then_some(geonames),
            country: [r[26], r[27]],
            coordinates: (!lat.is_nan()).then_some((lat, lon)),
            population: u32_at(r, 12),
            feature: match r[29] {
                feature::PPLC => "PPLC",
                feature::ADM1 => "ADM1",
                feature::ADM2 => "ADM2",
                feature::PCLI => "PCLI",
                _ => "PPL",
            },
            admin1: (admin1 != NO_RECORD).then_some(admin1),
        }
    }

    /// Decodes an fst value into (kinds, record ids).
    pub(crate) fn decode(&self, value: u64) -> (Kinds, impl Iterator<Item = u32> + '_) {
        let kinds = Kinds((value >> 48) as u16);
        let count = ((value >> 32) & 0xffff) as usize;
        let reference = value as u32;
        let b = self.backing.bytes();
        let postings = self.postings.clone();
        let ids = (0..count).map(move |i| {
            if count == 1 {
                reference
            } else {
                u32_at(b, postings.start + (reference as usize + i) * 4)
            }
        });
        (kinds, ids)
    }

    /// The places named `folded` (already folded), most populous first.
    pub(crate) fn lookup(&self, folded: &str) -> Vec<Place<'_>> {
        match self.fst.get(folded) {
            Some(v) => self.decode(v).1.map(|id| self.place(id)).collect(),
            None => Vec::new(),
        }
    }

    /// Every country record (reads only the kind byte of each record: the scan is part of
    /// the load time).
    pub(crate) fn countries(&self) -> impl Iterator<Item = Place<'_>> + '_ {
        let b = self.backing.bytes();
        (0..self.count)
            .filter(move |&id| b[self.records + id as usize * RECORD_SIZE + 28] == b'C')
            .map(|id| self.place(id))
    }
}
