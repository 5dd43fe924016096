#!/usr/bin/env python3
"""Peer boilerplate-removal tools on L3S-GN1 (612 pages), scored with exactly the metric of
tests/eval/boilerplate.py (the functions of tests/eval/metrics.py are imported, not copied).

Tools (pinned): trafilatura 2.3.1, jusText 3.0.2, boilerpy3 1.0.7 (PyPI, in tests/eval/peers/.venv/)
and @mozilla/readability 0.6.0 + jsdom 26.1.0 (npm, in tests/eval/peers/.node/). They are installed
on first use. Not part of the product's test command. See tests/eval/peers/README.md.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent))
import metrics as M  # noqa: E402
import boilerplate as B  # noqa: E402  (load_ids, read: same page list and gold reading)

sys.path.insert(0, str(HERE))
from peer_env import Venv, log  # noqa: E402

VENV = Venv(HERE / ".venv")
NODE_DIR = HERE / ".node"
PY_PINS = {"trafilatura": "2.3.1", "justext": "3.0.2"}
# jusText 3.0.2 imports lxml.html.clean, which lxml >= 5.2 moved to the lxml_html_clean package.
PY_EXTRA = ["lxml_html_clean==0.4.6"]
BOILERPY3 = "1.0.7"
NPM_PINS = {"@mozilla/readability": "0.6.0", "jsdom": "26.1.0"}
DEFAULT_TOOLS = ["keep-all", "trafilatura", "justext", "readability", "boilerpy3"]
ALL_TOOLS = DEFAULT_TOOLS + ["trafilatura-defaults"]
MODES_OF = {"keep-all": ["text"], "trafilatura": ["text", "html"],
            "trafilatura-defaults": ["text", "html"], "justext": ["text", "html"],
            "readability": ["html"], "boilerpy3": ["text", "html"]}
WORKER_TIMEOUT_S = 3600


def py_versions() -> dict:
    """Installed versions in the venv of the distributions we care about ({} if no venv)."""
    return VENV.versions(['trafilatura', 'justext', 'boilerpy3', 'lxml', 'lxml_html_clean'])


def setup_python(tools: list[str]) -> set[str]:
    """Make sure the venv has the pinned tools; returns the Python tools that are usable."""
    want = [t for t in tools if t in ("trafilatura", "justext", "boilerpy3")]
    if "trafilatura-defaults" in tools and "trafilatura" not in want:
        want.append("trafilatura")
    if not want:
        return set()
    VENV.ensure()
    have = py_versions()
    need = [f"{d}=={v}" for d, v in PY_PINS.items()
            if d in want and have.get(d) != v]
    if "justext" in want and "lxml_html_clean" not in have:
        need += PY_EXTRA
    if need and not VENV.pip(need):
        raise SystemExit("error: pip install failed: " + " ".join(need))
    if "boilerpy3" in want and have.get("boilerpy3") != BOILERPY3:
        if not VENV.pip([f"boilerpy3=={BOILERPY3}"]):
            log("warning: boilerpy3 did not install; skipping it")
    have = py_versions()
    ok = set()
    if "trafilatura-defaults" in tools and have.get("trafilatura") == PY_PINS["trafilatura"]:
        ok.add("trafilatura-defaults")
    for t in want:
        if t in ("trafilatura", "justext") and have.get(t) == PY_PINS[t]:
            ok.add(t)
        elif t == "boilerpy3" and have.get(t) == BOILERPY3:
            ok.add(t)
        else:
            log(f"warning: {t} not available in {VENV}; skipping it")
    return ok


def npm_versions() -> dict:
    out = {}
    for name in list(NPM_PINS):
        pj = NODE_DIR / "node_modules" / name / "package.json"
        try:
            out[name] = json.loads(pj.read_text(encoding="utf-8"))["version"]
        except (OSError, ValueError, KeyError):
            pass
    return out


def setup_node() -> bool:
    if not shutil.which("node") or not shutil.which("npm"):
        log("warning: node/npm not found; skipping readability")
        return False
    if npm_versions() != NPM_PINS:
        cmd = ["npm", "install", "--prefix", str(NODE_DIR), "--save-exact", "--no-audit",
               "--no-fund", "--loglevel=error"] + [f"{k}@{v}" for k, v in NPM_PINS.items()]
        log("+ " + " ".join(cmd))
        if subprocess.run(cmd).returncode != 0:
            log("warning: npm install failed; skipping readability")
            return False
    return npm_versions() == NPM_PINS


# ---------------------------------------------------------------------------
# running the tools
# ---------------------------------------------------------------------------

def run_worker(tool: str, mode: str, ds: Path, ids: list[str], urls: dict,
               workdir: Path) -> tuple[dict, dict, float]:
    """One process over all pages. Returns (predictions, errors, wall seconds of that process)."""
    lst = workdir / f"{tool}-{mode}.list"
    out = workdir / f"{tool}-{mode}.jsonl"
    with open(lst, "w", encoding="utf-8") as f:
        for i in ids:
            src = ds / "html" / f"{i}.html.gz" if mode == "html" else ds / f"{i}.txt"
            extra = f"\t{urls.get(i, '')}" if tool == "readability" else ""
            f.write(f"{i}\t{src}{extra}\n")
    if tool == "readability":
        cmd = ["node", str(HERE / "readability.mjs"), str(lst), str(out)]
    else:
        cmd = [str(VENV.python), str(HERE / "extract.py"), tool, mode, str(lst), str(out)]
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                          timeout=WORKER_TIMEOUT_S)
    wall = time.perf_counter() - t0
    if proc.returncode != 0:
        log(f"warning: {tool} {mode} exited {proc.returncode}: "
            + proc.stderr.decode("utf-8", "replace").strip()[-500:])
    preds, errors = {}, {}
    if out.is_file():
        with open(out, encoding="utf-8") as f:
            for ln in f:
                if ln.strip():
                    o = json.loads(ln)
                    preds[o["id"]] = o.get("text") or ""
                    if "error" in o:
                        errors[o["id"]] = o["error"]
    for i in ids:
        if i not in preds:
            preds[i] = ""
            errors[i] = "no output"
    return preds, errors, wall


def score(ids: list[str], golds: dict, preds: dict, bootstrap: int) -> dict:
    pages = []
    for i in ids:
        pg = M.page_scores(golds[i], preds[i])
        pg["id"] = i
        pages.append(pg)
    agg = M.aggregate_pages(pages)
    agg["empty_predictions"] = sum(1 for i in ids if not M.tokenize(preds[i]))
    if bootstrap:
        agg["std"] = M.bootstrap_std(pages, bootstrap)
    return agg


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA,
                    help="shared eval dir (default: %(default)s)")
    ap.add_argument("--tools", default=",".join(DEFAULT_TOOLS),
                    help="comma-separated, default %(default)s; also: trafilatura-defaults "
                         "(trafilatura with include_comments=True, its library default)")
    ap.add_argument("--mode", choices=["text", "html", "both"], default="both")
    ap.add_argument("--limit", type=int, default=0, help="only the first N pages (quick runs)")
    ap.add_argument("--bootstrap", type=int, default=0, metavar="N",
                    help="also report ± std over N bootstrap resamples")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    ap.add_argument("--keep", type=Path, metavar="DIR",
                    help="keep the tools' predictions (JSON Lines) in DIR (outside the repo!)")
    ap.add_argument("--setup-only", action="store_true", help="install the tools and stop")
    args = ap.parse_args()

    tools = [t.strip() for t in args.tools.split(",") if t.strip()]
    bad = [t for t in tools if t not in ALL_TOOLS]
    if bad:
        ap.error(f"unknown tool(s) {bad}; choose from {ALL_TOOLS}")
    modes = ["text", "html"] if args.mode == "both" else [args.mode]

    ds = args.data / "boilerplate" / "l3s-gn1"
    if not (ds / "index.tsv").is_file() and not args.setup_only:
        print(f"skipped: boilerplate data {ds} not found")
        return 0

    usable = {"keep-all"} & set(tools)
    usable |= setup_python(tools)
    if "readability" in tools and "html" in modes and setup_node():
        usable.add("readability")
    versions = {**py_versions(), **npm_versions()}
    if args.setup_only:
        print("installed: " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())))
        return 0

    ids = B.load_ids(ds)
    if args.limit:
        ids = ids[:args.limit]
    golds = {i: B.read(ds / "gold" / f"{i}.txt") for i in ids}
    import csv
    with open(ds / "index.tsv", encoding="utf-8") as f:
        urls = {row["id"]: row["url"] for row in csv.DictReader(f, delimiter="\t")}

    print(f"boilerplate peers: L3S-GN1, {len(ids)} pages")
    print("versions: " + ", ".join(f"{k} {v}" for k, v in sorted(versions.items())))
    print(f"{'tool':20} {'mode':6} {'F1':>6} {'P':>6} {'R':>6} {'ms/page':>8} {'errors':>6} "
          f"{'empty':>6}", flush=True)
    results = []
    workdir = Path(tempfile.mkdtemp(prefix="ai-peers-"))
    t_all = time.perf_counter()
    try:
        for mode in modes:
            for tool in tools:
                if mode not in MODES_OF[tool] or tool not in usable:
                    continue
                if tool == "keep-all":
                    preds = {i: B.read(ds / f"{i}.txt") for i in ids}
                    errors, wall = {}, None
                else:
                    preds, errors, wall = run_worker(tool, mode, ds, ids, urls, workdir)
                r = score(ids, golds, preds, args.bootstrap)
                r.update(tool=tool, mode=mode, errors=len(errors), wall_s=wall,
                         ms_per_page=(wall * 1000 / len(ids)) if wall is not None and ids else None)
                if errors:
                    r["error_examples"] = dict(list(errors.items())[:5])
                results.append(r)
                ms = f"{r['ms_per_page']:8.2f}" if r["ms_per_page"] is not None else "       -"
                print(f"{tool:20} {mode:6} {r['f1']:6.3f} {r['p']:6.3f} {r['r']:6.3f} {ms} "
                      f"{r['errors']:6d} {r['empty_predictions']:6d}", flush=True)
                if "std" in r:
                    s = r["std"]
                    print(f"{'':20} {'  ±':6} {s['f1']:6.3f} {s['p']:6.3f} {s['r']:6.3f}")
        if args.keep:
            args.keep.mkdir(parents=True, exist_ok=True)
            for p in workdir.glob("*.jsonl"):
                shutil.copy(p, args.keep / p.name)
    finally:
        shutil.rmtree(workdir, ignore_errors=True)
    total = time.perf_counter() - t_all
    print(f"total wall time {total:.0f} s (ms/page = the tool process's wall time / pages, "
          "start-up and input reading included)")
    if args.json:
        out = {"dataset": "l3s-gn1", "pages": len(ids), "versions": versions,
               "results": results, "wall_s": total}
        args.json.write_text(json.dumps(out, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
