"""Fact extraction shared by the contradiction and consistency kinds: dates, numbers, names.

Everything here is regex-driven and cheap (the default pass must run at several MB/s); each
extractor returns plain tuples/dataclasses with character offsets into ``doc.text``.
"""


def memo(doc, name, compute):
    """Compute a fact table once per document, whichever rule asks first."""
    cache = doc.__dict__.setdefault("_facts", {})
    if name not in cache:
        cache[name] = compute(doc)
    return cache[name]


class lazy_re:
    """A regular expression compiled on first use, so that importing the kinds stays fast."""

    def __init__(self, pattern, flags=0):
        self.pattern, self.flags, self._rx = pattern, flags, None

    def __getattr__(self, name):
        if self._rx is None:
            import re

            self._rx = re.compile(self.pattern, self.flags)
        return getattr(self._rx, name)
