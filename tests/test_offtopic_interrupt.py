"""O205 (interrupting paragraph): the words evidence sums weak signals, and only prose is judged."""

import pytest

from lint.engine import lint_text
from lint.kinds.offtopic_interrupt import words_score
from lint.topic.cohesion import Unit
from topic_texts import TOPIC  # noqa: E402  (tests/ is on sys.path)

FOREIGN = ("Preheat the oven, then whisk butter, vanilla and cinnamon until fluffy before baking the almond "
           "cookies golden. Kayakers paddled past glaciers and seals along the fjord, camping on pebbled beaches")


@pytest.fixture(scope="module")
def o205(rules):
    return next(r for r in rules if r.id == "O205")


def _unit(novelty: float, mass: float) -> Unit:
    return Unit(0, 0, "", {}, mass, novelty=novelty)


def test_words_score_is_zero_at_the_reference_points(o205):
    opts = o205.options
    u = _unit(opts["min_novelty"], opts["min_mass"])
    assert words_score(u, opts["max_relative"], opts["min_bridge"], opts) == pytest.approx(0.0)


def test_a_strong_signal_makes_up_for_a_weak_one(o205):
    opts = o205.options
    weak_novelty = _unit(opts["min_novelty"] - 0.1, opts["min_mass"])
    assert words_score(weak_novelty, opts["max_relative"], opts["min_bridge"], opts) < 0
    # the same paragraph, ten times less similar to the rest than the reference: positive
    assert words_score(weak_novelty, opts["max_relative"] / 10, opts["min_bridge"], opts) > 0


def test_score_grows_with_each_signal(o205):
    opts = o205.options
    base = words_score(_unit(0.8, 20), 0.05, 0.1, opts)
    assert words_score(_unit(0.9, 20), 0.05, 0.1, opts) > base
    assert words_score(_unit(0.8, 40), 0.05, 0.1, opts) > base
    assert words_score(_unit(0.8, 20), 0.01, 0.1, opts) > base
    assert words_score(_unit(0.8, 20), 0.05, 0.2, opts) > base
    # the bridge is capped: a bridge past the cap adds nothing more
    cap = opts["bridge_cap"]
    assert words_score(_unit(0.8, 20), 0.05, cap, opts) == words_score(_unit(0.8, 20), 0.05, cap + 0.5, opts)


def test_foreign_prose_paragraph_is_found(o205):
    text = "\n\n".join(TOPIC[:4] + [FOREIGN + "."] + TOPIC[4:])
    _, found = lint_text(text, [o205])
    assert len(found) == 1 and found[0].excerpt.startswith("Preheat") and "(words)" in found[0].message
    assert "fjord" in found[0].message  # the evidence: words the rest of the article never uses


def test_paragraph_that_does_not_end_like_prose_is_not_judged_on_words(o205):
    # a byline, heading or caption block is lexically foreign by nature
    text = "\n\n".join(TOPIC[:4] + [FOREIGN] + TOPIC[4:])
    assert not lint_text(text, [o205])[1]


def test_text_whose_paragraphs_share_nothing_is_not_judged(o205):
    # every paragraph foreign to every other: none stands out, whatever the others' scores
    loose = [
        "Preheat the oven, then whisk butter, vanilla and cinnamon until fluffy before baking cookies.",
        "Kayakers paddled past glaciers and seals along the fjord, camping on pebbled beaches.",
        "The violinist tuned her instrument backstage while the orchestra rehearsed a symphony.",
        "Astronomers photographed a comet whose icy nucleus sprayed dust across the telescope frame.",
        "Beekeepers smoked the hives gently and lifted combs heavy with golden clover honey.",
        "Mechanics replaced the gearbox and the clutch of the vintage tractor in the barn.",
        "Sommeliers swirled a tannic merlot and noted plum, cedar and tobacco on the palate.",
        "Divers mapped a coral reef where parrotfish grazed among anemones and sponges.",
    ]
    assert not lint_text("\n\n".join(loose), [o205])[1]


def test_min_usual_leaves_documents_less_cohesive_than_it_alone(o205):
    text = "\n\n".join(TOPIC[:4] + [FOREIGN + "."] + TOPIC[4:])
    opts = dict(o205.options)
    try:
        o205.options["min_usual"] = 0.99  # above this document's usual similarity (about 0.5)
        assert not lint_text(text, [o205])[1]
        o205.options["min_usual"] = 0.0
        assert lint_text(text, [o205])[1]
    finally:
        o205.options.clear()
        o205.options.update(opts)
