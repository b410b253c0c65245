"""Bibliography exports: BibLaTeX, classic BibTeX, CSL-JSON and RIS.

One entry point, ``export``, so the CLI and library users pick a format by
name. Every format shares the same decisions (entry kind in ``kinds``,
citation keys in ``keys``, archived copies in ``archive``), so a reference
is a newspaper article, and has the same key, in all four files.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import TYPE_CHECKING

from spector_refs.errors import ExportError
from spector_refs.lazy import lazy_exports
from spector_refs.model import Article, LinkResult, Reference

if TYPE_CHECKING:
    from spector_refs.export.bibtex import to_bibtex as to_bibtex
    from spector_refs.export.csl_json import to_csl_json as to_csl_json
    from spector_refs.export.ris import to_ris as to_ris

# The writers load on first use (BibTeX's brings bibtexparser), so the CLI can offer FORMATS cheaply.
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "to_bibtex": "spector_refs.export.bibtex",
        "to_csl_json": "spector_refs.export.csl_json",
        "to_ris": "spector_refs.export.ris",
    },
)
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
        from spector_refs.export.bibtex import to_bibtex

        return to_bibtex(references, dialect=format, links=links)
    if format == "csl-json":
        from spector_refs.export.csl_json import to_csl_json

        return to_csl_json(references, links=links)
    if format == "ris":
        from spector_refs.export.ris import to_ris

        return to_ris(references, links=links)
    raise ExportError(f"unknown export format {format!r}: use one of {', '.join(FORMATS)}")
