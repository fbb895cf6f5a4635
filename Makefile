# The two quick-start commands (`make demo`, `make test`) and what they stand on.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
SAMPLES := $(sort $(wildcard samples/*.txt samples/*.docx samples/*.pdf samples/*.html)) $(wildcard samples/reports/*.docx samples/reports/*.pdf)

.PHONY: install demo test check lint lock clean bench bench-intake bench-linking bench-queries bench-peer-env devset devset-reference

install: $(STAMP)

# constraints.txt pins every package, so a user, a developer and CI install the same versions.
$(STAMP): pyproject.toml constraints.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,models]'
	touch $(STAMP)

# The ingest flow on the bundled samples, on the embedded local Prefect API (nothing to start).
demo: install
	rm -rf out
	$(BIN)/qpr ingest $(SAMPLES) --out out

test: install
	$(BIN)/pytest

# The fast loop while developing: every test but those marked slow (tests/conftest.py), about a
# minute here. `make test` runs everything, as CI does.
check: install
	$(BIN)/pytest -q -m "not slow"

# Issue #6's benchmarks: regenerates a 10,000-document corpus, measures everything and rewrites
# benchmarks/results.md (about 20 minutes here). The peer's figures need `make bench-peer-env`.
bench: install
	DO_NOT_TRACK=1 PREFECT_SERVER_ANALYTICS_ENABLED=false $(BIN)/python benchmarks/run.py

# Issue #17's load benchmark of the intake service (benchmarks/intake_load.py): 500 documents
# uploaded by 20 clients on loopback against `qpr ingest` on the same, then a kill -9 of the server
# mid-load; writes benchmarks/intake_results.json and its section of results.md (about 10 minutes
# here, bounded by timeouts). INTAKE_ROUNDS=1 for a quicker look.
INTAKE_ROUNDS ?= 3
bench-intake: install
	DO_NOT_TRACK=1 PREFECT_SERVER_ANALYTICS_ENABLED=false timeout 1800 $(BIN)/python benchmarks/intake_load.py --rounds $(INTAKE_ROUNDS)

# Issue #18's record-linkage benchmark (benchmarks/linking.py): pairwise precision and recall of
# `link()` on 5,000 generated rows that recur across cycles and copies, the development set's
# same-measure pages, and `link()`'s time on 10,000, 50,000 and 100,000 rows; writes
# benchmarks/linking_results.json and its section of results.md. LINKING_ROUNDS=1 for a quicker look.
LINKING_ROUNDS ?= 3
bench-linking: install
	$(BIN)/python benchmarks/linking.py --rounds $(LINKING_ROUNDS) --devset $(DEVSET)

# Issue #18's timings of the README's five questions, each a fresh `qpr query` process on a batch
# of the 10,000-document corpus (benchmarks/queries.py; made once in .bench/queries/, about 6
# minutes, then reused); writes benchmarks/queries_results.json and its section of results.md.
bench-queries: install
	DO_NOT_TRACK=1 PREFECT_SERVER_ANALYTICS_ENABLED=false $(BIN)/python benchmarks/queries.py

# Unstructured, the peer, in an environment of its own (1.3 GB; never in .venv).
bench-peer-env:
	$(PYTHON) -m venv .venv-peer
	.venv-peer/bin/pip install --quiet --disable-pip-version-check --no-deps -r benchmarks/peer-requirements.txt

lint: install
	$(BIN)/ruff check pipeline schemas flows tests samples
	$(BIN)/mypy pipeline schemas

# Refresh the pins after changing dependencies in pyproject.toml.
lock: install
	$(BIN)/pip freeze --exclude-editable | grep -v '^qpr' > constraints.txt

clean:
	rm -rf $(VENV) out .pytest_cache .hypothesis .bench

# Issue #7's long fuzz run (tests/fuzz_long.py): FUZZ_MINUTES of it on FUZZ_JOBS processes;
# each finding is written to .fuzz/findings/ with a reproducer. `make fuzz FUZZ_MINUTES=120`.
FUZZ_MINUTES ?= 30
FUZZ_JOBS ?= 2
.PHONY: fuzz
fuzz: install
	$(BIN)/python tests/fuzz_long.py --minutes $(FUZZ_MINUTES) --jobs $(FUZZ_JOBS) --out .fuzz

# Issue #13: the scores on the real pages of the development set (its pages fetched into .devset/
# as its README says; never committed). DEVSET= names the devset folder.
DEVSET ?= ../shared/devset
devset: install
	$(BIN)/python benchmarks/devset.py --devset $(DEVSET)

# The same scores from the development set's own scripts, through `qpr extract` (about 90 s).
devset-reference: install
	$(PYTHON) $(DEVSET)/score_measures.py $(BIN)/qpr .devset/measures $(DEVSET)/measures-gold
	$(PYTHON) $(DEVSET)/score_reports.py $(BIN)/qpr .devset/reports $(DEVSET)/reports-gold
