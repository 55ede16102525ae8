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
  libsqlite3-dev       # batch: the on-disk index of inputs, names and manifest records (flat memory)
  zlib1g-dev           # render: the deflate level of cairo's PDF streams (Sources/CDeflateLevel)
  libuchardet-dev      # markup: legacy encoding detection (uchardet), when UTF-8 clearly does not fit
  hyphen-ru            # Russian patterns (hyph_ru_RU.dic)
  hyphen-en-us         # English patterns (hyph_en_US.dic)
  libhunspell-dev      # markup: tells a word ending in n (Putin) from a glued line break (Journaln)
  hunspell-ru          # Russian spelling dictionary (ru_RU.dic/.aff) for that test
  hunspell-en-us       # English spelling dictionary (en_US.dic/.aff) for that test
  fonts-paratype       # PT Serif / PT Sans: the default faces
  fonts-dejavu-core    # fallback for symbols PT lacks
  fonts-noto-core      # fallback for Arabic, Hebrew, Georgian, Armenian, Devanagari… in Russian text
  fonts-noto-cjk       # fallback for Chinese, Japanese, Korean
  fonts-symbola        # emoji as outline glyphs, so they stay text in the PDF (colour emoji would not)
  librsvg2-dev         # panels: SVG assets
  libgdk-pixbuf-2.0-dev # panels: JPEG assets
  libqpdf-dev          # render: tagged PDF and PDF/A keys cairo cannot write (language, alt text, XMP, output intent)
  icc-profiles-free    # render: the sRGB ICC profile of a PDF/A output intent (/usr/share/color/icc/sRGB.icc)
  poppler-utils        # tests: pdftotext, pdfinfo, pdftoppm
  qpdf                 # tests: qpdf --check
  parallel             # tests: docs/scale.md's GNU parallel example, run as written
  python3-jsonschema   # tests: the layout JSON against docs/layout.schema.json (Debian's /usr/bin/python3)
  chromium             # tests: galley preview in a real browser (headless screenshot, DOM)
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

# Denser Russian hyphenation patterns. Debian's hyph_ru_RU.dic (2003) knows few break points
# (государ-ствен-ного); LibreOffice's current set (го-су-дар-ствен-но-го) lets the line breaker
# keep word spaces even. It ships inside the pyphen wheel on PyPI as plain TeX-style patterns;
# libhyphen needs every pattern's substrings compiled in (without that it silently misses
# breaks: единствен-ное instead of един-ствен-ное), which libhyphen's own substrings.pl does.
# The stamp names the preparation, so a machine with an older, unprepared copy redoes it.
# Without the file galley falls back to Debian's patterns.
dense_dir=/usr/local/share/galley/hyphen
dense_stamp="$dense_dir/.prepared-substrings-v2"
if [ ! -f "$dense_stamp" ]; then
  sudo_cmd=""
  [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
  tmp=$(mktemp -d)
  if python3 -m pip download --quiet --no-deps --only-binary=:all: -d "$tmp" "pyphen==0.18.1" >/dev/null 2>&1 \
     && python3 -c "import sys, zipfile; z = zipfile.ZipFile(next(__import__('pathlib').Path(sys.argv[1]).glob('pyphen-*.whl'))); open(sys.argv[2], 'wb').write(z.read('pyphen/dictionaries/hyph_ru_RU.dic'))" "$tmp" "$tmp/raw.dic" \
     && tail -n +2 "$tmp/raw.dic" > "$tmp/patterns.txt" \
     && perl /usr/share/libhyphen/substrings.pl "$tmp/patterns.txt" "$tmp/hyph_ru_RU.dic" UTF-8 >/dev/null; then
    $sudo_cmd mkdir -p "$dense_dir"
    $sudo_cmd cp "$tmp/hyph_ru_RU.dic" "$dense_dir/hyph_ru_RU.dic"
    $sudo_cmd touch "$dense_stamp"
    echo "setup: installed LibreOffice's Russian hyphenation patterns into $dense_dir" >&2
  else
    echo "setup: could not fetch the denser Russian patterns; using Debian's hyph_ru_RU.dic" >&2
  fi
  rm -rf "$tmp"
fi
