"""Evaluation metrics for Article Inspector (stdlib only).

Implements exactly the three metrics described in the shared evaluation README
(`../shared/eval/README.md`):

* boilerplate: token-4-gram shingle P/R/F1 (scrapinghub article-extraction-benchmark),
* quotes: GenderGapTracker-style span matching (trim, overlap / longer span, greedy),
  speaker accuracy and unknown rate,
* NER: projection of character-offset entities onto CoNLL tokens (IOB2) and
  conlleval / seqeval (default mode) entity-level scoring.

Also a few helpers shared by the runners (offset conversion, running the binary).
This module is the single place where the metrics live: the runners and
`test_metrics.py` import it.
"""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DATA = REPO_ROOT.parent / "shared" / "eval"
DEFAULT_BIN = REPO_ROOT / "target" / "release" / "article-inspector"


def prf(p: float, r: float) -> float:
    return 2 * p * r / (p + r) if p + r > 0 else 0.0


# ---------------------------------------------------------------------------
# 1. Boilerplate: shingle matching
# ---------------------------------------------------------------------------

_WORD_RE = re.compile(r"\w+")


def tokenize(text: str) -> list[str]:
    """All matches of `\\w+` (Unicode word characters), case kept."""
    return _WORD_RE.findall(text or "")


def shingles(text: str, n: int = 4) -> Counter:
    """Multiset of token n-grams tokens[i:i+n] for i in 0 .. max(1, len-n+1)-1.

    1..n-1 tokens -> exactly one shorter shingle; no tokens -> no shingle."""
    toks = tokenize(text)
    out: Counter = Counter()
    for i in range(max(1, len(toks) - n + 1)):
        sh = tuple(toks[i:i + n])
        if sh:
            out[sh] += 1
    return out


def shingle_counts(gold: str, pred: str, n: int = 4) -> tuple[float, float, float]:
    """Normalised (tp, fp, fn) of one page (divided by tp+fp+fn when > 0)."""
    g = shingles(gold, n)
    p = shingles(pred, n)
    tp = fp = fn = 0
    for key in set(g) | set(p):
        gc, pc = g.get(key, 0), p.get(key, 0)
        tp += min(gc, pc)
        fp += max(0, pc - gc)
        fn += max(0, gc - pc)
    s = tp + fp + fn
    if s > 0:
        return tp / s, fp / s, fn / s
    return 0.0, 0.0, 0.0


def page_precision(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fp == 0:
        return 0.0
    return tp / (tp + fp)


def page_recall(tp: float, fp: float, fn: float) -> float:
    if fp == 0 and fn == 0:
        return 1.0
    if tp == 0 and fn == 0:
        return 0.0
    return tp / (tp + fn)


def page_scores(gold: str, pred: str) -> dict:
    """Per-page numbers: tp/fp/fn (normalised), page P and R (None when the page
    does not count in that mean), and a per-page F1 (for sorting only)."""
    tp, fp, fn = shingle_counts(gold, pred)
    p = page_precision(tp, fp, fn) if tp + fp > 0 else None
    r = page_recall(tp, fp, fn) if tp + fn > 0 else None
    f = prf(p or 0.0, r or 0.0)
    return {"tp": tp, "fp": fp, "fn": fn, "p": p, "r": r, "f1": f}


def aggregate_pages(pages: list[dict]) -> dict:
    """P = mean page precision over pages with tp+fp>0; R = mean page recall over
    pages with tp+fn>0; F1 = 2PR/(P+R) (harmonic mean of the two means)."""
    ps = [pg["p"] for pg in pages if pg["p"] is not None]
    rs = [pg["r"] for pg in pages if pg["r"] is not None]
    P = sum(ps) / len(ps) if ps else 0.0
    R = sum(rs) / len(rs) if rs else 0.0
    return {"p": P, "r": R, "f1": prf(P, R), "pages": len(pages),
            "pages_in_p": len(ps), "pages_in_r": len(rs)}


def boilerplate_score(pairs: list[tuple[str, str]]) -> dict:
    """pairs = [(gold, pred)] -> {p, r, f1, ...}."""
    return aggregate_pages([page_scores(g, p) for g, p in pairs])


def bootstrap_std(pages: list[dict], n: int = 1000, seed: int = 0) -> dict:
    """Standard deviation of P, R, F1 over n bootstrap resamples of pages."""
    import random
    import statistics
    rng = random.Random(seed)
    vals: dict[str, list[float]] = {"p": [], "r": [], "f1": []}
    k = len(pages)
    if k == 0:
        return {"p": 0.0, "r": 0.0, "f1": 0.0}
    for _ in range(n):
        agg = aggregate_pages([pages[rng.randrange(k)] for _ in range(k)])
        for key in vals:
            vals[key].append(agg[key])
    return {key: statistics.pstdev(v) for key, v in vals.items()}


# ---------------------------------------------------------------------------
# 1b. Boilerplate: trafilatura's snippet metric (tests/eval_common.py), and page metadata
# ---------------------------------------------------------------------------

_WS_RE = re.compile(r"\s+")


def snippet_norm(text: str) -> str:
    """trafilatura's norm(): every run of (Unicode) whitespace -> one space, stripped."""
    return _WS_RE.sub(" ", text).strip()


def snippet_counts(item: dict, output: str | None) -> tuple[int, int, int, int]:
    """(tp, fp, fn, tn) of one document, exactly as eval_common.count_item: each "with"
    snippet found in the normalised output is a TP (else FN), each "without" snippet found
    is a FP (else TN). An output of None (a crash) finds nothing."""
    if isinstance(output, str):
        out = snippet_norm(output)
        tp = sum(1 for w in item["with"] if snippet_norm(w) in out)
        fp = sum(1 for w in item["without"] if snippet_norm(w) in out)
    else:
        tp = fp = 0
    return tp, fp, len(item["with"]) - tp, len(item["without"]) - fp


def snippet_scores(counts) -> dict:
    """Micro-averaged P, R, accuracy, F1 over an iterable of (tp, fp, fn, tn), each 0
    when its denominator is 0 (eval_common.ConfusionMatrix.scores)."""
    tp = fp = fn = tn = 0
    for a, b, c, d in counts:
        tp, fp, fn, tn = tp + a, fp + b, fn + c, tn + d
    total = tp + fp + fn + tn
    return {"p": tp / (tp + fp) if tp + fp else 0.0,
            "r": tp / (tp + fn) if tp + fn else 0.0,
            "accuracy": (tp + tn) / total if total else 0.0,
            "f1": 2 * tp / (2 * tp + fp + fn) if 2 * tp + fp + fn else 0.0,
            "tp": tp, "fp": fp, "fn": fn, "tn": tn}


def title_match(gold: str, pred: str | None) -> bool:
    """Title: equal after whitespace normalisation (case and punctuation kept)."""
    return bool(pred) and snippet_norm(gold) == snippet_norm(pred)


_AUTHOR_SEP_RE = re.compile(r",|;|&|\||\sand\s|\sund\s")


def author_names(author) -> frozenset[str]:
    """The set of names in an author string (a list is joined with ", " first):
    whitespace normalised, case folded, split on , ; & | " and " " und "."""
    if isinstance(author, list):
        author = ", ".join(str(a) for a in author)
    names = _AUTHOR_SEP_RE.split(snippet_norm(author or "").casefold())
    return frozenset(n.strip() for n in names if n.strip())


def author_match(gold, pred) -> bool:
    """Author: the same set of names (in any order)."""
    g = author_names(gold)
    return bool(g) and g == author_names(pred)


_DATE_RE = re.compile(r"(\d{4})\D(\d{1,2})\D(\d{1,2})")


def day(date: str | None) -> str | None:
    """YYYY-MM-DD of a date string that starts with year, month, day (any separator, month
    and day zero-padded: the gold has "2022-11-1" once); None otherwise."""
    m = _DATE_RE.match(date.strip()) if isinstance(date, str) else None
    return f"{m[1]}-{int(m[2]):02d}-{int(m[3]):02d}" if m else None


def date_match(gold: str, pred: str | None) -> bool:
    """Date: the same day, i.e. the gold day equals the first 10 characters of the
    prediction (ISO 8601 `published`)."""
    g = day(gold)
    return g is not None and isinstance(pred, str) and pred[:10] == g


# ---------------------------------------------------------------------------
# 2. Quotes: span matching, speaker accuracy
# ---------------------------------------------------------------------------

QUOTE_TRIM_CHARS = set('"“”„‟«»″＂‘’\'‹›')


def trim_span(text: str, start: int, end: int) -> tuple[int, int]:
    """Trim whitespace and quotation marks at both ends of text[start:end]."""
    start = max(0, start)
    end = min(len(text), end)
    while start < end and (text[start].isspace() or text[start] in QUOTE_TRIM_CHARS):
        start += 1
    while end > start and (text[end - 1].isspace() or text[end - 1] in QUOTE_TRIM_CHARS):
        end -= 1
    return start, max(start, end)


def span_overlap(g: tuple[int, int], p: tuple[int, int]) -> float:
    """|g ∩ p| / max(|g|, |p|)."""
    inter = max(0, min(g[1], p[1]) - max(g[0], p[0]))
    longer = max(g[1] - g[0], p[1] - p[0])
    return inter / longer if longer > 0 else 0.0


def last_token(s: str | None) -> str | None:
    toks = tokenize(s or "")
    return toks[-1].lower() if toks else None


def speaker_right(gold_speaker: dict | None, pred_speaker: dict | None) -> bool:
    """Gold has a Source and either the predicted speaker span overlaps one of the
    Source's fragments, or the last \\w+ token of the predicted speaker text equals
    (case-insensitively) the last token of the Source text. Gold without Source:
    right iff no predicted speaker."""
    if not gold_speaker:
        return not pred_speaker
    if not pred_speaker:
        return False
    ps, pe = pred_speaker.get("start"), pred_speaker.get("end")
    if ps is not None and pe is not None:
        frags = gold_speaker.get("fragments") or [[gold_speaker["start"], gold_speaker["end"]]]
        for fs, fe in frags:
            if ps < fe and fs < pe:
                return True
    pt = last_token(pred_speaker.get("text"))
    gt = last_token(gold_speaker.get("text"))
    return pt is not None and pt == gt


def match_quotes(text: str, gold: list[dict], pred: list[dict], threshold: float) -> dict:
    """Greedy matching within one article.

    gold/pred items: {start, end, speaker?}; offsets in code points into `text`.
    Gold quotes are taken in text order; each takes the still-unmatched
    prediction (predictions in text order) with the highest overlap >= threshold,
    ties -> the earlier prediction. Returns counts and the pairs."""
    g_sorted = sorted(gold, key=lambda q: (q["start"], q["end"]))
    p_sorted = sorted(pred, key=lambda q: (q["start"], q["end"]))
    g_spans = [trim_span(text, q["start"], q["end"]) for q in g_sorted]
    p_spans = [trim_span(text, q["start"], q["end"]) for q in p_sorted]
    used = [False] * len(p_sorted)
    pairs = []
    missed = []
    for gi, gs in enumerate(g_spans):
        best, best_ov = -1, -1.0
        for pi, ps in enumerate(p_spans):
            if used[pi]:
                continue
            ov = span_overlap(gs, ps)
            if ov >= threshold and ov > best_ov:
                best, best_ov = pi, ov
        if best >= 0:
            used[best] = True
            pairs.append((g_sorted[gi], p_sorted[best], best_ov))
        else:
            missed.append(g_sorted[gi])
    false = [p_sorted[i] for i in range(len(p_sorted)) if not used[i]]
    right = sum(1 for g, p, _ in pairs if speaker_right(g.get("speaker"), p.get("speaker")))
    unknown = sum(1 for g, p, _ in pairs if not p.get("speaker"))
    return {"tp": len(pairs), "fn": len(missed), "fp": len(false),
            "speaker_right": right, "unknown": unknown,
            "pairs": pairs, "missed": missed, "false": false}


class QuoteScore:
    """Accumulates match_quotes results over articles."""

    def __init__(self) -> None:
        self.tp = self.fp = self.fn = self.right = self.unknown = 0

    def add(self, m: dict) -> None:
        self.tp += m["tp"]
        self.fp += m["fp"]
        self.fn += m["fn"]
        self.right += m["speaker_right"]
        self.unknown += m["unknown"]

    def result(self) -> dict:
        P = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        R = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        return {"p": P, "r": R, "f1": prf(P, R), "tp": self.tp, "fp": self.fp, "fn": self.fn,
                "speaker_acc": self.right / self.tp if self.tp else 0.0,
                "unknown_rate": self.unknown / self.tp if self.tp else 0.0}


# ---------------------------------------------------------------------------
# 3. NER: projection onto tokens, conlleval chunking and scoring
# ---------------------------------------------------------------------------

NER_KIND_MAP = {"PERSON": "PER", "ORG": "ORG", "PLACE": "LOC", "GROUP": "MISC", "MISC": "MISC"}


def doc_text(sentences: list[list[str]]) -> tuple[str, list[list[tuple[int, int]]]]:
    """Text = tokens joined by one space within a sentence, sentences joined by
    '\\n'. Returns the text and the [start, end) code-point span of every token."""
    parts = []
    spans: list[list[tuple[int, int]]] = []
    pos = 0
    for si, sent in enumerate(sentences):
        if si > 0:
            parts.append("\n")
            pos += 1
        sp = []
        for ti, tok in enumerate(sent):
            if ti > 0:
                parts.append(" ")
                pos += 1
            parts.append(tok)
            sp.append((pos, pos + len(tok)))
            pos += len(tok)
        spans.append(sp)
    return "".join(parts), spans


def project_entities(token_spans: list[list[tuple[int, int]]],
                     entities: list[tuple[int, int, str]]) -> list[list[str]]:
    """Project [start, end, CONLL_TYPE] entities onto tokens, per sentence (IOB2).

    An entity is clipped to each sentence it overlaps; within a sentence, the tokens
    overlapping it get its type, the first such token B-, the following ones I-.
    A token already tagged by an entity that starts earlier keeps its tag
    (entities are applied in order of start, longer first on ties). Read
    literally: if an entity's first token is already taken, its remaining tokens
    are I- (under conlleval that continues the earlier chunk when the types are
    equal, and starts a new chunk when they differ)."""
    tags = [["O"] * len(sp) for sp in token_spans]
    ents = sorted(entities, key=lambda e: (e[0], -e[1]))
    for s, e, typ in ents:
        if e <= s:
            continue
        for si, sp in enumerate(token_spans):
            if not sp or sp[0][0] >= e or sp[-1][1] <= s:
                continue
            first = True
            for ti, (ts, te) in enumerate(sp):
                if ts < e and s < te:
                    if tags[si][ti] == "O":
                        tags[si][ti] = ("B-" if first else "I-") + typ
                    first = False
    return tags


def _split_tag(tag: str) -> tuple[str, str]:
    if tag in ("O", "", None):
        return "O", ""
    if "-" in tag:
        prefix, typ = tag.split("-", 1)
        return prefix, typ
    return tag, ""


def _end_of_chunk(prev_tag, tag, prev_type, type_) -> bool:
    # conlleval endOfChunk (as in seqeval's default mode)
    if prev_tag == "E":
        return True
    if prev_tag == "S":
        return True
    if prev_tag == "B" and tag in ("B", "S", "O"):
        return True
    if prev_tag == "I" and tag in ("B", "S", "O"):
        return True
    if prev_tag == "E" and tag in ("E", "I", "O"):
        return True
    if prev_tag not in ("O", ".") and prev_type != type_:
        return True
    return False


def _start_of_chunk(prev_tag, tag, prev_type, type_) -> bool:
    # conlleval startOfChunk (as in seqeval's default mode)
    if tag == "B":
        return True
    if tag == "S":
        return True
    if prev_tag == "E" and tag in ("E", "I"):
        return True
    if prev_tag == "S" and tag in ("E", "I"):
        return True
    if prev_tag == "O" and tag in ("E", "I"):
        return True
    if tag not in ("O", ".") and prev_type != type_:
        return True
    return False


def get_chunks(seq: list[str]) -> list[tuple[str, int, int]]:
    """Chunks (type, first, last) of one tag sequence, conlleval semantics."""
    chunks = []
    prev_tag, prev_type = "O", ""
    begin = 0
    for i, t in enumerate(list(seq) + ["O"]):
        tag, typ = _split_tag(t)
        if _end_of_chunk(prev_tag, tag, prev_type, typ):
            chunks.append((prev_type, begin, i - 1))
        if _start_of_chunk(prev_tag, tag, prev_type, typ):
            begin = i
        prev_tag, prev_type = tag, typ
    return chunks


def untype(seq: list[str]) -> list[str]:
    return [t if t == "O" else _split_tag(t)[0] + "-ENT" for t in seq]


def conll_score(gold_seqs: list[list[str]], pred_seqs: list[list[str]]) -> dict:
    """Entity-level micro P/R/F1 and per-type P/R/F1 (seqeval default mode).

    gold_seqs / pred_seqs: parallel lists of tag sequences (one per sentence)."""
    assert len(gold_seqs) == len(pred_seqs)
    true_set, pred_set = set(), set()
    for k, (g, p) in enumerate(zip(gold_seqs, pred_seqs)):
        assert len(g) == len(p), f"sequence {k}: {len(g)} gold vs {len(p)} predicted tags"
        true_set.update((k,) + c for c in get_chunks(g))
        pred_set.update((k,) + c for c in get_chunks(p))
    types = sorted({c[1] for c in true_set} | {c[1] for c in pred_set})
    per_type = {}
    for typ in types:
        t = {c for c in true_set if c[1] == typ}
        p = {c for c in pred_set if c[1] == typ}
        ok = len(t & p)
        P = ok / len(p) if p else 0.0
        R = ok / len(t) if t else 0.0
        per_type[typ] = {"p": P, "r": R, "f1": prf(P, R), "support": len(t), "predicted": len(p)}
    ok = len(true_set & pred_set)
    P = ok / len(pred_set) if pred_set else 0.0
    R = ok / len(true_set) if true_set else 0.0
    return {"p": P, "r": R, "f1": prf(P, R), "correct": ok, "gold": len(true_set),
            "predicted": len(pred_set), "per_type": per_type}


NER_TYPES = ("PER", "ORG", "LOC", "MISC")


def conll_table(typed: dict, untyped: dict, types=NER_TYPES) -> str:
    """The P/R/F1 table of a typed and an untyped `conll_score`, one row per type."""
    rows = [f"{'':8} {'P':>6} {'R':>6} {'F1':>6} {'gold':>6} {'pred':>6}"]
    for name, x in (("typed", typed), ("untyped", untyped)):
        rows.append(f"{name:8} {x['p']:6.3f} {x['r']:6.3f} {x['f1']:6.3f} "
                    f"{x['gold']:6d} {x['predicted']:6d}")
    for t in types:
        x = typed["per_type"].get(t, {"p": 0.0, "r": 0.0, "f1": 0.0, "support": 0, "predicted": 0})
        rows.append(f"{t:8} {x['p']:6.3f} {x['r']:6.3f} {x['f1']:6.3f} {x['support']:6d} "
                    f"{x['predicted']:6d}")
    return "\n".join(rows)


def read_conll(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Documents -> sentences -> (token, NER tag). Documents split at -DOCSTART-."""
    docs: list[list[list[tuple[str, str]]]] = []
    cur_doc: list[list[tuple[str, str]]] | None = None
    cur_sent: list[tuple[str, str]] = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("-DOCSTART-"):
                if cur_sent and cur_doc is not None:
                    cur_doc.append(cur_sent)
                cur_sent = []
                cur_doc = []
                docs.append(cur_doc)
                continue
            if not line.strip():
                if cur_sent:
                    if cur_doc is None:
                        cur_doc = []
                        docs.append(cur_doc)
                    cur_doc.append(cur_sent)
                cur_sent = []
                continue
            parts = line.split()
            cur_sent.append((parts[0], parts[-1]))
    if cur_sent:
        if cur_doc is None:
            cur_doc = []
            docs.append(cur_doc)
        cur_doc.append(cur_sent)
    return docs


UNER_TYPES = ("PER", "ORG", "LOC")


def read_uner(path: Path) -> list[list[list[tuple[str, str]]]]:
    """Universal NER IOB2 (`# newdoc id` starts a document) -> documents -> sentences ->
    (token, tag). The README's rule for the preliminary train file: any tag other than
    B-/I- + PER/ORG/LOC is O (harmless on dev/test)."""
    docs: list[list[list[tuple[str, str]]]] = []
    sent: list[tuple[str, str]] = []

    def flush() -> None:
        if sent:
            if not docs:
                docs.append([])
            docs[-1].append(list(sent))
            sent.clear()

    with open(path, encoding="utf-8") as f:
        for line in f:
            line = line.rstrip("\n")
            if line.startswith("# newdoc id"):
                flush()
                docs.append([])
                continue
            if line.startswith("#"):
                continue
            if not line.strip():
                flush()
                continue
            cols = line.split("\t")
            tag = cols[2]
            if tag[:2] not in ("B-", "I-") or tag[2:] not in UNER_TYPES:
                tag = "O"
            sent.append((cols[1], tag))
    flush()
    return [d for d in docs if d]


GUM_TYPES = {"person": "PER", "organization": "ORG", "place": "LOC"}


def _gum_reader(data: Path):
    """GUM's own reader, shipped with the data (`coref/gum/read_gum.py`)."""
    import importlib.util
    spec = importlib.util.spec_from_file_location("read_gum", data / "coref" / "gum" / "read_gum.py")
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod


def _gum_name_word(w: dict) -> bool:
    """A word of a name: a proper noun by UPOS or by XPOS (UD tags `United` in `United
    States` VERB/NNP)."""
    return w["upos"] == "PROPN" or w["xpos"] in ("NNP", "NNPS")


# Words that join two name words inside one name: `Bank of the West`, `AT & T`,
# `Guinea-Bissau`.
_GUM_JOINERS = ("ADP", "DET")


def _gum_name_run(words: list[dict], head: int) -> tuple[int, int]:
    """The run of name words around `words[head]` (indexes into `words`, inclusive): name
    words, and joiners (`of`, `the`, `&`, `-`) with a name word on both sides."""
    def joins(k: int) -> bool:
        w = words[k]
        return w["upos"] in _GUM_JOINERS or w["form"] in ("&", "-")

    a = head
    while a > 0:
        if _gum_name_word(words[a - 1]):
            a -= 1
        elif a > 1 and joins(a - 1) and _gum_name_word(words[a - 2]):
            a -= 2
        else:
            break
    b = head
    while b + 1 < len(words):
        if _gum_name_word(words[b + 1]):
            b += 1
        elif b + 2 < len(words) and joins(b + 1) and _gum_name_word(words[b + 2]):
            b += 2
        else:
            break
    return a, b


def gum_named_mentions(doc: dict, read_gum) -> list[tuple[int, int, int, str]]:
    """GUM's named person/organisation/place mentions as flat name spans:
    (sentence, first word index, last word index, type), word indexes 0-based.

    GUM marks every referring noun phrase (`the Australian Centre for ...`, with its
    determiner; `he`; `the researchers`). A mention is a name when its head word is a proper
    noun (`_gum_name_word`); its name span is the run of name words around the head, with
    joiners between them (`_gum_name_run`): no determiner, no trailing common noun or
    possessive, one conjunct of a coordination. Mentions nest; the outermost name wins, as
    in CoNLL's flat annotation."""
    out: list[tuple[int, int, int, str]] = []
    for m in read_gum.mentions(doc):
        typ = GUM_TYPES.get(m["etype"])
        if typ is None or not _gum_name_word(m["head"]):
            continue
        words = m["words"]
        head = next(k for k, w in enumerate(words) if w is m["head"])
        first, last = _gum_name_run(words, head)
        ids = [w["id"] for w in doc["sentences"][m["sent"]]["words"]]
        a, b = ids.index(words[first]["id"]), ids.index(words[last]["id"])
        out.append((m["sent"], a, b, typ))
    out.sort(key=lambda x: (x[0], x[1], -x[2]))
    flat: list[tuple[int, int, int, str]] = []
    for x in out:
        if flat and flat[-1][0] == x[0] and x[1] <= flat[-1][2]:
            continue
        flat.append(x)
    return flat


def read_gum_named(data: Path, split: str, genres=None) -> list[list[list[tuple[str, str]]]]:
    """GUM's `split` (train/dev/test/test2) as NER documents: one document a file (sorted
    by name), its words with IOB2 tags from `gum_named_mentions`. `genres`: keep only
    files of these genres (`GUM_news_iodine` is genre `news`); None keeps all."""
    rg = _gum_reader(data)
    docs = []
    for path in sorted((data / "coref" / "gum" / split).glob("*.conllu")):
        if genres is not None and path.name.split("_")[1] not in genres:
            continue
        doc = rg.read_document(str(path))
        sents = [[[w["form"], "O"] for w in s["words"]] for s in doc["sentences"]]
        for si, a, b, typ in gum_named_mentions(doc, rg):
            sents[si][a][1] = "B-" + typ
            for k in range(a + 1, b + 1):
                sents[si][k][1] = "I-" + typ
        docs.append([[(t, g) for t, g in s] for s in sents if s])
    return docs


# GUM genres whose texts are CC BY or CC BY-SA (crate/examples/pos_common: LICENSED_GENRES):
# the only ones shipped weights learn from.
GUM_LICENSED_GENRES = ("academic", "bio", "court", "interview", "news", "voyage")


# ---------------------------------------------------------------------------
# Helpers shared by the runners
# ---------------------------------------------------------------------------


def conll_documents(docs: list[list[list[tuple[str, str]]]]) -> tuple[list[str], list, list[list[str]]]:
    """Rebuilt documents as the NER runners use them: each document's text and token spans
    (`doc_text`), and the gold tag sequence of every sentence, in order."""
    texts, spans = [], []
    for doc in docs:
        t, sp = doc_text([[tok for tok, _ in sent] for sent in doc])
        texts.append(t)
        spans.append(sp)
    gold_seqs = [[tag for _, tag in sent] for doc in docs for sent in doc]
    return texts, spans, gold_seqs

def utf8_to_cp_map(text: str) -> list[int]:
    """m[b] = code-point index of UTF-8 byte offset b (offsets inside a character
    map to that character); len(m) = len(bytes) + 1."""
    m: list[int] = []
    for i, ch in enumerate(text):
        n = len(ch.encode("utf-8", "surrogatepass"))
        m.extend([i] * n)
    m.append(len(text))
    return m


def cp(m: list[int], b) -> int | None:
    if b is None:
        return None
    b = int(b)
    if b < 0:
        return 0
    if b >= len(m):
        return m[-1]
    return m[b]


def _parse_lines(stdout: bytes) -> list[dict]:
    """The complete (newline-terminated) output lines as objects; a line cut off by a
    dying process is dropped."""
    outs: list[dict] = []
    for ln in stdout.decode("utf-8", "replace").split("\n")[:-1]:
        if not ln.strip():
            continue
        try:
            o = json.loads(ln)
        except json.JSONDecodeError as e:
            o = {"error": f"unparsable output line: {e}"}
        outs.append(o if isinstance(o, dict) else {"error": "output line is not an object"})
    return outs


def _run_once(bin_path: Path, records: list[dict], offsets: str,
              extra_args: list[str] | None) -> tuple[list, float, int, str]:
    """One `--jsonl` process over `records`: (outputs aligned with records, None where a
    record's id has no output line; wall s; exit code; stderr)."""
    fd, tmp = tempfile.mkstemp(prefix="ai-eval-", suffix=".jsonl")
    try:
        with os.fdopen(fd, "w", encoding="utf-8") as f:
            for r in records:
                f.write(json.dumps(r, ensure_ascii=False) + "\n")
        cmd = [str(bin_path), "--jsonl", "--offsets", offsets] + (extra_args or []) + [tmp]
        t0 = time.perf_counter()
        proc = subprocess.run(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall = time.perf_counter() - t0
    finally:
        os.unlink(tmp)
    got: dict[str, dict] = {}
    for o in _parse_lines(proc.stdout):
        if "id" in o:
            got.setdefault(json.dumps(o["id"]), o)
    outs = [got.get(json.dumps(r["id"])) for r in records]
    return outs, wall, proc.returncode, proc.stderr.decode("utf-8", "replace")


def _crash_reason(stderr: str) -> str:
    lines = stderr.splitlines()
    for i, ln in enumerate(lines):
        if "panicked" in ln or "error" in ln.lower():
            more = lines[i + 1].strip() if i + 1 < len(lines) else ""
            return (ln.strip() + " " + more).strip()[:200]
    return (stderr.strip().splitlines() or ["(no stderr)"])[-1][:300]


def _run_resilient(bin_path: Path, items: list, names: list[str], once,
                   crashes: list | None) -> tuple[list[dict], float]:
    """Runs `once(items)` -> (outputs aligned with items, None = no output; wall; exit code;
    stderr). If the process dies, the first item without output is re-run alone: if it
    crashes alone it gets {"error": "crash: ..."} (reported on stderr, appended to
    `crashes` as (name, reason)); the items after it go through a new process. The wall
    time sums the full runs (not the single-item confirmation runs)."""
    results: dict[int, dict] = {}
    wall_total = 0.0
    todo = list(range(len(items)))
    while todo:
        outs, wall, rc, _ = once([items[k] for k in todo])
        wall_total += wall
        results.update((k, o) for k, o in zip(todo, outs) if o is not None)
        missing = [k for k in todo if k not in results]
        if rc == 0 or not missing:
            break
        k = missing[0]
        outs1, _, _, err1 = once([items[k]])
        if outs1[0] is None:
            reason = _crash_reason(err1)
            results[k] = {"error": f"crash: {reason}"}
            if crashes is not None:
                crashes.append((names[k], reason))
            print(f"warning: {Path(bin_path).name} crashed on {names[k]}: {reason}", file=sys.stderr)
        else:
            results[k] = outs1[0]
        todo = [j for j in todo if j > k and j not in results]
    return [results.get(k, {"error": "no output line for this input"})
            for k in range(len(items))], wall_total


def run_binary(bin_path: Path, records: list[dict], offsets: str = "utf8",
               extra_args: list[str] | None = None, crashes: list | None = None
               ) -> tuple[list[dict], float]:
    """Run ONE `article-inspector --jsonl` process over all records (JSON Lines via a temp
    file), matching output lines to input ids; a dying process is handled by
    `_run_resilient`. Returns (outputs in input order, wall seconds of the process runs)."""
    outs, wall = _run_resilient(
        bin_path, records, [f"id {r['id']}" for r in records],
        lambda recs: _run_once(bin_path, recs, offsets, extra_args), crashes)
    for r, o in zip(records, outs):
        o.setdefault("id", r["id"])
    return outs, wall


# Bytes of file names per process: far below any ARG_MAX, so very long lists are split.
MAX_ARG_BYTES = 100_000


def _arg_chunks(names: list[str]) -> list[list[str]]:
    chunks: list[list[str]] = [[]]
    size = 0
    for n in names:
        if chunks[-1] and size + len(n) + 1 > MAX_ARG_BYTES:
            chunks.append([])
            size = 0
        chunks[-1].append(n)
        size += len(n) + 1
    return chunks


def _run_files_once(bin_path: Path, cwd: Path, names: list[str],
                    args: list[str]) -> tuple[list, float, int, str]:
    """`article-inspector ARGS FILE…` over `names` (relative to `cwd`), as few processes as
    the command line allows: outputs aligned with names by position (one line per file, in
    order), None from the first file of a process that died without its line onwards."""
    outs: list = []
    wall, rc, err = 0.0, 0, ""
    for chunk in _arg_chunks(names):
        t0 = time.perf_counter()
        proc = subprocess.run([str(bin_path)] + args + chunk, cwd=cwd,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE)
        wall += time.perf_counter() - t0
        got = _parse_lines(proc.stdout)[:len(chunk)]
        outs += got
        rc, err = proc.returncode, proc.stderr.decode("utf-8", "replace")
        if len(got) < len(chunk):
            break
    return outs + [None] * (len(names) - len(outs)), wall, rc, err


def run_binary_files(bin_path: Path, contents: list[bytes], fmt: str = "html",
                     offsets: str = "utf8", crashes: list | None = None
                     ) -> tuple[list[dict], float]:
    """Write each input's raw bytes to its own file ({n}.{fmt} in a temporary directory,
    n = its position) and run `article-inspector --format FMT --offsets OFFSETS FILE…` on
    them, so the product decodes the bytes itself. Returns (outputs in input order, wall
    seconds of the process runs); a dying process is handled by `_run_resilient`."""
    bin_path = Path(bin_path).resolve()
    with tempfile.TemporaryDirectory(prefix="ai-eval-") as tmp:
        names = [f"{n}.{fmt}" for n in range(len(contents))]
        for name, b in zip(names, contents):
            (Path(tmp) / name).write_bytes(b)
        args = ["--format", fmt, "--offsets", offsets]
        return _run_resilient(bin_path, names, [f"file {n}" for n in names],
                              lambda ns: _run_files_once(bin_path, Path(tmp), ns, args),
                              crashes)


def check_binary(bin_path: Path) -> None:
    if not bin_path.is_file() or not os.access(bin_path, os.X_OK):
        raise SystemExit(
            f"error: binary {bin_path} not found or not executable "
            "(build it with `cargo build --release -p article-inspector --bin article-inspector`, "
            "or pass --bin PATH, or use a --baseline)")


def fmt(x) -> str:
    return "   -  " if x is None else f"{x:6.3f}"


# ---------------------------------------------------------------------------
# GUM coreference: third-person pronouns of people and the chains they belong to
# ---------------------------------------------------------------------------

# The pronouns the people stage resolves: third person singular, with a gender.
GENDERED_PRONOUNS = frozenset(
    "he him his himself she her hers herself".split())


def _paragraph_starts(path: Path) -> set[str]:
    """The sent_ids that open a paragraph (`# newpar` before them)."""
    out, pending = set(), True
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.startswith("# newpar"):
                pending = True
            elif line.startswith("# sent_id = "):
                if pending:
                    out.add(line.split(" = ", 1)[1].strip())
                pending = False
    return out


def gum_text(doc: dict, par_starts: set[str]) -> tuple[str, dict]:
    """A GUM document as running text: words spaced as SpaceAfter says, sentences by a space,
    paragraphs by a blank line. Returns the text and, per (sentence index, word id), the
    word's UTF-8 byte span (a multiword token's words share its span)."""
    parts: list[str] = []
    pos = 0
    spans: dict = {}

    def put(s: str) -> None:
        nonlocal pos
        parts.append(s)
        pos += len(s.encode("utf-8"))

    for si, sent in enumerate(doc["sentences"]):
        if si > 0:
            put("\n\n" if sent["sent_id"] in par_starts else " ")
        words = sent["words"]
        k = 0
        while k < len(words):
            w = words[k]
            mwt = w["mwt"]
            if mwt:
                group = [x for x in words[k:] if x["mwt"] == mwt]
                a = pos
                put(mwt[2])
                for x in group:
                    spans[(si, x["id"])] = (a, pos)
                last = group[-1]
                k += len(group)
            else:
                a = pos
                put(w["form"])
                spans[(si, w["id"])] = (a, pos)
                last = w
                k += 1
            if last["space_after"] and k < len(words):
                put(" ")
    return "".join(parts), spans


def read_gum_coref(data: Path, split: str, genres=None) -> list[dict]:
    """GUM's `split` for pronoun resolution: one record a document (sorted by file name),
    `{"id", "genre", "text", "mentions", "pronouns"}`. `mentions`: every mention of a
    person entity, `{"start", "end", "entity", "named"}` (UTF-8 byte offsets; `named` when
    its head is a proper noun); `pronouns`: the mentions that are one gendered third-person
    pronoun (`GENDERED_PRONOUNS`), `{"start", "end", "entity", "text"}`; `descriptions`: the
    definite descriptions ("the" … a common noun that ends the mention: "the mayor"), alike.
    `genres` as in `read_gum_named`."""
    rg = _gum_reader(data)
    out = []
    for path in sorted((data / "coref" / "gum" / split).glob("*.conllu")):
        genre = path.name.split("_")[1]
        if genres is not None and genre not in genres:
            continue
        doc = rg.read_document(str(path))
        text, spans = gum_text(doc, _paragraph_starts(path))
        mentions, pronouns, descriptions = [], [], []
        for m in rg.mentions(doc):
            if m["etype"] != "person":
                continue
            a = spans[(m["sent"], m["start"])][0]
            b = spans[(m["sent"], m["end"])][1]
            mentions.append({"start": a, "end": b, "entity": m["eid"],
                             "named": _gum_name_word(m["head"])})
            w = m["words"]
            if len(w) == 1 and w[0]["form"].lower() in GENDERED_PRONOUNS and not w[0]["mwt"]:
                pronouns.append({"start": a, "end": b, "entity": m["eid"], "text": w[0]["form"]})
            elif (2 <= len(w) <= 5 and w[0]["form"].lower() == "the" and m["head"]["upos"] == "NOUN"
                  and m["head"] is w[-1]):
                descriptions.append({"start": a, "end": b, "entity": m["eid"],
                                     "text": " ".join(x["form"] for x in w)})
        out.append({"id": path.stem, "genre": genre, "text": text, "mentions": mentions,
                    "pronouns": pronouns, "descriptions": descriptions})
    return out
