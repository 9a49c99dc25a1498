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
    assert "usually" in found[0].message and found[0].score < 0.2
    assert not lint_text("\n\n".join(TOPIC), [rule])[1]
