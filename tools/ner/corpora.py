#!/usr/bin/env python3
"""Writes the name tagger's corpora in one format for `train_ner`: CoNLL++, Universal NER
English-EWT and GUM's named mentions, read from `../shared/eval/` by the same functions the
evaluation uses (`tests/eval/metrics.py`: `read_conll`, `read_uner`, `read_gum_named`), so the
trainer learns exactly the gold the scorer checks.

    python3 tools/ner/corpora.py [--data ../shared/eval] [--out target/ner-corpora]

Each file: `-DOCSTART-` before every document, one `token<TAB>IOB2 tag` line a token, a blank
line after every sentence. Written under target/ (never committed: it holds corpus text).

| file | from | trains shipped weights |
|---|---|---|
| conllpp.train / .dev | CoNLL++ train / dev | train only |
| uner.train / .dev / .test | UNER English-EWT (train: the preliminary release, names without a final `'s`) | train only |
| gum.train | GUM train, the 6 genres whose texts are CC BY / CC BY-SA | yes |
| gum.dev / .test | GUM dev / test, all 15 genres (evaluation only) | no |

Deterministic: the same data gives the same bytes.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "eval"))
import metrics as M  # noqa: E402


POSSESSIVE = ("'s", "’s", "'", "’")


def without_possessive(docs):
    """Universal NER counts a name's genitive `'s` as part of the name ("[Hackney 's]");
    CoNLL++ and GUM's name spans do not, and the product marks names without it. Training
    on both conventions teaches the tagger to open a name on a bare `'s` ("People 's
    Mojahedin" -> "'s Mojahedin…"), so UNER's training names lose a final `'s` here. (The
    evaluation keeps UNER's gold as it is.)"""
    for doc in docs:
        for sent in doc:
            for k, (tok, tag) in enumerate(sent):
                nxt = sent[k + 1][1] if k + 1 < len(sent) else "O"
                if tok in POSSESSIVE and tag.startswith("I-") and not nxt.startswith("I-"):
                    sent[k] = (tok, "O")
    return docs


def write(path: Path, docs) -> int:
    lines = []
    for doc in docs:
        lines.append("-DOCSTART-\tO\n")
        for sent in doc:
            lines.extend(f"{tok}\t{tag}\n" for tok, tag in sent)
            lines.append("\n")
    path.write_text("".join(lines), encoding="utf-8")
    return sum(1 for doc in docs for s in doc for _, t in s if t.startswith("B-"))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "target" / "ner-corpora")
    args = ap.parse_args()
    d = args.data
    uner = d / "ner" / "uner_en_ewt"
    sets = {
        "conllpp.train": lambda: M.read_conll(d / "ner" / "conllpp_train.txt"),
        "conllpp.dev": lambda: M.read_conll(d / "ner" / "conllpp_dev.txt"),
        "uner.train": lambda: without_possessive(
            M.read_uner(uner / "en_ewt-ud-train.prelim-0c7ce0d.iob2")),
        "uner.dev": lambda: M.read_uner(uner / "en_ewt-ud-dev.iob2"),
        "uner.test": lambda: M.read_uner(uner / "en_ewt-ud-test.iob2"),
        "gum.train": lambda: M.read_gum_named(d, "train", M.GUM_LICENSED_GENRES),
        "gum.dev": lambda: M.read_gum_named(d, "dev"),
        "gum.test": lambda: M.read_gum_named(d, "test"),
    }
    if not (d / "ner").is_dir():
        print(f"skipped: NER data {d / 'ner'} not found")
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, load in sets.items():
        docs = load()
        n = write(args.out / name, docs)
        print(f"{name}: {len(docs)} documents, {n} entities", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
