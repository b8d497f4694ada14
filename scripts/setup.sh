#!/usr/bin/env bash
# Installs what Jalon needs on a fresh Debian or Ubuntu machine, and nothing that is already
# there: Debian packages with apt-get (through sudo when not root). Cargo fetches crates itself.
set -euo pipefail

packages=(build-essential pkg-config python3)

missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found; install Rust (stable) from your distribution or rustup" >&2
  exit 1
fi
