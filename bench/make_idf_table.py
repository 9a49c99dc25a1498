#!/usr/bin/env python3
"""Build lint/topic/zipf_en.txt: the compact word-rarity table the off-topic kinds bundle.

Run once by a maintainer (needs `pip install wordfreq`; seedlint itself never imports it):
    python3 bench/make_idf_table.py [N_WORDS]
Each line is ``word<TAB>zipf*10`` (zipf = log10 of frequency per billion words), most frequent
first; words absent from the table count as rare (see lint/topic/lexicon.py).
"""
import re
import sys
from pathlib import Path

from wordfreq import top_n_list, zipf_frequency

n = int(sys.argv[1]) if len(sys.argv) > 1 else 40000
out = Path(__file__).resolve().parent.parent / "lint" / "topic" / "zipf_en.txt"
rows = []
for w in top_n_list("en", n):
    if re.fullmatch(r"[a-z][a-z'’-]*", w):
        rows.append(f"{w}\t{round(zipf_frequency(w, 'en') * 10)}")
out.write_text("\n".join(rows) + "\n", encoding="utf-8")
print(f"{out}: {len(rows)} words, {out.stat().st_size} bytes")
