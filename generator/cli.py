"""Command line: `python -m generator check | stats [--json] | build | new | …`."""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path

from .content import load_content
from .problems import ContentError

DEFAULT_CONTENT = Path("content")
DEFAULT_SITE = Path("site")


def cmd_check(args: argparse.Namespace) -> int:
    """Validate every file; print every problem at once; non-zero on any error."""
    try:
        content = load_content(args.content)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print(f"エラー {len(err.problems)} 件 ({len(err.problems)} error(s))", file=sys.stderr)
        return 1
    for warning in content.warnings:
        print(warning, file=sys.stderr)
    print(f"OK: 団体 {len(content.organizations)} 件、評価書 {len(content.assessments)} 件"
          f" ({len(content.organizations)} organizations, {len(content.assessments)} assessments)")
    return 0


def cmd_stats(args: argparse.Namespace) -> int:
    """Per-assessment counts of the fidelity table."""
    from .stats import assessment_stats

    try:
        content = load_content(args.content)
    except ContentError as err:
        print(err, file=sys.stderr)
        return 1
    stats = {a.id: assessment_stats(a) for a in content.assessments}
    if args.json:
        print(json.dumps(stats, ensure_ascii=False, indent=2, sort_keys=True))
    else:
        for aid, counts in stats.items():
            print(aid, " ".join(f"{k}={v}" for k, v in counts.items()))
    return 0


def cmd_build(args: argparse.Namespace) -> int:
    """Build the static site into --site (atomically)."""
    from .build import build_site

    try:
        build_site(args.content, args.site, docs_out=args.docs)
    except ContentError as err:
        for problem in err.problems:
            print(problem, file=sys.stderr)
        print("ビルドを中止しました。既存のサイトは変更していません (build aborted; site/ unchanged)", file=sys.stderr)
        return 1
    return 0


def cmd_serve(args: argparse.Namespace) -> int:
    """Live preview on 127.0.0.1."""
    from .serve import serve

    serve(args.content, args.site, args.port)
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
        if name == "build":
            s.add_argument("--site", type=Path, default=DEFAULT_SITE)
            s.add_argument("--docs", type=Path, default=None, help="生成した Markdown もこのフォルダに書き出す")
    s = sub.add_parser("serve", help="プレビューを表示し、変更時に再生成する")
    s.add_argument("--content", type=Path, default=DEFAULT_CONTENT)
    s.add_argument("--site", type=Path, default=DEFAULT_SITE)
    s.add_argument("--port", type=int, default=8000)
    s.set_defaults(func=cmd_serve)
    return p


def main(argv: list[str] | None = None) -> int:
    args = parser().parse_args(argv)
    return args.func(args)
