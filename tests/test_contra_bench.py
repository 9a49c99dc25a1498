"""The contradiction set builder: labels point at exactly what was injected, controls stay clean."""

import json
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

ARTICLE = """The company said it had hired 1,200 engineers in the past year across its European offices.

Maria Gonzalez, who founded the firm in 2009, said the growth had surprised investors.

Analysts noted that it was the firm's first expansion into Germany since the merger.

The results were published on March 3, 2015 alongside the annual report.

Maria Gonzalez added that the company planned to open another office next year.

Shares rose slightly after the announcement, traders said.
"""


def test_builder_labels_match_injected_text(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    for i in range(12):
        (src / f"doc-{i:02d}.txt").write_text(ARTICLE, encoding="utf-8")
    out = tmp_path / "out"
    subprocess.run([sys.executable, str(ROOT / "bench/contra/build.py"), str(src), str(out), "--seed", "3"],
                   check=True, capture_output=True)
    labels = [json.loads(line) for line in (out / "labels.jsonl").open(encoding="utf-8")]
    manifest = [json.loads(line) for line in (out / "manifest.jsonl").open(encoding="utf-8")]
    assert len(manifest) == 12 and len(labels) == 6
    assert len({r["kind"] for r in labels}) >= 4  # kinds are spread over the injected documents
    for r in labels:
        text = (out / r["path"]).read_text(encoding="utf-8")
        assert text[r["start"]:r["end"]] == r["injected"]
        assert text[r["other_start"]:r["other_end"]] == r["original"]
        assert text.count("\n", 0, r["start"]) + 1 == r["line"]
    clean = [m for m in manifest if m["label"] == "none"]
    for m in clean:
        assert (out / m["path"]).read_text(encoding="utf-8") == ARTICLE
