"""The optional semantic mode (O203): runs only where seedlint[semantic] is installed."""

import pytest

from lint.engine import lint_text
from lint.topic import embedding

pytestmark = pytest.mark.skipif(not embedding.available(), reason="seedlint[semantic] not installed")

TOPIC = [
    "The city council approved the new school budget on Tuesday after a long debate about teacher salaries and the size of classes in the district.",
    "Council members said the budget would raise teacher pay by four percent and pay for forty new teachers in the most crowded schools of the city.",
    "Parents welcomed the decision, although some said that classes in the poorest districts would still be far too large for children to learn well.",
    "The mayor must sign the budget by Friday, and the council expects the higher salaries for teachers to be paid from September onwards.",
    "The teachers' union called the raise overdue and promised to watch closely how the council spends the money in the coming school year.",
]
RECIPE = ("Preheat the oven to 180 degrees, then whisk the butter, sugar and vanilla until fluffy and fold in the "
          "almonds before baking the cookies until golden.")


def test_semantic_outlier_found_and_explained(rules):
    rule = next(r for r in rules if r.id == "O203")
    text = "\n\n".join(TOPIC[:3] + [RECIPE] + TOPIC[3:])
    _, found = lint_text(text, [rule])
    assert len(found) == 1 and found[0].line == 7
    assert "usually" in found[0].message and found[0].score <= rule.options["max_support"]
    assert not lint_text("\n\n".join(TOPIC), [rule])[1]


# Paragraphs of three sentences each about one story; the middle sentence of the third is
# replaced by a sentence from a cookery article (O206) or by one more sentence of the story.
STORY = [
    ["The city council approved the new school budget on Tuesday after a long debate about teacher salaries.",
     "Council members said the budget would raise teacher pay by four percent next year.",
     "The vote was seven to two, with both opponents warning about the cost to taxpayers."],
    ["Parents welcomed the decision at the meeting and thanked the council for listening to them.",
     "Some said that classes in the poorest districts would still be far too large for children to learn well.",
     "The council promised to study class sizes again before the next school budget is drafted."],
    ["The teachers' union called the raise overdue after three years without an increase in pay.",
     "Its president said that many teachers had left the district for better paid jobs in other cities.",
     "The union will watch closely how the council spends the money in the coming school year."],
    ["The mayor must sign the school budget by Friday before it takes effect.",
     "A spokesman said the mayor supports the raise for teachers and the plan for smaller classes.",
     "The higher salaries will be paid to teachers from September onwards, the council said."],
]
SPLICE = "Whisk the butter, sugar and vanilla until fluffy, then fold in the almonds and bake the cookies until golden."
ON_TOPIC = "Several teachers at the meeting said the raise would help them stay in the district."


def _story(middle: str) -> str:
    paras = [list(p) for p in STORY]
    paras[2][1] = middle
    return "\n\n".join(" ".join(p) for p in paras)


def test_semantic_splice_found_and_explained(rules):
    rule = next(r for r in rules if r.id == "O206")
    text = _story(SPLICE)
    _, found = lint_text(text, [rule])
    assert len(found) == 1
    f = found[0]
    assert text[f.start:f.end] == SPLICE
    assert f.score <= rule.options["max_relative"]
    assert "usually" in f.message and "almonds" in f.message  # the evidence: range and foreign words


def test_semantic_splice_leaves_a_cohesive_paragraph_alone(rules):
    rule = next(r for r in rules if r.id == "O206")
    assert not lint_text(_story(ON_TOPIC), [rule])[1]


def test_semantic_splice_needs_foreign_words(rules):
    """A sentence unlike the rest in meaning but made of the article's own words is not reported."""
    rule = next(r for r in rules if r.id == "O206")
    strict = rule.__class__(**{**rule.__dict__, "options": {**rule.options, "min_foreign": 1e9}})
    assert not lint_text(_story(SPLICE), [strict])[1]


def test_semantic_rules_share_one_encoding_per_document(rules, monkeypatch):
    from lint.document import Document
    from lint.kinds import offtopic_semantic

    calls = []
    real = embedding.encode
    monkeypatch.setattr(embedding, "encode", lambda texts: calls.append(len(texts)) or real(texts))
    doc = Document(_story(SPLICE))
    first = offtopic_semantic.sentence_vectors(doc)
    assert offtopic_semantic.sentence_vectors(doc) is first
    assert calls == [len(doc.sentences)]
    sents, owner, vectors = first
    assert len(vectors) == len(sents) and owner[0] == 0 and owner[-1] == len(doc.paragraphs) - 1
