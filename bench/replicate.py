"""Make a content folder with content/ replicated N times under new ids (for benchmarks)."""

from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
NUMBER = re.compile(r"^(  評価書番号: )(\d+)", re.MULTILINE)


def replicate(times: int, out: Path, source: Path = ROOT / "content") -> Path:
    """Copy of `source` where every assessment appears `times` times (評価書番号 + k*1000)."""
    if out.exists():
        shutil.rmtree(out)
    shutil.copytree(source / "organizations", out / "organizations")
    if (source / "aliases.yaml").exists():
        shutil.copy(source / "aliases.yaml", out / "aliases.yaml")
    (out / "assessments").mkdir()
    for path in sorted((source / "assessments").glob("*.yaml")):
        text = path.read_text(encoding="utf-8")
        org = path.stem.split("-")[0]
        for k in range(times):
            copy = NUMBER.sub(lambda m, k=k: f"{m[1]}{int(m[2]) + k * 1000}", text, count=1)
            number = int(NUMBER.search(copy)[2])
            (out / "assessments" / f"{org}-{number}.yaml").write_text(copy, encoding="utf-8")
    return out
