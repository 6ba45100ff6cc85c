"""The floors of ARCHITECTURE.md, read from the code's imports: no module imports a floor above its own, and an
import inside a function must say why (`# cycle:` or `# heavy:` on its line)."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parent.parent / "generator"
FLOORS = ("forms", "load", "model", "pages", "outputs", "build", "commands")
TOP = len(FLOORS)  # generator/__init__.py and __main__.py stand on every floor


def floor_of(module: str) -> int:
    """`generator.pages.html` → 3 (its first package after `generator`)."""
    parts = module.split(".")
    if len(parts) < 2 or parts[1] not in FLOORS:
        return TOP
    return FLOORS.index(parts[1])


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> list[tuple[int, str, bool, str]]:
    """(line, imported module, inside a function, source line) for every import of a generator module."""
    source = path.read_text(encoding="utf-8")
    lines = source.splitlines()
    found = []

    def visit(node: ast.AST, nested: bool) -> None:
        for child in ast.iter_child_nodes(node):
            inner = nested or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda)
            if isinstance(child, ast.ImportFrom):
                assert child.level == 0, f"{path}:{child.lineno}: relative import (write generator.…)"
                names = [child.module or ""]
            elif isinstance(child, ast.Import):
                names = [a.name for a in child.names]
            else:
                visit(child, inner)
                continue
            for name in names:
                if name == "generator" or name.startswith("generator.") or nested:
                    found.append((child.lineno, name, nested, lines[child.lineno - 1]))

    visit(ast.parse(source), False)
    return found


MODULES = sorted(PACKAGE.rglob("*.py"))


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_imports_a_floor_above_its_own(path: Path) -> None:
    own = floor_of(module_name(path))
    above = [f"{path.name}:{line}: {name} (floor {FLOORS[floor_of(name)]}) from floor {FLOORS[own]}"
             for line, name, _, _ in imports(path) if name.startswith("generator") and floor_of(name) > own]
    assert not above, "\n".join(above)


@pytest.mark.parametrize("path", MODULES, ids=lambda p: str(p.relative_to(PACKAGE)))
def test_imports_inside_functions_say_why(path: Path) -> None:
    silent = [f"{path.name}:{line}: {text.strip()}" for line, _, nested, text in imports(path)
              if nested and "# cycle:" not in text and "# heavy:" not in text]
    assert not silent, "\n".join(silent)


def test_every_module_is_on_a_floor() -> None:
    loose = [module_name(p) for p in MODULES
             if floor_of(module_name(p)) == TOP and module_name(p) not in ("generator", "generator.__main__")]
    assert not loose, loose


def test_the_floors_are_the_ones_architecture_md_names() -> None:
    text = (PACKAGE.parent / "ARCHITECTURE.md").read_text(encoding="utf-8")
    positions = [text.index(f"`{name}/`") for name in FLOORS]
    assert positions == sorted(positions), "ARCHITECTURE.md lists the floors in another order"


def test_the_checks_catch_a_climbing_import_and_a_silent_inner_import(tmp_path: Path) -> None:
    module = tmp_path / "sample.py"
    module.write_text("from generator.build.pipeline import build\n\n\ndef f():\n    import json\n"
                      "    import yaml  # heavy: only some commands need it\n", encoding="utf-8")
    found = imports(module)
    assert [(line, name, nested) for line, name, nested, _ in found] == [
        (1, "generator.build.pipeline", False), (5, "json", True), (6, "yaml", True)]
    assert floor_of("generator.build.pipeline") > floor_of("generator.model.graph") == FLOORS.index("model")
    silent = [line for line, _, nested, text in found if nested and "# heavy:" not in text]
    assert silent == [5]
