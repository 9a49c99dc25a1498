"""typo-compound: a bare verb where a hyphenated compound needs its participle.

News writes "US-backed forces", "Iran-funded militias", "UN-brokered truce": a name or an
acronym, a hyphen and a past participle, used as an adjective. Dropping the ending
("the US-support Kurdish forces") leaves a real word, so no dictionary check can see it; this
kind knows the participles that form such compounds and flags the bare stem after a
capitalised first part, suggesting the participle. A capital that opens a sentence is not
taken for a name unless the whole first part is capitals ("Open-back headphones" is fine).

Options
- ``participles``: the past participles to watch (regular ones: the stem is derived,
  ``supported`` -> ``support``, ``based`` -> ``base``, ``controlled`` -> ``control``,
  ``allied`` -> ``ally``).
- ``irregular``: ``{stem: participle}`` for the others (``lead: led``).
"""

from __future__ import annotations

import re

from ..finding import Fix
from . import Option

OPTIONS = {
    "participles": Option(list, required=True),
    "irregular": Option(dict, {}),
}


def prepare(rule):
    stems = {}
    for p in rule.options["participles"]:
        if not (isinstance(p, str) and p.isalpha() and p.islower() and p.endswith("ed")):
            raise ValueError(f"participles: {p!r} is not a regular participle (lower case, -ed)")
        for stem in _stems(p):
            stems[stem] = p
    for stem, p in rule.options["irregular"].items():
        if not (isinstance(stem, str) and isinstance(p, str) and stem.isalpha() and p.isalpha()):
            raise ValueError(f"irregular: {stem!r}: {p!r} must map a stem to a participle")
        stems[stem] = p
    alts = "|".join(sorted(map(re.escape, stems), key=len, reverse=True))
    # A hyphen, the bare stem, then a following word. The pattern opens with the hyphen, which
    # C finds fast; the capitalised first part (name, acronym) is read back from the hyphen.
    rx = re.compile(rf"-({alts})(?![\w-])(?=[ \t]+[\w“\"'])")
    return rx, stems


def _stems(participle: str):
    base = participle[:-2]
    yield base + "e" if participle.endswith(("sed", "ved", "ced", "ged", "ated", "ired")) else base
    if participle.endswith("ied"):
        yield participle[:-3] + "y"
    if len(base) > 2 and base[-1] == base[-2]:
        yield base[:-1]


def check(doc, rule):
    rx, stems = rule.compiled
    text = doc.text
    for m in rx.finditer(text):
        s, e = _first_part(text, m.start()), m.end()
        if s is None:
            continue
        first, stem = text[s:m.start()], m.group(1)
        if not first.isupper() and _starts_sentence(text, s):
            continue  # "Open-back headphones": a capital that only opens a sentence
        right = f"{first}-{stems[stem]}"
        f = rule.finding(doc, s, e, fix=Fix(s, e, right, safe=False), suggestion=right)
        f.suggestions = [right]
        yield f


def _first_part(text: str, hyphen: int):
    """Where the part before the hyphen starts: a capital (A-Z) not glued to a word or hyphen
    before it, then letters, digits and dots ("US", "U.N.", "Iran"); None if there is none."""
    k = hyphen
    while k and (text[k - 1].isalnum() or text[k - 1] in "_."):
        k -= 1
    # the leftmost capital that starts the run or follows one of its dots
    for p in range(k, hyphen):
        if "A" <= text[p] <= "Z" and (p == k and (not p or text[p - 1] != "-") or p > k and text[p - 1] == "."):
            return p
    return None


def _starts_sentence(text: str, i: int) -> bool:
    before = text[max(0, text.rfind("\n", 0, i) + 1):i].rstrip(" \t*_#>-•\"“'(")
    return not before or before.endswith((".", "!", "?", ":"))
