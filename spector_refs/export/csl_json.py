"""CSL-JSON output: the input format of citeproc (pandoc, Zotero, citation.js).

A top-level array of items; ``id`` is the BibTeX key so a document can
switch between .bib and .json without touching its citations. Only
variables of the CSL 1.0 schema are written (it rejects unknown keys).
An archived copy goes into ``archive_location`` (Zotero's
"Loc. in Archive") and, readably, into ``note``. A conference is
``event-title`` (a chapter given at one is a ``paper-conference``);
CSL has no role for revisers, so they are not written.
"""

from __future__ import annotations

import json
from collections.abc import Mapping, Sequence
from typing import Any

from spector_refs.dates import date_parts
from spector_refs.export import kinds
from spector_refs.export.archive import Location, locate
from spector_refs.export.fields import iso_date
from spector_refs.export.identifiers import identifier_note
from spector_refs.export.keys import citation_keys
from spector_refs.export.latex import clean
from spector_refs.model import LinkResult, Name, Reference

CSL_IDENTIFIERS = frozenset({"issn", "isbn", "doi", "pmid", "pmc"})
"""Identifier schemes CSL 1.0 has a variable for (``ISSN``, ``ISBN``, ``DOI``, ``PMID``, ``PMCID``)."""
CSL_TYPES = {
    kinds.WEB: "webpage",
    kinds.NEWSPAPER: "article-newspaper",
    kinds.MAGAZINE: "article-magazine",
    kinds.PRESS_RELEASE: "report",
    kinds.REPORT: "report",
    kinds.BOOK: "book",
    kinds.CHAPTER: "chapter",
    kinds.ENTRY: "entry-encyclopedia",
    kinds.JOURNAL: "article-journal",
    kinds.OTHER: "document",
}


def to_csl_json(references: Sequence[Reference], *, links: Mapping[str, LinkResult] | None = None) -> str:
    """The references as a CSL-JSON array (UTF-8 text, one item per reference)."""
    keys = citation_keys(references)
    items = [csl_item(ref, key, locate(ref, links)) for ref, key in zip(references, keys, strict=True)]
    return json.dumps(items, ensure_ascii=False, indent=2) + "\n"


def csl_item(ref: Reference, key: str, where: Location) -> dict[str, Any]:
    """One CSL item; variables the reference lacks are left out, never written empty."""
    kind = kinds.source_kind(ref)
    paper = kind == kinds.CHAPTER and bool(ref.conference)
    item: dict[str, Any] = {"id": key, "type": "paper-conference" if paper else CSL_TYPES[kind]}
    _titles(item, ref, kind)
    _put(item, "author", [_name(n) for n in ref.authors if n.display()])
    _put(item, "editor", [_name(n) for n in ref.editors if n.display()])
    _put(item, "translator", [_name(n) for n in ref.translators if n.display()])
    _put(item, "issued", _date(ref.date))
    _put(item, "original-date", _date(ref.original_date))
    _put(item, "accessed", _date(ref.access_date))
    _put(item, "genre", "Press release" if kind == kinds.PRESS_RELEASE else None)
    for variable, value in _plain_variables(ref, kind, where.url).items():
        _put(item, variable, clean(value) if value else None)
    if where.archive:
        item["archive_location"] = where.archive.url
    notes = [
        ref.others,
        ref.raw if kind == kinds.OTHER and not ref.title else None,
        identifier_note(ref, CSL_IDENTIFIERS),
        where.archive.sentence() if where.archive else None,
    ]
    _put(item, "note", clean(". ".join(note for note in notes if note)))
    return item


def _titles(item: dict[str, Any], ref: Reference, kind: str) -> None:
    if kind in kinds.PARTS:
        _put(item, "title", clean(ref.cited_title or ""))
        _put(item, "container-title", clean(ref.container or ""))
    else:
        _put(item, "title", clean(ref.title or ""))


def _plain_variables(ref: Reference, kind: str, url: str | None) -> dict[str, str | None]:
    issuer = kind in (kinds.PRESS_RELEASE, kinds.REPORT)
    return {
        "container-title": None if issuer or kind in kinds.PARTS else ref.work,
        "publisher": ref.publisher or (ref.work if issuer else None),
        "publisher-place": ref.place,
        "edition": ref.edition,
        "collection-title": ref.series,
        "event-title": ref.conference,
        "volume": ref.volume,
        "issue": ref.issue,
        "page": ref.pages,
        "language": ref.language,
        "ISSN": ref.issn,
        "ISBN": ref.isbn,
        "DOI": ref.doi,
        "PMID": ref.identifiers.get("pmid"),
        "PMCID": ref.identifiers.get("pmc"),
        "URL": url,
    }


def _put(item: dict[str, Any], variable: str, value: Any) -> None:
    if value:
        item[variable] = value


def _name(name: Name) -> dict[str, str]:
    if name.literal is not None:
        return {"literal": clean(name.literal)}
    return {part: clean(value) for part, value in (("family", name.family), ("given", name.given)) if value}


def _date(iso: str | None) -> dict[str, list[list[int]]] | None:
    parts = date_parts(iso_date(iso))
    return {"date-parts": [parts]} if parts else None
