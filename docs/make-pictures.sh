#!/usr/bin/env bash
# Regenerates the pictures in docs/img with galley itself: one panel per directive kind, and the
# first page of each sample. Run from the repository root after `make build`.
set -euo pipefail
galley=${GALLEY:-.build/release/galley}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p docs/img

# One article per kind, holding only the directive; the panel's box is read from the layout JSON
# and cropped at 72 dpi (1 px = 1 pt), so sizes come from the registry alone. `quiz` stands for
# a kind galley does not know.
for kind in biginfographic infographic smallinfographic image photo bigphoto movie video gallery smallgallery \
  poll timeline quiz; do
  printf 'Panel %s\n\n#{%s=771531}\n' "$kind" "$kind" > "$work/$kind.txt"
  "$galley" convert "$work/$kind.txt" -o "$work/$kind.pdf" --emit layout 2>/dev/null || true
  read -r x y w h < <(python3 -c '
import json, sys
box = next(b["box"] for b in json.load(open(sys.argv[1]))["pages"][0]["boxes"] if b["kind"] == "panel")
print(*(round(v) for v in (box[0] - 2, box[1] - 2, box[2] + 4, box[3] + 4)))' "$work/$kind.layout.json")
  pdftoppm -png -r 72 -f 1 -l 1 -x "$x" -y "$y" -W "$w" -H "$h" -singlefile "$work/$kind.pdf" "docs/img/kind-$kind"
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
# The Russian sample in the multi-column templates (the README's table of templates).
for template in newspaper broadsheet; do
  "$galley" convert samples/ru-naberezhnaya.txt -o "$work/$template.pdf" --template "$template" 2>/dev/null
  pdftoppm -png -r 40 -f 1 -l 1 -singlefile "$work/$template.pdf" "docs/img/$template-ru-naberezhnaya"
done
# Microtypography on and off: the longest run of text between panels on the Russian sample's
# first page (found in galley's layout report), right margin included, at 110 dpi in grey.
sample=samples/ru-naberezhnaya.txt
"$galley" convert "$sample" -o "$work/microtype-on.pdf" --emit layout 2>/dev/null
"$galley" convert "$sample" -o "$work/microtype-off.pdf" --emit layout --no-microtype 2>/dev/null
read -r x y w h < <(python3 - "$work"/microtype-{on,off}.layout.json <<'PY'
import json, sys
def runs(path):  # the page's text between panels: [[paragraph box, ...], ...] from the top down
    boxes = sorted((b for b in json.load(open(path))["pages"][0]["boxes"] if b["kind"] in ("paragraph", "panel")),
                   key=lambda b: b["box"][1])
    out, run = [], []
    for b in boxes + [{"kind": "panel"}]:
        if b["kind"] == "panel":
            out, run = out + [run] if run else out, []
        else:
            run.append(b["box"])
    return out
on, off = runs(sys.argv[1]), runs(sys.argv[2])
height = lambda r: r[-1][1] + r[-1][3] - r[0][1]
k = max(range(len(on)), key=lambda i: height(on[i]))  # the tallest run with microtype, the same run without
top = min(r[k][0][1] for r in (on, off))
bottom = max(r[k][-1][1] + r[k][-1][3] for r in (on, off))
# points -> pixels at 110 dpi: from 8 pt left of the text to 16 pt right of it (hung characters)
px = lambda pt: round(pt * 110 / 72)
left, width = on[k][0][0], on[k][0][2]
x0, x1, y0, y1 = left - 8, left + width + 16, top - 4, bottom + 4
print(px(x0), px(y0), px(x1) - px(x0), px(y1) - px(y0))
PY
)
for mode in on off; do
  pdftoppm -png -gray -r 110 -f 1 -l 1 -x "$x" -y "$y" -W "$w" -H "$h" -singlefile "$work/microtype-$mode.pdf" "docs/img/microtype-$mode"
done
# The preview of the Russian sample in headless Chromium (skipped without chromium).
if command -v chromium >/dev/null; then
  "$galley" preview samples/ru-naberezhnaya.txt -o "$work/preview" 2>/dev/null
  chromium --headless --no-sandbox --disable-gpu --hide-scrollbars --window-size=1000,760 \
    --screenshot="docs/img/preview.png" "file://$(cd "$work/preview" && pwd)/index.html" 2>/dev/null
fi
ls -la docs/img
