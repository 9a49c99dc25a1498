"""Reporters: one module per output format, each a ``write(findings, stream, run)`` function;
formats that can write findings as they come also have ``stream(out, run)`` (or
``stream_<name>``), an object with ``add(findings)`` per document and ``close()``.

``run`` is the `lint.cli.Run` summary of the run (rules used, files, notices). Formats are
registered in `FORMATS` by name; modules are imported only when chosen.
"""

from __future__ import annotations

import importlib

FORMATS = {
    "text": "text",
    "json": "json_",
    "jsonl": "json_",
    "github": "github",
    "sarif": "sarif",
    "junit": "junit",
    "gitlab": "gitlab",
    "html": "html",
}


def writer(name: str):
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return getattr(module, "write_" + name.replace("-", "_"), None) or module.write


def streamer(name: str):
    """The format's streaming reporter factory ``(out, run)``, or None when it needs every finding."""
    module = importlib.import_module(f"{__name__}.{FORMATS[name]}")
    return getattr(module, "stream_" + name.replace("-", "_"), None) or getattr(module, "stream", None)
