#!/usr/bin/env python3
"""Boilerplate evaluation on L3S-GN1 (612 pages): shingle P/R/F1 of `clean_text`
against the gold article text, in text mode (input {id}.txt) and/or HTML mode
(input html/{id}.html.gz). See tests/eval/README.md and ../shared/eval/README.md.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics as M  # noqa: E402


def load_ids(ds: Path) -> list[str]:
    excluded = set()
    ex = ds / "excluded.tsv"
    if ex.is_file():
        with open(ex, encoding="utf-8") as f:
            for row in csv.DictReader(f, delimiter="\t"):
                excluded.add(row["id"])
    with open(ds / "index.tsv", encoding="utf-8") as f:
        ids = [row["id"] for row in csv.DictReader(f, delimiter="\t")]
    return [i for i in ids if i not in excluded and (ds / "gold" / f"{i}.txt").is_file()]


def read(p: Path) -> str:
    with open(p, encoding="utf-8") as f:
        return f.read()


def read_html(p: Path) -> str:
    with gzip.open(p, "rb") as f:
        return f.read().decode("utf-8", "replace")


def evaluate_mode(ds: Path, ids: list[str], golds: dict, mode: str, args) -> dict:
    errors = 0
    wall = None
    if args.baseline == "keep-all":
        preds = {i: read(ds / f"{i}.txt") for i in ids}
    else:
        if mode == "text":
            recs = [{"id": i, "text": read(ds / f"{i}.txt"), "format": "text"} for i in ids]
        else:
            recs = [{"id": i, "text": read_html(ds / "html" / f"{i}.html.gz"), "format": "html"}
                    for i in ids]
        outs, wall = M.run_binary(args.bin, recs)
        preds = {}
        for i, o in zip(ids, outs):
            if "error" in o and "clean_text" not in o:
                errors += 1
                preds[i] = ""
                if args.verbose:
                    print(f"  error on {i}: {o.get('error')}", file=sys.stderr)
            else:
                preds[i] = o.get("clean_text") or ""
    pages = []
    for i in ids:
        pg = M.page_scores(golds[i], preds[i])
        pg["id"] = i
        pg["pred_chars"] = len(preds[i])
        pg["gold_chars"] = len(golds[i])
        pages.append(pg)
    agg = M.aggregate_pages(pages)
    agg["mode"] = mode
    agg["errors"] = errors
    agg["empty_predictions"] = sum(1 for i in ids if not M.tokenize(preds[i]))
    agg["ms_per_page"] = (wall * 1000 / len(ids)) if wall is not None and ids else None
    agg["wall_s"] = wall
    if args.bootstrap:
        agg["std"] = M.bootstrap_std(pages, args.bootstrap)
    agg["_pages"] = pages
    return agg


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA,
                    help="shared eval dir (default: %(default)s)")
    ap.add_argument("--bin", type=Path, default=M.DEFAULT_BIN, help="default: %(default)s")
    ap.add_argument("--mode", choices=["text", "html", "both"], default="both")
    ap.add_argument("--baseline", choices=["keep-all"],
                    help="keep-all: the whole {id}.txt as prediction (no binary)")
    ap.add_argument("--worst", type=int, default=0, metavar="N",
                    help="print the N worst pages by F1")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (quick runs)")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N",
                    help="also report ± std over N bootstrap resamples (README: 1000)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()

    ds = args.data / "boilerplate" / "l3s-gn1"
    if not (ds / "index.tsv").is_file():
        print(f"skipped: boilerplate data {ds} not found")
        return 0
    if not args.baseline:
        M.check_binary(args.bin)
    ids = load_ids(ds)
    if args.limit:
        ids = ids[:args.limit]
    golds = {i: read(ds / "gold" / f"{i}.txt") for i in ids}
    modes = ["text", "html"] if args.mode == "both" else [args.mode]
    if args.baseline == "keep-all":
        modes = ["text"]

    system = args.baseline or str(args.bin)
    print(f"boilerplate: L3S-GN1, {len(ids)} pages, system: {system}")
    print(f"{'mode':6} {'F1':>6} {'P':>6} {'R':>6} {'ms/page':>8} {'errors':>6} {'empty':>6}")
    results = {}
    for mode in modes:
        r = evaluate_mode(ds, ids, golds, mode, args)
        results[mode] = r
        ms = f"{r['ms_per_page']:8.2f}" if r["ms_per_page"] is not None else "       -"
        print(f"{mode:6} {r['f1']:6.3f} {r['p']:6.3f} {r['r']:6.3f} {ms} {r['errors']:6d} "
              f"{r['empty_predictions']:6d}")
        if "std" in r:
            s = r["std"]
            print(f"{'  ±':6} {s['f1']:6.3f} {s['p']:6.3f} {s['r']:6.3f}")
    if args.worst:
        for mode in modes:
            pages = sorted(results[mode]["_pages"], key=lambda pg: (pg["f1"], pg["id"]))
            print(f"\nworst {args.worst} pages ({mode} mode): F1 P R pred_chars gold_chars id")
            for pg in pages[:args.worst]:
                print(f"  {pg['f1']:.3f} {M.fmt(pg['p']).strip():>5} {M.fmt(pg['r']).strip():>5} "
                      f"{pg['pred_chars']:7d} {pg['gold_chars']:7d}  {pg['id']}")
    if args.json:
        out = {"dataset": "l3s-gn1", "pages": len(ids), "system": system,
               "modes": {m: {k: v for k, v in r.items() if k != "_pages"}
                         for m, r in results.items()}}
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
