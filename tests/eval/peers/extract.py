"""Python peer extractors, run by run.py inside tests/eval/peers/.venv (not standalone).

    .venv/bin/python extract.py TOOL MODE LIST OUT

TOOL: trafilatura | trafilatura-defaults | justext | boilerpy3; MODE: text | html.
LIST: one page per line, "id<TAB>input-path" ({id}.txt in text mode, html/{id}.html.gz in HTML mode).
OUT: JSON Lines {"id", "text", "ms"} (plus "error" when the tool raised; text is then "").

Input preparation:
* html mode: the gunzipped page, decoded as UTF-8 (every page is UTF-8), passed as str;
* text mode: each non-blank line of {id}.txt, HTML-escaped, as one <p> of a minimal HTML document.
"""

from __future__ import annotations

import gzip
import html as htmlmod
import json
import logging
import sys
import time


def text_to_html(text: str) -> str:
    paras = [f"<p>{htmlmod.escape(ln)}</p>" for ln in text.split("\n") if ln.strip()]
    return ('<!DOCTYPE html>\n<html><head><meta charset="utf-8"><title></title></head><body>\n'
            + "\n".join(paras) + "\n</body></html>\n")


def load_input(mode: str, path: str) -> str:
    if mode == "html":
        with gzip.open(path, "rb") as f:
            return f.read().decode("utf-8", "replace")
    with open(path, encoding="utf-8") as f:
        return text_to_html(f.read())


def make_extractor(tool: str):
    if tool in ("trafilatura", "trafilatura-defaults"):
        import trafilatura
        # "trafilatura": default settings except include_comments=False (the gold has no user
        # comments; this is the configuration of the reference table in ../shared/eval/README.md).
        # "trafilatura-defaults": extract(doc) with every default (comments included).
        comments = tool == "trafilatura-defaults"

        def run(doc: str) -> str:
            return trafilatura.extract(doc, include_comments=comments) or ""
        return run
    if tool == "justext":
        import justext
        stoplist = justext.get_stoplist("English")

        def run(doc: str) -> str:
            paras = justext.justext(doc, stoplist)  # default parameters
            return "\n".join(p.text for p in paras if not p.is_boilerplate)
        return run
    if tool == "boilerpy3":
        from boilerpy3 import extractors
        # raise_on_failure=False: on a page its HTMLParser cannot handle, keep what was parsed
        # (or return "") instead of raising (the configuration of the reference table).
        ex = extractors.ArticleExtractor(raise_on_failure=False)

        def run(doc: str) -> str:
            return ex.get_content(doc) or ""
        return run
    raise SystemExit(f"unknown tool {tool}")


def main() -> int:
    logging.disable(logging.CRITICAL)  # boilerpy3 logs a traceback per unparsable page
    tool, mode, list_path, out_path = sys.argv[1:5]
    run = make_extractor(tool)
    with open(list_path, encoding="utf-8") as f:
        pages = [ln.rstrip("\n").split("\t") for ln in f if ln.strip()]
    with open(out_path, "w", encoding="utf-8") as out:
        for pid, path in pages:
            t0 = time.perf_counter()
            rec = {"id": pid}
            try:
                rec["text"] = run(load_input(mode, path))
            except Exception as e:  # noqa: BLE001 - any failure = empty prediction
                rec["text"] = ""
                rec["error"] = f"{type(e).__name__}: {e}"[:300]
            rec["ms"] = (time.perf_counter() - t0) * 1000
            out.write(json.dumps(rec, ensure_ascii=False) + "\n")
            out.flush()
    return 0


if __name__ == "__main__":
    sys.exit(main())
