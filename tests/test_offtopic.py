"""Off-topic rules: the seeds, the evidence in messages, the corpus pass and the pre-filters."""

from pathlib import Path

import pytest

from lint.document import Document
from lint.engine import corpus_pass, lint_text, summarize
from lint.kinds import offtopic_language
from lint.topic.lexicon import bag, stem_weight

SEEDS = Path(__file__).resolve().parent.parent / "seeds"


@pytest.fixture(scope="module")
def offtopic(rules):
    return [r for r in rules if r.category == "off-topic" and r.enabled]


def lint_seeds(rules):
    """Per-document findings plus the corpus pass over the five seeds, as the CLI runs them."""
    findings, summaries = [], {}
    for path in sorted(SEEDS.glob("*.txt")):
        doc, found = lint_text(path.read_text(encoding="utf-8"), rules, path=path.name)
        findings += found
        for rid, summary in summarize(doc, rules).items():
            summaries.setdefault(rid, []).append((path.name, None, summary))
    return findings + corpus_pass(summaries, rules)


def test_seeds(offtopic):
    findings = lint_seeds(offtopic)
    by_file = {}
    for f in findings:
        by_file.setdefault(f.path[:3], []).append(f)
    splice = [f for f in by_file.get("000", []) if "Prystaiko" in f.message]
    assert splice and all(f.line == 25 and f.column > 1 for f in splice), "the tweet splice inside line 25"
    assert {f.rule for f in splice} >= {"O202", "O401"}  # voice shift, and no other report supports it
    seed4 = {f.line: f for f in by_file.get("004", [])}
    assert "Editor" in seed4[13].excerpt and "https://" in seed4[14].excerpt
    assert "002" not in by_file, [f.message for f in by_file.get("002", [])]


def test_corpus_pass_needs_fellow_reports(offtopic):
    """Alone, seed 000 has no other report to compare with: the corpus rule stays silent."""
    rule = next(r for r in offtopic if r.id == "O401")
    doc = Document((SEEDS / "000_30ad9f7ecbf3dbe6.txt").read_text(encoding="utf-8"), path="000.txt")
    items = [("000.txt", None, summarize(doc, [rule])["O401"])]
    assert corpus_pass({"O401": items}, [rule]) == []


def _article(foreign: str) -> str:
    topic = [
        "The city council approved the new school budget on Tuesday after a long debate about teacher salaries.",
        "Council members said the school budget raises teacher salaries by four percent and hires forty teachers.",
        "Parents welcomed the school budget, though classroom sizes stay large in the poorest districts.",
        foreign,
        "The mayor must sign the school budget by Friday, and teacher salaries rise from September.",
        "The teachers union called the raise in teacher salaries overdue and will watch the council budget.",
    ]
    return "\n\n".join(topic)


def test_foreign_paragraph_is_reported_with_its_words(rules):
    rule = next(r for r in rules if r.id == "O201")
    text = _article("Preheat the oven, then whisk butter, sugar and vanilla until fluffy; fold in almonds, "
                    "cinnamon and nutmeg before baking the cookies golden.")
    _, found = lint_text(text, [rule])
    assert len(found) == 1 and found[0].line == 7
    assert "almonds" in found[0].message and "usually" in found[0].message
    on_topic = _article("The council also debated school buses, but the budget for teacher salaries took most "
                        "of the evening, council members said.")
    assert not lint_text(on_topic, [rule])[1]


def test_teaser_link_box_is_left_to_the_artefact_rules(rules):
    rule = next(r for r in rules if r.id == "O101")
    one = _article("ALSO READ: Ten Cheap Espresso Machines Worth Buying This Winter")
    _, found = lint_text(one, [rule])
    assert len(found) == 1 and "Espresso" in found[0].message
    box = one.replace("The mayor must", "Read more: Best Hiking Boots For Muddy Trails\n\n"
                      "Read more: Why Cats Sleep So Much During The Day\n\nThe mayor must")
    assert not lint_text(box, [rule])[1]


def test_langdetect_only_sees_suspicious_paragraphs(rules, monkeypatch):
    rule = next(r for r in rules if r.id == "O301")
    seen = []
    real = offtopic_language._detect

    def spy(text):
        seen.append(text)
        return real(text)

    monkeypatch.setattr(offtopic_language, "_detect", spy)
    spanish = ("El consejo municipal aprobó el presupuesto escolar el martes después de un largo debate "
               "sobre los salarios de los maestros.")
    _, found = lint_text(_article(spanish), [rule])
    assert seen == [spanish]
    assert len(found) == 1 and "(es," in found[0].message


def test_rarity_weights():
    assert stem_weight("soleimani")[1] > stem_weight("general")[1] > stem_weight("said")[1]
    assert stem_weight("the")[1] == 0
    assert set(bag("bakeries")) == set(bag("bakery")) and set(bag("investors")) == set(bag("investor"))
    assert set(bag("the said and")) == set()


def test_langdetect_does_not_see_english_lists(rules, monkeypatch):
    rule = next(r for r in rules if r.id == "O301")
    seen = []
    monkeypatch.setattr(offtopic_language, "_detect", lambda text: seen.append(text) or ("en", 1.0))
    rows = ("Open design • great controls • good sound quality • long battery life • light weight • "
            "fast charging • clear calls • water resistance")
    lint_text(_article(rows), [rule])
    assert seen == []
    monkeypatch.setitem(rule.options, "english_vocabulary", 1.01)  # off: the row passes the other tests
    lint_text(_article(rows), [rule])
    assert seen == [rows]
    foreign = {
        "es": "El consejo municipal aprobó el presupuesto escolar el martes después de un largo debate.",
        "fr": "Le président a déclaré que les négociations avec l'Union européenne continueraient.",
        "de": "Die Regierung hat beschlossen, dass die neuen Regeln ab Januar gelten, sagte der Minister.",
        "nl": "De minister zei dat het plan in de komende weken wordt besproken met de gemeenten.",
        "ca": "El govern ha anunciat avui un nou pla per a l'economia, amb mesures per a la indústria.",
    }
    assert offtopic_language.english_share(rows) >= 0.8
    assert all(offtopic_language.english_share(text) < 0.65 for text in foreign.values())


@pytest.mark.parametrize("lang, text", [
    # prose full of loanwords and words the English table lists as common: 0.77-0.88 common
    # English words when the other languages' function words counted as English
    ("fr", "Le restaurant propose un menu du jour avec une entrée, un plat et un dessert pour le prix de "
           "vingt euros, service compris."),
    ("fr", "Le weekend dernier, le manager du club a organisé un meeting avec les fans et la presse pour "
           "parler du marketing, du budget et du nouveau sponsor."),
    ("es", "El fin de semana pasado, el manager del club organizó un meeting con los fans y la prensa para "
           "hablar del marketing y del nuevo sponsor."),
    ("de", "Der Manager des Clubs hat am Wochenende ein Meeting mit den Fans und der Presse organisiert, um "
           "über das Marketing zu sprechen."),
])
def test_foreign_prose_with_loanwords_still_reaches_langdetect(rules, lang, text):
    rule = next(r for r in rules if r.id == "O301")
    assert offtopic_language.english_share(text) < rule.options["english_vocabulary"]
    _, found = lint_text(_article(text), [rule])
    assert len(found) == 1 and f"({lang}," in found[0].message
