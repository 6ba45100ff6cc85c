"""PIA Portal generator: content/ YAML → validated records → Markdown → mkdocs site."""
