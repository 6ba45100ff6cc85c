"""Python-Markdown extension: hand the generator's own HTML blocks to the output untouched.

Why: most of every page is HTML that the generator built (and escaped) itself. Python-Markdown's
`html_block` preprocessor re-parses all of it with an HTMLParser to find where each block ends, and
mkdocs' raw-HTML anchor scan parses it again: together about 85 % of the Markdown → HTML time. Our
blocks need neither: a block starts at a line that opens with `<` and runs until a blank line that is
followed by a heading, by a line that does not open with `<`, or by the end. Text from YAML can never
start a line with `<` or `#` (escape.esc turns both into character references), so the rule cannot
cut a block in the middle of content. The stashed HTML comes out byte for byte as `html_block` would
have passed it (a test compares whole sites built with and without this extension).

Registered in mkdocs.yml as `generator.build.markdown_raw` — a supported extension point, no patching.
Anchors inside these blocks are not seen by mkdocs' anchor validation; the site's own link test
(tests/test_site.py) checks every link and anchor of the built HTML instead.
"""

from __future__ import annotations

from markdown import Markdown
from markdown.extensions import Extension
from markdown.preprocessors import Preprocessor

# After normalize_whitespace (30), before mkdocs' raw-HTML anchor scan (21) and html_block (20).
PRIORITY = 25


def raw_blocks(lines: list[str]) -> list[tuple[bool, list[str]]]:
    """Split lines into (is_raw_html, lines) runs by the rule in the module docstring."""
    runs: list[tuple[bool, list[str]]] = []
    i = 0
    while i < len(lines):
        starts_block = lines[i].startswith("<") and (i == 0 or not lines[i - 1].strip())
        if not starts_block:
            if runs and not runs[-1][0]:
                runs[-1][1].append(lines[i])
            else:
                runs.append((False, [lines[i]]))
            i += 1
            continue
        end = i + 1
        while end < len(lines):
            if not lines[end].strip():
                following = next((line for line in lines[end + 1:] if line.strip()), None)
                if following is None or following.startswith("#") or not following.startswith("<"):
                    break
            end += 1
        runs.append((True, lines[i:end]))
        i = end
    return runs


class RawBlockPreprocessor(Preprocessor):
    """Replace each raw HTML block by one stash placeholder paragraph."""

    def run(self, lines: list[str]) -> list[str]:
        out: list[str] = []
        for is_raw, block in raw_blocks(lines):
            if is_raw:
                out.extend(["", self.md.htmlStash.store("\n".join(block)), ""])
            else:
                out.extend(block)
        return out


class RawBlockExtension(Extension):
    def extendMarkdown(self, md: Markdown) -> None:
        md.preprocessors.register(RawBlockPreprocessor(md), "pia_raw_blocks", PRIORITY)


def makeExtension(**kwargs: object) -> RawBlockExtension:
    return RawBlockExtension(**kwargs)
