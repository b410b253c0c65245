"""RIS output: the tagged format EndNote, Zotero, Mendeley and RefWorks import.

Each line is ``TAG  - value``; a record starts with ``TY`` and ends with
``ER  - ``. Newlines inside a value are collapsed, so no value can end its
record or start a tag. Dates use RIS's ``YYYY/MM/DD/`` form. An archived
copy goes into ``N1`` (notes) as one readable sentence;
``L2`` would claim it is a full-text link, which an archive snapshot only
sometimes is. A chapter given at a conference is a ``CONF`` record with
the conference in ``T2``, the proceedings in ``C3`` and the place in ``C1``,
as Zotero's RIS map reads them. RIS has no tag for revisers, nor for the
conference of a whole proceedings volume; those are not written.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping, Sequence

from spector_refs.export import kinds
from spector_refs.export.archive import Location, locate
from spector_refs.export.fields import iso_date
from spector_refs.export.identifiers import identifier_note
from spector_refs.export.latex import clean
from spector_refs.model import LinkResult, Name, Reference

RIS_TYPES = {
    kinds.WEB: "ELEC",
    kinds.NEWSPAPER: "NEWS",
    kinds.MAGAZINE: "MGZN",
    kinds.PRESS_RELEASE: "RPRT",
    kinds.REPORT: "RPRT",
    kinds.BOOK: "BOOK",
    kinds.CHAPTER: "CHAP",
    kinds.ENTRY: "ENCYC",
    kinds.JOURNAL: "JOUR",
    kinds.OTHER: "GEN",
}


def to_ris(references: Sequence[Reference], *, links: Mapping[str, LinkResult] | None = None) -> str:
    """The references as RIS records, separated by a blank line."""
    records = [_record(ris_tags(ref, locate(ref, links))) for ref in references]
    return "\n".join(records)


def _record(tags: Iterator[tuple[str, str]]) -> str:
    return "".join(f"{tag}  - {value}\n" for tag, value in tags)


def ris_tags(ref: Reference, where: Location) -> Iterator[tuple[str, str]]:
    """The (tag, value) pairs of one record, ``TY`` first and ``ER`` last.

    ``SN`` holds the ISSN, else the ISBN; any identifier without a tag goes
    into a note.
    """
    serial = "issn" if ref.issn else "isbn"
    kind = kinds.source_kind(ref)
    paper = kind == kinds.CHAPTER and bool(ref.conference)
    issuer = kind in (kinds.PRESS_RELEASE, kinds.REPORT)
    yield "TY", "CONF" if paper else RIS_TYPES[kind]
    title, container = (ref.cited_title, ref.container) if kind in kinds.PARTS else (ref.title, ref.work)
    candidates: list[tuple[str, str | None]] = [("TI", title)]
    candidates += [("AU", _name(name)) for name in ref.authors]
    candidates += [("A2", _name(name)) for name in ref.editors]
    candidates += [("A4", _name(name)) for name in ref.translators]
    candidates += [
        (
            "T2",
            ref.conference
            if paper
            else container
            if kind not in (kinds.PRESS_RELEASE, kinds.REPORT)
            else None,
        ),
        ("C3", container if paper else None),
        ("PB", ref.publisher or (ref.work if issuer else None)),
        ("M3", "Press release" if kind == kinds.PRESS_RELEASE else None),
        ("C1" if paper else "CY", ref.place),
        ("T3", ref.series),
        ("ET", ref.edition),
        ("VL", ref.volume),
        ("IS", ref.issue),
        ("SP", ref.pages),
        ("SN", ref.identifiers.get(serial)),
        ("DO", ref.doi),
        ("UR", where.url),
        ("PY", (iso_date(ref.date) or "")[:4]),
        ("DA", _ris_date(ref.date)),
        ("Y2", _ris_date(ref.access_date)),
        ("LA", ref.language),
        ("N1", ref.others),
        ("N1", identifier_note(ref, {serial, "doi"})),
        ("N1", where.archive.sentence() if where.archive else None),
        ("N1", ref.raw if kind == kinds.OTHER and not ref.title else None),
    ]
    for tag, value in candidates:
        text = clean(value or "")
        if text:
            yield tag, text
    yield "ER", ""


def _name(name: Name) -> str:
    if name.literal is not None:
        return name.literal
    return ", ".join(part for part in (name.family, name.given) if part)


def _ris_date(value: str | None) -> str | None:
    """``2023-05-02`` as ``2023/05/02/``, ``2023-05`` as ``2023/05//``."""
    iso = iso_date(value)
    if not iso:
        return None
    parts = [*iso.split("-"), "", ""]
    return "/".join(parts[:3]) + "/"
