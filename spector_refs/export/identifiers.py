"""Identifiers a format has no field for, written as one readable note.

Each format has dedicated fields for a few schemes (BibLaTeX ``isbn`` on
books, ``issn`` on articles, ``doi`` everywhere; CSL-JSON ``ISBN``, ``ISSN``,
``PMID``, ``PMCID``; RIS one ``SN``), and an entry may carry more (a PMC
id, an OCLC number, an ISBN on a map sheet exported as ``@misc``). Those go
into the entry's note as CS1 prints them ("PMID 12345. OCLC 678"), so no
identifier the article gives is lost in an export. An ISBN or ISSN whose
check digit is wrong is a note too, never a field: biber warns on it, and
a reader's lookup would fail.
"""

from __future__ import annotations

from collections.abc import Collection

from spector_refs.model import Reference

LABELS = {
    "isbn": "ISBN",
    "issn": "ISSN",
    "eissn": "eISSN",
    "doi": "doi",
    "oclc": "OCLC",
    "pmid": "PMID",
    "pmc": "PMC",
    "bibcode": "Bibcode",
    "arxiv": "arXiv",
    "jstor": "JSTOR",
    "lccn": "LCCN",
    "ol": "OL",
    "osti": "OSTI",
    "ssrn": "SSRN",
    "s2cid": "S2CID",
    "hdl": "hdl",
    "zbl": "Zbl",
    "mr": "MR",
    "asin": "ASIN",
    "biorxiv": "bioRxiv",
    "citeseerx": "CiteSeerX",
    "rfc": "RFC",
    "ismn": "ISMN",
    "sbn": "SBN",
    "medrxiv": "medRxiv",
}
"""How CS1 labels each identifier scheme when it renders a citation."""


def identifier_note(ref: Reference, written: Collection[str]) -> str | None:
    """The identifiers of ``ref`` not in ``written`` (schemes with a field), as "PMID 1. OCLC 2"."""
    parts = [
        f"{LABELS.get(scheme, scheme.upper())} {value}"
        for scheme, value in ref.identifiers.items()
        if value and scheme not in written
    ]
    return ". ".join(parts) or None


def has_valid_check_digit(scheme: str, value: str) -> bool:
    """Whether an ISBN (10 or 13) or ISSN passes its check digit; other schemes pass as given."""
    digits = value.replace("-", "").replace(" ", "").upper()
    if scheme == "isbn" and len(digits) == 13 and digits.isdigit():
        return sum(int(d) * (3 if i % 2 else 1) for i, d in enumerate(digits)) % 10 == 0
    if scheme in ("isbn", "issn") and len(digits) == (10 if scheme == "isbn" else 8):
        body, check = digits[:-1], digits[-1]
        if not body.isdigit() or not (check.isdigit() or check == "X"):
            return False
        weights = range(len(digits), 1, -1)
        total = sum(int(d) * w for d, w in zip(body, weights, strict=True))
        return (total + (10 if check == "X" else int(check))) % 11 == 0
    return scheme not in ("isbn", "issn")
