"""Inline suppression comments: disable / enable / disable-next-line / disable-line."""

import pytest

from lint.engine import lint_text

NAV = "Skip to main content"


def lines_flagged(rules, text, rule="A101"):
    _, found = lint_text(text, rules, path="a.md")
    return [f.line for f in found if f.rule == rule]


def test_without_comments_everything_is_reported(rules):
    assert lines_flagged(rules, f"{NAV}\n\n{NAV}\n") == [1, 3]


def test_disable_next_line_skips_blank_lines(rules):
    text = f"<!-- seedlint: disable-next-line=A101 -->\n\n{NAV}\n\n{NAV}\n"
    assert lines_flagged(rules, text) == [5]


def test_disable_line(rules):
    text = f"{NAV} <!-- seedlint: disable-line=A1 -->\n\n{NAV}\n"
    assert lines_flagged(rules, text) == [3]


@pytest.mark.parametrize("selector", ["A101", "A1", "artefact", "navigation-text", "A10*", ""])
def test_disable_enable_region_with_any_selector(rules, selector):
    eq = f"={selector}" if selector else ""
    text = f"{NAV}\n\n<!-- seedlint: disable{eq} -->\n{NAV}\n\n{NAV}\n<!-- seedlint: enable -->\n\n{NAV}\n"
    assert lines_flagged(rules, text) == [1, 9]


def test_disable_other_rule_does_not_silence(rules):
    text = f"<!-- seedlint: disable=A303,typo -->\n{NAV}\n"
    assert lines_flagged(rules, text) == [2]


def test_enable_one_rule_after_disabling_all(rules):
    text = (f"<!-- seedlint: disable -->\n{NAV}\nhttps://example.com/a-page\n"
            f"<!-- seedlint: enable=A101 -->\n{NAV}\nhttps://example.com/b-page\n")
    assert lines_flagged(rules, text) == [5]
    assert lines_flagged(rules, text, "A303") == []


def test_directive_itself_is_never_a_finding(rules):
    _, found = lint_text("Text.\n\n<!-- seedlint: disable=A999 -->\n\nMore text.\n", rules, path="a.md")
    assert not [f for f in found if f.line == 3]


def test_plain_text_with_comment_works_too(rules):
    _, found = lint_text(f"<!-- seedlint: disable-next-line=A101 -->\n{NAV}\n", rules, path="a.txt")
    assert not [f for f in found if f.rule == "A101"]


def test_a_finding_around_a_directive_is_not_silenced_by_it(rules):
    """Only findings inside the comment are the directive's own; a paragraph-wide finding that
    merely contains a directive for another rule is still reported."""
    from lint import suppress
    from lint.document import Document
    from lint.finding import Finding

    doc = Document("Para <!-- seedlint: disable-line=A303 --> text.\n", path="a.md")
    around = Finding("a.md", 1, 1, 1, 48, "A101", "artefact", "warning", "m", start=0, end=47)
    inside = Finding("a.md", 1, 6, 1, 20, "A305", "artefact", "warning", "m", start=5, end=19)
    assert suppress.apply(doc, [around, inside], rules) == [around]

