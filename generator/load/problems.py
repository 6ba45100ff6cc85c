"""A problem found in content, carried with its file and line so a clerk can find it."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One error or warning: `path:line: item: 日本語 (English)`."""

    path: str
    line: int
    item: str
    ja: str
    en: str
    warning: bool = False

    def __str__(self) -> str:
        where = f"{self.path}:{self.line}" if self.line else self.path  # line 0: a folder, or a whole file
        item = f" {self.item}:" if self.item else ""
        kind = "警告 " if self.warning else ""
        return f"{where}:{item} {kind}{self.ja} ({self.en})"


class ContentError(Exception):
    """Raised when content has errors; carries every problem so all are reported at once."""

    def __init__(self, problems: list[Problem]):
        self.problems = sorted(problems)
        super().__init__("\n".join(str(p) for p in self.problems))
