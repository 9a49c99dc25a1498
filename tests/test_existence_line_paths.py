"""existence's line fast paths against a plain search of every line: the patterns picked per
prefilter line by their literals, the literal test and the lines searched for whole-unit rules
on text with links (a literal that only the link text joins up), and the unless test made at
the first match."""

import random

from lint.document import Document
from lint.engine import run_rules, select_rules
from lint.kinds import existence
from lint.rules import load_rules

RULES = [r for r in select_rules(load_rules(), ["artefact"]) if r.kind == "existence" and r.scope == "line"]

PIECES = [
    "[Back](#) to top", "[Back to](#) top", "Back to top", "Photo: [Jane Doe](https://x.org)/Reuters",
    "Putin and Assad in Sochi. **Zuma / TASS**", "**Bold heading**", "**Pick-Up/Drop-Off Catering**",
    "Source: [OECD](https://oecd.org)", "Sources: the officials asked not to be named, he said.",
    "[Share](#) this article", "Share | [Tweet](#) | Email", "FILE PHOTO: A view of the Kremlin",
    "In this [photo](#): the minister", "Rescue workers search the rubble. Getty Images",
    "He shared a photo of the meeting on Telegram (Reuters)", "The talks ended (Reuters)",
    "[Image](x) by Jane", "Image by:", "* [Home](/) [News](/news)", "Stetten Wilson Photography",
    "The minister said on Tuesday that the talks would resume next week in Geneva.",
    "Syria's Bashar al-Assad with [Vladimir Putin](x) in Moscow, Russia, July 24, 2024",
    "© 2024 Example Media", "Like this:", "[Next](#) »", "Page 2 of 7", "Close", "", "   ",
    "İstanbul photo: ıı", "Rescue workers search the rubble. [Getty](x) Images", "ΑΣ [Σ](x) source: Σ", "*Featured image via [myeviajes](x)/Pixabay*",
]


def _texts(n=300, seed=11):
    rnd = random.Random(seed)
    for _ in range(n):
        yield "\n".join(rnd.choice(PIECES) for _ in range(rnd.randint(1, 20)))


def _plain(doc, rule):
    """Every line searched with the rule's whole expression, as the rule is documented."""
    rx, unless = rule.compiled[0].get(), rule.compiled[1]
    whole = rule.options["whole_unit"] or rule.options["report"] == "unit"
    max_words = rule.options["max_words"]
    out = []
    for line in doc.lines:
        text = line.text
        if max_words and (text.count(" ") > min(4 * max_words, 199) or len(text.split()) > max_words):
            continue
        if unless is not None and unless.get().search(text):
            continue
        hay = existence._LINK.sub(r"\1", text) if whole and "](" in text else text
        m = next((m for m in rx.finditer(hay) if m.end() > m.start()), None)
        if m is not None:
            s, e = ((line.start + len(text) - len(text.lstrip()), line.start + len(text.rstrip())) if whole
                    else (line.start + m.start(), line.start + m.end()))
            out.append((rule.id, s, e))
    return out


def test_line_rules_find_what_a_search_of_every_line_finds():
    for text in _texts():
        for rule in RULES:
            fast = [(f.rule, f.start, f.end) for f in run_rules(Document(text), [rule])]
            assert fast == _plain(Document(text), rule), (rule.id, text)


def test_a_prefilter_line_is_searched_with_the_patterns_its_literals_allow():
    rule = next(r for r in RULES if r.id == "A201")
    per_line = rule.compiled[9]
    assert per_line is not None
    doc = Document("**Bold heading**\nPhoto: AFP\n[x](y) **a / b**")
    lines = [0, 1, 2]
    masks = existence._line_masks(doc, per_line, lines)
    full = (1 << len(per_line[0])) - 1
    assert masks[2] == full  # a link line: every pattern (its link text may join a literal)
    assert 0 < masks[0] < full and masks[1] != masks[0]
