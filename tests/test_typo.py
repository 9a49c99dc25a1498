"""The typo rules on the seeds and on the cases editors care about: names, British spellings,
URLs and code stay silent; real slips are found with the right first suggestion."""

import os

import pytest

from lint.config import Settings
from lint.engine import lint_text
from lint.spelling import packed, suggest, variants, vocabulary


@pytest.fixture(scope="module")
def typo_rules(rules):
    return {r.id: r for r in rules if r.category == "typo"}


@pytest.fixture(scope="module")
def core(typo_rules):
    """T101 with every known-misspelling list off: the dictionary detector alone."""
    return {**typo_rules, "T101": _with_lists(typo_rules["T101"], [])}


def typos(rules, text, ids=("T101",), settings=None):
    _, findings = lint_text(text, [rules[i] for i in ids], settings=settings)
    return findings


def test_seeds_find_vist_and_us_support_with_right_suggestions(typo_rules, root):
    found = []
    for path in sorted((root / "seeds").glob("*.txt")):
        _, fs = lint_text(path.read_text(encoding="utf-8"), list(typo_rules.values()), path=path.name)
        found += [(f.excerpt, f.suggestions[0]) for f in fs]
    assert ("vist", "visit") in found
    assert ("US-support", "US-supported") in found
    assert len(found) == 2, found  # no name, British spelling or rare word in the seeds fires


@pytest.mark.parametrize("typo,meant", [
    ("vist", "visit"), ("widley", "widely"), ("acurately", "accurately"), ("teh", "the"),
    ("becuase", "because"), ("wich", "which"), ("goverments", "governments"), ("arive", "arrive"),
    ("bothe", "both"), ("comercial", "commercial"),
])
def test_first_suggestion_is_the_intended_word(core, typo, meant):
    fs = typos(core, f"Officials said the {typo} was noted in the report.")
    assert fs and fs[0].suggestions[0] == meant
    assert fs[0].fix is not None and fs[0].fix.replacement == meant and not fs[0].fix.safe


@pytest.mark.parametrize("text", [
    "Peskov and Erdoğan met at Hmeymim; SANA and TASS reported it.",
    "She travelled to the neighbouring town to see the theatre and the colour guard.",
    "Calls for deoccupation and statehood grew among the microinverter makers.",
    "Write to vist@example.org or see https://example.com/vist and www.vist.org/a.",
    "Run `recieve --all` first.",
    "[Details](https://example.com/goverment) are online.",
    "The vist-style plan and the 3vist code stayed.",
    "Sooooo good, it was amazingggg.",
])
def test_names_rare_words_and_non_prose_stay_silent(typo_rules, text):
    assert typos(typo_rules, text) == []


def test_recurring_word_is_taken_as_intended(typo_rules):
    once = "The vist ended early."
    assert typos(typo_rules, once)
    assert typos(typo_rules, once + " Another vist followed.") == []


def test_possessive_is_judged_by_its_stem(typo_rules):
    fs = typos(typo_rules, "The goverments' plans failed, but the country's economy grew.")
    assert [f.excerpt for f in fs] == ["goverments"]
    fs = typos(typo_rules, "The vist's end came, but the country’s economy grew.")
    assert [(f.excerpt, f.suggestions[0]) for f in fs] == [("vist's", "visit's")]


def test_word_used_elsewhere_makes_the_slip_likelier(core):
    # "goverment" is common on the web; alone it passes, beside "government" it is a slip.
    assert typos(core, "The goverment met.") == []
    fs = typos(core, "The goverment met. The government said so.")
    assert [f.suggestions[0] for f in fs] == ["government"]


def test_accept_and_reject_words_from_settings(typo_rules):
    text = "The vist ended; the Manger team met in the manger."
    assert typos(typo_rules, text, settings=Settings(accept_words=["vist"])) == []
    fs = typos(typo_rules, text, settings=Settings(reject_words=["Manger"]))
    assert sorted(f.excerpt for f in fs) == ["Manger", "vist"]
    fs = typos(typo_rules, text, settings=Settings(reject_words=["manger"]))
    assert sorted(f.excerpt for f in fs) == ["Manger", "manger", "vist"]


def _with_lists(rule, lists):
    return type(rule)(**{**rule.__dict__, "options": {**rule.options, "misspelling_lists": lists}})


def test_unknown_misspelling_list_is_refused(typo_rules):
    with pytest.raises(ValueError):
        typo_rules["T101"].module.prepare(_with_lists(typo_rules["T101"], ["nope"]))


def test_codespell_list_adds_common_web_misspellings(typo_rules):
    pytest.importorskip("codespell_lib")
    rule = _with_lists(typo_rules["T101"], ["codespell"])
    _, fs = lint_text("The goverment will seperate the groups.", [rule])
    assert [(f.excerpt, f.suggestions[0]) for f in fs] == [("goverment", "government"), ("seperate", "separate")]


@pytest.mark.parametrize("want,text,expected", [
    ("us", "The colour of the centre; she travelled.", ["color", "center", "traveled"]),
    ("gb", "The color of the center; he traveled.", ["colour", "centre", "travelled"]),
    ("any", "The colour of the center.", []),
])
def test_spelling_preference(typo_rules, want, text, expected):
    fs = typos(typo_rules, text, ids=("T103",), settings=Settings(spelling=want))
    assert [f.suggestions[0] for f in fs] == expected


def test_variants_never_map_distinct_words():
    zipf = vocabulary.load().zipf
    assert variants.counterpart("four", "us", zipf) is None
    assert variants.counterpart("filled", "us", zipf) is None
    assert variants.counterpart("organize", "gb", zipf) is None  # Oxford -ize is British too


def test_slip_cost_prefers_dropped_letters_and_keeps_first_letter():
    assert suggest.slip_cost("vist", "visit") < suggest.slip_cost("vist", "vast")
    assert suggest.slip_cost("vist", "vast") < suggest.slip_cost("vist", "list")
    assert suggest.slip_cost("teh", "the") < suggest.slip_cost("teh", "ten")


def test_compound_participle(typo_rules):
    fs = typos(typo_rules, "Fighters of the Iran-back militia and the US-led coalition.", ids=("T102",))
    assert [(f.excerpt, f.suggestions[0]) for f in fs] == [("Iran-back", "Iran-backed")]


def test_vocabulary_cache_is_built_once_and_reused(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = []
    real_build = vocabulary._build
    monkeypatch.setattr(vocabulary, "_build", lambda: built.append(1) or real_build())
    first = vocabulary._cached("vocab", vocabulary._build)
    again = vocabulary._cached("vocab", vocabulary._build)
    assert built == [1] and first == again
    words, zipfs, common = vocabulary._pack(*first)
    vocab = vocabulary.Vocabulary(packed.Packed(*words), zipfs, common.split("\n"))
    assert vocab.zipf("visit") > vocab.zipf("vist") > 0 and vocab.zipf("qzxv") == 0
    assert "the" in vocab.common and "vist" not in vocab.common
    assert list((tmp_path / "seedlint").glob("vocab-*.bin"))


def test_doubled_word_inside_a_longer_word_is_not_a_repeat(typo_rules):
    fs = typos(typo_rules, "He came to sit it it out, then The the the end.", ids=("T104",))
    assert [f.excerpt for f in fs] == ["it it", "The the"]
    assert [f.fix.replacement for f in fs] == ["it", "The"]


def test_one_edit_test_agrees_with_the_edit_neighbourhood():
    import random

    rnd = random.Random(4)
    for _ in range(3000):
        a, b = ("".join(rnd.choice("abc'") for _ in range(rnd.randint(1, 5))) for _ in range(2))
        assert suggest._one_edit(a, b) == (b in suggest.edits1(a)), (a, b)


def test_edit_index_finds_exactly_the_known_words_one_edit_away():
    import random

    vocab = vocabulary.load()
    rnd = random.Random(7)
    words = rnd.sample(vocab.words, 300) + ["vist", "dont", "a", "qzxvk", "teh", "it's", "x'y"]
    words += [w[:1] + w[2:] for w in words[:100] if len(w) > 2]  # unknown strings too
    for word in words:
        assert suggest.one_edit_neighbours(word, vocab) == vocab.among(suggest.edits1(word)), word


@pytest.mark.parametrize("word", ["goverment", "visti", "recieve", "acurately", "widley"])
def test_common_neighbours_are_the_common_words_one_edit_away(word):
    vocab = vocabulary.load()
    every = vocab.among(suggest.edits1(word))
    common = {w for w in every if vocab.zipf(w) >= suggest.DELETES_MIN_ZIPF}
    assert suggest.common_neighbours(word, vocab) == common


def test_mapped_cache_is_built_once_and_works_without_a_writable_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    built = []
    for _ in range(2):
        data = vocabulary._mapped("t", lambda: built.append(1) or b"\x01\x00\x00\x00")
        assert bytes(data) == b"\x01\x00\x00\x00"
    assert built == [1]
    blocker = tmp_path / "file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # the cache folder cannot be made
    assert bytes(vocabulary._mapped("t", lambda: b"\x02\x00\x00\x00")) == b"\x02\x00\x00\x00"


def test_versioned_cache_rebuilds_on_a_new_version_and_keeps_the_old(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = tmp_path / "data.txt"
    source.write_text("x")
    built = []
    for version in ("a", "a", "b", "a"):
        vocabulary.cached("t", source, lambda v=version: built.append(v) or v, version=version)
    assert built == ["a", "b"]  # "a" kept while "b" was built: no rebuild in turn


def test_cache_keeps_the_newest_builds_of_other_copies_of_the_data(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = tmp_path / "data.txt"
    source.write_text("x")
    for stamp in range(1, 8):  # the data reinstalled: same size, a new modification time
        os.utime(source, (stamp * 1000, stamp * 1000))
        vocabulary.cached("t", source, lambda: "v")
        os.utime(next(iter(sorted((tmp_path / "seedlint").glob(f"t-*-{stamp * 1000}.bin")))), (stamp, stamp))
    kept = sorted(p.name for p in (tmp_path / "seedlint").glob("t-*.bin"))
    assert kept == [f"t-{vocabulary.FORMAT}-1-{s * 1000}.bin" for s in range(3, 8)]


@pytest.mark.parametrize("suffix", [".bin", ".map"])
def test_cache_in_use_outlives_newer_builds_of_throw_away_copies(tmp_path, monkeypatch, suffix):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    source = tmp_path / "data.txt"
    source.write_text("x")
    monkeypatch.setattr(vocabulary, "_source", lambda: source)
    folder = tmp_path / "seedlint"

    def load(stamp):  # the cache for the copy of the data installed at time ``stamp``
        os.utime(source, (stamp * 1000, stamp * 1000))
        if suffix == ".bin":
            vocabulary.cached("t", source, lambda: "v")
        else:
            vocabulary._mapped("t", lambda: b"\x01\x00\x00\x00")
        return next(folder.glob(f"t-*-{stamp * 1000}{suffix}"))

    os.utime(load(1), (1, 1))  # built long ago ...
    load(1)  # ... and used now
    for stamp in range(2, 8):  # throw-away copies, built once each
        os.utime(load(stamp), (stamp, stamp))
    kept = sorted(int(p.name.rsplit("-", 1)[1][:-len(suffix)]) // 1000 for p in folder.glob(f"t-*{suffix}"))
    assert kept == [1, 4, 5, 6, 7]


def test_packed_words_find_each_word_and_nothing_else():
    words = ["a", "ab", "abc", "b", "café", "it's", "naïve", "x" * 40] + [f"w{i}" for i in range(500)]
    table = packed.Packed(*packed.pack(words))
    assert len(table) == len(words) and list(table) == words and table[-1] == words[-1]
    assert [table.find(w) for w in words] == list(range(len(words)))
    for other in ["", "abcd", "c", "cafe", "its", "w500", "W1", "\udc80", "a\nab"]:
        assert table.find(other) == -1 and other not in table
    assert packed.Packed(*packed.pack([])).find("a") == -1


def test_vocabulary_ids_follow_the_sorted_words():
    vocab = vocabulary.load()
    words = list(vocab.words)
    assert words == sorted(words)
    for i in range(0, len(words), 997):
        assert vocab.find(words[i]) == i and vocab.zipf(words[i]) == vocab.zipfs[i] > 0
