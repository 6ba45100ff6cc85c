"""Open data: every record as JSON (with its JSON Schema), CSV tables, the Atom feed and the page
that documents them. Files are bytes in the docs folder; mkdocs copies them to the site as-is."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

from generator.model import urls
from generator.model.graph import Graph
from generator.outputs.opendata.catalogue import catalogue, catalogue_schema
from generator.outputs.opendata.feed import feed_xml
from generator.outputs.opendata.page import open_data_page
from generator.outputs.opendata.records import assessment_json
from generator.outputs.opendata.schema import assessment_schema
from generator.outputs.opendata.tables import csv_makers
from generator.pages.pages import ALL, Page, reads


def json_bytes(data: Any) -> bytes:
    """Deterministic JSON: UTF-8, indented, key order as built (form order), trailing newline."""
    return (json.dumps(data, ensure_ascii=False, indent=2) + "\n").encode("utf-8")


def open_data_pages(graph: Graph) -> Iterator[Page]:
    """Every open-data file and the page describing them: one JSON per assessment reads that assessment,
    the catalogue, tables and feed read ALL, the schemas read nothing but the form spec."""
    for a in graph.assessments:
        yield Page(urls.assessment_json(a.id), reads(a.id), lambda a=a: json_bytes(assessment_json(a, graph.org_of(a))))
    yield Page(urls.CATALOGUE, reads(ALL), lambda: json_bytes(catalogue(graph)))
    yield Page(urls.SCHEMA, reads(), lambda: json_bytes(assessment_schema()))
    yield Page(urls.CATALOGUE_SCHEMA, reads(), lambda: json_bytes(catalogue_schema()))
    for path, make in csv_makers(graph).items():
        yield Page(path, reads(ALL), make)
    yield Page(urls.FEED, reads(ALL), lambda: feed_xml(graph))
    yield open_data_page(graph)
