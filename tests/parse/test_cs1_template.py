"""CS1/CS2 template parameters → Reference fields, alias by alias."""

from __future__ import annotations

import pytest

from spector_refs.model import Name, Reference
from spector_refs.parse.core.cs1_template import (
    citation_kind,
    is_citation_template,
    reference_fields_from_template,
)


@pytest.mark.parametrize(
    ("name", "kind"),
    [
        pytest.param("cite web", "web", id="web"),
        pytest.param("Cite news", "news", id="capitalised"),
        pytest.param("  cite_book ", "book", id="underscore-and-spaces"),
        pytest.param("Template:Cite journal", "journal", id="namespace-prefix"),
        pytest.param("cite magazine", "magazine", id="magazine"),
        pytest.param("cite press release", "press release", id="press-release"),
        pytest.param("cite report", "report", id="report"),
        pytest.param("cite techreport", "report", id="techreport"),
        pytest.param("cite av media", "av media", id="av-media"),
        pytest.param("cite tweet", "tweet", id="tweet"),
        pytest.param("cite encyclopedia", "encyclopedia", id="encyclopedia"),
        pytest.param("infobox person", None, id="not-a-citation"),
    ],
)
def test_kind_from_template_name(name: str, kind: str | None) -> None:
    assert citation_kind(name) == kind


@pytest.mark.parametrize(
    ("params", "kind"),
    [
        pytest.param({"journal": "Nature"}, "journal", id="journal"),
        pytest.param({"newspaper": "The Times"}, "news", id="newspaper"),
        pytest.param({"website": "example.org"}, "web", id="website"),
        pytest.param({"isbn": "978-0-14-044913-6", "publisher": "Penguin"}, "book", id="book"),
    ],
)
def test_cs2_citation_kind_is_inferred_from_parameters(params: dict[str, str], kind: str) -> None:
    assert citation_kind("Citation", params) == kind


def test_is_citation_template() -> None:
    assert is_citation_template("Cite web")
    assert is_citation_template("citation")
    assert not is_citation_template("citation needed")
    assert not is_citation_template("reflist")


def test_web_citation_with_old_aliases() -> None:
    fields = reference_fields_from_template(
        "cite web",
        {
            "url": "http://www.magakernow.org.uk/pdf/placename_masterlist.pdf",
            "title": "List of Place-names agreed by the MAGA Signage Panel",
            "accessdate": "11 January 2015",
            "publisher": "Cornish Language Partnership",
            "date": "May 2014",
            "deadurl": "yes",
            "archiveurl": "https://web.archive.org/web/20140729194902/http://www.magakernow.org.uk/x.pdf",
            "archivedate": "29 July 2014",
            "df": "dmy-all",
        },
    )
    assert fields == {
        "kind": "web",
        "title": "List of Place-names agreed by the MAGA Signage Panel",
        "publisher": "Cornish Language Partnership",
        "date": "2014-05",
        "access_date": "2015-01-11",
        "archive_date": "2014-07-29",
        "url": "http://www.magakernow.org.uk/pdf/placename_masterlist.pdf",
        "archive_url": "https://web.archive.org/web/20140729194902/http://www.magakernow.org.uk/x.pdf",
        "url_status": "dead",
    }


@pytest.mark.parametrize(
    ("params", "status"),
    [
        pytest.param({"dead-url": "no"}, "live", id="dead-url-no"),
        pytest.param({"deadurl": "yes"}, "dead", id="deadurl-yes"),
        pytest.param({"url-status": "live"}, "live", id="url-status-live"),
        pytest.param({"url-status": "usurped"}, "usurped", id="url-status-usurped"),
        pytest.param({"URL_Status": " Dead "}, "dead", id="case-and-underscore"),
    ],
)
def test_url_status_aliases(params: dict[str, str], status: str) -> None:
    assert reference_fields_from_template("cite web", {"title": "T", **params})["url_status"] == status


@pytest.mark.parametrize(
    ("params", "authors"),
    [
        pytest.param(
            {"last1": "Smith", "first1": "John", "last2": "Doe", "first2": "Jane"},
            (Name("Smith", "John"), Name("Doe", "Jane")),
            id="numbered-last-first",
        ),
        pytest.param({"last": "Greenberg", "first": "Andy"}, (Name("Greenberg", "Andy"),), id="last-first"),
        pytest.param(
            {"author1-last": "Smith", "author1-first": "J.", "author2-last": "Roe", "author2-first": "R."},
            (Name("Smith", "J."), Name("Roe", "R.")),
            id="authorN-last",
        ),
        pytest.param({"surname": "Smith", "given": "Ann"}, (Name("Smith", "Ann"),), id="surname-given"),
        pytest.param({"author": "Rohan Goswami"}, (Name("Goswami", "Rohan"),), id="author-full-name"),
        pytest.param({"author": "Smith, John"}, (Name("Smith", "John"),), id="author-inverted"),
        pytest.param({"author": "BBC News"}, (Name(literal="BBC News"),), id="author-organisation"),
        pytest.param({"author": "MrAdmin"}, (Name("MrAdmin"),), id="author-single-word"),
        pytest.param(
            {"last": "staff", "first": "Local 3 News"}, (Name(literal="Local 3 News"),), id="staff-first-org"
        ),
        pytest.param(
            {"last": "Federal Bureau of Investigation"},
            (Name(literal="Federal Bureau of Investigation"),),
            id="last-only-organisation",
        ),
        pytest.param(
            {"vauthors": "Smith AB, Jones CD, et al."},
            (Name("Smith", "AB"), Name("Jones", "CD")),
            id="vauthors-et-al",
        ),
        pytest.param(
            {"authors": "Smith, John; Doe, Jane"}, (Name("Smith", "John"), Name("Doe", "Jane")), id="authors"
        ),
        pytest.param(
            {"last1": "Smith", "first1": "J", "last2": "et al."}, (Name("Smith", "J"),), id="last-et-al"
        ),
        pytest.param(
            {"last1": "Smith", "author-link1": "John Smith (writer)", "first1": "J"},
            (Name("Smith", "J"),),
            id="author-link-ignored",
        ),
        pytest.param(
            {"last": "[[Andy Greenberg|Greenberg]]", "first": "Andy"},
            (Name("Greenberg", "Andy"),),
            id="wikilink-in-name",
        ),
    ],
)
def test_author_spellings(params: dict[str, str], authors: tuple[Name, ...]) -> None:
    assert reference_fields_from_template("cite news", {"title": "T", **params})["authors"] == authors


def test_book_with_editors_chapter_and_identifiers() -> None:
    fields = reference_fields_from_template(
        "Cite book",
        {
            "last": "Payton",
            "first": "Philip",
            "editor1-last": "Kent",
            "editor1-first": "Alan",
            "editor2": "Tim Saunders",
            "chapter": "Cornish",
            "title": "Looking at the Mermaid",
            "trans-title": "A reader",
            "publisher": "Francis Boutle",
            "location": "London",
            "edition": "2nd",
            "year": "2000",
            "page": "12",
            "ISBN": "ISBN 978-0-9532388-9-1",
            "oclc": "45262549",
        },
    )
    assert fields["kind"] == "book"
    assert fields["authors"] == (Name("Payton", "Philip"),)
    assert fields["editors"] == (Name("Kent", "Alan"), Name("Saunders", "Tim"))
    assert (fields["chapter"], fields["title"], fields["trans_title"]) == (
        "Cornish",
        "Looking at the Mermaid",
        "A reader",
    )
    assert (fields["place"], fields["edition"], fields["date"], fields["pages"]) == (
        "London",
        "2nd",
        "2000",
        "12",
    )
    assert fields["identifiers"] == {"isbn": "978-0-9532388-9-1", "oclc": "45262549"}


def test_journal_fields_and_identifier_cleanup() -> None:
    fields = reference_fields_from_template(
        "cite journal",
        {
            "title": "''Canis'' genomics",
            "journal": "[[Nature (journal)|Nature]]",
            "volume": "438",
            "number": "7069",
            "pages": "803–819",
            "doi": "https://doi.org/10.1038/nature04338",
            "pmid": "16341006",
            "pmc": "PMC1234",
            "bibcode": "2005Natur.438..803L",
            "language": "en",
            "quote": "a &amp; b",
            "date": "8 December 2005",
        },
    )
    assert fields["title"] == "Canis genomics"
    assert fields["work"] == "Nature"
    assert (fields["volume"], fields["issue"], fields["pages"]) == ("438", "7069", "803–819")
    assert fields["identifiers"] == {
        "doi": "10.1038/nature04338",
        "pmid": "16341006",
        "pmc": "1234",
        "bibcode": "2005Natur.438..803L",
    }
    assert fields["quote"] == "a & b"
    assert fields["date"] == "2005-12-08"


@pytest.mark.parametrize(
    "work_key", ["website", "work", "newspaper", "magazine", "journal", "periodical", "encyclopedia"]
)
def test_every_work_alias(work_key: str) -> None:
    assert reference_fields_from_template("cite web", {"title": "T", work_key: "Wired"})["work"] == "Wired"


def test_cite_arxiv_names_its_repository_as_the_work() -> None:
    """As CS1's COinS does (``rft.jtitle=arXiv``) and so the HTML and text readers: one container."""
    fields = reference_fields_from_template("cite arXiv", {"title": "T", "eprint": "1708.04064"})
    assert (fields["work"], fields["kind"]) == ("arXiv", "arxiv")
    assert fields["identifiers"] == {"arxiv": "1708.04064"}


def test_parameters_are_case_and_space_insensitive() -> None:
    fields = reference_fields_from_template(
        "CITE WEB", {" Title ": "T", "ACCESS-DATE": "2024-01-31", "Archive_URL": "https://web.archive.org/x"}
    )
    assert fields["title"] == "T"
    assert fields["access_date"] == "2024-01-31"
    assert fields["archive_url"] == "https://web.archive.org/x"


def test_year_and_month_fallback() -> None:
    assert reference_fields_from_template("cite book", {"title": "T", "year": "1999"})["date"] == "1999"
    fields = reference_fields_from_template("cite book", {"title": "T", "year": "1999", "month": "May"})
    assert fields["date"] == "1999-05"


def test_unreadable_dates_are_problems_not_errors() -> None:
    fields = reference_fields_from_template(
        "cite web", {"title": "T", "date": "sometime soon", "access-date": "31/31/2024"}
    )
    assert "date" not in fields
    assert fields["problems"] == ("unreadable date: sometime soon", "unreadable access date: 31/31/2024")


def test_no_date_is_not_a_problem() -> None:
    fields = reference_fields_from_template("cite web", {"title": "T", "date": "n.d."})
    assert "date" not in fields
    assert "problems" not in fields


def test_missing_title_is_a_problem() -> None:
    assert reference_fields_from_template("cite web", {"url": "https://a.example"})["problems"] == (
        "citation has no title",
    )


def test_markup_in_values_is_reduced_to_reader_text() -> None:
    fields = reference_fields_from_template(
        "cite web",
        {"title": "Foo {{!}} Bar{{snd}}Baz <!-- hidden -->", "website": "{{lang|fr|Le Monde}}"},
    )
    assert fields["title"] == "Foo | Bar – Baz"
    assert fields["work"] == "Le Monde"


def test_fields_build_a_reference() -> None:
    fields = reference_fields_from_template(
        "cite web",
        {"title": "T", "url": "https://example.org", "access-date": "2024-01-31", "issn": "1059-1028"},
    )
    ref = Reference(number=1, **fields)
    assert ref.issn == "1059-1028"
    assert ref.url == "https://example.org"


def test_empty_and_positional_parameters_are_ignored() -> None:
    fields = reference_fields_from_template("cite web", {"1": "stray", "title": "T", "url": "  ", "work": ""})
    assert fields == {"kind": "web", "title": "T"}
