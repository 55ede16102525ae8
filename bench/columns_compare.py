#!/usr/bin/env python3
"""Newspaper columns: galley's multi-column templates beside LuaLaTeX + microtype in one column
of the same width and type, and the balance of galley's columns.

For each multi-column template (newspaper, broadsheet) galley sets the seed, its N variants and
the ten articles of ../shared/corpus; LuaLaTeX with the microtype package sets the same articles
(as galley's parser splits them, no typographic normalization, as in bench/microtype_compare.py)
in one column of the template's column width, body size, leading and indent, on a page tall
enough to hold it, with babel's Russian hyphenation and TeX's default line breaking. Both are
read back with ../shared/tools/spacing.py's own letters-edge reading (`--space-em 0.243 --edge
letters`: a line's end is its last letter, so hung punctuation does not move the edge), pooled
over all articles. galley's layout JSON is read by ../shared/tools/columns_balance.py.

usage: bench/columns_compare.py [--galley PATH] [--variants N] [--templates newspaper,broadsheet] [--keep DIR]
needs: a release build of galley, ../shared beside the checkout, pdfplumber (the .venv of
       `make bench-columns`), for the LuaLaTeX rows: apt-get install texlive-luatex
       texlive-latex-extra texlive-lang-cyrillic fonts-paratype
"""
import argparse, datetime, json, pathlib, shutil, subprocess, sys, tempfile

from spacing_common import GALLEY, SHARED, blocks, galley_markup, is_directive, load_spacing, \
    measure_letters, seed_and_variants, summary
from microtype_compare import INSTALL, NOTE, latex_escape, lualatex, pt_serif

BP_PER_PT = 1.0  # galley, Typst and LaTeX's `bp` all count PostScript points


def template_geometry(galley, name):
    """Column width, body size, leading and indent (em) of a template, from `galley templates show`."""
    text = subprocess.run([galley, "templates", "show", name], capture_output=True, text=True, check=True).stdout
    import tomllib
    t = tomllib.loads(text)
    pt = lambda v: float(str(v).removesuffix("pt"))
    width = pt(t["page"]["size"][0])
    margins = [pt(m) for m in t["page"]["margins"]]
    columns = int(t["page"].get("columns", 1))
    gutter = pt(t["page"].get("gutter", "0pt"))
    column = (width - margins[1] - margins[3] - (columns - 1) * gutter) / columns
    body = t["fonts"]["body"]
    return {"columns": columns, "column": column, "size": float(body["size"]), "leading": float(body["leading"]),
            "indent": float(t.get("paragraph", {}).get("indent", 1.5))}


def latex_column(parts, lang, font, g):
    """A LuaLaTeX document setting galley's blocks in one column of the template's width and type."""
    folder, regular, bold = font
    language = "russian" if lang == "ru" else "english"
    size, leading, indent = g["size"], g["leading"], g["indent"] * g["size"]
    out = [
        r"\documentclass{article}",
        rf"\usepackage[paperwidth={g['column'] + 40:.2f}bp,paperheight=2000bp,textwidth={g['column']:.2f}bp,"
        r"textheight=1900bp,centering]{geometry}",
        r"\usepackage{fontspec}",
        rf"\setmainfont{{{regular}}}[Path={folder}/, BoldFont={bold}]",
        r"\usepackage[shorthands=off,english,russian]{babel}",
        r"\usepackage{xcolor}",
        r"\usepackage{microtype}",
        rf"\renewcommand\normalsize{{\fontsize{{{size}bp}}{{{leading}bp}}\selectfont}}",
        rf"\setlength{{\parindent}}{{{indent:.2f}bp}}",
        r"\setlength{\parskip}{0pt}",
        r"\pagestyle{empty}",
        r"\begin{document}",
        rf"\selectlanguage{{{language}}}\normalsize",
    ]
    if parts:
        out.append(r"{\raggedright\noindent\fontsize{" + f"{size * 2}bp}}{{{leading * 2}bp}}" + r"\selectfont\bfseries "
                   + latex_escape(parts[0]) + r"\par}\vspace{" + f"{leading}bp" + "}")
    body = parts[1:]
    notes = len(body)
    while notes > 0 and NOTE.match(body[notes - 1]):
        notes -= 1
    indent_next = False
    for n, b in enumerate(body):
        if is_directive(b):
            out.append(r"\vspace{12bp}\noindent{\color[gray]{0.784}\rule{\linewidth}{100bp}}\par\vspace{12bp}")
            indent_next = False
        elif n >= notes:
            out.append(r"{\fontsize{" + f"{size * 0.75}bp}}{{{leading * 0.72}bp}}" + r"\selectfont\noindent "
                       + latex_escape(b) + r"\par}")
        else:
            out.append(("" if indent_next else "\\noindent ") + latex_escape(b))
            indent_next = True
    out.append(r"\end{document}")
    return "\n\n".join(out) + "\n"


def balance(layouts):
    """columns_balance.py's verdict over galley's layout JSON files."""
    tool = SHARED / "tools" / "columns_balance.py"
    if not tool.exists():
        return "columns_balance.py not found"
    return subprocess.run([sys.executable, str(tool), *map(str, layouts)], capture_output=True, text=True).stdout.strip()


def row(name, figures):
    s = summary(figures)
    return (f"| {name} | {s['justified']} | {s['over1.5']} | {s['over2']} | {s['p95']:.2f} | {s['max']:.2f} "
            f"| {s['overfull']} | {s['hyphen_run']} |")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--galley", default=str(GALLEY))
    parser.add_argument("--variants", type=int, default=30)
    parser.add_argument("--templates", default="newspaper,broadsheet")
    parser.add_argument("--keep", metavar="DIR")
    args = parser.parse_args()
    spacing = load_spacing()
    skipped, font = "", None
    if shutil.which("lualatex") is None:
        skipped = f"lualatex is not on PATH ({INSTALL})"
    elif (font := pt_serif()) is None:
        skipped = f"fontconfig finds no PT Serif ({INSTALL})"
    temp = None if args.keep else tempfile.TemporaryDirectory(prefix="galley-columns-")
    work = pathlib.Path(args.keep or temp.name)
    work.mkdir(parents=True, exist_ok=True)
    articles = seed_and_variants(work, args.variants) + sorted((SHARED / "corpus").glob("*.txt"))
    if not articles:
        sys.exit(f"no articles under {SHARED}")
    print(f"{datetime.date.today().isoformat()}; {len(articles)} articles (seed, {args.variants} variants, corpus); "
          f"word gap / natural space (spacing.py --space-em 0.243 --edge letters), justified lines only")
    for template in args.templates.split(","):
        g = template_geometry(args.galley, template)
        out = work / template
        out.mkdir(exist_ok=True)
        galley_figures, tex_figures, layouts = [], [], []
        for n, article in enumerate(articles):
            name = f"{n:03d}-{article.stem}"
            done = subprocess.run([args.galley, "convert", str(article), "-o", str(out / f"{name}.pdf"),
                                   "--template", template, "--emit", "layout"], capture_output=True, text=True)
            if done.returncode != 0:
                sys.exit(f"galley failed on {article}:\n{done.stderr}")
            galley_figures.append(measure_letters(spacing, out / f"{name}.pdf"))
            layouts.append(out / f"{name}.layout.json")
            if not skipped:
                markup, lang = galley_markup(args.galley, article)
                tex = out / f"{name}-tex.tex"
                tex.write_text(latex_column(blocks(markup), lang, font, g), encoding="utf-8")
                lualatex(tex)
                tex_figures.append(measure_letters(spacing, tex.with_suffix(".pdf")))
        print(f"\n{template}: {g['columns']} columns of {g['column']:.1f} pt ({g['column'] / g['size']:.1f} em), "
              f"PT Serif {g['size']:g}/{g['leading']:g} pt")
        print("| | justified lines | > 1.5× | > 2× | p95 | max | overfull | longest hyphen run |")
        print("|---|--:|--:|--:|--:|--:|--:|--:|")
        print(row(f"galley `{template}`", galley_figures))
        print(row("LuaLaTeX + microtype, one column" if not skipped else f"(LuaLaTeX skipped: {skipped})", tex_figures)
              if not skipped else f"(LuaLaTeX skipped: {skipped})")
        print(f"balance (columns_balance.py): {balance(layouts)}")
    if temp:
        temp.cleanup()


if __name__ == "__main__":
    main()
