#!/usr/bin/env python3
"""One article, whole processes: `galley convert` beside Typst's whole process, in turns.

A single convert is mostly start-up (the dynamic linker, fontconfig, the first fonts), so it
is timed as a user meets it: a fresh process each run, galley and Typst alternating so that
the machine's drift falls on both alike, the median of --runs each. Typst's process is
`python -c 'import typst; typst.compile(…)'` on the same article as Typst markup (made by
batch_bench.typst_sources before any clock: headline as a heading, galley's paragraphs, a grey
block per directive). Also printed: `galley --version` (the process with no work: the linker
and Swift's runtime) and the CPU time of each.

usage: bench/startup_bench.py [--runs N] [--galley PATH] [ARTICLE]
  ARTICLE defaults to ../shared/seeds/000_7b5fd0e551e9cfee.txt, or the repository's Russian
  sample when ../shared is absent (said so in the output).
needs: the release build (make build) and .venv with typst (make bench-startup sets it up)
"""
import argparse, os, pathlib, resource, statistics, subprocess, sys, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "bench"))
from batch_bench import typst_sources  # noqa: E402

SEED = ROOT.parent / "shared" / "seeds" / "000_7b5fd0e551e9cfee.txt"


def timed(command):
    """Wall and CPU seconds (user + system of the child) of one whole process."""
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    done = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    wall = time.perf_counter() - start
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    if done.returncode != 0:
        sys.exit(f"failed ({done.returncode}): {' '.join(map(str, command))}\n{done.stderr.decode()[-500:]}")
    return wall, (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("article", nargs="?")
    parser.add_argument("--runs", type=int, default=21)
    parser.add_argument("--galley", default=str(ROOT / ".build" / "release" / "galley"))
    args = parser.parse_args()
    if args.article:
        article = pathlib.Path(args.article)
    elif SEED.exists():
        article = SEED
    else:
        article = ROOT / "samples" / "ru-naberezhnaya.txt"
        print(f"../shared is absent: timing the repository's sample {article.name} instead of the seed")
    with tempfile.TemporaryDirectory() as scratch:
        work = pathlib.Path(scratch)
        corpus = work / "in"
        corpus.mkdir()
        (corpus / article.name).write_bytes(article.read_bytes())
        typ = typst_sources(args.galley, corpus, work)[0]
        typst_name = "typst (python -c 'import typst; typst.compile(…)')"
        contenders = {
            "galley convert": [args.galley, "convert", str(article), "-o", str(work / "galley.pdf")],
            typst_name: [
                sys.executable, "-c",
                f"import typst; typst.compile({str(typ)!r}, output={str(work / 'typst.pdf')!r})"],
            "galley --version": [args.galley, "--version"],
        }
        for command in contenders.values():  # warm the page cache once
            timed(command)
        times = {name: [] for name in contenders}
        for _ in range(args.runs):
            for name, command in contenders.items():
                times[name].append(timed(command))
    print(f"{article.name}, {args.runs} runs each, in turns; medians")
    for name, samples in times.items():
        wall = statistics.median(w for w, _ in samples)
        cpu = statistics.median(c for _, c in samples)
        print(f"  {name:55s} {wall * 1000:7.1f} ms  ({cpu * 1000:.1f} ms of CPU)")
    ratios = [g[0] / t[0] for g, t in zip(times["galley convert"], times[typst_name])]
    print(f"galley convert ÷ Typst's whole process: {statistics.median(ratios):.2f}× "
          f"(per-turn ratios {min(ratios):.2f}–{max(ratios):.2f}; the issue asks for at most 0.6×)")


if __name__ == "__main__":
    main()
