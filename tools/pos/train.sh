#!/usr/bin/env bash
# Retrains the part-of-speech weights, crate/data/pos.bin, from UD English-EWT train and the
# CC BY / CC BY-SA genres of GUM train (academic, bio, court, interview, news, voyage) in
# ../shared/eval; never from dev or test, which it only scores. Prints the accuracy table
# (all-in and leave-one-dataset-out) and the tagging speed. Deterministic: the same data
# gives the same bytes (about half a minute on two cores). Extra arguments go to the trainer
# (`--dry` writes nothing; `--epochs`, `--retrain`, `--bits`, `--budget`: see
# crate/examples/train_pos.rs).
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${POS_DATA:-../shared/eval}"
if [ ! -f "$data/pos/en_ewt/en_ewt-ud-train.conllu" ]; then
  echo "skipped: $data/pos/en_ewt not found" >&2
  exit 0
fi
cargo run --quiet --profile train -p article-inspector --example train_pos -- \
  "$data" crate/data/pos.bin "$@"
sha256sum crate/data/pos.bin
