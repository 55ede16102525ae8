#!/usr/bin/env python3
"""Linear time: one single-paragraph article at four sizes (2,500 to 20,000 words), converted
with galley; prints the time per 1,000 words at each size. Flat figures mean linear cost
(Knuth–Plass with a bounded active set, paragraph cut into words by binary search).
usage: bench/scaling.py [--galley PATH] [--runs N]"""
import argparse, pathlib, subprocess, tempfile, time

ROOT = pathlib.Path(__file__).resolve().parent.parent
parser = argparse.ArgumentParser()
parser.add_argument("--galley", default=str(ROOT / ".build" / "release" / "galley"))
parser.add_argument("--runs", type=int, default=3)
args = parser.parse_args()
words = ("Депутаты городского совета в среду одобрили смету реконструкции северной набережной, "
         "сообщили в пресс-службе мэрии. Работы начнутся весной и займут два сезона.").split()
work = pathlib.Path(tempfile.mkdtemp(prefix="galley-scaling-"))
print("words   best of %d   ms per 1,000 words" % args.runs)
for n in (2500, 5000, 10000, 20000):
    article = work / f"p{n}.txt"
    article.write_text("Одна длинная статья\n" + " ".join(words[k % len(words)] for k in range(n)), encoding="utf-8")
    best = min(
        (lambda: (lambda t: (subprocess.run([args.galley, "convert", str(article), "-o", str(work / "out.pdf")],
                                            check=True, stderr=subprocess.DEVNULL), time.perf_counter() - t)[1])(time.perf_counter()))()
        for _ in range(args.runs))
    print(f"{n:6d}   {best:8.2f} s   {best * 1000 / (n / 1000):8.1f}")
