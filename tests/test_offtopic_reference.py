"""offtopic-reference (O207): references a passage makes to what its article never introduced."""

from pathlib import Path

import pytest

from lint.document import Document
from lint.engine import lint_text
from lint.kinds import offtopic_reference as ref
from lint.rules import load_rules
from lint.topic.cohesion import profile
from lint.topic.lexicon import lowered

SEEDS = Path(__file__).resolve().parent.parent / "seeds"

BUDGET = [
    "The city council approved the new school budget on Tuesday after a long debate about teacher salaries "
    "and classroom sizes.",
    "Council members said the school budget would raise teacher salaries by four percent and hire forty new "
    "teachers for crowded classrooms.",
    "Parents welcomed the school budget, although some said classroom sizes would remain too large in the "
    "poorest districts.",
    "Quarterly revenue rose nine percent on strong cloud demand, Houssaini said, adding that subscriptions "
    "would expand into Brazil.",
    "The mayor must sign the school budget by Friday, and the council expects teacher salaries to rise from "
    "September.",
    "Council members said crowded classrooms and teacher salaries would top the agenda of the next school "
    "budget debate.",
]


def rule():
    return next(r for r in load_rules() if r.id == "O207")


def findings(paragraphs, **options):
    r = rule()
    r.options.update(options)
    _, found = lint_text("\n\n".join(paragraphs), [r], path="x.txt")
    return found


def refs_in(text, start_of, cues=("surname", "title", "description"), **opts):
    """dangling() over the paragraph of ``text`` that starts with ``start_of``."""
    doc = Document(text)
    start = text.index(start_of)
    end = text.find("\n\n", start)
    end = len(text) if end < 0 else end
    options = dict(rule().options, **opts)
    return ref.dangling(ref._Context(doc, lowered(doc)), start, end, set(cues), options)


def test_bare_surname_never_introduced_is_reported_with_its_name():
    found = findings(BUDGET)
    assert len(found) == 1 and "Houssaini" in found[0].message
    assert found[0].excerpt.startswith("Quarterly revenue")


def test_surname_introduced_earlier_in_full_passes():
    text = list(BUDGET)
    text[0] = text[0][:-1] + ", council treasurer Amina Houssaini told reporters."
    assert findings(text) == []


def test_surname_introduced_in_the_passage_itself_passes():
    text = list(BUDGET)
    text[3] = text[3].replace("Houssaini said", "analyst Amina Houssaini said")
    assert findings(text) == []


@pytest.mark.parametrize("sentence", [
    "Researchers said the results were strong.",          # a common word opening a sentence
    "Officials in Seoul said the results were strong.",   # a place speaking for its government
    "The results were strong, said Co-Founder Ana Ruiz.",  # a role followed by the full name
])
def test_speech_that_names_nobody_or_introduces_someone_is_no_dangling_surname(sentence):
    text = BUDGET[0] + "\n\n" + sentence
    assert [c for c, _, _ in refs_in(text, sentence)] == []


def test_title_with_a_full_name_or_inside_a_longer_name_is_no_dangling_title():
    for sentence in ("We thanked Dr. Joan LaRovere for the talk.", "We stayed at Thung Sen Chalets overnight."):
        assert refs_in(BUDGET[0] + "\n\n" + sentence, sentence, cues=("title",)) == []
    sentence = "We thanked Dr. LaRovere for the talk."
    assert [c for c, _, _ in refs_in(BUDGET[0] + "\n\n" + sentence, sentence, cues=("title",))] == ["title"]


def test_description_dangles_only_when_that_kind_of_entity_is_named_nowhere_else():
    sentence = "The company cut its forecast for the year."
    alone = BUDGET[0] + "\n\n" + sentence
    assert [s for _, s, _ in refs_in(alone, sentence, cues=("description",))] == ["The company"]
    named = "Acme, a company in Ohio, sells tools.\n\n" + sentence
    assert refs_in(named, sentence, cues=("description",)) == []


def test_time_frame_needs_years_far_from_all_the_others():
    text = "Sales rose in 2023 and again in 2024.\n\nThe bridge opened in 1931.\n\nSales fell in 2022."
    doc = Document(text)
    ctx = ref._Context(doc, lowered(doc))
    start = text.index("The bridge")
    assert ref.time_frame(ctx, start, start + 27, 5) == "1931"
    start = text.index("Sales fell")
    assert ref.time_frame(ctx, start, len(text), 5) is None


def test_unknown_cue_is_rejected():
    r = rule()
    r.options["cues"] = ["surname", "rumour"]
    with pytest.raises(ValueError, match="rumour"):
        ref.prepare(r)


def _texts():
    yield "\n\n".join(BUDGET)
    yield ("Kremlin spokesman Dmitry Peskov spoke on Monday.\n\nPeskov said the talks went well, "
           "Mr. Jones added.\n\n\"We agree,\" said Lamb. Smith told reporters the deal was done.\n\n"
           "Dr Lee and Prof. Okafor disagreed; Okafor wrote that the panel erred.\n\nHe said nothing, Ruiz said.")
    for path in sorted(SEEDS.glob("*.txt")):
        yield path.read_text(encoding="utf-8")


@pytest.mark.parametrize("text", list(_texts()))
def test_name_cues_are_read_in_every_paragraph_where_they_could_dangle(text):
    """The cheap pre-selection never drops a paragraph where a surname or title dangles."""
    doc = Document(text)
    prof = profile(doc)
    ctx = ref._Context(doc, lowered(doc))
    cues = {"surname", "title"}
    triggered = ref._triggered(ctx, prof.paragraphs, prof.total, cues)
    options = rule().options
    for i, p in enumerate(prof.paragraphs):
        for cue, _, _ in ref.dangling(ctx, p.start, p.end, cues, options):
            assert cue in triggered.get(i, ()), (i, cue, p.text[:80])


def test_the_pre_selection_test_reads_real_dangling_names():
    text = list(_texts())[1]
    doc = Document(text)
    prof = profile(doc)
    ctx = ref._Context(doc, lowered(doc))
    found = {s for p in prof.paragraphs for _, s, _ in ref.dangling(ctx, p.start, p.end, {"surname", "title"},
                                                                      rule().options)}
    assert found == {"Mr. Jones", "Lamb", "Dr Lee", "Prof. Okafor", "Ruiz"}  # Peskov and Smith are introduced
