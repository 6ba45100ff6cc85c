"""sitemap.xml (and .gz) of every page, made once for the whole site (not per mkdocs run, so parts merge)."""

from __future__ import annotations

import gzip
from xml.sax.saxutils import escape


def sitemap_files(site_url: str, outputs: list[str]) -> dict[str, bytes]:
    """`outputs` are page files ('a/index.html'); without a site_url a sitemap can list no URL (it needs
    absolute ones), so it is written empty, as mkdocs does."""
    lines = ['<?xml version="1.0" encoding="UTF-8"?>', '<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    if site_url:
        for output in sorted(outputs):
            loc = site_url + output.removesuffix("index.html")
            lines.append(f"  <url><loc>{escape(loc)}</loc></url>")
    lines.append("</urlset>")
    xml = ("\n".join(lines) + "\n").encode("utf-8")
    return {"sitemap.xml": xml, "sitemap.xml.gz": gzip.compress(xml, 9, mtime=0)}
