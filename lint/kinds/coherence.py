"""coherence: references a reader cannot resolve, the seams of stitched or cut text.

``slip: surname-first`` — a person cited by surname alone ("..., Peskov added.") before the
text introduces them in full ("Kremlin spokesman Dmitry Peskov"): the passage was moved up or
pasted from a story that had introduced them already. Only speech contexts are checked
("X said/added/told", "said X", "according to X"); titles and headings pass.

``slip: pronoun-opening`` — a paragraph that opens with "He" or "She" although every person
the previous paragraph names is named again in that same sentence ("He said that Assad thanked
Putin" after a paragraph about Putin): "he" cannot be Putin or Assad, so it points at nobody in
the text.
"""

from __future__ import annotations

import re

from ..facts.names import capitalised_runs_of, distinct_multiword_names_of
from ..facts.report import pair
from . import Option
from ..facts import finditer_at, lazy_re, memo
from ..facts.spans import spans_of

OPTIONS = {"slip": Option(str, required=True, choices=("surname-first", "pronoun-opening"))}
SCOPES = ()

_SPEECH_WORDS = ("said says added told noted stressed explained argued insisted wrote tweeted claimed warned "
                 "continued replied").split()
# a speech verb first (found by substring search), then the bare surname before or after it
_SPEECH_RX = lazy_re(rf"\b(?:{'|'.join(_SPEECH_WORDS)}|according to)\b")
_BEFORE = lazy_re(r"(?:(?<=[,.;:!?\"”] )|(?<=\n)|^)(?P<name>[A-Z][a-z][\w'’-]+) $")
_AFTER = lazy_re(r" (?P<name>[A-Z][a-z][\w'’-]+)\b(?! [A-Z])(?!['’]s)")
# words that head a name without being a first name
_NOT_FIRST = frozenset("""President Minister Prime Spokesman Spokeswoman Secretary General Chancellor King Queen Prince
Princess Senator Sen Rep Governor Gov Mayor Judge Justice Chief Leader Director Commander Colonel Col Captain Lt
Pope Sheikh Sir Dame Lord Lady Mr Mrs Ms Dr Professor Prof Officer Agent Coach Kremlin White House The A An
Russian Syrian Iranian American British Turkish Chinese French German Israeli Ukrainian Iraqi Saudi Former Foreign
Defence Defense State Federal National Royal Deputy Vice Senior Saint St""".split())
_PRONOUN = lazy_re(r"(?:He|She) [a-z]+")


def _people(doc):
    """surname -> first full mention (start, end) of every person named in full (a copy: both
    slips read it)."""
    return dict(memo(doc, "people", _find_people))


def _find_people(doc):
    # the different names in the order of first use: the first with a surname is its first use
    out = {}
    starts, runs = capitalised_runs_of(doc)
    for run, (name, toks) in distinct_multiword_names_of(doc).items():
        if toks[-1] not in out and toks[-2] not in _NOT_FIRST and toks[-1] not in _NOT_FIRST and "-" not in toks[-2]:
            start = starts[runs.index(run)]
            out[toks[-1]] = (start + name.rfind(toks[-2], 0, len(name) - len(toks[-1])), start + len(name))
    return out


def _body_start(doc):
    # the title: a first paragraph without closing punctuation
    first = spans_of(doc).first_paragraph()
    if first is not None and not first.text.rstrip().endswith(tuple(".!?\"”’")):
        return first.end
    return 0


def check(doc, rule):
    if rule.options["slip"] == "surname-first":
        yield from _surname_first(doc, rule)
    else:
        yield from _pronoun_opening(doc, rule)


def _surname_first(doc, rule):
    text = doc.text
    people = _people(doc)
    if not people:
        return  # every slip names someone the text introduces in full
    body = _body_start(doc)
    # nobody cited by surname before their full name: the scan below would find nothing. The
    # test reads, per person, the text up to their full name: worth it when that is shorter
    # than the scan's searches of the whole text for every speech verb
    reach = sum(max(0, start - body) for start, _ in people.values())
    if reach < 8 * (len(text) - body) and not any(
            _cited_bare_before(text, name, body, start) for name, (start, _) in people.items()):
        return
    for v in finditer_at(_SPEECH_RX, text, _SPEECH_WORDS + ["according to"], start=body):
        m = _BEFORE.search(text, max(body, v.start() - 30), v.start()) or _AFTER.match(text, v.end())
        if not m:
            continue
        name, s = m["name"], m.start("name")
        if name not in people or people[name][0] < s:
            continue
        if re.search(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text[body:s]):
            continue  # named earlier already
        full = people[name]
        line = doc.position(s)[0]
        yield from pair(doc, rule, (s, s + len(name)), full, f'"{name}"', f'"{text[full[0]:full[1]]}"',
                        both=False, name=name, line=line)
        people[name] = (-1, -1)  # once per person


def _cited_bare_before(text, name, body, full_start):
    """Whether ``name`` stands as a whole word, one blank away from a speech verb ("Peskov
    said", "said Peskov"), between ``body`` and ``full_start``: a cheap test that every slip
    the speech-verb scan can report passes."""
    n = len(name)
    i = text.find(name, body, full_start + n)
    while i >= 0:
        if not _WORD_GOES_ON.match(text, i + n) and (
                text.startswith(" ", i + n) and text.startswith(_SPEECH_STARTS, i + n + 1)
                or i and text[i - 1] == " " and text.endswith(_SPEECH_STARTS, 0, i - 1)):
            return True
        i = text.find(name, i + 1, full_start + n)
    return False


_SPEECH_STARTS = tuple(_SPEECH_WORDS) + ("according to",)


_WORD_GOES_ON = lazy_re(r"[\w'’-]")


def _pronoun_opening(doc, rule):
    people = set(_people(doc))
    if not people:
        return
    spans = spans_of(doc)
    body = None
    for para in _pronoun_paragraphs(doc, spans):
        prev = spans.paragraph_at(para.start - 1)
        if prev is None:
            continue  # the first paragraph: no previous one to point at
        if body is None:
            body = _body_start(doc)
        if prev.start < body:
            continue
        named_before = {w for w in re.findall(r"[A-Z][\w'’-]+", prev.text) if w.rstrip("'’s") in people
                        or w in people}
        named_before = {w[:-2] if w.endswith(("'s", "’s")) else w for w in named_before}
        if not named_before:
            continue
        first = spans.first_from(para.start)
        if first is None:
            continue
        here = set(re.findall(r"[A-Z][\w-]+", first.text))
        if named_before <= here:
            pron = para.text.split()[0]
            yield from pair(doc, rule, (para.start, para.start + len(pron)), (prev.start, prev.end),
                            f'"{pron}"', "names " + ", ".join(sorted(named_before)), both=False,
                            names=", ".join(sorted(named_before)))


def _pronoun_paragraphs(doc, spans):
    """The paragraphs that open with "He"/"She" and a word, in order: a paragraph opens a
    line, so the lines that do are found by substring search and their paragraph looked up."""
    text = doc.text
    starts = [0] if text.startswith(("He ", "She ")) else []
    for lead in ("\nHe ", "\nShe "):
        i = text.find(lead)
        while i >= 0:
            starts.append(i + 1)
            i = text.find(lead, i + 1)
    for s in sorted(starts):
        para = spans.paragraph_at(s)
        if para is not None and para.start == s and _PRONOUN.match(para.text):
            yield para
