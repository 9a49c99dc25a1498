"""Fast paths of the artefact rules that must not change findings: the engine's literal gate,
the gate characters of mojibake and substitution, existence's word-count shortcut and its
look-behind pre-test."""

import random
import re

import pytest

from lint.document import Document
from lint.engine import run_rules, select_rules
from lint.kinds import existence, mojibake
from lint.rules import load_rules

RULES = select_rules(load_rules(), ["artefact"])

PIECES = [
    "Skip to main content", "Read more »", "Share this article", "[Read more](https://x.org/a)",
    "Photo: Jane Doe/Reuters", "Advertisement", "Comments", "12 Comments", "Reply", "Jane says:",
    "March 10, 2021 at 7:57 AM", "## Share this", "**Tags**", "- [a](#)", "Â©2024 Ã©tÃ© cafÃ©",
    "don’t “quote” — dash", "zero\u200bwidth", "ctrl\x07char", "a&amp;b", "\u00a0nbsp", "İstanbul ıı",
    "The minister said on Tuesday that the talks would resume next week in Geneva.",
    "the sentence goes on", "", "", "   ", "By John Smith", "Published: March 3, 2024",
    "© 2024 Example Media. All rights reserved.", "javascript:void(0)", "<div>", "Ä Ö Ü ß ẞ",
]


def _texts(n=300, seed=7):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "\n".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 25)))


def _key(findings):
    return sorted((f.rule, f.start, f.end, f.message) for f in findings)


def test_engine_gate_finds_what_every_rule_finds_when_called():
    for text in _texts():
        called = [f for rule in RULES for f in rule.check(Document(text))]
        assert _key(run_rules(Document(text), RULES)) == _key(called), text


def test_mojibake_gate_pairs_are_every_pair_the_pattern_matches():
    def members(cls):
        rx = re.compile(f"[{cls}]")
        return {chr(c) for c in range(0x10000) if rx.match(chr(c))}

    for cls in (mojibake._PAIR, mojibake._LEADS, mojibake._SECONDS):
        assert members(cls) == set(mojibake._expand(cls))


@pytest.mark.parametrize("text,limit", [
    ("a b c", 3), ("a b c", 2), (" a b ", 2), ("a  b", 1), ("a\tb c", 2), ("a\u00a0b", 1),
    ("one two three four five six", 5), ("x " * 40, 39), ("x " * 40, 40), ("", 0), (" ", 0),
])
def test_word_limit_shortcut_agrees_with_split(text, limit):
    assert existence._at_most_words(text, limit, text.count(" ")) == (len(text.split()) <= limit)


def test_look_behind_pretest_answers_like_the_pattern():
    pretest = existence._pretest([r"(?:(?<=\n)(?:[ \t]*\n){2,}(?=[ \t]*\S))"], re.MULTILINE)
    original = re.compile(r"(?<=\n)(?:[ \t]*\n){2,}(?=[ \t]*\S)", re.MULTILINE)
    for text in ["a\n\n\nb", "a\n \n\t\nb", "a\n\nb", "\n\n\nb", "a\n\n\n", "x\n\n\n\n  y"]:
        assert bool(pretest.get().search(text)) == bool(original.search(text)), repr(text)
    assert existence._pretest([r"(?:(?<=\n)a|b)"], 0) is None  # an alternation at the top: no


def test_duplicate_signatures_from_the_whole_text_match_unit_by_unit():
    from lint.kinds import duplicate
    from lint.prefilter import folded

    for text in _texts(200, seed=3):
        text += "\n\nA wrapped paragraph that goes\non to a second line, and ends.\n\nA wrapped paragraph that goes\non to a second line, and ends."
        for scope in ("paragraph", "line"):
            plain = Document(text)
            unit_by_unit = duplicate._maybe_repeated(plain, scope)  # no lower-cased text yet
            fast = Document(text)
            folded(fast)
            whole = duplicate._maybe_repeated(fast, scope)
            assert [u[:2] for u in whole] == [u[:2] for u in unit_by_unit]


def test_texts_with_characters_lower_cannot_stand_for_are_not_folded():
    from lint.prefilter import _FOLD_UNSAFE_CHARS, folded

    for c in _FOLD_UNSAFE_CHARS:
        assert folded(Document(f"caf\u00e9 {c} text")) is None


def test_paragraph_lines_are_the_lines_each_paragraph_spans():
    for text in list(_texts(200, seed=5)) + ["a\nb.\n\nc", "one.\n\n\ntwo.\nthree.", ""]:
        doc = Document(text)
        spans = [(doc.position(p.start)[0] - 1, doc.position(max(p.start, p.end - 1))[0] - 1) for p in doc.paragraphs]
        assert doc.paragraph_lines == spans


def test_the_scan_tells_links_as_the_text_does():
    from lint.prefilter import present

    for text in list(_texts(100, seed=9)) + ["[a](b)", "x ](y", "no link", "İ [a](b)"]:
        scanned = Document(text)
        present(scanned)
        assert scanned.has_links == ("](" in text)
