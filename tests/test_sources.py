"""Bad input never crashes seedlint and never loses data."""

import json

from lint.cli import main
from lint.sources import decode


def run(capsys, *args):
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_invalid_utf8_is_read_with_replacement_and_reported_at_its_line(tmp_path, capsys):
    p = tmp_path / "bad.txt"
    p.write_bytes(b"Fine first line.\nErdo\xc4an met Putin.\n")
    code, out, err = run(capsys, "--output-format", "json", "--select", "A406", str(p))
    found = json.loads(out)
    assert code == 1 and [(f["rule"], f["line"], f["column"]) for f in found] == [("A406", 2, 5)]
    assert p.read_bytes() == b"Fine first line.\nErdo\xc4an met Putin.\n"  # never rewritten


def test_decode_keeps_offsets_with_crlf():
    src = decode("x", b"ab\r\ncd\xffe\r\n")
    assert src.decode_errors and src.text.replace("\r\n", "\n")[src.decode_errors[0][0]] == "\ufffd"


def test_binary_file_is_skipped_with_a_notice(tmp_path, capsys):
    (tmp_path / "img.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00IHDR")
    (tmp_path / "ok.txt").write_text("Skip to main content\n")
    code, out, err = run(capsys, str(tmp_path))
    assert "img.txt: binary file" in err and "A101" in out and code == 1


def test_empty_file_is_fine(tmp_path, capsys):
    p = tmp_path / "empty.txt"
    p.write_text("")
    assert run(capsys, str(p))[0] == 0


def test_missing_path_exits_2_after_linting_the_rest(tmp_path, capsys):
    ok = tmp_path / "ok.txt"
    ok.write_text("Skip to main content\n")
    code, out, err = run(capsys, str(tmp_path / "nope.txt"), str(ok))
    assert code == 2 and "A101" in out and "nope.txt: no such file or directory" in err


def test_unreadable_file_exits_2(tmp_path, capsys, monkeypatch):
    p = tmp_path / "locked.txt"
    p.write_text("text")
    real_open = open

    def deny(path, *a, **k):
        if str(path) == str(p):
            raise PermissionError(13, "Permission denied")
        return real_open(path, *a, **k)

    monkeypatch.setattr("builtins.open", deny)
    code, out, err = run(capsys, str(p))
    assert code == 2 and "locked.txt: cannot read: Permission denied" in err


def test_crlf_and_bom_positions(tmp_path, capsys):
    p = tmp_path / "win.txt"
    p.write_bytes("\ufeffTitle\r\n\r\nSkip to main content\r\nThe end.\r\n".encode("utf-8"))
    code, out, err = run(capsys, "--output-format", "json", str(p))
    found = {f["rule"]: f for f in json.loads(out)}
    assert (found["A101"]["line"], found["A101"]["column"], found["A101"]["end_column"]) == (3, 1, 21)
    assert (found["A402"]["line"], found["A402"]["column"]) == (1, 1)  # the BOM, reported, not hidden


def test_utf16_file_with_bom_is_decoded():
    src = decode("x", "Skip to main content".encode("utf-16"))
    assert src.text == "Skip to main content" and src.skipped is None


def test_long_single_line_completes(tmp_path, capsys):
    p = tmp_path / "long.txt"
    p.write_text(("word " * 400_000) + "Read More »")  # 2 MB on one line; bench/ runs 50 MB
    code, out, err = run(capsys, str(p))
    assert code == 0 and err == ""


def test_stdin(monkeypatch, capsys):
    import io
    import sys

    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(b"Skip to main content\n")))
    code, out, err = run(capsys, "--stdin-filename", "page.md", "-")
    assert code == 1 and out.startswith("page.md:1:1:")
