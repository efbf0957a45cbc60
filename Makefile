# The two commands a newcomer needs: `make serve` (set up, build, serve) and `make test` (every test).
PORT ?= 8080

.PHONY: serve test build check-data locate new-city setup setup-test clean bench

serve: build
	node scripts/serve.mjs --root dist --port $(PORT)

test: setup-test
	bash scripts/test.sh

build: setup
	bash scripts/build.sh

# EcoPlan against an ECharts page of the same screens, on this machine (a few minutes; not part of
# make test: it reports and does not enforce). README, "Benchmark".
bench: build
	node scripts/bench.mjs

check-data:
	cargo run --quiet --bin ecoplan-data -- check data

# For data maintainers (docs/data-format.md, "Adding a city"): find where words are in a city's
# documents, with a source to paste; start a city from its plan's text.
locate:
	cargo run --quiet --bin ecoplan-data -- locate "$(CITY)" "$(TEXT)"

new-city:
	cargo run --quiet --bin ecoplan-data -- new "$(CITY)" "$(PLAN)"

setup:
	bash scripts/setup.sh build

setup-test:
	bash scripts/setup.sh test

clean:
	rm -rf dist target/wasm-bindgen target/test-logs test-results
