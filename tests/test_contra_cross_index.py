"""C901/C902 keep their reports in lint.corpus.index.DocIndex (cross_report.Reports): the same
findings, in the same order, with the reports in memory and on disk; the index is closed
(its temporary folder deleted) also when the pass fails."""

import dataclasses
import os
import random
import tempfile
from pathlib import Path

import pytest

from lint.corpus import index as corpus_index
from lint.engine import lint_text, summarize
from lint.kinds import cross_report
from lint.rules import load_rules

ROOT = Path(__file__).resolve().parents[1]
RULES = {r.id: r for r in load_rules([ROOT / "rules/contradiction"], include_builtin=False) if r.id in ("C901", "C902")}
# three stories; the first and the third share Putin only; Guterres is in every report
CASTS = [("Vladimir Putin", "Bashar Assad", "Dmitry Peskov"), ("Angela Merkel", "Emmanuel Macron", "Ursula Leyen"),
         ("Vladimir Putin", "Recep Erdogan", "Hulusi Akar")]
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


def _report(rng, cast):
    (a, b, c), (sa, sb, sc) = cast, (n.split()[-1] for n in cast)
    return (f"Talks after the floods\n\nJanuary {rng.randint(6, 12)}, 2020\n\n"
            f"{a} met {b} and {c} in the capital on {rng.choice(DAYS)}, after floods in which "
            f"{rng.choice([120, 150, 300, 310])} people were killed, officials said.\n\n"
            f"{sa} said {sb} had asked for help, and {sc} added that Antonio Guterres had called. "
            f"Officials said {sc} and {sa} agreed on aid with {sb}, and that more than "
            f"{rng.choice([40, 45, 90])} people were injured; Guterres welcomed it.\n")


def _items(n=60, seed=7):
    """(path, record, summary) per rule for ``n`` generated reports, a few without a summary."""
    rng = random.Random(seed)
    items = {rid: [] for rid in RULES}
    for i in range(n):
        text = _report(rng, CASTS[rng.randrange(3)])
        if i % 9 == 4:
            text = text.replace(" people were killed", " were there").replace(" on ", " next ")  # no toll, no lead
        doc, _ = lint_text(text, list(RULES.values()), path="reports.jsonl")
        summaries = summarize(doc, list(RULES.values()))
        for rid in RULES:
            items[rid].append(("reports.jsonl", str(i), summaries.get(rid)))
    return items


@pytest.fixture(scope="module")
def items():
    return _items()


@pytest.mark.parametrize("rid", sorted(RULES))
@pytest.mark.parametrize("cap", [500, 30])  # 30: Putin and Guterres are in more reports, not looked up
def test_findings_with_the_reports_on_disk_are_those_in_memory(items, rid, cap, monkeypatch):
    rule = dataclasses.replace(RULES[rid], options={**RULES[rid].options, "max_name_reports": cap})
    made, real = [], corpus_index.DiskIndex
    monkeypatch.setattr(corpus_index, "DiskIndex", lambda *a: made.append(1) or real(*a))
    memory = rule.module.check_corpus(items[rid], rule)
    assert not made and len({(f.record, f.related[0]["record"]) for f in memory}) > 10
    assert len({f.message for f in memory}) > 10
    for limit in (0, 1, 17):
        monkeypatch.setattr(cross_report, "MEMORY_DOCS", limit)
        assert rule.module.check_corpus(items[rid], rule) == memory
    assert len(made) == 3


def test_the_capped_names_still_count_as_shared(items):
    """Reports sharing Putin (over the cap) and Assad are still one story; the cap only stops
    Putin from finding reports."""
    rule = RULES["C901"]
    capped = dataclasses.replace(rule, options={**rule.options, "max_name_reports": 30})
    pairs = {(f.record, f.related[0]["record"]) for f in rule.module.check_corpus(items["C901"], capped)}
    assert pairs and pairs <= {(f.record, f.related[0]["record"])
                               for f in rule.module.check_corpus(items["C901"], rule)}


@pytest.mark.parametrize("rid", sorted(RULES))
def test_the_index_folder_is_deleted_when_the_pass_fails(items, rid, monkeypatch, tmp_path):
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    monkeypatch.setattr(cross_report, "MEMORY_DOCS", 0)
    rule = RULES[rid]

    class Failing(type(rule)):
        def format(self, **values):
            assert os.listdir(tmp_path)  # the index is on disk while the pass runs
            raise RuntimeError("boom")

    failing = Failing(**{f.name: getattr(rule, f.name) for f in dataclasses.fields(rule)})
    with pytest.raises(RuntimeError):
        rule.module.check_corpus(items[rid], failing)
    assert os.listdir(tmp_path) == []

    def broken():  # the input fails while the index is being filled
        yield from items[rid][:5]
        raise OSError("disk")

    with pytest.raises(OSError):
        rule.module.check_corpus(broken(), rule)
    assert os.listdir(tmp_path) == []


def test_a_name_over_the_cap_counts_towards_the_two_shared_names():
    """Reports must share two names to be read back (`same_story` needs two); a name found in
    more than ``max_reports`` reports is not looked up but may be one of the two."""
    names = [["Big", "Ann"], ["Big", "Ann"], ["Big", "Bob"], ["Big", "Ann"], ["Cyd", "Dee"], ["Cyd", "Dee"]]
    docs = [("r.jsonl", str(i), {"names": n, "date": None}) for i, n in enumerate(names)]
    with cross_report.Reports(docs, 3) as reports:  # Big is in four reports: over the cap
        assert reports.sharing_names(0, names[0], least=2) == [1, 3]  # Ann + Big (not looked up)
        assert reports.sharing_names(2, names[2], least=2) == []  # Bob is in no other report
        assert reports.sharing_names(4, names[4], least=2) == [5]  # two names, both looked up
    with cross_report.Reports(docs, 10) as reports:  # under the cap: Big is looked up
        assert reports.sharing_names(2, names[2], least=2) == []  # shares Big alone
        assert reports.sharing_names(0, names[0], least=2) == [1, 3]
