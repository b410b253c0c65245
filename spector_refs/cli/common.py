"""What several subcommands share: reading one article."""

from __future__ import annotations

import sys
from pathlib import Path

from spector_refs.fetch import fetch_article, is_page_url
from spector_refs.inputs import decode_document
from spector_refs.model import Article
from spector_refs.parse import parse


def load_article(source: str, *, input_format: str | None = None) -> Article:
    """The article at a path, a Wikipedia page URL, or on stdin for "-"."""
    if source == "-":
        return parse(decode_document(sys.stdin.buffer.read(), name="stdin"), format=input_format)
    if is_page_url(source):
        return fetch_article(source, source="wikitext" if input_format == "wikitext" else "html")
    return parse(Path(source), format=input_format)
