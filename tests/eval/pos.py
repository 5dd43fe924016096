#!/usr/bin/env python3
"""Part-of-speech accuracy of the shipped weights (crate/data/pos.bin) on UD English-EWT
(dev, test) and GUM (dev, test: all 15 genres and the 6 openly licensed ones; test2 = GENTLE):
UPOS and XPOS accuracy over UD's syntactic words (a multi-word token such as "don't" is
scored as its words "do" + "n't", standard UD practice), and UPOS on the crate's own tokens
of each sentence's text where a token is exactly one gold word.

The tagger is not in the Analysis JSON yet, so this runs the Rust example
crate/examples/eval_pos.rs (cargo, profile `train`: optimised, quick to build) rather than
the CLI. Skips with a message, exit 0, when ../shared/eval is absent.

  python3 tests/eval/pos.py [--data DIR] [--json OUT]
"""

from __future__ import annotations

import argparse
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import metrics as M  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__,
                                 formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--data", type=Path, default=M.DEFAULT_DATA,
                    help="shared eval dir (default: %(default)s)")
    ap.add_argument("--json", type=Path, metavar="OUT", help="write the numbers as JSON")
    args = ap.parse_args()
    ewt = args.data / "pos" / "en_ewt" / "en_ewt-ud-test.conllu"
    gum = args.data / "coref" / "gum" / "test"
    if not ewt.is_file() or not gum.is_dir():
        print(f"skipped: POS data {ewt} or {gum} not found")
        return 0
    cmd = ["cargo", "run", "--quiet", "--profile", "train", "-p", "article-inspector",
           "--example", "eval_pos", "--", str(args.data.resolve())]
    if args.json:
        cmd += ["--json", str(args.json.resolve())]
    return subprocess.run(cmd, cwd=M.REPO_ROOT).returncode


if __name__ == "__main__":
    sys.exit(main())
