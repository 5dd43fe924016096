#!/usr/bin/env bash
# Builds the wasm module and its JS glue into www/pkg/ (git-ignored), and the service worker's
# manifest (www/pkg/sw-manifest.js: the page's files for offline use and their version).
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build --release --target wasm32-unknown-unknown -p article-inspector --lib
wasm-bindgen --target web --no-typescript --out-dir www/pkg \
  target/wasm32-unknown-unknown/release/article_inspector.wasm
echo "build-wasm: www/pkg/article_inspector_bg.wasm $(gzip -9c www/pkg/article_inspector_bg.wasm | wc -c) bytes gzipped"
# The service worker's list of the page's files and their version (www/pkg/sw-manifest.js).
node scripts/sw-manifest.mjs
