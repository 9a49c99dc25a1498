"""``junit``: JUnit XML, which most CI systems show as a test report (GitLab, Jenkins, Azure).

One test suite per linted file; each finding is a failing test case named after its rule
and position; a clean file is one passing case. Text that XML cannot carry (control
characters are common in scraped text) is written as ``\\xNN``.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from ._ci import relative_path, xml_safe


def write(findings, stream, run):
    by_path: dict = {p: [] for p in run.documents}
    for f in findings:
        by_path.setdefault(f.path, []).append(f)
    root = ET.Element("testsuites", name="seedlint", tests=str(sum(max(len(v), 1) for v in by_path.values())),
                      failures=str(len(findings)), errors="0")
    for path, found in by_path.items():
        rel = xml_safe(relative_path(path))
        suite = ET.SubElement(root, "testsuite", name=rel, tests=str(max(len(found), 1)),
                              failures=str(len(found)), errors="0", skipped="0")
        if not found:
            ET.SubElement(suite, "testcase", name="seedlint", classname=rel, file=rel)
        for f in found:
            where = (f"[{f.record}]" if f.record is not None else "") + f"{f.line}:{f.column}"
            case = ET.SubElement(suite, "testcase", name=f"{f.rule} at {where}", classname=rel, file=rel,
                                 line=str(f.line))
            failure = ET.SubElement(case, "failure", message=xml_safe(f.message), type=f"{f.severity} {f.rule}")
            failure.text = xml_safe(f"{rel}:{where}: {f.severity} {f.rule} {f.message}\n{f.excerpt}")
    ET.indent(root)
    stream.write('<?xml version="1.0" encoding="UTF-8"?>\n')
    stream.write(ET.tostring(root, encoding="unicode"))
    stream.write("\n")
