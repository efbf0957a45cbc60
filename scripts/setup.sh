#!/usr/bin/env bash
# Installs what building (and, with `test`, testing) EcoPlan needs, and nothing that is already there.
#   bash scripts/setup.sh build   wasm toolchain, wasm-bindgen-cli, node packages (wasm-opt)
#   bash scripts/setup.sh test    the same, plus rustfmt/clippy, Chromium, ChromeDriver, CJK fonts, and the
#                                 two other engines of the cross-engine tests: Firefox ESR, WebKitGTK's driver, Xvfb
# Every download runs under a timeout and a failure says what is missing and how to get it.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

mode=${1:-build}
case "$mode" in build | test) ;; *) die "usage: scripts/setup.sh [build|test]" ;; esac
started=$SECONDS

apt_updated=
apt_install() {
  local sudo=
  if [ "$(id -u)" != 0 ]; then
    command -v sudo >/dev/null || die "need these Debian packages, and no root or sudo to install them: $*"
    sudo=sudo
  fi
  command -v apt-get >/dev/null || die "need these packages (Debian names), and this is not a Debian system: $*"
  if [ -z "$apt_updated" ]; then
    say "apt-get update"
    timeout 300 $sudo apt-get update -q >/dev/null ||
      die "apt-get update failed or took over 5 minutes: is the Debian mirror reachable?"
    apt_updated=1
  fi
  say "apt-get install $*"
  timeout 1200 $sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -q "$@" >/dev/null ||
    die "apt-get install $* failed or took over 20 minutes"
}

# Rust itself: the one toolchain a machine has; we do not install it.
command -v cargo >/dev/null && command -v rustc >/dev/null ||
  die "Rust is not installed: install it with rustup (https://rustup.rs), then run this again"

# The wasm32 standard library: an installed target, or Debian's rustc-web + std source + lld.
if have_wasm_target; then
  say "wasm32 target: installed with $(rustc --version)"
else
  if ! { [ -x /usr/bin/rustc ] && [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ] &&
    command -v wasm-ld >/dev/null; }; then
    say "no wasm32 target here (rustup cannot download it on this network): using Debian's rustc-web with build-std"
    apt_install rustc-web cargo-web rust-web-src lld
  fi
  say "wasm32 target: build-std with $(/usr/bin/rustc --version)"
fi

# wasm-bindgen-cli at exactly the version Cargo.lock names.
want=$(lock_version wasm-bindgen)
[ -n "$want" ] || die "Cargo.lock names no wasm-bindgen version"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  say "installing wasm-bindgen-cli $want (have: ${have:-none}; takes about 3 minutes)"
  # Not --locked: the registry lacks some versions its lock file names.
  timeout 1800 cargo install -q wasm-bindgen-cli --version "$want" ||
    die "cargo install wasm-bindgen-cli --version $want failed or took over 30 minutes"
fi
say "wasm-bindgen: $(wasm-bindgen --version)"

# Node packages from the committed lock file (wasm-opt from binaryen, playwright-core).
command -v node >/dev/null && command -v npm >/dev/null || apt_install nodejs npm
lock_sum=$(sha256sum package-lock.json | cut -d' ' -f1)
if [ "$(cat node_modules/.ecoplan-lock 2>/dev/null || true)" != "$lock_sum" ]; then
  say "npm ci (from package-lock.json)"
  timeout 600 npm ci --no-audit --no-fund --loglevel=error ||
    die "npm ci failed or took over 10 minutes: is the npm registry reachable?"
  echo "$lock_sum" >node_modules/.ecoplan-lock
fi
say "wasm-opt: $(wasm-opt --version)"

if [ "$mode" = test ]; then
  for component in rustfmt clippy; do
    if ! cargo "${component/rustfmt/fmt}" --version >/dev/null 2>&1; then
      command -v rustup >/dev/null || die "cargo $component is missing and there is no rustup to add it"
      say "rustup component add $component"
      timeout 300 rustup component add "$component" ||
        die "rustup component add $component failed or took over 5 minutes"
    fi
  done
  missing=()
  command -v chromium >/dev/null || missing+=(chromium)
  command -v chromedriver >/dev/null || missing+=(chromium-driver)
  # Without CJK fonts Chinese renders as boxes in screenshots and on canvases.
  [ -n "$(fc-list :lang=zh family 2>/dev/null)" ] || missing+=(fonts-noto-cjk)
  # The cross-engine tests (tests/e2e/engines.test.mjs): Firefox over WebDriver BiDi (puppeteer-core),
  # WebKitGTK's MiniBrowser through WebKitWebDriver, which needs an X display (xvfb-run).
  command -v firefox-esr >/dev/null || missing+=(firefox-esr)
  command -v WebKitWebDriver >/dev/null || missing+=(webkit2gtk-driver)
  command -v xvfb-run >/dev/null || missing+=(xvfb)
  [ ${#missing[@]} -eq 0 ] || apt_install "${missing[@]}"
  say "browser: $(chromium --version 2>/dev/null | head -1); $(chromedriver --version | head -1)"
  say "other engines: $(firefox-esr --version 2>/dev/null | head -1); WebKitGTK $(dpkg-query -W -f='${Version}' webkit2gtk-driver 2>/dev/null)"
fi

say "setup ($mode) done in $((SECONDS - started)) s"
