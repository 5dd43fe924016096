#!/usr/bin/env python3
"""Pronouns of people, each put in its person's chain: GUM test (30 documents, 15 genres; no
document of it is trained on), gold from GUM's coreference chains (`metrics.read_gum_coref`).

For every gendered third-person pronoun of a person (he, him, his, himself, she, her, hers,
herself) whose chain names the person before it (a mention headed by a proper noun), the
program's `references` entry for that pronoun is right when its cluster has a mention before
the pronoun inside a gold mention of the pronoun's chain (the smallest gold mention around
it). Unresolved counts as wrong. Also printed: the same on GUM dev, per genre, and how many
pronouns are resolved at all.

Usage (after `cargo build --release -p article-inspector`):
  python3 tests/eval/coref.py [--split test|dev] [--errors N]
Skips cleanly (exit 0) when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics as M  # noqa: E402


def chain_of(mentions: list[dict], start: int, end: int) -> str | None:
    """The chain of the smallest gold mention around [start, end)."""
    around = [m for m in mentions if m["start"] <= start and end <= m["end"]]
    return min(around, key=lambda m: m["end"] - m["start"])["entity"] if around else None


def score_document(rec: dict, out: dict, errors: list) -> Counter:
    """Counts `pronouns`, `resolved`, `right`, and the same for descriptions (`desc_…`)."""
    c = Counter()
    refs = {r["start"]: r for r in out.get("references", [])}
    ents = out.get("entities", [])
    text = rec["text"].encode("utf-8")
    for kind, items in (("", rec["pronouns"]), ("desc_", rec.get("descriptions", []))):
        for p in items:
            named_before = any(m["entity"] == p["entity"] and m["named"]
                               and m["end"] <= p["start"] for m in rec["mentions"])
            if not named_before:
                continue
            c[kind + "pronouns"] += 1
            r = refs.get(p["start"])
            if r is None:
                if not kind:
                    errors.append((rec["id"], text[p["start"]:p["end"]].decode(), "unresolved"))
                continue
            c[kind + "resolved"] += 1
            ours = [e for e in ents if e.get("id") == r["id"] and e["end"] <= p["start"]]
            if any(chain_of(rec["mentions"], e["start"], e["end"]) == p["entity"] for e in ours):
                c[kind + "right"] += 1
            else:
                errors.append((rec["id"], text[p["start"]:p["end"]].decode(), r["why"]))
    return c


def evaluate(split: str, args) -> Counter | None:
    docs = M.read_gum_coref(args.data, split)
    outs, wall = M.run_binary(args.bin, [{"id": d["id"], "text": d["text"]} for d in docs])
    total, by_genre, errors = Counter(), {}, []
    for d, o in zip(docs, outs):
        c = score_document(d, o, errors)
        total.update(c)
        by_genre.setdefault(d["genre"], Counter()).update(c)
    acc = total["right"] / max(1, total["pronouns"])
    print(f"coref: GUM {split}, {len(docs)} documents, {total['pronouns']} pronouns of people "
          f"named before them")
    print(f"  {'genre':<14} {'pronouns':>8} {'resolved':>8} {'right':>6} {'accuracy':>8}")
    for g, c in sorted(by_genre.items()):
        if c["pronouns"]:
            print(f"  {g:<14} {c['pronouns']:>8} {c['resolved']:>8} {c['right']:>6} "
                  f"{c['right'] / c['pronouns']:>8.3f}")
    print(f"summary: GUM {split} pronoun accuracy {acc:.3f} ({total['right']} of "
          f"{total['pronouns']}; resolved {total['resolved']}) | ms/doc {1000 * wall / len(docs):.2f}")
    print(f"  descriptions of people named before them ('the mayor'): "
          f"{total['desc_pronouns']}, resolved {total['desc_resolved']}, right "
          f"{total['desc_right']} (a description is resolved only to a person the text gave "
          f"its role)")
    for e in errors[: args.errors]:
        print("  miss", *e)
    return total


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA)
    ap.add_argument("--bin", type=Path, default=M.DEFAULT_BIN)
    ap.add_argument("--split", choices=["test", "dev", "both"], default="both")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="list N misses")
    args = ap.parse_args()
    if not (args.data / "coref" / "gum" / "test").is_dir():
        print(f"coref: {args.data}/coref/gum not found; skipping")
        return 0
    M.check_binary(args.bin)
    for split in (["dev", "test"] if args.split == "both" else [args.split]):
        evaluate(split, args)
    return 0


if __name__ == "__main__":
    sys.exit(main())
