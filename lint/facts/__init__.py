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
