#!/usr/bin/env bash
# Fuzzes the core for a bounded time: each cargo-fuzz target in fuzz/ (text, html, file) runs
# for SECONDS (default 60) and fails on a panic, a broken invariant (see
# crate/src/invariants.rs), an input slower than 10 s, or more than 2 GB of memory. Seeds: the
# golden test inputs and, when present, the sample articles in ../shared/samples; the marks,
# tags and words the analysis reacts to in fuzz/dict.txt. Not part of
# scripts/test.sh. Installs what it needs on a fresh Debian machine with rustup: the nightly
# toolchain, cargo-fuzz (from crates.io) and a C++ compiler (for libFuzzer).
#
#   scripts/fuzz.sh [SECONDS] [TARGET...]
#
# A crash is saved under fuzz/artifacts/TARGET/; replay it with
#   cargo +nightly fuzz run --sanitizer none --debug-assertions TARGET fuzz/artifacts/TARGET/crash-…
# then keep it as a regression test in crate/tests/never_panics.rs.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-60}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(text html file)

rustup run nightly rustc --version >/dev/null 2>&1 \
  || rustup toolchain install nightly --profile minimal
cargo +nightly fuzz --version >/dev/null 2>&1 || cargo install cargo-fuzz --locked
if ! command -v c++ >/dev/null 2>&1; then
  echo "fuzz: installing g++ (libFuzzer is C++)"
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  $sudo_cmd apt-get update -q
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q g++
fi

# Safe Rust throughout: no sanitizer (several times the executions per second), but debug
# assertions on, so that an arithmetic overflow is a crash too.
flags=(--sanitizer none --debug-assertions)
cargo +nightly fuzz build "${flags[@]}"

# Seeds, copied into a read-only corpus directory; new inputs go to fuzz/corpus/TARGET.
seeds=fuzz/corpus/seeds
rm -rf "$seeds"
mkdir -p "$seeds"
cp tests/golden/*.txt tests/golden/*.html "$seeds"/ 2>/dev/null || true
[ -d ../shared/samples ] && cp ../shared/samples/*.txt "$seeds"/ 2>/dev/null || true
echo "fuzz: $(ls "$seeds" | wc -l) seed files; ${secs}s per target: ${targets[*]}"

failed=()
for t in "${targets[@]}"; do
  mkdir -p "fuzz/corpus/$t"
  echo "== fuzz $t (${secs}s)"
  if ! cargo +nightly fuzz run "${flags[@]}" "$t" "fuzz/corpus/$t" "$seeds" -- \
    -max_total_time="$secs" -dict=fuzz/dict.txt -timeout=10 -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1; then
    failed+=("$t")
  fi
done

if [ ${#failed[@]} -gt 0 ]; then
  echo "fuzz: FAILED: ${failed[*]} (inputs in fuzz/artifacts/)"
  exit 1
fi
echo "fuzz: no crash in ${targets[*]}"
