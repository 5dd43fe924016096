#!/usr/bin/env bash
# Builds the page and serves it on http://localhost:${PORT:-8080}/ (any static server works:
# everything is in www/).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/setup.sh
scripts/build-wasm.sh
port="${PORT:-8080}"
echo "serving www/ on http://localhost:$port/ (Ctrl-C to stop)"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
