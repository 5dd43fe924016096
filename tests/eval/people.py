#!/usr/bin/env python3
"""Who really said it: resolved-speaker accuracy and the People table on PolNeAR dev, by the
team's scorer (`../shared/eval/people/score_people.py`, gold `speakers.jsonl` made by reading
per `../shared/eval/people/GUIDELINES.md`): resolved-speaker accuracy on matched quotes and end
to end, people-table P / R / F1, share-of-voice error, merged people (a predicted cluster
holding the quotes of two or more different people) and split people (one person's quotes
over several clusters).

Usage (after `cargo build --release -p article-inspector`):
  python3 tests/eval/people.py [--split dev] [--errors] [--rules]
  (--errors: who was merged, who split; --rules: accuracy by the sieve step that chose the
  speaker)

It also prints, held out, the accuracy of "he said" / "she said" speakers and of speakers named
by a description ("the Vermont senator", "the union") on PolNeAR *train* (never tuned on):
quotes whose real-world speaker was named by reading, in
`tests/eval/gold/polnear_train_{pronoun,description}_speakers*.jsonl` (offsets and names only;
their README).
Skips cleanly (exit 0) when ../shared/eval is absent.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import re
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


def whys(analysis: dict) -> list[str]:
    """The `why` of each item `predicted_quotes` gives, in its order (one per piece)."""
    out = []
    for q in analysis.get("quotes", []):
        if (q.get("kind") or "direct") in ("direct", "partial"):
            out += [q.get("why", "")] * len(q.get("parts") or [None])
    return out


def matches(S, split_dir: Path, preds: dict[str, dict]):
    """Per article, each gold direct quote with its annotation and the predicted quote the
    scorer matches to it (greedy, overlap >= 0.3): (article, annotation, cluster, why), the
    last two None when nothing matched."""
    gold = {json.loads(ln)["article"]: json.loads(ln)
            for ln in open(split_dir / "gold.jsonl", encoding="utf-8")}
    for art, spk in sorted(S.speakers(str(split_dir)).items()):
        if art not in preds:
            continue
        text = (split_dir / "text" / f"{art}.txt").read_text(encoding="utf-8")
        ps = S.predicted_quotes(preds[art], text, "utf8")
        why = whys(preds[art])
        used = [False] * len(ps)
        for g, a in zip(gold[art]["direct_quotes"], spk["quotes"]):
            gs = S.trim(text, g["start"], g["end"])
            best, best_s = None, -1.0
            for i, p in enumerate(ps):
                s = S.overlap(gs, p["span"])
                if not used[i] and s >= 0.3 and s > best_s:
                    best, best_s = i, s
            if best is not None:
                used[best] = True
            yield (art, a, ps[best]["cluster"] if best is not None else None,
                   why[best] if best is not None else None)


def errors(S, split_dir: Path, preds: dict[str, dict]) -> None:
    """The predicted clusters holding several gold people's quotes, and the gold people
    whose quotes went to several clusters, per article."""
    credited: dict[str, dict[str, dict[int, str]]] = {}
    for art, a, c, _ in matches(S, split_dir, preds):
        if c is not None and a["type"] == "PERSON":
            credited.setdefault(art, {}).setdefault(a["speaker"], {})[c["id"]] = c["name"]
    for art, people in credited.items():
        by_cluster: dict[int, set[str]] = {}
        names: dict[int, str] = {}
        for person, ids in people.items():
            for cid, name in ids.items():
                by_cluster.setdefault(cid, set()).add(person)
                names[cid] = name
        for cid, held in by_cluster.items():
            if len(held) > 1:
                print(f"merged  {art}: {names[cid]!r} holds {sorted(held)}")
        for person, ids in people.items():
            if len(ids) > 1:
                print(f"split   {art}: {person!r} over {sorted(ids.values())}")


def rules(S, split_dir: Path, preds: dict[str, dict]) -> None:
    """Resolved-speaker accuracy by the sieve step that chose the speaker (the first clause
    of `why`, its quoted words left out), over matched quotes of named speakers."""
    tally: dict[str, list[int]] = {}
    for _, a, c, why in matches(S, split_dir, preds):
        if why is None or a["type"] not in ("PERSON", "ORG", "GROUP"):
            continue
        step = re.sub(r"'[^']*'", "'…'", why.split(";")[0])
        ok = c is not None and S.same_entity(c["name"], a["speaker"], [])
        t = tally.setdefault(step, [0, 0])
        t[0] += 1
        t[1] += ok
    print(f"{'quotes':>7} {'right':>6}  step")
    for step, (n, ok) in sorted(tally.items(), key=lambda kv: -kv[1][0]):
        print(f"{n:7d} {ok / n:6.3f}  {step}")


GOLD_DIR = Path(__file__).resolve().parent / "gold"


def held_out(S, data: Path, binary: Path, pattern: str,
             show: bool) -> list[tuple[dict, bool, bool]]:
    """The hand-made PolNeAR train gold of the files matching `pattern`: each gold quote,
    whether a predicted quote matches it (best overlap >= 0.3), and whether that quote's
    speaker is right (a gold speaker of null is right when the quote is left unnamed);
    printing the wrong ones when `show`."""
    split_dir = data / "quotes" / "polnear" / "train"
    gold = [json.loads(ln)
            for path in sorted(GOLD_DIR.glob(pattern))
            for ln in open(path, encoding="utf-8") if ln.strip()]
    arts = sorted({g["article"] for g in gold})
    preds = analyses(binary, split_dir, arts)
    names = {a: [g["speaker"] for g in gold if g["article"] == a and g["speaker"]] for a in arts}
    out = []
    for g in gold:
        text = (split_dir / "text" / f"{g['article']}.txt").read_text(encoding="utf-8")
        gs = S.trim(text, g["start"], g["end"])
        best, best_s = None, 0.3
        for p in S.predicted_quotes(preds[g["article"]], text, "utf8"):
            o = S.overlap(gs, p["span"])
            if o >= best_s:
                best, best_s = p, o
        c = best and best["cluster"]
        if g["speaker"] is None:
            ok = best is not None and c is None
        else:
            ok = c is not None and S.same_entity(c["name"], g["speaker"], names[g["article"]])
        if show and best is not None and not ok:
            print(f"held out {g['article'][:45]} {g.get('pronoun', g['type'])}: gold "
                  f"{g['speaker']!r}, predicted {c and c['name']!r}")
        out.append((g, best is not None, ok))
    return out


def accuracy(rows) -> str:
    matched = [ok for _, m, ok in rows if m]
    return (f"{sum(matched) / max(len(matched), 1):.3f} of {len(matched)} matched (end to end "
            f"{sum(matched) / max(len(rows), 1):.3f})")


def pronoun_speakers(S, data: Path, binary: Path, show: bool) -> str:
    """Resolved-speaker accuracy of the hand-made "he/she said" gold."""
    rows = held_out(S, data, binary, "polnear_train_pronoun_speakers*.jsonl", show)
    arts = len({g["article"] for g, _, _ in rows})
    return (f"pronoun speakers, PolNeAR train (held out, {len(rows)} quotes read by hand, "
            f"{arts} articles): acc {accuracy(rows)}")


def description_speakers(S, data: Path, binary: Path, show: bool) -> str:
    """The same for speakers named by a description ("the Vermont senator", "the union"):
    those the span itself names, those it only describes, and those the article never names
    (right when left unnamed)."""
    rows = held_out(S, data, binary, "polnear_train_description_speakers*.jsonl", show)
    named = [r for r in rows if r[0]["speaker"] is not None and r[0]["named_in_span"]]
    described = [r for r in rows if r[0]["speaker"] is not None and not r[0]["named_in_span"]]
    unnamed = [r for r in rows if r[0]["speaker"] is None]
    return (f"description speakers, PolNeAR train (held out, {len(rows)} quotes read by hand): "
            f"named in the span {accuracy(named)} | only described {accuracy(described)} | "
            f"never named, left unnamed {accuracy(unnamed)}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA)
    ap.add_argument("--bin", type=Path, default=M.DEFAULT_BIN)
    ap.add_argument("--split", default="dev")
    ap.add_argument("--errors", action="store_true", help="list merged and split people")
    ap.add_argument("--rules", action="store_true",
                    help="resolved-speaker accuracy by the sieve step that chose the speaker")
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
    if (args.data / "quotes" / "polnear" / "train").is_dir():
        print(pronoun_speakers(S, args.data, args.bin, args.errors))
        print(description_speakers(S, args.data, args.bin, args.errors))
    if args.errors:
        errors(S, split_dir, preds)
    if args.rules:
        rules(S, split_dir, preds)
    return 0


if __name__ == "__main__":
    sys.exit(main())
