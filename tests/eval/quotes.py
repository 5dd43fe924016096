#!/usr/bin/env python3
"""Quote and speaker evaluation on PolNeAR (dev: 84 articles, 930 gold direct quotes,
2,195 attributions): GenderGapTracker-style matching at overlap thresholds 0.3 and 0.8,
speaker accuracy, unknown rate; direct-quote and all-attributions variants.
See tests/eval/README.md and ../shared/eval/README.md.
"""

from __future__ import annotations

import argparse
import json
import random
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics as M  # noqa: E402

DIRECT_KINDS = {"direct", "partial"}
ALL_KINDS = {"direct", "partial", "indirect"}
THRESHOLDS = (0.3, 0.8)


def load_gold(split_dir: Path) -> list[dict]:
    arts = []
    with open(split_dir / "gold.jsonl", encoding="utf-8") as f:
        for line in f:
            if line.strip():
                arts.append(json.loads(line))
    bad = 0
    for a in arts:
        if a.get("units", "cp") != "cp":
            raise SystemExit(f"error: gold units {a.get('units')!r} (expected cp) in {a['article']}")
        with open(split_dir / "text" / f"{a['article']}.txt", encoding="utf-8") as f:
            a["_text"] = f.read()
        for q in a["direct_quotes"] + a["attributions"]:
            if a["_text"][q["start"]:q["end"]] != q["text"]:
                bad += 1
    if bad:
        print(f"warning: {bad} gold spans do not match their text", file=sys.stderr)
    return arts


def convert_prediction(out: dict, text: str, stats: dict, pieces: bool = False) -> list[dict]:
    """Our Analysis (UTF-8 byte offsets) -> scorer items in code points.

    With `pieces`, a quote in several pieces (`"A," he said, "B."`, or one running over
    several paragraphs) gives one item per piece: the quoted substrings, as the gold direct
    quotes are defined. Without, one item per quote: the whole attribution, as the gold
    content spans are."""
    if "error" in out and "quotes" not in out:
        stats["errors"] += 1
        return []
    atext = out.get("text")
    if atext is None:
        atext = text
    if atext != text:
        stats["text_mismatch"] += 1
    m = M.utf8_to_cp_map(atext)
    items = []
    for q in out.get("quotes") or []:
        sp = q.get("speaker")
        speaker = None
        if sp:
            speaker = {"text": sp.get("name") or sp.get("text") or "",
                       "start": M.cp(m, sp.get("start")), "end": M.cp(m, sp.get("end"))}
        spans = [(q["start"], q["end"])]
        if pieces and q.get("parts"):
            spans = [(p["start"], p["end"]) for p in q["parts"]]
        for s, e in spans:
            items.append({"start": M.cp(m, s), "end": M.cp(m, e),
                          "kind": q.get("kind") or "direct", "speaker": speaker,
                          "text": atext[s:e] if pieces else q.get("text")})
    return items


def gold_as_output(text: str, items: list[dict], kind: str) -> dict:
    """An Analysis-like object holding gold items as quotes of `kind`, with UTF-8 byte
    offsets like the binary's output (so the baseline exercises the same conversion)."""
    def b(i: int) -> int:
        return len(text[:i].encode("utf-8"))
    quotes = []
    for q in items:
        sp = q.get("speaker")
        quotes.append({"start": b(q["start"]), "end": b(q["end"]), "kind": kind, "text": q["text"],
                       "speaker": ({"name": sp["text"], "text": sp["text"],
                                    "start": b(sp["start"]), "end": b(sp["end"])} if sp else None)})
    return {"text": text, "quotes": quotes}


def snippet(text: str, s: int, e: int, width: int = 110) -> str:
    t = text[s:e].replace("\n", "⏎")
    return t if len(t) <= width else t[:width - 1] + "…"


def spk(sp: dict | None) -> str:
    if not sp:
        return "null"
    return f"{sp.get('text')!r}@{sp.get('start')}-{sp.get('end')}"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA,
                    help="shared eval dir (default: %(default)s)")
    ap.add_argument("--bin", type=Path, default=M.DEFAULT_BIN, help="default: %(default)s")
    ap.add_argument("--split", choices=["dev", "train"], default="dev")
    ap.add_argument("--baseline", choices=["gold", "gold-direct"],
                    help="gold: the gold itself as predictions, per variant (must give 1.0); "
                         "gold-direct: only the gold direct quotes (bound of a direct-only system)")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print N missed, N false and N wrong-speaker direct quotes (@0.3)")
    ap.add_argument("--context", action="store_true",
                    help="with --errors: print the text around each wrong-speaker quote")
    ap.add_argument("--seed", type=int, default=0, help="seed for sampling --errors")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    args = ap.parse_args()

    split_dir = args.data / "quotes" / "polnear" / args.split
    if not (split_dir / "gold.jsonl").is_file():
        print(f"skipped: quote data {split_dir} not found")
        return 0
    if not args.baseline:
        M.check_binary(args.bin)
    arts = load_gold(split_dir)
    if args.limit:
        arts = arts[:args.limit]

    stats = {"errors": 0, "text_mismatch": 0}
    wall = None
    # per article: predictions for the direct variant and for the all variant
    preds_direct: list[list[dict]] = []
    preds_all: list[list[dict]] = []
    if args.baseline in ("gold", "gold-direct"):
        for a in arts:
            t = a["_text"]
            d = convert_prediction(gold_as_output(t, a["direct_quotes"], "direct"), t, stats)
            preds_direct.append(d)
            if args.baseline == "gold":
                preds_all.append(convert_prediction(
                    gold_as_output(t, a["attributions"], "indirect"), t, stats))
            else:
                preds_all.append(d)
    else:
        recs = [{"id": a["article"], "text": a["_text"], "format": "text"} for a in arts]
        outs, wall = M.run_binary(args.bin, recs)
        for a, o in zip(arts, outs):
            pieces = convert_prediction(o, a["_text"], stats, pieces=True)
            preds_direct.append([q for q in pieces if q["kind"] in DIRECT_KINDS])
            items = convert_prediction(o, a["_text"], {"errors": 0, "text_mismatch": 0})
            preds_all.append([q for q in items if q["kind"] in ALL_KINDS])

    results = {}
    direct_matches = []
    for variant, gkey, preds in (("direct", "direct_quotes", preds_direct),
                                 ("all", "attributions", preds_all)):
        for th in THRESHOLDS:
            sc = M.QuoteScore()
            for a, p in zip(arts, preds):
                mres = M.match_quotes(a["_text"], a[gkey], p, th)
                sc.add(mres)
                if variant == "direct" and th == 0.3:
                    direct_matches.append((a, mres))
            results[f"{variant}@{th}"] = sc.result()

    n = len(arts)
    ms = wall * 1000 / n if wall is not None and n else None
    system = args.baseline or str(args.bin)
    ngold_d = sum(len(a["direct_quotes"]) for a in arts)
    ngold_a = sum(len(a["attributions"]) for a in arts)
    print(f"quotes: PolNeAR {args.split}, {n} articles, {ngold_d} gold direct quotes, "
          f"{ngold_a} attributions, system: {system}")
    d3, d8, a3, a8 = (results["direct@0.3"], results["direct@0.8"],
                      results["all@0.3"], results["all@0.8"])
    print(f"{'':14} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} "
          f"{'spk acc':>7} {'unknown':>7}")
    for name, r in (("direct@0.3", d3), ("direct@0.8", d8), ("all@0.3", a3), ("all@0.8", a8)):
        print(f"{name:14} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['tp']:5d} {r['fp']:5d} "
              f"{r['fn']:5d} {r['speaker_acc']:7.3f} {r['unknown_rate']:7.3f}")
    print("summary: direct@0.3 P/R/F1 {:.3f} / {:.3f} / {:.3f} | speaker acc {:.3f} | "
          "unknown {:.3f} | direct@0.8 F1 {:.3f} | all@0.3 P/R/F1 {:.3f} / {:.3f} / {:.3f} | "
          "ms/article {}".format(d3["p"], d3["r"], d3["f1"], d3["speaker_acc"],
                                 d3["unknown_rate"], d8["f1"], a3["p"], a3["r"], a3["f1"],
                                 f"{ms:.2f}" if ms is not None else "-"))
    if stats["errors"] or stats["text_mismatch"]:
        print(f"warning: {stats['errors']} articles returned an error, "
              f"{stats['text_mismatch']} analysed texts differ from the input text")

    if args.errors:
        rng = random.Random(args.seed)
        missed = [(a, g) for a, m in direct_matches for g in m["missed"]]
        false = [(a, p) for a, m in direct_matches for p in m["false"]]
        wrong = [(a, g, p) for a, m in direct_matches for g, p, _ in m["pairs"]
                 if not M.speaker_right(g.get("speaker"), p.get("speaker"))]
        k = args.errors
        print(f"\n--- missed gold direct quotes (@0.3): {len(missed)}, showing {min(k, len(missed))}")
        for a, g in sorted(rng.sample(missed, min(k, len(missed))), key=lambda x: x[0]["article"]):
            print(f"  {a['article']} [{g['start']},{g['end']}) spk={spk(g.get('speaker'))}\n"
                  f"      {snippet(a['_text'], g['start'], g['end'])}")
        print(f"\n--- false direct predictions (@0.3): {len(false)}, showing {min(k, len(false))}")
        for a, p in sorted(rng.sample(false, min(k, len(false))), key=lambda x: x[0]["article"]):
            print(f"  {a['article']} [{p['start']},{p['end']}) {p['kind']} spk={spk(p.get('speaker'))}"
                  f"\n      {snippet(a['_text'], p['start'], p['end'])}")
        print(f"\n--- matched with wrong speaker (@0.3): {len(wrong)}, showing {min(k, len(wrong))}")
        for a, g, p in sorted(rng.sample(wrong, min(k, len(wrong))), key=lambda x: x[0]["article"]):
            print(f"  {a['article']} [{g['start']},{g['end']}) gold={spk(g.get('speaker'))} "
                  f"pred={spk(p.get('speaker'))}\n      {snippet(a['_text'], g['start'], g['end'])}")
            if args.context:
                spans = [g] + [s for s in (g.get("speaker"), p.get("speaker")) if s]
                lo = max(0, min(s["start"] for s in spans) - 60)
                hi = max(s["end"] for s in spans) + 60
                print(f"      context: {snippet(a['_text'], lo, hi, 600)}")

    if args.json:
        out = {"dataset": f"polnear-{args.split}", "articles": n, "gold_direct": ngold_d,
               "gold_attributions": ngold_a, "system": system, "ms_per_article": ms,
               "wall_s": wall, **stats, "scores": results}
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
