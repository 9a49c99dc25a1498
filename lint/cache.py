"""The incremental cache for folders of files (ruff's ``.ruff_cache`` idea).

A file's findings are keyed by its content (BLAKE2 of its bytes, its suffix and the rules that
apply to it), under a *fingerprint*: seedlint's version, the selected rules' YAML, the settings
and the size and mtime of every module and data file of the package, so editing a rule, a
setting or the code starts afresh (``<cache>/<fingerprint>/``; each run that reads a folder
touches its ``used`` marker, and the folders least recently used beyond `KEEP_FINGERPRINTS`
are deleted).

Re-running on an unchanged folder looks each file up by its absolute path and stat, as git's
index does: size, mtime, inode and ctime (a ``cp -p`` or ``rsync -t`` of a same-size edit keeps
size and mtime but not ctime). Files whose stat differs, or that could have changed unseen, are
read and hashed, and found by content whatever their name. What a warm run needs is stored
once, ready to use:

- ``p-XX``: path -> (size, mtime_ns, inode, ctime_ns, content key), in `BUCKETS` shards by path;
- ``c-XX``: content key -> the name it was linted under, the findings as two pickled lists of
  tuples (the fields a text report shows, `_SHOWN`, which it reads alone, and the others), the
  counts the report's summary needs, and a digest of each corpus summary; sharded by key, so a
  small run reads a small part of a big cache. The text and JSON reports' lines are rendered
  from the tuples when asked for, under the name of this run; `Finding` objects are made only
  for reporters that need them (`CachedFindings`);
- ``s-XX``: content key -> the corpus summaries (read only when the corpus pass has to run:
  `SummaryStore` hands the pass a digest of them, and reads them when the digest misses);
- ``k-RULE-DIGEST``: the corpus pass's findings for one rule over summaries with that digest
  (a pass that failed is not stored: it would be served as "no findings").

Writers hold a lock (``lock``, flock) while they merge their new entries into the current
shards and replace them (temporary file + rename), so concurrent runs never corrupt the cache
and readers never see half a file. Only plain files are cached; stdin and corpus files are
always linted.
"""

from __future__ import annotations

import dataclasses
import gc
import hashlib
import json
import os
import pickle
import shutil
import tempfile
import time
import zlib
from pathlib import Path

from json.encoder import encode_basestring as _q  # as Finding.to_json quotes

from . import __version__
from .finding import Finding, Fix
from .output._raw import encode  # UTF-8, or None for a lone surrogate: the reporter writes it then

BUCKETS = 128
MAX_PER_BUCKET = 2_000  # beyond this, a shard keeps only the entries of the latest run
KEEP_FINGERPRINTS = 8  # cache folders of other rule sets/settings/versions kept for reuse
KEEP_CORPUS = 64  # corpus-pass results kept per fingerprint
_RACY_NS = 2_000_000_000  # files written this close before the run started are never trusted by stat
USED = "used"  # the marker touched whenever a run reads a fingerprint's folder


def fingerprint(rules, settings) -> str:
    h = hashlib.blake2b(digest_size=16)
    h.update(__version__.encode())
    for r in rules:
        h.update(f"{r.id}\0{r.source}\0".encode())
        try:
            h.update(Path(r.source).read_bytes())
        except OSError:
            pass
    skip = {"jobs", "output_format", "fail_level", "source"}
    h.update(repr(sorted((k, repr(v)) for k, v in vars(settings).items() if k not in skip)).encode())
    package = Path(__file__).resolve().parent
    for root, dirs, files in os.walk(package):
        dirs[:] = sorted(d for d in dirs if d != "__pycache__")
        for name in sorted(files):
            st = os.stat(os.path.join(root, name))
            h.update(f"{root}/{name}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


class Cache:
    def __init__(self, folder: str, rules, settings):
        self.root = Path(folder)
        self.folder = self.root / fingerprint(rules, settings)
        self.rules, self.settings = rules, settings
        self.hits = self.misses = 0
        self.started_ns = time.time_ns()
        self.deferred = False  # True once the runner's summaries come from `summary_store`
        self._shards: dict = {kind: [None] * BUCKETS for kind in "pcs"}  # kind -> [dict as read, per bucket]
        self._changes: dict = {}  # (kind, bucket) -> {key: new value}
        self._used: set = set()  # paths and content keys this run used (kept when a shard is pruned)
        self._marked = False  # whether this run touched the folder's `USED` marker
        self._folders: dict = {}  # folder as given -> absolute, with a final separator

    # -- shards -------------------------------------------------------------------------------
    def _shard(self, kind, b) -> dict:
        shards = self._shards[kind]
        shard = shards[b]
        if shard is None:
            if not self._marked:  # folders are pruned by last use, not last write
                self._marked = True
                _touch(self.folder / USED)
            shard = shards[b] = _read(self.folder / f"{kind}-{b:02x}.pickle")
        return shard

    def _set(self, kind, b, key, value):
        self._shard(kind, b)[key] = value
        self._changes.setdefault((kind, b), {})[key] = value

    def _absolute(self, path) -> str:
        """``os.path.abspath(path)``, its folder's part remembered (files come folder by folder)."""
        folder, sep, name = path.rpartition(os.sep)
        if not sep or name in ("", ".", ".."):
            return os.path.abspath(path)
        absolute = self._folders.get(folder)
        if absolute is None:
            absolute = self._folders[folder] = os.path.join(os.path.abspath(folder or os.sep), "")
        return absolute + name

    # -- the runner's interface ---------------------------------------------------------------
    def known_key(self, path, st):
        """The content key recorded for this file when its size, mtime, inode and ctime were the
        same, or None: an unchanged file is looked up without reading it."""
        where = self._absolute(path)
        b = zlib.crc32(where.encode("utf-8", "surrogateescape")) % BUCKETS
        shard = self._shards["p"][b]
        entry = (shard if shard is not None else self._shard("p", b)).get(where)
        if entry is not None and entry[:4] == (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns):
            self._used.add(where)
            return entry[4]
        return None

    def remember(self, path, st, key):
        # a file written in the seconds before this run started could change again within the
        # same mtime tick and keep its stat: such files are hashed every time, never trusted (git's
        # "racy" entries; as in git, an mtime set back by ``cp -p`` is told by the ctime in the key)
        if st.st_mtime_ns < self.started_ns - _RACY_NS:
            where = self._absolute(path)
            b = zlib.crc32(where.encode("utf-8", "surrogateescape")) % BUCKETS
            entry = (st.st_size, st.st_mtime_ns, st.st_ino, st.st_ctime_ns, key)
            if self._shard("p", b).get(where) != entry:
                self._set("p", b, where, entry)
            self._used.add(where)

    @staticmethod
    def key(name: str, raw: bytes, rule_ids=()) -> bytes:
        h = hashlib.blake2b(raw, digest_size=20)
        h.update(f"\0{os.path.splitext(name)[1].lower()}\0{','.join(rule_ids)}".encode())
        return h.digest()

    def get(self, key, name):
        """The cached `Result` for ``key``, named ``name``, or None."""
        b = key[0] % BUCKETS
        shard = self._shards["c"][b]
        entry = (shard if shard is not None else self._shard("c", b)).get(key)
        if entry is None:
            self.misses += 1
            return None
        self.hits += 1
        self._used.add(key)
        stored, kind, size, notices, _, _, _, digests = entry
        notices = [n.replace(stored, name, 1) for n in notices] if stored != name else list(notices)
        if self.deferred:  # a tuple: not read yet (see `_RuleSummaries.add`)
            prefix = _item(name, None, b"") if digests else b""
            summaries = {rid: (key, name, d, prefix + d) for rid, d in digests.items()}
        else:
            summaries = self._summaries(key, name)
        findings = CachedFindings()
        findings._source = (self, key, name, entry)
        return _result_class(kind)(name, findings=findings, notices=notices, summaries=summaries, size=size)

    def put(self, key, result):
        if result.error is not None:  # read errors are about the moment, not the content
            return
        b = key[0] % BUCKETS
        findings = result.findings
        digests = {rid: _digest(blob) for rid, blob in result.summaries.items()}
        entry = (result.path, type(result).__name__, getattr(result, "size", 0), tuple(result.notices),
                 *_stored(findings), _counts(findings), digests)
        self._set("c", b, key, entry)
        self._set("s", b, key, dict(result.summaries))
        self._used.add(key)

    def summary_blob(self, deferred, rule_id) -> bytes:
        return self._summaries(deferred[0], deferred[1])[rule_id]

    def _summaries(self, key, name) -> dict:
        got = self._shard("s", key[0] % BUCKETS).get(key)
        if got is None:  # dropped by a concurrent run's pruning: lint the file again
            from .runner import _lint_file

            got = _lint_file(name, name, None, self.rules, self.settings).summaries
        return got

    def summary_store(self, folder=None):
        """The runner's store of corpus summaries: cached files add a digest of theirs, read
        only if the corpus pass has to run."""
        self.deferred = True
        return SummaryStore(self, folder)

    # -- the corpus pass ----------------------------------------------------------------------
    def _corpus_file(self, rule_id, digest) -> Path:
        return self.folder / f"k-{rule_id}-{digest}.pickle"

    def get_corpus(self, rule_id, digest):
        """The corpus pass's findings for one rule over summaries with this digest, or None."""
        path = self._corpus_file(rule_id, digest)
        rows = _read(path, None)
        if rows is None:
            return None
        _touch(path)  # kept by last use (`KEEP_CORPUS`)
        return [_finding(row[0], row[1:]) for row in rows]

    def put_corpus(self, rule_id, digest, findings):
        path = self._corpus_file(rule_id, digest)
        self._changes[("k", path)] = [(f.path, *_row(f)) for f in findings]

    # -- saving -------------------------------------------------------------------------------
    def save(self):
        if not self._changes:
            return  # nothing new
        changes, self._changes = self._changes, {}
        try:
            self.folder.mkdir(parents=True, exist_ok=True)
            ignore = self.root / ".gitignore"
            if not ignore.exists():
                ignore.write_text("# created by seedlint\n*\n")
            with _Lock(self.folder / "lock"):
                for (kind, b), new in changes.items():
                    if kind == "k":
                        _write(b, new)
                        continue
                    path = self.folder / f"{kind}-{b:02x}.pickle"
                    current = _read(path)  # another run may have written it since we read it
                    current.update(new)
                    if len(current) > MAX_PER_BUCKET:
                        current = {k: v for k, v in current.items() if k in self._used or k in new}
                    _write(path, current)
            self._prune()
        except OSError:
            pass  # a read-only tree just runs uncached

    def _prune(self):
        """Drop the corpus-pass results and the folders of fingerprints not used lately."""
        corpus = sorted(self.folder.glob("k-*.pickle"), key=_mtime, reverse=True)
        for path in corpus[KEEP_CORPUS:]:
            _unlink(path)
        _touch(self.folder / USED)
        others = sorted((p for p in self.root.iterdir() if p.is_dir()), key=_last_used, reverse=True)
        for path in others[KEEP_FINGERPRINTS:]:
            shutil.rmtree(path, ignore_errors=True)
        for path in self.root.glob("*.pickle"):  # the one-file cache of earlier versions
            _unlink(path)


class CachedFindings(list):
    """A cached file's findings, made into `Finding` objects on first use. Reporters that can
    use the report lines rendered from the stored rows (`text_lines`, `json_lines`) and the
    stored `counts` never make them."""

    __slots__ = ("_source",)  # (cache, key, name, entry) until the findings are made

    def _load(self):
        if self._source is not None:
            cache, key, name, entry = self._source
            self._source = None
            list.extend(self, _unstored(name, entry[4], entry[5]))
        return self

    @property
    def counts(self):
        """((rule, severity, findings, fixable, safe fixes), ...), as `lint.output.text.Tally` adds them."""
        return self._source[3][6] if self._source is not None else None

    @property
    def name(self):
        return self._source[2]

    def text_lines(self):
        """`lint.output.text.plain_lines` of these findings as UTF-8, made from the stored rows, or
        None when the caller is to render them (a lone surrogate, or the renderers here no longer
        match the reporters: `_renders_as_reporters_do`)."""
        source = self._source
        if source is None or not _renders_as_reporters_do():
            return None
        return encode(_text(source[2], pickle.loads(source[3][4])))

    def json_lines(self):
        """`lint.output.json_.json_lines` of these findings as UTF-8, or None (see `text_lines`)."""
        source = self._source
        if source is None or not _renders_as_reporters_do():
            return None
        return encode(_json(source[2], pickle.loads(source[3][4]), pickle.loads(source[3][5])))

    def __reduce_ex__(self, protocol):
        return list, (list(self._load()),)


def _materializing(name):
    method = getattr(list, name)

    def call(self, *args, **kwargs):
        return method(self._load(), *args, **kwargs)

    call.__name__ = name
    return call


for _name in ("__add__", "__contains__", "__delitem__", "__eq__", "__ge__", "__getitem__", "__gt__", "__iadd__",
              "__imul__", "__iter__", "__le__", "__len__", "__lt__", "__mul__", "__ne__", "__repr__",
              "__reversed__", "__rmul__", "__setitem__", "append", "clear", "copy", "count", "extend", "index",
              "insert", "pop", "remove", "reverse", "sort"):
    setattr(CachedFindings, _name, _materializing(_name))

_RESULTS: dict = {}


def _result_class(kind):
    """A maker of the result type a cached entry came from (imported on first use: the runner
    imports this module)."""
    if not _RESULTS:
        from .engine import Result
        from .runner import RecordResult

        _RESULTS.update(Result=_maker(Result), RecordResult=_maker(RecordResult))
    return _RESULTS[kind]


def _maker(cls):
    """``cls(name, findings=, notices=, summaries=, size=)`` without the dataclass's __init__
    (a few microseconds a file, on a rerun of ten thousand), when every other field has a plain
    default to copy."""
    fields = dataclasses.fields(cls)
    given = {"path", "findings", "notices", "summaries", "size"}
    sized = any(f.name == "size" for f in fields)
    if any(f.name not in given and f.default is dataclasses.MISSING for f in fields) \
            or hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        return lambda name, size=0, **kw: cls(name, size=size, **kw) if sized else cls(name, **kw)
    template = {f.name: f.default for f in fields if f.name not in given}
    new = object.__new__

    def make(name, findings, notices, summaries, size=0):
        r = new(cls)
        r.__dict__.update(template, path=name, findings=findings, notices=notices, summaries=summaries)
        if sized:
            r.size = size
        return r

    return make


# -- corpus summaries ------------------------------------------------------------------------

def SummaryStore(cache, folder=None):  # noqa: N802 (a factory standing for the class it makes)
    from .corpus.spill import SummaryStore as Spill, Summaries

    class Store(Spill):
        """`lint.corpus.spill.SummaryStore` whose items may be deferred summaries: its
        ``digest()`` hashes every item's digest, and reading it reads the summaries."""

        def add(self, rule_id, path, record, blob):
            items = self.get(rule_id)
            if items is None:
                items = self[rule_id] = _RuleSummaries(cache, rule_id, Summaries, self.folder)
            items.add(path, record, blob)

    return Store(folder)


class _RuleSummaries:
    """One rule's items in input order. Real summaries go to a spill file as they come;
    deferred ones are read when the items are (the corpus pass has to run)."""

    def __init__(self, cache, rule_id, summaries, folder):
        self._cache, self._rule, self._make, self._folder = cache, rule_id, summaries, folder
        self._real = summaries(folder)
        self._n_real = 0
        # None while every item is real, then per item: None (the next real one), a deferred
        # summary (key, name, digest, bytes to hash) named as it came, or (path, record, deferred)
        self._order = None
        self._hash = hashlib.blake2b(digest_size=20)
        self._hashing: list = []  # items' bytes not hashed yet
        self._ready = None

    def add(self, path, record, blob):
        if type(blob) is tuple:  # (key, name, digest, item's bytes to hash) of a cached file's, not read yet
            if self._order is None:
                self._order = [None] * self._n_real
            if path is blob[1] and record is None:  # as `Cache.get` foresaw: its bytes are ready
                self._order.append(blob)
                self._hashing.append(blob[3])
                if len(self._hashing) >= 4096:
                    self._hash_pending()
                return
            self._order.append((path, record, blob))
            digest = blob[2]
        else:
            self._real.add(path, record, blob)
            self._n_real += 1
            if self._order is not None:
                self._order.append(None)
            digest = _digest(blob)
        self._hashing.append(_item(path, record, digest))
        if len(self._hashing) >= 4096:
            self._hash_pending()

    def _hash_pending(self):
        self._hash.update(b"".join(self._hashing))  # one call for thousands of small items
        self._hashing = []

    def digest(self) -> str:
        """A hash of every item in order: equal digests, equal corpus-pass input."""
        self._hash_pending()
        return self._hash.hexdigest()

    def _items(self):
        if self._ready is None:
            if self._order is None:
                self._ready = self._real
            else:
                ready, real = self._make(self._folder), iter(self._real)
                for item in self._order:
                    if item is None:
                        path, record, summary = next(real)
                        ready.add(path, record, pickle.dumps(summary, pickle.HIGHEST_PROTOCOL))
                    else:
                        path, record, deferred = (item[1], None, item) if len(item) == 4 else item
                        ready.add(path, record, self._cache.summary_blob(deferred, self._rule))
                self._real.close()
                self._ready, self._order = ready, None
        return self._ready

    def __len__(self):
        return self._n_real if self._order is None else len(self._order)

    def __getitem__(self, i):
        return self._items()[i]

    def __iter__(self):
        return iter(self._items())

    def flush(self):
        items = self._items()
        if hasattr(items, "flush"):
            items.flush()

    def close(self):
        (self._ready or self._real).close()


# -- storage ----------------------------------------------------------------------------------

class _Lock:
    """An exclusive lock on a file (flock) while a run writes the cache; none where flock is missing."""

    def __init__(self, path):
        self.path, self.fd = path, None

    def __enter__(self):
        try:
            import fcntl

            self.fd = os.open(self.path, os.O_RDWR | os.O_CREAT, 0o644)
            fcntl.flock(self.fd, fcntl.LOCK_EX)
        except ImportError:
            pass
        return self

    def __exit__(self, *exc):
        if self.fd is not None:
            os.close(self.fd)  # releases the lock


def _read(path, default=dict):
    gc.disable()  # unpickling many small objects: the collector would triple the time
    try:
        with open(path, "rb") as fh:
            value = pickle.load(fh)
        # entries live all run: left to the collector, each full collection would walk every
        # shard read so far (a third of a warm run of ten thousand files). Freezing is a splice of
        # lists, and frozen objects are still freed when their last reference goes.
        gc.freeze()
        return value
    except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError, ValueError):
        return default() if callable(default) else default
    finally:
        gc.enable()


def _write(path, value):
    fd, tmp = tempfile.mkstemp(dir=path.parent, suffix=".tmp")
    try:
        with os.fdopen(fd, "wb") as fh:
            pickle.dump(value, fh, protocol=pickle.HIGHEST_PROTOCOL)
        os.replace(tmp, path)
    except BaseException:
        _unlink(tmp)
        raise


def _unlink(path):
    try:
        os.unlink(path)
    except OSError:
        pass


def _mtime(path) -> float:
    try:
        return path.stat().st_mtime
    except OSError:
        return 0.0


def _last_used(folder) -> float:
    """When a run last read or wrote this fingerprint's folder (its marker; the folder's mtime for
    folders of versions that had none)."""
    return max(_mtime(folder / USED), _mtime(folder))


def _touch(path):
    try:
        os.utime(path)
    except FileNotFoundError:
        try:
            path.touch()  # the folder of an earlier version, without a marker; none for a new folder
        except OSError:
            pass
    except OSError:
        pass  # a read-only cache


def _item(path, record, digest) -> bytes:
    """What the digest of a rule's corpus-pass input hashes for one item."""
    return f"{path}\0{record!r}\0".encode("utf-8", "surrogateescape") + digest


def _digest(blob: bytes) -> bytes:
    return hashlib.blake2b(blob, digest_size=20).digest()


_FIELDS = tuple(f.name for f in dataclasses.fields(Finding))[1:]  # all but the path: the name is given
_FIX = _FIELDS.index("fix")


def _row(f) -> tuple:
    row = [getattr(f, n) for n in _FIELDS]
    if f.fix is not None:
        row[_FIX] = (f.fix.start, f.fix.end, f.fix.replacement, f.fix.safe)
    return tuple(row)


def _finding(name, row) -> Finding:
    f = Finding(name, *row)
    if f.fix is not None:
        f.fix = Fix(*f.fix)
    return f


# A cached file's findings as stored: the fields a text report shows (and whether there is a fix),
# enough for it without unpickling the rest, then the other fields; each once.
_SHOWN = tuple(_FIELDS.index(n) for n in ("line", "column", "severity", "rule", "message", "record"))
_REST = tuple(i for i in range(len(_FIELDS)) if i not in _SHOWN)


def _stored(findings) -> tuple:
    rows = [_row(f) for f in findings]
    shown = [(*(row[i] for i in _SHOWN), row[_FIX] is not None) for row in rows]
    rest = [tuple(row[i] for i in _REST) for row in rows]
    return pickle.dumps(shown, pickle.HIGHEST_PROTOCOL), pickle.dumps(rest, pickle.HIGHEST_PROTOCOL)


def _unstored(name, shown, rest) -> list:
    found = []
    for s, r in zip(pickle.loads(shown), pickle.loads(rest)):
        row = [None] * len(_FIELDS)
        for i, value in zip(_SHOWN + _REST, s[:-1] + r):
            row[i] = value
        found.append(_finding(name, row))
    return found


def _counts(findings) -> tuple:
    groups: dict = {}
    for f in findings:
        g = groups.get((f.rule, f.severity))
        if g is None:
            g = groups[(f.rule, f.severity)] = [0, 0, 0]
        g[0] += 1
        if f.fix is not None:
            g[1] += 1
            g[2] += f.fix.safe
    return tuple((rule, sev, *g) for (rule, sev), g in groups.items())


# -- the reports' lines, from stored rows ---------------------------------------------------------
# A warm run of ten thousand files prints tens of thousands of findings: rendered straight from the
# rows, they cost a fraction of making `Finding` objects first. `_renders_as_reporters_do` checks
# once per process that these give the reporters' bytes; if a format changes, cached files are
# rendered by the reporters again.

def _text(name, shown) -> str:
    """`lint.output.text.plain_lines` of the findings stored as ``shown`` (`_stored`), named ``name``."""
    return "".join([f"{name}{'' if record is None else f'[{record}]'}:{line}:{column}: {severity} {rule} {message}"
                    f"{'  (fix available)' if fixable else ''}\n"
                    for (line, column, severity, rule, message, record, fixable) in shown])


_encode = json.JSONEncoder(ensure_ascii=False).encode  # json.dumps(value, ensure_ascii=False), set up once
_JSON_TRUE = {True: "true", False: "false"}


def _json(name, shown, rest) -> str:
    """`lint.output.json_.json_lines` of the findings stored as ``shown`` and ``rest`` (`Finding.to_json`)."""
    path, out = _q(name), []
    for (line, column, severity, rule, message, record, _), (end_line, end_column, category, excerpt, _, _, fix,
                                                             suggestions, related, score) in zip(shown, rest):
        head = (f'{{"path": {path}, "line": {line}, "column": {column}, '
                f'"end_line": {end_line}, "end_column": {end_column}, "rule": {_q(rule)}, '
                f'"category": {_q(category)}, "severity": {_q(severity)}, '
                f'"message": {_q(message)}, "excerpt": {_q(excerpt)}')
        if record is None and not suggestions and not related and score is None:  # most findings
            if fix is None:
                out.append(head + "}")
                continue
            start, end, replacement, safe = fix
            if type(start) is int and type(end) is int and type(safe) is bool:  # as json.dumps writes them
                out.append(f'{head}, "fix": {{"start": {start}, "end": {end}, "replacement": {_q(replacement)}, '
                           f'"safe": {_JSON_TRUE[safe]}}}}}')
                continue
        out.append(head + _json_tail(record, suggestions, related, score, fix))
    return ",\n ".join(out)


def _json_tail(record, suggestions, related, score, fix) -> str:
    """What `Finding.to_json` adds after the excerpt, in `Finding.to_dict`'s order, and the "}"."""
    tail = []
    if record is not None:
        tail.append('"record": ' + _encode(record))
    if suggestions:
        tail.append('"suggestions": ' + _encode(suggestions))
    if related:
        tail.append('"related": ' + _encode(related))
    if score is not None:
        tail.append('"score": ' + _encode(round(score, 4)))
    if fix is not None:
        start, end, replacement, safe = fix
        tail.append('"fix": ' + _encode({"start": start, "end": end, "replacement": replacement, "safe": safe}))
    return f", {', '.join(tail)}}}" if tail else "}"


_RENDER_CHECKED: list = []  # [whether `_text` and `_json` give the reporters' output]


def _renders_as_reporters_do() -> bool:
    if not _RENDER_CHECKED:
        from .output.json_ import json_lines
        from .output.text import plain_lines

        fix = Fix(3, 9, "the \"x\" é", False)
        probe = [Finding("a.txt", 1, 2, 1, 9, "A101", "artefact", "warning", "Msg \"q\" é\t", "ex\n"),
                 Finding("a.txt", 4, 1, 5, 2, "T201", "typo", "info", "m", "e", 3, 9, fix, "r1", ["s", "ü"],
                         [{"path": "b", "line": 2}], 0.123456),
                 Finding("a.txt", 7, 1, 7, 3, "X9", "style", "error", "m", "", fix=Fix(1, 2, "", True), score=2.0)]
        shown, rest = map(pickle.loads, _stored(probe))
        try:
            ok = _text("a.txt", shown) == plain_lines(probe) and _json("a.txt", shown, rest) == json_lines(probe) \
                and _unstored("a.txt", *_stored(probe)) == probe
        except (TypeError, ValueError):  # a Finding with other fields: rows unpack differently
            ok = False
        _RENDER_CHECKED.append(ok)
    return _RENDER_CHECKED[0]
