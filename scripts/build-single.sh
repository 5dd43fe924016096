#!/usr/bin/env bash
# Builds the page as one self-contained HTML file, dist/article-inspector.html (git-ignored; OUT
# as the first argument to change it): CSS, JavaScript and the wasm module inlined. Open it from
# disk (file://) in a browser: no server, no network. See scripts/single-file.mjs.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-wasm.sh
node scripts/single-file.mjs "$@"
