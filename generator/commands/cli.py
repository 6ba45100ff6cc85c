"""Command line: `python -m generator check | stats [--json] | build | new | …`."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from generator.build.context import BuildContext, Shard
from generator.build.pipeline import build, merge_shards
from generator.build.publishing import PublishError
from generator.commands.new_file import NewFileError, new_assessment
from generator.commands.serve import serve
from generator.forms import FORMS
from generator.load.content import load_content
from generator.load.limits import MAX_ERRORS_SHOWN
from generator.load.problems import ContentError
from generator.model.stats import assessment_stats, marker_lines, provenance_table
from generator.outputs.jsonschema_export import SCHEMA_DIR, dump, schemas
from generator.outputs.search.synonyms import load_synonyms
from generator.pages.guide import GUIDE_NAME, guide_text

DEFAULT_CONTENT = Path("content")
DEFAULT_SITE = Path("site")


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every file; print every problem at once; non-zero on any error."""
    try:
        content = load_content(args.content)
        load_synonyms(args.content)
    except ContentError as err:
        for problem in err.problems[:MAX_ERRORS_SHOWN]:
            print(problem, file=sys.stderr)
        if len(err.problems) > MAX_ERRORS_SHOWN:
            more = len(err.problems) - MAX_ERRORS_SHOWN
            print(f"…ほか {more:,} 件 (and {more:,} more)", file=sys.stderr)
        print(f"エラー {len(err.problems)} 件 ({len(err.problems)} error(s))", file=sys.stderr)
        return 1
    for warning in content.warnings:
        print(warning, file=sys.stderr)
    print(f"OK: 団体 {len(content.organizations)} 件、評価書 {len(content.assessments)} 件"
          f" ({len(content.organizations)} organizations, {len(content.assessments)} assessments)")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Per-assessment counts of the fidelity table."""
    try:
        content = load_content(args.content)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    stats = {a.id: assessment_stats(a) for a in content.assessments}
    if args.provenance:
        print("\n".join(provenance_table(list(content.assessments))))
        return 0
    if args.markers:
        print("\n".join(line for a in content.assessments for line in marker_lines(a)))
        return 0
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for aid, counts in stats.items():
            print(aid, " ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build the static site into --site (atomically; only what changed unless --clean)."""
    try:
        shard = Shard.parse(args.shard) if args.shard else None
    except ValueError as err:
        print(err, file=sys.stderr)
        return 2
    ctx = BuildContext.create(args.content, args.site, jobs=args.jobs, shard=shard, incremental=not args.clean,
                              docs_out=args.docs)
    try:
        report = build(ctx)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print("ビルドを中止しました。既存のサイトは変更していません (build aborted; site/ unchanged)", file=sys.stderr)
        return 1
    except PublishError as err:  # its message says what state site/ is in
        print(err, file=sys.stderr)
        return 1
    print(report)
    if args.verbose:
        print(report.timings())
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    """Assemble the outputs of `build --shard K/N` into one site (same bytes as a single build)."""
    print(merge_shards(args.parts, args.site, args.content))
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview on 127.0.0.1."""
    serve(args.content, args.preview, args.port)
    return 0


def cmd_new(args: argparse.Namespace) -> int:
    """Start an assessment file from the scaffold (never overwrites)."""
    try:
        path = new_assessment(args.content, args.org, args.form, args.number)
    except NewFileError as err:
        print(err, file=sys.stderr)
        return 1
    print(f"作成しました: {path}。記入したら make check で検証してください (created {path})")
    return 0


def cmd_schemas(args: argparse.Namespace) -> int:
    """Write the JSON Schemas of the forms to generator/schemas/ (what editors validate content/ against)."""
    SCHEMA_DIR.mkdir(parents=True, exist_ok=True)
    for name, schema in sorted(schemas().items()):
        path = SCHEMA_DIR / name
        path.write_text(dump(schema), encoding="utf-8", newline="\n")
        print(f"wrote {os.path.relpath(path)}")
    return 0


def cmd_guide(args: argparse.Namespace) -> int:
    """Print the editing guide, or write it to <content>/EDITING_GUIDE.md."""
    text = guide_text()
    if not args.write:
        sys.stdout.write(text)
        return 0
    path = args.content / GUIDE_NAME
    path.write_text(text, encoding="utf-8", newline="\n")
    print(f"wrote {path}")
    return 0


def parser() -> argparse.ArgumentParser:
    p = argparse.ArgumentParser(prog="python -m generator", description="評価書ポータルの生成")
    sub = p.add_subparsers(dest="command", required=True)
    for name, func, help_ in (("check", cmd_check, "内容を検証する"), ("stats", cmd_stats, "件数を数える"),
                              ("build", cmd_build, "サイトを生成する")):
        s = sub.add_parser(name, help=help_)
        s.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
        s.set_defaults(func=func)
        if name == "stats":
            s.add_argument("--json", action="store_true")
            s.add_argument("--markers", action="store_true", help="判読不能・非公表の一覧(content/README.md 用)")
            s.add_argument("--provenance", action="store_true",
                           help="読み取り・推定・判読不能・非公表の件数表(content/README.md 用)")
        if name == "build":
            s.add_argument("--site", type=Path, default=DEFAULT_SITE)
            s.add_argument("--jobs", type=int, default=None, help="並列に使うプロセス数(既定: CPU コア数)")
            s.add_argument("--shard", default=None, help="K/N: サイトを N 分割した K 番目だけを作る(merge で結合)")
            s.add_argument("--clean", action="store_true", help="前回の結果を使わず、すべてのページを作り直す")
            s.add_argument("--verbose", action="store_true", help="段階ごとの時間とメモリを表示する")
            s.add_argument("--docs", type=Path, default=None, help="生成した Markdown もこのフォルダに書き出す")
    s = sub.add_parser("merge", help="build --shard の結果を1つのサイトに結合する")
    s.add_argument("parts", type=Path, nargs="+", help="build --shard K/N --site で作ったフォルダ")
    s.add_argument("--site", type=Path, default=DEFAULT_SITE)
    s.add_argument("--content", type=Path, default=DEFAULT_CONTENT, help="同義語(synonyms.yaml)を読む内容のフォルダ")
    s.set_defaults(func=cmd_merge)
    s = sub.add_parser("serve", help="プレビューを表示し、変更時に再生成する")
    s.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    s.add_argument("--preview", type=Path, default=Path(".preview/site"), help="プレビューの出力先(site/ 以外)")
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=cmd_serve)
    s = sub.add_parser("new", help="評価書のファイルを空欄の雛形から作る")
    s.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    s.add_argument("--org", required=True, help="団体コード(例: 012033)")
    s.add_argument("--form", default=next(iter(FORMS)), choices=list(FORMS), help="様式(" + " / ".join(FORMS) + ")")
    s.add_argument("--number", type=int, required=True, help="評価書番号")
    s.set_defaults(func=cmd_new)
    s = sub.add_parser("schemas", help="JSON Schema を generator/schemas/ に書き出す")
    s.set_defaults(func=cmd_schemas)
    s = sub.add_parser("guide", help="編集ガイドを表示する(--write で content/EDITING_GUIDE.md に書く)")
    s.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    s.add_argument("--write", action="store_true")
    s.set_defaults(func=cmd_guide)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
