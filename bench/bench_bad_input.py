#!/usr/bin/env python3
"""Bad input at size: a 50 MB file on a single line, and a 50 MB file of mixed junk (invalid UTF-8,
control characters, CRLF, a BOM), linted with the default rules. Prints wall time and MB/s.

    python3 bench/bench_bad_input.py [--mb 50]
"""

import argparse
import os
import random
import subprocess
import sys
import tempfile
import time


def make_single_line(path, mb):
    rnd = random.Random(7)
    words = "the of and a to in is was that for on with as by at from Putin Assad Syria visit talks said".split()
    with open(path, "w", encoding="utf-8") as fh:
        size = 0
        while size < mb * 1_000_000:
            chunk = " ".join(rnd.choice(words) for _ in range(20000)) + " "
            fh.write(chunk)
            size += len(chunk)


def make_junk(path, mb):
    rnd = random.Random(8)
    para = "Russian President Vladimir Putin met Syrian President Bashar al-Assad in Damascus on Tuesday.".encode()
    junk = [b"\xff\xfe", b"\xc3(", b"\x07", b"\r\n", "\u00a0".encode(), "Ã©".encode(), b"\n\n\n\n"]
    with open(path, "wb") as fh:
        fh.write(b"\xef\xbb\xbf")
        size = 0
        while size < mb * 1_000_000:
            piece = para + rnd.choice(junk) + b"\n\n"
            fh.write(piece)
            size += len(piece)


def run(path):
    t = time.perf_counter()
    p = subprocess.run([sys.executable, "-m", "lint", "--output-format", "jsonl", "-j", "1", path],
                       capture_output=True, text=True)
    dt = time.perf_counter() - t
    mb = os.path.getsize(path) / 1e6
    crashed = "Traceback" in p.stderr
    print(f"{os.path.basename(path):<14} {mb:6.1f} MB  exit {p.returncode}  {dt:6.1f} s  {mb / dt:6.2f} MB/s"
          f"  findings {p.stdout.count(chr(10))}  {'CRASH' if crashed else 'no traceback'}")
    return not crashed and p.returncode in (0, 1)


def main():
    ap = argparse.ArgumentParser(description=__doc__)
    ap.add_argument("--mb", type=int, default=50)
    args = ap.parse_args()
    with tempfile.TemporaryDirectory() as d:
        one, junk = os.path.join(d, "oneline.txt"), os.path.join(d, "junk.txt")
        make_single_line(one, args.mb)
        make_junk(junk, args.mb)
        ok = run(one) & run(junk)
    sys.exit(0 if ok else 1)


if __name__ == "__main__":
    main()
