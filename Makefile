# The two commands of the README, and the CI tiers. Each target does the whole set-up
# (dependencies, configure, build) first, so it works on a fresh Debian 12 machine.
# Per change, CI runs `.ci/run` (= `make ci`): format-check, test, sanitize, tsan, tidy.
# Long fuzzing (`make fuzz`) and the benchmarks (`make bench`) run on demand.
.PHONY: all deps ci-deps build binary demo test ci-build sanitize tsan fuzz format-check format tidy docs \
        bench ci clean

BUILD_RELEASE := build/release
FORESIGHT := $(BUILD_RELEASE)/src/foresight
EXAMPLES := examples/credit-scoring/foresight.yaml \
            examples/faces-to-offenders/foresight.yaml \
            examples/species-identification/foresight.yaml

all: build

deps:
	@scripts/install-deps

# The CI checks' clang tools too (scripts/install-deps --ci).
ci-deps:
	@scripts/install-deps --ci

build: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release

# Only the binary: a newcomer's first command does not wait for every test and benchmark.
binary: deps
	@cmake --preset release >/dev/null
	@cmake --build --preset release --target foresight

demo: binary
	@for f in $(EXAMPLES); do \
	  echo; echo "\$$ foresight check $$f"; \
	  $(FORESIGHT) check $$f; echo "(exit code $$?)"; \
	done
	@echo; echo "== Evidence on real data (breast cancer biopsies, 3 models) in build/demo =="
	@scripts/demo-evidence $(FORESIGHT)
	@echo; echo "== Day one on real data (German Credit, the credit-scoring charter) in build/demo-probe =="
	@scripts/demo-probe $(FORESIGHT)
	@echo; echo "== The report for the people who fund and lead the project =="
	@cd build/demo && $(abspath $(FORESIGHT)) report -o report.html --quiet
	@cd build/demo-probe && $(abspath $(FORESIGHT)) report -o report.html --quiet --today 2026-04-06
	@echo "Open build/demo/report.html (the biopsy triage) and build/demo-probe/report.html"
	@echo "(credit scoring, from the probe) in a browser: one self-contained file each."

# The store's contract runs against SQLite and a throw-away PostgreSQL cluster
# (scripts/with-postgres); FORESIGHT_REQUIRE_PG=1 makes a missing cluster a failure.
test: build
	@FORESIGHT_REQUIRE_PG=1 scripts/with-postgres ctest --preset release -j2

# The clang build (preset ci, build/ci): AddressSanitizer + UndefinedBehaviorSanitizer at -O1,
# unity batches, warnings as errors, the unit and e2e tests and the libFuzzer targets. One
# build serves `make sanitize`, `make fuzz` and `make tidy` (its compile_commands.json).
ci-build: ci-deps
	@cmake --preset ci >/dev/null
	@cmake --build --preset ci

# CI, per change: the unit and e2e tests under the sanitizers (but the two longest remote-mode
# flows, label remote-heavy, and the screening's measurement over its 3,576 labelled
# descriptions, label measure, which `make test` runs: their code is the other tests' too),
# and each fuzz target for 10 s from its seed corpus (tests fuzz.*, label fuzz).
sanitize: ci-build
	@FORESIGHT_REQUIRE_PG=1 scripts/with-postgres ctest --preset ci -j2 -LE "remote-heavy|measure"

# CI, per change: the tests of code that runs on several threads (the executor, the bootstrap
# on it, the stores and PostgreSQL's connection pool under many threads, the server under
# many clients at once) under ThreadSanitizer, which cannot share a build with
# AddressSanitizer; a build of those tests and what they link, with a throw-away PostgreSQL
# cluster.
tsan: deps
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan
	@FORESIGHT_REQUIRE_PG=1 scripts/with-postgres ctest --preset tsan -j2

# Long fuzzing, not per change: libFuzzer from the same build as `make sanitize`, 60 s over
# the charter (parse + rules + renderers), 30 s each over the table readers, the forecaster,
# the probe's data preparation and learners, the result cache's decoders and the server's
# routes. The corpora they grow stay in build/ci.
FUZZ_SECONDS ?= 60
FUZZ_TABLE_SECONDS ?= 30
FUZZ_FORECAST_SECONDS ?= 30
FUZZ_PROBE_SECONDS ?= 30
FUZZ_RESULT_CACHE_SECONDS ?= 30
FUZZ_SERVER_SECONDS ?= 30
FUZZ_WIRE_SECONDS ?= 30
FUZZ_BIN := build/ci/tests/fuzz
fuzz: ci-build
	@tests/fuzz/run $(FUZZ_BIN) $(FUZZ_SECONDS) charter
	@tests/fuzz/run $(FUZZ_BIN) $(FUZZ_TABLE_SECONDS) table
	@tests/fuzz/run $(FUZZ_BIN) $(FUZZ_FORECAST_SECONDS) forecast
	@tests/fuzz/run $(FUZZ_BIN) $(FUZZ_PROBE_SECONDS) probe
	@tests/fuzz/run $(FUZZ_BIN) $(FUZZ_RESULT_CACHE_SECONDS) result_cache
	@tests/fuzz/run $(FUZZ_BIN) $(FUZZ_SERVER_SECONDS) server
	@tests/fuzz/run $(FUZZ_BIN) $(FUZZ_WIRE_SECONDS) wire

format-check: ci-deps
	@clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

# clang-tidy over the sources and the headers under src/ (not the tests), failing on any
# finding and on anything that keeps it from checking every file (scripts/tidy), one unity
# batch of the clang build at a time. Needs the clang build configured, not built; clean
# results are remembered by content.
tidy: ci-deps
	@cmake --preset ci >/dev/null
	@scripts/tidy --self-test
	@scripts/tidy build/ci

format:
	@clang-format -i $$(git ls-files '*.cpp' '*.hpp')

# Regenerates docs/rules.md from the rule registry.
docs: build
	@$(FORESIGHT) rules --format md > docs/rules.md

# Benchmarks against their peers (see docs/PERFORMANCE.md); not part of the tests.
bench: build
	@bench/check_speed.sh
	@bench/evidence_speed.sh
	@bench/eval_speed.sh
	@bench/ingest_speed.sh
	@bench/forecast_eval.sh
	@bench/probe_speed.sh
	@bench/rescore_speed.sh

ci:
	@.ci/run

clean:
	@rm -rf build
