"""Wikitext source of a page, read with mwparserfromhell.

:mod:`.article` builds the :class:`~spector_refs.model.Article`; :mod:`.refs`
finds every ``<ref>`` and footnote template, :mod:`.citations` turns them into
references and :mod:`.claims` walks the prose into claims.
"""

from spector_refs.parse.wikitext.article import looks_like_wikitext, parse_wikitext

__all__ = ["looks_like_wikitext", "parse_wikitext"]
