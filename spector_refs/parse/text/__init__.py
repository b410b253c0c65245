"""The plain-text rendering of a page (what a reader gets by copying it)."""

from spector_refs.parse.text.article import parse_text

__all__ = ["parse_text"]
