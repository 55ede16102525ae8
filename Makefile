# galley: the two commands of README.md.
#   make run    install what is missing, build, render samples/ into output/
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
SAMPLES := $(wildcard samples/*.txt)
# The release binary carries Swift's runtime and Foundation inside it: linking them as shared
# libraries cost a one-article convert 6-10 ms of dynamic linking (bench/startup_bench.py).
RELEASE_FLAGS ?= --static-swift-stdlib

.PHONY: setup build run test goldens fuzz bench-spacing bench-microtype bench-columns bench-batch bench-startup docs-pictures clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c $(CONFIG) --product galley $(if $(filter release,$(CONFIG)),$(RELEASE_FLAGS))

run: build
	@mkdir -p output
	@for f in $(SAMPLES); do \
	  echo "galley convert $$f --format pdf,svg,png"; \
	  .build/$(CONFIG)/galley convert "$$f" -o output/ --format pdf,svg,png --dpi 100 || exit $$?; \
	done
	@echo "Pages are in output/."

# The end-to-end tests run the release binary (GALLEY_BIN): a 2 MB article takes seconds there.
test: setup .venv/readers
	$(SWIFT) build --build-tests
	$(SWIFT) build -c release --product galley $(RELEASE_FLAGS)
	GALLEY_BIN=$(CURDIR)/.build/release/galley $(SWIFT) test --skip-build
	bash fuzz/run.sh 15

# Re-record Tests/Goldens/ (every line of the samples and, with ../shared, the real articles in
# each built-in template) after an intended change to line breaking or page filling; review the
# diff like code.
goldens: setup
	$(SWIFT) build --build-tests
	GALLEY_RECORD_GOLDENS=1 $(SWIFT) test --skip-build --filter GalleyGoldenTests

# The libFuzzer targets (markup front end, template key scanner); FUZZ_SECONDS per target.
FUZZ_SECONDS ?= 600
fuzz:
	bash fuzz/run.sh $(FUZZ_SECONDS)

# Spacing beside Typst (needs ../shared): a virtual environment with pdfplumber and typst.
.venv/bin/python:
	python3 -m venv .venv
	.venv/bin/pip install --quiet pdfplumber typst

# The PDF tests read galley's PDFs back with five text readers and pikepdf
# (Tests/pdf/inspect_pdf.py, called by Tests/GalleyEndToEndTests/PDFOutputTests.swift).
.venv/readers: .venv/bin/python
	.venv/bin/pip install --quiet pypdf pymupdf pypdfium2 pikepdf
	touch .venv/readers

bench-spacing: build .venv/bin/python
	.venv/bin/python bench/spacing_compare.py

# Microtypography beside LuaLaTeX (needs ../shared; the LuaLaTeX rows need TeX Live, which
# scripts/setup.sh does not install: apt-get install texlive-luatex texlive-latex-extra
# texlive-lang-cyrillic fonts-paratype).
bench-microtype: build .venv/bin/python
	.venv/bin/python bench/microtype_compare.py

# Newspaper columns beside LuaLaTeX + microtype in one column of the same width (needs ../shared;
# the LuaLaTeX rows need TeX Live, as bench-microtype), and the balance of galley's columns.
bench-columns: build .venv/bin/python
	cd bench && ../.venv/bin/python columns_compare.py

bench-batch: build .venv/bin/python
	.venv/bin/python bench/batch_bench.py --articles 1000 --memory 10000,100000

bench-startup: build .venv/bin/python
	.venv/bin/python bench/startup_bench.py

docs-pictures: build
	bash docs/make-pictures.sh

clean:
	rm -rf .build output
