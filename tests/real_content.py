"""The real content/ loaded, its graph and its rendered pages, each made once per test process.

Loading and rendering are pure, so the test modules share one copy instead of each loading content/ at import.
Nothing may change what these return (tests that need other content copy content/ to a temporary folder).
"""

from __future__ import annotations

import functools
from datetime import date

from generator.load.content import Content, load_content
from generator.model.graph import Graph, build_graph
from generator.outputs.site import render_site
from generator.pages.markdown import PageOptions

from .conftest import CONTENT


@functools.cache
def content() -> Content:
    return load_content(CONTENT)


@functools.cache
def graph() -> Graph:
    return build_graph(content())


@functools.cache
def rendered(today: date = date(1970, 1, 1)) -> dict[str, str | bytes]:
    """Every docs file as render_site makes it for the build date `today` (the goldens use the default)."""
    return render_site(graph(), PageOptions(today))
