"""Same article, same answer: Operation SpecTor as plain text, HTML and wikitext.

The plain text is the bundled seed; the HTML and wikitext renderings of the
same article are in tests/fixtures/trio. Every later stage works on any
input only if the three parsers agree on the references and the claims.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from spector_refs.model import Article
from spector_refs.parse import parse
from spector_refs.parse.html import parse_html
from spector_refs.parse.text import parse_text
from spector_refs.parse.wikitext import parse_wikitext

TRIO = Path(__file__).parent.parent / "fixtures" / "trio"
SEED = Path(__file__).parent.parent.parent / "spector_refs" / "data" / "operation_spector.txt"
REFERENCE_FIELDS = ("number", "group", "cite_count", "authors", "title", "work", "date", "access_date")


@pytest.fixture(scope="module")
def trio() -> dict[str, Article]:
    return {
        "text": parse_text(SEED.read_text(encoding="utf-8")),
        "html": parse_html((TRIO / "operation_spector.html").read_text(encoding="utf-8")),
        "wikitext": parse_wikitext((TRIO / "operation_spector.wiki").read_text(encoding="utf-8")),
    }


def _references(article: Article) -> list[tuple]:
    return [tuple(getattr(ref, name) for name in REFERENCE_FIELDS) for ref in article.references]


def _prose_claims(article: Article) -> list[tuple]:
    return [
        (claim.text, claim.refs, claim.tags, claim.section)
        for claim in article.claims
        if claim.block != "infobox"
    ]


def test_format_is_detected_from_content() -> None:
    assert parse((TRIO / "operation_spector.wiki").read_text(encoding="utf-8")).source_format == "wikitext"
    assert parse(TRIO / "operation_spector.wiki").source_format == "wikitext"


def test_same_title_and_no_problems(trio: dict[str, Article]) -> None:
    assert {article.title for article in trio.values()} == {"Operation SpecTor"}
    assert {name: article.problems for name, article in trio.items()} == {name: () for name in trio}


@pytest.mark.parametrize("other", ["html", "wikitext"])
def test_same_references_as_plain_text(trio: dict[str, Article], other: str) -> None:
    assert _references(trio[other]) == _references(trio["text"])


def test_reference_facts_from_the_seed(trio: dict[str, Article]) -> None:
    for article in trio.values():
        assert [ref.cite_count for ref in article.references] == [1, 1, 1, 2, 1, 5, 1, 2, 3, 1, 1, 1, 1]
        assert {ref.access_date for ref in article.references} == {"2024-01-31"}
        assert article.reference(9).issn == "1059-1028"
        assert article.reference(5).authors[0].literal == "Local 3 News"


def test_html_and_wikitext_agree_on_urls(trio: dict[str, Article]) -> None:
    html_urls = [ref.url for ref in trio["html"].references]
    assert [ref.url for ref in trio["wikitext"].references] == html_urls
    assert all(url and url.startswith("https://") for url in html_urls)


@pytest.mark.parametrize("other", ["html", "wikitext"])
def test_same_claims_as_plain_text(trio: dict[str, Article], other: str) -> None:
    assert _prose_claims(trio[other]) == _prose_claims(trio["text"])


def test_exactly_one_claim_needs_a_citation(trio: dict[str, Article]) -> None:
    for article in trio.values():
        tagged = [claim.text for claim in article.claims if claim.tags == ("citation needed",)]
        assert tagged == [
            "2021 Monopoly Market is shut down under the SpecTor operation, by German law enforcement"
        ]


def test_infobox_values_agree(trio: dict[str, Article]) -> None:
    """Wikitext infobox parameters hold values only; the renderings add the template's labels."""
    values = [claim.text for claim in trio["wikitext"].claims if claim.block == "infobox"]
    assert values == [
        "Darknet market",
        "English",
        "Milomir Desnica",
        "Drug Trade",
        "~€1.23 billion",
        "Yes",
        "None",
        "2019",
        "Shut down",
    ]
    for rendering in ("text", "html"):
        rows = [claim.text for claim in trio[rendering].claims if claim.block == "infobox"]
        assert all(any(row.endswith(value) for row in rows) for value in values), rendering
