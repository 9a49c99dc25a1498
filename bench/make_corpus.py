#!/usr/bin/env python3
"""Generate a reproducible news-like corpus for the corpus benchmarks.

    python3 bench/make_corpus.py OUT [--mb 60] [--seed 0] [--files N] [--jsonl-only]

writes ``OUT/corpus.jsonl`` (records ``{"id", "url", "text"}``) and, unless ``--jsonl-only``,
the first ``--files`` articles (default: all, when --mb <= 100) as ``OUT/files/NNNNNN.txt``.
Articles are 250-1200 words drawn by frequency from the bundled English word table
(lint/topic/zipf_en.txt), with names, numbers, quotes, a dateline, Markdown-free paragraphs,
and in about a third of them the scraping debris seedlint looks for (navigation lines, "Read
more" teasers, share prompts, bare URLs, NBSP, mojibake, a doubled paragraph, typos), so every
rule family has work to do. Same arguments, same bytes.
"""

from __future__ import annotations

import argparse
import bisect
import itertools
import json
import random
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NAMES = ("Maria Lopez", "John Carter", "Aisha Khan", "Peter Novak", "Li Wei", "Fatima Diallo", "Tom Becker",
         "Sofia Rossi", "David Cohen", "Olga Petrova", "Kenji Sato", "Grace Mensah", "Ahmed Saleh")
PLACES = ("London", "Nairobi", "Berlin", "Washington", "Mumbai", "Lagos", "Paris", "Tokyo", "Sydney", "Cairo",
          "Brussels", "Toronto", "Madrid", "Seoul")
ORGS = ("the ministry", "the central bank", "the council", "the United Nations", "the company", "police",
        "the European Commission", "the health agency", "the opposition party", "local officials")
VERBS = ("said", "told reporters", "announced", "confirmed", "warned", "added", "argued", "wrote")
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")
DEBRIS = [
    "Skip to main content", "Home | World | Business | Sport | Culture", "Read more »",
    "Share this article on Facebook Twitter WhatsApp", "Sign up for our daily newsletter",
    "We use cookies to improve your experience. Accept all cookies", "Advertisement",
    "RELATED: {title}", "Photo: Reuters", "https://www.example-news.com/world/{n}-story.html",
    "© 2024 Example Media Group. All rights reserved.",
]


def load_words():
    words, weights = [], []
    for line in (ROOT / "lint" / "topic" / "zipf_en.txt").read_text(encoding="utf-8").splitlines():
        w, z = line.split("\t")
        words.append(w)
        weights.append(10 ** (int(z) / 10))
    return words, list(itertools.accumulate(weights))


class Writer:
    def __init__(self, seed):
        self.rng = random.Random(seed)
        self.words, self.cum = load_words()

    def word(self):
        r = self.rng.random() * self.cum[-1]
        return self.words[bisect.bisect(self.cum, r)]

    def sentence(self):
        rng = self.rng
        n = rng.randint(8, 32)
        ws = [self.word() for _ in range(n)]
        if rng.random() < 0.3:
            ws.insert(rng.randrange(len(ws)), rng.choice(NAMES))
        if rng.random() < 0.2:
            ws.insert(rng.randrange(len(ws)), f"{rng.randint(2, 980)}")
        if rng.random() < 0.15:
            ws.insert(rng.randrange(len(ws)), f"in {rng.choice(PLACES)}")
        if rng.random() < 0.1:
            ws[rng.randrange(len(ws))] += ","
        text = " ".join(ws)
        text = text[0].upper() + text[1:] + "."
        if rng.random() < 0.15:
            text = f"“{text[:-1]},” {rng.choice(NAMES)} {rng.choice(VERBS)}."
        return text

    def typo(self, text):
        ws = text.split(" ")
        i = self.rng.randrange(len(ws))
        w = ws[i]
        if len(w) > 4 and w.isalpha():
            j = self.rng.randrange(1, len(w) - 2)
            ws[i] = w[:j] + w[j + 1] + w[j] + w[j + 2:]
        return " ".join(ws)

    def article(self, n):
        rng = self.rng
        title = " ".join(self.word() for _ in range(rng.randint(5, 10))).title()
        day = f"{rng.choice(DAYS)}, {rng.randint(1, 28)} {rng.choice(MONTHS)} {rng.randint(2015, 2025)}"
        paras = [f"{rng.choice(PLACES).upper()} — " + " ".join(self.sentence() for _ in range(rng.randint(1, 3)))]
        target = rng.randint(250, 1200)
        words = len(paras[0].split())
        while words < target:
            p = " ".join(self.sentence() for _ in range(rng.randint(1, 5)))
            if rng.random() < 0.1:
                p = f"{rng.choice(ORGS).capitalize()} {rng.choice(VERBS)} on {rng.choice(DAYS)} that " + p[0].lower() + p[1:]
            paras.append(p)
            words += len(p.split())
        if rng.random() < 0.35:  # scraping debris
            for _ in range(rng.randint(1, 3)):
                d = rng.choice(DEBRIS).format(title=title, n=n)
                paras.insert(rng.randrange(len(paras) + 1), d)
            if rng.random() < 0.3:
                i = rng.randrange(len(paras))
                paras[i] = paras[i].replace(" ", "\u00a0", 2)
            if rng.random() < 0.2:
                i = rng.randrange(len(paras))
                paras[i] = paras[i].replace("’", "â€™").replace("“", "â€œ") + " Itâ€™s"
            if rng.random() < 0.2:
                paras.append(paras[rng.randrange(len(paras))])
        for _ in range(rng.choice((0, 0, 1, 2))):
            i = rng.randrange(len(paras))
            paras[i] = self.typo(paras[i])
        return title, day, "\n\n".join([title, day] + paras) + "\n"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("out")
    ap.add_argument("--mb", type=float, default=60)
    ap.add_argument("--seed", type=int, default=0)
    ap.add_argument("--files", type=int, default=-1, help="articles also written as .txt files (-1: all)")
    ap.add_argument("--jsonl-only", action="store_true")
    a = ap.parse_args()
    out = Path(a.out)
    (out / "files").mkdir(parents=True, exist_ok=True)
    w = Writer(a.seed)
    limit, size, n = a.mb * 1e6, 0, 0
    files = 0 if a.jsonl_only else (a.files if a.files >= 0 else 10 ** 9)
    with open(out / "corpus.jsonl", "w", encoding="utf-8") as fh:
        while size < limit:
            title, _, text = w.article(n)
            line = json.dumps({"id": f"art-{n:07d}", "url": f"https://news.example/{n}", "text": text},
                              ensure_ascii=False)
            fh.write(line + "\n")
            size += len(line.encode()) + 1
            if n < files:
                (out / "files" / f"{n:06d}.txt").write_text(text, encoding="utf-8")
            n += 1
    print(f"{out}/corpus.jsonl: {n} articles, {size / 1e6:.1f} MB; {min(n, files)} files in {out}/files")


if __name__ == "__main__":
    main()
