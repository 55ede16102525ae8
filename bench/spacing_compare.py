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
import argparse, importlib.util, pathlib, re, statistics, subprocess, sys, tempfile

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"


def load_spacing():
    path = SHARED / "tools" / "spacing.py"
    if not path.exists():
        sys.exit(f"spacing.py not found at {path}: this comparison needs ../shared beside the checkout")
    spec = importlib.util.spec_from_file_location("spacing", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(spacing, pdf, space_em=0.243):
    """Per-PDF figures: gap ratios of justified lines, overfull lines, longest hyphen run."""
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        size, lines, _ = spacing.body_lines(doc)
    lines = [(i, k, l) for i, k, l in lines if len(l) > 1]
    if not lines:
        return [], 0, 0
    right = spacing.right_edges(lines)
    short = lambda i, k, l: right[(i, k)] - l[-1]["x1"]
    justified = [l for i, k, l in lines if -0.27 * size <= short(i, k, l) < 2.0]
    overfull = sum(1 for i, k, l in lines if short(i, k, l) < -0.27 * size)
    natural = space_em * size
    ratios = [statistics.mean(spacing.gaps(l)) / natural for l in justified]
    run = best = 0
    for i, k, l in lines:
        run = run + 1 if l[-1]["text"].endswith(("-", "\u00ad", "\u2010")) else 0
        best = max(best, run)
    return ratios, overfull, best


def typst_escape(text):
    return re.sub(r"([\\#*_`$<>@\[\]=~/-])", r"\\\1", text)


def typst_source(markup, lang):
    """Typst markup for galley's canonical markup (headline, then blank-line separated blocks)."""
    blocks = [b.strip() for b in markup.split("\n\n") if b.strip()]
    out = [
        '#set page(paper: "a4", margin: 56pt)',
        f'#set text(font: "PT Serif", size: 11pt, lang: "{lang}", hyphenate: true)',
        "#set par(justify: true)",
    ]
    if blocks:
        out.append("= " + typst_escape(blocks[0]))
    for b in blocks[1:]:
        if re.fullmatch(r"#[{<][^}>]*[}>]", b):
            out.append("#block(width: 100%, height: 200pt, fill: luma(200))")
        else:
            out.append(typst_escape(b))
    return "\n\n".join(out) + "\n"


def row(name, figures):
    ratios = sorted(r for f in figures for r in f[0])
    p95 = ratios[int(0.95 * (len(ratios) - 1))] if ratios else 0
    return (f"{name:<8} articles={len(figures):>3} justified={len(ratios):>5} >1.5x={sum(r > 1.5 for r in ratios):>4} "
            f">2x={sum(r > 2 for r in ratios):>3} >2.5x={sum(r > 2.5 for r in ratios):>3} p95={p95:.2f} "
            f"max={max(ratios, default=0):.2f} overfull={sum(f[1] for f in figures)} "
            f"longest_hyphen_run={max((f[2] for f in figures), default=0)}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("articles", nargs="*")
    parser.add_argument("--galley", default=str(ROOT / ".build" / "release" / "galley"))
    parser.add_argument("--variants", type=int, default=30)
    args = parser.parse_args()
    spacing = load_spacing()
    import typst

    work = pathlib.Path(tempfile.mkdtemp(prefix="galley-spacing-"))
    articles = [pathlib.Path(a) for a in args.articles]
    if not articles:
        articles = sorted((ROOT / "samples").glob("*.txt"))
        seed = SHARED / "seeds" / "000_7b5fd0e551e9cfee.txt"
        if seed.exists():
            articles.append(seed)
            if args.variants:
                subprocess.run([sys.executable, str(SHARED / "tools" / "make_variants.py"), str(seed),
                                str(work / "variants"), str(args.variants)], check=True)
                articles += sorted((work / "variants").glob("*.txt"))
    galley_figures, typst_figures = [], []
    for n, article in enumerate(articles):
        name = f"{n:04d}"
        pdf = work / f"{name}-galley.pdf"
        subprocess.run([args.galley, "convert", str(article), "-o", str(pdf)], check=True, stderr=subprocess.DEVNULL)
        galley_figures.append(measure(spacing, pdf))
        markup = subprocess.run([args.galley, "normalize", "--no-typography", str(article)], check=True,
                                capture_output=True, text=True).stdout
        lang = "ru" if len(re.findall(r"[а-яё]", markup, re.I)) > len(re.findall(r"[a-z]", markup, re.I)) else "en"
        typ = work / f"{name}.typ"
        typ.write_text(typst_source(markup, lang), encoding="utf-8")
        typst.compile(str(typ), output=str(work / f"{name}-typst.pdf"))
        typst_figures.append(measure(spacing, work / f"{name}-typst.pdf"))
    print(f"{len(articles)} articles; word gap / natural space (PT Serif 0.243 em), justified lines only")
    print(row("galley", galley_figures))
    print(row("typst", typst_figures))


if __name__ == "__main__":
    main()
