#!/usr/bin/env python3
"""Who really said it: resolved-speaker accuracy and the People table on PolNeAR dev, by the
team's scorer (`../shared/eval/people/score_people.py`, gold `speakers.jsonl` made by reading
per `../shared/eval/people/GUIDELINES.md`): resolved-speaker accuracy on matched quotes and end
to end, people-table P / R / F1, share-of-voice error, merged people (a predicted cluster
holding the quotes of two or more different people) and split people (one person's quotes
over several clusters).

Usage (after `cargo build --release -p article-inspector`):
  python3 tests/eval/people.py [--split dev] [--errors]   # --errors: who was merged, who split
Skips cleanly (exit 0) when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics as M  # noqa: E402


def load_scorer(data: Path):
    path = data / "people" / "score_people.py"
    spec = importlib.util.spec_from_file_location("score_people", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def analyses(binary: Path, split_dir: Path, arts: list[str]) -> dict[str, dict]:
    files = [str(split_dir / "text" / f"{a}.txt") for a in arts]
    out = subprocess.run([str(binary), "--offsets", "utf8", *files],
                         capture_output=True, text=True, check=True).stdout
    lines = [ln for ln in out.splitlines() if ln.strip()]
    return {a: json.loads(ln) for a, ln in zip(arts, lines)}


def errors(S, split_dir: Path, preds: dict[str, dict]) -> None:
    """Per article: the predicted clusters holding several gold people's quotes, and the
    gold people whose quotes went to several clusters."""
    gold = {json.loads(ln)["article"]: json.loads(ln)
            for ln in open(split_dir / "gold.jsonl", encoding="utf-8")}
    for art, spk in sorted(S.speakers(str(split_dir)).items()):
        if art not in preds:
            continue
        text = (split_dir / "text" / f"{art}.txt").read_text(encoding="utf-8")
        ps = S.predicted_quotes(preds[art], text, "utf8")
        used = [False] * len(ps)
        credited: dict[str, dict[int, str]] = {}
        for g, a in zip(gold[art]["direct_quotes"], spk["quotes"]):
            gs = S.trim(text, g["start"], g["end"])
            best, best_s = None, -1.0
            for i, p in enumerate(ps):
                s = S.overlap(gs, p["span"])
                if not used[i] and s >= 0.3 and s > best_s:
                    best, best_s = i, s
            if best is None:
                continue
            used[best] = True
            c = ps[best]["cluster"]
            if c is not None and a["type"] == "PERSON":
                credited.setdefault(a["speaker"], {})[c["id"]] = c["name"]
        by_cluster: dict[int, set[str]] = {}
        names: dict[int, str] = {}
        for person, ids in credited.items():
            for cid, name in ids.items():
                by_cluster.setdefault(cid, set()).add(person)
                names[cid] = name
        for cid, people in by_cluster.items():
            if len(people) > 1:
                print(f"merged  {art}: {names[cid]!r} holds {sorted(people)}")
        for person, ids in credited.items():
            if len(ids) > 1:
                print(f"split   {art}: {person!r} over {sorted(ids.values())}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA)
    ap.add_argument("--bin", type=Path, default=M.DEFAULT_BIN)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--errors", action="store_true")
    args = ap.parse_args()
    split_dir = args.data / "quotes" / "polnear" / args.split
    if not (split_dir / "speakers.jsonl").exists() or not (args.data / "people").exists():
        print(f"people: skipped ({split_dir / 'speakers.jsonl'} not found)")
        return 0
    if not args.bin.exists():
        raise SystemExit(f"error: {args.bin} not found (cargo build --release -p article-inspector)")
    S = load_scorer(args.data)
    arts = sorted(S.speakers(str(split_dir)))
    preds = analyses(args.bin, split_dir, arts)
    r = S.report(S.score(str(split_dir), preds, "utf8"))
    print(f"people: PolNeAR {args.split}, {r['articles']} articles, "
          f"{r['named_gold_quotes']} quotes of named speakers")
    print(f"summary: resolved speaker acc {r['resolved_speaker_accuracy']:.3f} "
          f"(end to end {r['resolved_speaker_end_to_end']:.3f}) | people P/R/F1 "
          f"{r['people_P']:.3f} / {r['people_R']:.3f} / {r['people_F1']:.3f} | share of voice "
          f"error {r['share_of_voice_error']:.3f} | merged {r['merged_people']} | split "
          f"{r['split_people']} | descriptions given a person {r['described_sources_given_a_person']}")
    if args.errors:
        errors(S, split_dir, preds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
