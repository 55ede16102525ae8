#!/usr/bin/env python3
"""A generated corpus for the batch benchmark: N articles of 1 to 12 KB, Russian and English,
with media directives, in the archive's markup (headline, U+2028, one-line body, double-space
paragraph breaks). Directives come at the real archive's rate: the seed and the ten articles
of ../shared/corpus hold 18 in 114 KB, one per 6.3 KB, and all but one article at least one;
so each sentence is followed by one with a chance of its length in 6.3 KB, and an article that
drew none gets one after a random sentence. That minimum makes the corpus somewhat denser than
the archive: 1,000 articles hold 1,418 directives in 6.7 MB, one per 4.7 KB. Made from the sentences of the project's own samples, shuffled
deterministically (seed 11): the same N gives the same files on every machine.

--small makes articles of 300 to 1,200 bytes (for memory at archive sizes: 100,000 of them
render in minutes); --jsonl writes one JSON Lines dump, OUTDIR/articles.jsonl, with one
{"id", "title", "text"} object per line, in place of one file per article.
usage: bench/make_corpus.py OUTDIR N [--small] [--jsonl]"""
import json, pathlib, random, re, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
out, n = pathlib.Path(sys.argv[1]), int(sys.argv[2])
small, jsonl = "--small" in sys.argv[3:], "--jsonl" in sys.argv[3:]
out.mkdir(parents=True, exist_ok=True)
dump = open(out / "articles.jsonl", "w", encoding="utf-8") if jsonl else None
pools = {}
for sample in sorted((ROOT / "samples").glob("*.txt")):
    text = sample.read_text(encoding="utf-8")
    text = re.sub(r"#[{<][^}>]*[}>]", " ", text)
    text = re.sub(r"\s\*[^*]*$", "", text)
    body = re.split(r"[\u2028\n]", text, maxsplit=1)[-1]
    sentences = [s.strip() for s in re.split(r"(?<=[.!?»\"])\s+", body) if len(s.strip()) > 20]
    pools["ru" if re.search("[а-я]", body) else "en"] = sentences
kinds = ["biginfographic", "infographic", "image", "photo", "movie", "gallery"]
rnd = random.Random(11)
BYTES_PER_DIRECTIVE = 6300


def directive():
    return f"#{{{rnd.choice(kinds)}={rnd.randint(1000, 999999)}}}"


for i in range(n):
    lang = "ru" if i % 3 else "en"
    pool = pools[lang]
    target = rnd.randint(300, 1200) if small else rnd.randint(1000, 12000)
    parts, size = [], 0
    while size < target:
        s = rnd.choice(pool)
        parts.append(s)
        size += len(s.encode()) + 1
        if rnd.random() < len(s.encode()) / BYTES_PER_DIRECTIVE:
            parts.append(directive())
        elif rnd.random() < 0.15:
            parts.append(" ")  # with the join below: a double space, a lost paragraph break
    if not any(p.startswith("#{") for p in parts):
        parts.insert(rnd.randint(1, len(parts)), directive())
    headline = ("Статья" if lang == "ru" else "Article") + f" {i}: " + " ".join(rnd.choice(pool).split()[:6])
    if dump:
        dump.write(json.dumps({"id": f"a{i:06d}", "title": headline, "text": " ".join(parts)}, ensure_ascii=False) + "\n")
    else:
        (out / f"a{i:05d}.txt").write_text(headline + "\u2028  " + " ".join(parts), encoding="utf-8")
if dump:
    dump.close()
