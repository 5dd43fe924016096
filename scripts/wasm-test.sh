#!/usr/bin/env bash
# Runs the wasm tests (crate/tests/web.rs) in Node and in headless Chromium.
set -euo pipefail
cd "$(dirname "$0")/../crate"
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
echo "wasm tests: node"
cargo test --target wasm32-unknown-unknown --test web
echo "wasm tests: headless chromium"
CHROMEDRIVER=/usr/bin/chromedriver WASM_BINDGEN_USE_BROWSER=1 \
  cargo test --target wasm32-unknown-unknown --test web
