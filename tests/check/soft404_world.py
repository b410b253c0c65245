"""The soft-404 corpus served the way its sites serve it, one loopback host per site.

Each site of ``tests/fixtures/soft404/<split>/sites.json`` answers its real
pages at their paths and every other path either with its "not found" page
and HTTP 200 (``%PATH%`` in that page becomes the requested path, as Drupal
prints it) or, for a site without one, with an honest 404. A case is a URL
and the label from the corpus: ``soft-404`` for a cited path the site does
not have, ``ok`` for a real page. ``tests/check`` and ``benchmarks/soft404.py``
use it; nothing here talks to anything but 127.0.0.1.
"""

from __future__ import annotations

import json
from contextlib import ExitStack
from dataclasses import dataclass
from html import escape
from pathlib import Path

from loopback import Handler, LoopbackServer

CORPUS = Path(__file__).resolve().parent.parent / "fixtures" / "soft404"
SPLITS = ("dev", "held-back")


@dataclass(frozen=True)
class Case:
    url: str
    label: str  # "soft-404" or "ok"
    site: str
    cms: str
    language: str


class SiteServer(LoopbackServer):
    """One site: its real pages by path and query, its "not found" page (or a 404) for everything else."""

    def __init__(self, pages: dict[str, bytes], missing: str | None):
        super().__init__("127.0.0.1", routes={})
        self.pages = pages
        self.missing = missing

    def prefix_route(self, path: str):  # type: ignore[no-untyped-def]
        return self._answer

    def _answer(self, handler: Handler) -> None:
        page = self.pages.get(handler.path)  # with its query: WordPress's "/?p=283172"
        if page is not None:
            handler.send(200, page)
        elif self.missing is None:
            handler.send(404, b"<html><head><title>404 Not Found</title></head><body>Not Found</body></html>")
        else:
            handler.send(200, self.missing.replace("%PATH%", escape(handler.route_path)).encode())


def sites(split: str) -> list[dict]:
    return json.loads((CORPUS / split / "sites.json").read_text(encoding="utf-8"))


def serve(split: str, stack: ExitStack) -> list[Case]:
    """Start every site of ``split`` (closed with ``stack``); the corpus's cases on them."""
    folder = CORPUS / split
    cases = []
    for site in sites(split):
        pages = {page["path"]: (folder / page["file"]).read_bytes() for page in site["pages"]}
        missing = (folder / site["missing"]).read_text(encoding="utf-8") if "missing" in site else None
        server = stack.enter_context(SiteServer(pages, missing))
        meta = (site["name"], site["cms"], site["language"])
        if missing is not None:
            cases.append(Case(server.url(site["cited_missing"]), "soft-404", *meta))
        cases += [Case(server.url(path), "ok", *meta) for path in pages]
    return cases
