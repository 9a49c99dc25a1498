"""langdetect with its language profiles packed: the same detector, a tenth of the memory.

langdetect keeps its profiles as a dict of ~175,000 n-grams, each mapped to a list of 55 floats
(one per language, nearly all zero): ~58 MB of Python objects in every process that detects,
the largest table seedlint loads. Here the n-grams are a `lint.spelling.packed.Packed` list and
each one's non-zero probabilities are stored sparsely (language numbers in one bytes object,
probabilities as doubles in one array), ~5 MB, read and never written, so workers forked from a
warmed process share it untouched. Lookups rebuild the 55 floats an n-gram had, bit for bit, so
`detect_langs` returns exactly what langdetect's own factory returns. The packed form is cached
beside the vocabulary (`lint.spelling.vocabulary.cached`), rebuilt when langdetect changes.

Use: ``init()`` once (instead of ``langdetect.detector_factory.init_factory()``), then
``langdetect.detect_langs`` as usual.
"""

from __future__ import annotations

from array import array
from collections.abc import Mapping
from pathlib import Path

from .spelling.packed import Packed, pack


class Profiles(Mapping):
    """n-gram -> [probability per language], as langdetect's ``word_lang_prob_map``."""

    def __init__(self, ngrams: tuple, langs: int, starts: bytes, which: bytes, probs: bytes):
        self.ngrams = Packed(*ngrams)
        self.langs = langs
        self.starts = memoryview(starts).cast("I")  # n-gram i's entries: starts[i] to starts[i + 1]
        self.which = which  # language number of each entry
        self.probs = memoryview(probs).cast("d")

    def __contains__(self, ngram) -> bool:
        return isinstance(ngram, str) and self.ngrams.find(ngram) >= 0

    def __getitem__(self, ngram: str) -> list:
        i = self.ngrams.find(ngram) if isinstance(ngram, str) else -1
        if i < 0:
            raise KeyError(ngram)
        row = [0.0] * self.langs
        which, probs = self.which, self.probs
        for k in range(self.starts[i], self.starts[i + 1]):
            row[which[k]] = probs[k]
        return row

    def __iter__(self):
        return iter(self.ngrams)

    def __len__(self) -> int:
        return len(self.ngrams)


def init():
    """Install a langdetect factory with the packed profiles, unless one is installed."""
    from langdetect import detector_factory

    if detector_factory._factory is None:
        langlist, table = _cached()
        factory = detector_factory.DetectorFactory()
        factory.langlist = list(langlist)
        factory.word_lang_prob_map = Profiles(*table)
        detector_factory._factory = factory


def _cached():
    from langdetect import detector_factory

    from .spelling.vocabulary import cached

    folder = Path(detector_factory.PROFILES_DIRECTORY)
    return cached("langprofiles", min(folder.iterdir()), lambda: _build(folder), version="1")


def _build(folder: Path):
    """(languages, `Profiles`' arguments) from langdetect's own loading of ``folder``."""
    from langdetect.detector_factory import DetectorFactory

    factory = DetectorFactory()
    factory.load_profile(str(folder))
    table = factory.word_lang_prob_map
    ngrams = sorted(table)
    if any("\n" in g for g in ngrams):
        raise ValueError("an n-gram holds a newline")
    starts, which, probs = array("I", [0]), bytearray(), array("d")
    for g in ngrams:
        for lang, p in enumerate(table[g]):
            if p != 0.0:
                which.append(lang)
                probs.append(p)
        starts.append(len(probs))
    langs = len(factory.langlist)
    return tuple(factory.langlist), (pack(ngrams), langs, starts.tobytes(), bytes(which), probs.tobytes())
