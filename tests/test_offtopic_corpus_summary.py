"""O401's per-document summary takes shortcuts that must not change it: a sentence's novelty
and foreign words computed alone equal `score_sentences`' (which scores the whole paragraph),
the summary is the same whether another rule scored the sentences first or not, and the name
pattern's early rejection keeps every match of the plain pattern."""

import pickle
import random
import re

from lint.document import Document
from lint.kinds import offtopic_corpus
from lint.topic import cohesion
from lint.topic.lexicon import _NAME_CANDIDATE

PLAIN_NAME_CANDIDATE = re.compile(r"\s(?:(?<=[^\s.!?:\"”\-–—]\s)|(?<=\S[\-–—]\s))\s*"
                                  r"([\"'“”‘’()\[\],;:!?.]*[^\s\"'“”‘’()\[\],;:!?.a-z0-9]\S*)")

STORY = ("President Putin met President Assad in Damascus on Tuesday, the Kremlin said. "
         "The two leaders discussed the reconstruction of Syria and the return of refugees. ")
SPLICE = ("Meanwhile Zelensky thanked Erdogan and Guterres for the Crimean grain corridor talks "
          "in Odesa, where Bayraktar drones had been displayed. The Kremlin said the talks in Damascus "
          "lasted three hours. ")


def _doc():
    paras = [STORY * 2, STORY + SPLICE, "Putin and Assad also spoke about Idlib. " + STORY, STORY]
    return Document("\n\n".join(paras) + "\n")


def _o401(rules):
    return next(r for r in rules if r.id == "O401")


def test_sentence_novelty_alone_equals_score_sentences():
    doc = _doc()
    prof = cohesion.profile(doc)
    for i in range(len(prof.paragraphs)):
        alone = [offtopic_corpus._novelty(u, prof.total) for u in prof.sentences_of(i)]
        scored = cohesion.score_sentences(prof, i)
        assert alone == [(u.novelty, u.foreign) for u in scored]


def test_summary_same_whether_sentences_were_scored_first(rules):
    rule = _o401(rules)
    plain = offtopic_corpus.summarize(_doc(), rule)
    doc = _doc()
    prof = cohesion.profile(doc)
    for i in range(len(prof.paragraphs)):
        cohesion.score_sentences(prof, i)
        prof.names(i)
    assert pickle.dumps(offtopic_corpus.summarize(doc, rule)) == pickle.dumps(plain)
    assert plain[offtopic_corpus.CANDIDATES]  # the spliced sentence is a candidate


def test_name_pattern_keeps_every_plain_match():
    pieces = list("Aa zb9 .!?:\"”-–—'’()[],;\n\t é É İ ß Σσ$&") + ["Mr", "U.S.", "IBM", "O'Neil's", "\xa0", "\u3000"]
    rnd = random.Random(5)
    for _ in range(20000):
        text = "".join(rnd.choice(pieces) for _ in range(rnd.randint(0, 24)))
        assert _NAME_CANDIDATE.findall(text) == PLAIN_NAME_CANDIDATE.findall(text), repr(text)
