"""Rendered HTML of a page: the saved browser page or Parsoid's REST HTML.

:mod:`.article` builds the :class:`~spector_refs.model.Article`; :mod:`.refs`
reads the reference lists, :mod:`.cite` one citation (data-mw, COinS or the
rendered CS1 text), :mod:`.body` the prose and its markers, :mod:`.tags` the
inline cleanup tags and :mod:`.coins` the COinS metadata.
"""

from spector_refs.parse.html.article import looks_like_html, parse_html

__all__ = ["looks_like_html", "parse_html"]
