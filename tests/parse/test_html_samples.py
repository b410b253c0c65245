"""The HTML parser on real Wikipedia renderings and on the Operation SpecTor trio page."""

from __future__ import annotations

from collections import Counter
from pathlib import Path

import pytest

from spector_refs.model import Article, Name
from spector_refs.parse import parse
from spector_refs.parse.html import parse_html
from spector_refs.parse.text import parse_text

FIXTURES = Path(__file__).parent.parent / "fixtures"
DOG = FIXTURES / "html" / "html_en_Dog_parsoid2018_mobileapps.html"
THIRD_PLACE = FIXTURES / "html" / "html_en_third_place_diff_wikiedu.html"
TRIO = FIXTURES / "trio" / "operation_spector.html"
SEED = Path(__file__).parent.parent.parent / "spector_refs" / "data" / "operation_spector.txt"


@pytest.fixture(scope="module")
def dog() -> Article:
    return parse_html(DOG.read_text(encoding="utf-8"), path=str(DOG))


@pytest.fixture(scope="module")
def trio() -> Article:
    return parse(TRIO)


def _main(article: Article) -> list:
    return [ref for ref in article.references if ref.group is None]


# --- Dog (Parsoid, 2018) -----------------------------------------------------


def test_dog_is_parsoid_with_all_its_references(dog: Article) -> None:
    assert dog.source_format == "parsoid-html"
    assert dog.title == "Dog"
    assert Counter(ref.group for ref in dog.references) == {None: 236, "note": 1, "sources": 1}
    assert [ref.number for ref in _main(dog)] == list(range(1, 237))
    assert dog.problems == ()


def test_dog_book_chapter_from_coins(dog: Article) -> None:
    ref = dog.reference(1)
    assert ref.name == "wozencraft2005"
    assert ref.cite_count == 3
    assert ref.kind == "book"
    assert ref.authors == (Name(family="Wozencraft", given="W.C."),)
    assert ref.chapter == "Order Carnivora"
    assert ref.title == "Mammal Species of the World: A Taxonomic and Geographic Reference"
    assert ref.publisher == "Johns Hopkins University Press"
    assert ref.edition == "3rd"
    assert ref.pages == "575–577"
    assert ref.date == "2005"
    assert ref.identifiers == {"isbn": "978-0-8018-8221-0", "oclc": "62265494"}
    assert ref.url == "http://www.departments.bucknell.edu/biology/resources/msw3/browse.asp?id=14000751"


def test_dog_access_date_and_language_from_rendering(dog: Article) -> None:
    ref = dog.reference(2)
    assert ref.authors == (Name(family="Linnæus", given="Carl"),)
    assert ref.access_date == "2017-02-11"
    assert ref.language == "Latin"
    assert ref.place == "Holmiæ (Stockholm)"
    assert ref.url == "https://www.biodiversitylibrary.org/item/80764#page/48/mode/1up"


def test_dog_journal_from_data_mw_template(dog: Article) -> None:
    ref = dog.reference(6)
    assert ref.kind == "journal"
    assert [a.family for a in ref.authors] == ["Young", "Olson", "Reading", "Amgalanbaatar", "Berger"]
    assert ref.title.startswith("Is Wildlife Going to the Dogs?")
    assert ref.work == "BioScience"
    assert (ref.volume, ref.issue, ref.pages) == ("61", "2", "125–132")
    assert ref.date == "2011-02-01"
    assert ref.identifiers == {"doi": "10.1525/bio.2011.61.2.7", "issn": "0006-3568"}
    assert ref.url == "https://academic.oup.com/bioscience/article/61/2/125/242696"


def test_dog_reused_references_count_their_backlinks(dog: Article) -> None:
    assert dog.reference(16).cite_count == 12
    assert dog.reference(226).cite_count == 8
    assert dog.reference(13).cite_count == 6
    markers = Counter(number for claim in dog.claims for number in claim.refs)
    assert markers[13] == 6


def test_dog_inline_tags_in_text(dog: Article) -> None:
    tagged = {tag: claim for claim in dog.claims for tag in claim.tags}
    assert set(tagged) == {"citation needed", "better source needed", "failed verification"}
    assert tagged["citation needed"].section == "Etymology"
    assert tagged["citation needed"].text.startswith('Since the word "bitch"')
    assert tagged["better source needed"].refs == (136,)
    assert tagged["failed verification"].refs == (203,)


def test_dog_tags_inside_references(dog: Article) -> None:
    mech = dog.reference(66)
    assert mech.maintenance == ()
    assert mech.tags == ("dead link",)
    assert mech.url_status == "dead"
    assert mech.identifiers == {"doi": "10.2307/3503924", "jstor": "3503924"}
    assert dog.reference(30).tags == ("page needed",)


def test_dog_notes_and_page_numbers(dog: Article) -> None:
    note = dog.reference(1, group="note")
    assert note.raw.startswith("The addition of [domestic dog]")
    noted = [claim for claim in dog.claims if claim.notes]
    assert [claim.notes for claim in noted] == [("a",)]
    assert noted[0].section == "Taxonomy"
    assert not any(":35" in claim.text for claim in dog.claims)


def test_dog_short_footnote_without_target(dog: Article) -> None:
    ref = dog.reference(71)
    assert ref.kind == "footnote"
    assert ref.pages == "257"
    assert ref.authors[0].family == "Mech"
    assert ref.problems == ("short footnote links to #CITEREFMechBoitani2003, not on the page",)


def test_dog_claims_skip_non_prose(dog: Article) -> None:
    sections = {claim.section for claim in dog.claims}
    assert {"See also", "References", "Bibliography", "Further reading", "External links"}.isdisjoint(
        sections
    )
    assert sum(claim.block == "infobox" for claim in dog.claims) > 5
    assert all(claim.line for claim in dog.claims)


# --- Third place (legacy parser, recent) ---------------------------------------


def test_third_place_legacy_books() -> None:
    article = parse(THIRD_PLACE)
    assert article.source_format == "html"
    assert article.title == "html en third place diff wikiedu"
    assert len(article.references) == 2
    putnam, zukin = article.references
    assert putnam.kind == "book"
    assert putnam.authors == (Name(family="Putnam", given="Robert D."),)
    assert putnam.title == "Bowling Alone: The Collapse and Revival of American Community"
    assert putnam.publisher == "Simon & Schuster"
    assert putnam.place is None
    assert (putnam.date, zukin.date) == ("2000", "2010")
    assert zukin.publisher == "Oxford University Press"
    cited = [(claim.section, claim.refs) for claim in article.claims if claim.refs]
    assert cited == [("Criticism", (1,)), ("Criticism", (2,))]


# --- Operation SpecTor, hand-built legacy rendering ----------------------------


def test_trio_seed_facts(trio: Article) -> None:
    assert trio.source_format == "html"
    assert trio.title == "Operation SpecTor"
    assert trio.problems == ()
    assert [ref.number for ref in trio.references] == list(range(1, 14))
    assert [ref.cite_count for ref in trio.references] == [1, 1, 1, 2, 1, 5, 1, 2, 3, 1, 1, 1, 1]
    assert {ref.access_date for ref in trio.references} == {"2024-01-31"}
    assert all(ref.kind == "web" and ref.url.startswith("https://") for ref in trio.references)


def test_trio_seed_references(trio: Article) -> None:
    five, seven, nine = trio.reference(5), trio.reference(7), trio.reference(9)
    assert five.authors == (Name(literal="Local 3 News"),)
    assert five.date == "2023-05-02"
    assert five.maintenance == ("CS1 maint: numeric names: authors list",)
    assert seven.authors == (Name(family="MrAdmin"),)
    assert seven.date == "2022-01-30"
    assert seven.title.endswith("– Darknet Pages")
    assert nine.authors == (Name(family="Greenberg", given="Andy"),)
    assert (nine.work, nine.issn, nine.date) == ("Wired", "1059-1028", None)
    assert {trio.reference(n).work for n in (6, 10, 11)} == {"www.justice.gov"}


def test_trio_markers_agree_with_cite_counts(trio: Article) -> None:
    markers = Counter(number for claim in trio.claims for number in claim.refs)
    assert [markers[ref.number] for ref in trio.references] == [ref.cite_count for ref in trio.references]
    tagged = [claim for claim in trio.claims if claim.tags]
    assert [(claim.text, claim.tags) for claim in tagged] == [
        (
            "2021 Monopoly Market is shut down under the SpecTor operation, by German law enforcement",
            ("citation needed",),
        )
    ]


def test_trio_matches_plain_text_rendering(trio: Article) -> None:
    """Same article as plain text: same references (where text can tell) and same claims.

    Infobox rows differ only by the space a browser copy loses between
    label and value ("Available inEnglish").
    """
    text = parse_text(SEED.read_text(encoding="utf-8"))
    shared = (
        "number",
        "cite_count",
        "authors",
        "title",
        "work",
        "date",
        "access_date",
        "identifiers",
        "maintenance",
    )
    for html_ref, text_ref in zip(trio.references, text.references, strict=True):
        for name in shared:
            assert getattr(html_ref, name) == getattr(text_ref, name), (html_ref.number, name)
    assert len(trio.claims) == len(text.claims)
    for html_claim, text_claim in zip(trio.claims, text.claims, strict=True):
        assert html_claim.text.replace(" ", "") == text_claim.text.replace(" ", "")
        assert html_claim.refs == text_claim.refs
        assert html_claim.tags == text_claim.tags
        assert (html_claim.section, html_claim.block) == (text_claim.section, text_claim.block)


def test_dog_hand_written_references(dog: Article) -> None:
    """Free-text references typed without a template: authors, titles and places where they belong."""
    wang = dog.reference(4)
    assert [name.family for name in wang.authors] == ["Wang", "Tedford"]
    assert wang.title == "Dogs: Their Fossil Relatives and Evolutionary History"
    assert (wang.place, wang.publisher, wang.date, wang.pages) == (
        "New York",
        "Columbia University Press",
        "2008",
        "1",
    )
    scientific_american = dog.reference(21)
    assert (
        scientific_american.title
        == "Why are different breeds of dogs all considered the same species? - Scientific American"
    )
    assert (scientific_american.archive_date, scientific_american.access_date) == ("2016-10-10", "2016-08-28")
    pettid = dog.reference(191)
    assert pettid.authors == (Name(family="Pettid", given="Michael J."),)
    assert pettid.title == "Korean Cuisine: An Illustrated History"
    assert (pettid.place, pettid.publisher, pettid.date, pettid.pages) == (
        "London",
        "Reaktion Books Ltd.",
        "2008",
        "25",
    )
    von_holdt = dog.reference(19)
    assert len(von_holdt.authors) == 12
    assert von_holdt.authors[0] == Name(family="von Holdt", given="Bridgett M.")
