"""Required literals: what every match of a regular expression must contain.

`required_literals(pattern, flags)` reads the parsed pattern and returns a set of lower-case
strings such that any match contains at least one of them (or None when no such set is
known: a pattern that can match without any fixed text, such as ``\\w+``). A rule whose set
holds no string found in the document's lower-cased text (`folded`) cannot match anywhere in
it, so it is skipped with a few C-speed ``in`` tests instead of a regular-expression scan.

The derivation is generic (the rules are not special-cased): literal runs are followed
through groups, alternations (the union), optional parts (``s?`` gives {"", "s"}) and small
character classes, in the spirit of the trigram pre-filters of code-search engines. Because
the lower-cased text is compared with lower-cased literals, case-insensitive and case-sensitive
parts are treated alike (a case-sensitive match is also a match after lower-casing both).
"""

from __future__ import annotations

import array
import atexit
import bisect
import json
import marshal
import os
import re
import sys
import tempfile
from itertools import accumulate, repeat
from operator import add

try:
    from re import _parser as sre_parse  # Python >= 3.11
    from re import _constants as C
except ImportError:  # pragma: no cover - Python 3.10
    import sre_constants as C
    import sre_parse

_MAX_SET = 64  # alternatives kept before a run of exact strings is given up on
_MAX_CLASS = 8  # characters of a class kept as alternatives ([»›>] yes, [A-Z] no)
_MAX_LEN = 40
# Characters that the regex engine's case-insensitive matching equates with an ASCII letter
# while str.lower() does not map them to it (Turkish dotted/dotless i, long s): a text holding
# one is not pre-filtered (tests/test_prefilter.py checks this list against the engine).
_FOLD_UNSAFE_CHARS = "\u0130\u0131\u017f"
FOLD_UNSAFE = re.compile(f"[{_FOLD_UNSAFE_CHARS}]")
# (lower() lengthens İ: a text holding it fails the length test, and only the others need a scan)
_SCAN_UNSAFE = tuple(c for c in _FOLD_UNSAFE_CHARS if len(c.lower()) == 1)


class _Info:
    """What a node can match: ``exact`` the full set of strings (or None: unknown), ``req`` a
    set of which one is in every match (or None: nothing known)."""

    __slots__ = ("exact", "req")

    def __init__(self, exact=None, req=None):
        self.exact, self.req = exact, req


_UNKNOWN = _Info()
_EMPTY = _Info(frozenset({""}))


_COMMON_CHARS = frozenset(" \n\t.,;:!?'\"()-/&*_#|")


def rarity(lit: str) -> int:
    """A rough guess of how rare a literal is in prose: its length, at most 8; a literal of
    one or two characters one of which is not a letter, digit or common punctuation ("<",
    "©", "](") counts as 4."""
    if len(lit) <= 2 and any(not c.isalnum() and c not in _COMMON_CHARS for c in lit):
        return 4
    return min(len(lit), 8)


def _score(lits):
    """Higher is more selective: the least rare literal matters, then how many there are
    (each costs a scan) or, when one scan finds them all, how rare they are on average."""
    if MANY_AT_ONCE:
        rare = [rarity(lit) for lit in lits]
        return (min(rare), sum(rare) / len(rare), min(map(len, lits)))
    return (min(map(len, lits)), -len(lits))


def _best(*sets):
    sets = [s for s in sets if s and "" not in s]
    return max(sets, key=_score) if sets else None


def _as_req(info):
    return _best(info.req, info.exact)


def _fold_char(code):
    """The lower-case form of a literal character, or None when it is a cased non-ASCII
    letter (whose case-insensitive matches str.lower() may not reproduce)."""
    c = chr(code)
    if c.isascii():
        return c.lower()
    return c if c.lower() == c == c.upper() else None


def _class(items):
    chars = set()
    for op, av in items:
        if op is C.LITERAL:
            chars.add(av)
        elif op is C.RANGE and av[1] - av[0] < _MAX_CLASS:
            chars.update(range(av[0], av[1] + 1))
        else:  # NEGATE, CATEGORY, big ranges
            return _UNKNOWN
    folded = {_fold_char(c) for c in chars}
    if None in folded or len(folded) > _MAX_CLASS:
        return _UNKNOWN
    return _Info(frozenset(folded))


def _concat(items):
    cur, exact_ok, found = {""}, True, []
    for item in items:
        e = item.exact
        if e is not None and len(cur) * len(e) <= _MAX_SET:
            nxt = {a + b for a in cur for b in e}
            if max(map(len, nxt)) <= _MAX_LEN:
                cur = nxt
                continue
        exact_ok = False
        found.append(frozenset(cur))
        if e is not None:
            cur = set(e)
        else:
            found.append(item.req)
            cur = {""}
    found.append(frozenset(cur))
    return _Info(frozenset(cur) if exact_ok else None, _best(*found))


def _node(op, av):
    if op is C.LITERAL:
        c = _fold_char(av)
        return _Info(frozenset({c})) if c is not None else _UNKNOWN
    if op is C.IN:
        return _class(av)
    if op in (C.AT, C.ASSERT_NOT):
        return _EMPTY  # zero-width: adds nothing to the match
    if op is C.ASSERT:  # a look-ahead/behind: its text is in the searched text, beside the match
        return _Info(None, _as_req(_seq(av[1])))
    if op is C.SUBPATTERN:
        return _seq(av[-1])
    if op is C.BRANCH:
        alts = [_seq(a) for a in av[1]]
        exact = None
        if all(a.exact is not None for a in alts):
            union = frozenset().union(*(a.exact for a in alts))
            exact = union if len(union) <= _MAX_SET else None
        reqs = [_as_req(a) for a in alts]
        req = None if any(r is None for r in reqs) else frozenset().union(*reqs)
        return _Info(exact, req)
    if op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
        lo, hi, sub = av
        inner = _seq(sub)
        if hi <= 1 and inner.exact is not None:
            return _Info(inner.exact | {""} if lo == 0 else inner.exact)
        return _Info(None, _as_req(inner) if lo >= 1 else None)
    if op is getattr(C, "ATOMIC_GROUP", None):
        return _seq(av)
    return _UNKNOWN  # ANY, NOT_LITERAL, CATEGORY, GROUPREF, ...


def _seq(sub):
    return _concat([_node(op, av) for op, av in sub])


def required_literals(pattern: str, flags: int = 0) -> frozenset[str] | None:
    """Lower-case strings of which every match of ``pattern`` contains one; None if unknown.
    Remembered across runs (see `_memo`): parsing every rule's patterns again would cost
    start-up time."""
    got = _memo().get(f"L{int(MANY_AT_ONCE)}:{flags}:{pattern}", _MISSING)
    if got is _MISSING:
        got = _remember(f"L{int(MANY_AT_ONCE)}:{flags}:{pattern}", _derive_literals(pattern, flags))
    return None if got is None else frozenset(got)


def _derive_literals(pattern, flags):
    try:
        parsed = sre_parse.parse(pattern, flags)
    except (re.error, RecursionError):
        return None
    req = _as_req(_seq(parsed))
    return None if req is None else sorted(_minimal(req))


def _minimal(literals):
    """Drop every literal that contains a shorter one: finding the shorter one is enough."""
    kept = []
    for lit in sorted(literals, key=len):
        if not any(k in lit for k in kept):
            kept.append(lit)
    return frozenset(kept)


def first_char_class(pattern: str, flags: int = 0, same_flags: bool = False) -> str | None:
    """A character class (``[...]``) holding every character a match of ``pattern`` can start
    with, or None when that is not a small known set (``\\w``, a negated class, a pattern that
    can match the empty string, case-insensitive letters). If the class finds nothing in a
    text, neither can the pattern: one fast scan instead of one search per pattern.

    With ``same_flags`` the class is for an expression compiled with ``flags`` too (a look-ahead
    in front of the pattern): case-insensitive letters and the classes ``\\d``, ``\\s``, ``\\w``
    (and their negations) are kept then, as the class is matched as the pattern is; a
    case-insensitive part in a case-sensitive pattern gives up."""
    key = f"F{'s' if same_flags else ''}:{flags}:{pattern}"
    got = _memo().get(key, _MISSING)
    return _remember(key, _derive_first(pattern, flags, same_flags)) if got is _MISSING else got


def _derive_first(pattern, flags, same_flags=False):
    try:
        parsed = sre_parse.parse(pattern, flags)
    except (re.error, RecursionError):
        return None
    first = _first(parsed.data, bool(flags & re.IGNORECASE), same_flags)
    if first is None or first[1] or not first[0]:
        return None
    ranges = sorted(r for r in first[0] if isinstance(r, tuple))
    return "[" + "".join(re.escape(chr(lo)) + ("-" + re.escape(chr(hi)) if hi > lo else "") for lo, hi in ranges) \
        + "".join(sorted(r for r in first[0] if isinstance(r, str))) + "]"


def first_chars(pattern: str, flags: int = 0, limit: int = 128) -> frozenset[str] | None:
    """The characters a match of ``pattern`` can start with (see `first_char_class`), or None
    when unknown or more than ``limit``."""
    key = f"C:{flags}:{limit}:{pattern}"
    got = _memo().get(key, _MISSING)
    if got is _MISSING:
        got = _remember(key, _derive_first_chars(pattern, flags, limit))
    return None if got is None else frozenset(got)


def _derive_first_chars(pattern, flags, limit):
    try:
        parsed = sre_parse.parse(pattern, flags)
    except (re.error, RecursionError):
        return None
    first = _first(parsed.data, bool(flags & re.IGNORECASE))
    if first is None or first[1] or not first[0] or sum(hi - lo + 1 for lo, hi in first[0]) > limit:
        return None
    return sorted({chr(c) for lo, hi in first[0] for c in range(lo, hi + 1)})


def _first(items, icase, same_flags=False):
    """(first characters: (lo, hi) ranges, and with ``same_flags`` class escapes such as "\\d";
    whether the sequence can match empty) of a sequence, or None if unknown. Without
    ``same_flags`` a case-insensitive letter is unknown (the caller's class is matched
    case-sensitively); with it, only a case-insensitive part of a case-sensitive pattern is."""
    ranges = set()
    for op, av in items:
        if op in (C.AT, C.ASSERT, C.ASSERT_NOT):
            continue  # zero-width
        if op is C.LITERAL:
            got = ({(av, av)}, False)
        elif op is C.IN:
            got = _class_ranges(av, same_flags)
        elif op is C.SUBPATTERN:
            icase_here = icase or bool(av[1] & re.IGNORECASE)
            if same_flags:
                if icase_here and not icase:
                    return None
                got = _first(av[-1], icase, True)
            else:
                got = _first(av[-1], icase_here)
                if got is not None and icase_here and _cased(got[0]):
                    return None
        elif op is C.BRANCH:
            alts = [_first(a, icase, same_flags) for a in av[1]]
            if any(a is None for a in alts):
                return None
            got = (set().union(*(a[0] for a in alts)), any(a[1] for a in alts))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT) or op is getattr(C, "POSSESSIVE_REPEAT", None):
            inner = _first(av[2], icase, same_flags)
            got = None if inner is None else (inner[0], inner[1] or av[0] == 0)
        else:
            return None
        if got is None or (icase and not same_flags and _cased(got[0])):
            return None
        ranges |= got[0]
        if not got[1]:
            return ranges, False
    return ranges, True


_CATEGORY_CLASS = {C.CATEGORY_DIGIT: r"\d", C.CATEGORY_NOT_DIGIT: r"\D", C.CATEGORY_SPACE: r"\s",
                   C.CATEGORY_NOT_SPACE: r"\S", C.CATEGORY_WORD: r"\w", C.CATEGORY_NOT_WORD: r"\W"}


def _class_ranges(items, categories=False):
    out = set()
    for op, av in items:
        if op is C.LITERAL:
            out.add((av, av))
        elif op is C.RANGE:
            out.add(av)
        elif categories and op is C.CATEGORY and av in _CATEGORY_CLASS:
            out.add(_CATEGORY_CLASS[av])
        else:  # NEGATE, other categories
            return None
    return out, False


def _cased(ranges):
    for lo, hi in ranges:
        if hi - lo > 5000:
            return True
        if any(chr(c).lower() != chr(c) or chr(c).upper() != chr(c) for c in range(lo, hi + 1)):
            return True
    return False


def folded(doc) -> str | None:
    """The document's text lower-cased once (cached on it), or None when lower-casing is not
    a faithful stand-in for case-insensitive matching (see FOLD_UNSAFE) or changes offsets."""
    d = doc.__dict__
    if "_folded" not in d:
        text = doc.text
        low = d.get("_lower")
        if low is None:
            low = lowered(doc)
        ok = text.isascii() or (len(low) == len(text) and not any(c in text for c in _SCAN_UNSAFE))
        d["_folded"] = low if ok else None
    return d["_folded"]


_ASCII = bytes(range(128))


def lowered(doc) -> str:
    """``doc.text.lower()``, cached on the document as ``_lower``. str.lower() looks up every
    character of a text that is not pure ASCII in Unicode's tables (a text of English with
    one curly quote pays that for all of it); when every non-ASCII character of the text is
    its own lower case, lower-casing its UTF-8 bytes' ASCII letters (bytes.lower) gives the
    same string, in a fraction of the time. Those bytes are kept too (``_lower_utf8``), for
    checks that read the lower-cased text as UTF-8."""
    d = doc.__dict__
    low = d.get("_lower")
    if low is not None:
        return low
    text = doc.text
    if not text.isascii():
        raw = text.encode("utf-8", "surrogatepass")
        rest = raw.translate(None, _ASCII).decode("utf-8", "surrogatepass")  # the non-ASCII characters
        if rest.lower() == rest:  # (lower() never shortens: equal means each one is unchanged)
            raw = d["_lower_utf8"] = raw.lower()
            low = d["_lower"] = raw.decode("utf-8", "surrogatepass")
            return low
    low = d["_lower"] = text.lower()
    return low


# -- remembered across runs ------------------------------------------------------------------
_MISSING = object()
_MEMO: dict | None = None
_MEMO_NEW: dict = {}


def _memo_path() -> str:
    """A JSON file beside the other caches, named after this module's version (its size and
    time) and Python's, so that a change to either starts afresh."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    st = os.stat(__file__)
    tag = f"{st.st_size}-{int(st.st_mtime)}-py{sys.version_info[0]}{sys.version_info[1]}"
    return os.path.join(base, "seedlint", f"prefilter-{tag}.json")


def _memo() -> dict:
    global _MEMO
    if _MEMO is None:
        _MEMO = _read_dict(_memo_path(), json.loads)
    return _MEMO


def _remember(key, value):
    if not _MEMO_NEW:
        atexit.register(_save_memo)
    _MEMO_NEW[key] = _memo()[key] = value
    return value


def _save_memo():
    """Merge what this run derived into the file."""
    _merge_into(_memo_path(), _MEMO_NEW, json.loads, lambda d: json.dumps(d).encode("utf-8"), ".json")


def _read_dict(path, loads) -> dict:
    """The dict ``loads`` reads from the file, or {} when it is missing, damaged or no dict."""
    try:
        with open(path, "rb") as fh:  # (read in one go: marshal.load(fh) reads a few bytes at a time)
            got = loads(fh.read())
    except (OSError, ValueError, EOFError, TypeError):
        return {}
    return got if isinstance(got, dict) else {}


def _merge_into(path, new, loads, dumps, suffix):
    """Merge ``new`` into the file's dict (written to a temporary file, then renamed: parallel
    runs never leave half a file, and a failed write leaves no temporary file), then prune
    other versions' files."""
    try:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        merged = _read_dict(path, loads)
        merged.update(new)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(path), prefix=".prefilter-")
        try:
            with os.fdopen(fd, "wb") as fh:
                fh.write(dumps(merged))
            os.replace(tmp, path)
        except BaseException:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            raise
        _prune(path, suffix)
    except OSError:
        pass  # a read-only home or a full disk: derive again next time


_KEEP = 8  # files of other versions kept (parallel checkouts of different versions share the folder)


def _prune(path, suffix):
    """Delete the oldest files of other versions of this module (each edit or upgrade starts a
    new one), keeping the `_KEEP` last written beside ``path``."""
    folder = os.path.dirname(path)
    try:
        others = [e for e in os.scandir(folder) if e.name.startswith("prefilter-") and e.name.endswith(suffix)
                  and e.path != path and (suffix != ".json" or "-re" not in e.name)]
        others.sort(key=lambda e: e.stat().st_mtime, reverse=True)
        for e in others[_KEEP:]:
            os.remove(e.path)
    except OSError:
        pass  # (another run pruned it first)


# -- compiled expressions, remembered across runs -------------------------------------------
# re compiles in Python (parser and code generator); a run compiles several hundred rule
# expressions, a visible part of a small run's time. The code it generates is kept in a file
# beside the memo (marshal: data only, nothing executed on load) and handed to _sre, as
# re._compiler.compile does; _sre validates it, and anything unexpected falls back to re.compile.
try:
    import _sre
    from re import _compiler as _sre_compile  # Python >= 3.11
except ImportError:  # pragma: no cover - Python 3.10
    import sre_compile as _sre_compile

_CODE_TYPE = "I" if _sre.CODESIZE == 4 else "H"  # an array of the width _sre's code words have
_PROGRAMS: dict | None = None
_PROGRAMS_NEW: dict = {}


def compile_pattern(source: str, flags: int = 0) -> re.Pattern:
    """``re.compile(source, flags)`` (the same expression, the same errors), its code taken from
    the previous runs' when they compiled it (see above)."""
    flags = int(flags)
    if flags & re.DEBUG or type(source) is not str:  # (the key below names str sources only: b"x" is "b'x'")
        return re.compile(source, flags)
    key = f"{flags}:{source}"
    got = _programs().get(key)
    if got is not None:
        try:
            return _program(source, got)
        except Exception:  # a stale or damaged entry: compile again
            pass
    try:
        parsed = sre_parse.parse(source, flags)
        groupindex = dict(parsed.state.groupdict)
        indexgroup = [None] * parsed.state.groups
        for name, i in groupindex.items():
            indexgroup[i] = name
        code = array.array(_CODE_TYPE, _sre_compile._code(parsed, flags)).tobytes()  # (kept as bytes: loads at once)
        got = (flags | parsed.state.flags, code, parsed.state.groups - 1, groupindex, tuple(indexgroup))
        rx = _program(source, got)
    except re.error:
        raise
    except Exception:  # the internals differ from what this expects: plain re
        return re.compile(source, flags)
    if not _PROGRAMS_NEW:
        atexit.register(_save_programs)
    _PROGRAMS_NEW[key] = _PROGRAMS[key] = got
    return rx


def _program(source, got):
    final_flags, code, groups, groupindex, indexgroup = got
    return _sre.compile(source, final_flags, array.array(_CODE_TYPE, code).tolist(), groups, dict(groupindex),
                        tuple(indexgroup))


def _programs_path() -> str:
    return _memo_path()[:-len(".json")] + f"-re{_sre.MAGIC}-{sys.hexversion:x}.marshal"


def _programs() -> dict:
    global _PROGRAMS
    if _PROGRAMS is None:
        _PROGRAMS = _read_dict(_programs_path(), marshal.loads)
    return _PROGRAMS


def _save_programs():
    """Merge this run's new programs into the file."""
    _merge_into(_programs_path(), _PROGRAMS_NEW, marshal.loads, marshal.dumps, ".marshal")


def lines_holding(text: str, starts, literals) -> set[int]:
    """Indices of the lines of ``text`` (``starts``: its line starts) that hold any of
    ``literals``, found with ``str.find`` and one jump to the next line per hit."""
    found = set()
    end = len(text)
    for lit in literals:
        i = text.find(lit)
        while i != -1:
            line = bisect.bisect_right(starts, i) - 1
            found.add(line)
            i = text.find(lit, starts[line + 1] if line + 1 < len(starts) else end)
    return found


# -- one scan for many literals --------------------------------------------------------------
# Python tests one literal per scan of the text; rules need hundreds. With the optional
# ``ahocorasick_rs`` package (an Aho-Corasick automaton in Rust) one scan of the lower-cased
# text finds them all; without it, callers fall back to testing a few literals with ``in``.
try:
    import ahocorasick_rs as _ac
except ImportError:  # pragma: no cover - depends on the environment
    _ac = None

MANY_AT_ONCE = _ac is not None


class _Registry:
    """Every literal some rule asked about, and the automaton that finds them all."""

    def __init__(self):
        self.ids: dict[str, int] = {}
        self.version = 0
        self._scan = None

    def register(self, literals) -> tuple[int, ...]:
        out = []
        for lit in literals:
            if lit not in self.ids:
                self.ids[lit] = len(self.ids)
                self.version += 1
                self._scan = None
            out.append(self.ids[lit])
        return tuple(sorted(set(out)))

    def scan(self, raw: bytes) -> dict[int, list[int]]:
        """Literal id -> start offsets of its occurrences in ``raw``, a text's UTF-8 bytes (overlaps
        included; offsets in bytes: scanning a str, the package would encode it and count the
        characters before every match again)."""
        if self._scan is None:
            automaton = _ac.BytesAhoCorasick([lit.encode("utf-8", "surrogatepass") for lit in self.ids],
                                             implementation=_ac.Implementation.DFA)
            self._scan = automaton.find_matches_as_indexes
        found: dict[int, list[int]] = {}
        for i, start, _ in self._scan(raw, overlapping=True):
            hits = found.get(i)
            if hits is None:
                found[i] = [start]
            else:
                hits.append(start)
        return found


_REGISTRY = _Registry()


class _Ids(tuple):
    """Ids of registered literals. Ids are only valid in the process that registered them, so a
    compiled rule sent to another process (Ray workers, spawned pools) registers its literals
    again there when unpickled, instead of carrying ids that process never heard of."""

    def __new__(cls, ids, literals):
        self = super().__new__(cls, ids)
        self.literals = tuple(literals)
        self.set = frozenset(ids)  # for C-speed tests against a document's hits
        return self

    def __reduce__(self):
        return register, (self.literals,)


def register(literals) -> tuple[int, ...] | None:
    """Ids to look ``literals`` up with `occurrences`; None without the scanning package."""
    return _Ids(_REGISTRY.register(literals), literals) if MANY_AT_ONCE else None


def is_registered(literal: str) -> bool:
    """Whether some rule registered ``literal`` already (the one scan looks for it anyway, so a
    common literal costs nothing more there)."""
    return MANY_AT_ONCE and literal in _REGISTRY.ids


def occurrences(doc, text: str, key: str) -> dict[int, list[int]]:
    """Where every registered literal occurs in ``text`` (a lower-cased view of ``doc`` named
    ``key``), as offsets in its UTF-8 bytes (see `utf8_of`): scanned once per document and view,
    again only if rules registered more since."""
    cache = doc.__dict__.setdefault("_literal_hits", {})
    got = cache.get(key)
    if got is None or got[0] != _REGISTRY.version:
        got = cache[key] = (_REGISTRY.version, _REGISTRY.scan(utf8_of(doc, text, key)))
    return got[1]


def utf8_of(doc, text: str, key: str) -> bytes:
    """``text``'s UTF-8 bytes (lone surrogates passed through), kept per document and view
    ``key``; for the lower-cased text, the bytes `lowered` made it from, when it did."""
    cache = doc.__dict__.setdefault("_utf8", {})
    got = cache.get(key)
    if got is None or got[0] is not text:
        raw = doc.__dict__.get("_lower_utf8") if key == "lower" and text is doc.__dict__.get("_lower") else None
        got = cache[key] = (text, raw if raw is not None else text.encode("utf-8", "surrogatepass"))
    return got[1]


def line_starts_of(doc, text: str, key: str) -> list[int]:
    """Where each line of ``text`` starts in its UTF-8 bytes (see `utf8_of`): the offsets
    `occurrences` gives are looked up here. For ASCII, bytes and characters are one: the
    document's own line starts, when ``text`` is its lower-cased text."""
    raw = utf8_of(doc, text, key)
    if len(raw) == len(text) and len(text) == len(doc.text) and key == "lower":
        return doc.line_starts
    cache = doc.__dict__.setdefault("_utf8_line_starts", {})
    got = cache.get(key)
    if got is None or got[0] is not raw:
        starts = list(accumulate(map(add, map(len, raw.split(b"\n")), repeat(1)), initial=0))[:-1]
        got = cache[key] = (raw, starts)
    return got[1]


def lines_of(doc, ids, cap=None) -> set[int] | None:
    """Indices of the lines holding any of the registered literals ``ids`` in the document's
    lower-cased text (``occurrences`` under the key "lower"), or None as soon as there are
    more than ``cap``. Each literal's lines are worked out once per document and shared by
    every rule that asks."""
    d = doc.__dict__
    hits = occurrences(doc, d["_lower"], "lower")
    per = d.get("_hit_lines")
    if per is None or per[0] is not hits:  # (the ids found, as a set: `&` walks the smaller side)
        per = d["_hit_lines"] = (hits, {}, frozenset(hits))
    common = ids.set & per[2]
    found = set()
    if not common:
        return found
    per = per[1]
    starts = None
    for i in common:
        got = per.get(i)
        if got is None:
            if starts is None:
                starts = line_starts_of(doc, d["_lower"], "lower")
            line_of = bisect.bisect_right
            got = per[i] = {line_of(starts, p) - 1 for p in hits[i]}
        found |= got
        if cap is not None and len(found) > cap:
            return None
    return found


def present(doc):
    """The ids of the registered literals found in the document's lower-cased text (a view
    of `occurrences`), or None when that text is not a faithful stand-in (see `folded`) or
    the one-scan package is missing: then nothing can be ruled out this way."""
    low = folded(doc)
    if low is None or not MANY_AT_ONCE:
        return None
    if not _LINK_ID:  # "](" is the same in the lower-cased text (nothing else lower-cases to "]" or "(")
        _LINK_ID.extend(register(("](",)))
    hits = occurrences(doc, low, "lower")
    if "has_links" not in doc.__dict__:  # Document.has_links, without a scan of its own
        doc.__dict__["has_links"] = _LINK_ID[0] in hits
    return hits.keys()


_LINK_ID: list = []  # registered on first use
