"""Floor 3, pages: every page family, as pure functions from the graph to Markdown."""
