"""The packed langdetect profiles give langdetect's own answers."""

import pytest

pytest.importorskip("langdetect")

from langdetect import DetectorFactory, detector_factory  # noqa: E402

from lint import langprofiles  # noqa: E402

TEXTS = [
    "The council approved the budget on Tuesday after a long debate about road repairs.",
    "Ceci est un paragraphe écrit en français pour voir si la détection reste la même.",
    "Dies ist ein deutscher Absatz, der prüfen soll, ob die Spracherkennung gleich bleibt.",
    "Este es un párrafo en español que comprueba que el resultado no cambia en absoluto.",
    "これは日本語の文章です。言語の判定が同じであることを確かめます。",
    "Это русский текст, который проверяет, что определение языка не меняется.",
    "12 34 56",
]


@pytest.fixture(scope="module")
def factories():
    own = detector_factory.DetectorFactory()
    own.load_profile(detector_factory.PROFILES_DIRECTORY)
    langs, table = langprofiles._cached()
    packed = detector_factory.DetectorFactory()
    packed.langlist, packed.word_lang_prob_map = list(langs), langprofiles.Profiles(*table)
    return own, packed


def test_every_ngram_has_langdetects_probabilities(factories):
    own, packed = factories
    assert packed.langlist == own.langlist
    table = packed.word_lang_prob_map
    assert len(table) == len(own.word_lang_prob_map)
    for ngram, row in own.word_lang_prob_map.items():
        assert ngram in table and table[ngram] == row
    assert "\x00zz" not in table and 3 not in table
    with pytest.raises(KeyError):
        table["\x00zz"]


def test_detection_is_unchanged(factories, monkeypatch):
    monkeypatch.setattr(DetectorFactory, "seed", 0)
    results = []
    for factory in factories:
        monkeypatch.setattr(detector_factory, "_factory", factory)
        out = []
        for text in TEXTS:
            try:
                out.append([(lang.lang, lang.prob) for lang in detector_factory.detect_langs(text)])
            except Exception as e:  # the same failure, too
                out.append(type(e).__name__)
        results.append(out)
    assert results[0] == results[1]
    assert results[0][1][0][0] == "fr"


def test_init_installs_the_packed_factory_once(monkeypatch):
    monkeypatch.setattr(detector_factory, "_factory", None)
    langprofiles.init()
    factory = detector_factory._factory
    assert isinstance(factory.word_lang_prob_map, langprofiles.Profiles)
    langprofiles.init()
    assert detector_factory._factory is factory
