#!/usr/bin/env python3
"""Batch throughput: galley on one and on all cores beside Typst, on one generated corpus.

Generates N articles (bench/make_corpus.py, default 1000), renders them to PDF with
`galley batch --jobs 1` and `--jobs <cores>` (each run --force, fresh) and with Typst 0.15
in one Python process (its input: the same article as plain markup, prepared and read before
the clock starts), and prints articles per second and the ratios. The machine's speed drifts,
so the contenders run in turn, --rounds times (default 3), each ratio is taken within a round,
and medians are printed. Typst is timed two ways:

- warm: one `typst.Compiler` for the whole run; each article is written into its main file
  and compiled afresh (fonts are found once, as in a long-lived Typst process: the figure the
  issue quotes, about 33 ms for a 4 KB article). The ratio is taken against this one.
- cold: `typst.compile()` per article, which looks for the system's fonts on every call (with
  the Noto CJK fonts installed that search is most of its time).

Beside them, the floor that the issue names: bench/pango_floor.c, bare Pango layout and Cairo
PDF output of the same articles with no typesetting logic, compiled here and run in one
process, once with cairo's own deflate level and once with galley's (Sources/CDeflateLevel).
Nothing built on Pango and Cairo renders these articles faster than the floor: when Typst's
time ÷ 8 is below it, eight times Typst's speed is out of reach of this stack.

It also prints galley's per-stage milliseconds on one worker (from `--report`) and, with
`--no-microtype`, the cost of microtypography on the typesetting stage (layout).
With --memory N1,N2 it also renders N1 and N2 small articles (each size one JSON Lines dump)
and samples the summed memory (PSS and RSS) of galley's parent and worker processes every
50 ms; the parent keeps nothing per input (its index is on disk), so the two peaks should match.

usage: bench/batch_bench.py [--articles N] [--rounds R] [--memory N1,N2] [--galley PATH]
needs: the release build (make build) and .venv with typst (make bench-batch sets it up)
"""
import argparse, collections, json, os, pathlib, re, shutil, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent


def tree_rss(pid):
    """Summed memory (bytes) of a process and all its descendants: (RSS, PSS, PSS of anonymous
    memory).

    RSS counts every page a process maps, so the shared libraries and font files that the
    parent and each worker map (Swift's runtime, Foundation's ICU data, fontconfig's caches)
    count once per process; PSS splits each shared page between the processes that map it,
    so its sum is the memory the batch really holds. Its file-backed part still depends on the
    machine: a library page that another program (another batch, a build) maps too is split
    with it, so the batch's PSS drops while that program runs and rises when it stops. The
    anonymous part (heaps, stacks: what galley itself allocates) depends on galley alone."""
    total, pss, anon, stack = 0, 0, 0, [pid]
    children = {}
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                with open(f"/proc/{entry}/stat") as f:
                    ppid = int(f.read().rsplit(")", 1)[1].split()[1])
                children.setdefault(ppid, []).append(int(entry))
            except OSError:
                pass
    while stack:
        p = stack.pop()
        try:
            with open(f"/proc/{p}/status") as f:
                for line in f:
                    if line.startswith("VmRSS:"):
                        total += int(line.split()[1]) * 1024
            with open(f"/proc/{p}/smaps_rollup") as f:
                for line in f:
                    if line.startswith("Pss:"):
                        pss += int(line.split()[1]) * 1024
                    elif line.startswith("Pss_Anon:"):
                        anon += int(line.split()[1]) * 1024
        except OSError:
            pass
        stack += children.get(p, [])
    return total, pss, anon


def run_galley(galley, corpus, out, jobs, sample_memory=False, extra=()):
    start = time.perf_counter()
    process = subprocess.Popen([galley, "batch", str(corpus), "-o", str(out), "--jobs", str(jobs), "--force", *extra],
                               stderr=subprocess.DEVNULL)
    peak = (0, 0, 0)
    samples = []
    if sample_memory:
        while process.poll() is None:
            sample = tree_rss(process.pid)
            peak = tuple(max(a, b) for a, b in zip(peak, sample))
            samples.append(sample)
            time.sleep(0.05)
    process.wait()
    return time.perf_counter() - start, peak, samples


def compile_floor(work, deflate_level=None):
    """bench/pango_floor.c built here, with cairo's deflate level or galley's."""
    compiler = shutil.which("cc") or shutil.which("clang")
    flags = subprocess.run(["pkg-config", "--cflags", "--libs", "pangocairo"], capture_output=True, text=True,
                           check=True).stdout.split()
    binary = work / f"pango_floor{deflate_level or ''}"
    command = [compiler, "-O2", "-o", str(binary), str(ROOT / "bench" / "pango_floor.c")]
    if deflate_level is not None:
        command[2:2] = [f"-DGALLEY_DEFLATE_LEVEL={deflate_level}", "-I", str(ROOT / "Sources/CDeflateLevel/include")]
        command.append(str(ROOT / "Sources/CDeflateLevel/deflate_level.c"))
    subprocess.run(command + flags + ["-lz"], check=True)
    return binary


def run_floor(binary, work, corpus):
    """(ms an article, pages) of the floor over the corpus (its own clock, fonts loaded first)."""
    out = subprocess.run([str(binary), str(work / "floor-out"), *map(str, sorted(corpus.glob("*.txt")))],
                         capture_output=True, text=True, check=True).stdout
    match = re.search(r"floor: (\d+) articles, (\d+) pages, \d+ ms total, ([\d.]+) ms per article", out)
    return float(match.group(3)), int(match.group(2))


def typst_sources(galley, corpus, work):
    """Each article as Typst markup (conventions: headline as a heading, galley's paragraphs,
    a 200 pt grey block per directive, special characters escaped), made before any clock."""
    sources = []
    for article in sorted(corpus.glob("*.txt")):
        markup = subprocess.run([galley, "normalize", "--no-typography", str(article)], capture_output=True,
                                text=True).stdout
        blocks = [b.strip() for b in markup.split("\n\n") if b.strip()]
        esc = lambda t: re.sub(r"([\\#*_`$<>@\[\]=~/-])", r"\\\1", t)
        lang = "ru" if re.search("[а-яё]", markup, re.I) else "en"
        body = [f'#set page(paper: "a4", margin: 56pt)', f'#set text(font: "PT Serif", size: 11pt, lang: "{lang}")',
                "#set par(justify: true)", "= " + esc(blocks[0])]
        body += ["#block(width: 100%, height: 200pt, fill: luma(200))" if re.fullmatch(r"#[{<][^}>]*[}>]", b) else esc(b)
                 for b in blocks[1:]]
        path = work / (article.stem + ".typ")
        path.write_text("\n\n".join(body), encoding="utf-8")
        sources.append(path)
    return sources


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=3, help="rounds of galley, Typst and the floor, taken in turn")
    parser.add_argument("--memory", default="", help="also measure peak memory at these archive sizes (comma list, "
                        "e.g. 10000,100000)")
    parser.add_argument("--memory-only", action="store_true", help="only the memory part (with --memory)")
    parser.add_argument("--galley", default=str(ROOT / ".build" / "release" / "galley"))
    args = parser.parse_args()
    work = pathlib.Path(tempfile.mkdtemp(prefix="galley-batch-bench-"))
    cores = len(os.sched_getaffinity(0)) or 1
    if not args.memory_only:
        speed(args, work, cores)
    if args.memory:
        memory(args, work, cores)


def speed(args, work, cores):
    corpus = work / "corpus"
    subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(corpus), str(args.articles)], check=True)
    n = args.articles

    import typst
    sources = typst_sources(args.galley, corpus, work)
    main_file = work / "typst-warm" / "main.typ"
    main_file.parent.mkdir()
    main_file.write_text(sources[0].read_text(encoding="utf-8"), encoding="utf-8")
    compiler = typst.Compiler(str(main_file))
    compiler.compile(output=str(main_file.with_suffix(".pdf")))  # finds the fonts, before the clock
    texts = [(path.stem, path.read_text(encoding="utf-8")) for path in sources]

    def typst_warm():
        start = time.perf_counter()
        for stem, text in texts:
            main_file.write_text(text, encoding="utf-8")
            compiler.compile(output=str(main_file.parent / (stem + ".pdf")))
        return time.perf_counter() - start

    floor_cairo_binary = compile_floor(work)
    floor_galley_binary = compile_floor(work, deflate_level=1)

    # The machine's speed drifts (shared hosts): each round runs every contender once, in
    # turn, and the ratios are taken within a round; the medians are quoted.
    report = work / "report1.json"
    plain_report = work / "report-plain.json"

    def stages(path):
        results = [r for r in json.loads(path.read_text())["results"] if r.get("ok")]
        total = collections.Counter()
        for result in results:
            total.update(result.get("stages", {}))
        return {k: v / len(results) for k, v in total.items()}

    rounds = []
    for r in range(args.rounds):
        one, _, _ = run_galley(args.galley, corpus, work / "out1", 1, extra=["--report", str(report)])
        many, _, _ = run_galley(args.galley, corpus, work / "outN", cores, extra=["--report", str(work / "reportN.json")])
        run_galley(args.galley, corpus, work / "out1p", 1, extra=["--report", str(plain_report), "--no-microtype"])
        with_mt, without_mt = stages(report), stages(plain_report)
        warm = typst_warm()
        floor_cairo, floor_pages = run_floor(floor_cairo_binary, work, corpus)
        floor_galley, _ = run_floor(floor_galley_binary, work, corpus)
        rounds.append(dict(one=one * 1000 / n, many=many * 1000 / n, typst=warm * 1000 / n,
                           floor_cairo=floor_cairo, floor_galley=floor_galley,
                           **{"stage " + k: v for k, v in with_mt.items()},
                           plain_layout=without_mt.get("layout", 0)))
        row = rounds[-1]
        print(f"round {r + 1}: ms an article: galley 1 worker {row['one']:.2f}, {cores} workers {row['many']:.2f}, "
              f"typst warm {row['typst']:.2f}, floor {row['floor_cairo']:.2f} (cairo's deflate) / "
              f"{row['floor_galley']:.2f} (galley's); typst ÷ galley {row['typst'] / row['one']:.2f}×", flush=True)
    cold = sources[: min(len(sources), 100)]
    start = time.perf_counter()
    for path in cold:
        typst.compile(str(path), output=str(path.with_suffix(".pdf")))
    typst_cold = (time.perf_counter() - start) / len(cold)

    galley_pages = sum(r.get("pages", 0) for r in json.loads(report.read_text())["results"] if r.get("ok"))
    m = {key: statistics.median([row[key] for row in rounds]) for key in rounds[0]}
    ratio = statistics.median([row["typst"] / row["one"] for row in rounds])
    speedup = statistics.median([row["one"] / row["many"] for row in rounds])
    floor_ratio = statistics.median([row["typst"] / row["floor_galley"] for row in rounds])
    over_floor = statistics.median([row["one"] / row["floor_galley"] for row in rounds])
    print()
    print(f"{n} articles (1–12 KB, Russian and English, with directives), PDF, this machine ({cores} cores); "
          f"medians of {args.rounds} rounds")
    print(f"galley, 1 worker:  {1000 / m['one']:8.1f} articles/s  ({m['one']:.1f} ms each)")
    print(f"galley, {cores} workers: {1000 / m['many']:8.1f} articles/s  (speed-up {speedup:.2f}× over 1 worker)")
    print(f"typst, 1 process, warm compiler:  {1000 / m['typst']:8.1f} articles/s  ({m['typst']:.1f} ms each)")
    print(f"typst, typst.compile() per article (fonts found each time, {len(cold)} articles): "
          f"{1 / typst_cold:8.1f} articles/s  ({typst_cold * 1000:.1f} ms each)")
    print(f"galley 1 worker / typst warm: {ratio:.2f}× (against typst.compile(): {typst_cold * 1000 / m['one']:.2f}×)")
    print(f"floor (bench/pango_floor.c: bare Pango layout + Cairo PDF, no typesetting, {floor_pages} pages "
          f"against galley's {galley_pages}): {m['floor_cairo']:.2f} ms an article with cairo's deflate level, "
          f"{m['floor_galley']:.2f} ms with galley's")
    print(f"galley 1 worker takes {over_floor:.2f}× the floor's time (galley 15 asks for at most 1.25×: "
          f"{1.25 * m['floor_galley']:.2f} ms); the floor is {floor_ratio:.2f}× as fast as typst warm; "
          f"2.3× typst warm (galley 15's other bar) would be {m['typst'] / 2.3:.2f} ms an article")
    per_stage = {k[len("stage "):]: v for k, v in m.items() if k.startswith("stage ")}
    print("galley per-stage ms an article, 1 worker: "
          + ", ".join(f"{k} {v:.2f}" for k, v in sorted(per_stage.items(), key=lambda kv: -kv[1])))
    cost = statistics.median([row["stage layout"] / row["plain_layout"] - 1 for row in rounds if row.get("plain_layout")])
    print(f"microtypography: layout {per_stage.get('layout', 0):.2f} ms with, {m['plain_layout']:.2f} ms without "
          f"({cost * 100:+.1f}% on the typesetting stage)")


def memory(args, work, cores):
    # Memory at archive sizes: small articles (300–1,200 bytes) in one JSON Lines dump per
    # size, rendered on all cores while the summed PSS of the parent and its workers is
    # sampled. What the parent keeps per input would show as growth between the sizes.
    sizes = [int(x) for x in args.memory.split(",")]
    peaks = []
    for size in sizes:
        dump_folder = work / f"dump{size}"
        subprocess.run([sys.executable, str(ROOT / "bench" / "make_corpus.py"), str(dump_folder), str(size), "--small",
                        "--jsonl"], check=True)
        seconds, peak, samples = run_galley(args.galley, dump_folder / "articles.jsonl", work / f"outDump{size}", cores,
                                            sample_memory=True)
        peaks.append(peak)
        for name, k in (("PSS", 1), ("PSS of anonymous memory", 2), ("RSS", 0)):
            values = [s[k] for s in samples] or [0]
            first, second = values[: len(values) // 2] or [0], values[len(values) // 2:] or [0]
            print(f"memory ({name}, summed over parent + workers), {size} small articles (one JSON Lines dump) on "
                  f"{cores} workers: peak {peak[k] / 2**20:.1f} MiB; max of first half {max(first) / 2**20:.1f} MiB, "
                  f"second half {max(second) / 2**20:.1f} MiB")
        print(f"({seconds:.0f} s for the {size} articles, {size / seconds:.0f} articles/s)", flush=True)
        shutil.rmtree(work / f"outDump{size}", ignore_errors=True)
    if len(peaks) > 1:
        print(f"peak at {sizes[-1]} articles ÷ at {sizes[0]}: PSS {peaks[-1][1] / peaks[0][1]:.3f}, "
              f"anonymous PSS {peaks[-1][2] / peaks[0][2]:.3f}, RSS {peaks[-1][0] / peaks[0][0]:.3f}")

if __name__ == "__main__":
    main()
