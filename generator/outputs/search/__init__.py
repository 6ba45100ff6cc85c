"""Client-side Japanese full-text search: a split index built here, a worker and the results page."""

from generator.outputs.search.index import KINDS, SITE_DIR, SearchDoc, search_files
from generator.outputs.search.page import search_page_markdown
from generator.outputs.search.text import plain_text
from generator.outputs.search.tokenize import normalize, tokens

__all__ = ["KINDS", "SITE_DIR", "SearchDoc", "normalize", "plain_text", "search_files", "search_page_markdown",
           "tokens"]
