# The two commands of the README, and the CI extras. Each target does the whole set-up
# (dependencies, configure, build) first, so it works on a fresh Debian 12 machine.
.PHONY: all deps build binary demo test sanitize tsan fuzz format-check format tidy docs bench ci clean

BUILD_RELEASE := build/release
FORESIGHT := $(BUILD_RELEASE)/src/foresight
EXAMPLES := examples/credit-scoring/foresight.yaml \
            examples/faces-to-offenders/foresight.yaml \
            examples/species-identification/foresight.yaml

all: build

deps:
	@scripts/install-deps

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

test: build
	@ctest --preset release -j2

# CI extras: the unit and e2e tests again under AddressSanitizer + UndefinedBehaviorSanitizer
# with warnings as errors.
sanitize: deps
	@cmake --preset ci >/dev/null
	@cmake --build --preset ci
	@ctest --preset ci -j2

# CI extra: the tests of code that runs on several threads (the executor, the bootstrap on
# it) under ThreadSanitizer; a build of base and stats only.
tsan: deps
	@cmake --preset tsan >/dev/null
	@cmake --build --preset tsan
	@ctest --preset tsan -j2

# libFuzzer runs: 60 s over the charter (parse + rules + renderers), seeded from examples/
# and the corpus; 30 s each over the table readers, the forecaster and the probe's data
# preparation and learners.
FUZZ_SECONDS ?= 60
FUZZ_TABLE_SECONDS ?= 30
FUZZ_FORECAST_SECONDS ?= 30
FUZZ_PROBE_SECONDS ?= 30
fuzz: deps
	@cmake --preset fuzz >/dev/null
	@cmake --build --preset fuzz
	@mkdir -p build/fuzz/corpus
	@cp tests/fuzz/corpus/* build/fuzz/corpus/
	@for f in $(EXAMPLES); do cp $$f build/fuzz/corpus/$$(echo $$f | tr / _); done
	@build/fuzz/tests/fuzz/fuzz_charter -max_total_time=$(FUZZ_SECONDS) -max_len=65536 \
	  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 build/fuzz/corpus
	@mkdir -p build/fuzz/corpus-table
	@cp tests/fuzz/corpus-table/* build/fuzz/corpus-table/
	@build/fuzz/tests/fuzz/fuzz_table -max_total_time=$(FUZZ_TABLE_SECONDS) -max_len=65536 \
	  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 build/fuzz/corpus-table
	@mkdir -p build/fuzz/corpus-forecast
	@cp tests/fuzz/corpus-forecast/* build/fuzz/corpus-forecast/
	@build/fuzz/tests/fuzz/fuzz_forecast -max_total_time=$(FUZZ_FORECAST_SECONDS) -max_len=4096 \
	  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 build/fuzz/corpus-forecast
	@mkdir -p build/fuzz/corpus-probe
	@cp tests/fuzz/corpus-probe/* build/fuzz/corpus-probe/
	@build/fuzz/tests/fuzz/fuzz_probe -max_total_time=$(FUZZ_PROBE_SECONDS) -max_len=8192 \
	  -rss_limit_mb=2048 -timeout=10 -print_final_stats=1 build/fuzz/corpus-probe

format-check:
	@clang-format --dry-run --Werror $$(git ls-files '*.cpp' '*.hpp')

# clang-tidy over the sources (not the tests), warnings as errors; uses the release build's
# compile_commands.json.
tidy: build
	@run-clang-tidy -p build/release -quiet -j 2 \
	  '^$(CURDIR)/src/(?!.*_test\.cpp)(?!.*testing\.cpp).*\.cpp$$' > build/tidy.log 2>&1 || true
	@if grep -qE '(warning|error):' build/tidy.log; then \
	  grep -E '(warning|error):' build/tidy.log | sed 's/\x1b\[[0-9;]*m//g' | sort -u; exit 1; fi
	@echo "clang-tidy: no findings"

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

ci: test sanitize format-check tidy fuzz

clean:
	@rm -rf build
