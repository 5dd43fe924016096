#!/usr/bin/env python3
"""Named-entity evaluation on three sets: CoNLL++ dev (216 documents, 5,942 entities,
PER/ORG/LOC/MISC), Universal NER English-EWT test (316 documents, 1,088 entities, PER/ORG/LOC)
and GUM test's named mentions (30 documents, PER/ORG/LOC; see metrics.gum_named_mentions).
Documents rebuilt as plain text, our entities mapped to the set's types, projected onto
tokens (IOB2), scored with conlleval / seqeval default-mode semantics.
See tests/eval/README.md and ../shared/eval/README.md.
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics as M  # noqa: E402

TYPES = M.NER_TYPES


OUR_KIND = {"PER": "PERSON", "ORG": "ORG", "LOC": "PLACE", "MISC": "MISC"}


def gold_as_output(doc, text: str, spans) -> dict:
    """An Analysis-like object holding the gold entities (UTF-8 byte offsets)."""
    ents = []
    for sent, sp in zip(doc, spans):
        for typ, a, b in M.get_chunks([tag for _, tag in sent]):
            s, e = sp[a][0], sp[b][1]
            bs, be = len(text[:s].encode("utf-8")), len(text[:e].encode("utf-8"))
            ents.append({"start": bs, "end": be, "text": text[s:e], "kind": OUR_KIND[typ]})
    return {"text": text, "entities": ents}


# The sets: name -> (what, documents loader(data, file option), gold types).
SETS = ("conllpp", "uner", "gum")


def load_set(name: str, data: Path, conll_file: str):
    """The documents of one set and the path that must exist, or None when absent."""
    if name == "conllpp":
        path = data / "ner" / conll_file
        return path, (lambda: M.read_conll(path)), TYPES
    if name == "uner":
        path = data / "ner" / "uner_en_ewt" / "en_ewt-ud-test.iob2"
        return path, (lambda: M.read_uner(path)), M.UNER_TYPES
    path = data / "coref" / "gum" / "test"
    return path, (lambda: M.read_gum_named(data, "test")), M.UNER_TYPES


LABEL = {"conllpp": None, "uner": "UNER English-EWT test",
         "gum": "GUM test, named person/organisation/place mentions (30 documents, 15 genres)"}


def predicted_entities(o: dict, text: str, types, dropped: Counter):
    """The output's entities as (start, end, CoNLL type) in code points; kinds the set does
    not annotate are dropped (numbers; MISC where the set has no MISC)."""
    ents = []
    m = M.utf8_to_cp_map(o.get("text", text))
    for e in o.get("entities") or []:
        typ = M.NER_KIND_MAP.get(e.get("kind"))
        if typ is None or typ not in types:
            dropped[e.get("kind")] += 1
            continue
        ents.append((M.cp(m, e["start"]), M.cp(m, e["end"]), typ))
    return ents


def print_errors(docs, gold_seqs, pred_seqs, top: int) -> None:
    toks = [[tok for tok, _ in sent] for doc in docs for sent in doc]
    fp: Counter = Counter()
    fn: Counter = Counter()
    for k, (g, p) in enumerate(zip(gold_seqs, pred_seqs)):
        gc = {c: None for c in M.get_chunks(g)}
        pc = {c: None for c in M.get_chunks(p)}
        for c in pc:
            if c not in gc:
                # what gold says about the same tokens
                gl = sorted({x[0] for x in gc if x[1] <= c[2] and c[1] <= x[2]})
                fp[(" ".join(toks[k][c[1]:c[2] + 1]), c[0], "/".join(gl) or "O")] += 1
        for c in gc:
            if c not in pc:
                pl = sorted({x[0] for x in pc if x[1] <= c[2] and c[1] <= x[2]})
                fn[(" ".join(toks[k][c[1]:c[2] + 1]), c[0], "/".join(pl) or "O")] += 1
    print(f"\n--- false entities (predicted type, gold type over those tokens): "
          f"{sum(fp.values())}")
    for (s, t, g), c in fp.most_common(top):
        print(f"  {c:4d}  {t:4} (gold {g:9}) {s}")
    print(f"\n--- missed entities (gold type, predicted over those tokens): {sum(fn.values())}")
    for (s, t, p), c in fn.most_common(top):
        print(f"  {c:4d}  {t:4} (pred {p:9}) {s}")


def evaluate(name: str, args) -> dict | None:
    path, load, types = load_set(name, args.data, args.file)
    if not path.exists():
        print(f"skipped: NER data {path} not found")
        return None
    docs = load()
    if args.limit:
        docs = docs[:args.limit]
    texts, spans, gold_seqs = M.conll_documents(docs)

    wall = None
    errors = mismatch = 0
    dropped: Counter = Counter()
    if args.baseline == "gold":
        # Round trip through the same path as the binary's output: gold chunks ->
        # entities with UTF-8 byte offsets and our kinds -> code points -> projection.
        outs = [gold_as_output(doc, t, sp) for doc, t, sp in zip(docs, texts, spans)]
    else:
        recs = [{"id": i, "text": t, "format": "text"} for i, t in enumerate(texts)]
        outs, wall = M.run_binary(args.bin, recs)
    pred_seqs = []
    for text, sp, o in zip(texts, spans, outs):
        ents = []
        if "error" in o and "entities" not in o:
            errors += 1
        else:
            mismatch += o.get("text", text) != text
            ents = predicted_entities(o, text, types, dropped)
        pred_seqs.extend(M.project_entities(sp, ents))

    typed = M.conll_score(gold_seqs, pred_seqs)
    untyped = M.conll_score([M.untype(s) for s in gold_seqs], [M.untype(s) for s in pred_seqs])
    n = len(docs)
    ms = wall * 1000 / n if wall is not None and n else None
    system = args.baseline or str(args.bin)
    label = LABEL[name] or args.file
    print(f"ner: {label}, {n} documents, {len(gold_seqs)} sentences, "
          f"{typed['gold']} gold entities, system: {system}")
    print(M.conll_table(typed, untyped, types))
    per = " ".join("{} {:.3f}".format(t, typed["per_type"].get(t, {"f1": 0.0})["f1"])
                   for t in types)
    print("summary: {} typed P/R/F1 {:.3f} / {:.3f} / {:.3f} | untyped F1 {:.3f} | {} | "
          "ms/doc {}".format(name, typed["p"], typed["r"], typed["f1"], untyped["f1"], per,
                             f"{ms:.2f}" if ms is not None else "-"))
    if errors or mismatch:
        print(f"warning: {errors} documents returned an error, {mismatch} analysed texts differ "
              "from the input text")
    if args.errors:
        print_errors(docs, gold_seqs, pred_seqs, args.errors)
        if dropped:
            print(f"\n(dropped kinds: {dict(dropped)})")
    print()
    return {"dataset": label, "documents": n, "sentences": len(gold_seqs),
            "system": system, "ms_per_doc": ms, "wall_s": wall, "errors": errors,
            "text_mismatch": mismatch, "typed": typed, "untyped": untyped,
            "dropped_kinds": dict(dropped)}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA,
                    help="shared eval dir (default: %(default)s)")
    ap.add_argument("--bin", type=Path, default=M.DEFAULT_BIN, help="default: %(default)s")
    ap.add_argument("--set", choices=SETS + ("all",), default="all",
                    help="conllpp (CoNLL++ dev), uner (UNER English-EWT test), gum (GUM test "
                         "named mentions), or all (default)")
    ap.add_argument("--file", default="conllpp_dev.txt",
                    help="conllpp: file under ner/ (default: %(default)s; conllpp_train.txt "
                         "for train)")
    ap.add_argument("--baseline", choices=["gold"],
                    help="gold entities as predictions, through the same offset conversion "
                         "and projection as the binary's output (must give 1.0)")
    ap.add_argument("--errors", type=int, default=0, metavar="N",
                    help="print the N most frequent false and missed entities")
    ap.add_argument("--limit", type=int, default=0, help="only the first N documents")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    args = ap.parse_args()

    names = SETS if args.set == "all" else (args.set,)
    if not args.data.is_dir():
        print(f"skipped: shared eval data {args.data} not found")
        return 0
    if not args.baseline:
        M.check_binary(args.bin)
    results = {n: r for n in names if (r := evaluate(n, args)) is not None}
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
