#!/usr/bin/env python3
"""Writes GUM's person coreference for `train_coref` as JSON Lines, read from
`../shared/eval/` by the function the evaluation uses (`tests/eval/metrics.py`:
`read_gum_coref`), so the trainer learns exactly the gold the scorer checks.

    python3 tools/coref/corpus.py [--data ../shared/eval] [--out target/coref-corpora]

| file | from | trains shipped weights |
|---|---|---|
| train.jsonl | GUM train, the 6 genres whose texts are CC BY / CC BY-SA | yes |
| dev.jsonl | GUM dev, all 15 genres | no (the trainer reports on it) |

One line a document: `{"id", "genre", "text", "mentions", "pronouns"}` (offsets in UTF-8
bytes; see `read_gum_coref`). Written under target/ (never committed: it holds corpus text).
Deterministic: the same data gives the same bytes.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "tests" / "eval"))
import metrics as M  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA)
    ap.add_argument("--out", type=Path, default=ROOT / "target" / "coref-corpora")
    args = ap.parse_args()
    if not (args.data / "coref" / "gum" / "train").is_dir():
        print(f"corpus.py: {args.data}/coref/gum not found", file=sys.stderr)
        return 1
    args.out.mkdir(parents=True, exist_ok=True)
    for name, split, genres in (("train", "train", M.GUM_LICENSED_GENRES), ("dev", "dev", None)):
        docs = M.read_gum_coref(args.data, split, genres)
        with open(args.out / f"{name}.jsonl", "w", encoding="utf-8") as f:
            for d in docs:
                f.write(json.dumps(d, ensure_ascii=False, sort_keys=True) + "\n")
        print(f"{name}: {len(docs)} documents, {sum(len(d['pronouns']) for d in docs)} pronouns")
    return 0


if __name__ == "__main__":
    sys.exit(main())
