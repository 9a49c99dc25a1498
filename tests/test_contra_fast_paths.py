"""The fast paths of the contradiction/consistency pass find exactly what the plain regular
expressions find (they only skip text that cannot match)."""

import re

from lint.facts import finditer_at, folded
from lint.facts.numbers import _DIGITS, _figures
from lint.kinds import coherence, ordinal, weekday_date
from lint.kinds.formal_name import _anchors
from lint.facts.dates import WEEKDAYS

TEXTS = [
    "$5 and 5$6, 1,234.5 million, $1,000,000, £3bn, 12.5% and .5 or a5; €7 per cent, x$,5 $$5 1,23",
    "12,345,678.9 people; ١٢٣ and $١٢ in 2019-2020, 10:30, #4, v2.1, 3rd",
    "On MONDAY, March 2 and Tuesday the 3rd; sunday 5 May. İstanbul on Friday, Saturday.",
    "Peskov said; according to Lavrov, Assad added. He told ... unsaid toldx said",
    "The last time Putin visited Syria was in 2017. Putin previously visited Syria in 2018; "
    "Assad's last trip to Moscow was in 2015: the prior visit came in 2011",
    "",
]


def _spans(matches):
    return [(m.span(), m.groupdict() if m.re.groupindex else m.group()) for m in matches]


def test_figures_match_the_plain_pattern():
    for text in TEXTS:
        assert _spans(_figures(text)) == _spans(_DIGITS.finditer(text))


def test_finditer_at_matches_finditer_case_blind_and_from_an_offset():
    for text in TEXTS:
        low = folded(text)
        weekdays = weekday_date._WEEKDAY
        assert _spans(finditer_at(weekdays, text, WEEKDAYS, low=low)) == _spans(weekdays.finditer(text))
        speech = coherence._SPEECH_RX
        for start in (0, 5):
            got = finditer_at(speech, text, coherence._SPEECH_WORDS + ["according to"], start=start)
            assert _spans(got) == _spans(speech.finditer(text, start))


def test_folded_refuses_texts_whose_offsets_would_move():
    assert folded("İstanbul") is None
    assert folded("ſome Text") == "some text"


def test_last_time_clauses_match_the_plain_pattern():
    for text in TEXTS:
        assert _spans(ordinal._last_matches(text)) == _spans(ordinal._LAST.finditer(text))


def test_formal_name_anchors_cover_every_name():
    names = ["Russian Federation", "United Kingdom", "Republic of Korea", "Kingdom of Saudi Arabia", "UAE"]
    anchors = _anchors(names)
    assert all(any(a in n for a in anchors) for n in names)
    assert len(anchors) < len(names)
    assert all(re.fullmatch(r"[A-Z]\w{3,}", a) or a in names for a in anchors)


def test_weekdays_are_found_in_any_case_after_the_day_search():
    from pathlib import Path

    from lint.document import Document
    from lint.rules import load_rules

    root = Path(__file__).resolve().parents[1]
    (rule,) = [r for r in load_rules([root / "rules/contradiction"], include_builtin=False) if r.id == "C101"]
    text = "It met on WEDNESDAY, March 3, 2015, on Monday, March 2, 2015 and on sunday, 6 May 2019. Today."
    doc = Document(text)
    found = [doc.text[doc.offset(f.line, f.column):].split(",")[0] for f in rule.check(doc)]
    assert found == ["WEDNESDAY", "sunday"]


def test_dates_found_at_their_words_match_the_plain_pattern():
    from lint.facts.dates import _DATE, _date_matches

    texts = TEXTS + ["Tuesday, the 3rd of March 2015 and 5 of  \n March; 12th  of\tDEC. 2019, Sunday 5 May " * 12,
                     "x5 March 1999, 2020 March 3, MONDAY, SEPT 5th, 2020 on the 21st of may " * 12]
    for text in texts:
        for start, end in ((0, len(text)), (3, len(text) // 2)):
            assert _spans(_date_matches(text, start, end, folded(text))) == _spans(_DATE.finditer(text, start, end))


def test_dateline_weekdays_and_future_words_match_the_plain_patterns():
    from lint.kinds import dateline

    text = "by Monday, on SUNDAY and next tuesday. Until Friday; onFriday; on  Friday. It will, they'll; " \
           "it is scheduled to, ARE DUE TO, plans to, later this week, is set to"
    for start in (0, 9):
        low = folded(text)
        assert _spans(dateline._weekday_refs(text, low, start)) == _spans(dateline._WEEKDAY.finditer(text, start))
        assert _spans(dateline._futures(text, low, start)) == _spans(dateline._FUTURE.finditer(text, start))


def test_lead_weekdays_match_the_plain_pattern():
    from lint.kinds import cross_report_dates as crd

    text = "Next  Tuesday, last\nFriday and until SUNDAY; Super Tuesday, since Monday's; Sundays; fromMonday " * 3
    for start, end in ((0, len(text)), (5, 90)):
        got = crd._weekdays(text, folded(text), start, end)
        assert _spans(got) == _spans(crd._WEEKDAY.finditer(text, start, end))


def test_title_spots_and_has_match_agree_with_the_plain_patterns():
    from lint.facts import has_match, matches_at
    from lint.kinds import honorific, years

    text = "Mr Putin, Mrs. May, Ms Ardern, Mx Lee, Dr. No, DrX, MrX, M, Mr"
    assert _spans(matches_at(honorific._TITLED, text, honorific._title_spots(text))) == _spans(
        honorific._TITLED.finditer(text))
    for t in ("since 1990 and in 2015", "in 20 years; since20", "Xsince 1990", ""):
        assert has_match(years._SINCE_OR_IN, t, years._SINCE_OR_IN_STARTS) == bool(years._SINCE_OR_IN.search(t))


def test_formal_names_found_through_their_anchor_words():
    from pathlib import Path

    from lint.facts import matches_at
    from lint.kinds import formal_name
    from lint.rules import load_rules

    root = Path(__file__).resolve().parents[1]
    (rule,) = [r for r in load_rules([root / "rules/style"], include_builtin=False) if r.id == "S102"]
    formal, _, anchors = rule.compiled
    text = ("the Russian Federation; The  United Kingdom's, theUnited Kingdom, Russian Federation Council, "
            "United Kingdom-based, United States of America and the\nRepublic of Korea; Democratic People's "
            "Republic of Korea, Kingdom of Saudi Arabia")
    spots = formal_name._spots(text, anchors, rule.options["names"])
    assert _spans(matches_at(formal, text, spots)) == _spans(formal.finditer(text))
