#!/usr/bin/env bash
# Regenerates the pictures in docs/img with galley itself: one panel per directive kind, and the
# first page of each sample. Run from the repository root after `make build`.
set -euo pipefail
galley=${GALLEY:-.build/release/galley}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs/img

# One article per kind, holding only the directive: the panel then stands at the top left of the
# text block (56 pt margins), 483.3 pt wide; pdftoppm at 72 dpi crops it in points.
declare -A aspect=([biginfographic]=0.75 [infographic]=0.75 [smallinfographic]=0.8 [image]=0.667 [photo]=0.667
  [bigphoto]=0.667 [movie]=0.5625 [video]=0.5625 [gallery]=0.667 [smallgallery]=0.5 [poll]=0.4)
declare -A width=([smallinfographic]=242 [smallgallery]=242)
for kind in "${!aspect[@]}"; do
  printf 'Panel %s\n\n#{%s=771531}\n' "$kind" "$kind" > "$work/$kind.txt"
  "$galley" convert "$work/$kind.txt" -o "$work/$kind.pdf" 2>/dev/null
  w=${width[$kind]:-484}
  h=$(python3 -c "print(int(round($w * ${aspect[$kind]} + 22)))")
  # The headline takes the first ~40 pt of the block; panels float below it.
  pdftoppm -png -r 72 -f 1 -l 1 -x 54 -y 94 -W $((w + 4)) -H "$h" -singlefile "$work/$kind.pdf" "docs/img/kind-$kind"
done
# One infographic of each generated chart family (ids chosen to pick each family), in Russian.
declare -A family=([timeline]=100000 [ranking]=100001 [line]=100002 [area]=100004 [donut]=100009 [bar]=100022)
for name in "${!family[@]}"; do
  printf 'Инфографика\n\n#{infographic=%s}\n' "${family[$name]}" > "$work/chart-$name.txt"
  "$galley" convert "$work/chart-$name.txt" -o "$work/chart-$name.pdf" 2>/dev/null
  pdftoppm -png -r 72 -f 1 -l 1 -x 54 -y 94 -W 488 -H 384 -singlefile "$work/chart-$name.pdf" "docs/img/chart-$name"
done
for sample in samples/*.txt; do
  name=$(basename "$sample" .txt)
  "$galley" convert "$sample" -o "$work/$name.pdf" 2>/dev/null
  pdftoppm -png -r 60 -f 1 -l 1 -singlefile "$work/$name.pdf" "docs/img/sample-$name"
done
# The preview of the Russian sample in headless Chromium (skipped without chromium).
if command -v chromium >/dev/null; then
  "$galley" preview samples/ru-naberezhnaya.txt -o "$work/preview" 2>/dev/null
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,760 \
    --screenshot="docs/img/preview.png" "file://$(cd "$work/preview" && pwd)/index.html" 2>/dev/null
fi
ls -la docs/img
