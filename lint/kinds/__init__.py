"""Rule kinds: one module per kind, yamllint-style.

A kind module has
- a docstring: the kind's documentation (shown by ``seedlint rule ID``),
- ``OPTIONS``: ``{name: Option}``, the keys a YAML rule of this kind may set,
- ``SCOPES`` (optional): the scopes it supports, the first one the default,
- ``prepare(rule)`` (optional): validates and compiles the options once, raising ValueError,
- ``check(doc, rule)``: a pure function from the parsed `Document` to `Finding`s.

Kinds are found by module name: ``kind: existence`` runs ``lint/kinds/existence.py``.
Heavy dependencies (ftfy, vocabularies, models) are imported inside ``check`` or ``prepare``
so that start-up stays fast.
"""

from __future__ import annotations

import importlib
import pkgutil
from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class Option:
    type: Any
    default: Any = None
    required: bool = False
    choices: tuple = ()
    doc: str = ""

    def validate(self, value) -> str | None:
        types = self.type if isinstance(self.type, tuple) else (self.type,)
        if float in types and isinstance(value, int) and not isinstance(value, bool):
            return None
        if bool not in types and isinstance(value, bool):
            return f"expected {_names(types)}, got {value!r}"
        if not isinstance(value, types):
            return f"expected {_names(types)}, got {type(value).__name__} {value!r}"
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(map(str, self.choices))}, not {value!r}"
        return None


def _names(types) -> str:
    return " or ".join({dict: "mapping", list: "list", str: "text", bool: "true/false",
                        int: "integer", float: "number"}.get(t, t.__name__) for t in types)


def _discover() -> dict:
    kinds = {}
    for info in pkgutil.iter_modules(__path__):
        if not info.name.startswith("_"):
            kinds[info.name.replace("_", "-")] = importlib.import_module(f"{__name__}.{info.name}")
    return kinds


KINDS = _discover()
