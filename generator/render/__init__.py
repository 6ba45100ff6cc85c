"""Rendering: pure functions from the graph to Markdown page text."""
