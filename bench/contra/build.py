#!/usr/bin/env python3
"""Build a labelled contradiction set from clean real articles (suite `contra`).

  python bench/contra/build.py SOURCE_DIR OUT_DIR [--seed 1] [--share 0.5]

SOURCE_DIR holds clean article bodies, one .txt each (e.g. ../shared/eval/typos/controls, CC BY
4.0 WCXB) and optionally a manifest.jsonl with a "date" per doc. Every article gets a dateline
from its manifest date (news articles carry one; the years check needs the article's year).
About ``share`` of the articles get one injected contradiction, the others stay clean controls
beside them in OUT_DIR/docs/. Kinds (one pair per injected document):

  weekday-date  a weekday added to a date it does not fall on ("Wednesday, March 3, 2015"), or
                a sentence with such a date when the article has none
  years         "<words> in 2009" restated later as "<words> N years ago" with the wrong N
  quantity      a sentence with "N <things>" restated in another paragraph with an incompatible
                value (x/÷ 1.6-4), sometimes cut to its clause, sometimes with a qualifier
  ordinal       a sentence with "first <noun> <prep> ..." restated with another ordinal
  name-variant  one later use of a two-word name respelled (y/i, doubled letters, accents,
                hyphen/space, vowel changes)

Writes docs/<doc>.txt, labels.jsonl (doc, path, kind, start, end = injected member, other_start,
other_end = the member already in the text, line, line_other, injected, original) and
manifest.jsonl (doc, path, label, source, words), the format score_injected.py scores.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import random
import re
from pathlib import Path

WEEKDAYS = "Monday Tuesday Wednesday Thursday Friday Saturday Sunday".split()
MONTHS = "January February March April May June July August September October November December".split()
ORDINALS = ["first", "second", "third", "fourth", "fifth"]
# nouns whose ordinals count a sequence, not one event: swapping them is not a contradiction
SEQUENCE = set("""half quarter round day week month year time stage phase part step leg set game match period season
episode chapter floor place line wave term level grade generation lap page choice type edition thing step""".split())
PREPS = "to in of at as for since with on".split()

_FULL_DATE = re.compile(rf"\b(?:{'|'.join(MONTHS)}) (\d{{1,2}}), ((?:19|20)\d\d)\b")
_IN_YEAR = re.compile(r"\bin ((?:19|20)\d\d)\b(?![-–/\d])")
_QUANTITY = re.compile(r"(?<![\w$£€.,/-])(\d{1,3}(?:,\d{3})+|\d{2,})(?: (million|billion))? ([a-z]{3,}s)\b(?![-\w])")
_ORDINAL = re.compile(rf"\b(first|second|third) ([a-z]{{3,}}) ({'|'.join(PREPS)}) ([A-Za-z][\w-]+)")
_NAME2 = re.compile(r"(?<![\w-])([A-Z][a-z]{2,}) ([A-Z][a-z]{3,})(?![\w-])")


def sentences(text):
    """(start, end) of sentences, paragraph by paragraph (a simple splitter, not seedlint's)."""
    for para in re.finditer(r"[^\n]+", text):
        s0 = para.start()
        for m in re.finditer(r"[^.!?]+(?:[.!?]+[\"'”’)]*|$)", para.group()):
            s, e = s0 + m.start(), s0 + m.end()
            while s < e and text[s].isspace():
                s += 1
            if e - s > 20:
                yield s, e


def paragraph_bounds(text):
    return [(m.start(), m.end()) for m in re.finditer(r"[^\n]+", text)]


def insert_sentence(text, rng, new, after, before=None):
    """Insert ``new`` as its own paragraph (or at the end of a paragraph) at least two
    paragraphs after offset ``after``; returns (text, start of the inserted sentence)."""
    paras = [p for p in paragraph_bounds(text) if p[0] > after]
    paras = paras[2:] or paras[-1:]
    if not paras:
        return None
    ps, pe = rng.choice(paras)
    if rng.random() < 0.5:
        return text[:ps] + new + "\n\n" + text[ps:], ps
    return text[:pe] + " " + new + text[pe:], pe + 1


def fmt_number(v, like):
    if "," in like or v >= 10000:
        return f"{v:,}"
    return str(v)


def inject_weekday(text, rng, year):
    body = text.find("\n\n") + 2  # after the dateline
    m = next((m for m in _FULL_DATE.finditer(text, body)
              if not re.search(r"(?:day),? $", text[max(0, m.start() - 12):m.start()])), None)
    if m:
        month = MONTHS.index(m.group(0).split()[0]) + 1
        try:
            real = dt.date(int(m.group(2)), month, int(m.group(1)))
        except ValueError:
            return None
        wrong = WEEKDAYS[(real.weekday() + rng.randint(1, 6)) % 7]
        new = text[:m.start()] + wrong + ", " + text[m.start():]
        return new, (m.start(), m.start() + len(wrong)), (m.start() + len(wrong) + 2, m.end() + len(wrong) + 2), wrong, m.group(0)
    real = dt.date(year, 1, 1) - dt.timedelta(days=rng.randint(20, 700))
    wrong = WEEKDAYS[(real.weekday() + rng.randint(1, 6)) % 7]
    date = f"{MONTHS[real.month - 1]} {real.day}, {real.year}"
    tmpl = rng.choice(["The figures were first published on {w}, {d}.", "The change took effect on {w}, {d}, officials said.",
                       "It was announced on {w}, {d}.", "The first version appeared on {w}, {d}, according to the site."])
    sent = tmpl.format(w=wrong, d=date)
    res = insert_sentence(text, rng, sent, 0)
    if not res:
        return None
    new, at = res
    ws = at + sent.index(wrong)
    ds = at + sent.index(date)
    return new, (ws, ws + len(wrong)), (ds, ds + len(date)), wrong, date


def inject_years(text, rng, year):
    for s, e in rng.sample(list(sentences(text)), k=min(60, len(list(sentences(text))))):
        sent = text[s:e]
        m = _IN_YEAR.search(sent)
        if not m or not 1950 < int(m.group(1)) < year - 2:
            continue
        words = sent[:m.start()].split()[-10:]  # the clause the year belongs to
        if len(words) < 4 or not all(w.rstrip(",").isalpha() for w in words[-3:]):
            continue
        words[0] = words[0][:1].upper() + words[0][1:]
        truth = year - int(m.group(1))
        wrong = truth + rng.choice([-1, 1]) * rng.randint(3, 8)
        if wrong < 2:
            wrong = truth + rng.randint(3, 8)
        restated = " ".join(words) + f" {wrong} years ago."
        res = insert_sentence(text, rng, restated, e)
        if not res:
            continue
        new, at = res
        a = at + len(" ".join(words)) + 1
        return new, (a, a + len(f"{wrong} years ago")), (s + m.start(), s + m.end()), f"{wrong} years ago", m.group(0)
    return None


def inject_quantity(text, rng, year):
    sents = list(sentences(text))
    rng.shuffle(sents)
    for s, e in sents:
        sent = text[s:e]
        m = _QUANTITY.search(sent)
        if not m or len(sent.split()) > 45 or "|" in sent or not sent.rstrip().endswith((".", "!", "?")):
            continue
        if re.search(r"\d\s*(?:-|–|to|or|and|,)\s*$", sent[:m.start()]) or re.match(r"\s*(?:-|–|to|or)\s*\d", sent[m.end(1):]):
            continue  # one end of a range or a list of figures
        v = int(m.group(1).replace(",", ""))
        if 1900 <= v <= 2100 and "," not in m.group(1):
            continue
        before = sent[:m.start()].lower()
        lower_bound = re.search(r"(?:more than|over|at least|upwards of|exceeds?) $", before)
        upper_bound = re.search(r"(?:up to|less than|under|fewer than|at most|no more than) $", before)
        factor = rng.uniform(1.6, 4.0)
        # a restatement that really contradicts: "more than 8,200" only by a smaller figure
        up = not lower_bound and (upper_bound or rng.random() < 0.6)
        nv = int(round(v * factor)) if up else max(2, int(round(v / factor)))
        if nv == v:
            continue
        num = fmt_number(nv, m.group(1))
        qual = rng.choice(["", "", "", "about ", "more than " if up else "fewer than "])
        piece = sent
        if rng.random() < 0.4 and "," in sent:
            # keep the clause that holds the number
            parts = sent.split(", ")
            k = next(i for i, p in enumerate(parts) if m.group(0) in p) if any(m.group(0) in p for p in parts) else None
            if k is not None:
                piece = ", ".join(parts[max(0, k - 1):k + 1]).rstrip(".") + "."
                piece = piece[0].upper() + piece[1:]
        if m.group(0) not in piece:
            piece = sent
        i = piece.index(m.group(0))
        q_old = re.search(r"(?:more than|about|over|nearly|almost|around|some|up to|less than|at least|under|fewer than|"
                          r"upwards of|at most|no more than|exceeds?|approximately|roughly) $", piece[:i].lower())
        if q_old and (lower_bound or upper_bound):
            # "more than 8,200" restated as "3,000" or "fewer than 3,000": the bound goes too
            i -= len(q_old.group(0))
            piece = piece[:i] + piece[i + len(q_old.group(0)):]
            qual = rng.choice(["", "fewer than " if not up else "more than "])
        elif q_old:
            qual = ""
        restated = piece[:i] + qual + num + m.group(0)[len(m.group(1)):] + piece[i + len(m.group(0)):]
        res = insert_sentence(text, rng, restated, e)
        if not res:
            continue
        new, at = res
        a = at + i
        return new, (a, a + len(qual + num)), (s + m.start(1), s + m.end(1)), qual + num, m.group(1)
    return None


def inject_ordinal(text, rng, year):
    for s, e in sentences(text):
        sent = text[s:e]
        m = _ORDINAL.search(sent)
        if not m or m.group(2) in SEQUENCE or m.group(2).endswith(("ed", "ly", "ing")) or len(sent.split()) > 45:
            continue
        other = rng.choice([o for o in ORDINALS if o != m.group(1)])
        restated = sent[:m.start(1)] + other + sent[m.end(1):]
        restated = restated[0].upper() + restated[1:]
        res = insert_sentence(text, rng, restated, e)
        if not res:
            continue
        new, at = res
        a = at + m.start(1)
        return new, (a, a + len(other) + len(m.group(0)) - len(m.group(1))), (s + m.start(1), s + m.end()), other, m.group(1)
    return None


_ACCENTS = {"e": "é", "o": "ö", "u": "ü", "a": "á", "c": "ç", "s": "ş", "i": "í", "n": "ñ"}


def respell(name, rng):
    """A transliteration-like variant: one kind of change chosen first, then where."""
    options = []
    if name.endswith("y"):
        options.append(name[:-1] + "i")
    if name.endswith("i"):
        options.append(name[:-1] + "y")
    doubled = re.search(r"([b-df-hj-np-tv-z])\1", name)
    if doubled:
        options.append(name[:doubled.start()] + name[doubled.start() + 1:])
    single = [m.start() for m in re.finditer(r"(?<=[aeiou])[lnrst](?=[aeiou])", name)]
    if single:
        k = rng.choice(single)
        options.append(name[:k] + name[k] + name[k:])
    accent = [i for i, c in enumerate(name) if c in _ACCENTS and i > 0]
    if accent:
        k = rng.choice(accent)
        options.append(name[:k] + _ACCENTS[name[k]] + name[k + 1:])
    vowels = [m.start() for m in re.finditer(r"(?<=[a-z])(?:ou|o|u)(?=[a-z])", name)]
    if vowels and rng.random() < 0.3:
        k = rng.choice(vowels)
        swap = {"ou": "u", "o": "u", "u": "o"}
        src = "ou" if name[k:k + 2] == "ou" else name[k]
        options.append(name[:k] + swap[src] + name[k + len(src):])
    options = [o for o in options if o != name]
    # accents are available almost everywhere: keep them to one chance in three or so
    plain = [o for o in options if o.isascii()]
    if plain and rng.random() < 0.7:
        options = plain
    return rng.choice(options) if options else None


def inject_name(text, rng, year):
    uses = {}
    for m in _NAME2.finditer(text):
        uses.setdefault(m.group(0), []).append(m)
    lower = set(re.findall(r"\b[a-z]+\b", text))
    # proper names only: neither word is also used as a common word, and not all uses are headings
    names = [n for n, ms in uses.items() if len(ms) >= 2 and not {w.lower() for w in n.split()} & lower
             and sum(text[m.end():text.find("\n", m.end()) if "\n" in text[m.end():] else len(text)].rstrip()
                     .endswith((".", "!", "?", '"', "”")) for m in ms) >= 1]
    rng.shuffle(names)
    for n in names:
        first, later = uses[n][0], rng.choice(uses[n][1:])
        part = rng.choice([1, 2])
        word = later.group(part)
        variant = respell(word, rng)
        if not variant:
            continue
        s, e = later.start(part), later.end(part)
        new = text[:s] + variant + text[e:]
        return new, (later.start(), later.end() + len(variant) - len(word)), (first.start(), first.end()), \
            new[later.start():later.end() + len(variant) - len(word)], n
    return None


INJECTORS = {"weekday-date": inject_weekday, "years": inject_years, "quantity": inject_quantity,
             "ordinal": inject_ordinal, "name-variant": inject_name}


def line_of(text, offset):
    return text.count("\n", 0, offset) + 1


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("source_dir")
    ap.add_argument("out_dir")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--share", type=float, default=0.5, help="share of articles that get an injection")
    args = ap.parse_args()
    rng = random.Random(args.seed)
    src = Path(args.source_dir)
    dates = {}
    man = src / "manifest.jsonl"
    if not man.exists() and (src.parent / "manifest.jsonl").exists():
        man = src.parent / "manifest.jsonl"
    if man.exists():
        for line in man.open(encoding="utf-8"):
            row = json.loads(line)
            dates[row["doc"]] = row.get("date")
    out = Path(args.out_dir)
    (out / "docs").mkdir(parents=True, exist_ok=True)
    files = sorted(src.glob("*.txt"))
    rng.shuffle(files)
    n_inject = int(len(files) * args.share)
    kinds = list(INJECTORS)
    labels, manifest = [], []
    for i, path in enumerate(files):
        text = path.read_text(encoding="utf-8")
        doc = path.stem
        when = dates.get(doc)
        year = int(when[:4]) if when else 2024
        if when and re.fullmatch(r"\d{4}-\d\d-\d\d", when[:10]):
            d = dt.date.fromisoformat(when[:10])
            text = f"{MONTHS[d.month - 1]} {d.day}, {d.year}\n\n" + text
        label = "none"
        if i < n_inject:
            # each document gets the scarcest kind that fits it, so kinds stay balanced
            for kind in sorted(kinds, key=lambda k: (sum(r["kind"] == k for r in labels), kinds.index(k))):
                res = INJECTORS[kind](text, rng, year)
                if res:
                    text, (s, e), (os_, oe), injected, original = res
                    labels.append({"doc": doc, "path": f"docs/{doc}.txt", "kind": kind, "start": s, "end": e,
                                   "other_start": os_, "other_end": oe, "line": line_of(text, s),
                                   "line_other": line_of(text, os_), "injected": text[s:e],
                                   "original": text[os_:oe]})
                    label = kind
                    break
        (out / "docs" / f"{doc}.txt").write_text(text, encoding="utf-8")
        manifest.append({"doc": doc, "path": f"docs/{doc}.txt", "label": label, "source": str(path),
                         "words": len(text.split())})
    with (out / "labels.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in labels)
    with (out / "manifest.jsonl").open("w", encoding="utf-8") as fh:
        fh.writelines(json.dumps(r, ensure_ascii=False) + "\n" for r in manifest)
    counts = {}
    for r in labels:
        counts[r["kind"]] = counts.get(r["kind"], 0) + 1
    print(json.dumps({"docs": len(manifest), "injected": len(labels), "by_kind": counts}))


if __name__ == "__main__":
    main()
