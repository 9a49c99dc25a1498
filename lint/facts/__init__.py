"""Fact extraction shared by the contradiction and consistency kinds: dates, numbers, names.

Everything here is regex-driven and cheap (the default pass must run at several MB/s); each
extractor returns plain tuples/dataclasses with character offsets into ``doc.text``.
"""
