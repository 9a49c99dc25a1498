"""Artefact detection: the page-chrome kind, the prefilter, and what the seeds must show."""

from pathlib import Path

import pytest

from lint.engine import lint_text, select_rules
from lint.kinds.boilerplate import CHROME, PROSE, SHORT, line_class

PROSE_LINE = ("The minister resigned on Tuesday after a week of pressure from his own party, "
              "the opposition and the unions, aides said.")
MENU = "\n".join(f"* [{w}](/{w.lower()})" for w in ("Home", "World", "Business", "Sport", "Culture", "Contact"))
FOOTER = "\n".join(f"[{w}](/{w.lower()})" for w in ("About", "Careers", "Privacy", "Advertise"))


def flagged_lines(rules, text, rule_id):
    _, found = lint_text(text, select_rules(rules, [rule_id]))
    return sorted({n for f in found for n in range(f.line, f.end_line + 1)})


@pytest.mark.parametrize("text, expected", [
    ("* [Home](/)", CHROME),
    ("[![](https://x.com/fb.png)](https://facebook.com/x)", CHROME),
    ("Read the [report](https://x.com/r) that the ministry published on Monday with a long commentary.", PROSE),
    ("## Heightened tensions", SHORT),
    ("\u200d", SHORT),  # an invisible character is not chrome
    ("* * *", SHORT),
])
def test_line_class(text, expected):
    assert line_class(text, 0.5, 12) == expected


def test_whole_page_scrape_keeps_the_article_and_cuts_the_frame(rules):
    article = ["# Minister resigns", "By Jane Doe", PROSE_LINE, "## Reaction", PROSE_LINE, PROSE_LINE]
    text = "\n".join([MENU, "Search", *article, "Most read", FOOTER, "Newsletter"]) + "\n"
    lines = text.split("\n")
    got = flagged_lines(rules, text, "A110")
    article_lines = [i + 1 for i, ln in enumerate(lines) if ln in article]
    # short lines touching the article ("Search", "Most read") are given the benefit of the
    # doubt; links and everything beyond them are the frame
    frame = [i + 1 for i, ln in enumerate(lines) if ln and ln not in article + ["Search", "Most read"]]
    assert not set(got) & set(article_lines)
    assert set(frame) <= set(got)


def test_extracted_article_with_its_own_link_list_is_left_alone(rules):
    sources = "\n".join(f"- [Study {n}](https://example.org/{n})" for n in range(1, 8))
    text = f"{PROSE_LINE}\n\n## Sources\n\n{sources}\n\n{PROSE_LINE}\n"
    assert flagged_lines(rules, text, "A110") == []


def test_icon_row_is_flagged_anywhere(rules):
    icons = "\n".join(f"[![](https://x.com/{n}.png)](https://{n}.com/share)" for n in ("fb", "tw", "in"))
    text = f"{PROSE_LINE}\n\n{icons}\n\n{PROSE_LINE}\n"
    assert flagged_lines(rules, text, "A110") == [3, 4, 5]


def test_prefilter_finds_the_same_lines_as_a_full_search(rules):
    """A210 with its prefilter must report what the bare patterns report."""
    rule = next(r for r in rules if r.id == "A210")
    text = "\n".join([PROSE_LINE, "© 2024 Example Media. All rights reserved.",
                      "Copyright 2023 The Paper", PROSE_LINE, "This article was originally published on The Conversation."])
    with_filter = [f.line for f in rule.check(_doc(text))]
    saved = rule.options["prefilter"]
    try:
        rule.options["prefilter"] = []
        without = [f.line for f in rule.check(_doc(text))]
    finally:
        rule.options["prefilter"] = saved
    assert with_filter == without == [2, 3, 5]


def test_prefilter_survives_text_whose_lower_case_is_longer(rules):
    # "İ" lower-cases to two code points: offsets would shift, so the rule searches everything
    text = "İstanbul bureau\n© 2024 Example Media. All rights reserved.\n"
    assert flagged_lines(rules, text, "A210") == [2]


def test_form_defects_are_style_not_artefact(rules):
    """NBSP and broken emphasis inside article words are reported, but not as artefacts."""
    text = "Russia's\u00a0president met his counterpart.\n\n**Squat Racks:\n"
    _, found = lint_text(text, select_rules(rules, None))
    by_rule = {f.rule: f.category for f in found}
    assert by_rule.get("S401") == "style" and by_rule.get("S305") == "style"
    assert not [f for f in found if f.category == "artefact"]


def test_seeds_artefacts_found_and_prose_clean(rules, root):
    seeds = Path(root, "seeds")
    if not seeds.is_dir():
        pytest.skip("no seeds folder")
    chosen = select_rules(rules, ["artefact", "S401"])
    found = {}
    for path in sorted(seeds.glob("*.txt")):
        _, fs = lint_text(path.read_text(encoding="utf-8"), chosen, path=path.name)
        found[path.name[:3]] = {(f.rule, f.line) for f in fs}
    must = {("001", "A602", 19), ("001", "A502", 8), ("001", "A301", 5), ("001", "A201", 11),
            ("003", "A101", 1), ("003", "A102", 17), ("003", "S401", 8), ("003", "A210", 48),
            ("002", "A203", 4), ("004", "A303", 14)}
    for seed, rid, line in must:
        assert (rid, line) in found[seed], (seed, rid, line)
    prose = {("001", 21), ("003", 10), ("002", 10)}  # ordinary article paragraphs
    for seed, line in prose:
        assert not [r for r, n in found[seed] if n == line and r.startswith("A")], (seed, line)


def _doc(text):
    from lint.document import Document
    return Document(text)
