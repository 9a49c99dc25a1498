"""offtopic-language: a paragraph in another language than its document.

langdetect identifies a language reliably on a paragraph but runs at under 0.1 MB/s, so it
only sees paragraphs that a cheap test marks as possibly foreign: a paragraph whose share of
the document language's function words (``min_stopword_ratio``) is low, or whose letters are
mostly in another script than the document's. Lists of names, models and prices have no
function words in any language and are skipped unless mostly lower case (``min_prose``). Table rows
and bullet lists in English have few function words too: in an English document a paragraph
whose words are mostly common English words (``english_vocabulary``) is not sent either. The
English frequency table holds many foreign words (loanwords, and function words such as "de",
"la", "die", "und" at zipf 4-5), so the function words of the other common Latin-script
languages never count as English there: French prose full of English loanwords scores 0.4-0.5
instead of 0.85-0.9. The document's language is taken from its function words when they are
plentiful (English), otherwise langdetect reads its opening.

Cost: the function-word shares come from the split that tokenises each paragraph for the
off-topic kinds' topic profile (`lexicon.paragraph_bags`: one dictionary look-up a word, in C,
shared with the other off-topic rules); the script test looks only at the non-ASCII characters, and a
document without letters outside the Latin script (nearly all) skips it per paragraph.

Options: ``min_words`` (12), ``min_stopword_ratio`` (0.06), ``min_probability`` (0.9),
``min_prose`` (0.5), ``english_vocabulary`` (0.8).
"""

from __future__ import annotations

import gc
import re

from ..topic.lexicon import FUNCTION_UNIT, FUNCTION_WORDS, non_ascii, paragraph_bags, word_counts
from . import Option

OPTIONS = {
    "min_words": Option(int, 12, doc="shorter paragraphs are not judged (langdetect guesses on them)"),
    "min_stopword_ratio": Option(float, 0.06, doc="paragraphs with fewer English function words go to langdetect"),
    "min_probability": Option(float, 0.9, doc="langdetect's confidence needed to report"),
    "min_prose": Option(float, 0.5, doc="share of lower-case words: lists of names are not judged"),
    "english_vocabulary": Option(float, 0.8, doc="in an English document, a paragraph with at least this share "
                                                 "of common English words is English: langdetect is not asked"),
}
_COMMON_ZIPF = 3.0  # a word at least this frequent in English (zipf scale) is a common English word
# function words of fr, es, ca, it, de, nl, pt that the English table lists as common (left out:
# those that are English words too, such as "met", "son", "per", "non", "van")
_FOREIGN_FUNCTION = frozenset("""
    le la les des du au aux et est une un dans pour sur pas qui que avec sont ce cette ces mais ou où nous
    vous ils elle leur été être en el los las del al por para una con es se lo como más pero sus su fue
    está este esta entre y il della delle degli di che sono gli nel nella alla anche der die das den dem
    und ist nicht mit sich auf für von zu ein eine einer eines auch wird werden über het een niet zijn
    voor ook wordt o os um uma em não ao dos das pelo pela mais foi são""".split())

_STOP = FUNCTION_WORDS
_LETTER = re.compile(r"[^\W\d_]")
_NON_LATIN = re.compile(r"[^\W\d_A-Za-z\u00C0-\u024F]")


def stopword_ratio(text: str) -> float:
    return _ratio_of_lowered(text.lower())


def _ratio(words: list[str]) -> float:
    """Share of ``words`` (lowercased) that are English function words; counted in C."""
    return sum(map(_STOP.__contains__, words)) / len(words) if words else 0.0


def _ratio_of_lowered(low: str) -> float:
    """`_ratio` of the words (runs of word characters) of lowercased text ``low``."""
    return _ratio_of_counts(word_counts(low))


def _ratio_of_counts(n: int) -> float:
    """The function-word share of a packed count (`lexicon.word_counts`)."""
    stops, words = divmod(n, FUNCTION_UNIT)
    return stops / words if words else 0.0


def prose_share(text: str) -> float:
    """Share of words written in lower case: prose, not a list of names, models or prices."""
    words = text.split()
    return sum(1 for w in words if w[:1].isalpha() and w[:1].islower()) / len(words) if words else 0.0


def english_share(text: str) -> float:
    """Share of the words (runs of letters) of ``text`` that are common English words and no other
    language's function words. English lists and table rows score 0.8-1, prose in another
    Latin-script language under 0.5, loanwords and all."""
    from ..topic.lexicon import _LOWER_WORD, zipf_table

    words = _LOWER_WORD.findall(text.lower().replace("’", "'"))
    if not words:
        return 0.0
    table = zipf_table()
    common = 0
    for w in words:
        common += table.get(w[:-2] if w.endswith("'s") else w, 0.0) >= _COMMON_ZIPF and w not in _FOREIGN_FUNCTION
    return common / len(words)


def latin_share(text: str) -> float:
    """Share of letters in the Latin script (two C-speed scans, no per-letter Python)."""
    if not has_other_script(text):
        return 1.0
    letters = len(_LETTER.findall(text))
    return 1.0 - len(_NON_LATIN.findall(text)) / letters if letters else 1.0


_ASCII = bytes(range(128))


def has_other_script(text: str) -> bool:
    """Whether ``text`` has a letter outside the Latin script. No ASCII character is one, so
    only the non-ASCII characters are searched (dropped from the UTF-8 bytes in C)."""
    if text.isascii():
        return False
    rest = text.encode("utf-8", "surrogatepass").translate(None, _ASCII)
    return bool(_NON_LATIN.search(rest.decode("utf-8", "surrogatepass")))


def _has_words(text: str, n: int) -> bool:
    """``len(text.split()) >= n``, splitting no further than the n-th word."""
    return n <= 0 or len(text.split(None, n - 1)) >= n


def _detect(text: str):
    from langdetect import DetectorFactory, detect_langs
    from langdetect.lang_detect_exception import LangDetectException

    from ..langprofiles import init

    if DetectorFactory.seed != 0:  # first call of the process
        DetectorFactory.seed = 0  # langdetect is random unless seeded
        init()  # langdetect's own profiles, packed: a tenth of the memory, the same answers
        gc.freeze()  # what the first detection built lives all run: keep the collector off it
    try:
        best = detect_langs(text)[0]
    except LangDetectException:
        return None, 0.0
    return best.lang, best.prob


def check(doc, rule):
    opts = rule.options
    min_words = opts["min_words"]
    paras = [p for p in doc.paragraphs if _has_words(p.text, min_words)]
    if not paras:
        return
    counts = paragraph_bags(doc)[1]  # counted when the paragraphs were tokenised for the topic profile
    ratio_of = [_ratio_of_counts(counts[p[3]]) for p in paras]
    ratios = sorted(ratio_of)
    doc_ratio = ratios[len(ratios) // 2]  # the median paragraph: one foreign block cannot sway it
    # else every share below is 1.0: no script shift (tested on the document's distinct
    # non-ASCII characters, found once for lowercasing it)
    other_script = bool(_NON_LATIN.search(non_ascii(doc)))
    doc_latin = latin_share(doc.text) if other_script else 1.0
    english = doc_ratio >= 0.25
    if not english and not other_script:
        return  # no cheap signal in a non-English document
    doc_lang = "en" if english else None
    for p, ratio in zip(paras, ratio_of):
        if english and ratio >= opts["min_stopword_ratio"] and not other_script:
            continue
        latin = latin_share(p.text) if other_script else 1.0
        script_shift = abs(latin - doc_latin) > 0.5
        if english and ratio >= opts["min_stopword_ratio"] and not script_shift:
            continue
        if not english and not script_shift:
            continue  # no cheap signal in a non-English document
        if not script_shift and prose_share(p.text) < opts["min_prose"]:
            continue  # names, specs and prices have no function words in any language
        if english and not script_shift and english_share(p.text) >= opts["english_vocabulary"]:
            continue  # a table or a list of English words: few function words, but English
        if doc_lang is None:
            doc_lang, _ = _detect(doc.text[:3000])
        lang, prob = _detect(p.text)
        if lang and doc_lang and lang != doc_lang and prob >= opts["min_probability"]:
            reason = "letters in another script" if script_shift else f"{ratio:.0%} English function words"
            yield rule.finding(doc, p.start, p.end, lang=lang, prob=f"{prob:.2f}", doc_lang=doc_lang, reason=reason)
