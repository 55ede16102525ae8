"""What the spacing comparisons share: ../shared's spacing.py read as a module, per-PDF figures,
one summary over many PDFs, the seed and its variants, and an article as galley's parser splits it.

Imported by bench/spacing_compare.py (galley beside Typst) and bench/microtype_compare.py
(galley beside LuaLaTeX); not a script of its own.
"""
import importlib.util, pathlib, re, statistics, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
SEED = SHARED / "seeds" / "000_7b5fd0e551e9cfee.txt"
GALLEY = ROOT / ".build" / "release" / "galley"
# PT Serif's word space, in ems: the natural gap every ratio is measured against.
SPACE_EM = 0.243


def load_spacing():
    path = SHARED / "tools" / "spacing.py"
    if not path.exists():
        sys.exit(f"spacing.py not found at {path}: this comparison needs ../shared beside the checkout")
    spec = importlib.util.spec_from_file_location("spacing", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def measure(spacing, pdf, space_em=SPACE_EM):
    """Per-PDF figures as spacing.py reads them: gap ratios of justified lines, overfull lines,
    longest hyphen run."""
    return measure_both(spacing, pdf, space_em)[0]


def measure_both(spacing, pdf, space_em=SPACE_EM):
    """The figures of `measure` twice from one reading of the PDF: with spacing.py's right edge
    (where most lines of a page's column end) and with the edge where its lines that end in a
    letter stop.

    With strong hanging punctuation, more lines of a page can end in a hung hyphen, comma or
    period than in a letter; spacing.py then takes the hung characters' edge for the text's,
    and the lines that end in a letter, 2–3 pt short of it, drop out of the justified lines it
    measures. The second edge is the one a reader sees, for every tool alike; a column with
    fewer than three letter-ending lines keeps spacing.py's edge."""
    import collections
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        size, lines, _ = spacing.body_lines(doc)
    lines = [(i, k, l) for i, k, l in lines if len(l) > 1]
    if not lines:
        return ([], 0, 0), ([], 0, 0)
    usual = spacing.right_edges(lines)
    by_column = collections.defaultdict(list)
    for i, k, l in lines:
        if l[-1]["text"][-1:].isalpha():
            by_column[(i, k)].append(l)
    letters = {key: (spacing.right_edges([(key[0], key[1], l) for l in ls])[key] if len(ls) >= 3 else usual[key])
               for key, ls in ((key, by_column.get(key, [])) for key in usual)}
    natural = space_em * size
    run = best = 0
    for i, k, l in lines:
        run = run + 1 if l[-1]["text"].endswith(("-", "\u00ad", "\u2010")) else 0
        best = max(best, run)

    def figures(right):
        short = lambda i, k, l: right[(i, k)] - l[-1]["x1"]
        justified = [l for i, k, l in lines if -0.27 * size <= short(i, k, l) < 2.0]
        overfull = sum(1 for i, k, l in lines if short(i, k, l) < -0.27 * size)
        return [statistics.mean(spacing.gaps(l)) / natural for l in justified], overfull, best

    return figures(usual), figures(letters)


def measure_letters(spacing, pdf, space_em=SPACE_EM):
    """The figures of `measure` as `spacing.py --edge letters` reads them: a line's end is its
    last letter or digit (its own functions `letter_edges`, `letter_end`), justified within 0.6
    em of the column's letter edge, overfull past 0.15 em (0.6 em for a line ending in a lone dash)."""
    import statistics
    import pdfplumber
    with pdfplumber.open(pdf) as doc:
        size, every, _ = spacing.body_lines(doc)
    lines = [(i, k, l) for i, k, l in every if len(l) > 1]
    if not lines:
        return [], 0, 0
    right = spacing.letter_edges(lines, size)
    short = lambda i, k, l: right[(i, k)] - spacing.letter_end(l)
    bare = lambda l: not any(c.isalnum() for c in l[-1]["text"])
    justified = [l for i, k, l in lines if -(0.6 if bare(l) else 0.15) * size <= short(i, k, l) < 0.6 * size]
    overfull = sum(1 for i, k, l in lines if short(i, k, l) < -(0.6 if bare(l) else 0.15) * size)
    run = best = 0
    where = None
    for i, k, l in every:  # reading order; a run of hyphens ends with its column
        h = l[-1]["text"].endswith(("-", "\u00ad", "\u2010"))
        run = run + 1 if h and where == (i, k) else int(h)
        where = (i, k)
        best = max(best, run)
    natural = space_em * size
    return [statistics.mean(spacing.gaps(l)) / natural for l in justified], overfull, best


def summary(figures):
    """One set of figures over many PDFs (each a `measure` result)."""
    ratios = sorted(r for f in figures for r in f[0])
    return {
        "articles": len(figures),
        "justified": len(ratios),
        "over1.5": sum(r > 1.5 for r in ratios),
        "over2": sum(r > 2 for r in ratios),
        "over2.5": sum(r > 2.5 for r in ratios),
        "p95": ratios[int(0.95 * (len(ratios) - 1))] if ratios else 0,
        "max": max(ratios, default=0),
        "overfull": sum(f[1] for f in figures),
        "hyphen_run": max((f[2] for f in figures), default=0),
    }


def seed_and_variants(work, variants):
    """The seed and `variants` variants of it made in `work`; empty when ../shared is missing."""
    if not SEED.exists():
        return []
    articles = [SEED]
    if variants:
        subprocess.run([sys.executable, str(SHARED / "tools" / "make_variants.py"), str(SEED),
                        str(work / "variants"), str(variants)], check=True)
        articles += sorted((work / "variants").glob("*.txt"))
    return articles


def galley_markup(galley, article):
    """The article as galley's parser splits it, with no typographic normalization (each tool
    gets the raw text): (headline and blocks, blank-line separated; language, 'ru' or 'en')."""
    markup = subprocess.run([str(galley), "normalize", "--no-typography", str(article)], check=True,
                            capture_output=True, text=True).stdout
    lang = "ru" if len(re.findall(r"[а-яё]", markup, re.I)) > len(re.findall(r"[a-z]", markup, re.I)) else "en"
    return markup, lang


def blocks(markup):
    """The headline, then the paragraphs and directives, of galley's canonical markup."""
    return [b.strip() for b in markup.split("\n\n") if b.strip()]


def is_directive(block):
    return re.fullmatch(r"#[{<][^}>]*[}>]", block) is not None
