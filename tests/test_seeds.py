"""The bundled seeds, reviewed by hand: every scraping artefact in them is flagged, and no line
of ordinary prose is. The labels below were made by reading the five articles."""

import json

import pytest

from lint.cli import main

# file -> lines holding a scraping artefact (1-based). Blank-line runs count by their first and last line.
ARTEFACT_LINES = {
    "000_30ad9f7ecbf3dbe6.txt": {3},                     # "Saturday, 11 Jan, 2020" date metadata
    "001_9f71766eb916cd8c.txt": {1, 2, 5, 7, 8, 10, 11, 17, 19, 21, 45, 47},
    # leading blanks, byline "By [Reuters](#)", date line, blank run, caption + "**Zuma / TASS**",
    # related article, sentence broken over 19-21, "Original url:", bare autolink
    "002_f9f367ef41a8fe01.txt": {3, 4},                  # agency line, byline
    "003_4f9d0c3f01a4674f.txt": {1, 6, 8, 12, 16, 17, 25, 27, 37, 38, 40, 48},
    # skip link, caption (Reuters), NBSPs (8, 12, 25, 27, 40), teaser headlines + Read More (16-17, 37-38), footer
    "004_2c86b46c5c9e9384.txt": {1, 14},                 # photo caption, linked headline with bare URL
}


@pytest.fixture(scope="module")
def findings(root):
    import contextlib
    import io

    buf = io.StringIO()
    with contextlib.redirect_stdout(buf):
        # S401: NBSPs inside article words are a style (form) finding, not artefact content
        main(["--output-format", "json", "--select", "artefact,S401", str(root / "seeds")])
    return json.loads(buf.getvalue())


@pytest.mark.parametrize("name", sorted(ARTEFACT_LINES))
def test_every_artefact_flagged_and_no_prose(findings, name):
    flagged = set()
    for f in findings:
        if f["path"].endswith(name):
            flagged.update({f["line"], f["end_line"]})
    assert flagged == ARTEFACT_LINES[name]


def test_seeds_are_verbatim_copies(root):
    """seeds/ holds the user's five articles byte for byte (compared when ../shared is present)."""
    shared = root.parent / "shared" / "seeds"
    if not shared.is_dir():
        pytest.skip("no ../shared/seeds beside this checkout")
    for p in shared.iterdir():
        assert (root / "seeds" / p.name).read_bytes() == p.read_bytes()
