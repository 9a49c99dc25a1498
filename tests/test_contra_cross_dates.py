"""C902: reports of one story in one run that date its lead event differently."""

import json
from pathlib import Path

from lint.cli import main
from lint.engine import corpus_pass, lint_text, summarize
from lint.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
RULE = next(r for r in load_rules([ROOT / "rules/contradiction"], include_builtin=False) if r.id == "C902")
SEEDS = sorted((ROOT / "seeds").glob("*.txt"))

BODY = ("Putin and Assad listened to a military presentation at a command post, Kremlin spokesman "
        "Dmitry Peskov said.\n\nPeskov said Putin and Assad also discussed Idlib.\n")
REPORTS = {  # a wire copy, a dated weekly round-up and a copy that moved the meeting to Wednesday
    "a.txt": "Putin visits Damascus\n\nJanuary 7, 2020\n\n"
             "Vladimir Putin met Bashar al-Assad in Damascus on Tuesday, the Kremlin said.\n\n" + BODY,
    "b.txt": "Putin in Syria\n\nSaturday, 11 Jan, 2020\n\n"
             "Russian President Vladimir Putin held talks with Bashar al-Assad in Damascus on Tuesday, "
             "state media said.\n\n" + BODY,
    "c.txt": "Putin meets Assad\n\n8 January 2020\n\n"
             "DAMASCUS, Jan 8 (Reuters) - Vladimir Putin met Bashar al-Assad in Damascus on Wednesday, "
             "the Kremlin said.\n\n" + BODY,
}


def corpus(texts):
    items = []
    for path, text in texts.items():
        doc, _ = lint_text(text, [RULE], path=path)
        items.append((path, None, summarize(doc, [RULE]).get("C902")))
    return corpus_pass({"C902": items}, [RULE])


def test_the_report_with_another_day_is_flagged_naming_both_places():
    found = corpus(REPORTS)
    pairs = {(f.path, f.related[0]["path"]) for f in found}
    assert pairs == {("a.txt", "c.txt"), ("b.txt", "c.txt"), ("c.txt", "a.txt"), ("c.txt", "b.txt")}
    c_on_a = next(f for f in found if f.path == "c.txt" and f.related[0]["path"] == "a.txt")
    assert c_on_a.severity == "info" and c_on_a.category == "contradiction"
    assert "Wednesday 8 January 2020" in c_on_a.message and "Tuesday 7 January 2020" in c_on_a.message
    assert "a.txt (line 5)" in c_on_a.message
    assert (c_on_a.line, c_on_a.excerpt) == (5, "Wednesday")  # not the wire dateline "Jan 8"
    assert c_on_a.related[0]["excerpt"] == "Tuesday" and c_on_a.related[0]["line"] == 5


def test_the_cli_reports_the_corpus_finding(tmp_path, capsys):
    for name, text in REPORTS.items():
        (tmp_path / name).write_text(text, encoding="utf-8")
    main(["--select", "C902", "--output-format", "json", str(tmp_path)])
    rows = json.loads(capsys.readouterr().out)
    assert {Path(r["path"]).name for r in rows if r["rule"] == "C902"} == {"a.txt", "b.txt", "c.txt"}


def test_reports_that_agree_are_silent():
    agree = dict(REPORTS, **{"c.txt": REPORTS["c.txt"].replace("on Wednesday", "on Tuesday")})
    assert not corpus(agree)


def test_a_single_report_is_silent():
    assert not corpus({"c.txt": REPORTS["c.txt"]})


def test_unclear_weekdays_leave_the_report_out():
    for lead in ("will meet Bashar al-Assad in Damascus on Wednesday",
                 "met Bashar al-Assad in Damascus last Wednesday",
                 "met Bashar al-Assad in Damascus, the Sunday Times reported on Wednesday"):
        text = REPORTS["c.txt"].replace("met Bashar al-Assad in Damascus on Wednesday", lead)
        assert not corpus(dict(REPORTS, **{"c.txt": text}))
    undated = REPORTS["c.txt"].replace("8 January 2020\n\n", "").replace("DAMASCUS, Jan 8 (Reuters) - ", "")
    assert not corpus(dict(REPORTS, **{"c.txt": undated}))


def test_lead_dates_far_apart_are_different_events():
    later = REPORTS["c.txt"].replace("on Wednesday", "on March 3, 2020")
    assert not corpus(dict(REPORTS, **{"c.txt": later}))


def test_the_seed_reports_of_the_damascus_visit_agree():
    leads = {}
    for seed in SEEDS:
        doc, _ = lint_text(seed.read_text(encoding="utf-8"), [RULE], path=seed.name)
        s = summarize(doc, [RULE]).get("C902")
        leads[seed.name[:3]] = s and s["lead"]
    assert leads["000"] == leads["001"] == "2020-01-07"  # "on Tuesday" against 11 Jan and 7 Jan datelines
    assert not corpus({s.name: s.read_text(encoding="utf-8") for s in SEEDS})
