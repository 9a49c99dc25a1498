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

Scale: a summary is a few hundred bytes plus 3 per distinct word (stems and names as stable
32-bit ids, weights in tenths, the vocabulary beyond the signature as 24-bit hashes: a foreign
word wrongly counted as supported, about 1 time in 30,000 per other report, can only silence a
finding), plus its candidates' texts (the words a message shows are looked up in the text only
when a candidate is reported). The corpus pass does not compare every pair of documents: each
document looks up the documents that share its recurring names in an index and compares only
those sharing ``min_shared_names``. A name carried by more than ``max_name_reports`` documents
of the run (a country, a head of state) is too common to pick out a story and is not looked up,
which bounds the work per document. The index stays in memory for the run's first
`MEMORY_DOCS` documents (~300 bytes each) and moves to disk past them (`lint.corpus.index`):
memory stays bounded whatever the corpus size. Once the index is built, documents are judged
independently: with ``-j N`` the runner judges them in N forked processes (``check_corpus``'s
``fan_out``).
"""

from __future__ import annotations

import math
import sys
from array import array
from collections import Counter
from itertools import chain, filterfalse, repeat
from operator import itemgetter, mul

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
    "max_name_reports": Option(int, 500, doc="names in more documents than this do not pick out a story "
                                             "(bounds the comparisons per document)"),
}
SCOPES = ()
_PROSE_END = tuple(".!?\"”’)")
TEXT_EXAMPLES = False  # needs several documents: tested in tests/test_offtopic.py
# summary fields (a tuple: no key names repeated in every pickled summary); a candidate is
# (foreign word ids, their tenths, name ids, novelty, span, its first _SHOWN foreign stems, text)
SIG_IDS, SIG_WEIGHTS, NAMES, VOCABULARY, CANDIDATES = range(5)
_SHOWN = 6  # foreign words a message shows
_HASH24 = 0xFFFFFF


def check(doc, rule):
    return ()


def _ids(keys) -> bytes:
    from ..topic.lexicon import stem_ids

    return array("I", map(stem_ids.__getitem__, keys)).tobytes()


def _tenths(weights) -> bytes:
    """Rarity weights are multiples of 0.1 (the table keeps one decimal): stored exactly as tenths."""
    tenths = list(map(round, map(mul, weights, repeat(10))))  # round(w * 10) each, in C
    if tenths and max(tenths) > 0xFFFF:
        tenths = [min(t, 0xFFFF) for t in tenths]
    return array("H", tenths).tobytes()


def _pack24(ids) -> bytes:
    """The low 24 bits of 32-bit values as three byte planes (low, middle, high): 3 bytes
    each, split in C."""
    raw = array("I", ids).tobytes()
    return raw[0::4] + raw[1::4] + raw[2::4]


def _unpack24(blob: bytes) -> array:
    n = len(blob) // 3
    raw = bytearray(4 * n)
    raw[0::4], raw[1::4], raw[2::4] = blob[:n], blob[n:2 * n], blob[2 * n:]
    return _unpack("I", bytes(raw))


def _unpack(code: str, blob: bytes) -> array:
    a = array(code)
    a.frombytes(blob)
    return a


def summarize(doc, rule):
    from ..topic.cohesion import profile
    from ..topic.lexicon import entities, stem_ids

    opts = rule.options
    prof = profile(doc)
    total = prof.total
    # the heaviest words, ties in order of first use (what heapq.nlargest gives, sorted in C)
    sig = sorted(total.items(), key=itemgetter(1), reverse=True)[:opts["signature_size"]]
    names_of = [prof.names(i) for i in range(len(prof.paragraphs))]
    cast = Counter(chain.from_iterable(names_of))  # paragraphs naming each name, counted in C
    # the ten names found in most paragraphs, two at least; ties broken by name (set order
    # varies between processes)
    recurring = [n for n, _ in sorted(((n, c) for n, c in cast.items() if c >= 2), key=lambda kv: (-kv[1], kv[0]))[:10]]
    candidates = []
    least = opts["min_foreign_names"]
    min_words, min_mass, min_novelty = opts["min_words"], opts["min_mass"], opts["min_novelty"]
    for i, para in enumerate(prof.paragraphs):
        # a passage's names foreign to the document are among its paragraph's own words (its
        # foreign words, unsorted: only how many names are among them matters here)
        here = names_of[i]
        if len(here) < least or len(here.intersection(para._alone or ())) < least:
            continue
        sents = prof.sentences_of(i)
        for u in [para] + sents if len(sents) > 1 else [para]:
            # the text tests first: a sentence failing them is never tokenised
            # (split at most min_words - 1 times: the count up to min_words, without a string per word)
            if (len(u.text.split(None, min_words - 1)) < min_words or not u.text.rstrip().endswith(_PROSE_END)
                    or u.mass < min_mass):
                continue
            if u is para:
                novelty, foreign, names_in = u.novelty, u.foreign, here  # the paragraph's own names
            else:
                novelty, foreign = _novelty(u, total)
                names_in = entities(u.text)
            if novelty < min_novelty:
                continue
            names = sorted(names_in.intersection(foreign))
            if len(names) < least:
                continue
            line, col = doc.position(u.start)
            end_line, end_col = doc.position(u.end - 1)
            bag = u.bag
            # the passage's words behind its foreign stems are found when it is reported (few are)
            candidates.append((_ids(foreign), _tenths(map(bag.__getitem__, foreign)), _ids(names), novelty,
                               (line, col, end_line, end_col + 1), tuple(foreign[:_SHOWN]), u.text))
    heavy = {k for k, _ in sig}  # their ids are in the signature already
    vocabulary = _pack24(list(map(stem_ids.__getitem__, filterfalse(heavy.__contains__, total))))
    return (_ids([k for k, _ in sig]), _tenths([w for _, w in sig]), _ids(recurring), vocabulary,
            tuple(candidates))


def _novelty(u, total: dict) -> tuple[float, list]:
    """A sentence's novelty and foreign words against the whole document, as
    `cohesion.score_sentences` sets them (the same sums in the same order), without scoring
    the paragraph's other sentences."""
    get = total.get
    alone = [(x, k) for k, x in u.bag.items() if get(k, 0.0) - x < 1e-9]
    mass = u.mass
    return (sum(map(itemgetter(0), alone)) / mass if mass else 0.0), [k for _, k in sorted(alone, reverse=True)]


def check_corpus(items, rule, fan_out=None):
    """Two streaming reads of the summaries: the first indexes every document's story (names
    and signature), the second reads back the documents that have candidates, and their
    fellow reports' vocabularies, one at a time. Documents are judged independently once the
    index is built: ``fan_out(fn, parts)``, when given, maps ``fn`` over parts of them in
    forked worker processes (which inherit the index and ``items``) and returns the results in
    order; the findings are the same as without it."""
    from ..corpus.spill import SpilledArray

    global _SHARED
    stories = _Stories(rule.options)
    queries = SpilledArray("I")  # the documents with candidates
    try:
        for i, (_, _, s) in enumerate(items):
            if s:
                stories.add(i, s)
                if s[CANDIDATES]:
                    queries.append(i)
        stories.build_index()
        if fan_out is None or len(queries) < FAN_OUT_MIN:
            return _check(items, rule, stories, queries)
        _SHARED = (items, rule, stories, queries)
        step = -(-len(queries) // FAN_OUT_PARTS)
        return list(chain.from_iterable(fan_out(_check_part, [(a, a + step) for a in range(0, len(queries), step)])))
    finally:
        _SHARED = None
        stories.close()
        queries.close()


FAN_OUT_MIN = 200  # documents to judge: fewer are judged faster than processes start
FAN_OUT_PARTS = 64  # contiguous parts (fellows of nearby documents overlap: read-back cache hits)
_SHARED = None  # (items, rule, stories, queries) for forked workers


def _check_part(bounds):
    items, rule, stories, queries = _SHARED
    return _check(items, rule, stories, queries[bounds[0]:bounds[1]])


def _check(items, rule, stories, queries):
    out = []
    least = rule.options["min_fellows"]
    for i in queries:
        fellows = stories.fellows(i)
        if len(fellows) < least:
            continue
        path, record, s = items[i]
        out += _report(path, record, s, _seen(s, fellows, items), len(fellows), rule)
    return out


def _seen(s, fellows, items) -> set:
    """Which of the words the document's candidates ask about (their foreign words and names,
    as 24-bit hashes) some fellow report uses (its vocabulary or signature). Stops reading
    fellows once every one is found."""
    wanted = set()
    for foreign, _, names, *_ in s[CANDIDATES]:
        wanted.update(_low24(foreign))
        wanted.update(_low24(names))
    seen = set()
    for j in fellows:
        other = items[j][2]
        seen |= wanted.intersection(_unpack24(other[VOCABULARY]))
        seen |= wanted.intersection(_low24(other[SIG_IDS]))
        if len(seen) == len(wanted):
            break
    return seen


def _low24(blob: bytes) -> array:
    """Packed 32-bit ids, each masked to its low 24 bits (``k & _HASH24``), in C."""
    raw = bytearray(blob)
    raw[_HIGH_BYTE::4] = bytes(len(raw) >> 2)
    return _unpack("I", raw)


_HIGH_BYTE = 3 if sys.byteorder == "little" else 0


def _report(path, record, s, seen, n_fellows, rule):
    from ..topic.lexicon import surfaces

    opts = rule.options
    out, reported = [], []
    for foreign, weights, names, novelty, span, stems, text in sorted(s[CANDIDATES], key=itemgetter(4)):
        ids, tenths = _unpack("I", foreign), _unpack("H", weights)
        total = sum(tenths)
        support = sum(w for k, w in zip(ids, tenths) if k & _HASH24 in seen) / total if total else 1.0
        unknown = [n for n in _unpack("I", names) if n & _HASH24 not in seen]
        if (support > opts["max_support"] or len(unknown) < opts["min_foreign_names"]
                or any(_inside(span, r) for r in reported)):
            continue
        reported.append(span)
        line, col, end_line, end_col = span
        msg = rule.format(n=n_fellows, novelty=f"{novelty:.0%}", support=f"{support:.0%}",
                          foreign=", ".join(surfaces(text, list(stems), _SHOWN)) or "none")
        out.append(Finding(path=path, line=line, column=col, end_line=end_line, end_column=end_col,
                           rule=rule.id, category=rule.category, severity=rule.severity, message=msg,
                           excerpt=text[:200], record=record))
    return out


class _Stories:
    """Every document's recurring names and signature, and an index from names to documents.

    Two documents are fellow reports when they share ``min_shared_names`` (t) recurring names,
    and half of the fewer, and their signatures have cosine ``min_story_similarity``. A
    document looks up the documents listed under each of its names, counting (in C) how many
    names each shares with it; only those sharing t names are compared further. Names carried
    by one document only are not indexed. A name in more than ``max_name_reports`` documents
    (a country, a head of state) is not looked up: it bounds the work per document, so the pass
    grows linearly with the corpus; a report sharing only such names with a document is not
    found. Memory: about 350 bytes per document (names and signature as packed bytes), plus
    the index (4 bytes per document and name), for the first `MEMORY_DOCS` documents of the
    run; past them the whole index moves to disk (`lint.corpus.index`), the same answers."""

    def __init__(self, opts):
        from ..corpus.index import DocIndex

        self.opts = opts
        self.t = opts["min_shared_names"]
        # doc -> its story (`_pack_story`); only documents with at least t names (the others
        # can share t names with no one)
        self.index = DocIndex(MEMORY_DOCS)

    def add(self, i, s):
        names = s[NAMES]
        if len(names) // 4 < self.t:
            return
        self.index.add(i, _pack_story(names, s[SIG_IDS], s[SIG_WEIGHTS]), _unpack("I", names))

    def build_index(self):
        self.index.build(self.opts["max_name_reports"])

    def close(self):
        self.index.close()

    def fellows(self, i) -> list[int]:
        story = self.index.record(i)
        if story is None:
            return []
        mine = set(_story_names(story))
        if self.t < 1:  # no names needed: every document is a candidate
            found = [j for j in self.index.ids() if j != i]
        else:
            counts: Counter = Counter()
            skipped = 0
            cap = self.opts["max_name_reports"]
            for n_docs, docs in self.index.postings(mine):  # names no other document has are left out
                if n_docs > cap:
                    skipped += 1
                    continue
                counts.update(docs)  # counted in C
            need = max(self.t - skipped, 1)
            found = sorted(j for j, c in counts.items() if c >= need and j != i)
        norm2, ids, tenths = _story_signature(story)
        sig = dict(zip(ids, tenths))
        return [j for j, story in zip(found, self.index.records(found)) if self._same_story(mine, sig, norm2, story)]

    def _same_story(self, mine, sig, norm2, story) -> bool:
        """Same recurring names (people, places, organisations) and similar vocabulary."""
        theirs = _unpack("I", story[1:1 + 4 * story[0]])  # _story_names, inlined: the hot path
        shared = len(mine.intersection(theirs))
        if shared < self.t or shared * 2 < min(len(mine), len(theirs)):
            return False
        norm2_j, ids, w = _story_signature(story)
        num = sum(map(mul, w, map(sig.get, ids, repeat(0))))
        den = math.sqrt(norm2 * norm2_j)
        return (num / den if den else 0.0) >= self.opts["min_story_similarity"]


MEMORY_DOCS = 50_000  # documents whose stories the index keeps in memory (~15 MB); past them, on disk


def _pack_story(names: bytes, sig_ids: bytes, sig_tenths: bytes) -> bytes:
    """A document's story as one bytes object: how many names (1 byte: at most 255), their
    ids, the signature's squared norm (8 bytes: an exact integer of tenths), its ids and tenths."""
    tenths = _unpack("H", sig_tenths)
    return bytes([len(names) // 4]) + names + array("Q", [sum(map(mul, tenths, tenths))]).tobytes() + sig_ids + sig_tenths


def _story_names(story: bytes) -> array:
    return _unpack("I", story[1:1 + 4 * story[0]])


def _story_signature(story: bytes):
    """(squared norm, ids, tenths) of a packed story's signature."""
    start = 1 + 4 * story[0]
    n = (len(story) - start - 8) // 6  # 4 bytes of id and 2 of weight per word
    ids = start + 8 + 4 * n
    return int.from_bytes(story[start:start + 8], sys.byteorder), _unpack("I", story[start + 8:ids]), _unpack("H", story[ids:])


def _inside(a, b) -> bool:
    """Span a within span b (line, col, end_line, end_col)."""
    return (b[0], b[1]) <= (a[0], a[1]) and (a[2], a[3]) <= (b[2], b[3])
