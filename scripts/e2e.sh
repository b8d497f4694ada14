#!/usr/bin/env bash
# End-to-end tests of the real desktop binary: tauri-driver and WebKitWebDriver under Xvfb.
# Screenshots of every view land in target/e2e-screenshots/.
set -euo pipefail
cd "$(dirname "$0")/.."
export JALON_BIN="$PWD/target/debug/jalon"
rm -rf target/e2e-screenshots
cd tests/e2e
exec xvfb-run -a -s "-screen 0 1400x950x24" node --test --test-force-exit --test-concurrency=1 app.test.mjs
