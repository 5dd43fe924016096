#!/usr/bin/env python3
"""Regenerate crate/data/english_words.bin: what general English says of a word form, for
the part-of-speech tagger and the name tagger, in place of counts from their training corpora:

- how frequent the word is (its Zipf band, case-folded): a capitalised word that is also a
  frequent ordinary word is less likely a name, a rare one more;
- its Brown cluster (case kept): words used alike share a cluster ("Senegal" with "Canada",
  "tweeted" with "posted"), so a word never seen in training is read like those that were.

Usage (from the repo root):
  python3 tools/lexicons/english_words.py [--pkg-dir DIR] [--lower N] [--caps M]

Inputs, fetched from PyPI into a temporary directory (or --pkg-dir):
- wordfreq==3.1.1, its `small_en` list (Robyn Speer; code Apache-2.0, data CC BY-SA 4.0): the
  words of Zipf >= 3.5, case-folded, banded in half steps;
- spacy-lookups-data==1.0.5 (Explosion, MIT), its `en_lexeme_cluster` table (Brown clusters of
  about 190,000 word forms, case kept, each cluster's bit path stored reversed so that its top
  levels are the low bits) and `en_lexeme_prob` (each form's log probability): the N most
  probable forms starting with a lowercase letter and the M most probable starting with a
  capital (an all-capitals form only when its title case has no cluster: the taggers look
  capitals up by their title case too).
Words of letters only (inner `'` `-` `.` allowed). The output is shared under CC BY-SA 4.0
(wordfreq's data). Deterministic.

Output format (integers little endian):
  MAGIC (8 bytes) | u16 V | V × u32: the distinct clusters, ascending, 0 (none) first
  | u32 W | W words sorted by their UTF-8 bytes, each as u8 (bytes shared with the word before)
    + the rest of its bytes + b"\\n"
  | W bytes: low byte of each word's cluster index | W bytes: its high byte
  | W bytes: each word's Zipf band × 2 (0: below 3.5 or not in wordfreq)
(words front-coded, and each kind of number apart, as each compresses best among its own
kind: about 3 bytes a word gzipped).
"""
from __future__ import annotations

import argparse
import gzip
import json
import re
import subprocess
import sys
import tempfile
import zipfile
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import function_words as F  # noqa: E402

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crate" / "data" / "english_words.bin"
MAGIC = b"AIENW\x00\x01\x00"
CLUSTERS_PKG = ("spacy-lookups-data", "1.0.5")
WORD = re.compile(r"^[^\W\d_]+(?:['’.\-][^\W\d_]+)*$")
MIN_ZIPF = 3.5
DEFAULT_LOWER = 19000
DEFAULT_CAPS = 10000


def zipf_bands(whl: Path) -> dict[str, int]:
    """Each wordfreq word of Zipf >= MIN_ZIPF and its band: Zipf × 2, rounded down, at most 15."""
    out: dict[str, int] = {}
    for k, bucket in enumerate(F.buckets(whl, "en")):
        zipf = 9 - k / 100
        if zipf < MIN_ZIPF:
            break
        for w in bucket:
            if WORD.match(w):
                out.setdefault(w, min(int(zipf * 2), 15))
    return out


def fetch_clusters(pkg_dir: Path) -> Path:
    """The spacy-lookups-data wheel in `pkg_dir`, downloaded from PyPI when missing."""
    name, version = CLUSTERS_PKG
    pattern = f"{name.replace('-', '_')}-{version}-*.whl"
    whl = next(pkg_dir.glob(pattern), None)
    if whl is None:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                        f"{name}=={version}", "-d", str(pkg_dir)], check=True)
        whl = next(pkg_dir.glob(pattern))
    return whl


def table(whl: Path, name: str) -> dict:
    with zipfile.ZipFile(whl) as z:
        return json.loads(gzip.decompress(z.read(f"spacy_lookups_data/data/{name}.json.gz")))


def title(w: str) -> str:
    return w[:1] + w[1:].lower()


def choose_clusters(clusters: dict, prob: dict, n_lower: int, n_caps: int) -> dict[str, int]:
    forms = [w for w, c in clusters.items() if c and WORD.match(w)]
    forms.sort(key=lambda w: (-prob.get(w, -99.0), w))
    kept: dict[str, int] = {}
    lower = caps = 0
    for w in forms:
        if w[0].islower():
            if lower < n_lower:
                kept[w] = clusters[w]
                lower += 1
        elif w[0].isupper() and caps < n_caps:
            if len(w) > 1 and w.isupper() and clusters.get(title(w)):
                continue
            kept[w] = clusters[w]
            caps += 1
    return kept


def encode(clusters: dict[str, int], bands: dict[str, int]) -> bytes:
    values = [0] + sorted(set(clusters.values()) - {0})
    index = {c: i for i, c in enumerate(values)}
    words = sorted(set(clusters) | set(bands), key=lambda w: w.encode())
    out = bytearray(MAGIC)
    out += len(values).to_bytes(2, "little")
    for c in values:
        out += c.to_bytes(4, "little")
    out += len(words).to_bytes(4, "little")
    prev = b""
    for w in words:
        b = w.encode()
        k = 0
        while k < min(len(b), len(prev), 255) and b[k] == prev[k]:
            k += 1
        out += bytes([k]) + b[k:] + b"\n"
        prev = b
    ids = [index[clusters.get(w, 0)] for w in words]
    out += bytes(i & 255 for i in ids) + bytes(i >> 8 for i in ids)
    out += bytes(bands.get(w, 0) for w in words)
    return bytes(out)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--pkg-dir", type=Path)
    ap.add_argument("--lower", type=int, default=DEFAULT_LOWER)
    ap.add_argument("--caps", type=int, default=DEFAULT_CAPS)
    ap.add_argument("--out", type=Path, default=OUT)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg_dir = args.pkg_dir or Path(tmp)
        bands = zipf_bands(F.fetch_wordfreq(pkg_dir))
        whl = fetch_clusters(pkg_dir)
        clusters = choose_clusters(table(whl, "en_lexeme_cluster"), table(whl, "en_lexeme_prob"),
                                   args.lower, args.caps)
    blob = encode(clusters, bands)
    args.out.write_bytes(blob)
    words = len(set(clusters) | set(bands))
    print(f"wrote {args.out}: {words} words ({len(bands)} with a Zipf band, {len(clusters)} "
          f"with one of {len(set(clusters.values()))} clusters), {len(blob)} bytes")
    return 0


if __name__ == "__main__":
    sys.exit(main())
