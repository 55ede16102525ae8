#!/usr/bin/env bash
# Installs the Debian packages galley builds, tests and measures with, only those missing.
# Safe to run again: on a machine that has everything it returns in about a second.
set -euo pipefail

# One list of every Debian package the code, the tests and the docs use.
packages=(
  pkg-config
  libcairo2-dev        # render: PDF, SVG, PNG surfaces
  libpango1.0-dev      # text: itemizing, font fallback, shaping (HarfBuzz)
  libhyphen-dev        # typography: hyphenation
  hyphen-ru            # Russian patterns (hyph_ru_RU.dic)
  hyphen-en-us         # English patterns (hyph_en_US.dic)
  fonts-paratype       # PT Serif / PT Sans: the default faces
  fonts-dejavu-core    # fallback for symbols PT lacks
  librsvg2-dev         # panels: SVG assets
  libgdk-pixbuf-2.0-dev # panels: JPEG assets
  poppler-utils        # tests: pdftotext, pdfinfo, pdftoppm
  qpdf                 # tests: qpdf --check
  python3-venv         # bench: virtual environment for typst and pdfplumber
)

missing=()
for p in "${packages[@]}"; do
  dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p")
done

if [ ${#missing[@]} -gt 0 ]; then
  echo "setup: installing ${missing[*]}" >&2
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $sudo_cmd apt-get update -q
  $sudo_cmd apt-get install -y -q --no-install-recommends "${missing[@]}"
fi
