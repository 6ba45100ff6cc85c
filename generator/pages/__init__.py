"""Floor 3, pages: every page family, as functions from the graph and PageOptions to Markdown (they read only
their templates, the guide's intro, `extra.pia` of mkdocs.yml and the source texts they publish)."""
