"""offtopic-unsupported: a passage that no other report of the same story supports.

When a run holds several reports of one story (agency copy republished by many sites), each
is evidence about the others: a sentence or paragraph foreign to its own document *and*
sharing none of its rare words and names with any other report of the story was most likely
spliced in. Seeds 000-004 are five reports of Putin meeting Assad; only 000 has the tweet about
Crimea and Ukrainian detainees.

Two steps (see lint/engine.py): ``summarize`` keeps a document's signature (its rarest
recurring words), its vocabulary, and its candidate passages (sentences and paragraphs whose
rare-word weight is mostly in words the document uses nowhere else, ``min_novelty``);
``check_corpus`` finds each document's fellow reports (at least ``min_shared_names`` recurring
names in common and signatures with cosine at least ``min_story_similarity``) and reports candidates whose rare words occur in at most
``max_support`` of their weight in the fellow reports and that bring at least
``min_foreign_names`` names (capitalised words) neither the document nor the fellows use:
a report's own extra detail usually stays with the story's cast. A document with fewer than ``min_fellows``
fellow reports in the run is never reported: one other report's silence is weak evidence.
"""

from __future__ import annotations

import math
from collections import Counter

from ..finding import Finding
from . import Option

OPTIONS = {
    "min_story_similarity": Option(float, 0.4, doc="signature cosine for two documents to report one story"),
    "min_shared_names": Option(int, 4, doc="recurring names two reports of one story share (and half of the fewer)"),
    "min_novelty": Option(float, 0.7, doc="a candidate's share of rare-word weight foreign to its own document"),
    "max_support": Option(float, 0.15, doc="highest share of that weight found in the other reports"),
    "min_mass": Option(float, 12.0, doc="summed rarity weight a passage needs to be judged"),
    "min_fellows": Option(int, 2, doc="other reports of the story needed: one alone is weak evidence"),
    "min_foreign_names": Option(int, 2, doc="names in the passage that neither its document nor the other reports use"),
    "min_words": Option(int, 8, doc="a passage must be a sentence of at least this many words"),
    "signature_size": Option(int, 40, doc="how many of a document's heaviest words make its signature"),
}
SCOPES = ()
_PROSE_END = tuple(".!?\"”’)")
TEXT_EXAMPLES = False  # needs several documents: tested in tests/test_offtopic.py


def check(doc, rule):
    return ()


def summarize(doc, rule):
    from ..topic.cohesion import profile, score_sentences
    from ..topic.lexicon import entities, surfaces

    opts = rule.options
    prof = profile(doc)
    sig = sorted(prof.total.items(), key=lambda kv: -kv[1])[: opts["signature_size"]]
    names_of = [prof.names(i) for i in range(len(prof.paragraphs))]
    cast = Counter(n for names in names_of for n in names)
    # names in two paragraphs or more; ties broken by name (set order varies between processes)
    recurring = [n for n, c in sorted(cast.items(), key=lambda kv: (-kv[1], kv[0]))[:10] if c >= 2]
    candidates = []
    for i, para in enumerate(prof.paragraphs):
        # a passage's names foreign to the document are among its paragraph's own words
        if len(names_of[i].intersection(para.foreign)) < opts["min_foreign_names"]:
            continue
        units = [para] + (score_sentences(prof, i) if len(prof.sentences_of(i)) > 1 else [])
        for u in units:
            if (u.mass < opts["min_mass"] or u.novelty < opts["min_novelty"]
                    or len(u.text.split()) < opts["min_words"] or not u.text.rstrip().endswith(_PROSE_END)):
                continue
            foreign = {k: u.bag[k] for k in u.foreign}
            names = sorted(n for n in entities(u.text) if n in foreign)
            if len(names) < opts["min_foreign_names"]:
                continue
            line, col = doc.position(u.start)
            end_line, end_col = doc.position(u.end - 1)
            candidates.append({"foreign": foreign, "words": surfaces(u.text, u.foreign),
                               "names": names, "novelty": u.novelty, "span": (line, col, end_line, end_col + 1),
                               "excerpt": u.text[:200]})
    return {"signature": dict(sig), "names": recurring, "vocabulary": frozenset(prof.total), "candidates": candidates}


def check_corpus(items, rule):
    opts = rule.options
    docs = [(path, record, s) for path, record, s in items if s]
    out = []
    for i, (path, record, s) in enumerate(docs):
        if not s["candidates"]:
            continue
        fellows = [o for j, (_, _, o) in enumerate(docs) if j != i and _same_story(s, o, opts)]
        if len(fellows) < opts["min_fellows"]:
            continue
        seen = frozenset().union(*(o["vocabulary"] for o in fellows))
        reported = []
        for c in sorted(s["candidates"], key=lambda c: c["span"]):
            total = sum(c["foreign"].values())
            support = sum(x for k, x in c["foreign"].items() if k in seen) / total if total else 1.0
            unknown = [n for n in c["names"] if n not in seen]
            if (support > opts["max_support"] or len(unknown) < opts["min_foreign_names"]
                    or any(_inside(c["span"], r) for r in reported)):
                continue
            reported.append(c["span"])
            line, col, end_line, end_col = c["span"]
            msg = rule.format(n=len(fellows), novelty=f"{c['novelty']:.0%}", support=f"{support:.0%}",
                              foreign=", ".join(c["words"]) or "none")
            out.append(Finding(path=path, line=line, column=col, end_line=end_line, end_column=end_col,
                               rule=rule.id, category=rule.category, severity=rule.severity, message=msg,
                               excerpt=c["excerpt"], record=record))
    return out


def _same_story(a, b, opts) -> bool:
    """Same recurring names (people, places, organisations) and similar vocabulary."""
    shared = len(set(a["names"]) & set(b["names"]))
    if shared < opts["min_shared_names"] or shared * 2 < min(len(a["names"]), len(b["names"])):
        return False
    return _cosine(a["signature"], b["signature"]) >= opts["min_story_similarity"]


def _inside(a, b) -> bool:
    """Span a within span b (line, col, end_line, end_col)."""
    return (b[0], b[1]) <= (a[0], a[1]) and (a[2], a[3]) <= (b[2], b[3])


def _cosine(a: dict, b: dict) -> float:
    num = sum(x * b.get(k, 0.0) for k, x in a.items())
    den = math.sqrt(sum(x * x for x in a.values()) * sum(x * x for x in b.values()))
    return num / den if den else 0.0
