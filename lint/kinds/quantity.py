"""quantity: the same quantity stated twice in one document with incompatible values.

"25 people died" and later "the 40 dead"; "more than 380,000 killed" and "about half a million
killed". Qualifiers count: "more than 380,000" and "more than 400,000" are compatible, "about
half a million" and "380,000" are not. Scales are normalised ("1.2 million" = "1,200,000").

News text is full of legitimately different numbers, so two mentions are taken for the same
quantity only when they count the same thing (the same noun, or both count the dead or both
the injured) in different paragraphs, and either
- their sentences are near copies (``near_share`` of the content words shared): one fact
  restated, as text stitched from two sources does; or
- their sentences share enough content words and nothing marks a change over time (different
  years or months, "rose", "from ... to", "expected") or a rate ("per", "a year"), and the
  thing counted is not a span of time.
Keys with three or more different values are series, not contradictions, and are left alone.

Options
- ``min_shared`` (default 2) and ``min_share`` (default 0.5): content words (besides the
  counted noun) the two sentences must share, absolute and as a share of the shorter one.
- ``near_share`` (default 0.9): the share that makes two sentences near copies (with at least
  four shared words, and no other figure that differs).
"""

from __future__ import annotations

import re
from collections import Counter, defaultdict

from ..facts import digit_runs_of, folded_of, lazy_re, memo, memoised
from ..facts.spans import spans_of
from ..facts.numbers import Quantity, counted_noun, find_quantities, noun_after, number_matches
from ..facts.report import pair
from ..facts.words import content_key, overlap
from . import Option

OPTIONS = {"min_shared": Option(int, 2), "min_share": Option(float, 0.5), "near_share": Option(float, 0.9)}
SCOPES = ()

_CLASSES = {
    "dead": re.compile(r"\b(?:killed|dead|died|deaths?|death toll|lives|fatalities|perished|slain)\b", re.I),
    "injured": re.compile(r"\b(?:injured|wounded|hurt|injuries)\b", re.I),
}
# every toll word holds one of these (lower case): searched in the folded text before _TOLL
_TOLL_STEM = lazy_re("kill|dead|died|death|lives|fatal|perish|slain|injur|wound|hurt")
_TIME_NOUNS = frozenset("second minute hour day night week month year decade century time".split())
_TOLL = lazy_re("|".join(f"(?P<{c}>{rx.pattern})" for c, rx in _CLASSES.items()), re.I)
_PERSONS = frozenset("people person civilian resident soldier troop fighter child adult man woman victim".split())
_CHANGE = lazy_re(r"\b(?:rose|rise|rising|risen|fell|fall|falling|fallen|increas\w*|decreas\w*|grew|grow\w*|"
                     r"drop\w*|declin\w*|jump\w*|doubl\w*|up from|down from|compared|versus|vs|average|each|every|"
                     r"per|a year|a month|a day|annual\w*|target|goal|plans?|expect\w*|could|would|might|may)\b", re.I)
_TIME = lazy_re(r"\b(?:(?:19|20)\d\d|jan\w*|feb\w*|march|april|june|july|aug\w*|sept\w*|oct\w*|nov\w*|dec\w*|"
                   r"monday|tuesday|wednesday|thursday|friday|saturday|sunday|yesterday|today|"
                   r"(?:last|this|next|previous) (?:week|month|year|decade|season|quarter|summer|winter|spring|autumn)|"
                   r"earlier|later|now|currently|initially|then)\b", re.I)
_QUOTE = lazy_re(r"[\"“”]")


class Mention:
    """One countable quantity. ``words``, ``times`` and ``loose`` are read on demand: most
    quantities never meet another of their key, and these cost a regex pass over the sentence."""

    __slots__ = ("key", "q", "sent", "noun", "_words", "_context")

    def __init__(self, key, q, sent, noun, context):
        self.key = key  # (unit, counted noun or toll class)
        self.q = q  # the Quantity, offsets relative to the sentence
        self.sent = sent  # the sentence Span
        self.noun = noun
        self._words = None
        self._context = context  # the _Sentence it stands in, shared

    @property
    def words(self) -> frozenset:
        """Content-word key of the rest of the sentence."""
        if self._words is None:
            text = self.sent.text
            rest = text[:self.q.start] + " " + text[self.q.end:]
            self._words = content_key(rest) - content_key(" ".join(self.key))
        return self._words

    @property
    def times(self) -> frozenset:
        """Time expressions in the sentence."""
        return self._context.times

    @property
    def loose(self) -> bool:
        """The sentence speaks of change or rates, or counts time."""
        return self._context.change or self.noun in _TIME_NOUNS


class _Sentence:
    __slots__ = ("text", "_change", "_times")

    def __init__(self, text):
        self.text, self._change, self._times = text, None, None

    @property
    def change(self) -> bool:
        if self._change is None:
            self._change = bool(_CHANGE.search(self.text))
        return self._change

    @property
    def times(self) -> frozenset:
        if self._times is None:
            self._times = frozenset(t.lower() for t in _TIME.findall(self.text))
        return self._times


def _mentions(doc, wanted=None, tolls=False):
    """The countable quantities whose key ``wanted`` accepts (all by default), in text order;
    those in sentences that speak of change or rates, or that count time, are ``loose``.
    Sentences are read only for these: most quantities never meet another of their key.
    ``tolls``: ``wanted`` accepts toll keys only, so only the figures near a toll word need be
    read (unless every figure has been already)."""
    if tolls and not memoised(doc, "quantities"):
        cands, resolved = memo(doc, "toll quantities", lambda d: _candidates(d, tolls=True))
    else:
        cands, resolved = memo(doc, "quantities", _candidates)
    for i, (key, q, noun) in enumerate(cands):
        if wanted is None or wanted(key):
            m = resolved.get(i, False)
            if m is False:
                m = resolved[i] = _mention(doc, key, q, noun, resolved)
            if m is not None:
                yield m


def _number_hints(doc):
    """The figures and number words of the document, each with the noun after it and whether
    a toll word stands near it: all a quantity's key can be made of (``_may_share_a_key``)."""
    full, low, runs = doc.text, folded_of(doc), digit_runs_of(doc)
    if not (runs or "million" in full or "billion" in full):
        return []
    out = []
    for m in number_matches(full, low=low, runs=runs):
        s, e = m.span()
        # a qualifier stands at most 24 characters before the figure, a toll word 25 before that
        toll = low is None or _TOLL_STEM.search(low, max(0, s - 49), e + 45) is not None
        out.append((m, noun_after(full, e), toll))
    return out


def _may_share_a_key(doc) -> bool:
    """Whether two quantities could get the same key: most documents have no two figures
    before the same noun or near toll words, and need not have their figures read (years,
    ranges, qualifiers) nor placed in sentences."""
    seen = set()
    for _, noun, toll in memo(doc, "number hints", _number_hints):
        keys = {noun} if noun and noun not in _PERSONS else set()
        if toll:
            keys.update(_CLASSES)
        if not seen.isdisjoint(keys):
            return True
        seen |= keys
    return False


def _candidates(doc, tolls=False):
    """(key, quantity, counted noun) of every quantity whose words say what it counts (with
    ``tolls``, of those near a toll word only); and the table of those already placed in their
    sentence."""
    out = []
    full = doc.text
    low = folded_of(doc)
    hints = memo(doc, "number hints", _number_hints)
    if not hints:
        return out, {}
    near_toll = {id(m) for m, _, toll in hints if toll} if tolls else None
    for q in find_quantities(full, low=low, matches=[m for m, _, _ in hints],
                             wanted=None if near_toll is None else (lambda m: id(m) in near_toll)):
        noun = counted_noun(full, q)
        cls = _toll_class(full, q, low)
        if cls and (noun is None or noun in _PERSONS or noun == cls):
            key = (q.unit, cls)
        elif noun and noun not in _PERSONS:
            key = (q.unit, noun)
        else:
            continue
        out.append((key, q, noun))
    return out, {}


def _mention(doc, key, q, noun, resolved):
    """The Mention of a quantity, or None when it does not stand in a sentence that reads as
    a claim. ``resolved`` also keeps one _Sentence per sentence (shared lazy context)."""
    sent = spans_of(doc).holding(q.start, q.end)
    if sent is None:
        return None
    text = sent.text
    if not text.endswith((".", "!", "?", '"', "”", "’")):
        return None  # spec sheets, table rows and headings: figures of many things, not claims
    if "\n" in text and not _line_of(doc.text, q.start).rstrip().endswith((".", "!", "?", '"', "”", "’")):
        return None  # a list line inside a hard-wrapped block
    context = resolved.get(("sentence", sent.start))
    if context is None:
        context = resolved[("sentence", sent.start)] = _Sentence(text)
    base = sent.start  # sentence offsets from here on
    q = Quantity(q.start - base, q.end - base, q.value, q.low, q.high, q.unit, q.qualifier, q.words)
    return Mention(key, q, sent, noun, context)


_WORDS = lazy_re(r"[a-z]+")


def _restated(a, b):
    """Every word of one sentence (figures aside) is in the other: one is a copy, or a cut
    copy, of the other ("Developing a catalyst can take 10 years." / "... more than 25 years.")."""
    wa = set(_WORDS.findall((a.sent.text[:a.q.start] + " " + a.sent.text[a.q.end:]).lower()))
    wb = set(_WORDS.findall((b.sent.text[:b.q.start] + " " + b.sent.text[b.q.end:]).lower()))
    small, big = (wa, wb) if len(wa) <= len(wb) else (wb, wa)
    return len(small) >= 5 and small <= big


def _line_of(text, i):
    return text[text.rfind("\n", 0, i) + 1:(text.find("\n", i) + 1 or len(text) + 1) - 1]


def _toll_class(text, q, low=None):
    """"dead" or "injured" when the words right after ("25 people died") or just before ("killed
    25", "a death toll of 25") the number say so. ``low``: ``folded(text)``, to skip the regex
    where no toll word can be."""
    if low is not None and not _TOLL_STEM.search(low, max(0, q.start - 25), q.end + 45):
        return None  # no toll word on either side
    for window in ((q.end, q.end + 45), (max(0, q.start - 25), q.start)):
        if low is not None and not _TOLL_STEM.search(low, *window):
            continue
        m = _TOLL.search(text, *window)
        if m:
            return m.lastgroup
    return None


def check(doc, rule):
    if not _may_share_a_key(doc):
        return
    counts = Counter(key for key, _, _ in memo(doc, "quantities", _candidates)[0])
    by_key = defaultdict(list)
    for m in _mentions(doc, lambda key: counts[key] > 1):
        by_key[m.key].append(m)
    spans = spans_of(doc)
    for key, ms in by_key.items():
        if len(ms) < 2:
            continue
        series = len({round(m.q.value, 6) for m in ms}) > 2
        for i, a in enumerate(ms):
            b = next((b for b in ms[i + 1:] if _conflict(a, b, ms, spans, rule.options, series)), None)
            if b:
                yield from pair(doc, rule, (a.sent.start + a.q.start, a.sent.start + a.q.end),
                                (b.sent.start + b.q.start, b.sent.start + b.q.end),
                                f'"{a.q.words}" {key[1]}', f'"{b.q.words}"')
                break


def _conflict(a, b, mentions, spans, opts, series):
    if b.sent is a.sent or a.q.compatible(b.q) or (a.times and b.times and a.times != b.times):
        return False
    if spans.paragraph_at(a.sent.start) is spans.paragraph_at(b.sent.start):
        return False
    in_a = [m for m in mentions if m.sent is a.sent]
    in_b = [m for m in mentions if m.sent is b.sent]
    shared, share = overlap(a.words, b.words)
    cut = _restated(a, b)
    if (shared >= 4 and share >= opts["near_share"]) or cut:
        # one sentence restated: its numbers pair up in order, and only this pair differs
        # (a template filled with other figures, "5 files changed" / "3 files changed", is not);
        # a cut copy keeps only some of the other figures, each as the full sentence has it
        rest_a = sorted(q.value for q in find_quantities(a.sent.text) if q.start != a.q.start)
        rest_b = sorted(q.value for q in find_quantities(b.sent.text) if q.start != b.q.start)
        if len(in_a) != len(in_b) or in_a.index(a) != in_b.index(b):
            return False
        if cut and rest_a != rest_b:
            short, full = sorted((rest_a, rest_b), key=len)
            return len(short) < len(full) and not Counter(short) - Counter(full)
        return rest_a == rest_b
    # a sentence that also states a compatible value confirms the fact rather than contradicting it
    if series or a.loose or b.loose or any(m.q.compatible(a.q) for m in in_b) or any(
            m.q.compatible(b.q) for m in in_a):
        return False
    # shares of survey answers differ by question: percentages need closer sentences
    return shared >= opts["min_shared"] and share >= (max(opts["min_share"], 0.7) if a.q.unit == "%" else opts["min_share"])
