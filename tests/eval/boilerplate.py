#!/usr/bin/env python3
"""Boilerplate evaluation on the three development sets of ../shared/eval/boilerplate:
L3S-GN1 (612 pages) and CleanEval (680 pages) with the shingle P/R/F1 of `clean_text`
against the gold article text, trafilatura (990 pages) with trafilatura's snippet metric
(plus title, author and date rates). Text mode (input {id}.txt, JSON Lines) and/or HTML
mode (the gunzipped html/{id}.html.gz bytes as files: the product decodes them).
See tests/eval/README.md.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import json
import sys
from dataclasses import dataclass, field
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics as M  # noqa: E402

SETS = ("l3s-gn1", "cleaneval", "trafilatura")
SNIPPET_SETS = ("trafilatura",)
META_FIELDS = (("title", "title", M.title_match), ("author", "byline", M.author_match),
               ("date", "published", M.date_match))  # (gold key, Analysis key, rule)


@dataclass
class DevSet:
    name: str
    dir: Path
    ids: list[str]                    # index.tsv order, excluded pages and --limit applied
    text_ids: set[str]                # the pages that have a {id}.txt (text mode)
    gold: dict                        # id -> gold text (shingle) or evaldata item (snippet)
    lang: dict[str, str] = field(default_factory=dict)

    @property
    def snippet(self) -> bool:
        return self.name in SNIPPET_SETS

    def mode_ids(self, mode: str) -> list[str]:
        return [i for i in self.ids if mode == "html" or i in self.text_ids]


def read(p: Path) -> str:
    with open(p, encoding="utf-8") as f:
        return f.read()


def read_tsv(p: Path) -> list[dict]:
    if not p.is_file():
        return []
    with open(p, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t"))


def load_set(name: str, data: Path, limit: int) -> DevSet | None:
    """The set's pages, or None when its directory is absent. Shingle sets: the index
    rows with a gold file, minus excluded.tsv (text and HTML mode alike). trafilatura:
    all index rows (HTML mode); text mode only those not in excluded.tsv."""
    ds = data / "boilerplate" / name
    rows = read_tsv(ds / "index.tsv")
    if not rows:
        return None
    excluded = {r["id"] for r in read_tsv(ds / "excluded.tsv")}
    if name in SNIPPET_SETS:
        with open(ds / "evaldata.json", encoding="utf-8") as f:
            items = {it["file"].removesuffix(".html"): it for it in json.load(f).values()}
        ids = [r["id"] for r in rows if r["id"] in items]
        gold = {i: items[i] for i in ids}
    else:
        ids = [r["id"] for r in rows
               if r["id"] not in excluded and (ds / "gold" / f"{r['id']}.txt").is_file()]
        gold = None
    ids = ids[:limit] if limit else ids
    if gold is None:
        gold = {i: read(ds / "gold" / f"{i}.txt") for i in ids}
    text_ids = {i for i in ids if i not in excluded and (ds / f"{i}.txt").is_file()}
    return DevSet(name, ds, ids, text_ids, gold, {r["id"]: r.get("lang", "") for r in rows})


# ---------------------------------------------------------------------------
# Predictions: {id: {"text", "title", "byline", "published"} or None (no output)}
# ---------------------------------------------------------------------------

def from_analysis(o: dict) -> dict | None:
    """An output line of the binary -> prediction; None for an error line."""
    if "error" in o and "clean_text" not in o:
        return None
    return {"text": o.get("clean_text") or "", "title": o.get("title"),
            "byline": o.get("byline"), "published": o.get("published")}


def run_product(s: DevSet, mode: str, ids: list[str], args) -> tuple[list[dict], float]:
    """Text mode: one `--jsonl` run over {id}.txt; HTML mode: the raw page bytes as files,
    `--format html FILE…` (the product's own decoding)."""
    if mode == "text":
        recs = [{"id": i, "text": read(s.dir / f"{i}.txt"), "format": "text"} for i in ids]
        return M.run_binary(args.bin, recs)
    pages = [gzip.decompress((s.dir / "html" / f"{i}.html.gz").read_bytes()) for i in ids]
    return M.run_binary_files(args.bin, pages, "html")


def read_pred_file(path: Path) -> dict[str, dict]:
    """--pred: JSON Lines of {"id", "text"} (optionally "title", "byline", "published")."""
    preds = {}
    with open(path, encoding="utf-8") as f:
        for n, ln in enumerate(f, 1):
            if ln.strip():
                o = json.loads(ln)
                if not isinstance(o, dict) or "id" not in o:
                    raise SystemExit(f"error: {path} line {n}: not an object with an \"id\"")
                preds[str(o["id"])] = {k: o.get(k) for k in ("text", "title", "byline",
                                                            "published")}
    return preds


def predict(s: DevSet, mode: str, ids: list[str], args) -> tuple[dict, float | None, int, int]:
    """(predictions by id, wall s or None, error lines, ids without a prediction)."""
    if args.baseline == "keep-all":
        return {i: {"text": read(s.dir / f"{i}.txt")} for i in ids}, None, 0, 0
    if args.pred:
        preds = {i: args.pred_data[i] for i in ids if i in args.pred_data}
        return preds, None, 0, len(ids) - len(preds)
    outs, wall = run_product(s, mode, ids, args)
    preds = {}
    for i, o in zip(ids, outs):
        preds[i] = from_analysis(o)
        if preds[i] is None and args.verbose:
            print(f"  error on {i}: {o.get('error')}", file=sys.stderr)
    return preds, wall, sum(1 for p in preds.values() if p is None), 0


# ---------------------------------------------------------------------------
# Scoring
# ---------------------------------------------------------------------------

def text_of(preds: dict, i: str) -> str | None:
    p = preds.get(i)
    return p.get("text") if p else None


def score_shingle(s: DevSet, ids: list[str], preds: dict, args) -> dict:
    pages = []
    for i in ids:
        pred = text_of(preds, i) or ""
        pg = M.page_scores(s.gold[i], pred)
        pg.update(id=i, pred_chars=len(pred), gold_chars=len(s.gold[i]))
        pages.append(pg)
    r = M.aggregate_pages(pages)
    r["empty_predictions"] = sum(1 for i in ids if not M.tokenize(text_of(preds, i) or ""))
    if args.bootstrap:
        r["std"] = M.bootstrap_std(pages, args.bootstrap)
    r["per_page"] = pages
    return r


def score_metadata(s: DevSet, ids: list[str], preds: dict) -> dict:
    """Per field: n = pages whose gold has it (non-empty), hits, rate."""
    out = {}
    for gold_key, pred_key, rule in META_FIELDS:
        have = [i for i in ids if s.gold[i].get(gold_key)]
        hits = sum(1 for i in have if rule(s.gold[i][gold_key], (preds.get(i) or {}).get(pred_key)))
        out[gold_key] = {"n": len(have), "hits": hits, "rate": hits / len(have) if have else 0.0}
    return out


def score_snippet(s: DevSet, ids: list[str], preds: dict, args) -> dict:
    counts = {i: M.snippet_counts(s.gold[i], text_of(preds, i)) for i in ids}
    r = M.snippet_scores(counts.values())
    r["pages"] = len(ids)
    r["empty_predictions"] = sum(1 for i in ids if not M.snippet_norm(text_of(preds, i) or ""))
    groups = {"en": [i for i in ids if s.lang.get(i) == "en"],
              "other": [i for i in ids if s.lang.get(i) != "en"]}
    by_lang: dict[str, list[str]] = {}
    for i in ids:
        by_lang.setdefault(s.lang.get(i) or "?", []).append(i)
    for name, grp in (("groups", groups), ("by_lang", by_lang)):
        r[name] = {k: dict(M.snippet_scores(counts[i] for i in v), pages=len(v),
                           empty=sum(1 for i in v if not M.snippet_norm(text_of(preds, i) or "")))
                   for k, v in grp.items()}
    r["metadata"] = score_metadata(s, ids, preds)
    r["per_page"] = [{"id": i, "lang": s.lang.get(i, ""), "tp": c[0], "fp": c[1], "fn": c[2],
                      "tn": c[3], "f1": M.snippet_scores([c])["f1"],
                      "pred_chars": len(text_of(preds, i) or "")} for i, c in counts.items()]
    return r


def evaluate(s: DevSet, mode: str, args) -> dict:
    ids = s.mode_ids(mode)
    preds, wall, errors, missing = predict(s, mode, ids, args)
    r = (score_snippet if s.snippet else score_shingle)(s, ids, preds, args)
    r.update(set=s.name, mode=mode, errors=errors, missing=missing, wall_s=wall,
             ms_per_page=wall * 1000 / len(ids) if wall is not None and ids else None)
    return r


# ---------------------------------------------------------------------------
# Output
# ---------------------------------------------------------------------------

HEADER = (f"{'set':12} {'mode':5} {'pages':>5} {'F1':>6} {'P':>6} {'R':>6} {'ms/page':>8} "
          f"{'errors':>6} {'empty':>6}")


def row(r: dict) -> str:
    ms = f"{r['ms_per_page']:8.2f}" if r["ms_per_page"] is not None else "       -"
    line = (f"{r['set']:12} {r['mode']:5} {r['pages']:5d} {r['f1']:6.3f} {r['p']:6.3f} "
            f"{r['r']:6.3f} {ms} {r['errors']:6d} {r['empty_predictions']:6d}")
    if r["missing"]:
        line += f"  ({r['missing']} ids not in --pred)"
    if "std" in r:
        sd = r["std"]
        line += f"\n{'':12} {'±':5} {'':5} {sd['f1']:6.3f} {sd['p']:6.3f} {sd['r']:6.3f}"
    return line


def snippet_details(r: dict, by_lang: bool) -> list[str]:
    g, md = r["groups"], r["metadata"]
    out = [f"{r['set']} {r['mode']}: accuracy {r['accuracy']:.3f}, TP {r['tp']} FP {r['fp']} "
           f"FN {r['fn']} TN {r['tn']}; F1 en {g['en']['f1']:.3f} ({g['en']['pages']} pages), "
           f"others {g['other']['f1']:.3f} ({g['other']['pages']} pages); "
           f"empty outputs {r['empty_predictions']}",
           "  metadata: " + ", ".join(f"{k} {v['rate']:.3f} (n {v['n']})" for k, v in md.items())]
    if by_lang:
        out.append(f"  {'lang':5} {'pages':>5} {'F1':>6} {'P':>6} {'R':>6} {'acc':>6} {'empty':>6}")
        for lang, x in sorted(r["by_lang"].items(), key=lambda kv: (-kv[1]["pages"], kv[0])):
            out.append(f"  {lang:5} {x['pages']:5d} {x['f1']:6.3f} {x['p']:6.3f} {x['r']:6.3f} "
                       f"{x['accuracy']:6.3f} {x['empty']:6d}")
    return out


def worst(r: dict, n: int) -> list[str]:
    if "tp" in r:
        pages = sorted(r["per_page"], key=lambda pg: (pg["f1"], -pg["fp"] - pg["fn"], pg["id"]))
        out = [f"worst {n} pages ({r['set']}, {r['mode']} mode): F1 TP FP FN TN pred_chars lang id"]
        out += [f"  {pg['f1']:.3f} {pg['tp']:2d} {pg['fp']:2d} {pg['fn']:2d} {pg['tn']:2d} "
                f"{pg['pred_chars']:7d} {pg['lang']:3} {pg['id']}" for pg in pages[:n]]
        return out
    pages = sorted(r["per_page"], key=lambda pg: (pg["f1"], pg["id"]))
    out = [f"worst {n} pages ({r['set']}, {r['mode']} mode): F1 P R pred_chars gold_chars id"]
    out += [f"  {pg['f1']:.3f} {M.fmt(pg['p']).strip():>5} {M.fmt(pg['r']).strip():>5} "
            f"{pg['pred_chars']:7d} {pg['gold_chars']:7d}  {pg['id']}" for pg in pages[:n]]
    return out


def report(results: list[dict], args) -> None:
    print(HEADER)
    for r in results:
        print(row(r))
    for r in results:
        if "tp" in r:
            print()
            print("\n".join(snippet_details(r, args.by_lang)))
    for r in results:
        if args.worst:
            print()
            print("\n".join(worst(r, args.worst)))


# ---------------------------------------------------------------------------
# Command line
# ---------------------------------------------------------------------------

def parse_args() -> argparse.Namespace:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA,
                    help="shared eval dir (default: %(default)s)")
    ap.add_argument("--bin", type=Path, default=M.DEFAULT_BIN, help="default: %(default)s")
    ap.add_argument("--set", choices=SETS + ("all",), default="all")
    ap.add_argument("--mode", choices=["text", "html", "both"], default="both")
    ap.add_argument("--baseline", choices=["keep-all"],
                    help="keep-all: the whole {id}.txt as prediction (text mode, no binary)")
    ap.add_argument("--pred", type=Path, metavar="FILE.jsonl",
                    help='score {"id", "text"} lines instead of running the binary; '
                         "needs one --set and one --mode (what the file holds)")
    ap.add_argument("--worst", type=int, default=0, metavar="N",
                    help="print the N worst pages per set and mode")
    ap.add_argument("--by-lang", action="store_true", help="trafilatura: a table per language")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages of each set")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N",
                    help="shingle sets: ± std over N bootstrap resamples of pages (README: 1000)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write every number as JSON")
    ap.add_argument("-v", "--verbose", action="store_true")
    args = ap.parse_args()
    if args.pred and (args.set == "all" or args.mode == "both"):
        ap.error("--pred needs --set SET and --mode text|html: what the file holds")
    if args.pred and args.baseline:
        ap.error("--pred and --baseline exclude each other")
    return args


def main() -> int:
    args = parse_args()
    sets = []
    for name in SETS if args.set == "all" else (args.set,):
        s = load_set(name, args.data, args.limit)
        if s is None:
            print(f"skipped: {name}: {args.data / 'boilerplate' / name / 'index.tsv'} not found")
        else:
            sets.append(s)
    if not sets:
        return 0
    args.pred_data = read_pred_file(args.pred) if args.pred else None
    if not (args.baseline or args.pred):
        M.check_binary(args.bin)
    modes = ["text", "html"] if args.mode == "both" else [args.mode]
    if args.baseline == "keep-all":
        modes = ["text"]
    system = args.baseline or (f"predictions {args.pred}" if args.pred else str(args.bin))
    print(f"boilerplate: {', '.join(s.name for s in sets)}; system: {system}")
    results = [evaluate(s, mode, args) for s in sets for mode in modes]
    report(results, args)
    if args.json:
        out = {"system": system, "results": results}
        args.json.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n",
                             encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
