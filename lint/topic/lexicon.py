"""Word rarity and content-word bags, the currency of the off-topic kinds.

Rarity comes from a bundled table (``zipf_en.txt``, built from wordfreq by
bench/make_idf_table.py): a word's weight is how much rarer it is than everyday words, so
shared rare words ("Soleimani", "bakeries") say far more about two passages belonging
together than shared common ones ("said", "year"). Words are reduced to a short prefix stem,
cheap and good enough to match "bakery"/"bakeries" or "invest"/"investors".
"""

from __future__ import annotations

import re
import sys
import zlib
from functools import lru_cache
from itertools import chain
from operator import itemgetter
from pathlib import Path

WORD = re.compile(r"[A-Za-z][A-Za-z'’-]*[A-Za-z]|[A-Za-z]")
_LOWER_WORD = re.compile(r"[a-z][a-z'’-]*[a-z]|[a-z]")  # WORD on lowercased text, faster
STEM_LEN = 6
# Weight = CEILING - zipf, clipped; words missing from the table count as zipf UNKNOWN_ZIPF.
CEILING = 6.2
UNKNOWN_ZIPF = 2.4


@lru_cache(maxsize=1)
def zipf_table() -> dict[str, float]:
    path = Path(__file__).with_name("zipf_en.txt")
    table = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            word, _, z = line.rstrip("\n").partition("\t")
            table[word] = int(z) / 10
    return table


MIN_WEIGHT = 0.3  # words at most this rare (function words) never count
CACHE_LIMIT = 65_536  # token caches start over when full: bounded memory on any corpus
_weights: dict[str, tuple[str, float]] = {}


def stem_weight(token: str) -> tuple[str, float]:
    """(stem, rarity weight) of a lowercased token; weight 0 for function words."""
    hit = _weights.get(token)
    if hit is None:
        hit = _stem_weight(token)
        if len(_weights) >= CACHE_LIMIT:
            _weights.clear()
        _weights[token] = hit
    return hit


def _stem_weight(token: str) -> tuple[str, float]:
    word = token.replace("’", "'")
    if word.endswith("'s"):
        word = word[:-2]
    z = zipf_table().get(word, UNKNOWN_ZIPF)
    return _stem(word), max(0.0, min(CEILING - z, 4.0))


def _stem(word: str) -> str:
    """A short prefix after folding plurals: "bakeries"/"bakery", "investors"/"investor"."""
    if word.endswith("ies") and len(word) > 4:
        word = word[:-3] + "y"
    elif word.endswith("s") and not word.endswith("ss") and len(word) > 3:
        word = word[:-1]
    return word[:STEM_LEN]


class _ContentWords(dict):
    """Lowercased token -> (stem, weight) for content words, None for function words; filled
    on first sight (``__missing__``), so `bag` needs one lookup per token."""

    def __missing__(self, token):
        stem, w = _stem_weight(token)
        hit = (sys.intern(stem), w) if w > MIN_WEIGHT else None
        if len(self) >= CACHE_LIMIT:
            self.clear()
        self[token] = hit
        return hit


_content = _ContentWords()


def bag(text: str) -> dict[str, float]:
    """stem -> summed rarity weight over the text's content words."""
    return _bag_of_lowered(text.lower())


def bag_at(low: str, start: int, end: int) -> dict[str, float]:
    """``bag(text[start:end])`` where ``low`` is the whole text lowercased (same length as the
    text)."""
    return _bag_of_lowered(low[start:end])


# Tokens are runs of a-z, ' and - (one byte each in UTF-8) and ’, trimmed to their first and
# last letter. Blanking the other ASCII bytes of the UTF-8 text (bytes.translate) and splitting on
# the blanks cuts the text at characters that can be in no token, in C; the bytes of non-ASCII
# characters, digits and "_" are kept, so that a chunk holds whole characters and whole \w+
# words too: the same split also counts the words and function words that offtopic-language
# reads (`paragraph_bags`). Each distinct chunk is read once (``_chunk_info``):
# the regular expression finds its tokens, so a chunk's tokens are the text's tokens there.
_CHUNK_BYTES = frozenset(b"abcdefghijklmnopqrstuvwxyz0123456789_'-") | frozenset(range(0x80, 0x100))
_BLANK_OTHERS = bytes(b if b in _CHUNK_BYTES else 0x20 for b in range(256))
_SEVERAL = (None, 0.0)  # a chunk of more than one token: its tokens come from ``_chunk_hits``


def _chunk_tokens(chunk: bytes) -> list[str]:
    return _LOWER_WORD.findall(chunk.decode("utf-8", "surrogatepass"))


class _ChunkHits(dict):
    """UTF-8 chunk -> the ``_content`` hits of all its tokens (content words only), in order."""

    def __missing__(self, chunk):
        hits = tuple(filter(None, map(_content.__getitem__, _chunk_tokens(chunk))))
        if len(self) >= CACHE_LIMIT:
            self.clear()
        self[chunk] = hits
        return hits


# English function words (offtopic-language's test of a paragraph's language)
FUNCTION_WORDS = frozenset("""the a an and or but of to in on at for with by from as is are was were be been it
its this that these those he she they we you i his her their our not no have has had will would can
could should there which who what when where how than then so if into about after over more said""".split())
_WORD = re.compile(r"\w+")
FUNCTION_UNIT = 1 << 24  # a packed count is words + FUNCTION_UNIT x function words


class _ChunkInfo(dict):
    r"""UTF-8 chunk -> (its token's ``_content`` hit: None for a function word or no token,
    ``_SEVERAL`` for more than one token; its \w+ words + FUNCTION_UNIT x its function words),
    filled on first sight. A chunk is cut only at ASCII characters that are in no token and
    no \w+ word, so its tokens and words are the text's there."""

    def __missing__(self, chunk):
        text = chunk.decode("utf-8", "surrogatepass")
        tokens = _LOWER_WORD.findall(text)
        hit = _SEVERAL if len(tokens) > 1 else (_content[tokens[0]] if tokens else None)
        words = _WORD.findall(text)
        info = (hit, len(words) + FUNCTION_UNIT * sum(map(FUNCTION_WORDS.__contains__, words)))
        if len(self) >= CACHE_LIMIT:
            self.clear()
        self[chunk] = info
        return info


_chunk_info = _ChunkInfo()
_chunk_hits = _ChunkHits()
_COUNT = itemgetter(1)


def _chunks_of(low: str) -> list[bytes]:
    return low.encode("utf-8", "surrogatepass").translate(_BLANK_OTHERS).split()


def _bag_of_lowered(low: str) -> dict[str, float]:
    return _bag_and_count(_chunks_of(low))[0]


def word_counts(low: str) -> int:
    r"""The \w+ words of lowercased text ``low`` + FUNCTION_UNIT x its function words."""
    return sum(map(_COUNT, map(_chunk_info.__getitem__, _chunks_of(low))))


def _sum_hits(hits) -> dict[str, float]:
    # tokens are looked up and function words dropped in C; only content words are summed here,
    # in text order (the same floats as a loop over every token)
    out: dict[str, float] = {}
    get = out.get
    for stem, w in filter(None, hits):
        out[stem] = get(stem, 0.0) + w
    return out


def paragraph_bags(doc) -> tuple[list[dict], list[int]]:
    """Every paragraph's bag and packed word counts (`word_counts`), from one split of each
    paragraph; cached on the document."""
    cached = doc.__dict__.get("_paragraph_bags")
    if cached is None:
        low = lowered(doc)
        bags, counts = [], []
        for p in doc.paragraphs:
            chunks = _chunks_of(p[2].lower() if low is None else low[p[0]:p[1]])
            b, n = _bag_and_count(chunks)
            bags.append(b)
            counts.append(n)
        cached = doc._paragraph_bags = (bags, counts)
    return cached


def _bag_and_count(chunks: list[bytes]) -> tuple[dict[str, float], int]:
    """(the bag: stem -> summed rarity weight of the content words, added in text order; the
    summed packed word counts) of ``chunks``: one look-up a chunk and one Python pass, which
    costs less than a C-level pass (map/filter/sum) for each (measured with callgrind)."""
    out: dict[str, float] = {}
    get = out.get
    n = 0
    for hit, c in map(_chunk_info.__getitem__, chunks):
        n += c
        if hit is not None:
            stem, w = hit
            out[stem] = get(stem, 0.0) + w
    if None in out:  # a chunk held two tokens ("erdoğan", "h1n1"): each chunk's tokens in turn
        out = _sum_hits(chain.from_iterable(map(_chunk_hits.__getitem__, chunks)))
    return out, n


def lowered(doc) -> str | None:
    """``doc.text.lower()``, computed once per document for the off-topic kinds; None when
    lowercasing changes the length (a rare letter such as "İ"), since then the offsets of
    the lowercased text are not those of the text and callers lowercase each piece instead."""
    low = doc.__dict__.get("_lowered", "")
    if low == "":
        low = lower(doc.text, non_ascii(doc))
        doc._lowered = low = low if len(low) == len(doc.text) else None
    return low


_ASCII = bytes(range(128))


def non_ascii(doc) -> str:
    """The distinct non-ASCII characters of the document (in no order), found once: lowercasing
    and offtopic-language's script test only need these."""
    chars = doc.__dict__.get("_non_ascii")
    if chars is None:
        text = doc.text
        chars = doc._non_ascii = "" if text.isascii() else "".join(
            set(text.encode("utf-8", "surrogatepass").translate(None, _ASCII).decode("utf-8", "surrogatepass")))
    return chars


def lower(text: str, others: str | None = None) -> str:
    """``text.lower()``. str.lower maps every character of a text with non-ASCII characters
    through the full Unicode tables (~50 instructions a character); here the ASCII letters are
    lowered as bytes and only the few distinct non-ASCII characters (``others``, if known) that
    lowercasing changes are replaced, when each becomes one character (the final-sigma rule depends on context:
    a text with "Σ" takes str.lower)."""
    if text.isascii():
        return text.lower()
    raw = text.encode("utf-8", "surrogatepass")
    if others is None:
        others = set(raw.translate(None, _ASCII).decode("utf-8", "surrogatepass"))
    changed = [c for c in others if c.lower() != c]
    if "Σ" in changed or any(len(c.lower()) != 1 for c in changed):
        return text.lower()
    low = raw.lower().decode("utf-8", "surrogatepass")
    for c in changed:
        low = low.replace(c, c.lower())
    return low


class _StemIds(dict):
    """stem or name -> a stable 32-bit id (crc32 of its UTF-8): the same in every process, so
    per-document summaries built by different workers compare. Bounded like the caches above."""

    def __missing__(self, stem):
        if len(self) >= CACHE_LIMIT:
            self.clear()
        sid = self[stem] = zlib.crc32(stem.encode("utf-8", "surrogatepass"))  # a name read with surrogateescape
        return sid


stem_ids = _StemIds()


_NAME_STRIP = "\"'“”‘’()[],;:!?."
# A word that may be a capitalised name, with the whitespace before it, after a word that does
# not end a sentence: its last character is not . ! ? : or a closing quote, and it is not a
# lone dash (a dash is fine at the end of a longer word). The lookbehinds read the previous
# word's end even when an earlier match consumed it; findall hands back only the words.
# (?![a-z0-9]) rejects at once the whitespace before a lowercase word or a number (most of
# them): such a word can never be the candidate, and the lookbehinds are not tried there.
_NAME_CANDIDATE = re.compile(  # opens with \s: the regex engine skips to whitespace in C
    r"\s(?![a-z0-9])(?:(?<=[^\s.!?:\"”\-–—]\s)|(?<=\S[\-–—]\s))\s*"
    r"([\"'“”‘’()\[\],;:!?.]*[^\s\"'“”‘’()\[\],;:!?.a-z0-9]\S*)")


class _NameStems(dict):
    """Candidate word -> its name stem, or None when it is no name; filled on first sight, so
    `entities` maps the words in C (a name recurs through a document and a corpus)."""

    def __missing__(self, word):
        core = word.strip(_NAME_STRIP)
        stem = None
        if core[0].isupper() and len(core) > 1 and not core.isupper():
            if core.endswith(("'s", "’s")):
                core = core[:-2]
            stem = sys.intern(core[:STEM_LEN].lower())
        if len(self) >= CACHE_LIMIT:
            self.clear()
        self[word] = stem
        return stem


_name_stems = _NameStems()


# The same pattern opening with a literal space: the regex engine then skips to the next space
# with a plain character loop instead of testing every character against \s (about half the
# instructions of the search). It finds the same words in a text whose only whitespace is " ".
_NAME_CANDIDATE_SPACED = re.compile(_NAME_CANDIDATE.pattern.replace(r"\s(?![a-z0-9])", " (?![a-z0-9])", 1))
_OTHER_ASCII_SPACES = "\t\r\x0b\x0c\x1c\x1d\x1e\x1f"  # what \s matches in ASCII besides " " and "\n"


def entities(text: str, spaced: bool = False) -> set[str]:
    """Capitalised words that do not start a sentence: names of people, places, products.
    A word starts a sentence when it opens the text or the word before it ends in . ! ? : or a
    closing quote, or is a lone dash. ``spaced``: the caller knows that the only whitespace in
    ``text`` is " " (`spaced_only`), which allows a faster search; an ASCII text is tested
    here (str.isascii reads a flag; a character search per other space is C-speed)."""
    if not spaced and text.isascii():
        spaced = not any(map(text.__contains__, _OTHER_ASCII_SPACES)) and "\n" not in text
    rx = _NAME_CANDIDATE_SPACED if spaced else _NAME_CANDIDATE
    out = set(map(_name_stems.__getitem__, rx.findall(text)))
    out.discard(None)
    return out


def spaced_only(doc) -> bool:
    """Whether the document's only whitespace besides " " is the newline (then a paragraph
    without a newline has " " alone: `entities`' ``spaced``); found once per document, the
    non-ASCII characters from `non_ascii`."""
    flag = doc.__dict__.get("_spaced_only")
    if flag is None:
        text = doc.text
        flag = doc._spaced_only = (not any(c in text for c in _OTHER_ASCII_SPACES)
                                   and not any(map(str.isspace, non_ascii(doc))))
    return flag


def surfaces(text: str, stems: list[str], limit: int = 6) -> list[str]:
    """The words of ``text`` behind ``stems`` (in the stems' order), for messages."""
    wanted = set(stems[:limit])
    first: dict[str, str] = {}
    for tok in WORD.findall(text):
        stem = stem_weight(tok.lower())[0]
        if stem in wanted and stem not in first:
            first[stem] = tok
            if len(first) == len(wanted):  # every stem has its first word
                break
    return [first[s] for s in stems[:limit] if s in first]
