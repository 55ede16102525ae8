#!/usr/bin/env python3
"""Justified-text spacing with and without microtypography, galley beside LuaLaTeX.

Sets the seed with its N variants, and the ten articles of ../shared/corpus, four ways on the
reference page (A4, 56 pt margins, PT Serif 11 pt, justified, Russian hyphenation): galley with
its default template, galley --no-microtype, LuaLaTeX with the microtype package (its defaults:
protrusion and font expansion) and LuaLaTeX without it. LuaLaTeX gets each article as galley's
parser splits it (`galley normalize --no-typography`: lost paragraph breaks repaired, no
typographic normalization, as Typst gets it in bench/spacing_compare.py): the headline as a bold
22 pt line, paragraphs indented 1.5 em except the first, a 200 pt grey block per directive, PT
Serif loaded by its file (fc-match), babel's Russian hyphenation. Every PDF is read back with
../shared/tools/spacing.py's functions (--space-em 0.243); one table per group of articles, with
each tool's wall time per article (one process per article; LuaLaTeX once, after a warm-up run
that fills its font cache). Without lualatex on PATH the LuaLaTeX rows are skipped, with the
reason. Everything is made in a temporary folder and removed (--keep DIR keeps it).

usage: bench/microtype_compare.py [--galley PATH] [--variants N] [--keep DIR] [--per-article]
needs: a release build of galley, ../shared beside the checkout, pdfplumber (make bench-microtype
       makes the .venv), and for the LuaLaTeX rows: apt-get install texlive-luatex
       texlive-latex-extra texlive-lang-cyrillic fonts-paratype
"""
import argparse, datetime, pathlib, re, shutil, statistics, subprocess, sys, tempfile, time

from spacing_common import GALLEY, SHARED, SPACE_EM, blocks, galley_markup, is_directive, load_spacing, \
    measure_both, seed_and_variants, summary

INSTALL = "apt-get install texlive-luatex texlive-latex-extra texlive-lang-cyrillic fonts-paratype"

# LaTeX's special characters, and the white space galley's parser keeps that TeX would set as a
# fixed-width glyph: a no-break space becomes TeX's tie (stretchable, unbreakable).
LATEX_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "$": r"\$", "&": r"\&", "#": r"\#", "%": r"\%",
    "_": r"\_", "^": r"\textasciicircum{}", "~": r"\textasciitilde{}", "\u00a0": "~", "\u202f": "~",
    "\u2009": " ", "\t": " ", "\n": " ",
}


# A footnote as galley's canonical markup prints it: its mark (`*`, `**`, …) and a space.
NOTE = re.compile(r"\*+ ")


def latex_escape(text):
    return "".join(LATEX_ESCAPES.get(c, c) for c in text)


def pt_serif():
    """(folder, regular file, bold file) of PT Serif as fontconfig finds it, or None."""
    files = []
    for style in ("Regular", "Bold"):
        out = subprocess.run(["fc-match", "-f", "%{family[0]}\t%{file}", f"PT Serif:style={style}"],
                             capture_output=True, text=True).stdout
        family, _, path = out.partition("\t")
        if family != "PT Serif" or not path:
            return None
        files.append(pathlib.Path(path))
    return files[0].parent, files[0].name, files[1].name


def latex_source(parts, lang, font, microtype):
    """A LuaLaTeX document for galley's blocks (headline first) on the reference page."""
    folder, regular, bold = font
    language = "russian" if lang == "ru" else "english"
    out = [
        r"\documentclass{article}",
        r"\usepackage[a4paper,margin=56bp]{geometry}",
        r"\usepackage{fontspec}",
        rf"\setmainfont{{{regular}}}[Path={folder}/, BoldFont={bold}]",
        # shorthands=off: babel-russian would make the straight double quote active.
        r"\usepackage[shorthands=off,english,russian]{babel}",
        r"\usepackage{xcolor}",
        r"\usepackage{microtype}" if microtype else "",
        # galley's body: 11 pt on 14 pt (PostScript points, as galley and Typst count them),
        # paragraphs indented 1.5 em with no space between them.
        r"\renewcommand\normalsize{\fontsize{11bp}{14bp}\selectfont}",
        r"\setlength{\parindent}{16.5bp}",
        r"\setlength{\parskip}{0pt}",
        r"\begin{document}",
        rf"\selectlanguage{{{language}}}\normalsize",
    ]
    if parts:
        out.append(r"{\raggedright\noindent\fontsize{22bp}{25.5bp}\selectfont\bfseries "
                   + latex_escape(parts[0]) + r"\par}\vspace{14bp}")
    body = parts[1:]
    notes = len(body)  # the notes are the trailing blocks that start with a mark
    while notes > 0 and NOTE.match(body[notes - 1]):
        notes -= 1
    indent = False  # as in galley: no indent after the headline or a panel
    for n, b in enumerate(body):
        if is_directive(b):
            out.append(r"\vspace{12bp}\noindent{\color[gray]{0.784}\rule{\linewidth}{200bp}}\par\vspace{12bp}")
            indent = False
        elif n >= notes:  # a footnote: galley sets it at 8.5 pt, off the measured body size
            out.append(r"{\fontsize{8.5bp}{10.5bp}\selectfont\noindent " + latex_escape(b) + r"\par}")
        else:
            out.append(("" if indent else "\\noindent ") + latex_escape(b))
            indent = True
    out.append(r"\end{document}")
    return "\n\n".join(line for line in out if line) + "\n"


def timed(command, cwd=None):
    """Runs `command`; its wall time in milliseconds and the finished process."""
    start = time.perf_counter()
    done = subprocess.run(command, cwd=cwd, capture_output=True, text=True)
    return (time.perf_counter() - start) * 1000, done


def lualatex(tex):
    """Compiles `tex` beside itself; milliseconds. Stops the script with the log's tail on failure."""
    ms, done = timed(["lualatex", "-interaction=batchmode", "-halt-on-error", tex.name], cwd=tex.parent)
    if done.returncode != 0 or not tex.with_suffix(".pdf").exists():
        log = tex.with_suffix(".log")
        tail = log.read_text(errors="replace")[-2000:] if log.exists() else done.stdout[-2000:]
        sys.exit(f"lualatex failed on {tex}:\n{tail}")
    return ms


TOOLS = [  # (key, name in the table)
    ("galley", "galley"),
    ("galley-off", "galley `--no-microtype`"),
    ("tex-mt", "LuaLaTeX + microtype"),
    ("tex", "LuaLaTeX"),
]


def table(title, figures, times, skipped, edge_note=""):
    head = f"{title} ({len(figures['galley'])} articles){edge_note}"
    lines = [f"| {head} | justified lines | > 1.5× | > 2× | p95 | max | overfull | longest hyphen run | ms per article |",
             "|---|--:|--:|--:|--:|--:|--:|--:|--:|"]
    for key, name in TOOLS:
        if key not in figures:
            continue
        s = summary(figures[key])
        lines.append(f"| {name} | {s['justified']} | {s['over1.5']} | {s['over2']} | {s['p95']:.2f} | {s['max']:.2f} "
                     f"| {s['overfull']} | {s['hyphen_run']} | {statistics.mean(times[key]):.0f} |")
    if skipped:
        lines.append(f"(LuaLaTeX rows skipped: {skipped})")
    else:
        ratio = statistics.mean(times["tex-mt"]) / statistics.mean(times["galley"])
        lines.append(f"(time per article, whole process: LuaLaTeX + microtype takes {ratio:.1f}× galley's)")
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--galley", default=str(GALLEY))
    parser.add_argument("--variants", type=int, default=30)
    parser.add_argument("--keep", metavar="DIR", help="make everything in DIR and keep it")
    parser.add_argument("--per-article", action="store_true", help="also print each article's figures and times")
    args = parser.parse_args()
    spacing = load_spacing()
    if not pathlib.Path(args.galley).exists():
        sys.exit(f"no galley at {args.galley}: swift build -c release --product galley (or make bench-microtype)")

    skipped, font = "", None
    if shutil.which("lualatex") is None:
        skipped = f"lualatex is not on PATH ({INSTALL})"
    elif (font := pt_serif()) is None:
        skipped = f"fontconfig finds no PT Serif Regular and Bold ({INSTALL})"

    temp = None if args.keep else tempfile.TemporaryDirectory(prefix="galley-microtype-")
    work = pathlib.Path(args.keep or temp.name)
    work.mkdir(parents=True, exist_ok=True)
    groups = [(f"seed + {args.variants} variants", seed_and_variants(work, args.variants)),
              ("corpus", sorted((SHARED / "corpus").glob("*.txt")))]
    if not groups[0][1] and not groups[1][1]:
        sys.exit(f"no articles: the seed and the corpus are read from {SHARED}")

    texlive = ""
    if not skipped:
        texlive = subprocess.run(["lualatex", "--version"], capture_output=True, text=True).stdout.splitlines()[0]
        for microtype in (True, False):  # fills luaotfload's font cache: the first run takes seconds
            warm = work / f"warm-up-{int(microtype)}.tex"
            warm.write_text(latex_source(["Заголовок", "Текст."], "ru", font, microtype), encoding="utf-8")
            lualatex(warm)

    print(f"{datetime.date.today().isoformat()}; word gap / natural space (PT Serif {SPACE_EM} em), justified lines "
          f"only; {texlive or 'no LuaLaTeX'}")
    for title, articles in groups:
        if not articles:
            print(f"\n{title}: skipped, no articles under {SHARED}")
            continue
        figures = {key: [] for key, _ in TOOLS if skipped == "" or key.startswith("galley")}
        letter_figures = {key: [] for key in figures}
        times = {key: [] for key in figures}
        for article in articles:
            name = f"{title.split()[0]}-{article.stem}"
            for key, flags in (("galley", []), ("galley-off", ["--no-microtype"])):
                pdf = work / f"{name}-{key}.pdf"
                ms, done = timed([args.galley, "convert", str(article), "-o", str(pdf), *flags])
                if done.returncode != 0:
                    sys.exit(f"galley failed on {article}:\n{done.stderr}")
                times[key].append(ms)
                usual, letters = measure_both(spacing, pdf)
                figures[key].append(usual)
                letter_figures[key].append(letters)
            if not skipped:
                markup, lang = galley_markup(args.galley, article)
                for key, microtype in (("tex-mt", True), ("tex", False)):
                    tex = work / f"{name}-{key}.tex"
                    tex.write_text(latex_source(blocks(markup), lang, font, microtype), encoding="utf-8")
                    times[key].append(lualatex(tex))
                    usual, letters = measure_both(spacing, tex.with_suffix(".pdf"))
                    figures[key].append(usual)
                    letter_figures[key].append(letters)
            if args.per_article:
                cells = "  ".join(f"{key} {len(figures[key][-1][0])} lines {sum(r > 1.5 for r in figures[key][-1][0])} "
                                  f">1.5x {times[key][-1]:.0f} ms" for key in figures)
                print(f"{title}: {article.name}: {cells}")
        print()
        print(table(title, figures, times, skipped))
        print()
        print(table(title, letter_figures, times, skipped, ", right edge where lines ending in a letter stop"))
    if temp:
        temp.cleanup()


if __name__ == "__main__":
    main()
