#!/usr/bin/env bash
# Retrains the name tagger's weights, crate/data/ner.bin, on CoNLL++ train, Universal NER
# English-EWT train and GUM train's openly licensed genres (never on a dev or test split), and
# prints the leave-one-dataset-out table. About a minute on two cores; deterministic: the same
# data gives the same bytes. Extra arguments go to the trainer (crate/examples/train_ner.rs),
# e.g. `--dry` to measure without writing, `--seed N` to see how much a difference is noise.
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${SHARED_EVAL:-../shared/eval}"
python3 tools/ner/corpora.py --data "$data" --out target/ner-corpora
cargo run --profile train -p article-inspector --example train_ner -- \
  target/ner-corpora crate/data/ner.bin "$@"
sha256sum crate/data/ner.bin
