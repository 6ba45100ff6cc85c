"""Load and validate the whole content/ folder: 団体, assessments and entity aliases.

Everything is checked before anything is returned: a caller gets either a complete,
valid `Content` or a `ContentError` listing every problem with its file and line.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import yaml

from generator.forms import FORMS
from generator.forms.dates import REASSESS_YEARS, reassessment_due
from generator.forms.entities import ENTITY_KINDS
from generator.forms.meta import ORGANIZATION, assessment_meta, check_digit
from generator.forms.spec import Field, Form, Group
from generator.load.limits import MAX_FILE_BYTES
from generator.load.problems import ContentError, Problem
from generator.load.validate import Walker
from generator.load.values import Marker, known
from generator.load.yamlsource import compose, too_large

ORG_DIR = "organizations"
ASSESSMENT_DIR = "assessments"
ALIAS_FILE = "aliases.yaml"
SOURCE_DIR = "sources"
ALIAS_KINDS = {kind.label: kind.key for kind in ENTITY_KINDS.values()}  # aliases.yaml is keyed by the labels


@dataclass(frozen=True)
class Organization:
    """A 団体: code (stable ASCII id), name, prefecture."""

    code: str
    name: str
    prefecture: str
    website: str | None
    path: str
    reading: str | None = None  # 読み, for 五十音 order


@dataclass(frozen=True)
class Assessment:
    """One validated 評価書: `record` holds the form's values keyed by English names."""

    id: str
    path: str
    form: Form
    org_code: str
    record: dict[str, Any] = field(repr=False)

    @property
    def title(self) -> str:
        title = known(self.record["cover"]["title"])  # an inferred (推定) title is still the title
        return title if isinstance(title, str) and title else self.id

    @property
    def number(self) -> int:
        return self.record["cover"]["number"]

    def __reduce__(self) -> tuple:
        """Pickle the form by name: the spec tree is shared, and a copy per assessment would be large."""
        return _assessment, (self.id, self.path, self.form.name, self.org_code, self.record)


def _assessment(aid: str, path: str, form: str, org_code: str, record: dict[str, Any]) -> Assessment:
    return Assessment(aid, path, FORMS[form], org_code, record)


@dataclass(frozen=True)
class Content:
    """All content, validated and sorted (organizations by code, assessments by id)."""

    organizations: dict[str, Organization]
    assessments: tuple[Assessment, ...]
    aliases: dict[str, dict[str, str]]  # entity kind → variant → canonical name
    warnings: tuple[Problem, ...] = ()
    sources: tuple[str, ...] = ()  # source texts in content/sources/ (published beside the pages they back)


def assessment_root(form: Form) -> Field:
    """The form's root group preceded by the meta keys (団体, 様式, …)."""
    return Field(
        form.root.key, form.root.label, Group((*assessment_meta(), *form.root.kind.fields)), form.root.description
    )


def load_content(root: Path, today: date | None = None, map_files: MapFiles | None = None) -> Content:
    """Load every file under `root`; raise ContentError with all problems if any.

    `map_files` checks the assessment files (default: one after the other, here)."""
    problems: list[Problem] = _folder_problems(root)
    if problems:  # nothing to read: refuse before anyone writes a site with 0 評価書 over the real one
        raise ContentError(problems)
    organizations = _load_organizations(root, problems)
    assessments = _load_assessments(root, organizations, problems, map_files or _in_order)
    aliases = _load_aliases(root, problems)
    if problems:
        raise ContentError(problems)
    warnings = tuple(_staleness_warnings(assessments, today or date.today()))
    sources = tuple(sorted(p.name for p in (root / SOURCE_DIR).glob("*.txt") if p.is_file() and not p.is_symlink()))
    return Content(organizations, tuple(sorted(assessments, key=lambda a: a.id)), aliases, warnings, sources)


def _display(path: Path) -> str:
    try:
        return os.path.relpath(path)
    except ValueError:  # pragma: no cover - other drive on Windows
        return str(path)


def _folder_problems(root: Path) -> list[Problem]:
    """The content folder exists, is a folder, and has 評価書 (an empty or mistyped --content is refused)."""
    shown = _display(root)
    if not root.is_dir():
        what = ("はフォルダではありません", "is not a folder") if root.exists() else ("がありません", "does not exist")
        return [Problem(shown, 0, "", f"内容のフォルダ {shown} {what[0]}(--content を確かめてください)",
                        f"content folder {shown} {what[1]} (check --content)")]
    for sub in (ORG_DIR, ASSESSMENT_DIR):
        if not (root / sub).is_dir():
            return [Problem(shown, 0, "", f"内容のフォルダに {sub}/ がありません", f"content folder has no {sub}/")]
    if not any((root / ASSESSMENT_DIR).glob("*.yaml")):
        return [Problem(_display(root / ASSESSMENT_DIR), 0, "", "評価書(*.yaml)が1件もありません",
                        "no assessment files (*.yaml)")]
    return []


def _read(root: Path, path: Path, problems: list[Problem]) -> tuple[yaml.Node | None, str]:
    """Compose one file, unless it is too large, not a file, or a link out of the content folder (never read)."""
    shown = _display(path)
    refused = _refused(root, path, shown)
    if refused:
        problems.append(refused)
        return None, shown
    node, found = compose(shown, path.read_bytes())
    problems.extend(found)
    return node, shown


def _refused(root: Path, path: Path, shown: str) -> Problem | None:
    real = path.resolve()
    if not real.is_relative_to(root.resolve()):
        return Problem(shown, 0, "", "内容のフォルダの外を指すリンク(シンボリックリンク)です。"
                       "ファイルそのものを置いてください",
                       "symbolic link pointing outside the content folder; put the file itself here")
    if not real.is_file():
        return Problem(shown, 0, "", "ファイルではありません", "not a file")
    size = real.stat().st_size
    return too_large(shown, size) if size > MAX_FILE_BYTES else None


def _load_organizations(root: Path, problems: list[Problem]) -> dict[str, Organization]:
    out: dict[str, Organization] = {}
    for path in sorted((root / ORG_DIR).glob("*.yaml")):
        node, shown = _read(root, path, problems)
        if node is None:
            continue
        walker = Walker(shown)
        rec = walker.group(ORGANIZATION.root, node, "")
        problems.extend(walker.problems)
        if not rec or walker.problems:
            continue
        code = rec["code"] if isinstance(rec["code"], str) else ""  # a 判読不能 marker is no code either
        if not (len(code) == 6 and code.isascii() and code.isdigit()) or check_digit(code[:5]) != int(code[5]):
            problems.append(
                Problem(
                    shown,
                    _key_line(node, "団体コード"),
                    "団体コード",
                    f"全国地方公共団体コード(検査数字付き6桁)ではありません: 「{code}」",
                    f"not a 6-digit local government code with a valid check digit: '{code}'",
                )
            )
            continue
        if path.stem != code:
            problems.append(
                Problem(
                    shown, 1, "団体コード", f"ファイル名は {code}.yaml にしてください", f"file name must be {code}.yaml"
                )
            )
        out[code] = Organization(code, rec["name"], rec["prefecture"], rec["website"], shown, rec.get("reading"))
    return out


@dataclass(frozen=True)
class FileResult:
    """What checking one assessment file found: the assessment (when valid), its problems, the id's line."""

    assessment: Assessment | None
    problems: tuple[Problem, ...]
    id_line: int = 1


def check_assessment_file(root: Path, path: Path, orgs: dict[str, Organization]) -> FileResult:
    """Read and validate one assessment file on its own (files are independent, so this can run anywhere)."""
    problems: list[Problem] = []
    node, shown = _read(root, path, problems)
    if node is None:
        return FileResult(None, tuple(problems))
    found = _load_assessment(node, shown, orgs, problems)
    return FileResult(found, tuple(problems), _key_line(node, "表紙", "評価書番号"))


# (check one file, files, what else the result depends on) → results in order; the build passes a parallel,
# cached one (loading.py); the default checks file after file.
MapFiles = Callable[[Callable[[Path], FileResult], list[Path], str], list[FileResult]]


def _in_order(check: Callable[[Path], FileResult], paths: list[Path], salt: str) -> list[FileResult]:
    return [check(path) for path in paths]


def _load_assessments(
    root: Path, orgs: dict[str, Organization], problems: list[Problem], map_files: MapFiles = _in_order
) -> list[Assessment]:
    seen: dict[str, str] = {}
    out: list[Assessment] = []
    paths = sorted((root / ASSESSMENT_DIR).glob("*.yaml"))
    check = functools.partial(check_assessment_file, root, orgs=orgs)
    for path, result in zip(paths, map_files(check, paths, "|".join(sorted(orgs))), strict=True):
        problems.extend(result.problems)
        found = result.assessment
        if found is None:
            continue
        shown = found.path
        if found.id in seen:
            problems.append(
                Problem(
                    shown,
                    result.id_line,
                    "表紙 > 評価書番号",
                    f"評価書ID {found.id} が {seen[found.id]} と重複しています",
                    f"duplicate assessment id {found.id} (also in {seen[found.id]})",
                )
            )
            continue
        if path.stem != found.id:
            problems.append(
                Problem(
                    shown,
                    1,
                    "",
                    f"ファイル名は {found.id}.yaml にしてください(団体コード-評価書番号)",
                    f"file name must be {found.id}.yaml (団体コード-評価書番号)",
                )
            )
        seen[found.id] = shown
        out.append(found)
    return out


def _load_assessment(
    node: yaml.Node, shown: str, orgs: dict[str, Organization], problems: list[Problem]
) -> Assessment | None:
    walker = Walker(shown)
    form = _form_of(node, walker)
    if form is None:
        problems.extend(walker.problems)
        return None
    record = walker.group(assessment_root(form), node, "")
    if record is not None:
        _check_id(record, node, walker)
        _check_references(record, node, walker, orgs)
    problems.extend(walker.problems)
    if record is None or walker.problems:
        return None
    return Assessment(
        f"{record['organization']}-{record['cover']['number']}", shown, form, record["organization"], record
    )


def _form_of(node: yaml.Node, walker: Walker) -> Form | None:
    """The form named by 様式, so the rest of the file is checked against the right tree."""
    if not isinstance(node, yaml.MappingNode):
        walker.error(
            node, "", "評価書ファイルの一番上は「項目名: 値」のまとまりにしてください", "top level must be a mapping"
        )
        return None
    for key, val in node.value:
        if isinstance(key, yaml.ScalarNode) and key.value == "様式":
            name = val.value if isinstance(val, yaml.ScalarNode) else ""
            if name in FORMS:
                return FORMS[name]
            walker.error(
                val,
                "様式",
                f"様式が不明です: 「{name}」。選べる値: {' / '.join(FORMS)}",
                f"unknown form '{name}'; allowed: {' / '.join(FORMS)}",
            )
            return None
    walker.error(
        node, "様式", "「様式」がありません(例: 様式: 重点項目評価書)", "missing '様式' (e.g. 様式: 重点項目評価書)"
    )
    return None


def _check_references(
    record: dict[str, Any], node: yaml.MappingNode, walker: Walker, orgs: dict[str, Organization]
) -> None:
    """References inside and across files: the 団体 exists, リスク対策 names known files."""
    lines = {k.value: k for k, _ in node.value if isinstance(k, yaml.ScalarNode)}
    org = record.get("organization")
    if isinstance(org, str) and org not in orgs:
        walker.error(
            lines.get("団体", node),
            "団体",
            f"団体「{org}」が content/{ORG_DIR}/ にありません。登録済み: {' / '.join(sorted(orgs)) or 'なし'}",
            f"unknown organization '{org}'; known: {', '.join(sorted(orgs)) or 'none'}",
        )
    names = {f["name"] for f in _entries(record.get("files")) if isinstance(f.get("name"), str)}
    for i, block in enumerate(_entries(record.get("risks")), 1):
        named = block.get("file_names")
        for name in named if isinstance(named, tuple) else ():
            if name not in names:
                walker.problems.append(
                    _at(
                        walker.path,
                        block["_line"],
                        f"リスク対策[{i}] > 特定個人情報ファイル名",
                        f"Ⅱにないファイル名です: 「{name}」。Ⅱのファイル: {' / '.join(sorted(names))}",
                        f"file '{name}' is not among the files of Ⅱ",
                    )
                )


def _check_id(record: dict[str, Any], node: yaml.MappingNode, walker: Walker) -> None:
    """団体 and 評価書番号 make the id and URL, so they cannot be 判読不能/非公表 markers."""
    cover = record.get("cover")
    number = cover.get("number") if isinstance(cover, dict) else cover
    for value, labels in ((record.get("organization"), ("団体",)), (number, ("表紙", "評価書番号"))):
        if isinstance(value, Marker):
            walker.problems.append(
                _at(
                    walker.path,
                    _key_line(node, *labels),
                    " > ".join(labels),
                    f"{labels[-1]}は評価書ID・URLに使うため{value.kind}にできません",
                    f"{labels[-1]} makes the assessment id and URL; it cannot be {value.kind}",
                )
            )


def _entries(value: Any) -> list[dict[str, Any]]:
    """Entries of a repeating group, or none when a marker stands for the whole list."""
    return value if isinstance(value, list) else []


def _key_line(node: yaml.Node, *labels: str) -> int:
    """Line of the key `labels` (nested) in a mapping, or of the deepest mapping found."""
    line = node.start_mark.line + 1
    for label in labels:
        pairs = node.value if isinstance(node, yaml.MappingNode) else []
        key, node = next(
            ((k, v) for k, v in pairs if isinstance(k, yaml.ScalarNode) and k.value == label), (None, None)
        )
        if key is None:
            break
        line = key.start_mark.line + 1
    return line


def _at(path: str, line: int, item: str, ja: str, en: str) -> Problem:
    return Problem(path, line, item, ja, en)


def _load_aliases(root: Path, problems: list[Problem]) -> dict[str, dict[str, str]]:
    """aliases.yaml: {種類: {正式な表記: [別の表記, …]}} → kind → variant → canonical."""
    path = root / ALIAS_FILE
    out: dict[str, dict[str, str]] = {kind: {} for kind in ALIAS_KINDS.values()}
    if not path.exists():
        return out
    node, shown = _read(root, path, problems)
    if node is None:
        return out
    walker = Walker(shown)
    kinds = walker.mapping(node, "", tuple(ALIAS_KINDS)) or {}
    for label, sub in kinds.items():
        if not isinstance(sub, yaml.MappingNode):
            walker.error(
                sub, label, "「正式な表記: [別の表記, …]」の形で書いてください", "expected 'canonical: [variants]'"
            )
            continue
        for key, variants in sub.value:
            for variant in walker.sequence(variants, f"{label} > {key.value}") or []:
                out[ALIAS_KINDS[label]][variant.value] = key.value
    problems.extend(walker.problems)
    return out


def _staleness_warnings(assessments: list[Assessment], today: date) -> list[Problem]:
    """Warn (never fail) when 公表日 is five or more years ago: time to re-assess."""
    out = []
    for a in assessments:
        published = a.record["cover"]["published"]
        if published is None or not hasattr(published, "year"):
            continue
        if reassessment_due(published.first_day()) <= today:
            out.append(
                Problem(
                    a.path,
                    1,
                    "表紙 > 公表日",
                    f"公表日({published.wareki})から{REASSESS_YEARS}年が経過しています。再評価の時期です",
                    f"published {REASSESS_YEARS}+ years ago ({published.iso}); due for re-assessment",
                    warning=True,
                )
            )
    return out
