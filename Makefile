# galley: the two commands of README.md.
#   make run    install what is missing, build, render samples/ into output/
#   make test   install what is missing, build, run every test
SHELL := /bin/bash
SWIFT ?= swift
CONFIG ?= release
SAMPLES := $(wildcard samples/*.txt)

.PHONY: setup build run test samples bench fuzz clean

setup:
	@bash scripts/setup.sh

build: setup
	$(SWIFT) build -c $(CONFIG) --product galley

run: build
	@mkdir -p output
	@for f in $(SAMPLES); do \
	  echo "galley convert $$f --format pdf,svg,png"; \
	  .build/$(CONFIG)/galley convert "$$f" -o output/ --format pdf,svg,png --dpi 100 || exit $$?; \
	done
	@echo "Pages are in output/."

test: setup
	$(SWIFT) build --build-tests
	$(SWIFT) test --skip-build

clean:
	rm -rf .build output
