"""Whole-document gates of the contradiction and style kinds skip only documents where the full
check finds nothing, and the partial reads they allow equal the full ones."""

import random
from pathlib import Path

from lint.document import Document
from lint.facts.names import strip_accents
from lint.kinds import name_variants, quantity

SEEDS = sorted((Path(__file__).resolve().parents[1] / "seeds").glob("*.txt"))
_WORDS = ["people", "troops", "were", "killed", "died", "injured", "more than", "about", "nearly", "$", "%",
          "million", "half a million", "two", "in", "2015", "and", "the", "report", "said", "soldiers", "dead",
          "wounded", "per cent", "\n\n", ".", ","]


def _texts():
    yield from (p.read_text(encoding="utf-8") for p in SEEDS)
    rng = random.Random(5)
    for _ in range(300):
        yield " ".join(rng.choice(_WORDS) if rng.random() < 0.7 else str(rng.randint(2, 500_000))
                       for _ in range(rng.randint(5, 120)))


def test_quantity_gate_passes_every_document_with_a_repeated_key():
    for text in _texts():
        doc = Document(text)
        keys = [key for key, _, _ in quantity._candidates(doc)[0]]
        if len(set(keys)) < len(keys):
            assert quantity._may_share_a_key(doc), text


def test_toll_quantities_are_the_toll_keyed_quantities_of_the_whole_list():
    def tolls(cands):
        return [(key, q) for key, q, _ in cands if key[1] in ("dead", "injured")]

    for text in _texts():
        whole = quantity._candidates(Document(text))[0]
        assert tolls(quantity._candidates(Document(text), tolls=True)[0]) == tolls(whole)


def test_quotes_and_dashes_lose_no_accent():
    # name-variants skips its accented-word scan in texts whose only characters outside ASCII
    # are these: strip_accents must leave them as they are
    for c in "‘’“”—–":
        assert strip_accents(f"Putin{c}s") == f"Putin{c}s"
        assert not name_variants._MAY_LOSE_ACCENTS.search(f"Putin{c}s")
    assert name_variants._MAY_LOSE_ACCENTS.search("Erdoğan") and name_variants._MAY_LOSE_ACCENTS.search("a\u00a0b")


def test_people_from_the_different_names_equal_those_read_from_every_use():
    from lint.facts.names import multiword_names_of
    from lint.kinds import coherence

    texts = list(_texts()) + [
        "Maria Lopez said. Lopez's aide, Dr Maria Lopez and President Maria Lopez met Tom Lopez; Maria Lopez "
        "and Prime Minister Tom Becker-Smith, Al Assad and Bashar al-Assad. Bashar Al Assad said Maria Lopez."]
    for text in texts:
        doc = Document(text)
        want = {}
        for n in multiword_names_of(doc):  # the reading of every use, in order
            toks = n.tokens
            if toks[-2] not in coherence._NOT_FIRST and toks[-1] not in coherence._NOT_FIRST and "-" not in toks[-2]:
                want.setdefault(toks[-1], (n.start + n.text.rfind(toks[-2], 0, len(n.text) - len(toks[-1])), n.end))
        assert coherence._find_people(Document(text)) == want
