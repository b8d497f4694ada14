# The two commands of the README, and the steps they are made of. Each sets up what it needs.
SHELL := /bin/bash
CARGO ?= cargo

.PHONY: setup ui run test lint ui-test e2e page bench bindings crash screenshots package package-test

setup:
	bash scripts/setup.sh

## The UI is built first: the desktop binary embeds ui/dist at compile time.
ui: setup
	cd ui && npm run build --silent

## Opens the desktop app (on the demo report the first time, then on the last report used).
run: ui
	$(CARGO) build --release -p jalon-desktop
	target/release/jalon

lint: ui
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings
	python3 scripts/module-cycles.py
	node scripts/lint-workflows.mjs
	cd ui && npm run check --silent

ui-test: setup
	cd ui && npm test --silent

## End-to-end tests of the real app; needs the debug binary.
e2e: ui
	$(CARGO) build -p jalon-desktop
	bash scripts/e2e.sh

## The published page in Chromium (axe-core, the filter, print, offline) and the W3C validator.
page: setup
	$(CARGO) build -p jalon-cli
	cd tests/e2e && JALON_CLI="$$PWD/../../target/debug/jalon-cli" node --test --test-reporter=spec page.test.mjs

## Every test: lints, UI unit tests, Rust unit, integration, property and CLI tests (and the
## check that the TypeScript bindings are fresh), the published page in a browser, then the
## end-to-end tests of the real app.
test: lint ui-test
	$(CARGO) test --workspace
	$(MAKE) --no-print-directory page
	$(MAKE) --no-print-directory e2e

## Writes ui/src/bindings afresh from the Rust types.
bindings: ui
	UPDATE_BINDINGS=1 $(CARGO) test -p jalon-desktop bindings

bench: setup
	$(CARGO) bench -p jalon-core
	$(CARGO) bench -p jalon-store
	$(CARGO) bench -p jalon-charts
	bash scripts/chart-bench.sh
	bash scripts/publish-bench.sh

## Crash trials: the real app and the CLI killed with SIGKILL at random moments, 100 times each
## (not part of `make test`: it takes several minutes).
crash: ui
	$(CARGO) build --release -p jalon-desktop -p jalon-cli
	cd tests/e2e && xvfb-run -a -s "-screen 0 1400x950x24" node crash.mjs 100

## The README's pictures, from the end-to-end run, the published page's run and the demo's deck.
screenshots: e2e page
	bash scripts/docs-screenshots.sh

## The installable packages (.deb and .rpm) of the release app, with the Tauri CLI pinned in
## ui/package.json; they land in target/release/bundle/. Windows and macOS packages are built
## by .github/workflows/release.yml on those systems.
package: ui
	cd src-tauri && ../ui/node_modules/.bin/tauri build --ci --bundles deb,rpm

## Installs the .deb, opens a report with /usr/bin/jalon under Xvfb, hands it a second one
## from another launch, checks the MIME type, then removes the package (needs root or sudo).
package-test: package
	bash scripts/package-test.sh
