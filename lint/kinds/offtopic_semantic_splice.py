"""offtopic-semantic-splice: a sentence whose meaning belongs neither to its paragraph nor to the article.

The sentence-level part of the optional semantic mode (``pip install 'seedlint[semantic]'``;
off by default, run it with ``--extend-select O206``). Every sentence of the document is
embedded with all-MiniLM-L6-v2 in one encode call (shared with the other semantic rules).
Each sentence of at least ``min_chars`` characters is scored on three similarities:

- support: the mean cosine with its ``top_k`` most similar sentences of the document;
- centrality: the cosine with the mean of all the document's other sentences;
- neighbours: the higher cosine with the sentence just before and just after it.

Each is read against the document's own lower quartile (its sentences' usual range), and the
sentence's score is the sum of the three over the sum of the three quartiles: a sentence
spliced in from another article is far below its document on all three, an ordinary sentence
at most on one (a quip, a change of scene). A sentence inside a paragraph (a sentence of the
paragraph on each side) is reported when its score is at most ``max_relative`` and it carries
at least ``min_foreign`` rarity weight in words that the rest of the document never uses: a
short general remark ("If it were that easy, everyone would do it.") is semantically isolated
too, but brings no content of its own. At most the lowest-scoring sentence of a document is
reported, and documents with fewer than ``min_sentences`` judged sentences are left alone.

The message gives the support, the document's usual range, the similarity with the
neighbouring sentences and the foreign words. Slow (a small transformer on the CPU): meant
for sampling and audits. Thresholds were chosen on one half of the off-topic dev set.
"""

from __future__ import annotations

from . import Option
from .offtopic_semantic import sentence_vectors, warn_missing

OPTIONS = {
    "max_relative": Option(float, 0.45, doc="highest score (support + centrality + neighbours over the "
                                            "sum of their lower quartiles in the document)"),
    "min_foreign": Option(float, 6.0, doc="rarity weight a sentence needs in words the rest of the "
                                          "document never uses"),
    "top_k": Option(int, 3, doc="how many most similar sentences make a sentence's support"),
    "min_chars": Option(int, 30, doc="shorter sentences are neither judged nor compared"),
    "min_sentences": Option(int, 8, doc="documents with fewer judged sentences are left alone"),
}
TEXT_EXAMPLES = False  # the model is optional: tested in tests/test_offtopic_semantic.py


def check(doc, rule):
    import numpy as np

    from ..topic import embedding

    opts = rule.options
    sents = doc.sentences
    judged = np.array([s.end - s.start >= opts["min_chars"] for s in sents], dtype=bool)
    k = opts["top_k"]
    if judged.sum() < max(opts["min_sentences"], k + 1):
        return
    try:
        sents, owner, vectors = sentence_vectors(doc)
    except embedding.MissingModel as e:
        warn_missing(rule, e)
        return
    scored = relative_scores(vectors, owner, judged, k)
    if scored is None:
        return
    score, support, neighbours, inner, q = scored
    best = None
    for i in np.flatnonzero(inner)[np.argsort(score[inner], kind="stable")]:
        if score[i] > opts["max_relative"]:
            return
        foreign = _foreign(doc, sents[i], owner[i])
        if foreign[0] >= opts["min_foreign"]:
            best = i
            break
    if best is None:
        return
    s = sents[best]
    hi = np.percentile(support[judged], 75)
    f = rule.finding(doc, s.start, s.end, support=f"{support[best]:.2f}", usual=f"{q[0]:.2f}-{hi:.2f}",
                     neighbours=f"{neighbours[best]:.2f}", foreign=foreign[1])
    f.score = float(score[best])
    yield f


def relative_scores(vectors, owner, judged, k):
    """(score, support, neighbours, inner, the three lower quartiles) per sentence, or None when
    no judged sentence has a sentence of its paragraph on each side: the score is support +
    centrality + neighbours over the sum of the document's lower quartiles of the three."""
    import numpy as np

    scores = _scores(vectors, owner, judged, k)
    if scores is None:
        return None
    support, centrality, neighbours, inner = scores
    q = [np.percentile(support[judged], 25), np.percentile(centrality[judged], 25),
         np.percentile(np.maximum(neighbours[inner], 0), 25)]
    return (support + centrality + np.maximum(neighbours, 0)) / max(sum(q), 1e-6), support, neighbours, inner, q


def _scores(vectors, owner, judged, k):
    """(support, centrality, neighbours, inner) per sentence: arrays over all sentences; inner
    marks the judged sentences with a sentence of their own paragraph on each side."""
    import numpy as np

    n = len(owner)
    sims = vectors @ vectors.T
    np.fill_diagonal(sims, -np.inf)
    among = np.where(judged[None, :], sims, -np.inf)  # compared with judged sentences only
    top = -np.partition(-among, k - 1, axis=1)[:, :k]
    support = top.mean(axis=1)
    total = vectors[judged].sum(axis=0)
    rest = total[None, :] - vectors * judged[:, None]
    centrality = (vectors * rest).sum(axis=1) / np.maximum(np.linalg.norm(rest, axis=1), 1e-9)
    owner = np.asarray(owner)
    inner = np.zeros(n, dtype=bool)
    if n >= 3:
        inner[1:-1] = (owner[:-2] == owner[1:-1]) & (owner[2:] == owner[1:-1])
    inner &= judged
    if not inner.any():
        return None
    neighbours = np.full(n, -1.0)
    idx = np.flatnonzero(inner)
    neighbours[idx] = np.maximum(sims[idx, idx - 1], sims[idx, idx + 1])
    return support, centrality, neighbours, inner


def _foreign(doc, sentence, index: int) -> tuple[float, str]:
    """(rarity weight of the sentence's words that the rest of the document never uses, those
    words for the message), from the shared lexical profile."""
    from ..topic.cohesion import profile, score_sentences
    from ..topic.lexicon import surfaces

    for u in score_sentences(profile(doc), index):
        if u.start == sentence.start:
            return u.novelty * u.mass, ", ".join(surfaces(u.text, u.foreign)) or "none"
    return 0.0, "none"
