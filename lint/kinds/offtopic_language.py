"""offtopic-language: a paragraph in another language than its document.

langdetect identifies a language reliably on a paragraph but runs at under 0.1 MB/s, so it
only sees paragraphs that a cheap test marks as possibly foreign: a paragraph whose share of
the document language's function words (``min_stopword_ratio``) is low, or whose letters are
mostly in another script than the document's. Lists of names, models and prices have no
function words in any language and are skipped unless mostly lower case (``min_prose``). The document's language is taken from its
function words when they are plentiful (English), otherwise langdetect reads its opening.

Options: ``min_words`` (12), ``min_stopword_ratio`` (0.06), ``min_probability`` (0.9),
``min_prose`` (0.5).
"""

from __future__ import annotations

import re
from itertools import filterfalse

from . import Option

OPTIONS = {
    "min_words": Option(int, 12, doc="shorter paragraphs are not judged (langdetect guesses on them)"),
    "min_stopword_ratio": Option(float, 0.06, doc="paragraphs with fewer English function words go to langdetect"),
    "min_probability": Option(float, 0.9, doc="langdetect's confidence needed to report"),
    "min_prose": Option(float, 0.5, doc="share of lower-case words: lists of names are not judged"),
}

_STOP = frozenset("""the a an and or but of to in on at for with by from as is are was were be been it
its this that these those he she they we you i his her their our not no have has had will would can
could should there which who what when where how than then so if into about after over more said""".split())
_WORD = re.compile(r"\w+")
_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F]")


def stopword_ratio(text: str) -> float:
    words = _WORD.findall(text.lower())
    if not words:
        return 0.0
    others = sum(1 for _ in filterfalse(_STOP.__contains__, words))  # the filter runs in C
    return (len(words) - others) / len(words)


def prose_share(text: str) -> float:
    """Share of words written in lower case: prose, not a list of names, models or prices."""
    words = text.split()
    return sum(1 for w in words if w[:1].isalpha() and w[:1].islower()) / len(words) if words else 0.0


def latin_share(text: str) -> float:
    """Share of letters in the Latin script (two C-speed scans, no per-letter Python)."""
    if text.isascii() or not _NON_LATIN.search(text):
        return 1.0
    letters = len(_LETTER.findall(text))
    return 1.0 - len(_NON_LATIN.findall(text)) / letters if letters else 1.0


def _detect(text: str):
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    DetectorFactory.seed = 0  # langdetect is random unless seeded
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return None, 0.0
    return best.lang, best.prob


def check(doc, rule):
    opts = rule.options
    paras = [p for p in doc.paragraphs if len(p.words) >= opts["min_words"]]
    if not paras:
        return
    ratio_of = [stopword_ratio(p.text) for p in paras]
    ratios = sorted(ratio_of)
    doc_ratio = ratios[len(ratios) // 2]  # the median paragraph: one foreign block cannot sway it
    doc_latin = latin_share(doc.text)
    english = doc_ratio >= 0.25
    doc_lang = "en" if english else None
    for p, ratio in zip(paras, ratio_of):
        latin = latin_share(p.text)
        script_shift = abs(latin - doc_latin) > 0.5
        if english and ratio >= opts["min_stopword_ratio"] and not script_shift:
            continue
        if not english and not script_shift:
            continue  # no cheap signal in a non-English document
        if not script_shift and prose_share(p.text) < opts["min_prose"]:
            continue  # names, specs and prices have no function words in any language
        if doc_lang is None:
            doc_lang, _ = _detect(doc.text[:3000])
        lang, prob = _detect(p.text)
        if lang and doc_lang and lang != doc_lang and prob >= opts["min_probability"]:
            reason = "letters in another script" if script_shift else f"{ratio:.0%} English function words"
            yield rule.finding(doc, p.start, p.end, lang=lang, prob=f"{prob:.2f}", doc_lang=doc_lang, reason=reason)
