#!/usr/bin/env bash
# The wasm's size, by crate and by item (never part of scripts/test.sh):
#
#   scripts/size.sh          # TOP=N for more of twiggy's biggest items (default 30)
#
# Builds the shipped module (scripts/build-wasm.sh: its size gzipped, as the README counts it),
# then its twin in target/size/ with the function names kept and wasm-ld's map of the link
# (the same code: only the names and the map differ; the shipped build stays stripped), and
# prints, for the twin:
#   - twiggy's biggest items (`twiggy top`) and what nothing reaches (`twiggy garbage`);
#   - the size by crate, code and data, raw and gzipped alone (scripts/size-report.mjs): the
#     word lists and weights of crate/data/ by file, the anonymous constants as one row.
# Installs twiggy (from crates.io) when missing, and what scripts/setup.sh installs.
set -euo pipefail
cd "$(dirname "$0")/.."

scripts/setup.sh
command -v twiggy >/dev/null || cargo install twiggy --locked

step() { printf '\n== %s\n' "$*"; }

step "the shipped module"
scripts/build-wasm.sh

step "its twin with names (target/size/)"
dir=target/size
mkdir -p "$dir"
# The flags of .cargo/config.toml (+simd128) and the linker map: an environment variable
# replaces the file's flags, so they are repeated here.
flags=$(sed -n 's/^rustflags *= *\[\(.*\)\]/\1/p' .cargo/config.toml | tr -d '",')
CARGO_TARGET_DIR=$dir CARGO_PROFILE_WASM_STRIP=none \
  CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUSTFLAGS="$flags -C link-arg=--Map=$PWD/$dir/article_inspector.map" \
  cargo build --profile wasm --target wasm32-unknown-unknown -p article-inspector --lib
wasm-bindgen --target web --no-typescript --out-dir "$dir/pkg" \
  "$dir/wasm32-unknown-unknown/wasm/article_inspector.wasm"
named=$dir/pkg/article_inspector_bg.wasm

step "biggest items (twiggy top)"
twiggy top -n "${TOP:-30}" "$named"

step "unreachable items (twiggy garbage)"
twiggy garbage -n 10 "$named"

step "by crate"
node scripts/size-report.mjs "$named" "$dir/article_inspector.map" www/pkg/article_inspector_bg.wasm
