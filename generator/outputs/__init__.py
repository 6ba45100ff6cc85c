"""Floor 4, outputs: what the site publishes beside pages: open data, search, sitemap."""
