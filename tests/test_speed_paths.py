"""Fast paths that must not change results: the whole-document sentence scan and the
existence kind's deferred compile."""

import pickle

from lint.document import Document, split_sentences
from lint.rules import load_rules

TRICKY = (
    "Mr. Smith met Dr. Jones. They said so.  Then left!\n"
    "The U.S.A. team won. It cost approx. 5 dollars. (J. R. R. Tolkien wrote it.)\n\n"
    "It took a century to do the same for π. and more. Done .  next one . Next?!\n"
    "  . Leading period\n"
    "“Quoted.” Then “mr. Lower” ends. e.g. this. “A.” B.\n\n"
    "One line per paragraph.\nAnother one.\n"
)


def test_document_sentences_are_the_paragraphs_split_one_by_one():
    doc = Document(TRICKY)
    expected = [(p.start + s, p.start + e) for p in doc.paragraphs for s, e in split_sentences(p.text)]
    assert [(s.start, s.end) for s in doc.sentences] == expected
    assert all(s.text == doc.text[s.start:s.end] for s in doc.sentences)


def test_abbreviations_initials_and_lower_case_continue_a_sentence():
    text = "Mr. Smith met J. Doe of the U.S. in Jan. 2020. He left. the end. Fine. é. x"
    got = [text[s:e] for s, e in split_sentences(text)]
    assert got == ["Mr. Smith met J. Doe of the U.S. in Jan. 2020.", "He left. the end.", "Fine. é. x"]


def test_period_after_a_space_reads_the_word_before_it():
    assert [t for t in (s.text for s in Document("Dr . Who came. Go").sentences)] == ["Dr . Who came.", "Go"]


def test_builtin_existence_rules_compile_on_first_search_and_pickle():
    rule = next(r for r in load_rules() if r.id == "A101")
    pattern = rule.compiled[0]
    assert pattern.rx is None  # literals checked, nothing compiled yet
    assert list(rule.check(Document("A story about the sea.\n"))) == []
    assert pattern.rx is None  # no literal of the rule in the text: still nothing compiled
    assert [f.rule for f in rule.check(Document("Skip to main content\n\nA story.\n"))] == ["A101"]
    assert pattern.rx is not None
    again = pickle.loads(pickle.dumps(rule))
    assert [f.rule for f in again.check(Document("Skip to main content\n"))] == ["A101"]
