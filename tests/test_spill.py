"""Corpus-pass summaries spilled to disk (lint.corpus.spill)."""

import pickle

import pytest

from lint.corpus import spill


def _blob(x):
    return pickle.dumps(x)


def test_items_come_back_in_order_by_iteration_and_index():
    items = spill.Summaries()
    data = [("a.jsonl", f"r{i}", {"n": i, "words": ["x"] * (i % 7)}) for i in range(50)]
    for path, rec, s in data:
        items.add(path, rec, _blob(s))
    assert len(items) == 50
    assert list(items) == data
    assert items[0] == data[0] and items[-1] == data[-1] and items[17] == data[17]
    assert items[3:6] == data[3:6]
    with pytest.raises(IndexError):
        items[50]
    items.close()


def test_streaming_crosses_read_blocks(monkeypatch):
    monkeypatch.setattr(spill, "_READ", 64)  # force many small reads, frames larger than one read
    items = spill.Summaries()
    data = [("p", str(i), "x" * (i * 13 % 200)) for i in range(300)]
    for path, rec, s in data:
        items.add(path, rec, _blob(s))
    assert list(items) == data
    assert list(items) == data  # a second pass reads the same


def test_store_groups_by_rule_and_closes():
    store = spill.SummaryStore()
    store.add("O401", "f", "1", _blob(None))
    store.add("C901", "f", "1", _blob({"a": 1}))
    store.add("O401", "f", "2", _blob({"b": 2}))
    assert list(store["O401"]) == [("f", "1", None), ("f", "2", {"b": 2})]
    assert store.get("missing", []) == []
    store.close()
    assert not store


def test_reading_by_index_past_the_decoded_items_kept(monkeypatch):
    monkeypatch.setattr(spill, "_RECENT", 4)  # most reads miss the kept items
    items = spill.Summaries()
    data = [("p", str(i), {"n": i}) for i in range(40)]
    for path, rec, s in data:
        items.add(path, rec, _blob(s))
    order = [(i * 7) % 40 for i in range(120)]  # every item, three times, scattered
    assert [items[i] for i in order] == [data[i] for i in order]
    items.close()
