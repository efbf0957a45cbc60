#!/usr/bin/env bash
# Every test: format, lints, the data validator, native unit tests, the release build, wasm-bindgen-test in headless
# Chromium, and the end-to-end browser tests against dist/. Stops at the first failing step.
# Run scripts/setup.sh test first (make test does).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
logs="$ROOT/target/test-logs"
mkdir -p "$logs"
summary=()

step() {
  local name=$1 log="$logs/$1.log" started=$SECONDS
  shift
  say "── $name: $*"
  if ! "$@" 2>&1 | tee "$log"; then
    die "$name failed (log: target/test-logs/$name.log)"
  fi
  summary+=("$(printf '%-10s %4ss  %s' "$name" $((SECONDS - started)) "$(count "$log")")")
}

# The counts a log reports: cargo's "test result" lines, or node's "# pass/# fail" lines.
count() {
  awk '
    /^test result:/ { for (i = 1; i <= NF; i++) { if ($(i) ~ /^passed;?$/) p += $(i-1); if ($(i) ~ /^failed;?$/) f += $(i-1) } n++ }
    /^# pass / { p += $3; n++ } /^# fail / { f += $3 }
    END { if (n) printf "%d passed, %d failed", p, f }' "$1"
}

export CHROMEDRIVER=${CHROMEDRIVER:-/usr/bin/chromedriver}
export CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner
export WASM_BINDGEN_TEST_TIMEOUT=${WASM_BINDGEN_TEST_TIMEOUT:-120}

step fmt cargo fmt --all -- --check
step clippy cargo clippy --all-targets --locked -- -D warnings
step data cargo run --quiet --locked --bin ecoplan-data -- check data
step native cargo test --locked
# The property tests carry their case counts in their names (tests/props.rs).
cases=$(grep -oE '_([0-9]+)_cases \.\.\. ok' "$logs/native.log" | grep -oE '[0-9]+' | awk '{ s += $1 } END { print s + 0 }')
summary+=("$(printf '%-10s %4s   %s' props - "$cases property-test cases passed (tests/props.rs)")")
step build bash scripts/build.sh
step wasm wasm_cargo test --locked --target wasm32-unknown-unknown --test web
step e2e node --test --test-reporter=tap tests/e2e/

say "all tests passed"
printf '%s\n' "${summary[@]}"
