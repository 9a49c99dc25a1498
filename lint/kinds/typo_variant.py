"""typo-variant: a British spelling in a text meant to be American, or the other way round.

Both varieties are correct, so this kind is silent unless the configuration prefers one
(``spelling: us`` or ``spelling: gb`` in ``[tool.seedlint]`` / ``.seedlint.yaml``; the
default ``any`` accepts both). Then every lower-case or capitalised word spelt the other way
(``colour``/``color``, ``centre``/``center``, ``travelled``/``traveled``,
``analyse``/``analyze``, ``defence``/``defense``, ...) is reported with the preferred form.
-ise is British and -ize is both (Oxford spelling), so ``gb`` leaves -ize alone.
"""

from __future__ import annotations

import re

from ..finding import Fix

OPTIONS = {}
TEXT_EXAMPLES = False  # needs a configuration; tested in tests/test_typo.py
_TOKEN = re.compile(r"(?<![\w'’-])[A-Za-z][a-z]+(?![\w'’-])")


def check(doc, rule):
    settings = getattr(doc, "settings", None)
    want = getattr(settings, "spelling", "any")
    if want not in ("us", "gb"):
        return
    from ..spelling import variants, vocabulary

    zipf = vocabulary.load().zipf
    seen = {}
    for m in _TOKEN.finditer(doc.text):
        token = m.group()
        word = token.lower()
        if word not in seen:
            seen[word] = variants.counterpart(word, want, zipf)
        other = seen[word]
        if other is None:
            continue
        if token[0].isupper():
            other = other.capitalize()
        s, e = m.span()
        f = rule.finding(doc, s, e, fix=Fix(s, e, other), suggestion=other, variety=want.upper())
        f.suggestions = [other]
        yield f
