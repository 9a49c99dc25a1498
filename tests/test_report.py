"""The HTML report without a browser: structure, escaping of hostile text, the quality score."""

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

import pytest

from lint.cli import main
from lint.document import Document
from lint.finding import Finding
from lint.output import html as report

HOSTILE = """Skip to main content

<script>window.__pwned = 1</script>
<img src=x onerror="window.__pwned = 2">
"'><svg onload="window.__pwned = 3"></svg>
[click here](javascript:window.__pwned=4)
</pre></details><script>window.__pwned = 5</script><!--
The minister said on Tuesday that talks would resume\u200b next week.\u202e reversed?
"""
OUR_TAGS = {"html", "head", "meta", "title", "style", "body", "header", "h1", "h2", "div", "b", "span", "nav",
            "label", "input", "i", "section", "svg", "text", "rect", "line", "table", "thead", "tbody", "tr",
            "th", "td", "a", "main", "details", "summary", "pre", "mark", "ol", "li", "p", "em", "script"}


class Tags(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.tags, self.attrs, self.scripts, self._in_script, self.text = [], [], [], False, []

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self.attrs += attrs
        if tag == "script":
            self._in_script = True
            self.scripts.append("")

    def handle_endtag(self, tag):
        if tag == "script":
            self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data
        else:
            self.text.append(data)


def _report(tmp_path, name, text, *extra):
    (tmp_path / name).write_text(text, encoding="utf-8")
    out = tmp_path / "report.html"
    main(["--isolated", "--output-format", "html", "-o", str(out), *extra, str(tmp_path / name)])
    return out.read_text(encoding="utf-8")


def test_hostile_text_and_names_stay_text(tmp_path):
    page = _report(tmp_path, '<img src=x onerror="alert(6)">.txt', HOSTILE)
    parsed = Tags()
    parsed.feed(page)
    assert set(parsed.tags) <= OUR_TAGS
    assert "img" not in parsed.tags and parsed.tags.count("script") == 2
    assert not [k for k, _ in parsed.attrs if k.startswith("on")]
    assert not [v for k, v in parsed.attrs if k == "href" and not v.startswith("#")]
    shown = "".join(parsed.text)
    assert "<script>window.__pwned = 1</script>" in shown
    assert '<img src=x onerror="window.__pwned = 2">' in shown
    assert '<img src=x onerror="alert(6)">.txt' in shown
    # the data island is JSON that cannot close its script element
    assert "</" not in parsed.scripts[0] and isinstance(json.loads(parsed.scripts[0]), list)
    # invisible and bidi characters are shown as labels, never emitted raw
    assert "\u202e" not in page and "\u200b" not in page and 'data-cp="U+202E"' in page


def test_only_the_reports_own_script_may_run(tmp_path):
    page = _report(tmp_path, "a.txt", HOSTILE)
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert "default-src 'none'" in csp and "unsafe-inline" not in csp.split("script-src")[1].split(";")[0]
    parsed = Tags()
    parsed.feed(page)
    digest = base64.b64encode(hashlib.sha256(parsed.scripts[1].encode()).digest()).decode()
    assert f"'sha256-{digest}'" in csp


def test_every_finding_is_highlighted_and_listed(tmp_path, root):
    out = tmp_path / "seeds.html"
    main(["--isolated", "--output-format", "json", "-o", str(tmp_path / "f.json"), str(root / "seeds")])
    findings = json.loads((tmp_path / "f.json").read_text())
    main(["--isolated", "--output-format", "html", "-o", str(out), str(root / "seeds")])
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'<script type="application/json" id="sl-data">(.*?)</script>', page, re.S).group(1))
    assert len(data) == len(findings)
    marked = {int(i) for group in re.findall(r'<mark [^>]*data-f="([^"]+)"', page) for i in group.split()}
    assert marked == set(range(len(findings)))
    assert len(re.findall(r'<li data-f="', page)) == len(findings)
    fixable = sum(1 for f in findings if "fix" in f)
    assert page.count('class="fixlabel"') == fixable
    for f in findings:
        assert re.search(rf'<b>{f["rule"]}</b>', page)


def test_quality_score():
    doc = Document("one\n\ntwo\nthree\nfour\n")

    def at(line, severity="warning"):
        return Finding("p", line, 1, line, 2, "X", "artefact", severity, "m")

    assert report.score(doc, []) == 100
    assert report.score(doc, [at(1)]) == 75
    assert report.score(doc, [at(1), at(1), at(3, "info")]) == pytest.approx(100 * (1 - 1.25 / 4), abs=0.1)
    assert report.score(doc, [at(n) for n in (1, 3, 4, 5)]) == 0
    assert report.score(doc, [at(2)]) == 100  # a blank line costs nothing


def test_overlapping_findings_split_into_segments():
    f1 = Finding("p", 1, 1, 1, 6, "A", "artefact", "warning", "m")
    f2 = Finding("p", 1, 4, 1, 9, "B", "typo", "warning", "m")
    out = report.highlight("abcdefghij", [(0, 5), (3, 8)], [f1, f2], [0, 1])
    assert re.findall(r'data-f="([^"]+)">([^<]*)<', out) == [("0", "abc"), ("0 1", "de"), ("1", "fgh")]
    assert out.endswith("ij")
