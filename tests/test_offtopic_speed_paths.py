"""Fast paths of the off-topic kinds that must not change results: each is checked against
the plain computation it replaces, on text made to trip it (curly apostrophes, hyphens,
letters that change length when lowercased, other scripts, teaser shapes with odd spacing)."""

import re
import zlib
from collections import Counter

import pytest

from lint.document import Document
from lint.kinds import offtopic_interrupt, offtopic_language, offtopic_splice, offtopic_teaser, offtopic_voice
from lint.topic import cohesion
from lint.topic.lexicon import (_LOWER_WORD, _content, bag, bag_at, entities, lower, lowered, non_ascii,
                                paragraph_bags)

TEXT = (
    "Prystaiko’s colleague said the well-known Soleimani bakeries' investors -- and 'tis the U.S. \n"
    "İstanbul’s mayor met the Mayor of KYIV; “Quoted Name” said ‘Another One’ — Rock'n'roll.\n\n"
    "A second paragraph about bakeries, bakery owners and investors in Istanbul and Kyiv.\n\n"
    "Третий абзац на русском языке, совсем другой текст. Ελληνικά ΣΟΦΟΣ σοφός.\n\n"
    "Café owners’ union — ΣΑΣ — said the investors' bakery plans were well-known: 3rd time.\n"
)


def _plain_bag(text):
    out = {}
    for tok in _LOWER_WORD.findall(text.lower()):
        hit = _content[tok]
        if hit:
            out[hit[0]] = out.get(hit[0], 0.0) + hit[1]
    return out


def test_bags_in_place_equal_the_plain_loop():
    doc = Document(TEXT.replace("İstanbul", "Istanbul"))  # lowercasing keeps the length
    low = lowered(doc)
    assert low is not None
    for p in doc.paragraphs:
        for s in range(p.start, p.end, 7):
            got, want = bag_at(low, s, p.end), _plain_bag(doc.text[s:p.end])
            assert got == want and list(got) == list(want) and got == bag(doc.text[s:p.end])
    assert lowered(Document(TEXT)) is None  # "İ" lowercases to two characters: no in-place offsets


@pytest.mark.parametrize("text", [
    "word\u2000other x\u2640y z\u2659w",  # characters whose UTF-8 bytes are all token bytes
    "węgiel 🙂word’s “quoted” —dash– ‘tis’ rock’n’roll ’’a €5 łódź",  # partly kept characters
    "-- ' ’ - '-' a-’-b ’s well-", "",
    "lone \udc80surrogate\ud800 bakery\udfffx"])  # as read with errors="surrogateescape"
def test_bags_of_the_blanked_bytes_equal_the_regular_expression(text):
    assert bag(text) == _plain_bag(text) and list(bag(text)) == list(_plain_bag(text))


@pytest.mark.parametrize("text", [TEXT, TEXT.replace("İstanbul", "Istanbul")])
def test_profile_equals_the_plain_sums(text):
    doc = Document(text + "\n\nInvestors and bakeries again, with Soleimani.\n")
    prof = cohesion.profile(doc)
    bags = [_plain_bag(p.text) for p in doc.paragraphs]
    total, counts = {}, Counter()
    for b in bags:
        cohesion.add(total, b)
        counts.update(b.keys())
    assert prof.total == total and list(prof.total) == list(total)  # same floats, same order
    shared = {k for k, c in counts.items() if c > 1}
    for u, b in zip(prof.paragraphs, bags):
        assert u.bag == b and _same_floats(u.mass, sum(b.values()))
        alone = [k for k in b if k not in shared]
        assert _same_floats(u.novelty, sum(b[k] for k in alone) / u.mass if u.mass else 0.0)
        assert u.foreign == [k for _, k in sorted(((b[k], k) for k in alone), reverse=True)]
        if b:
            assert u.cos == pytest.approx(cohesion.cosine(b, {k: total[k] - b.get(k, 0.0) for k in total}), abs=1e-9)


def test_sentences_of_are_the_same_split_before_and_after_the_document_split():
    doc = Document(TEXT)
    first = [[(u.start, u.end, u.bag) for u in cohesion.profile(doc).sentences_of(i)]
             for i in range(len(doc.paragraphs))]
    doc2 = Document(TEXT)
    doc2.sentences  # noqa: B018 - split first: sentences_of reads the document's own split
    second = [[(u.start, u.end, u.bag) for u in cohesion.profile(doc2).sentences_of(i)]
              for i in range(len(doc2.paragraphs))]
    assert first == second
    assert all(b == bag(doc.text[s:e]) for units in first for s, e, b in units)


def test_entities_cache_gives_the_plain_answer_twice():
    def plain(text):
        out = set()
        for word in re.findall(r"\s(?:(?<=[^\s.!?:\"”\-–—]\s)|(?<=\S[\-–—]\s))\s*"
                               r"([\"'“”‘’()\[\],;:!?.]*[^\s\"'“”‘’()\[\],;:!?.a-z0-9]\S*)", text):
            core = word.strip("\"'“”‘’()[],;:!?.")
            if core[0].isupper() and len(core) > 1 and not core.isupper():
                out.add((core[:-2] if core.endswith(("'s", "’s")) else core)[:6].lower())
        return out

    for p in Document(TEXT).paragraphs:
        assert entities(p.text) == plain(p.text) == entities(p.text)


def test_first_person_pattern_equals_the_branch_per_letter_pattern():
    old = re.compile(r"(?:I(?<![\w'’]I)(?:['’](?:m|ve|d|ll))?|[Mm](?<![\w'’][Mm])(?:e|y|ine|yself))(?![\w'’])")
    text = ("I I'm I’m me my mine myself Me My Mine Myself MY I'd I'll I've Ive I-I I'M mE m I. "
            "A'I 'I I'x I’mm my' my’ 'my Mimi am Im memo (me) “my” -me- IMy")
    assert [m.span() for m in offtopic_voice._FIRST.finditer(text)] == [m.span() for m in old.finditer(text)]
    for t in (text, TEXT, text.replace(" ", "")):
        assert offtopic_voice._first_person_starts(t) == [m.start() for m in offtopic_voice._FIRST.finditer(t)]


def test_voiced_paragraphs_stop_at_the_limit():
    doc = Document("I went home.\n\nThey said “I agree” and left.\n\nMy dog barked.\n\nMe too, I said.\n")
    assert offtopic_voice.voiced_paragraphs(doc) == {0: 1, 2: 1, 3: 2}
    assert offtopic_voice.voiced_paragraphs(doc, limit=2) == {0: 1, 2: 1}


def test_language_counts_and_script_test_equal_the_plain_ones():
    doc = Document(TEXT.replace("İstanbul", "Istanbul"))
    low = lowered(doc)
    for p in doc.paragraphs:
        words = re.findall(r"\w+", p.text.lower())
        plain = (len(words) - sum(1 for w in words if w not in offtopic_language._STOP)) / len(words)
        assert offtopic_language._ratio_of_lowered(low[p.start:p.end]) == plain
        assert offtopic_language.stopword_ratio(p.text) == plain
        assert offtopic_language.has_other_script(p.text) == bool(offtopic_language._NON_LATIN.search(p.text))
        for n in (0, 1, 5, 12, 40):
            assert offtopic_language._has_words(p.text, n) == (len(p.text.split()) >= n)
    for text in ("plain ascii", "café ÀÉÎ ɏ", "emoji 🙂 only", "日本語", "ΣΟΦΟΣ", "\u2028 ’ “ ”", "x\udc80y"):
        words = re.findall(r"\w+", text.lower())
        assert offtopic_language.stopword_ratio(text) == offtopic_language._ratio(words)
        assert offtopic_language.has_other_script(text) == bool(offtopic_language._NON_LATIN.search(text))


TEASERS = (
    "The council approved the budget on Tuesday after a long debate about school funding.\n\n"
    "  ALSO READ: Ten Cheap Espresso Machines Worth Buying  \n\n"
    "Related | Why Cats Sleep So Much During The Day\n"
    "\u2003don’t miss — The History of Coffee in Vienna\n"
    "Tips for Sleep Training Your Toddler →\n"
    "The Best Hiking Boots For Muddy Trails »   \n"
    "Ten Things About Ships (Read More)\n"
    "Battle for Syria's Oil Pits Local Tribes Against US Forces: https://example.com/battle/\n"
    "How the Fed Lost Control of Inflation\n\n"
    "   Read more\n"
    "[Editor's note: an earlier version of this story misstated the date.]\n"
    "A line that ends in a bracket (like this)\n"
    "The vote was nine to two, with two abstentions from the opposition.\n"
)


def test_teaser_candidate_lines_hold_every_shaped_line(rules):
    rule = next(r for r in rules if r.id == "O101")
    doc = Document(TEASERS)
    label_rx, opening = rule.compiled
    candidates = set(offtopic_teaser._candidate_lines(doc, lowered(doc), opening))
    texts = doc.line_texts
    shaped = []
    for n, t in enumerate(texts):
        if not t.strip():
            continue
        prev, nxt = offtopic_teaser._neighbour(doc, n, -1), offtopic_teaser._neighbour(doc, n, 1)
        if offtopic_teaser._shape(label_rx, t.strip(), rule.options, prev, nxt)[0]:
            shaped.append(n)
    assert len(shaped) >= 8 and set(shaped) <= candidates


def test_novel_positions_give_up_only_when_the_test_would_fail():
    doc = Document("Alpha beta. Gamma Soleimani bakeries zeppelin. Quartz xylophone. Delta.\n\n"
                   "Alpha beta gamma delta.\n")
    p = cohesion.profile(doc).paragraphs[0]
    ends = [m.span() for m in offtopic_splice._BOUNDARY.finditer(p.text)]
    lo, hi = ends[0][0], ends[-1][1]
    found, unplaced, _ = offtopic_splice._novel_positions(p, lowered(doc))
    inside = unplaced + sum(w for i, w in found if lo <= i < hi)
    for need in (inside / 2, inside - 1e-6, inside + 0.5, inside * 2):
        got = offtopic_splice._novel_positions(p, lowered(doc), lo, hi, need)
        assert got is None and inside < need or got[:2] == (found, unplaced) and unplaced + got[2] == inside
    assert offtopic_splice._squared_norm(p.bag) == sum(x * x for x in p.bag.values())


def test_a_name_with_a_lone_surrogate_gets_a_summary(rules):
    from lint.engine import summarize
    from lint.topic.lexicon import stem_ids

    offtopic = [r for r in rules if r.category == "off-topic" and r.enabled]
    para = "The council met Herr M\udcfcller in Vienna, and Herr M\udcfcller agreed on the school budget. "
    doc = Document("\n\n".join([para * 2] * 6))
    assert "O401" in summarize(doc, offtopic)  # bytes read with errors="surrogateescape" do not stop it
    assert stem_ids["putin"] == zlib.crc32(b"putin")  # ordinary stems keep their ids


@pytest.mark.parametrize("text", [TEXT, TEXT.replace("İstanbul", "Istanbul"), "ÀÉÎ Öz \u212a\u212b ǅ ΣΑΣ",
                                  "Ünal ÖZ ǈ \u1e9e x\udc80y 🙂 Ⅻ", "plain", ""])
def test_lower_equals_str_lower(text):
    assert lower(text) == text.lower() == lower(text, non_ascii(Document(text)))
    assert bool(offtopic_language._NON_LATIN.search(non_ascii(Document(text)))) == \
        offtopic_language.has_other_script(Document(text).text)


def test_totals_equal_the_sums_bag_by_bag():
    doc = Document(TEXT.replace("İstanbul", "Istanbul") + "\n\nInvestors and bakeries again, with Soleimani.\n")
    bags = paragraph_bags(doc)[0]
    total, counts = {}, Counter()
    for b in bags:
        cohesion.add(total, b)
        counts.update(b.keys())
    got, shared = cohesion.totals(bags)
    assert got == total and list(got) == list(total)
    assert shared == {k for k, c in counts.items() if c > 1}


@pytest.mark.parametrize("text", [TEXT, TEXT.replace("İstanbul", "Istanbul"), "Erdoğan met Müller in São Paulo "
                                  "on h1n1 and covid-19 in the mid-2020s; don't—won’t x_y 3rd.\n\nThe end."])
def test_paragraph_bags_and_counts_equal_the_plain_ones(text):
    doc = Document(text)
    bags, counts = paragraph_bags(doc)
    for p, b, n in zip(doc.paragraphs, bags, counts):
        assert b == _plain_bag(p.text) and list(b) == list(_plain_bag(p.text))
        words = re.findall(r"\w+", p.text.lower())
        stops = sum(1 for w in words if w in offtopic_language._STOP)
        assert n == len(words) + (1 << 24) * stops


def test_inner_span_equals_the_first_and_last_boundary():
    import random

    def plain(t):
        ends = [m.span() for m in offtopic_splice._BOUNDARY.finditer(t)]
        return None if len(ends) < 2 else (ends[0][0], ends[-1][1])

    rnd = random.Random(5)
    alphabet = "ab .!?…\"'”’»)] \n\tx.y"
    texts = ["".join(rnd.choice(alphabet) for _ in range(rnd.randint(0, 25))) for _ in range(20000)]
    for t in texts + [p.text for p in Document(TEXT).paragraphs]:
        assert offtopic_splice._inner_span(t) == plain(t)


def test_unit_mass_is_weighed_however_the_bag_came():
    given = cohesion.Unit(0, 9, "president", {"a": 1.5, "b": 2.0})  # a bag without its mass
    assert given.mass == 3.5
    given.bag = {"c": 0.5}  # a new bag: weighed again
    assert given.mass == 0.5
    text = "The president met the minister."
    tokenised = cohesion.Unit(0, len(text), text)
    assert tokenised.mass == sum(bag(text).values())


@pytest.mark.parametrize("text", [TEXT, TEXT.replace("İstanbul", "Istanbul")])
def test_scores_in_one_pass_equal_the_plain_sums(text):
    from operator import mul

    doc = Document(text + "\n\nInvestors and bakeries again, with Soleimani. Bakeries first.\n")
    prof = cohesion.profile(doc)
    total, shared = cohesion.totals(paragraph_bags(doc)[0])
    tn2 = sum(map(mul, total.values(), total.values()))
    for i, u in enumerate(prof.paragraphs):
        if u.bag:
            ref = cohesion.Unit(u.start, u.end, u.text, u.bag, u.mass)
            cohesion._score_plain(ref, u.bag, total, tn2, shared)
            assert _same_floats((ref.cos, ref.novelty, ref._alone), (u.cos, u.novelty, u._alone))
        pn2 = sum(map(mul, u.bag.values(), u.bag.values()))
        for s in cohesion.score_sentences(prof, i):
            if s.bag:
                ref = cohesion.Unit(s.start, s.end, s.text, s.bag, s.mass)
                cohesion._score_plain(ref, s.bag, u.bag, pn2, None)
                assert _same_floats(ref.cos, s.cos)


def _same_floats(a, b):
    """Bit for bit on Python < 3.12 (the one-pass loops add in the plain sums' order); from 3.12
    on, the plain ``sum()`` of floats is compensated, so the two may differ in the last bits."""
    import sys

    if sys.version_info < (3, 12):
        return a == b
    if isinstance(a, tuple):
        return len(a) == len(b) and all(map(_same_floats, a, b))
    return a == pytest.approx(b, rel=1e-9, abs=1e-12) if isinstance(a, float) else a == b


def test_style_conflict_counts_the_document_only_where_needed():
    def plain(doc, start, end, min_uses):
        total, c = offtopic_interrupt._typography(doc.text), offtopic_interrupt._typography(doc.text[start:end])
        for name, rival in offtopic_interrupt._RIVAL.items():
            rest = total[rival] - c[rival]
            if c[name] and total[name] == c[name] and rest >= min_uses:
                return f"{name}, where the rest of the article uses {rival} ({rest} times)"
        return None

    paras = ["It's the mayor's plan, and it's \"fine\" - he said.", "It’s the mayor’s “plan” — she said.",
             "Nobody's plan—no 'quotes' – here.", "Plain words only here", TEXT, TEASERS]
    found = set()
    straight = Document("\n\n".join(paras[:1] * 4 + ["Its “only” curly quotes — once.", paras[3]]))
    mixed = Document("\n\n".join(paras * 2))
    for doc in (straight, mixed):
        for p in doc.paragraphs:
            for uses in (1, 2, 3, 5):
                got = offtopic_interrupt.style_conflict(doc, p.start, p.end, uses, 10**9)
                assert got == plain(doc, p.start, p.end, uses)
                found.add(got)
    assert len(found) > 1  # some paragraph keeps its own convention



def test_a_profiled_document_is_freed_without_the_cycle_collector():
    # the profile refers back to its document weakly: dropping the document frees it (and its
    # units) at once, instead of leaving a cycle for the collector to find
    import gc
    import weakref

    enabled = gc.isenabled()
    gc.disable()
    try:
        doc = Document(TEXT)
        prof = cohesion.profile(doc)
        prof.sentences_of(0)
        assert prof.doc is doc
        ref = weakref.ref(doc)
        del doc
        assert ref() is None
        assert prof.doc is None
    finally:
        if enabled:
            gc.enable()


SPACED = [
    "Putin met  Erdogan in Ankara. Then Assad  -  Moscow — Kremlin - Lavrov: Said “Quoted Name” "
    "(Brackets) and ‘Another One’ and \"Straight Quotes\" ,Comma 3Rd x9 Élysée Ωmega $Dollar",
    " Leading space Name", "Trailing Name ", "a - B -- C —D – E  F. G! H? I: J\" K” L",
    "U.S. officials and the U.K. met NATO's chief, Stoltenberg’s aide", "", " ", "Name"]


def _plain_entities(text):
    from lint.topic.lexicon import _NAME_CANDIDATE, _name_stems

    return {_name_stems[w] for w in _NAME_CANDIDATE.findall(text)} - {None}


@pytest.mark.parametrize("text", SPACED + [t.replace("“", '"').replace("”", '"').replace("‘", "'").replace("’", "'")
                                           .replace("—", "-").replace("–", "-").replace("É", "E").replace("Ω", "O")
                                           for t in SPACED])
def test_spaced_name_search_equals_the_general_one(text):
    assert " " in text or not text.strip() or text == "Name"
    assert entities(text, True) == entities(text) == _plain_entities(text)


@pytest.mark.parametrize("space", ["\t", "\n", "\x0b", "\x0c", "\r", "\x1c", "\x1d", "\x1e", "\x1f"])
def test_ascii_text_with_other_whitespace_takes_the_general_search(space):
    text = f"Putin met{space}Erdogan and{space} Assad in{space}{space}Ankara"
    assert text.isascii() and entities(text) == _plain_entities(text) and "erdoga" in entities(text)


@pytest.mark.parametrize("space", ["\t", "\x0b", "\x0c", "\x1c", "\x1f", "\xa0", "\u2009", "\u3000", "\x85"])
def test_profile_names_search_other_whitespace_generally(space):
    from lint.topic.lexicon import spaced_only

    plain = Document("\n\n".join(SPACED))
    assert spaced_only(plain)
    doc = Document("\n\n".join(SPACED) + f"\n\nAnd Then{space}Some Words")
    assert not spaced_only(doc)
    for d in (plain, doc, Document("Hard wrapped Line one\nAnd Line Two with Names\n")):
        prof = cohesion.profile(d)
        assert [prof.names(i) for i in range(len(d.paragraphs))] == [entities(p.text) for p in d.paragraphs]


def test_person_pattern_equals_the_look_behind_first_pattern():
    import random

    plain = re.compile(  # the pattern as first written: the look-behind first, tried at every position
        r"(?<![\w'’])(?:(?P<first_singular>I|I['’](?:m|ve|d|ll)|[Mm]e|[Mm]y|[Mm]ine|[Mm]yself)"
        r"|(?P<first_plural>[Ww]e|[Ww]e['’](?:re|ve|ll|d)|[Uu]s|[Oo]urs?|[Oo]urselves)"
        r"|(?P<second>[Yy]ou|[Yy]ou['’](?:re|ve|ll|d)|[Yy]ours?|[Yy]ourself))(?![\w'’])")
    pieces = ["I", "I'm", "I’ve", "I'd", "I'll", "I'x", "me", "Me", "my", "My", "mine", "myself", "we",
              "We're", "we’ve", "us", "Us", "our", "ours", "ourselves", "you", "You're", "your", "yours",
              "yourself", "yourselves", "Iowa", "mystery", "'I", "’me", "M", "u", "'", "’", "Y", "yo", "I'",
              "we'", "you’ll", "ourself", "_I", "3me", "ı", "é", " ", " ", ".", "-", "\n"]
    rng = random.Random(5)
    texts = [TEXT, "I said: “we and you”, my—our—your; I’m, I'mx, us.\nUs"]
    texts += ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    for text in texts:
        spans = [(m.span(), m.lastgroup) for m in offtopic_interrupt._PERSON.finditer(text)]
        assert spans == [(m.span(), m.lastgroup) for m in plain.finditer(text)], text
