#!/usr/bin/env python3
"""What ../shared/tools/textlayer.py finds in a PDF, reader by reader, with its findings sorted.
usage: reader_table.py TEXTLAYER.py ARTICLE.txt OUT.pdf
Runs the tool's own judge (imported from where it stands, never copied) and prints JSON: per
reader its lost and glued counts and its in-order share, as the tool counts them, and which of
them are of two kinds the tool cannot tell from real faults:
- glued tokens that are a half of a word hyphenated at a line end (`приоб-` / `ретение`,
  `ска-` / `зали`: the tool looks for glue before it rejoins hyphens, and `приоб` splits into
  `при` + `об`, `зали` into `за` + `ли`);
- lost words hyphenated where something stands between the halves: a column or page end with a
  blank line, a folio, a running header or a panel's caption (`по-` / `4` / `ражения`), or two
  one-line columns side by side that a reader reads as one line (`сотруд- ничать`).
Everything else is "other": the tests hold it to zero."""
import collections, importlib.util, json, re, sys


def load(path):
    spec = importlib.util.spec_from_file_location("textlayer", path)
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def main(tool_path, article, pdf):
    tl = load(tool_path)
    want = collections.Counter(tl.article_words(article))
    vocab = set(want)
    total, rows = tl.judge(article, pdf)
    order = {row[0]: row[3] for row in rows}
    out = {}
    for name, text in tl.readers(pdf).items():
        tokens = [w for line in text.split("\n") for w in tl.words(line)]
        glued = [w for w in tokens if w not in vocab and any(w[:i] in vocab and w[i:] in vocab for i in range(2, len(w) - 1))]
        # A line-end fragment: the token ends a line with a hyphen, and with the next line's
        # first word makes an article word.
        fragments = set()
        lines = text.split("\n")
        for i, line in enumerate(lines):
            if not re.search(r"\w[-\u2010]\s*$", line):
                continue
            ws = tl.words(line)
            following = next((tl.words(l) for l in lines[i + 1:] if tl.words(l)), [])
            if ws and following and ws[-1] + following[0] in vocab:
                fragments.update((ws[-1], following[0]))
        have = collections.Counter(tl.pdf_words(text, vocab))
        lost = collections.Counter({w: n - have[w] for w, n in want.items() if have[w] < n})
        # Lost across a break: the word's first half, followed by a hyphen in the reader's text,
        # and its second half stand within 40 tokens of each other (a folio, a running header
        # or a panel's caption between). poppler and PDFium join a line-final hyphen to
        # whatever line comes next, a folio too: «по-» + «4» gives «по4».
        lowered = tl.norm(text)
        split, other = [], []
        for word, n in lost.items():
            halves = [(word[:i], word[i:]) for i in range(1, len(word))]
            found = any(
                (tokens[k] == a or (tokens[k].startswith(a) and tokens[k][len(a):].isdigit()))
                and b in tokens[k + 1:k + 41]
                and re.search(re.escape(a) + r"([-\u2010]|\d+\s)", lowered)
                for a, b in halves for k in range(len(tokens)))
            (split if found else other).extend([word] * n)
        out[name] = {
            "total": total, "lost": sum(lost.values()), "glued": len(glued), "order": order[name],
            "lostAcrossBreak": split, "lostOther": other,
            "gluedFragments": [w for w in glued if w in fragments],
            "gluedOther": [w for w in glued if w not in fragments],
        }
    print(json.dumps(out, ensure_ascii=False))


if __name__ == "__main__":
    if len(sys.argv) != 4:
        print(__doc__)
        sys.exit(2)
    main(*sys.argv[1:])
