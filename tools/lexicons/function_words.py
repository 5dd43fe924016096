#!/usr/bin/env python3
"""Regenerate crate/data/function_words.txt: the most frequent function words of each language,
for the boilerplate classifier's language-independent "share of function words" feature.

Usage (from the repo root):  python3 tools/lexicons/function_words.py [--pkg-dir DIR]

Inputs, fetched from the registries into a temporary directory (or --pkg-dir):
  * PyPI  wordfreq==3.1.1   word frequencies of 40+ languages (code Apache-2.0; data CC BY-SA 4.0)
  * npm   stopwords-iso@1.1.0  stop-word lists of 58 languages (MIT)

A language's function words: the words of its stopwords-iso list ranked by wordfreq frequency,
the TOP_N most frequent kept (stopwords-iso's lists mix in content words; frequency keeps the
real function words). A language wordfreq has but stopwords-iso lacks gets wordfreq's TOP_N most
frequent words. Languages are keyed by ISO 639-3 code, as `whatlang` names them.

Output: one line per language, `code<TAB>word word …` (most frequent first), sorted by code.
Deterministic.
"""
from __future__ import annotations

import argparse
import gzip
import json
import subprocess
import sys
import tarfile
import tempfile
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
OUT = ROOT / "crate" / "data" / "function_words.txt"
TOP_N = 120

# wordfreq / stopwords-iso code -> ISO 639-3 as whatlang reports it.
CODES = {
    "ar": "ara", "bg": "bul", "bn": "ben", "ca": "cat", "cs": "ces", "da": "dan", "de": "deu",
    "el": "ell", "en": "eng", "es": "spa", "fa": "pes", "fi": "fin", "fil": "tgl", "fr": "fra",
    "he": "heb", "hi": "hin", "hu": "hun", "id": "ind", "it": "ita", "lt": "lit", "lv": "lav",
    "mk": "mkd", "nb": "nob", "nl": "nld", "pl": "pol", "pt": "por", "ro": "ron", "ru": "rus",
    "sh": "hrv", "sk": "slk", "sl": "slv", "sv": "swe", "ta": "tam", "tr": "tur", "uk": "ukr",
    "ur": "urd", "vi": "vie",
}
# stopwords-iso's code where it differs from wordfreq's.
SW_CODE = {"fil": "tl", "nb": "no", "sh": "hr"}


def fetch_wordfreq(pkg_dir: Path) -> Path:
    """The wordfreq wheel in `pkg_dir`, downloaded from PyPI when missing."""
    whl = next(pkg_dir.glob("wordfreq-3.1.1-*.whl"), None)
    if whl is None:
        subprocess.run([sys.executable, "-m", "pip", "download", "--no-deps", "-q",
                        "wordfreq==3.1.1", "-d", str(pkg_dir)], check=True)
        whl = next(pkg_dir.glob("wordfreq-3.1.1-*.whl"))
    return whl


def fetch(pkg_dir: Path) -> tuple[Path, Path]:
    whl = fetch_wordfreq(pkg_dir)
    tgz = next(pkg_dir.glob("stopwords-iso-1.1.0.tgz"), None)
    if tgz is None:
        subprocess.run(["npm", "pack", "--silent", "stopwords-iso@1.1.0"], cwd=pkg_dir, check=True,
                       stdout=subprocess.DEVNULL)
        tgz = pkg_dir / "stopwords-iso-1.1.0.tgz"
    return whl, tgz


def msgpack_list(raw: bytes):
    """wordfreq's cBpack files are msgpack; decode with the `msgpack` package if present,
    else with the small decoder below (only the types the files use)."""
    try:
        import msgpack  # type: ignore
        return msgpack.unpackb(raw, raw=False)
    except ImportError:
        return _unpack(raw, 0)[0]


def _unpack(b: bytes, i: int):
    t = b[i]
    if t <= 0x7f:
        return t, i + 1
    if 0x90 <= t <= 0x9f or t in (0xdc, 0xdd):
        n, i = ((t & 0x0f), i + 1) if t <= 0x9f else (
            (int.from_bytes(b[i + 1:i + 3], "big"), i + 3) if t == 0xdc else
            (int.from_bytes(b[i + 1:i + 5], "big"), i + 5))
        out = []
        for _ in range(n):
            v, i = _unpack(b, i)
            out.append(v)
        return out, i
    if 0xa0 <= t <= 0xbf or t in (0xd9, 0xda):
        n, i = ((t & 0x1f), i + 1) if t <= 0xbf else (
            (b[i + 1], i + 2) if t == 0xd9 else (int.from_bytes(b[i + 1:i + 3], "big"), i + 3))
        return b[i:i + n].decode("utf-8"), i + n
    if t == 0x81 or 0x80 <= t <= 0x8f:  # small maps (the header)
        n, i = t & 0x0f, i + 1
        out = {}
        for _ in range(n):
            k, i = _unpack(b, i)
            v, i = _unpack(b, i)
            out[k] = v
        return out, i
    if t == 0xcc:
        return b[i + 1], i + 2
    if t == 0xcd:
        return int.from_bytes(b[i + 1:i + 3], "big"), i + 3
    raise ValueError(f"msgpack type {t:#x} not handled")


def buckets(whl: Path, lang: str) -> list[list[str]]:
    """wordfreq's `small_{lang}` list: bucket k holds the words of frequency 10^(-k/100), i.e.
    Zipf 9 - k/100 (the file is [header, bucket0, bucket1, …])."""
    with zipfile.ZipFile(whl) as z:
        raw = gzip.decompress(z.read(f"wordfreq/data/small_{lang}.msgpack.gz"))
    return msgpack_list(raw)[1:]


def ranked_words(whl: Path, lang: str) -> list[str]:
    return [w for bucket in buckets(whl, lang) for w in bucket]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--pkg-dir", type=Path)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        pkg_dir = args.pkg_dir or Path(tmp)
        whl, tgz = fetch(pkg_dir)
        with tarfile.open(tgz) as t:
            iso = json.load(t.extractfile("package/stopwords-iso.json"))
        lines = []
        for wf, code in sorted(CODES.items(), key=lambda kv: kv[1]):
            ranked = [w for w in ranked_words(whl, wf) if any(c.isalpha() for c in w)]
            stop = set(w.lower() for w in iso.get(SW_CODE.get(wf, wf), []))
            words = [w for w in ranked if w in stop] if stop else ranked
            words = words[:TOP_N]
            if any("\t" in w or " " in w for w in words):
                raise SystemExit(f"{code}: a word with whitespace")
            lines.append(f"{code}\t{' '.join(words)}")
    header = ("# Function words per language (ISO 639-3), most frequent first, for the boilerplate\n"
              "# classifier. Generated by tools/lexicons/function_words.py from wordfreq 3.1.1\n"
              "# (PyPI; data CC BY-SA 4.0) and stopwords-iso 1.1.0 (npm; MIT). Do not edit.\n")
    OUT.write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    print(f"wrote {OUT.relative_to(ROOT)}: {len(lines)} languages, {TOP_N} words each at most")
    return 0


if __name__ == "__main__":
    sys.exit(main())
