#!/usr/bin/env bash
# Retrains the name tagger's weights, crate/data/ner.bin, from CoNLL++ train
# (../shared/eval/ner/conllpp_train.txt; never from dev). Deterministic: the same data gives
# the same bytes. Extra arguments go to the trainer, e.g. `--dev ../shared/eval/ner/conllpp_dev.txt`
# to print dev scores per epoch (measuring only).
set -euo pipefail
cd "$(dirname "$0")/../.."
data="${NER_TRAIN:-../shared/eval/ner/conllpp_train.txt}"
cargo run --profile train -p article-inspector --example train_ner -- \
  "$data" crate/data/ner.bin "$@"
sha256sum crate/data/ner.bin
