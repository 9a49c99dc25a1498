"""The misspelling kind's shortcuts agree with the plain computation: the words it skips by a
set difference are those no document can make a finding of."""

import random

import pytest

from lint.engine import lint_text
from lint.kinds import typo
from lint.spelling import known, vocabulary


@pytest.fixture
def t101(rules):
    return next(r for r in rules if r.id == "T101")


@pytest.mark.parametrize("names", [("codespell",), ()])
def test_skipped_words_are_the_common_and_frequent_settled_words_no_list_names(names):
    vocab, lists = vocabulary.load(), known.load(names)
    skipped = typo._skipped(vocab, names, lists)
    plain = {w for w, z in zip(vocab.words, vocab.zipfs) if z >= typo.SAFE_ZIPF or (
        z >= typo.SKIP_ZIPF and typo._is_settled_word(w, vocab) and lists.get(w) is None)}
    assert skipped == plain
    assert "the" in skipped and "goverment" not in skipped


def _findings(rule, texts, skip: bool, monkeypatch):
    monkeypatch.setattr(typo, "_skip", {})
    monkeypatch.setattr(typo, "_cleared", {})
    if not skip:
        monkeypatch.setattr(typo, "_skipped", lambda *a: frozenset())
    return [[(f.start, f.end, f.message) for f in lint_text(t, [rule])[1]] for t in texts]


def test_skipping_finds_what_judging_every_word_finds(t101, root, monkeypatch):
    vocab = vocabulary.load()
    rng = random.Random(7)
    frequent = [w for w, z in zip(vocab.words, vocab.zipfs) if typo.SKIP_ZIPF <= z < typo.SAFE_ZIPF]
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    # words of Zipf 3 to 3.6, settled or not, once each, beside typos and the words they slip from
    for _ in range(20):
        words = rng.sample(frequent, 60) + ["goverment", "vist", "visit", "recieve", "untill"]
        rng.shuffle(words)
        texts.append(" ".join(words) + ".")
    assert _findings(t101, texts, True, monkeypatch) == _findings(t101, texts, False, monkeypatch)
