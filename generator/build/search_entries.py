"""Each page's contribution to the search index (search.index.doc_entry), kept between builds.

Why: computing it is most of the index's build time (~6 ms a page, 6,000+ pages at 1,000 assessments). The
parts compute it in parallel where the pages are made and store it here; the index then only reads it. The
key is the page's search fields and the generator's code, so a stored entry is always what doc_entry would
return; an incremental build recomputes only the pages it made.
"""

from __future__ import annotations

import hashlib
import os
import pickle
from dataclasses import dataclass
from pathlib import Path

from generator.outputs.search.index import DocEntry, SearchDoc, doc_entry


@dataclass(frozen=True)
class EntryCache:
    folder: Path
    code: str

    def _path(self, doc: SearchDoc) -> Path:
        h = hashlib.sha256(self.code.encode())
        for part in (doc.url, doc.title, doc.kind, doc.org, doc.form, doc.published, doc.body):
            h.update(b"\0" + part.encode("utf-8"))
        key = h.hexdigest()
        return self.folder / key[:2] / key

    def store(self, doc: SearchDoc) -> None:
        """Compute and keep the entry of a page just made (called in the parts' processes)."""
        path = self._path(doc)
        if path.exists():
            return
        path.parent.mkdir(parents=True, exist_ok=True)
        tmp = path.with_name(f"{path.name}.{os.getpid()}.tmp")
        tmp.write_bytes(pickle.dumps(doc_entry(doc), protocol=pickle.HIGHEST_PROTOCOL))
        os.replace(tmp, path)

    def entry(self, doc: SearchDoc) -> DocEntry:
        """The stored entry, or a fresh one when it is missing or unreadable."""
        try:
            with open(self._path(doc), "rb") as f:
                return pickle.load(f)
        except (OSError, EOFError, pickle.UnpicklingError):
            return doc_entry(doc)
