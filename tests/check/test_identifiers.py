"""Identifier checks agree with Module:Citation/CS1/Identifiers on every vector.

Each vector states what the CS1 module does with the value (the rule it
applies is named in the id): ``None`` means CS1 accepts it, a word means CS1
emits its error and we must name the same fault.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spector_refs.check.identifiers import PMC_LIMIT, PMID_LIMIT, identifier_fault

VECTORS = [
    # ISBN: characters, length, X only last, ISBN-10 weights 10..1 mod 11, 630/631 ASINs,
    # ISBN-13 all digits, 978/979 prefix, 979-0 reserved to ISMN, weights 1/3 mod 10
    ("isbn", "978-0-306-40615-7", None, "isbn13-valid"),
    ("isbn", "9780306406157", None, "isbn13-no-hyphens"),
    ("isbn", "978 0 306 40615 7", None, "isbn13-spaces"),
    ("isbn", "0-306-40615-2", None, "isbn10-valid"),
    ("isbn", "0-8044-2957-X", None, "isbn10-x-check-digit"),
    ("isbn", "979-10-90636-07-1", None, "isbn13-979-valid"),
    ("isbn", "978-0-306-40615-6", "checksum", "isbn13-checksum"),
    ("isbn", "0-306-40615-3", "checksum", "isbn10-checksum"),
    ("isbn", "0-8044-2957-x", "character", "isbn-lowercase-x"),
    ("isbn", "978-0-306-4061", "length", "isbn-length-12"),
    ("isbn", "0-306-4X615-2", "last", "isbn10-x-not-last"),
    ("isbn", "977-0-306-40615-8", "prefix", "isbn13-prefix"),
    ("isbn", "979-0-060-11561-5", "ISMN", "isbn13-ismn-group"),
    ("isbn", "6301234561", "ASIN", "isbn10-asin-630"),
    ("isbn", "ISBN 0-306-40615-2", "character", "isbn-label-left-in"),
    # ISSN: 8 characters, X only last, weights 8..1 mod 11
    ("issn", "0378-5955", None, "issn-valid"),
    ("issn", "1050-124X", None, "issn-x-check-digit"),
    ("issn", "03785955", None, "issn-no-hyphen"),
    ("issn", "0378-5954", "checksum", "issn-checksum"),
    ("issn", "0378-595", "8 digits", "issn-length"),
    ("eissn", "1050-12X4", "8 digits", "eissn-x-not-last"),
    # DOI: 10.<registrant>/<suffix>; registrant ranges; no space, en dash, final . or ,
    ("doi", "10.1038/nature12373", None, "doi-valid"),
    ("doi", "10.1000/182", None, "doi-registrant-1000"),
    ("doi", "10.12345/abc", None, "doi-five-digit-registrant"),
    ("doi", "10.1234.5/abc", None, "doi-subcode"),
    ("doi", "10.123.4/abc", None, "doi-short-registrant-with-subcode"),
    ("doi", "10.20000.1/abc", None, "doi-five-digit-with-subcode"),
    ("doi", "11.1038/nature12373", "directory", "doi-directory"),
    ("doi", "10.1038/nature12373.", "malformed", "doi-final-period"),
    ("doi", "10.1038/nature12373,", "malformed", "doi-final-comma"),
    ("doi", "10.1038/nature 12373", "malformed", "doi-space"),
    ("doi", "10.1038/nature–12373", "malformed", "doi-en-dash"),
    ("doi", "10.1038", "malformed", "doi-no-suffix"),
    ("doi", "10.123/abc", "registrant", "doi-three-digit-registrant"),
    ("doi", "10.0123/abc", "registrant", "doi-leading-zero"),
    ("doi", "10.60000/abc", "registrant", "doi-five-digit-above-59999"),
    ("doi", "10.40000.1/abc", "registrant", "doi-five-digit-subcode-above-39999"),
    ("doi", "10.123456/abc", "registrant", "doi-six-digits"),
    ("doi", "10.5555/12345678", "registrant", "doi-test-registrant"),
    ("doi", "10.12a4/abc", "registrant", "doi-letter-in-registrant"),
    # PMID and PMC: numbers from 1 to a limit (PMC may carry its prefix)
    ("pmid", "12345678", None, "pmid-valid"),
    ("pmid", "0", "between", "pmid-zero"),
    ("pmid", str(PMID_LIMIT + 1), "between", "pmid-above-limit"),
    ("pmid", "PMID 123", "number", "pmid-not-digits"),
    ("pmc", "3159421", None, "pmc-valid"),
    ("pmc", "PMC3159421", None, "pmc-prefix-accepted"),
    ("pmc", str(PMC_LIMIT + 1), "between", "pmc-above-limit"),
    ("pmc", "31a", "number", "pmc-not-digits"),
    # OCLC: up to 10 digits, or ocm+8, ocn+9, on+10 or more, (OCoLC)+1..9 digits without a leading zero
    ("oclc", "12345678", None, "oclc-digits"),
    ("oclc", "ocm12345678", None, "oclc-ocm"),
    ("oclc", "ocn123456789", None, "oclc-ocn"),
    ("oclc", "on1234567890", None, "oclc-on"),
    ("oclc", "(OCoLC)123456", None, "oclc-035-field"),
    ("oclc", "(OCoLC)0123", "OCLC", "oclc-035-leading-zero"),
    ("oclc", "12345678901", "OCLC", "oclc-eleven-digits"),
    ("oclc", "ocm1234567", "OCLC", "oclc-ocm-seven-digits"),
    # arXiv: archive/YYMMNNN for 9107-0703, YYMM.NNNN for 0704-1412, YYMM.NNNNN from 1501
    ("arxiv", "hep-th/9901001", None, "arxiv-old"),
    ("arxiv", "math.GT/0309136", None, "arxiv-old-with-class"),
    ("arxiv", "hep-th/9901001v2", None, "arxiv-old-version"),
    ("arxiv", "hep-th/9106001", "9107", "arxiv-old-before-9107"),
    ("arxiv", "hep-th/0704001", "9107", "arxiv-old-after-0703"),
    ("arxiv", "0704.0001", None, "arxiv-0704"),
    ("arxiv", "1412.1234v3", None, "arxiv-1412-version"),
    ("arxiv", "0703.0001", "0704", "arxiv-four-digit-before-0704"),
    ("arxiv", "1501.1234", "0704", "arxiv-four-digit-after-1412"),
    ("arxiv", "1501.00001", None, "arxiv-five-digit"),
    ("arxiv", "2310.01234v1", None, "arxiv-five-digit-version"),
    ("arxiv", "1412.12345", "1501", "arxiv-five-digit-before-1501"),
    ("arxiv", "1513.00001", "1501", "arxiv-month-13"),
    ("arxiv", "arXiv:1501.00001", None, "arxiv-prefix"),
    ("arxiv", "1501.001", "not an arXiv", "arxiv-short"),
]


@pytest.mark.parametrize(("kind", "value", "fault"), [pytest.param(*v[:3], id=v[3]) for v in VECTORS])
def test_cs1_vectors(kind, value, fault):
    found = identifier_fault(kind, value)
    if fault is None:
        assert found is None
    else:
        assert found is not None and fault.lower() in found.lower(), found


def test_identifiers_cs1_does_not_check_are_left_alone():
    assert identifier_fault("jstor", "anything at all") is None


def _isbn10_check(stem: str) -> str:
    """CS1's rule written the other way round: the character that makes weights 10..1 sum to 0 mod 11."""
    remainder = (11 - sum((10 - i) * int(d) for i, d in enumerate(stem)) % 11) % 11
    return "X" if remainder == 10 else str(remainder)


def _issn_check(stem: str) -> str:
    remainder = (11 - sum((8 - i) * int(d) for i, d in enumerate(stem)) % 11) % 11
    return "X" if remainder == 10 else str(remainder)


def _isbn13_check(stem: str) -> str:
    return str((10 - sum((3 if i % 2 else 1) * int(d) for i, d in enumerate(stem)) % 10) % 10)


_DIGITS = st.text(alphabet="0123456789", min_size=1, max_size=1)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=9, max_size=9), st.sampled_from("0123456789X"))
def test_isbn10_accepts_exactly_the_check_character_cs1_computes(stem, check):
    """Every stem has one valid check character, and a typo in it is caught (ASINs aside)."""
    if stem.startswith(("630", "631")):
        return
    fault = identifier_fault("isbn", stem + check)
    assert (fault is None) == (check == _isbn10_check(stem)), (stem, check, fault)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(["978", "979"]), st.text(alphabet="0123456789", min_size=9, max_size=9), _DIGITS)
def test_isbn13_accepts_exactly_the_check_digit_cs1_computes(prefix, body, check):
    stem = prefix + body
    if stem.startswith("9790"):
        assert identifier_fault("isbn", stem + check) is not None  # ISMN block, whatever the checksum
        return
    fault = identifier_fault("isbn", stem + check)
    assert (fault is None) == (check == _isbn13_check(stem)), (stem, check, fault)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="0123456789", min_size=7, max_size=7), st.sampled_from("0123456789X"))
def test_issn_accepts_exactly_the_check_character_cs1_computes(stem, check):
    fault = identifier_fault("issn", f"{stem[:4]}-{stem[4:]}{check}")
    assert (fault is None) == (check == _issn_check(stem)), (stem, check, fault)
