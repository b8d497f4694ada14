#!/usr/bin/env bash
# Installs what Jalon needs on a fresh Debian or Ubuntu machine, and nothing that is already
# there: Debian packages with apt-get (through sudo when not root), the UI's and the end-to-end
# tests' npm packages with `npm ci`, and tauri-driver into .tools/. Cargo fetches crates itself.
set -euo pipefail
cd "$(dirname "$0")/.."

packages=(
  build-essential pkg-config python3 curl file
  # the desktop shell (Tauri 2 on WebKitGTK)
  libwebkit2gtk-4.1-dev libgtk-3-dev libxdo-dev librsvg2-dev libssl-dev
  # end-to-end tests: WebKit's WebDriver, a virtual display, screenshots
  webkit2gtk-driver xvfb xauth imagemagick
  # the published page's tests: a real browser and its driver, PDF tools for the print check
  chromium chromium-driver poppler-utils
  # SVG charts checked on a machine without their fonts: librsvg's renderer, DejaVu fonts
  librsvg2-bin fonts-dejavu-core
  # the decks validated against the ODF RelaxNG schemas (../shared/validate-deck)
  jing
  # the packages' test (make package-test): a D-Bus session for the single-instance lock,
  # the desktop's MIME database and its readers, the desktop entry's validator, the .rpm's
  # metadata, the MIME XML checked, the native window's title read
  dbus shared-mime-info libglib2.0-bin xdg-utils desktop-file-utils rpm libxml2-utils x11-utils
)
command -v node >/dev/null || packages+=(nodejs npm)
# the W3C HTML validator (vnu, from npm) runs on Java
command -v java >/dev/null || packages+=(default-jre-headless)

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

# LibreOffice, headless, in the CLI tests: Calc saves round workbooks again as .xlsx and .ods,
# as a lead without Excel would; Impress renders the committee decks to PDF. It is large
# (about 300 MB), so it has a step of its own.
lo_missing=()
for p in libreoffice-calc-nogui libreoffice-impress-nogui; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || lo_missing+=("$p")
done
if ((${#lo_missing[@]})); then
  sudo=""
  [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "setup: installing ${lo_missing[*]}" >&2
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${lo_missing[@]}"
fi

if ! command -v cargo >/dev/null; then
  echo "setup: cargo not found; install Rust (stable) from your distribution or rustup" >&2
  exit 1
fi

# npm packages, reinstalled only when the lock file changed since the last install.
for dir in ui tests/e2e; do
  if [ ! -f "$dir/node_modules/.package-lock.json" ] || [ "$dir/package-lock.json" -nt "$dir/node_modules/.package-lock.json" ]; then
    (cd "$dir" && npm ci --no-audit --no-fund --loglevel=error)
  fi
done

# The round's tests, as a lead would: openpyxl fills workbooks, msoffcrypto-tool locks one with
# a password (from PyPI; pip's --user, and on Debian 12 past its externally-managed guard).
# python-pptx and odfpy read the committee decks back; lxml validates them against their schemas.
for module in openpyxl:openpyxl msoffcrypto:msoffcrypto-tool pptx:python-pptx odf:odfpy lxml:lxml; do
  python3 -c "import ${module%%:*}" 2>/dev/null || python3 -m pip install -q --user "${module#*:}" 2>/dev/null \
    || python3 -m pip install -q --break-system-packages --user "${module#*:}"
done

if [ ! -x .tools/bin/tauri-driver ]; then
  echo "setup: installing tauri-driver into .tools" >&2
  cargo install tauri-driver --locked --version '^2' --root .tools --quiet
fi
