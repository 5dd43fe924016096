#!/usr/bin/env bash
# Builds the wasm module and its JS glue into www/pkg/ (git-ignored), and the service worker's
# manifest (www/pkg/sw-manifest.js: the page's files for offline use and their version).
#
# Profile `wasm` (Cargo.toml): the release build, with the crates that only compile regexes,
# read JSON-LD and parse CSS optimised for size; the command line keeps `release`.
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --profile wasm --target wasm32-unknown-unknown -p article-inspector --lib
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/wasm/article_inspector.wasm
echo "build-wasm: www/pkg/article_inspector_bg.wasm $(gzip -9c www/pkg/article_inspector_bg.wasm | wc -c) bytes gzipped"
# The service worker's list of the page's files and their version (www/pkg/sw-manifest.js).
node scripts/sw-manifest.mjs
