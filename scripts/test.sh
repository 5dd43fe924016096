#!/usr/bin/env bash
# Runs every test: formatting and lints, native unit and sample tests, the wasm build and its
# tests in Node and headless Chromium, the evaluation metrics' own tests, and the browser
# end-to-end tests of the page. Installs what it needs first (scripts/setup.sh).
set -euo pipefail
cd "$(dirname "$0")/.."

step() { printf '\n== %s\n' "$*"; }

step "setup"
scripts/setup.sh --browser

step "format and lints"
cargo fmt --all -- --check
cargo clippy --all-targets -- -D warnings
cargo clippy --target wasm32-unknown-unknown -p article-inspector --lib --tests -- -D warnings

step "native tests"
cargo test

step "release builds: CLI and wasm"
cargo build --release -p article-inspector --bin article-inspector
scripts/build-wasm.sh

step "wasm tests (Node, headless Chromium)"
scripts/wasm-test.sh

step "evaluation metrics"
python3 tests/eval/test_metrics.py

step "browser end-to-end tests"
node --test tests/e2e/

step "all tests passed"
