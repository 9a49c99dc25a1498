"""Speed paths of the artefact rules against the plain computations they stand for: the
lower-cased text made from UTF-8 bytes, whole-unit searches led by a newline, the lines picked
with shared printable tests, and mojibake's badness test."""

import random
import re

from lint.document import Document
from lint.engine import select_rules
from lint.kinds import existence, mojibake
from lint.prefilter import lowered
from lint.rules import load_rules

CHARS = ("abcXYZ 019.,!?*_#|>-\t\n" "\u00e9\u00c9\u00df\u2019\u201c\u201d\u2014\u00a0\u0130\u0131\u017f"
         "\u03a3\u03c3\u0100\u1e9e\ufb01\u00c3\u00a9\u00e2\u20ac\ud800\U0001f600")


def _texts(n=3000, seed=5):
    rng = random.Random(seed)
    return ["".join(rng.choice(CHARS) for _ in range(rng.randint(0, 30))) for _ in range(n)]


def test_lowered_is_str_lower():
    for text in _texts():
        doc = Document(text)
        assert lowered(doc) == doc.text.lower()
        raw = doc.__dict__.get("_lower_utf8")
        if raw is not None:
            assert raw == doc.text.lower().encode("utf-8", "surrogatepass")


WHOLE = [r for r in select_rules(load_rules(), ["artefact"])
         if r.kind == "existence" and r.scope == "line" and r.options["whole_unit"]]
LINES = ["Share", "Tweet | Email", "  **Share** ", "Read more »", "Advertisement", "Close", "Menu",
         "January 7, 2020", "Updated: 3 May 2021 10:14 GMT", "5 min read", "By AFP", "Reuters",
         "Skip to main content", "Back to top", "1 2 3 … 9", "Page 2 of 7", "Published", "on 3 May 2021",
         "share this", "x", "* Home", "The talks ended on Tuesday.", "Contents", "Loading...", "Like this:",
         "SHARE", "ſhare", "> **Advertisement**", "| Menu |", " Close", "« Prev", "Next »", "3 Comments",
         "(AP)", "Learn more", "12/05/2024", "- 5 min read", "ſkip to content", "KEEP READING", "Keep reading"]


def test_newline_led_search_finds_the_lines_of_the_plain_search():
    rng = random.Random(3)
    for rule in WHOLE:
        rx = rule.compiled[0].get()
        for _ in range(200):
            lines = [rng.choice(LINES) for _ in range(rng.randint(1, 12))]
            text = "\n".join(lines)
            plain = [m.span() for m in rx.finditer(text)]
            assert list(existence._line_matches(rx, text)) == plain


def test_picked_lines_are_those_of_few_words():
    rng = random.Random(9)
    pieces = ["w", "word", " ", "  ", "\t", "\u00a0", "\u00ad", ".", "w " * 20, "w " * 70]
    for _ in range(300):
        text = "\n".join("".join(rng.choice(pieces) for _ in range(rng.randint(0, 12)))
                         for _ in range(rng.randint(1, 12)))
        doc = Document(text)
        for max_words in (3, 12, 40, 60):
            if rng.random() < 0.5:
                doc.short_lines(max_words)  # (the spaces counted already, or not)
            lines = range(len(doc.line_texts))
            limit = min(4 * max_words, 199)
            expected = [i for i in lines if doc.line_texts[i].count(" ") <= limit
                        and len(doc.line_texts[i].split()) <= max_words]
            assert existence._pick(doc, lines, max_words) == expected


def test_short_lines_leave_out_blank_lines_of_many_spaces():
    text = "a b\n" + " " * 70 + "\nc d\n" + " " * 66 + "\t"
    for warm in (False, True):
        doc = Document(text)
        if warm:
            doc._line_tiers  # (then short_lines reads the tiers)
        assert doc.short_lines(40)[1] == [0, 2]


def test_bad_enough_is_badness_at_least():
    from ftfy.badness import badness

    samples = ["Syria\u00e2\u20ac\u2122s", "caf\u00c3\u00a9", "plain", "\u00c3\u00a9\u00c3\u00a9 \u00e2\u20ac\u0153",
               "S\u00e3o Paulo", ""]
    for minimum in (0, 1, 2, 3):
        test = mojibake._bad_enough(minimum)
        for text in samples:
            assert test(text) == (badness(text) >= minimum)


def test_look_behind_moved_past_the_first_character_matches_the_same():
    rng = random.Random(4)
    pieces = ["[", "]", "(", ")", "![", "](", "[]", "[ ](x)", "[](#a)", "<", "</div>", "`<p>", " (Reuters)",
              ". (AFP)", "x", " ", "\n", "!", "`", "Photo", "**", "\u201d (AP)"]
    parts = [r"(?:(?<!!)\[\s*\]\((?!\s*#)[^)\n]+\))", r"(?:(?<!!)\[([^\]\n]*)\]\(\s*(?:#|)\s*\))",
             r"(?:(?<![.!?\"\u201d])\s\((?:photo:?\s*)?[^()\n]{0,40}\b(?:reuters|afp|ap)\)\s*$)",
             r"(?:(?<!`)</?(?:div|p)\b[^>]*>)", r"(?:(?<=[a-z])\]\(x\))"]
    for part in parts:
        led = existence._literal_led(part)
        assert led != part
        for flags in (0, re.IGNORECASE | re.MULTILINE):
            a, b = re.compile(part, flags), re.compile(led, flags)
            for _ in range(300):
                text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
                assert [(m.span(), m.groups()) for m in a.finditer(text)] == \
                    [(m.span(), m.groups()) for m in b.finditer(text)]


def test_substitution_searches_only_patterns_whose_literals_are_there():
    from lint.kinds import substitution

    rules = [r for r in select_rules(load_rules(), ["artefact"]) if r.kind == "substitution"]
    rng = random.Random(6)
    pieces = ["&amp;", "&AMP;", "&nbsp;", "&#39;", "&#039;", "&", "amp;", " ", "x", "\u200b", "\u200c", "\u0627",
              "\u00ad", "\x07", "\x85", "&rsquo;", "&lt;b&gt;", "\u0130", "\ufeff"]
    for _ in range(400):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 20)))
        for rule in rules:
            fast = [(f.start, f.end, f.message) for f in substitution.check(Document(text), rule)]
            plain_doc = Document(text)
            plain_doc.__dict__["_folded"] = None  # no literal scan: every pattern is searched
            plain = [(f.start, f.end, f.message) for f in substitution.check(plain_doc, rule)]
            assert fast == plain
