#!/usr/bin/env bash
# Install what the UI test (tests/test_ui.py) needs beyond the Python packages: Debian's chromium
# and chromium-driver, with apt-get, only when they are missing. Safe to run repeatedly; runs as
# root without a TTY (CI), or through sudo when it is available and we are not root.
set -euo pipefail

missing=()
command -v chromium >/dev/null 2>&1 || [[ -x /usr/bin/chromium ]] || missing+=(chromium)
command -v chromedriver >/dev/null 2>&1 || [[ -x /usr/bin/chromedriver ]] || missing+=(chromium-driver)
if (( ${#missing[@]} == 0 )); then
  echo "ci_deps: chromium and chromium-driver are installed"
  exit 0
fi

if [[ "$(id -u)" -eq 0 ]]; then
  SUDO=()
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  SUDO=(sudo -n)
else
  echo "ci_deps: need root (or password-less sudo) to install: ${missing[*]}" >&2
  exit 1
fi
if ! command -v apt-get >/dev/null 2>&1; then
  echo "ci_deps: apt-get not found; install ${missing[*]} by hand (tests/test_ui.py skips without chromium)" >&2
  exit 1
fi

echo "ci_deps: installing ${missing[*]} with apt-get"
export DEBIAN_FRONTEND=noninteractive
"${SUDO[@]}" apt-get update -qq
"${SUDO[@]}" apt-get install -y -qq "${missing[@]}" </dev/null
chromium --version
