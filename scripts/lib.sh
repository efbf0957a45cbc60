# Shared by the project's scripts: logging, and how to run cargo for the wasm32 target here.
# shellcheck shell=bash

say() { printf '\033[1m[ecoplan]\033[0m %s\n' "$*" >&2; }
die() {
  printf '\033[1;31m[ecoplan] error:\033[0m %s\n' "$*" >&2
  exit 1
}

ROOT=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
export PATH="$HOME/.cargo/bin:$ROOT/node_modules/.bin:$PATH"

# The wasm-bindgen version Cargo.lock names: the CLI must match it exactly.
lock_version() {
  awk -v name="$1" '$0 == "name = \"" name "\"" { getline; gsub(/version = |"/, ""); print; exit }' "$ROOT/Cargo.lock"
}

# True when the default toolchain already has the wasm32 standard library (a rustup laptop).
have_wasm_target() {
  local sysroot
  sysroot=$(rustc --print sysroot 2>/dev/null) || return 1
  [ -d "$sysroot/lib/rustlib/wasm32-unknown-unknown/lib" ]
}

# cargo for wasm32: the installed target where there is one, otherwise Debian's rustc-web with
# the standard library built from source (rustup cannot download the target on these machines).
wasm_cargo() {
  if have_wasm_target; then
    CARGO_TARGET_DIR="$ROOT/target/web" cargo "$@"
  else
    PATH="/usr/bin:$PATH" RUSTC=/usr/bin/rustc RUSTDOC=/usr/bin/rustdoc RUSTC_BOOTSTRAP=1 \
      CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_LINKER=wasm-ld \
      CARGO_TARGET_DIR="$ROOT/target/web" \
      /usr/bin/cargo "$@" -Z build-std=std,panic_abort -Z build-std-features=optimize_for_size
  fi
}
