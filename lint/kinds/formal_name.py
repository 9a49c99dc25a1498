"""formal-name: a country's formal name used without its article, beside the short name.

Synonym spinners swap "Russia" for "Russian Federation" word for word, leaving "Russian
Federation won't tolerate ..." and "backed by Russian Federation and Iran": the formal name
needs "the", and the rest of the text says "Russia". Every article-less use is reported,
pointing at a use of the short name when there is one. Adjectival uses ("Russian Federation
Council", "United States-based") and headings pass.

Options
- ``names``: {formal name: short name} to check.
"""

from __future__ import annotations

import re

from ..facts import matches_at
from ..facts.report import related
from . import Option

OPTIONS = {"names": Option(dict, required=True, doc="formal name -> short name")}
SCOPES = ()


def prepare(rule):
    names = rule.options["names"]
    if not all(isinstance(k, str) and isinstance(v, str) for k, v in names.items()):
        raise ValueError("names: a mapping of formal name to short name")
    alt = "|".join(re.escape(k) for k in sorted(names, key=len, reverse=True))
    return re.compile(rf"(?<![\w-])(?P<the>[Tt]he\s+)?(?P<name>{alt})(?![\w-]|\s+[A-Z]|['’]s\s+[A-Z])"), {
        k: re.compile(rf"\b{re.escape(v)}\b(?![\w-])") for k, v in names.items()}, _anchors(names)


def _anchors(names):
    """A few words, one of which every formal name holds ("Republic", "United", ...): a text
    without any of them is skipped after a handful of substring searches."""
    words = {n: [w for w in n.split() if len(w) > 3 and w[0].isupper()] or [n] for n in names}
    left, out = set(names), []
    while left:  # greedy: the word most of the remaining names hold
        word = max({w for n in left for w in words[n]}, key=lambda w: (sum(w in words[n] for n in left), len(w), w))
        out.append(word)
        left = {n for n in left if word not in words[n]}
    return out


def _spots(text, anchors, names):
    """Where a match can begin: each formal name, found through its anchor word, and the "the"
    before it."""
    spots = set()
    for word in anchors:
        i = text.find(word)
        while i >= 0:
            for name in names:
                k = name.find(word)
                while k >= 0:
                    start = i - k
                    if start >= 0 and text.startswith(name, start):
                        spots.add(start)
                        j = start
                        while j and text[j - 1].isspace():
                            j -= 1
                        if j < start and j >= 3 and text[j - 3:j] in ("the", "The"):
                            spots.add(j - 3)
                    k = name.find(word, k + 1)
            i = text.find(word, i + 1)
    return spots


def check(doc, rule):
    formal, short, anchors = rule.compiled
    text = doc.text
    spots = _spots(text, anchors, rule.options["names"])
    if not spots:
        return  # every match holds a formal name
    for m in matches_at(formal, text, spots):
        if m["the"]:
            continue
        line = doc.lines[doc.position(m.start())[0] - 1]
        if line.text.lstrip().startswith("#") or not line.text.rstrip().endswith(tuple(".!?\"”’:;)")):
            continue  # a heading or a title line
        name = m["name"]
        s = short[name].search(text)
        f = rule.finding(doc, m.start("name"), m.end("name"), name=name, short=rule.options["names"][name],
                         short_line=doc.position(s.start())[0] if s else "-")
        if s:
            f.related.append(related(doc, s.start(), s.end(), "the short name"))
        yield f
