#!/usr/bin/env bash
# Installs what building and testing need, on a fresh Debian machine with rustup, cargo, node,
# npm and python3: the wasm32 target, wasm-bindgen-cli at exactly the version in Cargo.lock,
# and (with --browser) Debian's chromium and chromedriver plus the npm test tools.
set -euo pipefail
cd "$(dirname "$0")/.."

rustup target list --installed | grep -qx wasm32-unknown-unknown \
  || rustup target add wasm32-unknown-unknown

# wasm-bindgen-cli must match the wasm-bindgen crate in Cargo.lock exactly.
want=$(awk '/^name = "wasm-bindgen"$/{getline; gsub(/[^0-9.]/, ""); print; exit}' Cargo.lock)
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  echo "setup: installing wasm-bindgen-cli $want (found: ${have:-none})"
  cargo install wasm-bindgen-cli --version "$want" --locked
fi

if [ "${1:-}" = "--browser" ]; then
  if [ ! -x /usr/bin/chromium ] || [ ! -x /usr/bin/chromedriver ]; then
    echo "setup: installing Debian's chromium and chromium-driver"
    sudo_cmd=""
    [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
    $sudo_cmd apt-get update -q
    DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -q chromium chromium-driver
  fi
  # The npm dev dependencies: playwright-core (browser tests), axe-core (their accessibility
  # check) and the benchmark's peers.
  for m in playwright-core axe-core compromise wink-nlp wink-eng-lite-web-model; do
    if [ ! -d "node_modules/$m" ]; then
      npm ci --no-audit --no-fund
      break
    fi
  done
fi
