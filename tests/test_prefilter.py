"""The pre-filters derived from rule patterns never skip a text the pattern matches."""

import random
import re
import sys

import pytest

from lint.document import Document
from lint.prefilter import FOLD_UNSAFE, first_char_class, folded, required_literals
from lint.rules import load_rules


def test_fold_unsafe_lists_every_char_that_re_equates_with_an_ascii_letter():
    every = "".join(map(chr, range(128, sys.maxunicode + 1))).replace("\ud800", "")
    for letter in "abcdefghijklmnopqrstuvwxyz":
        for ch in re.findall(letter, every, re.IGNORECASE):
            assert ch.lower() == letter or FOLD_UNSAFE.match(ch), ch


@pytest.mark.parametrize("pattern, flags, expected", [
    (r"read more\W*", re.I, {"read more"}),
    (r"photos? (?:by|credit)", re.I, {"photo by", "photo credit", "photos by", "photos credit"}),
    (r"(?:Skip|Jump) to content", 0, {"skip to content", "jump to content"}),
    (r"\w+ said", 0, {" said"}),
    (r"x(?=full story)", re.I, {"full story"}),
    (r"\w+", 0, None),
    (r"a|\d", 0, None),
    (r"[A-Z][a-z]+", 0, None),
])
def test_required_literals(pattern, flags, expected):
    got = required_literals(pattern, flags)
    assert (None if got is None else set(got)) == expected


def _patterns():
    out = []
    for rule in load_rules():
        o = rule.options
        flags = re.IGNORECASE if o.get("ignorecase") else 0
        texts = rule.examples.get("flag", []) + rule.examples.get("pass", [])
        for p in list(o.get("patterns", [])) + list(o.get("swap", {})):
            out.append((rule.id, p, flags, texts))
    return out


@pytest.mark.parametrize("rid, pattern, flags, texts", _patterns())
def test_every_match_holds_a_required_literal_and_starts_with_a_first_char(rid, pattern, flags, texts):
    rx = re.compile(pattern, flags | re.M)
    lits = required_literals(pattern, flags)
    first = first_char_class(pattern, flags)
    first_rx = re.compile(first) if first else None
    rng = random.Random(rid)
    variants = list(texts) + [t.upper() for t in texts] + [t.swapcase() for t in texts]
    variants += ["".join(rng.sample(t, len(t))) for t in texts for _ in range(3)]
    for text in variants:
        low = folded(Document(text))
        for m in rx.finditer(text):
            if lits is not None and low is not None:
                assert any(lit in low for lit in lits), (text, lits)
            if first_rx is not None and m.end() > m.start():
                assert first_rx.match(text, m.start()), (text, first)


def test_unsafe_texts_are_not_folded():
    assert folded(Document("plain")) == "plain"
    assert folded(Document("Ca\u0131rd")) is None  # dotless i: re.I equates it with "i"
    assert folded(Document("İstanbul")) is None  # lower() lengthens it
    assert folded(Document("Café “quoted”")) == "café “quoted”"


def test_one_scan_search_finds_every_occurrence():
    pytest.importorskip("ahocorasick_rs")
    from lint import prefilter

    literals = ["photo", "hot", "©"]
    ids = prefilter.register(literals)
    doc = Document("Photo © photos hot")
    hits = prefilter.occurrences(doc, folded(doc), "lower")
    found = {lit: hits.get(prefilter._REGISTRY.ids[lit], []) for lit in literals}
    assert set(ids) == {prefilter._REGISTRY.ids[lit] for lit in literals}
    assert found == {"photo": [0, 9], "hot": [1, 10, 16], "©": [6]}  # offsets in the UTF-8 bytes ("©" takes two)


def test_findings_do_not_depend_on_the_scanning_package(tmp_path):
    """The pure-Python fallback (no ahocorasick_rs) must report exactly what the one-scan path does."""
    pytest.importorskip("ahocorasick_rs")
    import json
    import subprocess
    import sys
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    sample = tmp_path / "sample.md"  # seeds plus every rule's flag/pass examples: many literals hit
    from lint.rules import load_rules
    texts = [p.read_text(encoding="utf-8") for p in sorted((root / "seeds").glob("*.txt"))]
    for rule in load_rules():
        texts += [*rule.examples.get("flag", []), *rule.examples.get("pass", [])]
    sample.write_text("\n\n".join(texts), encoding="utf-8")
    run = ("import sys; {block}from lint.cli import main; "
           "sys.argv = ['seedlint', '--select', 'artefact', '--no-cache', '--output-format', 'json', {path!r}]; "
           "main()")

    def findings(block):
        out = subprocess.run([sys.executable, "-c", run.format(block=block, path=str(sample))],
                             capture_output=True, text=True, cwd=root)
        assert out.returncode in (0, 1), out.stderr
        return json.loads(out.stdout)

    with_package = findings("")
    without = findings("sys.modules['ahocorasick_rs'] = None; ")
    assert len(with_package) > 50
    assert without == with_package


def test_registered_ids_survive_a_trip_to_a_fresh_process():
    """Compiled rules are pickled to Ray workers: their literal ids must be valid there too."""
    pytest.importorskip("ahocorasick_rs")
    import pickle
    import subprocess
    import sys

    from lint import prefilter

    prefilter.register(["zzfiller-one", "zzfiller-two"])  # ids the fresh process will not have
    blob = pickle.dumps(prefilter.register(["skip to main content"]))
    code = ("import pickle, sys; from lint import prefilter; from lint.document import Document; "
            "ids = pickle.loads(sys.stdin.buffer.read()); d = Document('x. Skip to main content'); "
            "print(sorted(i for i in prefilter.occurrences(d, d.text.lower(), 'lower') if i in ids))")
    out = subprocess.run([sys.executable, "-c", code], input=blob, capture_output=True)
    assert out.returncode == 0, out.stderr
    assert out.stdout.decode().strip() == "[0]"
