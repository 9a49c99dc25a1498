"""O401's corpus pass: the indexed, early-stopping pass and its parts judged in forked workers
give the findings of a plain pass (every fellow's whole vocabulary read, norms recomputed per
pair), on generated summaries of several stories with spliced passages."""

import dataclasses
import math
import random
from array import array
from collections import Counter
from operator import mul

import pytest

from lint.kinds import offtopic_corpus as oc
from lint.runner import _fan_out


def _ids(values) -> bytes:
    return array("I", values).tobytes()


def _summaries(n_docs=240, seed=7):
    """Summaries of documents telling one of six stories (a cast of names, a vocabulary), some with
    candidate passages whose words and names other reports of the story use or not."""
    rng = random.Random(seed)
    stories = []
    for s in range(6):
        cast = [rng.getrandbits(32) for _ in range(12)]
        words = [rng.getrandbits(32) for _ in range(300)]  # the first 60 weigh most: signatures
        stories.append((cast, words))
    shared_cast = [rng.getrandbits(32) for _ in range(3)]  # names in every story: skipped when over the cap
    items = []
    for i in range(n_docs):
        cast, words = stories[rng.randrange(len(stories))]
        names = rng.sample(cast, rng.randint(3, 10)) + rng.sample(shared_cast, rng.randint(0, 2))
        sig = rng.sample(words[:60], 40)
        vocab = rng.sample(words, 150) + [rng.getrandbits(32) for _ in range(30)]
        candidates = []
        for c in range(rng.randint(0, 3)):
            foreign = [rng.choice(words) if rng.random() < 0.1 else rng.getrandbits(32) for _ in range(rng.randint(3, 9))]
            cand_names = [rng.choice(cast) if rng.random() < 0.2 else rng.getrandbits(32) for _ in range(rng.randint(2, 4))]
            line = rng.randint(1, 30)
            candidates.append((_ids(foreign), array("H", [rng.randint(1, 90) for _ in foreign]).tobytes(),
                               _ids(cand_names), 0.8, (line, 1, line + rng.randint(0, 1), 60), ("w",), f"passage {c}"))
        summary = (_ids(sig), array("H", [rng.randint(1, 200) for _ in sig]).tobytes(), _ids(names),
                   oc._pack24(vocab), tuple(candidates))
        items.append(("corpus.jsonl", f"r{i}", summary if rng.random() > 0.03 else None))
    return items


def _plain_pass(items, rule):
    """The pass without shortcuts: fellows by the same index, but every fellow's whole vocabulary
    and signature read into one set, each signature norm recomputed."""
    opts = rule.options
    t, cap = opts["min_shared_names"], opts["max_name_reports"]
    names, sigs = {}, {}
    for i, (_, _, s) in enumerate(items):
        if s and len(s[oc.NAMES]) // 4 >= t:
            names[i] = oc._unpack("I", s[oc.NAMES])
            sigs[i] = dict(zip(oc._unpack("I", s[oc.SIG_IDS]), oc._unpack("H", s[oc.SIG_WEIGHTS])))
    df = Counter(n for ns in names.values() for n in ns)
    index = {}
    for i, ns in names.items():
        for n in ns:
            if df[n] > 1:
                index.setdefault(n, []).append(i)

    def same_story(i, j):
        mine, theirs = set(names[i]), names[j]
        shared = len(mine.intersection(theirs))
        if shared < t or shared * 2 < min(len(mine), len(theirs)):
            return False
        a, b = sigs[i], sigs[j]
        num = sum(w * a.get(k, 0) for k, w in b.items())
        den = math.sqrt(sum(map(mul, a.values(), a.values())) * sum(map(mul, b.values(), b.values())))
        return (num / den if den else 0.0) >= opts["min_story_similarity"]

    out = []
    for i, (path, record, s) in enumerate(items):
        if not s or not s[oc.CANDIDATES] or i not in names:
            continue
        counts, skipped = Counter(), 0
        for n in set(names[i]):
            docs = index.get(n, [])
            if len(docs) > cap:
                skipped += 1
            else:
                counts.update(docs)
        need = max(t - skipped, 1)
        fellows = [j for j in sorted(counts) if counts[j] >= need and j != i and same_story(i, j)]
        if len(fellows) < opts["min_fellows"]:
            continue
        seen = set()
        for j in fellows:
            seen.update(oc._unpack24(items[j][2][oc.VOCABULARY]))
            seen.update(k & oc._HASH24 for k in oc._unpack("I", items[j][2][oc.SIG_IDS]))
        out += oc._report(path, record, s, seen, len(fellows), rule)
    return out


@pytest.fixture(scope="module")
def o401(rules):
    rule = next(r for r in rules if r.id == "O401")
    # a copy: the shared cast is skipped, as in big runs
    return dataclasses.replace(rule, options=dict(rule.options, max_name_reports=60))


def test_pass_equals_plain_pass(o401):
    items = _summaries()
    plain = _plain_pass(items, o401)
    assert len(plain) > 10  # the generated stories do have unsupported passages
    assert oc.check_corpus(items, o401) == plain


def test_pass_in_parts_equals_whole_pass(o401, monkeypatch):
    items = _summaries(seed=11)
    whole = oc.check_corpus(items, o401)
    monkeypatch.setattr(oc, "FAN_OUT_MIN", 1)
    monkeypatch.setattr(oc, "FAN_OUT_PARTS", 7)
    parts = []
    in_order = oc.check_corpus(items, o401, fan_out=lambda fn, ps: [parts.append(p) or fn(p) for p in ps])
    assert in_order == whole and len(parts) == 7
    fan_out = _fan_out(2)
    if fan_out is None:
        pytest.skip("no fork here")
    assert oc.check_corpus(items, o401, fan_out=fan_out) == whole  # forked workers inherit the index


def test_runner_pass_in_forked_workers_reads_the_spill(o401, monkeypatch):
    """With -j 2 the runner forks workers for the pass; they read the summaries from the spill
    file the parent wrote, and the findings equal the pass in one process."""
    import pickle

    from lint import runner
    from lint.config import Settings
    from lint.engine import corpus_pass
    from lint.runner import Runner, _fans_out

    assert _fans_out(o401)
    items = _summaries(seed=3)
    monkeypatch.setattr(oc, "FAN_OUT_MIN", 1)
    forked, real = [], runner._fan_out

    def spy(jobs):  # the pass did run in workers (no silent fallback to one process)
        fan_out = real(jobs)
        if fan_out is None:
            pytest.skip("no fork here")

        def counted(fn, parts):
            out = fan_out(fn, parts)
            forked.append(len(parts))  # only once the workers gave their results
            return out

        return counted

    monkeypatch.setattr(runner, "_fan_out", spy)
    results = []
    for jobs in (1, 2):
        run = Runner([o401], Settings(), jobs=jobs)
        for path, record, s in items:
            run.summaries.add("O401", path, record, pickle.dumps(s))
        results.append(run.finish())
    assert results[0] == results[1] == corpus_pass({"O401": items}, [o401]) != []
    assert forked  # -j 2 judged the documents in forked workers
