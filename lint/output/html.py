"""``html``: a self-contained visual report (``--output-format html -o report.html``).

One page, no network: inline CSS, inline SVG charts and a small inline script. An overview of
the corpus (findings per category and per rule, a histogram of per-document quality scores,
the worst documents), then each document's text with every finding highlighted in place:
hover a highlight for its messages, click a finding in the list to jump to it; fixable
findings are underlined. Scraped text is untrusted: every piece of it is escaped, the page
carries a Content-Security-Policy that lets only its own script (pinned by hash) run, and
invisible characters are shown as labels instead of being allowed to reorder the page.
"""

from __future__ import annotations

import base64
import hashlib
import html
import json
import re
from collections import Counter, defaultdict

from ..finding import CATEGORIES

MAX_TEXT_DOCS = 300  # documents shown with their text (worst first); the rest are listed
MAX_TEXT_CHARS = 300_000  # longer texts are cut in the report
OPEN_DOCS = 12  # documents unfolded when the page opens
WEIGHT = {"error": 1.0, "warning": 1.0, "info": 0.25}  # how much a flagged line costs the score
COLOURS = {"artefact": "#e07b39", "typo": "#d64550", "off-topic": "#8a63d2", "contradiction": "#2f80c9",
           "style": "#3a9d6e"}
# Shown as a label instead of the character: invisible, or able to reorder the text around it.
_INVISIBLE = re.compile("[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u00ad\u200b-\u200f\u202a-\u202e"
                        "\u2060-\u2064\u2066-\u2069\ufeff\ufff9-\ufffb]")


def esc(text) -> str:
    return html.escape(str(text), quote=True)


def write(findings, stream, run):
    docs = _documents(findings, run)
    stream.write(page(docs, findings, run))


# -- the model: one entry per document ------------------------------------------------------------

def _documents(findings, run):
    """[{key, path, record, doc, findings, score}] for every linted document, worst first."""
    grouped = defaultdict(list)
    for f in findings:
        grouped[(f.path, f.record)].append(f)
    documents = getattr(run, "documents", None) or {}
    keys = list(grouped)
    keys += [(p, None) for p in documents if (p, None) not in grouped]
    out = []
    for path, record in keys:
        doc = None
        if record is None and path in documents:
            try:
                doc = documents[path]
            except (KeyError, OSError):
                doc = None
        found = sorted(grouped.get((path, record), []), key=lambda f: (f.line, f.column, f.rule))
        out.append({"path": path, "record": record, "doc": doc, "findings": found, "score": score(doc, found)})
    out.sort(key=lambda d: (d["score"] if d["score"] is not None else 101, -len(d["findings"]), d["path"],
                            d["record"] or ""))
    return out


def score(doc, findings) -> float | None:
    """100 for a clean document, 0 when every non-blank line carries an error or warning."""
    if doc is None:
        return None if findings else 100.0
    weights = {}
    for f in findings:
        for n in range(f.line, f.end_line + 1):
            weights[n] = max(weights.get(n, 0.0), WEIGHT.get(f.severity, 1.0))
    lines = [ln for ln in doc.lines if ln.text.strip()]
    if not lines:
        return 100.0 if not findings else 0.0
    cost = sum(w for n, w in weights.items() if n <= len(doc.lines) and doc.lines[n - 1].text.strip())
    return round(100.0 * max(0.0, 1 - cost / len(lines)), 1)


# -- the page -----------------------------------------------------------------------------------

def page(docs, findings, run) -> str:
    names = {r.id: r.name for r in getattr(run, "rules", [])}
    data, sections = [], []
    shown = [d for d in docs if d["findings"]][:MAX_TEXT_DOCS]
    for i, d in enumerate(shown):
        d["anchor"] = f"doc-{i}"
        sections.append(_document(i, d, data, names))
    script = _SCRIPT
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = (f"default-src 'none'; style-src 'unsafe-inline'; img-src data:; script-src 'sha256-{digest}'; "
           "base-uri 'none'; form-action 'none'")
    payload = json.dumps(data, ensure_ascii=True, separators=(",", ":")).replace("<", "\\u003c")
    hidden = len([d for d in docs if d["findings"]]) - len(shown)
    clean = sum(1 for d in docs if not d["findings"])
    parts = [
        "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">",
        f"<meta http-equiv=\"Content-Security-Policy\" content=\"{csp}\">",
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">",
        "<meta name=\"referrer\" content=\"no-referrer\">",
        "<title>seedlint report</title>",
        f"<style>{_CSS}</style></head><body>",
        _header(docs, findings),
        _filters(findings),
        _overview(docs, findings, names),
        "<main>",
        "<h2>Documents</h2>" if sections else "",
        *sections,
        f"<p class=\"more\">{hidden} more documents with findings are counted above but not shown.</p>" if hidden > 0 else "",
        f"<p class=\"more\">{clean} document{'s' * (clean != 1)} without findings.</p>" if clean else "",
        "</main>",
        "<div id=\"sl-tip\" role=\"tooltip\" hidden></div>",
        f"<script type=\"application/json\" id=\"sl-data\">{payload}</script>",
        f"<script>{script}</script>",
        "</body></html>\n",
    ]
    return "\n".join(p for p in parts if p)


def _header(docs, findings) -> str:
    sev = Counter(f.severity for f in findings)
    fixable = sum(1 for f in findings if f.fix is not None and f.fix.safe)
    unsafe = sum(1 for f in findings if f.fix is not None and not f.fix.safe)
    flagged = sum(1 for d in docs if d["findings"])
    scores = [d["score"] for d in docs if d["score"] is not None]
    mean = sum(scores) / len(scores) if scores else 100.0
    tiles = [
        (len(docs), "documents"),
        (flagged, "with findings"),
        (len(findings), "findings"),
        (sev["error"], "errors"),
        (sev["warning"], "warnings"),
        (sev["info"], "info"),
        (fixable, "fixable with --fix"),
        (unsafe, "with --unsafe-fixes"),
        (f"{mean:.0f}", "mean quality score"),
    ]
    cells = "".join(f"<div class=\"tile\"><b>{esc(v)}</b><span>{esc(k)}</span></div>" for v, k in tiles)
    return f"<header><h1>seedlint report</h1><div class=\"tiles\">{cells}</div></header>"


def _filters(findings) -> str:
    present = [c for c in CATEGORIES if any(f.category == c for f in findings)]
    if not present:
        return ""
    boxes = "".join(
        f"<label class=\"chip\" style=\"--c:{COLOURS[c]}\"><input type=\"checkbox\" data-cat=\"{c}\" checked>"
        f"<i></i>{esc(c)}</label>" for c in present)
    return (f"<nav class=\"filters\"><span>Show</span>{boxes}<label class=\"chip\"><input type=\"checkbox\" "
            f"id=\"fixable-only\"><i></i>fixable only</label></nav>")


def _overview(docs, findings, names) -> str:
    if not docs:
        return "<section class=\"overview\"><p>No documents were linted.</p></section>"
    cats = Counter(f.category for f in findings)
    by_cat = [(c, cats[c], COLOURS[c], "") for c in CATEGORIES if cats[c]]
    rules = Counter(f.rule for f in findings)
    rule_cat = {f.rule: f.category for f in findings}
    top = [(f"{r} {names.get(r, '')}".strip(), n, COLOURS.get(rule_cat[r], "#888"), "")
           for r, n in rules.most_common(20)]
    scores = [d["score"] for d in docs if d["score"] is not None]
    bins = [0] * 10
    for s in scores:
        bins[min(9, int(s // 10))] += 1
    worst = [d for d in docs if d["findings"]][:15]
    rows = "".join(
        f"<tr><td class=\"num\">{_score_badge(d['score'])}</td><td>{_doc_link(d)}</td>"
        f"<td class=\"num\">{len(d['findings'])}</td><td>{esc(_top_rules(d['findings']))}</td></tr>"
        for d in worst)
    cards = [
        _card("Findings per category", bar_chart(by_cat) if by_cat else "<p>None.</p>"),
        _card("Findings per rule" + (" (top 20)" if len(rules) > 20 else ""),
              bar_chart(top) if top else "<p>None.</p>"),
        _card("Quality score per document", histogram(bins) +
              "<p class=\"note\">100 = no flagged line; each line with a warning or error costs its share "
              "of the document's non-blank lines (info a quarter).</p>"),
    ]
    table = ("<table class=\"worst\"><thead><tr><th>score</th><th>document</th><th>findings</th>"
             f"<th>most frequent rules</th></tr></thead><tbody>{rows}</tbody></table>") if rows else "<p>None.</p>"
    cards.append(_card("Worst documents", table, wide=True))
    return "<section class=\"overview\">" + "".join(cards) + "</section>"


def _card(title, body, wide=False) -> str:
    return f"<div class=\"card{' wide' * wide}\"><h2>{esc(title)}</h2>{body}</div>"


def _top_rules(findings) -> str:
    return ", ".join(f"{r} ×{n}" for r, n in Counter(f.rule for f in findings).most_common(4))


def _doc_label(d) -> str:
    return d["path"] + (f" [{d['record']}]" if d["record"] is not None else "")


def _doc_link(d) -> str:
    label = esc(_doc_label(d))
    return f"<a href=\"#{d['anchor']}\">{label}</a>" if d.get("anchor") else label


def _score_badge(value) -> str:
    if value is None:
        return "<span class=\"score na\">–</span>"
    hue = int(120 * value / 100)  # red .. green
    return f"<span class=\"score\" style=\"--h:{hue}\">{value:.0f}</span>"


def bar_chart(items) -> str:
    """Horizontal bars: [(label, value, colour, _)] as inline SVG."""
    width, label_w, row = 560, 210, 22
    top = max(v for _, v, _, _ in items) or 1
    height = row * len(items) + 4
    out = [f"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" "
           f"aria-label=\"bar chart\" preserveAspectRatio=\"xMinYMin meet\">"]
    for i, (label, value, colour, _) in enumerate(items):
        y = i * row + 2
        w = max(2, (width - label_w - 50) * value / top)
        short = label if len(label) <= 30 else label[:29] + "…"
        out.append(f"<text x=\"{label_w - 8}\" y=\"{y + 15}\" text-anchor=\"end\">{esc(short)}</text>"
                   f"<rect x=\"{label_w}\" y=\"{y + 3}\" width=\"{w:.1f}\" height=\"{row - 7}\" rx=\"3\" "
                   f"fill=\"{colour}\"><title>{esc(label)}: {value}</title></rect>"
                   f"<text class=\"val\" x=\"{label_w + w + 6:.1f}\" y=\"{y + 15}\">{value}</text>")
    out.append("</svg>")
    return "".join(out)


def histogram(bins) -> str:
    width, height, base = 560, 190, 160
    top = max(bins) or 1
    slot = (width - 40) / len(bins)
    out = [f"<svg class=\"chart\" viewBox=\"0 0 {width} {height}\" role=\"img\" aria-label=\"histogram\">"]
    for i, n in enumerate(bins):
        h = (base - 20) * n / top
        x = 20 + i * slot
        hue = int(120 * (i + 0.5) / len(bins))
        lo, hi = i * 10, i * 10 + 10
        out.append(f"<rect x=\"{x + 3:.1f}\" y=\"{base - h:.1f}\" width=\"{slot - 6:.1f}\" height=\"{h:.1f}\" "
                   f"rx=\"3\" fill=\"hsl({hue} 60% 50%)\"><title>score {lo}–{hi}: {n} documents</title></rect>")
        if n:
            out.append(f"<text class=\"val\" x=\"{x + slot / 2:.1f}\" y=\"{base - h - 4:.1f}\" "
                       f"text-anchor=\"middle\">{n}</text>")
        out.append(f"<text x=\"{x + slot / 2:.1f}\" y=\"{base + 16}\" text-anchor=\"middle\">{lo}</text>")
    out.append(f"<text x=\"{width - 20}\" y=\"{base + 16}\" text-anchor=\"middle\">100</text>"
               f"<line x1=\"20\" y1=\"{base}\" x2=\"{width - 20}\" y2=\"{base}\" class=\"axis\"/></svg>")
    return "".join(out)


# -- one document ------------------------------------------------------------------------------------

def _fix_label(f) -> str:
    if f.fix is None:
        return ""
    kind = "fix" if f.fix.safe else "unsafe fix"
    if not f.fix.replacement:
        return f"{kind}: delete"
    shown = f.fix.replacement if len(f.fix.replacement) <= 80 else f.fix.replacement[:79] + "…"
    return f"{kind}: replace with “{shown}”"


def _document(i, d, data, names) -> str:
    ids = []
    for f in d["findings"]:
        ids.append(len(data))
        data.append({"r": f.rule, "n": names.get(f.rule, ""), "c": f.category, "s": f.severity, "m": f.message,
                     "x": _fix_label(f), "l": f"{f.line}:{f.column}"})
    cats = Counter(f.category for f in d["findings"])
    chips = "".join(f"<span class=\"pill\" style=\"--c:{COLOURS.get(c, '#888')}\">{n} {esc(c)}</span>"
                    for c, n in cats.most_common())
    doc = d["doc"]
    if doc is not None:
        spans = [_offsets(doc, f) for f in d["findings"]]
        body = f"<pre class=\"text\">{highlight(doc.text, spans, d['findings'], ids)}</pre>"
    else:
        body = "<p class=\"note\">The text of this record is not part of the report; its findings:</p>"
    items = "".join(
        f"<li data-f=\"{k}\" class=\"c-{esc(f.category)}{' fx' if f.fix is not None else ''}\">"
        f"<span class=\"loc\">{f.line}:{f.column}</span> <span class=\"sev {esc(f.severity)}\">{esc(f.severity)}"
        f"</span> <b>{esc(f.rule)}</b> {esc(f.message)}"
        + (f" <span class=\"fixlabel\">{esc(_fix_label(f))}</span>" if f.fix is not None else "") + "</li>"
        for k, f in zip(ids, d["findings"]))
    opened = " open" if i < OPEN_DOCS else ""
    return (f"<details class=\"doc\" id=\"{d['anchor']}\"{opened}><summary>{_score_badge(d['score'])}"
            f"<span class=\"path\">{esc(_doc_label(d))}</span>{chips}</summary>"
            f"{body}<ol class=\"findings\">{items}</ol></details>")


def _offsets(doc, f):
    """A finding's character span, from its line and column (what every reporter agrees on;
    findings of the corpus pass carry no offsets)."""
    lines = doc.line_starts
    if not 1 <= f.line <= len(lines):
        return 0, 0
    start = doc.offset(f.line, f.column)
    end = doc.offset(f.end_line, f.end_column) if 1 <= f.end_line <= len(lines) else len(doc.text)
    return start, max(end, start + 1)


def highlight(text: str, offsets, findings, ids) -> str:
    """``text`` escaped, every finding's span (``offsets``: (start, end) each) wrapped in
    ``<mark>``; overlapping findings split the text into segments, each marked with all the
    findings covering it."""
    cut = len(text) > MAX_TEXT_CHARS
    if cut:
        text = text[:MAX_TEXT_CHARS]
    spans = [(s, min(e, len(text)), k, f) for (s, e), k, f in zip(offsets, ids, findings) if 0 <= s < len(text)]
    starts, ends = defaultdict(list), defaultdict(list)
    for n, span in enumerate(spans):
        starts[span[0]].append(n)
        ends[span[1]].append(n)
    bounds = sorted({0, len(text), *starts, *ends})
    active, out = set(), []
    for a, b in zip(bounds, bounds[1:]):
        active.difference_update(ends.get(a, ()))
        active.update(starts.get(a, ()))
        piece = text[a:b]
        if not active:
            out.append(_text(piece))
            continue
        over = sorted((spans[n] for n in active), key=lambda t: (t[1] - t[0], t[2]))
        first = over[0][3]  # the narrowest finding gives the colour
        cls = [f"c-{esc(first.category)}", esc(first.severity)]
        if any(f.fix is not None for _, _, _, f in over):
            cls.append("fx")
        if len(over) > 1:
            cls.append("multi")
        if not _text_visible(piece) and "\n" not in piece:
            cls.append("ws")  # a highlighted space or invisible character: give it a box
        data = " ".join(str(k) for _, _, k, _ in over)
        out.append(f"<mark class=\"{' '.join(cls)}\" data-f=\"{data}\">{_text(piece, marked=True)}</mark>")
    if cut:
        out.append("<span class=\"cut\">… (text cut for the report)</span>")
    return "".join(out)


def _text_visible(piece: str) -> bool:
    return bool(_INVISIBLE.sub("", piece).strip())


def _text(piece: str, marked=False) -> str:
    escaped = esc(piece)
    escaped = _INVISIBLE.sub(lambda m: f"<span class=\"inv\" data-cp=\"U+{ord(m.group()):04X}\"></span>", escaped)
    if marked:
        escaped = escaped.replace("\n", "<span class=\"nl\"></span>\n").replace(
            "\u00a0", "<span class=\"nbsp\">\u00a0</span>")
    return escaped


_CSS = """
:root{--bg:#f6f7f9;--fg:#1d2330;--muted:#667085;--card:#fff;--line:#e3e6eb}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font:15px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif}
header{background:linear-gradient(120deg,#1f2a44,#2f4f7f);color:#fff;padding:22px 32px 18px}
header h1{margin:0 0 14px;font-size:22px;font-weight:600;letter-spacing:.2px}
.tiles{display:flex;flex-wrap:wrap;gap:10px}
.tile{background:rgba(255,255,255,.1);border-radius:10px;padding:8px 14px;min-width:104px}
.tile b{display:block;font-size:22px;font-weight:650}.tile span{font-size:12px;opacity:.8}
.filters{position:sticky;top:0;z-index:5;display:flex;gap:8px;align-items:center;flex-wrap:wrap;
 padding:10px 32px;background:rgba(246,247,249,.95);border-bottom:1px solid var(--line);backdrop-filter:blur(4px)}
.filters>span{color:var(--muted);font-size:13px;margin-right:4px}
.chip{display:inline-flex;align-items:center;gap:6px;border:1px solid var(--line);background:#fff;border-radius:999px;
 padding:3px 12px 3px 8px;font-size:13px;cursor:pointer;user-select:none}
.chip input{display:none}.chip i{width:11px;height:11px;border-radius:3px;background:var(--c,#98a2b3);opacity:.25}
.chip input:checked+i{opacity:1}
.overview{display:grid;grid-template-columns:repeat(auto-fit,minmax(420px,1fr));gap:18px;padding:22px 32px}
.card{background:var(--card);border:1px solid var(--line);border-radius:12px;padding:14px 18px;box-shadow:0 1px 2px rgba(16,24,40,.04)}
.card.wide{grid-column:1/-1}
.card h2,main h2{font-size:15px;margin:0 0 10px;color:#344054}
.chart{width:100%;height:auto;font-size:12px;fill:#344054}.chart .val{fill:var(--muted)}.chart .axis{stroke:#98a2b3}
.note{color:var(--muted);font-size:12.5px;margin:6px 0 0}
table.worst{border-collapse:collapse;width:100%;font-size:13.5px}
.worst th{text-align:left;color:var(--muted);font-weight:500;border-bottom:1px solid var(--line);padding:4px 8px}
.worst td{border-bottom:1px solid #f0f1f4;padding:5px 8px;vertical-align:top}.worst td.num{text-align:right;width:1%}
a{color:#2f5fb3;text-decoration:none}a:hover{text-decoration:underline}
.score{display:inline-block;min-width:34px;text-align:center;border-radius:6px;padding:1px 6px;font-weight:650;
 font-size:12.5px;color:#fff;background:hsl(var(--h) 55% 42%)}.score.na{background:#98a2b3}
main{padding:0 32px 40px}
.doc{background:var(--card);border:1px solid var(--line);border-radius:12px;margin:0 0 16px;overflow:hidden}
.doc summary{cursor:pointer;padding:10px 16px;display:flex;gap:10px;align-items:center;flex-wrap:wrap;background:#fbfbfc;
 border-bottom:1px solid var(--line)}
.doc summary .path{font-weight:600;font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:13px;word-break:break-all}
.pill{font-size:12px;border-radius:999px;padding:0 9px;color:#fff;background:var(--c)}
pre.text{margin:0;padding:14px 18px;white-space:pre-wrap;word-wrap:break-word;font:14px/1.65 Georgia,"Iowan Old Style",serif;
 max-height:560px;overflow:auto;unicode-bidi:isolate}
mark{background:color-mix(in srgb,var(--c) 22%,transparent);color:inherit;border-radius:3px;padding:0 1px;
 box-shadow:inset 0 -2px 0 color-mix(in srgb,var(--c) 65%,transparent);cursor:help}
mark.fx{text-decoration:underline dashed color-mix(in srgb,var(--c) 90%,black);text-underline-offset:4px}
mark.multi{box-shadow:inset 0 -3px 0 color-mix(in srgb,var(--c) 90%,transparent)}
mark.ws{outline:1px dashed var(--c);min-width:6px;display:inline-block}
mark.hot{background:color-mix(in srgb,var(--c) 45%,transparent)}
mark.flash{animation:flash 1.2s ease-out}@keyframes flash{0%{background:var(--c)}}
.c-artefact{--c:#e07b39}.c-typo{--c:#d64550}.c-off-topic{--c:#8a63d2}.c-contradiction{--c:#2f80c9}.c-style{--c:#3a9d6e}
.nl::before{content:"\\21b5";color:var(--c);opacity:.8;font-size:12px}
.nbsp{background:repeating-linear-gradient(90deg,transparent 0 2px,var(--c) 2px 3px);opacity:.8}
.inv::before{content:attr(data-cp);font:10px ui-monospace,monospace;color:#b42318;border:1px solid #fda29b;border-radius:3px;
 padding:0 2px;margin:0 1px;vertical-align:1px}
ol.findings{margin:0;max-height:340px;overflow:auto;padding:10px 18px 14px 44px;border-top:1px solid var(--line);font-size:13.5px;background:#fcfcfd}
ol.findings li{padding:2px 0;cursor:pointer}ol.findings li:hover{background:#f2f4f7}
.loc{font-family:ui-monospace,monospace;color:var(--muted);font-size:12px}
.sev{font-size:11px;text-transform:uppercase;letter-spacing:.4px;border-radius:4px;padding:0 5px;border:1px solid}
.sev.error{color:#b42318}.sev.warning{color:#b54708}.sev.info{color:#175cd3}
.fixlabel{font-size:12px;color:#027a48;background:#ecfdf3;border-radius:4px;padding:0 6px}
.more{color:var(--muted)}
.cut{color:var(--muted);font-style:italic}
#sl-tip{position:absolute;z-index:10;max-width:460px;background:#101828;color:#f2f4f7;border-radius:8px;padding:8px 11px;
 font-size:13px;line-height:1.45;box-shadow:0 8px 24px rgba(16,24,40,.25);pointer-events:none}
#sl-tip .tf{border-left:3px solid var(--c);padding-left:8px;margin:3px 0}
#sl-tip .tf b{font-weight:650}#sl-tip .tf em{display:block;font-style:normal;color:#a6f4c5;font-size:12px}
body.fixable-only mark:not(.fx),body.fixable-only li:not(.fx){background:none;box-shadow:none;text-decoration:none}
body.fixable-only li:not(.fx){display:none}
""" + "".join(f"body.hide-{c} mark.c-{c}{{background:none;box-shadow:none;text-decoration:none}}"
              f"body.hide-{c} li.c-{c}{{display:none}}" for c in CATEGORIES)

# Everything the script shows is put in the page with textContent, never parsed as HTML.
_SCRIPT = """
(function(){
var data=JSON.parse(document.getElementById('sl-data').textContent);
var tip=document.getElementById('sl-tip');
function marks(id){return document.querySelectorAll('mark[data-f~="'+id+'"]');}
function each(list,fn){Array.prototype.forEach.call(list,fn);}
function show(m){
  tip.replaceChildren();
  m.dataset.f.split(' ').forEach(function(id){
    var f=data[+id];if(!f)return;
    var box=document.createElement('div');box.className='tf c-'+f.c;
    var head=document.createElement('b');head.textContent=f.r+(f.n?' '+f.n:'')+' \\u00b7 '+f.s+' \\u00b7 '+f.l;
    var msg=document.createElement('div');msg.textContent=f.m;
    box.appendChild(head);box.appendChild(msg);
    if(f.x){var fx=document.createElement('em');fx.textContent=f.x;box.appendChild(fx);}
    tip.appendChild(box);
    each(marks(id),function(x){x.classList.add('hot');});
  });
  var r=m.getBoundingClientRect();
  tip.hidden=false;
  var left=Math.min(window.scrollX+r.left,window.scrollX+document.documentElement.clientWidth-tip.offsetWidth-12);
  tip.style.left=Math.max(8,left)+'px';
  tip.style.top=(window.scrollY+r.bottom+6)+'px';
}
function hide(){tip.hidden=true;each(document.querySelectorAll('mark.hot'),function(x){x.classList.remove('hot');});}
document.addEventListener('mouseover',function(e){var m=e.target.closest&&e.target.closest('mark[data-f]');if(m)show(m);});
document.addEventListener('mouseout',function(e){var m=e.target.closest&&e.target.closest('mark[data-f]');if(m)hide();});
document.addEventListener('click',function(e){
  var li=e.target.closest&&e.target.closest('li[data-f]');if(!li)return;
  var m=marks(li.dataset.f)[0];if(!m)return;
  m.scrollIntoView({block:'center',behavior:'smooth'});
  m.classList.remove('flash');void m.offsetWidth;m.classList.add('flash');
});
each(document.querySelectorAll('input[data-cat]'),function(box){
  box.addEventListener('change',function(){document.body.classList.toggle('hide-'+box.dataset.cat,!box.checked);});
});
var only=document.getElementById('fixable-only');
if(only)only.addEventListener('change',function(){document.body.classList.toggle('fixable-only',only.checked);});
document.documentElement.setAttribute('data-ready','1');
})();
"""
