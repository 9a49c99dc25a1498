"""Running the rules over many inputs: files, folders and corpora, on every core.

`Runner.run(paths)` yields one `Result` per text file and per corpus record, in input order
whatever the number of processes, so output is identical with ``-j 1`` and ``-j N``. Work is cut
into tasks (batches of small files; byte ranges, row groups or record batches of corpus files,
see `lint.corpus.readers`) and handed to a process pool with a bounded number in flight, so
memory stays flat however large the corpus. Small runs stay in-process: forking costs more
than linting a handful of files.

Memory with workers: the parent loads what rules load on first use (by linting their examples,
`warm_up`) before it forks, so workers share those tables instead of each loading its own (they
still copy the pages whose reference counts they touch: compare RSS with PSS, see
bench/bench_corpus.py). Workers are replaced every `RECYCLE` bytes to bound what their caches
gather; the old workers exit before the new ones start.

The corpus pass (`Runner.finish`: each corpus rule's ``check_corpus``) runs in the main process
on the per-document summaries, collected in input order, so it sees the same list on one core or
many; until then they wait in a temporary file (`lint.corpus.spill`), not in memory. A rule whose pass judges
documents independently once it has indexed them all (``check_corpus(items, rule, fan_out)``,
O401) gets the cores too: the main process builds the index, then forks workers that inherit it
and judge parts of the documents (`_fan_out`); the parts' findings come back in order.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections import deque
from collections.abc import Mapping
from concurrent.futures.process import BrokenProcessPool
from dataclasses import dataclass

from . import sources
from .corpus import is_corpus
from .corpus.spill import SummaryStore
from .engine import Result, corpus_rules, lint_text, summarize
from .finding import Finding

MAX_BAD_RECORDS = 20  # notices per corpus file; the rest are counted
SMALL_RUN = 2 << 20  # bytes: below this, linting in-process beats starting workers
FILE_BATCH = 1 << 20  # bytes of small files per task
MIN_SHARD = 128 << 10  # bytes: smaller corpus shards cost more to hand out than they save
# Workers are replaced after linting about this many bytes each: rules keep per-word caches that
# grow with a corpus's vocabulary (a worker gains ~0.8 MB per MB linted), and a fresh fork from the
# warmed parent bounds them. Shards stay a small part of it (RECYCLE_SHARDS), so that while the
# old pool drains, a core waits for at most one small shard.
RECYCLE = 16 << 20
RECYCLE_SHARDS = 16


@dataclass
class RecordResult(Result):
    """A corpus record's result: ``path`` is the corpus file."""

    record: str | None = None
    line: int = 0
    original: object = None  # the raw record, when the run annotates
    size: int = 0  # bytes of input, for progress


@dataclass
class _Files:
    items: list  # (name, path, raw bytes or None, cache key, cached result; before `_prepare`: os.stat)
    size: int = 0


def default_jobs() -> int:
    try:
        return len(os.sched_getaffinity(0))
    except AttributeError:
        return os.cpu_count() or 1


class Runner:
    def __init__(self, rules, settings, jobs=0, extensions=(".txt", ".md", ".markdown"), exclude=(),
                 stdin_filename=None, cache=None, progress=None, annotator=None):
        self.rules = rules
        self.settings = settings
        self.jobs = jobs or settings.jobs or default_jobs()
        self.extensions = list(extensions)
        self.exclude = list(exclude)
        self.stdin_filename = stdin_filename
        self.keep_original = annotator is not None
        self.annotator = annotator
        self.cache = cache
        self.progress = progress
        # rule id -> Summaries [(path, record, summary)], in input order (cached files': read if needed)
        self.summaries = cache.summary_store() if hasattr(cache, "summary_store") else SummaryStore()
        self.documents = Documents(settings)
        self.records = 0
        self.bytes = 0
        self.bad_records: dict = {}  # corpus file -> records that could not be linted
        self.only_files = True  # no corpus file or stdin: the corpus pass may be cached too

    # -- the run ------------------------------------------------------------------------------
    def run(self, paths):
        """Yield a `Result` per file and a `RecordResult` per corpus record, in input order."""
        tasks = self._tasks(paths)
        for result in self._execute(tasks):
            if result.notices and getattr(result, "record", None) is not None:
                bad = self.bad_records[result.path] = self.bad_records.get(result.path, 0) + 1
                if bad > MAX_BAD_RECORDS:
                    continue  # counted, reported in `finish`
            self.records += 1
            self.bytes += getattr(result, "size", 0)
            for rid, blob in result.summaries.items():
                self.summaries.add(rid, result.path, getattr(result, "record", None), blob)
            if self.annotator is not None and getattr(result, "record", None) is not None:
                self.annotator.add(result)
            if self.progress:
                self.progress.update(self.records, self.bytes)
            yield result
        if self.progress:
            self.progress.close()

    def finish(self):
        """After `run`: the corpus pass over every summary seen, in input order; completes the
        annotated output. Returns the corpus-pass findings."""
        for path, bad in self.bad_records.items():
            if bad > MAX_BAD_RECORDS:
                print(f"seedlint: {path}: {bad - MAX_BAD_RECORDS} more records could not be linted "
                      f"({bad} in all)", file=sys.stderr)
        found = []
        cache = self.cache if self.only_files else None
        try:
            for rule in corpus_rules(self.rules):  # one at a time: each has its own cache entry
                digest = self.summaries[rule.id].digest() if rule.id in self.summaries else ""
                hit = cache.get_corpus(rule.id, digest) if cache is not None else None
                if hit is None:
                    hit = self._corpus_pass(rule)
                    if cache is not None and hit is not None:  # a failure is not "no findings"
                        cache.put_corpus(rule.id, digest, hit)
                found += hit or []
        finally:
            self.summaries.close()
        found.sort(key=Finding.sort_key)
        if self.cache is not None:
            self.cache.save()
        if self.annotator is not None:
            self.annotator.close(found)
        return found

    def _corpus_pass(self, rule):
        """`corpus_pass` for one rule, spread over the cores when the rule can judge its
        documents in parts (``check_corpus(items, rule, fan_out=...)``, see `_fan_out`); None
        when the rule failed (reported as `corpus_pass` reports it, and not cached)."""
        fan_out = _fan_out(self.jobs) if self.jobs > 1 and _fans_out(rule) else None
        try:
            if fan_out is not None:
                self.summaries.flush()  # forked workers read the spill files
                try:
                    found = list(rule.module.check_corpus(self.summaries.get(rule.id, []), rule, fan_out=fan_out))
                except (OSError, BrokenProcessPool):  # no fork (memory) or a worker killed: in this process then
                    fan_out = None
            if fan_out is None:
                found = list(rule.module.check_corpus(self.summaries.get(rule.id, []), rule))
        except Exception as e:
            print(f"seedlint: internal error in rule {rule.id} (corpus pass): {type(e).__name__}: {e}",
                  file=sys.stderr)
            return None
        found.sort(key=Finding.sort_key)
        return found

    def _tasks(self, paths):
        """Yield tasks (or ready `Result`s for unreadable inputs) in input order."""
        batch = _Files([])
        for path, err in sources.discover(paths, self.extensions, self.exclude,
                                          self.settings.force_exclude):
            if err or path == "-" or is_corpus(path):
                self.only_files = self.only_files and bool(err)
                if batch.items:
                    yield batch
                    batch = _Files([])
            if err:
                yield Result(path, error=err)
            elif path == "-":
                yield self._stdin()
            elif is_corpus(path):
                yield from self._corpus_tasks(path)
            else:
                try:
                    st = os.stat(path)
                except OSError:
                    st = None
                batch.items.append((path, path, None, None, st))  # the stat, until _prepare
                batch.size += st.st_size if st is not None else 0
                if batch.size >= FILE_BATCH or len(batch.items) >= 256:
                    yield batch
                    batch = _Files([])
        if batch.items:
            yield batch

    def _corpus_tasks(self, path):
        from .corpus import readers

        try:
            # enough shards to keep every core busy to the end (shrinking towards it: guided
            # self-scheduling), none so small that overhead shows
            size = os.path.getsize(path)
            target = max(MIN_SHARD, min(readers.TARGET, RECYCLE // RECYCLE_SHARDS, size // (self.jobs * 8) + 1))
            share = self.jobs * 4 if self.jobs > 1 else 0
            yield from readers.plan(path, self.settings.text_field, self.settings.id_field, target, share, MIN_SHARD)
        except (OSError, ValueError, ImportError) as e:
            yield Result(path, error=f"cannot read corpus: {e}")

    def _stdin(self):
        src = sources.read("-")
        name = self.stdin_filename or "-"
        if src.error:
            return Result(name, error=src.error)
        if src.skipped:
            return Result(name, notices=[f"{name}: {src.skipped}"])
        doc, found = lint_text(src.text, rules_for(name, self.rules, self.settings), path=name,
                               decode_errors=src.decode_errors, settings=self.settings)
        self.documents.keep(name, doc)
        return Result(name, findings=found, summaries=packed(summarize(doc, self.rules)))

    # -- execution ----------------------------------------------------------------------------
    def _execute(self, tasks):
        tasks = map(self._prepare, tasks)
        head, size = [], 0
        for t in tasks:  # look ahead: is this run big enough for a pool?
            head.append(t)
            size += getattr(t, "size", 0)
            if size >= SMALL_RUN:
                break
        if self.jobs <= 1 or size < SMALL_RUN:
            state = (self.rules, self.settings, self.keep_original)
            for t in _chain(head, tasks):
                yield from self._done(t, None if _ready(t) else _run_task(t, state))
        else:
            yield from self._pool(_chain(head, tasks))
        if self.cache is not None:
            self.cache.save()

    def _pool(self, tasks):
        global _STATE
        _STATE = (self.rules, self.settings, self.keep_original)
        # fork shares the loaded rules for free; with other threads alive (e.g. inside Ray or a
        # notebook) forking is unsafe, so workers are spawned and load the rules themselves.
        method = "fork" if _fork_safe() else "spawn"
        spec = None if method == "fork" else _spec(self.rules, self.settings, self.keep_original)
        if method == "fork":
            warm_up(self.rules, self.settings)

        # fresh workers after every RECYCLE bytes per worker; the old pool finishes the tasks it
        # holds and exits before the new one starts, so two pools never hold memory at once
        # (forking from the warmed parent is quick). A crashed worker raises, where
        # multiprocessing.Pool would wait for it forever.
        pool, given = _executor(self.jobs, method, spec), 0
        window = deque()
        try:
            for t in tasks:
                if given >= RECYCLE * self.jobs and not _ready(t):
                    while window:
                        yield from self._done(*_take(window))
                    pool.shutdown(wait=True)
                    pool, given = _executor(self.jobs, method, spec), 0
                window.append((t, None if _ready(t) else pool.submit(_run_task, t)))
                given += getattr(t, "size", 0)
                while len(window) > 2 * self.jobs:
                    yield from self._done(*_take(window))
            while window:
                yield from self._done(*_take(window))
        finally:
            pool.shutdown(cancel_futures=True)

    def _prepare(self, task):
        """Look a file batch up in the cache: hits are answered here, misses go to a worker
        with the bytes already read (hashing needed them)."""
        if not isinstance(task, _Files):
            return task
        if self.cache is None:
            task.items = [item[:4] + (None,) for item in task.items]  # no stat: not a cached result
            return task
        items = []
        for name, path, _, _, st in task.items:
            key = self.cache.known_key(path, st) if st is not None else None
            hit = self.cache.get(key, name) if key is not None else None
            if hit is not None:
                items.append((name, path, None, key, hit))
                continue
            raw = _read_bytes(path)
            if raw is None:  # let the worker report why
                items.append((name, path, None, None, None))
                continue
            key = self.cache.key(name, raw, [r.id for r in rules_for(name, self.rules, self.settings)]
                                 if self.settings.per_file_ignores else ())
            if st is not None:
                self.cache.remember(path, st, key)
            hit = self.cache.get(key, name)
            items.append((name, path, None if hit else raw, key, hit))
        task.items = items
        task.size = sum(len(raw) for _, _, raw, _, hit in items if hit is None and raw is not None)
        return task

    def _done(self, task, results):
        if isinstance(task, Result):
            yield task
            return
        results = iter(results or ())
        if isinstance(task, _Files):
            for name, path, _, key, hit in task.items:
                r = hit or next(results)
                if hit is None and key is not None:
                    self.cache.put(key, r)
                if r.error is None and not r.notices:
                    self.documents.add(name, path)
                yield r
            return
        yield from results


def _executor(jobs, method, spec):
    import multiprocessing as mp
    from concurrent.futures import ProcessPoolExecutor

    return ProcessPoolExecutor(jobs, mp_context=mp.get_context(method), initializer=_init, initargs=(spec,))


def _fork_safe() -> bool:
    """Whether this process may fork workers: the start method exists (not on Windows) and no
    other thread is alive (inside Ray or a notebook, a forked child could inherit held locks)."""
    import multiprocessing as mp

    return "fork" in mp.get_all_start_methods() and threading.active_count() == 1


def _fans_out(rule) -> bool:
    import inspect

    return "fan_out" in inspect.signature(rule.module.check_corpus).parameters


def _fan_out(jobs):
    """A ``fan_out(fn, parts)`` for the corpus pass: ``[fn(p) for p in parts]`` computed in
    ``jobs`` processes forked from this one, so they inherit what the rule built before calling
    it (its index of the run's documents, the spilled summaries); None when forking is unsafe
    (other threads alive) or unavailable."""
    import multiprocessing as mp

    if not _fork_safe():
        return None

    def fan_out(fn, parts):
        import gc
        from concurrent.futures import ProcessPoolExecutor

        # frozen, the index and the summaries are left alone by the children's collections,
        # which would otherwise write to every object's header and copy its page
        gc.freeze()
        try:
            with ProcessPoolExecutor(min(jobs, len(parts)) or 1, mp_context=mp.get_context("fork")) as pool:
                return list(pool.map(fn, parts))
        finally:
            gc.unfreeze()  # the parent may collect them again once the pass is done

    return fan_out


def warm_up(rules, settings):
    """Lint every rule's examples once, in the parent before it forks workers: the tables rules
    load on first use (spelling index, word frequencies, language profiles, automata) are then
    loaded once and shared by every worker, copy-on-write, instead of loaded by each. Frozen,
    the collector leaves them alone, so a collection in a worker does not copy their pages."""
    import gc

    for rule in rules:
        for text in (*rule.examples.get("flag", ()), *rule.examples.get("pass", ())):
            try:
                doc, _ = lint_text(text, [rule], settings=settings)
                summarize(doc, [rule])
            except Exception:  # the run itself reports a broken rule, on real input
                pass
    gc.freeze()


def _ready(task) -> bool:
    """True when the main process can answer the task itself (an input error, all cache hits)."""
    if isinstance(task, Result):
        return True
    return isinstance(task, _Files) and all(hit is not None for *_, hit in task.items)


def _take(window):
    t, fut = window.popleft()
    return t, fut and fut.result()


def _chain(head, rest):
    yield from head
    yield from rest


def _read_bytes(path):
    try:
        with open(path, "rb") as fh:
            return fh.read()
    except OSError:
        return None


# -- in the worker ------------------------------------------------------------------------------

_STATE = None  # (rules, settings, keep_original) in a worker


def _spec(rules, settings, keep_original):
    return ([(r.source, r.id) for r in rules], settings, keep_original)


def _init(spec):
    global _STATE
    if spec is None:  # forked: inherited
        return
    from pathlib import Path

    from .rules import load_rule_file

    wanted, settings, keep = spec
    loaded = {}
    for source in dict.fromkeys(src for src, _ in wanted):
        loaded.update((r.id, r) for r, _ in load_rule_file(Path(source)))
    _STATE = ([loaded[rid] for _, rid in wanted], settings, keep)


def _run_task(task, state=None):
    rules, settings, keep = state or _STATE
    if isinstance(task, _Files):
        return [_lint_file(name, path, raw, rules, settings) for name, path, raw, _, hit in task.items if hit is None]
    return list(_lint_shard(task, rules, settings, keep))


def _lint_file(name, path, raw, rules, settings) -> Result:
    src = sources.read(path) if raw is None else sources.decode(path, raw)
    if src.error:
        return Result(name, error=src.error)
    if src.skipped:
        return Result(name, notices=[f"{name}: {src.skipped}"])
    file_rules = rules_for(name, rules, settings)
    doc, found = lint_text(src.text, file_rules, path=name, decode_errors=src.decode_errors, settings=settings)
    return RecordResult(name, findings=found, summaries=packed(summarize(doc, file_rules)), size=len(src.text))


def _lint_shard(shard, rules, settings, keep):
    from .corpus.readers import read_shard

    records = read_shard(shard, settings.text_field, settings.id_field)
    return lint_records(records, rules_for(shard.path, rules, settings), settings, keep)


def lint_records(records, rules, settings, keep=True):
    """A `RecordResult` per corpus `Record` (the per-record step of every engine, Ray's too)."""
    for rec in records:
        if rec.error:
            yield RecordResult(rec.path, notices=[f"{rec.path}:{rec.line}: record {rec.id}: {rec.error}"],
                               record=rec.id, line=rec.line)
            continue
        doc, found = lint_text(rec.text, rules, path=rec.path, record=rec.id, settings=settings)
        yield RecordResult(rec.path, findings=found, summaries=packed(summarize(doc, rules)), record=rec.id,
                           line=rec.line, original=rec.original if keep else None, size=len(rec.text))


def packed(summaries: dict) -> dict:
    """Corpus-pass summaries as pickles: cheap to send between processes and to spill to disk
    until the corpus pass (`lint.corpus.spill`)."""
    return {rid: pickle.dumps(s, pickle.HIGHEST_PROTOCOL) for rid, s in summaries.items()}


def rules_for(path, rules, settings):
    """Apply per-file-ignores: {glob: [selectors]}."""
    if not settings.per_file_ignores:
        return rules
    drop = [s for glob, sels in settings.per_file_ignores.items()
            if sources.matches_glob(path, [glob]) for s in sels]
    return [r for r in rules if not any(r.matches(s) for s in drop)]


class Documents(Mapping):
    """path -> `Document` for reporters and fixers that need the text, parsed again on demand
    (workers do not send documents back: that would cost more than re-reading a file)."""

    def __init__(self, settings):
        self.settings = settings
        self._paths: dict = {}
        self._docs: dict = {}

    def add(self, name, path):
        self._paths[name] = path

    def keep(self, name, doc):
        self._paths[name] = None
        self._docs[name] = doc

    def __getitem__(self, name):
        if name not in self._docs:
            if name not in self._paths:
                raise KeyError(name)
            from .document import Document

            src = sources.read(self._paths[name])
            doc = Document(src.text, path=name)
            doc.decode_errors = list(src.decode_errors)
            doc.settings = self.settings
            return doc
        return self._docs[name]

    def __iter__(self):
        return iter(self._paths)

    def __len__(self):
        return len(self._paths)


# -- command line ---------------------------------------------------------------------------------

def add_arguments(p):
    """The corpus and parallelism flags of ``seedlint``."""
    p.add_argument("-j", "--jobs", type=int, help="worker processes (default: all cores; 1 = in-process)")
    p.add_argument("--text-field", help="corpus records: the field holding the text (default text)")
    p.add_argument("--id-field", help="corpus records: the field naming the record (default id; dots reach nested fields)")
    p.add_argument("--annotate", metavar="OUT", help="write the corpus records with their findings, counts per "
                                                     "category and a pass column to OUT (.jsonl[.gz] or .parquet)")
    p.add_argument("--failing-records", metavar="OUT", help="write the corpus records that fail to OUT")
    p.add_argument("--no-cache", action="store_true", help="lint every file again, ignoring the cache")
    p.add_argument("--cache-dir", help="where the cache lives (default .seedlint_cache)")
    p.add_argument("--no-progress", action="store_true", help="no progress bar even on a terminal")


def from_args(args, rules, settings, extensions, exclude, fail_level="warning") -> Runner:
    from . import progress

    if args.text_field:
        settings.text_field = args.text_field
    if args.id_field:
        settings.id_field = args.id_field
    settings.force_exclude = settings.force_exclude or getattr(args, "force_exclude", False)
    cache = None
    if not args.no_cache and not os.environ.get("SEEDLINT_NO_CACHE"):
        from .cache import Cache

        cache = Cache(args.cache_dir or os.environ.get("SEEDLINT_CACHE_DIR") or ".seedlint_cache", rules, settings)
    annotator = None
    if args.annotate or args.failing_records:
        from .corpus.annotate import Annotator

        annotator = Annotator(args.annotate, args.failing_records, fail_level)
    bar = None
    if not args.no_progress and progress.wanted():
        bar = progress.Progress(_total_size(args.paths or ["."]))
    return Runner(rules, settings, jobs=args.jobs or 0, extensions=extensions, exclude=exclude,
                  stdin_filename=args.stdin_filename, cache=cache, progress=bar, annotator=annotator)


def _total_size(paths) -> int:
    total = 0
    for p in paths:
        if os.path.isfile(p):
            total += os.path.getsize(p)
        elif os.path.isdir(p):
            for root, _, files in os.walk(p):
                total += sum(os.path.getsize(os.path.join(root, f)) for f in files)
    return total
