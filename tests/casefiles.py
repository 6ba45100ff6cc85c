"""Content fixtures: the minimal valid content dir and broken cases made from it by small patches.

A broken case is `tests/fixtures/broken/<case>/` with `patch.yaml` (what to break) and `expected.txt`
(the exact `make check` lines). Patches keep each case a few lines long instead of a copy of a
200-line file. Operations, applied in order to a copy of the minimal fixture:

    - {file: F, replace: OLD, with: NEW}   # OLD must occur exactly once in F
    - {file: F, text: TEXT}                # write F (new or replaced)
    - {file: F, encode: cp932}             # re-save F in another encoding
    - {copy: F, to: G} / {rename: F, to: G}
    - {file: F, replace: OLD, with: NEW, times: N}  # NEW repeated N times (a huge value in a short patch)
    - {remove: F}                          # delete a file or folder
    - {symlink: F, to: TARGET}             # F becomes a symbolic link to TARGET
"""

from __future__ import annotations

import io
import os
import re
import shutil
import subprocess
import sys
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager, redirect_stderr, redirect_stdout
from pathlib import Path
from typing import Any

import yaml

from generator.commands.cli import main
from generator.load.content import load_content
from generator.load.problems import ContentError

FIXTURES = Path(__file__).resolve().parent / "fixtures"
MINIMAL = FIXTURES / "minimal"
BROKEN = FIXTURES / "broken"
MINIMAL_ASSESSMENT = MINIMAL / "assessments" / "012033-3.yaml"


def broken_cases() -> list[str]:
    """Names of the broken cases, sorted."""
    return sorted(p.name for p in BROKEN.iterdir() if (p / "patch.yaml").exists())


def make_case(case: str, dest: Path) -> Path:
    """Copy the minimal fixture to `dest` and apply the case's patch; returns `dest`."""
    shutil.copytree(MINIMAL, dest)
    ops = yaml.safe_load((BROKEN / case / "patch.yaml").read_text(encoding="utf-8"))
    for op in ops:
        apply(dest, op)
    return dest


def apply(root: Path, op: dict[str, Any]) -> None:
    """Apply one patch operation (see the module docstring)."""
    if "remove" in op:
        target = root / op["remove"]
        shutil.rmtree(target) if target.is_dir() else target.unlink()
        return
    if "symlink" in op:
        link = root / op["symlink"]
        link.unlink(missing_ok=True)
        link.symlink_to(op["to"])
        return
    if "copy" in op or "rename" in op:
        source = root / (op.get("copy") or op["rename"])
        (shutil.copyfile if "copy" in op else os.replace)(source, root / op["to"])
        return
    path = root / op["file"]
    if "text" in op:
        path.write_bytes(op["text"].encode("utf-8"))
    elif "encode" in op:
        path.write_bytes(path.read_text(encoding="utf-8").encode(op["encode"]))
    else:
        text = path.read_text(encoding="utf-8")
        assert text.count(op["replace"]) == 1, f"{op['replace']!r} must occur once in {op['file']}"
        new = op["with"] * op.get("times", 1)
        path.write_bytes(text.replace(op["replace"], new).encode("utf-8", "surrogatepass"))


@contextmanager
def inside(root: Path) -> Iterator[Path]:
    """Run with `root` as working directory, so problems show paths relative to the content dir."""
    before = Path.cwd()
    os.chdir(root)
    try:
        yield root
    finally:
        os.chdir(before)


def run_cli(*args: str, cwd: Path, real: bool = False) -> subprocess.CompletedProcess[str]:
    """`python -m generator ARGS` in `cwd`: in this process (the same main(), its exit code and output, without
    starting an interpreter), or with `real` as a subprocess, for the tests that must see the real entry point."""
    if real:
        env = {**os.environ, "PYTHONPATH": str(FIXTURES.parent.parent)}
        return subprocess.run([sys.executable, "-m", "generator", *args], cwd=cwd, env=env, capture_output=True,
                              text=True, encoding="utf-8", check=False)
    out, err = io.StringIO(), io.StringIO()
    with inside(cwd), redirect_stdout(out), redirect_stderr(err):
        try:
            code = main(list(args))
        except SystemExit as exit:
            code = exit.code if isinstance(exit.code, int) else 1
    return subprocess.CompletedProcess(list(args), code, out.getvalue(), err.getvalue())


def check_lines(root: Path) -> list[str]:
    """The problem lines `make check` would print for content dir `root` (empty when valid)."""
    with inside(root):
        try:
            load_content(Path("."))
        except ContentError as err:
            return [str(p) for p in err.problems]
    return []


def write_expected() -> None:
    """`make goldens`: rewrite every broken case's expected.txt from what `check` prints now.

    Only this command writes them; tests/test_content.py only reads them (a test that wrote its own
    expectation could not fail). The reviewer reads the diff.
    """
    with tempfile.TemporaryDirectory() as tmp:
        for case in broken_cases():
            lines = check_lines(make_case(case, Path(tmp) / case))
            (BROKEN / case / "expected.txt").write_text("".join(f"{line}\n" for line in lines), encoding="utf-8")
            print(f"wrote tests/fixtures/broken/{case}/expected.txt")


_CORE_INT = re.compile(r"^[-+]?[0-9]+$")
_CORE_FLOAT = re.compile(r"^[-+]?(\.[0-9]+|[0-9]+(\.[0-9]*)?)([eE][-+]?[0-9]+)?$")


def json_data(node: yaml.Node) -> Any:
    """YAML node → JSON data as the VS Code YAML extension sees it (YAML 1.2 core schema)."""
    if isinstance(node, yaml.MappingNode):
        return {k.value: json_data(v) for k, v in node.value}
    if isinstance(node, yaml.SequenceNode):
        return [json_data(v) for v in node.value]
    raw = node.value
    if node.style:  # quoted or block scalar: always a string
        return raw
    if raw in ("", "~", "null", "Null", "NULL"):
        return None
    if raw in ("true", "True", "TRUE", "false", "False", "FALSE"):
        return raw.lower() == "true"
    if _CORE_INT.match(raw):
        return int(raw)
    return float(raw) if _CORE_FLOAT.match(raw) else raw


PROVENANCE_PATCH = FIXTURES / "provenance" / "patch.yaml"


def provenance_content(dest: Path) -> Path:
    """The minimal fixture with 推定, partial 判読不能 and 原本の表記 values (tests/fixtures/provenance)."""
    shutil.copytree(MINIMAL, dest / "content")
    for op in yaml.safe_load(PROVENANCE_PATCH.read_text(encoding="utf-8")):
        apply(dest / "content", op)
    return dest / "content"


if __name__ == "__main__":
    write_expected()
