# The two commands of the README. Each sets up what it needs first.
SHELL := /bin/bash
CARGO ?= cargo
DEMO_DB ?= $(or $(TMPDIR),/tmp)/jalon-demo.jalon

.PHONY: setup run test lint bench

setup:
	bash scripts/setup.sh

## Prints the demo report's summary (the desktop app comes with its own issue).
run: setup
	$(CARGO) build --release -q -p jalon-cli
	rm -f $(DEMO_DB) $(DEMO_DB)-wal $(DEMO_DB)-shm
	target/release/jalon-cli import-json assets/demo/demo-report.json --db $(DEMO_DB)
	target/release/jalon-cli summary --db $(DEMO_DB)
	target/release/jalon-cli check --db $(DEMO_DB)

lint:
	$(CARGO) fmt --all --check
	$(CARGO) clippy --workspace --all-targets -- -D warnings

## Every test: formatting, lints, unit, integration, property and CLI tests.
test: setup lint
	$(CARGO) test --workspace

bench: setup
	$(CARGO) bench -p jalon-core
