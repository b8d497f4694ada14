#!/usr/bin/env bash
# The Linux packages as an officer's machine meets them (after `make package`): their metadata,
# desktop entry and MIME type; the .deb installed with dpkg -i, /usr/bin/jalon started on a
# report under Xvfb and handed a second one by another launch (tests/e2e/package.test.mjs);
# then the package removed. Needs root or sudo, as any package installation does.
set -euo pipefail
cd "$(dirname "$0")/.."
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"

deb=$(ls target/release/bundle/deb/*.deb)
rpm=$(ls target/release/bundle/rpm/*.rpm)
fail() { echo "package-test: $*" >&2; exit 1; }
size() { du -k "$1" | awk '{printf "%.1f MB", $1 / 1024}'; }
echo "package-test: $(basename "$deb") $(size "$deb"), $(basename "$rpm") $(size "$rpm"), binary $(size target/release/jalon)"

version=$(cargo metadata --no-deps --format-version 1 \
  | python3 -c 'import json,sys; print(next(p["version"] for p in json.load(sys.stdin)["packages"] if p["name"] == "jalon-desktop"))')
[ "$(dpkg-deb -f "$deb" Version)" = "$version" ] || fail "the .deb's version is not the workspace's ($version)"
depends=$(dpkg-deb -f "$deb" Depends)
for d in libwebkit2gtk-4.1-0 libgtk-3-0 shared-mime-info; do
  grep -q "$d" <<<"$depends" || fail "the .deb does not depend on $d: $depends"
done
requires=$(rpm -qp --requires "$rpm" 2>/dev/null)
for d in webkit2gtk4.1 gtk3; do
  grep -q "$d" <<<"$requires" || fail "the .rpm does not require $d: $requires"
done
rpm -qpl "$rpm" 2>/dev/null | grep -qx /usr/share/mime/packages/jalon.xml || fail "the .rpm has no MIME type"

# The desktop entry and the MIME type, as the package holds them.
look=$(mktemp -d)
trap 'rm -rf "$look"' EXIT
dpkg-deb -x "$deb" "$look"
desktop=$(ls "$look"/usr/share/applications/*.desktop)
desktop-file-validate "$desktop" || fail "$desktop does not validate"
grep -qx 'Exec=jalon %f' "$desktop" || fail "the desktop entry does not pass the file: $(grep ^Exec "$desktop")"
grep -qx 'MimeType=application/x-jalon;' "$desktop" || fail "the desktop entry names no MIME type"
xmllint --noout "$look/usr/share/mime/packages/jalon.xml" || fail "the MIME XML is not well-formed"
for icon in 32x32 64x64 128x128 512x512; do
  ls "$look"/usr/share/icons/hicolor/"$icon"/apps/jalon.png >/dev/null 2>&1 || fail "no $icon icon"
done

$sudo dpkg -i "$deb" >/dev/null
removed=0
remove() { ((removed)) || { $sudo dpkg -r jalon >/dev/null; removed=1; }; }
trap 'remove; rm -rf "$look"' EXIT
[ -x /usr/bin/jalon ] || fail "no /usr/bin/jalon once installed"

# A report named r.jalon is a Jalon report to the desktop (shared-mime-info's dpkg trigger has
# run update-mime-database), and so is a copy without the extension, by its header. xdg-mime
# asks gio on GNOME; without a desktop it would ask file(1), which knows only SQLite.
cargo build -q -p jalon-cli
probe="$look/r.jalon"
target/debug/jalon-cli import-json assets/demo/demo-report.json --db "$probe" >/dev/null
cp "$probe" "$look/report-without-extension"
for f in "$probe" "$look/report-without-extension"; do
  gio_type=$(gio info -a standard::content-type "$f" | awk '/standard::content-type/ {print $2}')
  [ "$gio_type" = application/x-jalon ] || fail "gio says $f is $gio_type"
done
xdg_type=$(XDG_CURRENT_DESKTOP=GNOME xdg-mime query filetype "$probe")
[ "$xdg_type" = application/x-jalon ] || fail "xdg-mime says $probe is $xdg_type"
echo "package-test: r.jalon is application/x-jalon to gio and xdg-mime, and so is a report without its extension"
(cd tests/e2e && JALON_BIN=/usr/bin/jalon JALON_PACKAGE_VERSION="$version" \
  dbus-run-session -- xvfb-run -a -s "-screen 0 1400x950x24" \
  node --test --test-force-exit --test-concurrency=1 package.test.mjs)

remove
[ ! -e /usr/bin/jalon ] || fail "/usr/bin/jalon is still there after dpkg -r"
echo "package-test: installed, used, handed over and removed"
