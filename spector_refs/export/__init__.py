"""Bibliography exports: BibLaTeX, classic BibTeX, CSL-JSON and RIS.

One entry point, ``export``, so the CLI and library users pick a format by
name. Every format shares the same decisions (entry kind in ``kinds``,
citation keys in ``keys``, archived copies in ``archive``), so a reference
is a newspaper article, and has the same key, in all four files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence

from spector_refs.errors import ExportError
from spector_refs.export.bibtex import to_bibtex
from spector_refs.export.csl_json import to_csl_json
from spector_refs.export.ris import to_ris
from spector_refs.model import Article, LinkResult, Reference

__all__ = ["FORMATS", "export", "to_bibtex", "to_csl_json", "to_ris"]

FORMATS = ("biblatex", "bibtex", "csl-json", "ris")


def export(
    references: Sequence[Reference] | Article,
    format: str = "biblatex",
    *,
    links: Mapping[str, LinkResult] | None = None,
) -> str:
    """The references (or an article's references) in ``format`` (one of ``FORMATS``), as a file's text.

    ``links`` maps cited URLs to link-check results, so entries for dead
    pages carry their archived copy.
    """
    if isinstance(references, Article):
        references = references.references
    if format in ("biblatex", "bibtex"):
        return to_bibtex(references, dialect=format, links=links)
    if format == "csl-json":
        return to_csl_json(references, links=links)
    if format == "ris":
        return to_ris(references, links=links)
    raise ExportError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
