"""Identifiers checked offline, by the rules Wikipedia's CS1 module applies to them.

A mistyped ISBN or DOI sends a reader to the wrong book or to nothing, and
CS1 flags it only on the rendered page. The same rules are applied here
(read from Module:Citation/CS1/Identifiers, not copied): ISBN-10 and ISSN
check digits (weights 10…1 and 8…1, modulo 11, ``X`` for 10), ISBN-13 check
digits (weights 1 and 3, modulo 10) with the 978/979 prefix and the 979-0
block reserved to ISMN, ISBN-10s beginning 630/631 (Amazon ASINs), DOIs of the
form ``10.<registrant>/<suffix>`` with a registrant code in a range CS1
accepts and no space, en dash or trailing period or comma, PMIDs and PMCs as
numbers from 1 to a limit that grows as PubMed does, OCLC numbers with or
without their ``ocm``/``ocn``/``on``/``(OCoLC)`` prefixes, and arXiv
identifiers in their three eras (``hep-th/9901001``, ``0704.0001``,
``1501.00001``).
"""

from __future__ import annotations

import re
from collections.abc import Callable

PMID_LIMIT = 42_000_000
"""Highest PMID accepted; like CS1's ``id_limit``, raised as PubMed grows (41.9 million by late 2025)."""
PMC_LIMIT = 13_000_000
"""Highest PMC number accepted (PMC passed 12 million in 2025)."""

_DOI = re.compile(r"^10\.([^/]+)/[^\s–]*[^\s–.,]$")
_BAD_REGISTRANTS = (
    re.compile(r"^[^1-3]\d{4}\.\d+$"),  # five digits with a subcode: 10000–39999 only
    re.compile(r"^[^1-5]\d{4}$"),  # five digits: 10000–59999 only
    re.compile(r"^[^1-9]\d{3}(?:\.\d+)?$"),  # four digits: 1000–9999 only
    re.compile(r"^\d{6,}"),  # six or more digits
    re.compile(r"^\d{1,3}$"),  # fewer than four digits without a subcode
    re.compile(r"^5555$"),  # the test registrant, which never resolves
    re.compile(r"[^\d.]"),  # anything but digits and dots
)
_ARXIV_OLD = re.compile(r"^[a-zA-Z][a-zA-Z.-]+/([90]\d)([01]\d)\d{3}(?:v\d+)?$")
_ARXIV_0704 = re.compile(r"^(\d\d)([01]\d)\.\d{4}(?:v\d+)?$")
_ARXIV_1501 = re.compile(r"^(\d\d)([01]\d)\.\d{5}(?:v\d+)?$")
_OCLC = re.compile(r"^(?:ocm\d{8}|ocn\d{9}|on\d{10,}|\(OCoLC\)[1-9]\d{0,8}|\d{1,10})$")


def isbn_fault(value: str) -> str | None:
    """What is wrong with an ISBN (character, length, form, prefix, group, checksum); None if valid."""
    if re.search(r"[^\s0-9X-]", value):
        return "invalid character (only digits, hyphens, spaces and a final X)"
    digits = re.sub(r"[\s-]", "", value)
    if len(digits) not in (10, 13):
        return f"wrong length ({len(digits)} digits; an ISBN has 10 or 13)"
    if len(digits) == 10:
        if not re.fullmatch(r"\d{9}[\dX]", digits):
            return "X is allowed only as the last character"
        if not _isxn_valid(digits):
            return "checksum: the check digit does not match"
        if digits.startswith(("630", "631")):
            return "group 630/631 is an Amazon ASIN, not an ISBN"
        return None
    if "X" in digits:
        return "invalid character (an ISBN-13 is all digits)"
    if not digits.startswith(("978", "979")):
        return "prefix: an ISBN-13 begins with 978 or 979"
    if digits.startswith("9790"):
        return "group 979-0 is reserved to ISMN (music), not ISBN"
    return None if _isxn13_valid(digits) else "checksum: the check digit does not match"


def issn_fault(value: str) -> str | None:
    """What is wrong with an ISSN (length, form or check digit); None if valid."""
    digits = re.sub(r"[\s-]", "", value)
    if len(digits) != 8 or not re.fullmatch(r"\d{7}[\dX]", digits):
        return "an ISSN is 8 digits (the last may be X), written NNNN-NNNN"
    return None if _isxn_valid(digits) else "checksum: the check digit does not match"


def doi_fault(value: str) -> str | None:
    """What is wrong with a DOI's syntax (directory, registrant, spaces, final punctuation); None if valid."""
    match = _DOI.match(value)
    if not match:
        if not value.startswith("10."):
            return "a DOI begins with the directory code 10."
        return "malformed: a DOI is 10.<registrant>/<suffix>, no spaces, en dashes or final period or comma"
    registrant = match.group(1)
    if any(pattern.search(registrant) for pattern in _BAD_REGISTRANTS):
        return f"registrant code {registrant!r} is not one a DOI can have"
    return None


def pmid_fault(value: str) -> str | None:
    """A PMID is a number from 1 to :data:`PMID_LIMIT`."""
    return _number_fault(value, PMID_LIMIT, "PMID")


def pmc_fault(value: str) -> str | None:
    """A PMC is a number from 1 to :data:`PMC_LIMIT`, with or without its "PMC" prefix."""
    return _number_fault(re.sub(r"^pmc", "", value, flags=re.I), PMC_LIMIT, "PMC")


def oclc_fault(value: str) -> str | None:
    """An OCLC number: up to ten digits, or the ocm/ocn/on/(OCoLC) forms of a catalogue record."""
    return None if _OCLC.match(value) else "an OCLC number is up to 10 digits (or ocm…, ocn…, on…, (OCoLC)…)"


def arxiv_fault(value: str) -> str | None:
    """An arXiv identifier of one of its three eras, with a month and year that era used."""
    value = re.sub(r"^arxiv:", "", value, flags=re.I)
    if match := _ARXIV_OLD.match(value):
        year, month = int(match.group(1)), int(match.group(2))
        valid = (year > 90 or year < 8) and 1 <= month <= 12
        valid = valid and not (year == 91 and month < 7) and not (year == 7 and month > 3)
        return None if valid else "date code outside 9107–0703 for an archive/number identifier"
    if match := _ARXIV_0704.match(value):
        year, month = int(match.group(1)), int(match.group(2))
        valid = 7 <= year <= 14 and 1 <= month <= 12 and not (year == 7 and month < 4)
        return None if valid else "date code outside 0704–1412 for a four-digit number"
    if match := _ARXIV_1501.match(value):
        year, month = int(match.group(1)), int(match.group(2))
        return None if year >= 15 and 1 <= month <= 12 else "date code before 1501 for a five-digit number"
    return "not an arXiv identifier (archive/YYMMNNN, YYMM.NNNN or YYMM.NNNNN, optionally vN)"


CHECKS: dict[str, Callable[[str], str | None]] = {
    "isbn": isbn_fault,
    "issn": issn_fault,
    "eissn": issn_fault,
    "doi": doi_fault,
    "pmid": pmid_fault,
    "pmc": pmc_fault,
    "oclc": oclc_fault,
    "arxiv": arxiv_fault,
}
"""Every identifier checked offline, by its CS1 parameter name."""


def identifier_fault(kind: str, value: str) -> str | None:
    """The fault of one identifier of a citation, or None when it is valid or not checked."""
    check = CHECKS.get(kind.lower())
    return check(value.strip()) if check else None


def _number_fault(value: str, limit: int, label: str) -> str | None:
    if not re.fullmatch(r"\d+", value):
        return f"a {label} is a number (digits only)"
    if not 1 <= int(value) <= limit:
        return f"a {label} is between 1 and {limit:,}"
    return None


def _isxn_valid(digits: str) -> bool:
    """ISBN-10 and ISSN: weights length…1, X is 10, the sum is divisible by 11."""
    weights = range(len(digits), 0, -1)
    return sum(w * (10 if d == "X" else int(d)) for w, d in zip(weights, digits, strict=True)) % 11 == 0


def _isxn13_valid(digits: str) -> bool:
    """ISBN-13: weights 1, 3, 1, 3…, the sum is divisible by 10."""
    return sum((3 if i % 2 else 1) * int(d) for i, d in enumerate(digits)) % 10 == 0
