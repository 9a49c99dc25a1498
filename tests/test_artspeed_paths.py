"""Speed paths added for the artefact rules against the plain computations they stand for:
expressions compiled from remembered code (prefilter.compile_pattern), line-anchored searches
tried at line starts only, mojibake's smaller literal gate, and the document's views."""

import random
import re

from lint import prefilter
from lint.document import Document
from lint.engine import select_rules
from lint.kinds import existence, mojibake
from lint.rules import load_rules

# the usual suspects: Kelvin sign, dotted I, long s, CR, line separator, NBSP, mojibake
TRICKY = ("abcXYZ 019.,!?*_#|>-:/()[]\t\n\r" "\u212a\u0130\u0131\u017f\u2028\u00a0\u00e9\u00c9\u2019\u201c"
          "\u201d\u2014\u00c3\u00a9\u00e2\u20ac\u0080\u009d")
RULES = select_rules(load_rules(), ["ALL"])
EXISTENCE = [r for r in RULES if r.kind == "existence"]
WORDS = ["By", "by", "Photo:", "Source: OECD", "Reuters", "Share", "Read more", "January 7, 2020", "Advertisement",
         "Skip to main content", "KELVIN", "\u212aelvin", "\u0130stanbul", "ſhare", "**", "[x](#)", "(AP)", "said"]


def _texts(n, seed):
    rng = random.Random(seed)
    out = []
    for _ in range(n):
        parts = [rng.choice(WORDS) if rng.random() < 0.4 else rng.choice(TRICKY) for _ in range(rng.randint(0, 40))]
        out.append("".join(p if len(p) == 1 else " " + p for p in parts))
    return out


def test_compile_pattern_is_re_compile():
    texts = _texts(150, 1)
    for rule in EXISTENCE:
        source, flags = rule.compiled[0].source, rule.compiled[0].flags
        plain = re.compile(source, flags)
        for rx in (prefilter.compile_pattern(source, flags),
                   prefilter._program(source, prefilter._programs()[f"{int(flags)}:{source}"])):  # as a later run loads it
            assert (rx.pattern, rx.flags, rx.groups, rx.groupindex) == (plain.pattern, plain.flags, plain.groups,
                                                                       plain.groupindex)
            assert rx == plain  # (patterns compare their flags, source and code)
            for text in texts:
                assert [m.span() + m.groups() for m in rx.finditer(text)] == \
                       [m.span() + m.groups() for m in plain.finditer(text)]


def test_compile_pattern_raises_what_re_raises():
    for bad in ("(", "a{2,1}", "(?<=a+)b"):
        try:
            re.compile(bad)
        except re.error as e:
            expected = str(e)
        try:
            prefilter.compile_pattern(bad)
        except re.error as e:
            assert str(e) == expected
        else:
            raise AssertionError(f"{bad!r} compiled")


def test_compile_pattern_survives_a_damaged_entry():
    source = r"(?P<w>\w+) (?i:kelvin)"
    prefilter.compile_pattern(source)
    prefilter._programs()[f"0:{source}"] = (32, [1, 2, 3], 0, {}, (None,))  # not valid code
    assert prefilter.compile_pattern(source).findall("x \u212aelvin y KELVIN") == ["x", "y"]



def test_compile_pattern_keeps_bytes_and_str_sources_apart():
    assert prefilter.compile_pattern(b"abc") == re.compile(b"abc")
    assert prefilter.compile_pattern("b'abc'") == re.compile("b'abc'")  # (its key would be that of b"abc")
    assert prefilter.compile_pattern("b'abc'").search("abc") is None

ANCHORED = [r for r in EXISTENCE if r.scope == "line" and not r.options["whole_unit"] and r.compiled[10]]


def test_anchored_spans_are_those_of_finditer():
    assert ANCHORED  # (bylines, captions, credits: rules whose every pattern opens with ^)
    rng = random.Random(4)
    lines = _texts(300, 2) + ["", " ", "By Jane Doe", "**By [Jane Doe](/author/jane)**", "Reporting by Tom Lee;",
                              "Staff Writer", "in this photo: x", "\u00a9 AFP", "Photo: Reuters"]
    for rule in ANCHORED:
        rx = rule.compiled[0].get()
        for _ in range(150):
            text = "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 10)))
            got = existence._anchored_spans(rx, text)
            plain = [m.span() for m in rx.finditer(text)]
            assert got is None or got == plain
            if got is None:  # only when some match is empty
                assert any(s == e for s, e in plain)


def test_anchored_spans_after_empty_and_newline_ending_matches():
    for rx in (re.compile(r"^\s*", re.M), re.compile(r"^a\n|^b", re.M), re.compile(r"\Aa|^b", re.M)):
        for text in ("a\nb\nb", "\n\nb", "a\n", "b\u2028b\nb", "x\nb\r\nb", ""):
            got = existence._anchored_spans(rx, text)
            assert got is None or got == [m.span() for m in rx.finditer(text)]


def test_mojibake_gate_holds_a_literal_of_every_suspect_pair():
    literals = mojibake._suspect_pair_ids().literals
    chars = set(mojibake._expand(mojibake._PAIR)) | set(mojibake._expand(mojibake._SECONDS)) | set(TRICKY)
    for a in chars:
        for b in chars:
            if mojibake._SUSPECT.match(a + b):
                low = (a + b).lower()
                assert any(lit in low for lit in literals), a + b


def test_mojibake_findings_with_and_without_the_gate():
    rule = next(r for r in RULES if r.kind == "mojibake")
    for text in ["Syria\u00e2\u20ac\u2122s", "caf\u00c3\u00a9", "\u201cquote\u201d \u2014 ok", "\u00c3\u00a9\u2028x",
                 "\u212a \u00c3\u00a9", "\u0130 caf\u00c3\u00a9"]:
        doc = Document(text)
        hits = prefilter.present(doc)
        gated = hits is not None and hits.isdisjoint(rule.compiled.set)
        plain = [(f.start, f.end, f.message) for f in mojibake.check(Document(text), rule)]
        assert not (gated and plain), text


def test_views_are_computed_once_and_cached():
    doc = Document("One two\r\n\r\nThree\u2028four\n")
    first = doc.line_starts
    assert doc.line_starts is first and doc.__dict__["line_starts"] is first
    assert Document.lines.__doc__ and isinstance(Document.__dict__["lines"], type(Document.__dict__["line_starts"]))
    assert [s.text for s in doc.lines] == doc.text.split("\n")


def test_to_json_is_json_dumps_of_to_dict():
    import json

    from lint.finding import Finding, Fix

    rng = random.Random(7)
    strings = ["", "x", "\u212a\u0130\u017f", "a\"b\\c", "\r\n\t\u2028\u00a0", "\x00\x1f\x7f", "\ud800", "€ “q”"]
    for _ in range(500):
        fix = rng.choice([None, Fix(rng.randint(0, 9), rng.randint(0, 9), rng.choice(strings), rng.random() < 0.5)])
        f = Finding(rng.choice(strings), 1, 2, 3, 4, "A1", "artefact", "warning", rng.choice(strings),
                    rng.choice(strings), fix=fix, record=rng.choice([None, "r1", rng.choice(strings), 7]),
                    score=rng.choice([None, None, 0.123456]))
        if rng.random() < 0.2:
            f.related.append({"line": 3, "message": rng.choice(strings)})
        if rng.random() < 0.2:
            f.suggestions.append(rng.choice(strings))
        assert f.to_json() == json.dumps(f.to_dict(), ensure_ascii=False)


def test_lines_of_byte_offsets_are_the_lines_of_the_literals():
    """The one scan reads the lower-cased text's UTF-8 bytes: the lines it names are those a
    plain search of the lower-cased text finds the literals on."""
    literals = ["read more", "photo", "\u00e9t\u00e9", "\u2019s", "k", "\u00a0by", "\u017f"]
    ids = prefilter.register(literals)
    if ids is None:  # (without the scanning package there is no one scan)
        return
    rng = random.Random(11)
    pieces = ["Read More", "PHOTO", "\u00c9T\u00c9", "\u2019s", "\u212a", "\u00a0by", "\u017f", "\n", "\r\n", "\u2028",
              " x ", "\u0130", "\ud800", "\U0001f600", "caf\u00c3\u00a9"]
    for _ in range(400):
        doc = Document("".join(rng.choice(pieces) for _ in range(rng.randint(0, 25))))
        low = prefilter.lowered(doc)
        if len(low) != len(doc.text):
            continue  # (callers leave such texts to the plain search)
        plain = set()
        for lit in literals:
            i = low.find(lit)
            while i != -1:
                plain.add(low.count("\n", 0, i))
                i = low.find(lit, i + 1)
        assert prefilter.lines_of(doc, ids) == plain, doc.text
        assert prefilter.lines_of(doc, ids, cap=len(plain)) == plain
        if plain:
            assert prefilter.lines_of(doc, ids, cap=len(plain) - 1) is None


def test_footer_gate_look_ahead_finds_what_the_plain_search_finds():
    rng = random.Random(13)
    lines = _texts(200, 3) + ["Share", "* Tweet | Email", "**Advertisement**", "Read more \u00bb", "Learn more",
                              "\u00a9 2024 Site", "_Contact us_", "> Subscribe now", "| Menu |", "- 5 min read"]
    for anchor in (r for r in EXISTENCE if r.scope == "line" and r.options["whole_unit"]):
        body, flags = "|".join(anchor.compiled[0].parts), anchor.compiled[0].flags
        first = prefilter.first_char_class(body, flags, same_flags=True)
        if first is None:
            continue
        plain = re.compile(r"\n(?:[^\w\n]|_)*(?:" + body + ")", flags)
        ahead = re.compile(r"\n(?:[^\w\n]|_)*(?=" + first + ")(?:" + body + ")", flags)
        for _ in range(60):
            text = "\n" + "\n".join(rng.choice(lines) for _ in range(rng.randint(1, 8)))
            assert [m.span() for m in ahead.finditer(text)] == [m.span() for m in plain.finditer(text)]


def test_caches_of_other_versions_are_pruned(tmp_path, monkeypatch):
    import os

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    folder = tmp_path / "seedlint"
    folder.mkdir()
    for i in range(12):  # other versions' files, oldest first
        for suffix in (".json", "-re1-2.marshal"):
            f = folder / f"prefilter-{i}-{i}-py311{suffix}"
            f.write_text("{}")
            os.utime(f, (1000 + i, 1000 + i))
    (folder / "unrelated.json").write_text("{}")
    monkeypatch.setattr(prefilter, "_MEMO_NEW", {"x": 1})
    prefilter._save_memo()
    names = sorted(p.name for p in folder.iterdir())
    assert "unrelated.json" in names and os.path.basename(prefilter._memo_path()) in names
    current = os.path.basename(prefilter._memo_path())
    kept = [n for n in names if n.startswith("prefilter-") and n.endswith("py311.json") and n != current]
    assert kept == sorted(f"prefilter-{i}-{i}-py311.json" for i in range(12 - prefilter._KEEP, 12))
    assert sum(n.endswith(".marshal") for n in names) == 12  # (the other kind is pruned when it is saved)
