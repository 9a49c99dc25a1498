"""Applying fixes: ``--fix`` (safe ones), ``--unsafe-fixes`` (the rest) and ``--diff``.

Fixes are exact edits (`lint.finding.Fix`) in the offsets of the parsed `Document`, whose text
has CRLF normalised to LF. Fixing works like ruff's:

- one round applies every chosen fix that does not overlap one already accepted, in a fixed
  order (by start, then the longer edit first, then rule id), so the result never depends on
  the order rules ran in and overlapping edits never corrupt the text;
- the text is linted again and the next round applies what the first had to skip, until no
  fix is left (a fixed point) or `MAX_ROUNDS` is reached, so a second ``--fix`` changes nothing.

Edits are made on the file's own text, not the normalised one: offsets are mapped back through
the CRLF pairs and a replacement's newlines are written in the file's style, so line endings
outside the fixed spans stay byte-identical. Files are written atomically (a temporary file in
the same folder, then a rename) with their mode, encoding and byte-order mark kept.
Files with invalid UTF-8 are never written: the decoded text cannot reproduce their bytes.
"""

from __future__ import annotations

import bisect
import difflib
import json
import os
import re
import tempfile
from dataclasses import dataclass, field

from .finding import Finding, Fix

MAX_ROUNDS = 10
PROSE_WORDS = 8
BOM = "\ufeff"


def chosen(findings, unsafe=False, text=None, offset_map=None) -> list[Finding]:
    """The findings whose fix this run may apply. Given the ``text`` the fixes edit, a safe
    fix that would delete running prose is held back (see `deletes_prose`)."""
    out = []
    for f in findings:
        if f.fix is None or not (unsafe or f.fix.safe):
            continue
        if not unsafe and text is not None:
            s, e = (offset_map(f.fix.start), offset_map(f.fix.end)) if offset_map else (f.fix.start, f.fix.end)
            if deletes_prose(text[s:e], f.fix.replacement):
                continue
        out.append(f)
    return out


# Words of running text: Markdown links and images, URLs and emphasis markers do not count.
_NOT_PROSE = re.compile(r"!?\[[^\]\n]*\]\([^)\n]*\)|<?https?://\S+|[*_#>|]+")
# Running text ends like a sentence, or goes on in lower-case words after a sentence boundary;
# headlines, labels and captions ending in a credit ("... in Sochi. Zuma / TASS") do not.
_SENTENCE_END = re.compile(r"[a-z0-9,)][.!?:;][\"'”’)]*\s*$")
_BOUNDARY = re.compile(r"[a-z][.!?][\"'”’)]* +(?=[\"'“‘(]?[A-Z])")


def _reads_as_sentences(text: str) -> bool:
    if _SENTENCE_END.search(text):
        return True
    cuts = [m.end() for m in _BOUNDARY.finditer(text)]
    return bool(cuts) and any(w[:1].islower() for w in text[cuts[-1]:].split())


def deletes_prose(old: str, new: str) -> bool:
    """True when replacing ``old`` by ``new`` removes running text: a line of at least
    `PROSE_WORDS` words outside links and URLs, mostly lower-case words (prose, not a title, a
    credit or a list of names), that ends like a sentence or holds a sentence boundary (not a
    headline). Rules make mistakes; a safe fix must not cost the corpus an article sentence,
    so such deletions wait for --unsafe-fixes."""
    if len(old) - len(new) < 30:
        return False
    for line in old.splitlines():
        words = _NOT_PROSE.sub(" ", line).split()
        if len(words) < PROSE_WORDS or " ".join(words) in new:
            continue
        lower = sum(1 for w in words if w[:1].islower())
        if lower * 5 >= len(words) * 2 and _reads_as_sentences(" ".join(words)):
            return True
    return False


def _order(f: Finding):
    return (f.fix.start, -(f.fix.end - f.fix.start), f.rule, f.fix.replacement)


def resolve(findings) -> list[Finding]:
    """The deterministic, non-overlapping subset of ``findings`` (all with fixes) to apply now.

    Two edits conflict when their spans overlap, or when both insert at the same point (their
    order would be arbitrary). Skipped ones get another chance in the next round."""
    accepted, last_end, last_insert = [], -1, None
    seen = set()
    for f in sorted(findings, key=_order):
        fx = f.fix
        key = (fx.start, fx.end, fx.replacement)
        if key in seen:  # two rules asking for the same edit: make it once
            continue
        insert = fx.start == fx.end
        if fx.start < last_end or (insert and last_insert == fx.start):
            continue
        accepted.append(f)
        seen.add(key)
        last_end = max(last_end, fx.end)
        last_insert = fx.start if insert else None
    return accepted


def apply_fixes(text: str, fixes: list[Fix], newline: str = "\n", offset_map=None) -> str:
    """Apply non-overlapping ``fixes`` (sorted by start) to ``text``.

    ``offset_map`` turns a fix's offsets into offsets of ``text`` (see `raw_offsets`);
    ``newline`` is what a ``\\n`` in a replacement is written as."""
    out, pos = [], 0
    for fx in fixes:
        s, e = (offset_map(fx.start), offset_map(fx.end)) if offset_map else (fx.start, fx.end)
        out.append(text[pos:s])
        out.append(fx.replacement.replace("\n", newline) if newline != "\n" else fx.replacement)
        pos = e
    out.append(text[pos:])
    return "".join(out)


def fix_text(text: str, findings, unsafe: bool = False, relint=None, max_rounds: int = MAX_ROUNDS) -> str:
    """The fixed text. ``findings`` are those of ``text``; with ``relint`` (text -> findings)
    the text is linted again after each round until nothing is left to fix.

    The entry point for other front ends (corpus records): no I/O, no CRLF handling."""
    return fix_until_stable(text, findings, unsafe, relint, max_rounds).text


@dataclass
class Fixed:
    text: str
    applied: int = 0  # fixes applied over all rounds
    rounds: int = 0
    findings: list = field(default_factory=list)  # what the last lint of the text found (if relinted)
    stable: bool = True  # False: stopped at max_rounds with fixes still pending
    held: int = 0  # safe fixes held back because they would delete prose


def fix_until_stable(text, findings, unsafe=False, relint=None, max_rounds=MAX_ROUNDS, observe=None) -> Fixed:
    """Rounds of `resolve` + `apply_fixes` on ``text`` (the file's own text: CRLF allowed).
    ``observe(text, fixes)`` is called before each round with the fixes it applies."""
    result = Fixed(text, findings=list(findings))
    while result.rounds < max_rounds:
        newline, offset_map = _line_style(result.text)
        todo = resolve(chosen(result.findings, unsafe, result.text, offset_map))
        if not todo:
            break
        if observe is not None:
            observe(result.text, [f.fix for f in todo])
        result.text = apply_fixes(result.text, [f.fix for f in todo], newline, offset_map)
        result.applied += len(todo)
        result.rounds += 1
        if relint is None:
            break
        result.findings = list(relint(result.text))
    else:
        result.stable = not chosen(result.findings, unsafe, result.text, _line_style(result.text)[1])
    if not unsafe:
        result.held = len(chosen(result.findings)) - len(chosen(result.findings, False, result.text,
                                                                _line_style(result.text)[1]))
    return result


@dataclass
class Trace:
    """Where every character of a fixed text came from: ``origin[i]`` is the offset in the
    original text of character ``i`` of ``fixed.text``, or -1 for inserted characters;
    ``touched`` holds the original offsets some applied fix replaced; ``rewritten`` those a
    fix replaced by other visible text (a repair, not a deletion)."""

    fixed: Fixed
    origin: list
    touched: set
    rewritten: set = field(default_factory=set)


def trace_fixes(text: str, findings, relint, unsafe=False) -> Trace:
    """`fix_until_stable` on ``text`` (LF), keeping track of where each character went. A
    replacement's characters that equal the ones they replace (a link reduced to its text, a
    line repaired by ftfy) keep their origin."""
    import difflib

    origin = list(range(len(text)))
    touched: set = set()
    rewritten: set = set()

    def track(current, fixes):
        new, pos = [], 0
        for fx in fixes:
            new += origin[pos:fx.start]
            touched.update(o for o in origin[fx.start:fx.end] if o >= 0)
            if fx.replacement.strip():
                rewritten.update(o for o in origin[fx.start:fx.end] if o >= 0)
            kept = [-1] * len(fx.replacement)
            old = current[fx.start:fx.end]
            for a, b, n in difflib.SequenceMatcher(None, old, fx.replacement, autojunk=False).get_matching_blocks():
                kept[b:b + n] = origin[fx.start + a:fx.start + a + n]
            new += kept
            pos = fx.end
        origin[:] = new + origin[pos:]

    fixed = fix_until_stable(text, findings, unsafe, relint, observe=track)
    return Trace(fixed, origin, touched, rewritten)


def deleted_lines(text: str, findings, relint, unsafe=False) -> set[int]:
    """1-based numbers of the lines of ``text`` (LF) whose every letter and digit ``--fix``
    would remove: what a fix deletes, as opposed to what it edits (a repaired character, a
    link reduced to its text, two halves of a sentence joined). A line some fix rewrote into
    other text (mojibake of an invisible character repaired, say) is edited, not deleted."""
    return lines_deleted_by(text, trace_fixes(text, findings, relint, unsafe))


def lines_deleted_by(text: str, trace: Trace) -> set[int]:
    alive = set(trace.origin)
    out, start = set(), 0
    for number, line in enumerate(text.split("\n"), 1):
        letters = [start + i for i, c in enumerate(line) if c.isalnum()]
        if letters and not alive.intersection(letters) and not trace.rewritten.intersection(letters):
            out.add(number)
        start += len(line) + 1
    return out


def _shift(f: Finding, by: int) -> Finding:
    from dataclasses import replace

    fx = f.fix and Fix(f.fix.start + by, f.fix.end + by, f.fix.replacement, f.fix.safe)
    return replace(f, start=f.start + by, end=f.end + by, fix=fx)


def _line_style(text: str):
    """(newline, offset map) for applying LF-normalised fixes to ``text``."""
    if "\r" not in text:
        return "\n", None
    return ("\r\n" if "\r\n" in text else "\n"), raw_offsets(text)


def raw_offsets(raw: str):
    """Map offsets of the normalised text (CRLF -> LF, lone CR -> LF) to offsets of ``raw``.

    A normalised offset pointing at a newline that was CRLF maps to its CR, so deleting a
    line with its newline deletes both characters."""
    pairs, i, removed = [], raw.find("\r\n"), 0
    while i >= 0:
        pairs.append(i - removed)  # normalised offset of the LF that replaced this CRLF
        removed += 1
        i = raw.find("\r\n", i + 2)
    return lambda k: k + bisect.bisect_left(pairs, k)


# -- files ---------------------------------------------------------------------------------

def unified_diff(path: str, before: str, after: str) -> str:
    a = before.replace("\r\n", "\n").splitlines(keepends=True)
    b = after.replace("\r\n", "\n").splitlines(keepends=True)
    lines = difflib.unified_diff(a, b, path, path)
    return "".join(ln if ln.endswith("\n") else ln + "\n\\ No newline at end of file\n" for ln in lines)


def encoding_of(raw: bytes) -> str:
    if raw.startswith(b"\xff\xfe"):
        return "utf-16-le"
    if raw.startswith(b"\xfe\xff"):
        return "utf-16-be"
    return "utf-8"


def write_atomic(path: str, text: str, encoding: str = "utf-8") -> None:
    """Replace ``path`` with ``text`` in one rename: readers see the old file or the new one,
    never half of it. The file's mode is kept; a symlink's target is written, not the link."""
    real = os.path.realpath(path)
    folder = os.path.dirname(real) or "."
    mode = os.stat(real).st_mode & 0o7777
    fd, tmp = tempfile.mkstemp(prefix=".seedlint-", suffix=".tmp", dir=folder)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(text.encode(encoding))
            fh.flush()
            os.fsync(fh.fileno())
        os.chmod(tmp, mode)
        os.replace(tmp, real)
    except BaseException:
        if os.path.exists(tmp):
            os.unlink(tmp)
        raise


def fix_file(path: str, raw: bytes, text: str, findings, relint, unsafe=False, write=True) -> Fixed:
    """Fix one file whose bytes were ``raw``, decoded as ``text`` and linted into ``findings``.
    A byte-order mark is kept out of the edits and written back as it was; with ``write`` the
    file is replaced atomically when the text changed. ``Fixed.text`` is the new text (BOM
    included when the file has one, as `lint.sources` decodes it)."""
    enc = encoding_of(raw)
    kept = BOM if text.startswith(BOM) else ""
    if kept:  # a UTF-8 BOM decodes to U+FEFF at offset 0: lint and fix the text after it
        text = text[1:]
        findings = [_shift(f, -1) for f in findings if f.start >= 1]
    result = fix_until_stable(text, findings, unsafe, relint)
    changed = result.text != text
    result.text = kept + result.text
    if write and changed:
        # UTF-16: the decoder dropped the BOM; the explicit-endian codec needs it back.
        write_atomic(path, (BOM if enc != "utf-8" else "") + result.text, enc)
    return result


def cleaned_path(path: str) -> str:
    """Where a fixed copy of a corpus file goes (never in place): ``news.jsonl`` ->
    ``news.fixed.jsonl``."""
    root, ext = os.path.splitext(path)
    if ext in (".gz", ".zst", ".bz2", ".xz"):
        root, inner = os.path.splitext(root)
        ext = inner + ext
    return f"{root}.fixed{ext}"


@dataclass
class FixRun:
    applied: int = 0
    files: int = 0  # files changed (or that would change, under --diff)
    notices: list = field(default_factory=list)
    pending: int = 0  # fixes that still apply after MAX_ROUNDS (an oscillating rule pair)
    remaining: dict = field(default_factory=dict)  # path -> findings of its fixed text


def fix_documents(findings, documents, relint_for, unsafe=False, diff=None, stdin_name=None, stdout=None,
                  settings=None):
    """Fix every linted file that has a fix this run may apply.

    ``documents``: path -> `Document`; ``relint_for(path)``: a text -> findings function with
    that file's rules. With ``diff`` (a stream) print unified diffs and write nothing. The
    document read from stdin is printed, fixed, to ``stdout`` instead of being written. Corpus
    records (findings with a ``record``) are fixed into a cleaned copy of their file (see
    `fix_corpus_file`; ``settings`` names the text and id fields)."""
    from . import sources

    by_path: dict = {}
    for f in chosen(findings, unsafe):
        if f.record is None:
            by_path.setdefault(f.path, []).append(f)
    run = FixRun()
    corpus: dict = {}
    for f in chosen(findings, unsafe):
        if f.record is not None:
            corpus.setdefault(f.path, {}).setdefault(f.record, [])
    for f in findings:
        if f.record is not None and f.path in corpus and f.record in corpus[f.path]:
            corpus[f.path][f.record].append(f)
    for path, by_record in corpus.items():
        applied, changed = fix_corpus_file(path, by_record, relint_for(path), settings, unsafe, diff)
        run.applied += applied
        run.files += 1 if changed else 0
        if changed and diff is None:
            run.notices.append(f"{path}: {changed} record{'s' * (changed != 1)} fixed, written to "
                               f"{cleaned_path(path)} (corpus files are never fixed in place)")
    for path, found in by_path.items():
        doc = documents.get(path)
        if doc is None:
            continue
        if getattr(doc, "decode_errors", None):
            run.notices.append(f"{path}: not fixed: invalid UTF-8 cannot be written back unchanged")
            continue
        every = [f for f in findings if f.path == path and f.record is None]
        if path == stdin_name:
            text = doc.text.replace("\n", "\r\n") if doc.crlf else doc.text
            raw = text.encode("utf-8")
        else:
            with open(path, "rb") as fh:
                raw = fh.read()
            text = sources.decode(path, raw).text
            if text.replace("\r\n", "\n").replace("\r", "\n") != doc.text:
                run.notices.append(f"{path}: not fixed: the file changed while it was linted")
                continue
        result = fix_file(path, raw, text, every, relint_for(path), unsafe,
                          write=diff is None and path != stdin_name)
        run.applied += result.applied
        run.remaining[path] = result.findings
        if result.held:
            run.notices.append(f"{path}: {result.held} safe fix{'es' * (result.held != 1)} held back: "
                               "they would delete running prose (apply with --unsafe-fixes)")
        run.pending += 0 if result.stable else 1
        if not result.stable:
            run.notices.append(f"{path}: fixes still pending after {MAX_ROUNDS} rounds (rules undo each other)")
        if result.text != text:
            run.files += 1
            if diff is not None:
                diff.write(unified_diff(path, text, result.text))
        if path == stdin_name and diff is None and stdout is not None:
            stdout.write(result.text)
    if stdin_name in documents and stdin_name not in by_path and diff is None and stdout is not None:
        doc = documents[stdin_name]  # nothing to fix: still pass the text through
        stdout.write(doc.text.replace("\n", "\r\n") if doc.crlf else doc.text)
    return run


# -- corpus files: a cleaned copy, never in place ---------------------------------------------------

def fix_corpus_file(path, by_record, relint, settings, unsafe=False, diff=None) -> tuple[int, int]:
    """Write ``cleaned_path(path)``: every record of the corpus file, in order, with the fixes of
    ``by_record`` (record id -> findings) applied to its text field; other records and lines
    (invalid JSON included) are copied unchanged. Returns (fixes applied, records changed).
    With ``diff`` (a stream) print each changed record's diff instead and write nothing."""
    from .corpus import field_value, make_record

    text_field, id_field = getattr(settings, "text_field", "text"), getattr(settings, "id_field", "id")
    applied = changed = 0

    def fixed(data, rid):
        nonlocal applied, changed
        text = field_value(data, text_field) if isinstance(data, dict) else None
        if rid not in by_record or not isinstance(text, str):
            return None
        result = fix_until_stable(text, by_record[rid], unsafe, relint)
        if result.text == text:
            return None
        applied += result.applied
        changed += 1
        if diff is not None:
            diff.write(unified_diff(f"{path}[{rid}]", text, result.text))
        return _with_field(data, text_field, result.text)

    out = cleaned_path(path)
    tmp = f"{out}.seedlint-tmp"
    if path.lower().endswith(".parquet"):
        from .corpus.annotate import ParquetWriter
        from .corpus.readers import iter_records

        writer = ParquetWriter(tmp)
        for rec in iter_records(path, text_field, id_field):
            if isinstance(rec.original, dict):
                writer.write(fixed(rec.original, rec.id) or rec.original)
        writer.close()
    else:
        from .corpus.readers import _loads, _open_binary

        loads, error = _loads()
        opener = _gzip_writer if path.lower().endswith(".gz") else open
        with _open_binary(path) as src, opener(tmp, "wb") as dst:
            for n, raw in enumerate(src, 1):
                body = raw.rstrip(b"\r\n")
                try:
                    data = loads(body) if body.strip() else None
                except (error, UnicodeDecodeError):
                    data = None
                new = None
                if isinstance(data, dict):
                    new = fixed(data, make_record(path, data, n, text_field, id_field).id)
                if new is None:
                    dst.write(raw)
                else:
                    dst.write(json.dumps(new, ensure_ascii=False).encode("utf-8") + raw[len(body):])
    if diff is not None or not changed:
        os.unlink(tmp)
    else:
        os.replace(tmp, out)
    return applied, changed


def _gzip_writer(path, mode):
    import gzip

    return gzip.open(path, mode)


def _with_field(record: dict, name: str, value) -> dict:
    """A copy of ``record`` with field ``name`` (dots reach nested mappings, as when reading) set."""
    out = dict(record)
    if name in record or "." not in name:
        out[name] = value
        return out
    head, rest = name.split(".", 1)
    out[head] = _with_field(record[head], rest, value)
    return out
