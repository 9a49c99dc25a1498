"""O204 (spliced sentence) and O205 (interrupting paragraph): what fires, what the message
says, and the guards that keep ordinary text quiet."""

from pathlib import Path

import pytest

from lint.engine import lint_text
from topic_texts import TOPIC  # noqa: E402  (tests/ is on sys.path)

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

COOKIES = "Preheat the oven, then whisk butter, vanilla and cinnamon until fluffy before baking the almond cookies golden."
KAYAKS = "Kayakers paddled past glaciers and seals along the fjord, camping on pebbled beaches under midnight sunshine."


@pytest.fixture(scope="module")
def rule(rules):
    return {r.id: r for r in rules}


def _with_splice(*middle: str, where: int = 2) -> str:
    paras = list(TOPIC)
    paras[where] = " ".join([TOPIC[where], *middle, TOPIC[where + 1]])
    return "\n\n".join(paras)


def test_splice_found_with_its_evidence(rule):
    text = _with_splice(COOKIES)
    _, found = lint_text(text, [rule["O204"]])
    assert len(found) == 1
    assert text[found[0].start:found[0].end] == COOKIES
    assert "cinnamon" in found[0].message and "usually" in found[0].message


def test_sentence_that_shares_words_with_a_neighbour_is_not_a_splice(rule):
    aside = "Many parents also asked the council to fund school buses for the districts."
    assert not lint_text(_with_splice(aside), [rule["O204"]])[1]


def test_two_isolated_sentences_mean_a_loose_text_not_a_splice(rule):
    paras = list(TOPIC)
    paras[1] = " ".join([TOPIC[1], COOKIES, TOPIC[2]])
    paras[5] = " ".join([TOPIC[5], KAYAKS, TOPIC[6]])
    assert not lint_text("\n\n".join(paras), [rule["O204"]])[1]


def test_splice_must_sit_between_two_sentences(rule):
    paras = list(TOPIC)
    paras[2] = " ".join([TOPIC[2], TOPIC[3], COOKIES])  # last sentence of its paragraph
    assert not lint_text("\n\n".join(paras), [rule["O204"]])[1]


def _with_paragraph(foreign: str, where: int = 4) -> str:
    return "\n\n".join(TOPIC[:where] + [foreign] + TOPIC[where:])


def test_interrupting_paragraph_found_with_its_evidence(rule):
    text = _with_paragraph(COOKIES + " " + KAYAKS)
    _, found = lint_text(text, [rule["O205"]])
    assert len(found) == 1 and "cookies" in text[found[0].start:found[0].end]
    assert "(words)" in found[0].message and "usually" in found[0].message


def test_first_and_last_paragraphs_are_never_judged(rule):
    foreign = COOKIES + " " + KAYAKS
    assert not lint_text("\n\n".join([foreign] + TOPIC), [rule["O205"]])[1]
    assert not lint_text("\n\n".join(TOPIC + [foreign]), [rule["O205"]])[1]


def test_style_evidence_names_the_convention(rule):
    curly = ["“" + p[:-1] + ",” an official said." for p in TOPIC[:3]]
    # a paragraph quoting with straight marks, lexically distant but not foreign enough for words alone
    straight = ('"Buses and cafeteria meals matter too," a driver said, as parents asked the council '
                'about school buses, lunch menus, playground repairs and the district bus schedule.')
    text = "\n\n".join(curly + TOPIC[3:5] + [straight] + TOPIC[5:])
    _, found = lint_text(text, [rule["O205"]])
    if found:  # only if lexically distant enough; then the message must say why
        assert "straight quotes" in found[0].message and "curly quotes" in found[0].message
    opts = dict(rule["O205"].options)
    try:
        rule["O205"].options.update(style_max_relative=10.0, style_min_novelty=0.0, style_min_mass=1.0)
        _, found = lint_text(text, [rule["O205"]])
    finally:
        rule["O205"].options.clear()
        rule["O205"].options.update(opts)
    assert len(found) == 1 and "straight quotes" in found[0].message


def test_clean_seed_stays_clean(rule):
    text = (SEEDS / "002_f9f367ef41a8fe01.txt").read_text(encoding="utf-8")
    assert not lint_text(text, [rule["O204"], rule["O205"]])[1]
