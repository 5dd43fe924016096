"""Worker for run.py, executed by the venv's python (spaCy + textacy installed there).

usage: worker.py MODEL VARIANT LIST OUT
  LIST: lines `article_id<TAB>path of the .txt`; OUT: JSON Lines, one object per article:
  {"id", "quotes": [{"start", "end", "text", "kind": "direct",
                     "speaker": {"text", "start", "end"} | null,
                     "cue": {"text", "start", "end"}}],
   "fallback": bool (whole variant: textacy rejected the whole document), "lines_rejected": int,
   "error"?: str}
  Offsets are code points (Python str indices) into the article text; spaCy's Token.idx and
  Span.start_char/end_char already are.
  VARIANT: whole    = the whole article as one Doc; when textacy raises ValueError (an odd
                      number of quotation-mark tokens) the article is done per line instead;
           per-line = every non-blank line (split at "\\n") as its own Doc, offsets shifted;
                      a line textacy rejects gives no quotes.
The last line of OUT is {"_meta": {...}} (versions, model load seconds).
"""

from __future__ import annotations

import json
import sys
import time


def span_of(tokens) -> dict | None:
    """{text, start, end} covering `tokens` (sorted by position), or None."""
    if not tokens:
        return None
    toks = sorted(tokens, key=lambda t: t.i)
    start = min(t.idx for t in toks)
    end = max(t.idx + len(t.text) for t in toks)
    return {"text": " ".join(t.text for t in toks), "start": start, "end": end}


def quotes_of(doc, offset: int, extract) -> list[dict]:
    """textacy direct_quotations of one Doc (raises ValueError when textacy rejects it)."""
    out = []
    for tr in list(extract.triples.direct_quotations(doc)):
        content = tr.content
        sp = span_of(tr.speaker)
        cue = span_of(tr.cue)
        for x in (sp, cue):
            if x:
                x["start"] += offset
                x["end"] += offset
        out.append({"start": content.start_char + offset, "end": content.end_char + offset,
                    "text": content.text, "kind": "direct", "speaker": sp, "cue": cue})
    return out


def per_line(nlp, text: str, extract) -> tuple[list[dict], int]:
    lines, offs = [], []
    pos = 0
    for ln in text.split("\n"):
        if ln.strip():
            lines.append(ln)
            offs.append(pos)
        pos += len(ln) + 1
    quotes, rejected = [], 0
    for doc, off in zip(nlp.pipe(lines), offs):
        try:
            quotes.extend(quotes_of(doc, off, extract))
        except ValueError:
            rejected += 1
    return quotes, rejected


def main() -> int:
    model, variant, lst, out_path = sys.argv[1:5]
    t0 = time.perf_counter()
    import spacy
    import textacy
    from textacy import extract
    nlp = spacy.load(model)
    load_s = time.perf_counter() - t0
    with open(lst, encoding="utf-8") as f:
        items = [ln.rstrip("\n").split("\t") for ln in f if ln.strip()]
    with open(out_path, "w", encoding="utf-8") as out:
        for aid, path in items:
            rec: dict = {"id": aid, "fallback": False, "lines_rejected": 0}
            try:
                with open(path, encoding="utf-8") as f:
                    text = f.read()
                if variant == "whole":
                    try:
                        rec["quotes"] = quotes_of(nlp(text), 0, extract)
                    except ValueError:
                        rec["fallback"] = True
                        rec["quotes"], rec["lines_rejected"] = per_line(nlp, text, extract)
                elif variant == "per-line":
                    rec["quotes"], rec["lines_rejected"] = per_line(nlp, text, extract)
                else:
                    raise SystemExit(f"unknown variant {variant!r}")
            except Exception as e:  # noqa: BLE001 - one article's failure is recorded, not fatal
                rec["quotes"] = []
                rec["error"] = f"{type(e).__name__}: {e}"
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
        meta = {"spacy": spacy.__version__, "textacy": textacy.__version__,
                "model": f"{nlp.meta.get('lang')}_{nlp.meta.get('name')}",
                "model_version": nlp.meta.get("version"), "pipeline": nlp.pipe_names,
                "model_load_s": load_s}
        out.write(json.dumps({"_meta": meta}) + "\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
