"""--fix / --diff: conflict resolution, fixed point, file safety (atomic, mode, CRLF, BOM)."""

import os
import stat

import pytest
from hypothesis import given, strategies as st

from lint import fixer
from lint.cli import main
from lint.engine import lint_text, select_rules
from lint.finding import Finding, Fix


def _finding(fix, rule="X1"):
    return Finding("p", 1, 1, 1, 2, rule, "artefact", "warning", "m", start=fix.start, end=fix.end, fix=fix)


@st.composite
def text_and_fixes(draw):
    text = draw(st.text(alphabet="ab \n", min_size=0, max_size=40))
    n = len(text)
    fixes = []
    for _ in range(draw(st.integers(0, 8))):
        s = draw(st.integers(0, n))
        e = draw(st.integers(s, n))
        fixes.append(Fix(s, e, draw(st.sampled_from(["", "X", "YY\n"]))))
    return text, fixes


@given(text_and_fixes())
def test_resolve_keeps_a_maximal_non_overlapping_set_and_text_outside_is_untouched(case):
    text, fixes = case
    accepted = [f.fix for f in fixer.resolve([_finding(f) for f in fixes])]
    # non-overlapping, sorted
    for a, b in zip(accepted, accepted[1:]):
        assert a.end <= b.start and not (a.start == a.end == b.start == b.end)
    # maximal: every skipped edit overlaps (or shares an insertion point with) an accepted one
    for f in fixes:
        if f not in accepted:
            assert any(f.start < a.end and a.start < f.end or (f.start == f.end and f.start in (a.start, a.end))
                       or (f.start, f.end, f.replacement) == (a.start, a.end, a.replacement) for a in accepted)
    new = fixer.apply_fixes(text, accepted)
    # rebuild: the text between accepted spans is copied verbatim, in order
    pos, rebuilt = 0, []
    for a in accepted:
        rebuilt += [text[pos:a.start], a.replacement]
        pos = a.end
    assert new == "".join(rebuilt) + text[pos:]


def test_resolution_does_not_depend_on_rule_order():
    fixes = [_finding(Fix(0, 10, ""), "B"), _finding(Fix(3, 5, "x"), "A"), _finding(Fix(0, 10, ""), "A")]
    one = fixer.resolve(fixes)
    two = fixer.resolve(list(reversed(fixes)))
    assert [(f.rule, f.fix) for f in one] == [(f.rule, f.fix) for f in two] == [("A", Fix(0, 10, ""))]


def test_unsafe_fixes_need_the_flag_and_prose_deletions_wait_for_it():
    safe, unsafe = _finding(Fix(0, 1, "")), _finding(Fix(1, 2, "", safe=False))
    assert fixer.chosen([safe, unsafe]) == [safe]
    assert fixer.chosen([safe, unsafe], unsafe=True) == [safe, unsafe]
    prose = "The minister said on Tuesday that the talks would resume next week in Geneva.\n"
    delete_it = _finding(Fix(0, len(prose), ""))
    assert fixer.chosen([delete_it], text=prose) == []
    assert fixer.chosen([delete_it], unsafe=True, text=prose) == [delete_it]
    chrome = "Russian President Vladimir Putin with Bashar al-Assad in Sochi. **Zuma / TASS**\n"
    assert fixer.chosen([_finding(Fix(0, len(chrome), ""))], text=chrome) != []


def test_crlf_offsets_map_through_pairs():
    raw = "ab\r\ncd\ref\r\n"
    norm = raw.replace("\r\n", "\n").replace("\r", "\n")
    to_raw = fixer.raw_offsets(raw)
    assert [raw[to_raw(i)] for i in range(len(norm))] == ["a", "b", "\r", "c", "d", "\r", "e", "f", "\r"]
    # "cd" + its lone CR become "X" + the file's CRLF; the other line ends are left alone
    assert fixer.apply_fixes(raw, [Fix(3, 6, "X\n")], "\r\n", to_raw) == "ab\r\nX\r\nef\r\n"
    assert fixer.apply_fixes(raw, [Fix(0, 3, "")], "\r\n", to_raw) == "cd\ref\r\n"


def _seed_rules(rules):
    return select_rules(rules)


def test_fix_file_keeps_crlf_bom_mode_and_untouched_bytes(tmp_path, rules):
    selected = _seed_rules(rules)
    body = ("Skip to main content\r\n\r\nThe talks resumed on Tuesday in Geneva, officials said.\n"
            "Advertisement\r\n\r\nBoth sides\u00a0agreed to meet again.\r\n")
    path = tmp_path / "a.txt"
    path.write_bytes(b"\xef\xbb\xbf" + body.encode("utf-8"))
    os.chmod(path, 0o640)
    assert main(["--isolated", "--fix", str(path)]) in (0, 1)
    raw = path.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    out = raw[3:].decode("utf-8")
    assert "Skip to main content" not in out and "Advertisement" not in out
    # the untouched line keeps its lone LF, the others their CRLF
    assert "The talks resumed on Tuesday in Geneva, officials said.\n" in out
    assert "officials said.\r\n" not in out
    assert out.endswith("to meet again.\r\n")
    assert not [p for p in os.listdir(tmp_path) if p != "a.txt"]  # no temporary file left behind
    _, again = lint_text(raw[3:].decode("utf-8"), selected)
    assert not [f for f in fixer.chosen(again, text=out) if f.fix.safe]


def test_utf16_files_stay_utf16(tmp_path):
    path = tmp_path / "u.txt"
    text = "Skip to main content\n\nThe talks resumed on Tuesday in Geneva, officials said.\n"
    path.write_bytes(text.encode("utf-16"))
    main(["--isolated", "--fix", str(path)])
    raw = path.read_bytes()
    assert raw[:2] in (b"\xff\xfe", b"\xfe\xff")
    assert raw.decode("utf-16") == "The talks resumed on Tuesday in Geneva, officials said.\n"


def test_invalid_utf8_is_never_written(tmp_path, capsys):
    path = tmp_path / "bad.txt"
    data = b"Skip to main content\n\nCaf\xe9 talks resumed on Tuesday.\n"
    path.write_bytes(data)
    main(["--isolated", "--fix", str(path)])
    assert path.read_bytes() == data
    assert "invalid UTF-8" in capsys.readouterr().err


def test_diff_changes_nothing_and_fix_is_idempotent(tmp_path, root, capsys):
    folder = tmp_path / "seeds"
    folder.mkdir()
    for p in sorted((root / "seeds").iterdir()):
        (folder / p.name).write_bytes(p.read_bytes())
    before = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert main(["--isolated", "--diff", str(folder)]) == 1
    diff = capsys.readouterr().out
    assert diff.startswith("--- ") and "\n-Skip to main content\n" in diff
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == before
    main(["--isolated", "--fix", str(folder)])
    once = {p.name: p.read_bytes() for p in folder.iterdir()}
    assert once != before
    capsys.readouterr()
    assert main(["--isolated", "--diff", str(folder)]) == 0
    assert capsys.readouterr().out == ""
    main(["--isolated", "--fix", str(folder)])
    assert {p.name: p.read_bytes() for p in folder.iterdir()} == once


def test_stdin_is_fixed_to_stdout(monkeypatch, capsys):
    import io
    import sys

    data = "Skip to main content\n\nThe talks resumed on Tuesday in Geneva, officials said.\n"
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data.encode())))
    main(["--isolated", "--fix", "-"])
    assert capsys.readouterr().out == "The talks resumed on Tuesday in Geneva, officials said.\n"


def test_cleaned_copy_path_is_never_the_input():
    assert fixer.cleaned_path("data/news.jsonl") == "data/news.fixed.jsonl"
    assert fixer.cleaned_path("news.jsonl.gz") == "news.fixed.jsonl.gz"
    assert fixer.cleaned_path("a.parquet") == "a.fixed.parquet"


def test_fix_text_for_records_iterates_to_a_fixed_point(rules):
    selected = _seed_rules(rules)
    text = "Advertisement\n\nThe talks resumed on Tuesday in Geneva, officials said.\n"
    _, found = lint_text(text, selected)
    # one round deletes the advertisement label, which leaves a leading blank line for the next round
    assert fixer.fix_text(text, found) == "\nThe talks resumed on Tuesday in Geneva, officials said.\n"
    relint = lambda t: lint_text(t, selected)[1]  # noqa: E731
    assert fixer.fix_text(text, found, relint=relint) == "The talks resumed on Tuesday in Geneva, officials said.\n"


def _corpus_rows():
    return [{"id": "a", "meta": {"src": "x"},
             "text": "Skip to main content\n\nThe talks resumed on Tuesday in Geneva, officials said.\n"},
            {"id": "b", "text": "Clean text about the talks in Geneva, which resumed on Tuesday.\n"}]


def test_jsonl_corpus_is_fixed_into_a_cleaned_copy(tmp_path):
    import gzip
    import json

    rows = _corpus_rows()
    lines = [json.dumps(rows[0]), "{not json", json.dumps(rows[1], separators=(",", ":"))]
    src = tmp_path / "news.jsonl.gz"
    with gzip.open(src, "wt", encoding="utf-8") as fh:
        fh.write("\n".join(lines) + "\n")
    before = src.read_bytes()
    main(["--isolated", "--fix", str(src)])
    assert src.read_bytes() == before  # never in place
    out = gzip.open(tmp_path / "news.fixed.jsonl.gz", "rt", encoding="utf-8").read().splitlines()
    assert json.loads(out[0]) == {**rows[0], "text": "The talks resumed on Tuesday in Geneva, officials said.\n"}
    assert out[1:] == lines[1:]  # the invalid line and the clean record, byte for byte


def test_parquet_corpus_is_fixed_into_a_cleaned_copy(tmp_path):
    pa = pytest.importorskip("pyarrow")
    import pyarrow.parquet as pq

    rows = _corpus_rows()
    src = tmp_path / "news.parquet"
    pq.write_table(pa.Table.from_pylist([{k: v for k, v in r.items() if k != "meta"} for r in rows]), src)
    before = src.read_bytes()
    main(["--isolated", "--fix", str(src)])
    assert src.read_bytes() == before
    out = pq.read_table(tmp_path / "news.fixed.parquet").to_pylist()
    assert [r["text"] for r in out] == ["The talks resumed on Tuesday in Geneva, officials said.\n", rows[1]["text"]]
