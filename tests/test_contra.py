"""Contradiction and consistency kinds: facts, pairs that name both places, seeds, corpus pass."""

from pathlib import Path

import pytest

from lint.engine import corpus_pass, lint_text, summarize
from lint.facts.names import skeleton
from lint.facts.numbers import find_quantities
from lint.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = {r.id: r for r in load_rules([ROOT / "rules/contradiction", ROOT / "rules/style"], include_builtin=False)}
OWN = [RULES[i] for i in ("C101", "C102", "C103", "C201", "C301", "C901", "S101", "S102", "S103", "S201", "S202")]
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))


def run(text, *ids):
    return lint_text(text, [RULES[i] for i in ids], path="t.txt")[1]


def quantity(text):
    (q,) = find_quantities(text)
    return q


@pytest.mark.parametrize("a,b,compatible", [
    ("more than 380,000", "more than 400,000", True),
    ("about half a million", "380,000", False),
    ("1.2 million", "1,200,000", True),
    ("nearly 500", "520", False),
    ("up to 40", "25", True),
    ("$5 million", "$9 million", False),
])
def test_qualifiers_and_scales_decide_compatibility(a, b, compatible):
    assert quantity(a).compatible(quantity(b)) is compatible


def test_numbers_that_are_not_quantities_are_skipped():
    assert find_quantities("In 2015 at 10:30 the 3rd team met; a 1920×1080 screen costs $2,000-$6,000.") == []


def test_skeleton_merges_transliterations_not_different_names():
    assert skeleton("Dmitry Peskov") == skeleton("Dmitri Peskov")
    assert skeleton("Bashar al-Assad") == skeleton("Bashar Al Assad")
    assert skeleton("Erdoğan") == skeleton("Erdogan")
    assert skeleton("Phase II") != skeleton("Phase I")
    assert skeleton("RX100") != skeleton("RX10")


def test_weekday_date_names_the_real_weekday():
    (f,) = run("The vote was held on Wednesday, March 3, 2015, in the capital.", "C101")
    assert "Tuesday" in f.message and f.excerpt == "Wednesday, March 3, 2015"
    assert not run("The vote was held on Tuesday, March 3, 2015.", "C101")


def test_pairs_report_both_members_each_pointing_at_the_other():
    text = ("It was Putin's first visit to Damascus since the war.\n\nOfficials said the trip was his "
            "second visit to Damascus.")
    a, b = run(text, "C301")
    assert {a.line, b.line} == {1, 3}
    assert a.related[0]["line"] == b.line and b.related[0]["line"] == a.line
    assert "line 3" in a.message or "line 1" in a.message


def test_quantity_restated_with_another_figure_is_reported_but_a_series_is_not():
    restated = ("The survey questioned 8,200 travellers who rented cars at airports last year.\n\n"
                "Other text.\n\nThe survey questioned 3,100 travellers who rented cars at airports last year.")
    assert len(run(restated, "C201")) == 2
    series = ("The bomb killed 25 people in the market on Monday.\n\n"
              "Since January, 400 people have been killed in the province.")
    assert not run(series, "C201")


def test_years_and_durations_respect_the_article_year():
    text = ("January 7, 2020\n\nAssad, who has been in power for 19 years, vowed to retake Idlib.\n\n"
            "Assad has been in power since {year}, backed by Moscow.")
    assert run(text.format(year=1990), "C103")
    assert not run(text.format(year=2000), "C103")


def test_seed_000_slips_are_reported():
    text = SEEDS[0].read_text(encoding="utf-8")
    found = lint_text(text, OWN, path=SEEDS[0].name)[1]
    by_rule = {}
    for f in found:
        by_rule.setdefault(f.rule, []).append(f)
    assert {"S101", "S102", "S103", "S201", "S202", "C102"} <= set(by_rule)
    assert any("Bashar Al Assad" in f.message for f in by_rule["S101"])
    assert len(by_rule["S102"]) == 4  # every article-less "Russian Federation"
    assert by_rule["S201"][0].excerpt == "Peskov" and by_rule["S202"][0].excerpt == "He"
    assert "Wednesday" in by_rule["C102"][0].message


@pytest.mark.parametrize("seed", SEEDS[1:3], ids=lambda p: p.name[:3])
def test_seeds_001_and_002_have_no_internal_contradiction(seed):
    found = lint_text(seed.read_text(encoding="utf-8"), OWN, path=seed.name)[1]
    assert not found, [f.message for f in found]


def test_corpus_pass_reports_tolls_naming_the_other_report():
    rule = RULES["C901"]
    items = []
    for seed in SEEDS:
        doc, _ = lint_text(seed.read_text(encoding="utf-8"), [rule], path=seed.name)
        items.append((seed.name, None, summarize(doc, [rule]).get("C901")))
    found = corpus_pass({"C901": items}, [rule])
    reported = {(f.path[:3], f.related[0]["path"][:3]) for f in found}
    assert {("000", "002"), ("000", "003"), ("002", "003"), ("003", "000")} <= reported
    assert all(f.severity == "info" for f in found)
    assert not corpus_pass({"C901": items[:1]}, [rule])  # one report alone is never compared


def test_name_variants_inside_longer_names_and_not_possessives():
    text = ("Georgetown University's McCourt School published the study.\n\n"
            "Researchers at Georgettown University said the results held.")
    assert {f.line for f in run(text, "S101")} == {1, 3}
    assert not run("Nonprofit Financials Page lists it. The Nonprofit Financial’s Page does too.", "S101")


def test_a_cut_restatement_with_another_figure_is_a_contradiction():
    text = ("Developing a new catalyst can take 10 years, the chemists said.\n\n"
            "Other text here.\n\nDeveloping a new catalyst can take more than 25 years.")
    assert len(run(text, "C201")) == 2


def test_a_clause_cut_from_a_sentence_with_more_figures_is_a_contradiction():
    text = ("The study, which surveyed more than 8,200 travelers at airports over the past year, awarded "
            "it 734 of 1,000 points.\n\nOther text here.\n\n"
            "The study, which surveyed fewer than 3,487 travelers at airports over the past year.")
    assert len(run(text, "C201")) == 2
    # the cut copy keeps a figure the full sentence does not have: another fact, not a restatement
    text = ("The study, which surveyed more than 8,200 travelers at airports over the past year, awarded "
            "it 734 of 1,000 points.\n\nOther text here.\n\n"
            "The study, which surveyed fewer than 3,487 travelers at airports over the past 5 year.")
    assert run(text, "C201") == []


def test_names_in_too_many_reports_link_none():
    """The corpus pass finds other reports through a name index; a name in more reports than
    max_name_reports (a head of state across a whole corpus) links none of them."""
    import dataclasses

    from lint.kinds.cross_report import reports_sharing_names

    docs = [("a", None, {"names": ["Putin", "Erdogan"]}), ("b", None, {"names": ["Putin", "Erdogan"]}),
            ("c", None, {"names": ["Putin", "Macron"]}), ("d", None, {"names": ["Biden"]})]
    assert dict(reports_sharing_names(docs, 10)) == {0: [1, 2], 1: [0, 2], 2: [0, 1], 3: []}
    assert dict(reports_sharing_names(docs, 2)) == {0: [1], 1: [0], 2: [], 3: []}  # Putin: 3 reports

    rule = RULES["C901"]
    items = []
    for seed in SEEDS:
        doc, _ = lint_text(seed.read_text(encoding="utf-8"), [rule], path=seed.name)
        items.append((seed.name, None, summarize(doc, [rule]).get("C901")))
    assert corpus_pass({"C901": items}, [rule])
    capped = dataclasses.replace(rule, options={**rule.options, "max_name_reports": 1})
    assert not corpus_pass({"C901": items}, [capped])
