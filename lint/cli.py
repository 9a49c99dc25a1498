"""The command line: ``seedlint [options] [PATH ...]``, ``seedlint rules``, ``seedlint rule ID``.

Exit codes (ruff's): 0 nothing at the failing level, 1 findings at or above it, 2 usage or
configuration errors and unreadable input (reported after the other files are linted).
"""

from __future__ import annotations

import argparse
import gc
import os
import sys
from dataclasses import dataclass, field

from . import __version__, baseline, config, runner, suppress
from .engine import corpus_rules, lint_text, select_rules, severity_at_least
from .finding import CATEGORIES, SEVERITIES
from .output import FORMATS, streamer, writer
from .rules import Rule, RuleError, load_rules


@dataclass
class Run:
    """What reporters know about a run besides the findings."""

    rules: list
    files: int = 0
    colour: bool = False
    statistics: bool = False
    baseline_suppressed: int = 0
    notices: list = field(default_factory=list)
    documents: dict = field(default_factory=dict)  # path -> Document, for reporters that show text


def build_parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(
        prog="seedlint",
        description="A data-quality linter for scraped articles: scraping artefacts, off-topic "
                    "splices, typos and contradictions.",
        epilog="Also: 'seedlint rules' lists every rule, 'seedlint rule ID' documents one. "
               "Exit status: 0 clean, 1 findings at --fail-level or above, 2 usage/config errors.")
    p.add_argument("paths", nargs="*", metavar="PATH", help="files or folders ('-' for stdin); default: .")
    p.add_argument("--select", help="comma-separated rule ids, prefixes, categories, names or globs to run")
    p.add_argument("--ignore", help="comma-separated selectors to leave out")
    p.add_argument("--extend-select", help="selectors to run in addition to the default set")
    p.add_argument("--fail-level", choices=SEVERITIES, help="lowest severity that makes the exit status 1")
    p.add_argument("--output-format", choices=sorted(FORMATS), help="how to print findings (default text)")
    p.add_argument("-o", "--output-file", help="write the report to this file instead of stdout")
    p.add_argument("--statistics", action="store_true", help="print counts per rule")
    p.add_argument("--rules", action="append", default=[], metavar="DIR", help="an extra folder of YAML rules")
    p.add_argument("--no-builtin-rules", action="store_true", help="use only the rules from --rules folders")
    p.add_argument("--config", help="configuration file (default: nearest .seedlint.yaml or pyproject.toml)")
    p.add_argument("--isolated", action="store_true", help="ignore configuration files")
    p.add_argument("--extensions", help="comma-separated file extensions to lint in folders (default .txt,.md,.markdown)")
    p.add_argument("--exclude", action="append", default=[], metavar="GLOB", help="paths to leave out")
    p.add_argument("--force-exclude", action="store_true",
                   help="apply excludes to files named explicitly too (for pre-commit and editors)")
    p.add_argument("--baseline", metavar="FILE", help="report only findings not recorded in this baseline")
    p.add_argument("--write-baseline", metavar="FILE", help="record the current findings as the baseline and exit 0")
    p.add_argument("--stdin-filename", help="the name to report for '-'")
    p.add_argument("--fix", action="store_true", help="apply the safe fixes in place, then report what is left")
    p.add_argument("--unsafe-fixes", action="store_true", help="with --fix or --diff: apply unsafe fixes too")
    p.add_argument("--diff", action="store_true", help="print the fixes as a unified diff; change nothing")
    runner.add_arguments(p)
    p.add_argument("--version", action="version", version=f"seedlint {__version__}")
    return p


def _split(value) -> list:
    return [v.strip() for v in (value or "").split(",") if v.strip()]


def _colour(stream) -> bool:
    return (hasattr(stream, "isatty") and stream.isatty() and "NO_COLOR" not in os.environ
            and os.environ.get("TERM") != "dumb")


def main(argv=None) -> int:
    argv = list(sys.argv[1:] if argv is None else argv)
    try:
        if argv[:1] == ["rules"]:
            return cmd_rules(argv[1:])
        if argv[:1] == ["rule"]:
            return cmd_rule(argv[1:])
        return cmd_check(argv)
    except BrokenPipeError:
        return 0
    except KeyboardInterrupt:
        print("seedlint: interrupted", file=sys.stderr)
        return 130


def _load(args, settings) -> list[Rule]:
    return load_rules(extra_dirs=list(settings.rules) + list(args.rules),
                      include_builtin=not getattr(args, "no_builtin_rules", False))


def cmd_check(argv) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        settings = config.Settings() if args.isolated else config.load(args.config)
        rules = _load(args, settings)
    except (config.ConfigError, RuleError) as e:
        print(f"seedlint: error: {e}", file=sys.stderr)
        return 2
    select = _split(args.select) or settings.select
    ignore = _split(args.ignore) + list(settings.ignore)
    extend = _split(args.extend_select) + list(settings.extend_select)
    per_file = [s for sels in settings.per_file_ignores.values() for s in sels]
    known = [s for s in select + ignore + extend + per_file
             if s not in CATEGORIES and not any(r.matches(s) for r in rules)]
    if known:
        keys = [k for k in ("select", "ignore", "extend_select") if known[0] in getattr(settings, k)] or \
            ["per_file_ignores"] * (known[0] in per_file)
        where = f"{settings.source}: key {keys[0].replace('_', '-')!r}: " if keys and settings.source else ""
        print(f"seedlint: error: {where}no rule matches selector {known[0]!r}", file=sys.stderr)
        return 2
    selected = select_rules(rules, select, ignore, extend)
    fmt = args.output_format or settings.output_format or ("github" if os.environ.get("GITHUB_ACTIONS") == "true"
                                                            and "github" in FORMATS else "text")
    fail_level = args.fail_level or settings.fail_level
    extensions = [e if e.startswith(".") else "." + e for e in _split(args.extensions)] or settings.extensions
    exclude = list(settings.exclude) + args.exclude

    try:
        baseline_path = "" if args.write_baseline else (args.baseline or settings.baseline)
        known = baseline.load(baseline_path) if baseline_path else None
    except baseline.BaselineError as e:
        print(f"seedlint: error: {e}", file=sys.stderr)
        return 2

    out = open(args.output_file, "w", encoding="utf-8") if args.output_file else sys.stdout
    run = Run(rules=selected, colour=_colour(out) and fmt == "text", statistics=args.statistics)
    findings, errors = [], []
    rerun = False
    # streaming formats write findings as each document is done, never holding them (corpus scale)
    make_stream = None if known is not None or args.fix or args.diff or args.write_baseline else streamer(fmt)
    stream = None
    failed = False
    try:
        lint = runner.from_args(args, selected, settings, extensions, exclude, fail_level)
        run.documents = lint.documents
        gc.freeze()  # rules and cache entries live all run: the collector need not walk them again
        stream = make_stream and make_stream(out, run)
        for result in lint.run(args.paths or ["."]):
            run.files += 1 if result.error is None and not result.notices else 0
            if result.error:
                errors.append(f"{result.path}: {result.error}")
            for n in result.notices:
                print(f"seedlint: {n}", file=sys.stderr)
            if stream is not None:
                stream.add(result.findings)
                failed = failed or _fails(result.findings, fail_level)
            else:
                findings.extend(result.findings)
        findings.extend(_suppressed_inline(lint.finish(), run.documents, selected))
        if args.write_baseline:
            n = baseline.write(args.write_baseline, findings, run.documents)
            print(f"seedlint: wrote {n} baseline entries ({len(findings)} findings) to {args.write_baseline}",
                  file=sys.stderr)
            return 2 if errors else 0
        if known is not None:
            findings = _apply_baseline(known, findings, run)
        if args.fix or args.diff:
            status = _fix(args, findings, run, selected, settings, fail_level)
            if status is not None:  # --diff, or stdin: nothing to report again
                return status
            rerun = True
        elif stream is not None:
            stream.add(findings)
            stream.close()
        else:
            writer(fmt)(findings, out, run)
    except BrokenPipeError:
        raise
    except (OSError, ImportError) as e:  # the annotated output or a corpus reader
        print(f"seedlint: error: {e}", file=sys.stderr)
        return 2
    finally:
        if out is not sys.stdout:
            out.close()
    if rerun:  # after --fix, report what is left, as a plain run would
        return cmd_check([a for a in argv if a not in ("--fix", "--unsafe-fixes")])
    for e in errors:
        print(f"seedlint: error: {e}", file=sys.stderr)
    if errors:
        return 2
    return 1 if failed or any(severity_at_least(f.severity, fail_level) for f in findings) else 0


def _fails(findings, fail_level) -> bool:
    """Whether a document's findings reach the failing level: a cached file's stored counts
    (`lint.cache.CachedFindings.counts`) say so without loading its findings."""
    counts = getattr(findings, "counts", None)
    severities = (c[1] for c in counts) if counts is not None else (f.severity for f in findings)
    return any(severity_at_least(s, fail_level) for s in severities)


def _fix(args, findings, run, rules, settings, fail_level):
    """--fix / --diff (see lint.fixer). Returns the exit status, or None to lint again."""
    from . import fixer

    stdin_name = (args.stdin_filename or "-") if "-" in (args.paths or []) else None

    def relint_for(path):
        file_rules = runner.rules_for(path, rules, settings)
        return lambda text: lint_text(text, file_rules, path=path, settings=settings)[1]

    done = fixer.fix_documents(findings, run.documents, relint_for, args.unsafe_fixes,
                               diff=sys.stdout if args.diff else None, stdin_name=stdin_name, stdout=sys.stdout,
                               settings=settings)
    for n in done.notices:
        print(f"seedlint: {n}", file=sys.stderr)
    verb = "Would fix" if args.diff else "Fixed"
    print(f"{verb} {done.applied} finding{'s' * (done.applied != 1)} in {done.files} "
          f"file{'s' * (done.files != 1)}.", file=sys.stderr)
    if args.diff:
        return 1 if done.files else 0
    if stdin_name is not None:
        left = [f for path, fs in done.remaining.items() for f in fs]
        left += [f for f in findings if f.path not in done.remaining]
        return 1 if any(severity_at_least(f.severity, fail_level) for f in left) else 0
    return None


def _suppressed_inline(findings, documents, rules):
    """Inline suppression comments for findings of the corpus pass (the engine already
    applied them to the per-document ones)."""
    by_path: dict = {}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    out = []
    for path, mine in by_path.items():
        doc = documents.get(path)
        out.extend(suppress.apply(doc, mine, rules) if doc is not None and doc.record is None else mine)
    return out


def _apply_baseline(known, findings, run):
    path = known.path
    findings, run.baseline_suppressed, stale = known.filter(findings, run.documents, {r.id for r in run.rules},
                                                           {r.id for r in corpus_rules(run.rules)})
    if stale:
        n = sum(e["count"] for e in stale)
        print(f"seedlint: {path}: {n} baseline entr{'y' if n == 1 else 'ies'} no longer found (fixed? "
              f"regenerate with --write-baseline {path}):", file=sys.stderr)
        for e in stale[:20]:
            print(f"  {e['path']} {e['rule']} \"{e['excerpt']}\"" + (f" x{e['count']}" if e['count'] > 1 else ""),
                  file=sys.stderr)
        if len(stale) > 20:
            print(f"  ... and {len(stale) - 20} more", file=sys.stderr)
    return findings


# -- seedlint rules / seedlint rule ID ---------------------------------------------------------

def _rules_command(argv, prog, description, *positional):
    """Parse a rules sub-command's arguments and load the rules: (args, rules), or (None, 2)."""
    p = argparse.ArgumentParser(prog=prog, description=description)
    for name in positional:
        p.add_argument(name)
    p.add_argument("--rules", action="append", default=[], metavar="DIR")
    p.add_argument("--config")
    args = p.parse_args(argv)
    try:
        return args, _load(args, config.load(args.config))
    except (config.ConfigError, RuleError) as e:
        print(f"seedlint: error: {e}", file=sys.stderr)
        return None, 2


def cmd_rules(argv) -> int:
    args, rules = _rules_command(argv, "seedlint rules", "List every rule, one per line.")
    if args is None:
        return rules
    for r in rules:
        flags = ("fix " if r.fix else "    ") + ("" if r.enabled else "(opt-in) ")
        first = r.description.strip().split(". ")[0].rstrip(".")
        print(f"{r.id:<7} {r.category:<13} {r.severity:<8} {flags}{r.name:<28} {first}")
    return 0


def cmd_rule(argv) -> int:
    args, rules = _rules_command(argv, "seedlint rule", "Show a rule's documentation and examples.", "id")
    if args is None:
        return rules
    match = [r for r in rules if args.id in (r.id, r.name)]
    if not match:
        print(f"seedlint: error: no rule {args.id!r} (see 'seedlint rules')", file=sys.stderr)
        return 2
    r = match[0]
    print(f"{r.id} ({r.name})" if r.name else r.id)
    print(f"  kind: {r.kind}   category: {r.category}   severity: {r.severity}   scope: {r.scope}"
          f"   {'enabled' if r.enabled else 'opt-in (select it to run)'}")
    print(f"  source: {r.source}")
    if r.fix:
        print(f"  fix: {r.fix}")
    print()
    print(_wrap(r.description.strip()))
    print("\nFlags:")
    for t in r.examples.get("flag", []):
        print("  | " + t.rstrip("\n").replace("\n", "\n  | "))
    print("\nPasses:")
    for t in r.examples.get("pass", []):
        print("  | " + t.rstrip("\n").replace("\n", "\n  | "))
    doc = (r.module.__doc__ or "").strip()
    if doc:
        print(f"\nKind '{r.kind}':\n")
        print("  " + doc.replace("\n", "\n  "))
    return 0


def _wrap(text, width=92):
    import textwrap

    return "\n".join(textwrap.fill(p, width) for p in text.split("\n\n"))
