#!/usr/bin/env python3
"""Rebuild data/ner/first_names.txt, the given names the tagger sees as a feature.

Downloads the pinned `Faker` wheel from PyPI with `pip download`, checks its SHA-256, reads the
first-name lists of its person providers (every locale; names written in Latin letters only)
and writes them lower-cased, sorted, one a line. Deterministic: the same pin gives the same
file. The tagger embeds it; retrain the models after changing it.

    python3 scripts/fetch_names.py
"""

import hashlib
import importlib
import os
import subprocess
import sys
import tempfile
import unicodedata
import zipfile

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
OUT = os.path.join(ROOT, "data", "ner")
PIN = ("faker", "40.54.0")
SHA256 = "2dd88ee8cb63a9149e19ef48bdd73879bc3854d8ba2d6c1535e902a762e603f7"
LISTS = {
    "first_names.txt": ["first_names", "first_names_male", "first_names_female",
                        "first_names_nonbinary"],
}


def latin(name):
    return bool(name) and all(
        (c.isalpha() and "LATIN" in unicodedata.name(c, "")) or c in "-'" for c in name
    )


def names_of(provider, module, attrs):
    """The names a locale's provider defines itself (not those it inherits)."""
    out = set()
    for attr in attrs:
        for cls in provider.__mro__:
            if attr in cls.__dict__ and cls.__module__ == module:
                value = cls.__dict__[attr]
                if isinstance(value, dict):
                    value = list(value)
                if isinstance(value, (list, tuple, set)):
                    out.update(v for v in value if isinstance(v, str))
                break
    return out


def main():
    with tempfile.TemporaryDirectory() as tmp:
        subprocess.run(
            [sys.executable, "-m", "pip", "download", "--no-deps", "--only-binary", ":all:",
             "-d", tmp, f"{PIN[0]}=={PIN[1]}"],
            check=True, stdout=subprocess.DEVNULL,
        )
        (wheel,) = [os.path.join(tmp, f) for f in os.listdir(tmp) if f.endswith(".whl")]
        with open(wheel, "rb") as f:
            digest = hashlib.sha256(f.read()).hexdigest()
        if digest != SHA256:
            sys.exit(f"{wheel}: SHA-256 {digest}, expected {SHA256}")
        src = os.path.join(tmp, "src")
        zipfile.ZipFile(wheel).extractall(src)
        sys.path.insert(0, src)
        base = os.path.join(src, "faker", "providers", "person")
        lists = {file: set() for file in LISTS}
        for loc in sorted(os.listdir(base)):
            if loc.startswith("_") or not os.path.isdir(os.path.join(base, loc)):
                continue
            module = f"faker.providers.person.{loc}"
            provider = importlib.import_module(module).Provider
            for file, attrs in LISTS.items():
                lists[file].update(n.strip().lower() for n in names_of(provider, module, attrs))
    os.makedirs(OUT, exist_ok=True)
    for file, names in lists.items():
        names = sorted(n for n in names if latin(n) and len(n) >= 2)
        path = os.path.join(OUT, file)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("".join(n + "\n" for n in names))
        print(f"{path}: {len(names)} names")


if __name__ == "__main__":
    main()
