#!/usr/bin/env bash
# Builds the libFuzzer targets with swiftc (SwiftPM executables clash with libFuzzer's main)
# and runs them. usage: fuzz/run.sh [SECONDS per target]   (default 60)
# Findings go to fuzz/work/crashes/; the seed corpora are fuzz/corpus/*; the corpus grown
# while fuzzing stays in fuzz/work/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-60}
work=fuzz/work
mkdir -p "$work/src-markup" "$work/src-template" "$work/crashes" "$work/corpus-markup" "$work/corpus-template"
# One module per target: the stage sources with their galley imports removed.
strip() { sed -E '/^(internal |@testable )?import Galley(Core|Markup)$/d' "$1"; }
rm -f "$work"/src-markup/*.swift "$work"/src-template/*.swift
for f in Sources/GalleyCore/*.swift Sources/GalleyMarkup/*.swift Sources/GalleyTypography/Normalization/*.swift; do
  strip "$f" > "$work/src-markup/$(basename "$(dirname "$f")")-$(basename "$f")"
done
cp fuzz/MarkupFuzz.swift "$work/src-markup/"
cp Sources/GalleyTemplates/KeyLocator.swift fuzz/TemplateFuzz.swift "$work/src-template/"
# The decoder reads legacy encodings through uchardet (its module map; linked by it) and glibc
# iconv; the repairs read hunspell's dictionaries (Sources/CHunspell: the module map, linked here).
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name MarkupFuzz -I Sources/CUchardet \
  -I Sources/CHunspell -lhunspell-1.7 "$work"/src-markup/*.swift -o "$work/markup-fuzz"
swiftc -sanitize=fuzzer,address -parse-as-library -O -module-name TemplateFuzz "$work"/src-template/*.swift -o "$work/template-fuzz"
status=0
for target in markup template; do
  echo "fuzz: $target for ${seconds}s"
  "$work/$target-fuzz" "$work/corpus-$target" "fuzz/corpus/$target" -max_total_time="$seconds" -max_len=65536 \
    -timeout=10 -rss_limit_mb=4096 -artifact_prefix="$work/crashes/$target-" -print_final_stats=1 2>"$work/$target.log" \
    || { status=1; echo "fuzz: $target found a problem, see $work/$target.log and $work/crashes/"; }
  grep -E "^stat::number_of_executed_units|^Done" "$work/$target.log" | tr '\n' ' '; echo
done
exit $status
