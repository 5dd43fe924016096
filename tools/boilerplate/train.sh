#!/usr/bin/env bash
# Retrains the boilerplate classifier, crate/data/boilerplate.bin, on the three development sets
# in ../shared/eval/boilerplate/ (L3S-GN1, CleanEval, trafilatura's suite), and writes the held-out
# predictions (5 folds by site; each set left out in turn) to target/boilerplate-eval/, then
# scores them with tests/eval/boilerplate.py. Deterministic: the same data gives the same bytes.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${BOILERPLATE_DATA:-../shared/eval/boilerplate}"
cargo run --profile train -p article-inspector --example train_boilerplate -- \
  "$data" crate/data/boilerplate.bin "$@"
sha256sum crate/data/boilerplate.bin
[ "${SCORE:-1}" = 1 ] || exit 0
for scheme in cv lodo readability; do
  for f in target/boilerplate-eval/$scheme*/*.jsonl; do
    name=$(basename "$f" .jsonl); set=${name%-*}; mode=${name##*-}
    echo "== $scheme: $set $mode"
    python3 tests/eval/boilerplate.py --set "$set" --mode "$mode" --pred "$f" | tail -n +2
  done
done
