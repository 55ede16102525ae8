#!/usr/bin/env python3
"""Justified-text spacing, galley beside Typst, on the same articles and page.

Renders each article with galley (its default template: A4, 56 pt margins, PT Serif 11 pt,
justified, hyphenated) and with Typst 0.15 (the same page, font, size and language; the
article as plain markup: the headline as a heading, the paragraphs as galley's parser splits
them, a 200 pt grey block per directive; galley's typographic normalization is NOT applied to
Typst's input), then reads both PDFs back with ../shared/tools/spacing.py's functions and
prints one row per tool over all articles.

usage: bench/spacing_compare.py [--galley PATH] [--variants N] [ARTICLE.txt ...]
       (default articles: samples/*.txt, the seed and N=30 seed variants when ../shared exists)
needs: python3 -m venv .venv && .venv/bin/pip install pdfplumber typst   (make bench-spacing does it)
"""
import argparse, pathlib, re, subprocess, tempfile

from spacing_common import GALLEY, ROOT, blocks, galley_markup, is_directive, load_spacing, measure, \
    seed_and_variants, summary, measure_both


def typst_escape(text):
    return re.sub(r"([\\#*_`$<>@\[\]=~/-])", r"\\\1", text)


def typst_source(markup, lang):
    """Typst markup for galley's canonical markup (headline, then blank-line separated blocks)."""
    parts = blocks(markup)
    out = [
        '#set page(paper: "a4", margin: 56pt)',
        f'#set text(font: "PT Serif", size: 11pt, lang: "{lang}", hyphenate: true)',
        "#set par(justify: true)",
    ]
    if parts:
        out.append("= " + typst_escape(parts[0]))
    for b in parts[1:]:
        if is_directive(b):
            out.append("#block(width: 100%, height: 200pt, fill: luma(200))")
        else:
            out.append(typst_escape(b))
    return "\n\n".join(out) + "\n"


def row(name, figures):
    s = summary(figures)
    return (f"{name:<8} articles={s['articles']:>3} justified={s['justified']:>5} >1.5x={s['over1.5']:>4} "
            f">2x={s['over2']:>3} >2.5x={s['over2.5']:>3} p95={s['p95']:.2f} max={s['max']:.2f} "
            f"overfull={s['overfull']} longest_hyphen_run={s['hyphen_run']}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="*")
    parser.add_argument("--galley", default=str(GALLEY))
    parser.add_argument("--variants", type=int, default=30)
    args = parser.parse_args()
    spacing = load_spacing()
    import typst

    work = pathlib.Path(tempfile.mkdtemp(prefix="galley-spacing-"))
    articles = [pathlib.Path(a) for a in args.articles]
    if not articles:
        articles = sorted((ROOT / "samples").glob("*.txt")) + seed_and_variants(work, args.variants)
    galley_figures, typst_figures = [], []
    galley_letters, typst_letters = [], []
    for n, article in enumerate(articles):
        name = f"{n:04d}"
        pdf = work / f"{name}-galley.pdf"
        subprocess.run([args.galley, "convert", str(article), "-o", str(pdf)], check=True, stderr=subprocess.DEVNULL)
        usual, letters = measure_both(spacing, pdf)
        galley_figures.append(usual)
        galley_letters.append(letters)
        markup, lang = galley_markup(args.galley, article)
        typ = work / f"{name}.typ"
        typ.write_text(typst_source(markup, lang), encoding="utf-8")
        typst.compile(str(typ), output=str(work / f"{name}-typst.pdf"))
        usual, letters = measure_both(spacing, work / f"{name}-typst.pdf")
        typst_figures.append(usual)
        typst_letters.append(letters)
    print(f"{len(articles)} articles; word gap / natural space (PT Serif 0.243 em), justified lines only")
    print(row("galley", galley_figures))
    print(row("typst", typst_figures))
    print("the same, with the right edge where lines ending in a letter stop (spacing_common.measure_both):")
    print(row("galley", galley_letters))
    print(row("typst", typst_letters))


if __name__ == "__main__":
    main()
