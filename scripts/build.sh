#!/usr/bin/env bash
# Builds dist/: release wasm, wasm-bindgen glue, wasm-opt -Oz, hashed names, size report.
# Run scripts/setup.sh first (make build does).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

say "compiling the widget for wasm32 (release)"
# Where the standard library is built here (build-std), a panic aborts without formatting its
# message first: nothing in a browser reads it, and it saves 40 KB raw, 14 KB gzip of wasm. For
# the same reason panics carry no file and line (-Zlocation-detail=none) and `{:?}` formats
# nothing (-Zfmt-debug=none; nothing a reader sees is Debug output): 3.7 KB raw, 2.2 KB brotli.
# (For this build only: postbuild.mjs runs the native prerendering with the machine's own cargo.)
wasm_flags=
if ! have_wasm_target; then
  wasm_flags="-Zlocation-detail=none -Zfmt-debug=none -Zunstable-options -Cpanic=immediate-abort"
fi
RUSTFLAGS="${RUSTFLAGS:-} $wasm_flags" wasm_cargo build --release --target wasm32-unknown-unknown --bin ecoplan

out="$ROOT/target/wasm-bindgen"
rm -rf "$out"
say "wasm-bindgen $(lock_version wasm-bindgen)"
wasm-bindgen --target web --no-typescript --out-dir "$out" \
  "$ROOT/target/web/wasm32-unknown-unknown/release/ecoplan.wasm"

say "wasm-opt -Oz"
wasm-opt -Oz --strip-debug --strip-producers "$out/ecoplan_bg.wasm" -o "$out/ecoplan_bg.opt.wasm"
mv "$out/ecoplan_bg.opt.wasm" "$out/ecoplan_bg.wasm"

say "assembling dist/ (size report: target/size-report.txt)"
node scripts/postbuild.mjs "$out" "$ROOT/dist"
# The README names the cities the data has (a new city file adds itself there).
node scripts/readme-cities.mjs
