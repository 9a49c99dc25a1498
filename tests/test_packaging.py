"""The wheel ships every subpackage of lint/ and the YAML rules."""

import re

try:
    import tomllib
except ImportError:  # Python 3.10
    import tomli as tomllib


def test_every_subpackage_is_listed(root):
    listed = set(tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]["packages"])
    found = {".".join(p.parent.relative_to(root).parts) for p in (root / "lint").rglob("__init__.py")}
    assert found - listed == set(), "add these to [tool.setuptools] packages in pyproject.toml"
    assert "lint._rules" in listed


def test_rules_are_package_data(root):
    cfg = tomllib.loads((root / "pyproject.toml").read_text())["tool"]["setuptools"]
    assert cfg["package-dir"]["lint._rules"] == "rules"
    assert any(re.fullmatch(r"\*\*/\*\.yaml", g) for g in cfg["package-data"]["lint._rules"])
