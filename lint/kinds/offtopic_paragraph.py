"""offtopic-paragraph: a paragraph that does not belong to its document.

Every paragraph is compared with the rest of the document on its content words, weighted by
rarity (a shared "Soleimani" counts, a shared "said" hardly does): ``cos`` is the weighted
cosine with the rest, ``novelty`` the share of its rarity weight carried by words no other
paragraph uses. A paragraph pasted in from another article shares almost none of the
document's vocabulary; an ordinary new turn in a story still reuses its names and key terms.
Only the least cohesive paragraph of a document can be reported (``max_per_document``), and
only when it is long enough to judge (``min_mass``): short paragraphs share few words with
anything. The message gives the foreign words, the paragraph's similarity and the document's
usual range (the middle half of its paragraphs' similarities).

Options: ``max_cos`` (0.01), ``min_novelty`` (0.8), ``min_mass`` (20: summed rarity weight,
about 8-12 content words), ``min_paragraphs`` (4), ``max_per_document`` (1). Defaults favour
precision; lower ``min_mass`` / raise ``max_cos`` for recall.
"""

from __future__ import annotations

from . import Option

OPTIONS = {
    "max_cos": Option(float, 0.01, doc="highest rarity-weighted cosine with the rest of the document"),
    "min_novelty": Option(float, 0.8, doc="lowest share of rarity weight in words the document never reuses"),
    "min_mass": Option(float, 20.0, doc="summed rarity weight a paragraph needs to be judged"),
    "min_paragraphs": Option(int, 4, doc="documents with fewer judged paragraphs are left alone"),
    "max_per_document": Option(int, 1, doc="report at most this many paragraphs per document, least cohesive first"),
}


def candidates(doc, rule):
    """(profile, [(unit, range)]): the paragraphs past the thresholds, least cohesive first."""
    from ..topic.cohesion import profile

    opts = rule.options
    prof = profile(doc)
    judged = [u for u in prof.paragraphs if u.mass >= opts["min_mass"] / 2]
    if len(judged) < opts["min_paragraphs"]:
        return prof, []
    cosines = sorted(u.cos for u in judged)
    usual = (cosines[len(cosines) // 4], cosines[(3 * len(cosines)) // 4])
    out = [u for u in judged if u.mass >= opts["min_mass"] and u.cos <= opts["max_cos"]
           and u.novelty >= opts["min_novelty"]]
    out.sort(key=lambda u: u.cos)
    return prof, [(u, usual) for u in out[: opts["max_per_document"]]]


def check(doc, rule):
    from ..topic.lexicon import surfaces

    _, found = candidates(doc, rule)
    for u, (lo, hi) in found:
        words = ", ".join(surfaces(u.text, u.foreign)) or "none"
        f = rule.finding(doc, u.start, u.end, foreign=words, cos=f"{u.cos:.3f}",
                         usual=f"{lo:.2f}-{hi:.2f}", novelty=f"{u.novelty:.0%}")
        f.score = u.cos
        yield f
