"""Open data: every record as JSON (with its JSON Schema), CSV tables, the Atom feed and the page
that documents them. Files are bytes in the docs folder; mkdocs copies them to the site as-is."""

from __future__ import annotations

import json
from typing import Any

from .. import urls
from ..graph import Graph
from .catalogue import catalogue, catalogue_schema
from .feed import feed_xml
from .page import open_data_page
from .records import assessment_json
from .schema import assessment_schema
from .tables import csv_files


def json_bytes(data: Any) -> bytes:
    """Deterministic JSON: UTF-8, indented, key order as built (form order), trailing newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def open_data_files(graph: Graph) -> dict[str, str | bytes]:
    """{docs path: bytes or Markdown} of every open-data file and the page describing them."""
    files: dict[str, str | bytes] = {
        urls.assessment_json(a.id): json_bytes(assessment_json(a, graph.org_of(a))) for a in graph.assessments
    }
    files[urls.CATALOGUE] = json_bytes(catalogue(graph))
    files[urls.SCHEMA] = json_bytes(assessment_schema())
    files[urls.CATALOGUE_SCHEMA] = json_bytes(catalogue_schema())
    files.update(csv_files(graph))
    files[urls.FEED] = feed_xml(graph)
    files.update(open_data_page(graph))
    return dict(sorted(files.items()))
