"""The house rules that keep the code readable: small modules, short functions, folders in flow order.

Limits: a module at most 600 lines; a function at most 60 lines and 20 branches
(``if``/``for``/``while``/``try``/``with``/boolean operators/conditional
expressions/comprehensions/``except``/``case``). ``app.py`` is held to the same.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

from tests.conftest import ROOT

MAX_MODULE_LINES = 600
MAX_FUNCTION_LINES = 60
MAX_BRANCHES = 20
#: The packages in the order the data flows, then the top-level modules.
FLOW = ("text", "places", "dates", "story", "outputs", "archive", "presenter")
TOP = {
    "__init__.py",
    "__main__.py",
    "model.py",
    "settings.py",
    "settings_files.py",
    "settings_base.py",
    "settings_operations.py",
    "pipeline.py",
    "errors.py",
    "cli.py",
    "atomic.py",
}
_BRANCHES = (
    ast.If,
    ast.For,
    ast.While,
    ast.Try,
    ast.With,
    ast.BoolOp,
    ast.IfExp,
    ast.comprehension,
    ast.ExceptHandler,
    ast.match_case,
)

SOURCES = sorted((ROOT / "geo").rglob("*.py")) + [ROOT / "app.py"]


def _name(path: Path) -> str:
    return str(path.relative_to(ROOT))


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_modules_and_functions_stay_small(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    assert len(text.splitlines()) <= MAX_MODULE_LINES, f"{_name(path)} is over {MAX_MODULE_LINES} lines"
    for node in ast.walk(ast.parse(text)):
        if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef):
            lines = (node.end_lineno or node.lineno) - node.lineno + 1
            branches = sum(isinstance(n, _BRANCHES) for n in ast.walk(node))
            where = f"{_name(path)}:{node.lineno} {node.name}"
            assert lines <= MAX_FUNCTION_LINES, f"{where} has {lines} lines"
            assert branches <= MAX_BRANCHES, f"{where} has {branches} branches"


def test_the_package_is_the_flow() -> None:
    geo = ROOT / "geo"
    folders = {p.name for p in geo.iterdir() if p.is_dir() and p.name != "__pycache__"}
    assert folders == set(FLOW)
    assert {p.name for p in geo.glob("*.py")} == TOP
    for folder in FLOW:
        assert ast.get_docstring(ast.parse((geo / folder / "__init__.py").read_text(encoding="utf-8")))


@pytest.mark.parametrize("path", SOURCES, ids=_name)
def test_every_module_says_its_job_and_exports(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    assert ast.get_docstring(tree), f"{_name(path)} has no docstring"
    if path.name != "__init__.py" and path.name != "__main__.py":
        names = {t.id for n in tree.body if isinstance(n, ast.Assign) for t in n.targets if isinstance(t, ast.Name)}
        assert "__all__" in names, f"{_name(path)} has no __all__"


def test_no_stage_imports_a_later_one() -> None:
    """Data flows one way: a module of one folder never imports from a folder later in the flow."""
    order = {name: i for i, name in enumerate(FLOW)}
    for path in (ROOT / "geo").rglob("*.py"):
        parts = path.relative_to(ROOT / "geo").parts
        if len(parts) < 2:
            continue
        here = order[parts[0]]
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ImportFrom) and node.module and node.module.startswith("geo."):
                target = node.module.split(".")[1]
                if target in order:
                    assert order[target] <= here, f"{_name(path)} imports {node.module}"


def _mirror(path: Path) -> Path:
    """``geo/X/Y.py`` is tested in ``tests/X/test_Y.py``."""
    rel = path.relative_to(ROOT / "geo")
    return ROOT / "tests" / rel.parent / f"test_{rel.stem}.py"


MODULES = [p for p in sorted((ROOT / "geo").rglob("*.py")) if p.name not in {"__init__.py", "__main__.py"}]


@pytest.mark.parametrize("path", MODULES, ids=_name)
def test_every_module_has_its_mirror_test(path: Path) -> None:
    mirror = _mirror(path)
    assert mirror.exists(), f"{_name(path)} has no tests at {mirror.relative_to(ROOT)}"
