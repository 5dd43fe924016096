#!/usr/bin/env bash
# Runs every benchmark (never part of scripts/test.sh), ROUNDS times (default 3), then prints the
# median of each result over the rounds — the machine may be shared, so one run is not enough.
#
#   scripts/bench.sh                 # native, node, peers, chromium
#   scripts/bench.sh node chromium   # just those
#   ROUNDS=1 scripts/bench.sh peers
#
#   native    cargo bench -p article-inspector      (crate/benches/throughput.rs)
#   node      node tests/bench/wasm.mjs             (the wasm module in Node)
#   peers     node tests/bench/peers.mjs            (ours beside compromise and wink-nlp, in Node)
#   chromium  node tests/bench/chromium.mjs         (the page and the wasm module in headless Chromium)
#
# Installs what scripts/setup.sh --browser installs (nothing else) and builds the wasm first.
# Raw output and the JSON lines of the results go to tests/out/bench/ (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/.."

which=("$@")
[ ${#which[@]} -eq 0 ] && which=(native node peers chromium)
for w in "${which[@]}"; do
  case "$w" in native|node|peers|chromium) ;; *) echo "bench: unknown benchmark '$w' (native, node, peers, chromium)" >&2; exit 2 ;; esac
done
rounds=${ROUNDS:-3}
wants() { [[ " ${which[*]} " == *" $1 "* ]]; }

step() { printf '\n== %s\n' "$*"; }

step "setup and wasm build"
scripts/setup.sh --browser
scripts/build-wasm.sh
wants native && cargo bench -p article-inspector --bench throughput --no-run

out=tests/out/bench
mkdir -p "$out"
results="$out/results.jsonl"
native="$out/native.log"
: >"$results"
: >"$native"
export BENCH_JSON="$PWD/$results"

echo
echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(uname -m)"
echo "load average before: $(cut -d' ' -f1-3 /proc/loadavg)"
for round in $(seq 1 "$rounds"); do
  if wants native; then step "round $round/$rounds: native (cargo bench)"; cargo bench -q -p article-inspector --bench throughput 2>&1 | tee -a "$native"; fi
  if wants node; then step "round $round/$rounds: wasm in Node"; node tests/bench/wasm.mjs; fi
  if wants peers; then step "round $round/$rounds: ours vs compromise vs wink-nlp, in Node"; node tests/bench/peers.mjs; fi
  if wants chromium; then step "round $round/$rounds: headless Chromium"; node tests/bench/chromium.mjs; fi
done
echo "load average after: $(cut -d' ' -f1-3 /proc/loadavg)"

step "medians over $rounds round(s)"
node tests/bench/summary.mjs "$results" "$native"
