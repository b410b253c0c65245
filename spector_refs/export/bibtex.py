"""BibLaTeX and classic BibTeX output, written through bibtexparser v2.

bibtexparser builds and serialises the entries; the escaping is ours, per
field, because its LaTeX middleware escapes protective braces and mangles
URLs (tests/export pins both). The write stack is therefore explicit: only
bibtexparser's enclosing middleware, which wraps each value in braces and
leaves the ``month`` macro bare. Entry types follow Zotero and Better BibTeX:
``@online`` for web pages, ``@article`` with ``entrysubtype`` for news and
magazines, ``@report`` for press releases; classic BibTeX falls back to
``@misc``/``@techreport`` with ``year``/``month`` and an "Accessed" note.
An archived copy goes into ``addendum`` (BibLaTeX) or ``note`` (BibTeX) as
"Archived from the original on DATE: \\url{...}", beside the ``url``, and so
do identifiers the entry type has no field for ("PMID 123"); see
``archive`` and ``identifiers``.
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence

import bibtexparser
from bibtexparser import Library
from bibtexparser.middlewares.enclosing import AddEnclosingMiddleware
from bibtexparser.model import Block, Entry, Field

from spector_refs.errors import ExportError
from spector_refs.export import kinds
from spector_refs.export.archive import ArchivedCopy, Location, locate
from spector_refs.export.fields import iso_date
from spector_refs.export.identifiers import has_valid_check_digit, identifier_note
from spector_refs.export.keys import citation_keys
from spector_refs.export.latex import escape, escape_organisation, escape_title, verbatim
from spector_refs.model import LinkResult, Name, Reference

DIALECTS = ("biblatex", "bibtex")
MONTH_MACROS = ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec")
_BARE_AND = re.compile(r"(?:^|\s)and(?:\s|$)", re.I)

BIBLATEX_TYPES = {
    kinds.WEB: "online",
    kinds.NEWSPAPER: "article",
    kinds.MAGAZINE: "article",
    kinds.PRESS_RELEASE: "report",
    kinds.REPORT: "report",
    kinds.BOOK: "book",
    kinds.CHAPTER: "inbook",
    kinds.ENTRY: "inreference",
    kinds.JOURNAL: "article",
    kinds.OTHER: "misc",
}
BOOK_KINDS = frozenset({kinds.BOOK, kinds.CHAPTER, kinds.ENTRY})
"""Kinds with a book's imprint: publisher, place, edition, ISBN."""
VOLUME_KINDS = frozenset({kinds.JOURNAL, kinds.MAGAZINE, kinds.NEWSPAPER, *BOOK_KINDS})
ISSN_KINDS = frozenset({kinds.NEWSPAPER, kinds.MAGAZINE, kinds.JOURNAL})
"""Kinds exported as ``@article``, the only type of these with an ``issn`` field."""
CONFERENCE_TYPES = {"inbook": "inproceedings", "incollection": "inproceedings", "book": "proceedings"}
"""A chapter or book given at a conference: the biblatex types whose ``eventtitle`` names it.

They have no ``edition``, ``translator`` or ``editora`` (biber's data model), so
an edition goes into ``addendum`` and translators and revisers are left out.
"""
REVISED_TYPES = frozenset({"book", "inbook", "incollection", "inreference"})
"""biblatex types with ``editora``; there a reviser is ``editora`` with ``editoratype = {reviser}``."""
BIBTEX_TYPES = {
    **BIBLATEX_TYPES,
    kinds.WEB: "misc",
    kinds.PRESS_RELEASE: "techreport",
    kinds.REPORT: "techreport",
    kinds.ENTRY: "incollection",
}


def to_bibtex(
    references: Sequence[Reference],
    dialect: str = "biblatex",
    *,
    links: Mapping[str, LinkResult] | None = None,
) -> str:
    """The references as a .bib file in the BibLaTeX (default) or classic BibTeX dialect.

    ``links`` maps cited URLs to link-check results; entries whose page is
    dead carry their archived copy.
    """
    if dialect not in DIALECTS:
        raise ExportError(f"unknown BibTeX dialect {dialect!r}: use one of {', '.join(DIALECTS)}")
    build = _biblatex_entry if dialect == "biblatex" else _bibtex_entry
    keys = citation_keys(references)
    entries: list[Block] = [
        build(ref, key, locate(ref, links)) for ref, key in zip(references, keys, strict=True)
    ]
    if not entries:
        return ""
    return bibtexparser.write_string(Library(entries), unparse_stack=_write_stack(), bibtex_format=_format())


def _write_stack() -> list[AddEnclosingMiddleware]:
    """Braces around every value; a field that demands no enclosing (``month``) stays bare."""
    return [
        AddEnclosingMiddleware(
            reuse_previous_enclosing=False,
            enclose_integers=True,
            default_enclosing="{",
            allow_inplace_modification=True,
        )
    ]


def _format() -> bibtexparser.BibtexFormat:
    bibtex_format = bibtexparser.BibtexFormat()
    bibtex_format.indent = "  "
    bibtex_format.value_column = 15
    bibtex_format.block_separator = "\n"
    bibtex_format.trailing_comma = True
    return bibtex_format


class _Fields:
    """Fields in writing order; empty values are never written."""

    def __init__(self) -> None:
        self.fields: list[Field] = []

    def add(self, key: str, value: str | None, *, bare: bool = False) -> None:
        if value:
            self.fields.append(Field(key, value, enclosing="no-enclosing" if bare else None))


def _biblatex_entry(ref: Reference, key: str, where: Location) -> Entry:
    kind = kinds.source_kind(ref)
    # biblatex: @inbook is a part of one author's book, @incollection a contribution to an edited one
    entry_type = "incollection" if kind == kinds.CHAPTER and ref.editors else BIBLATEX_TYPES[kind]
    conference = bool(ref.conference) and entry_type in CONFERENCE_TYPES
    if conference:
        entry_type = CONFERENCE_TYPES[entry_type]
    out = _Fields()
    out.add("author", _names(ref.authors, truncated=ref.authors_truncated))
    out.add("editor", _names(ref.editors))
    if not conference:
        out.add("translator", _names(ref.translators))
    if entry_type in REVISED_TYPES and _names(ref.revisers):
        out.add("editora", _names(ref.revisers))
        out.add("editoratype", "reviser")
    _add_titles(out, ref, kind, ascii_commands=False)
    if conference:
        out.add("eventtitle", escape_title(ref.conference or ""))
    _add_container(out, ref, kind, ascii_commands=False)
    out.add("series", escape(ref.series or ""))
    out.add("date", iso_date(ref.date))
    out.add("origdate", iso_date(ref.original_date))
    _add_numbers(out, ref, kind, ascii_commands=False, edition=not conference)
    out.add("language", escape(ref.language or ""))
    written = _add_identifiers(out, ref, kind, where.url)
    free_text = ref.raw if kind == kinds.OTHER and not ref.title else None
    out.add("note", _joined(*(escape(text) for text in (ref.others, free_text) if text)))
    out.add(
        "addendum",
        _joined(
            _edition_text(ref) if conference else None,
            _loose_numbers(ref, kind),
            _identifier_text(ref, written),
            _archive_text(where.archive),
        ),
    )
    return Entry(entry_type, key, out.fields)


def _bibtex_entry(ref: Reference, key: str, where: Location) -> Entry:
    kind = kinds.source_kind(ref)
    out = _Fields()
    out.add("author", _names(ref.authors, ascii_commands=True, truncated=ref.authors_truncated))
    out.add("editor", _names(ref.editors, ascii_commands=True))
    _add_titles(out, ref, kind, ascii_commands=True)
    _add_container(out, ref, kind, ascii_commands=True)
    out.add("series", escape(ref.series or "", ascii_commands=True))
    if kind == kinds.WEB:
        site = escape(ref.work or "", ascii_commands=True)
        out.add("howpublished", f"\\url{{{verbatim(where.url)}}}" if where.url else site)
    iso = iso_date(ref.date)
    out.add("year", iso[:4] if iso else None)
    out.add("month", MONTH_MACROS[int(iso[5:7]) - 1] if iso and len(iso) >= 7 else None, bare=True)
    _add_numbers(out, ref, kind, ascii_commands=True)
    written = _add_identifiers(out, ref, kind, where.url)
    out.add("note", _bibtex_note(ref, kind, where, written))
    return Entry(BIBTEX_TYPES[kind], key, out.fields)


def _add_titles(out: _Fields, ref: Reference, kind: str, *, ascii_commands: bool) -> None:
    """Title, and for a part its container: ``booktitle`` (classic BibTeX's ``@inbook`` names
    the book as ``title`` and the part as ``chapter``)."""
    if kind not in kinds.PARTS:
        out.add("title", escape_title(ref.title or "", ascii_commands=ascii_commands))
        return
    part = escape_title(ref.cited_title or "", ascii_commands=ascii_commands)
    container = escape_title(ref.container or "", ascii_commands=ascii_commands)
    if ascii_commands and kind == kinds.CHAPTER:
        out.add("title", container)
        out.add("chapter", part)
    else:
        out.add("title", part)
        out.add("booktitle", container)


def _add_container(out: _Fields, ref: Reference, kind: str, *, ascii_commands: bool) -> None:
    """Where the source appeared: site, periodical, issuing body or publisher."""
    work = escape(ref.work or "", ascii_commands=ascii_commands)
    body = escape_organisation(ref.publisher or ref.work or "", ascii_commands=ascii_commands)
    place = escape_organisation(ref.place or "", ascii_commands=ascii_commands)
    if kind in (kinds.NEWSPAPER, kinds.MAGAZINE, kinds.JOURNAL):
        if not ascii_commands and kind != kinds.JOURNAL:
            out.add("entrysubtype", kind)
        out.add("journal" if ascii_commands else "journaltitle", work or body)
    elif kind in (kinds.PRESS_RELEASE, kinds.REPORT):
        out.add("type", "Press release" if kind == kinds.PRESS_RELEASE else "Report")
        out.add("institution", body)
        out.add("address" if ascii_commands else "location", place)
    elif kind in BOOK_KINDS:
        out.add("publisher", escape_organisation(ref.publisher or "", ascii_commands=ascii_commands))
        out.add("address" if ascii_commands else "location", place)
    elif kind == kinds.WEB and not ascii_commands:
        out.add("organization", escape_organisation(ref.work or ref.publisher or "", ascii_commands=False))
    elif kind == kinds.OTHER:
        out.add("howpublished", work)


def _add_numbers(
    out: _Fields, ref: Reference, kind: str, *, ascii_commands: bool, edition: bool = True
) -> None:
    if edition and kind in BOOK_KINDS:
        out.add("edition", escape(ref.edition or "", ascii_commands=ascii_commands))
    if kind in VOLUME_KINDS and (ascii_commands or (ref.volume or "").isdigit()):
        out.add("volume", escape(ref.volume or "", ascii_commands=ascii_commands))
    if kind in (kinds.JOURNAL, kinds.MAGAZINE, kinds.NEWSPAPER):
        out.add("number", escape(ref.issue or "", ascii_commands=ascii_commands))
    if kind not in (kinds.WEB, kinds.OTHER):  # biblatex's @online and @misc have no pages
        out.add("pages", escape(ref.pages or "", ascii_commands=ascii_commands))


def _add_identifiers(out: _Fields, ref: Reference, kind: str, url: str | None) -> set[str]:
    """ISSN/ISBN where the type has them (biber rejects ``issn`` on ``@online``), DOI, URL, access date.

    Returns the identifier schemes written as fields; the others go into a note.
    """
    written = {"doi"}
    for scheme, kinds_with_field in (("issn", ISSN_KINDS), ("isbn", BOOK_KINDS)):
        value = ref.identifiers.get(scheme, "")
        if kind in kinds_with_field and has_valid_check_digit(scheme, value):
            out.add(scheme, escape(value))
            written.add(scheme)
    out.add("doi", verbatim(ref.doi or ""))
    out.add("url", verbatim(url or ""))
    out.add("urldate", iso_date(ref.access_date))
    return written


def _loose_numbers(ref: Reference, kind: str, *, biblatex: bool = True) -> str | None:
    """Volume and pages the entry has no field for, as CS1 prints them ("vol. 60–61. pp. 4–6").

    biblatex's ``volume`` is an integer (biber drops "60–61" or "XII"), and
    ``@misc``/``@misc``-like entries have no ``pages``.
    """
    parts = []
    if biblatex and kind in VOLUME_KINDS and ref.volume and not ref.volume.isdigit():
        parts.append(f"vol. {escape(ref.volume)}")
    if kind == kinds.OTHER and ref.pages:
        prefix = "pp." if re.search(r"[-–,]", ref.pages) else "p."
        parts.append(f"{prefix} {escape(ref.pages, ascii_commands=not biblatex)}")
    return ". ".join(parts) or None


def _edition_text(ref: Reference) -> str | None:
    """An edition where the entry type has no ``edition`` field, as CS1 prints it ("2nd ed.")."""
    return f"{escape(ref.edition)} ed." if ref.edition else None


def _identifier_text(ref: Reference, written: set[str]) -> str | None:
    note = identifier_note(ref, written)
    return escape(note) if note else None


def _joined(*parts: str | None) -> str | None:
    """Sentences of a note, one period between them even after "2nd ed."."""
    text = ""
    for part in filter(None, parts):
        text += (" " if text.endswith(".") else ". ") + part if text else part
    return text or None


def _bibtex_note(ref: Reference, kind: str, where: Location, written: set[str]) -> str | None:
    """What classic styles have no field for: site beside a URL, other contributors (CS1's
    ``others``), access date, identifiers, archive, text."""
    parts = []
    if kind == kinds.WEB and where.url and ref.work:
        parts.append(escape(ref.work, ascii_commands=True))
    if ref.others:
        parts.append(escape(ref.others, ascii_commands=True))
    if kind == kinds.OTHER and not ref.title:
        parts.append(escape(ref.raw, ascii_commands=True))
    if iso_date(ref.access_date):
        parts.append(f"Accessed {ref.access_date}")
    return _joined(
        *parts,
        _loose_numbers(ref, kind, biblatex=False),
        _identifier_text(ref, written),
        _archive_text(where.archive),
    )


def _archive_text(archive: ArchivedCopy | None) -> str | None:
    if archive is None:
        return None
    when = f" on {iso_date(archive.date)}" if iso_date(archive.date) else ""
    return f"Archived from the original{when}: \\url{{{_url_in_text(archive.url)}}}"


def _url_in_text(url: str) -> str:
    """A URL as the argument of ``\\url`` inside another field, where ``%`` and ``#`` must be escaped.

    The field reaches LaTeX already tokenised, so url.sty cannot read it
    verbatim; hyperref's ``\\url`` turns ``\\%`` back into ``%`` (plain url.sty
    prints the backslash), which is why archived copies read best with hyperref.
    """
    return verbatim(url).replace("%", "\\%").replace("#", "\\#")


def _names(names: Sequence[Name], *, ascii_commands: bool = False, truncated: bool = False) -> str:
    """A name list: ``Family, Given and {{Organisation}}``; ``and others`` ends a list cut short (et al.)."""
    rendered = [name for name in (_name(name, ascii_commands) for name in names) if name.strip("{} ")]
    if truncated and rendered:
        rendered.append("others")
    return " and ".join(rendered)


def _name(name: Name, ascii_commands: bool) -> str:
    """One name of a list, in the form that keeps family and given apart for every reader.

    biber counts commas at every brace depth and skips a name with more than
    two ("too many commas") unless the whole name is braced. So a name whose
    parts hold one comma is ``Family, {Gi,ven}``; two, the comma-free order
    ``{Given} {Family}``, where braced words can be neither "von" nor split;
    more than two, the whole name braced, which biber reads as one family
    name: the only form it accepts.
    """
    if name.literal is not None:
        return "{" + escape_organisation(name.literal, ascii_commands=ascii_commands) + "}"
    family = _name_part(name.family or "", ascii_commands)
    given = _name_part(name.given or "", ascii_commands)
    if not (family and given):
        # Alone, "Da Silva" would read as first name "Da"; braced it stays one name.
        alone = family or given
        return "{" + alone + "}" if " " in alone else alone
    commas = (family + given).count(",")
    if commas <= 1:
        return f"{family}, {given}"
    if commas == 2:
        return "{" + given + "} {" + family + "}"
    return "{" + escape(name.display(), ascii_commands=ascii_commands) + "}"


def _name_part(part: str, ascii_commands: bool) -> str:
    """Brace a part whose comma or " and " would otherwise split the name list."""
    text = escape(part, ascii_commands=ascii_commands)
    if "," in text or _BARE_AND.search(text):
        return "{" + text + "}"
    return text
