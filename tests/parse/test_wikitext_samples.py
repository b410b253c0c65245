"""The wikitext parser on two real English Wikipedia articles (see fixtures/wikitext/SOURCES.md)."""

from __future__ import annotations

from pathlib import Path

import pytest

from spector_refs.model import Article, Name
from spector_refs.parse.wikitext import looks_like_wikitext, parse_wikitext

SAMPLES = Path(__file__).parent.parent / "fixtures" / "wikitext"


@pytest.fixture(scope="module")
def bodmin() -> Article:
    return parse_wikitext((SAMPLES / "wikitext_en_Bodmin_wtf_wikipedia.txt").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def gilbert() -> Article:
    text = (SAMPLES / "wikitext_en_Elizabeth-Gilbert_wtf_wikipedia.txt").read_text(encoding="utf-8")
    return parse_wikitext(text, title="Elizabeth Gilbert")


def test_samples_look_like_wikitext() -> None:
    for sample in SAMPLES.glob("*.txt"):
        assert looks_like_wikitext(sample.read_text(encoding="utf-8")), sample.name


def test_bodmin_counts(bodmin: Article) -> None:
    assert bodmin.title == "Bodmin"
    assert bodmin.source_format == "wikitext"
    assert len(bodmin.references) == 47
    assert sum(ref.cite_count for ref in bodmin.references) == 49  # every <ref> tag is one use
    assert sum(ref.kind in ("web", "news") for ref in bodmin.references) == 25
    assert [ref.number for ref in bodmin.references] == list(range(1, 48))
    assert bodmin.problems == ()


def test_bodmin_first_reference_reads_every_alias(bodmin: Article) -> None:
    ref = bodmin.reference(1)
    assert ref is not None
    assert ref.kind == "web"
    assert ref.title == "List of Place-names agreed by the MAGA Signage Panel"
    assert ref.publisher == "Cornish Language Partnership"
    assert (ref.date, ref.access_date, ref.archive_date) == ("2014-05", "2015-01-11", "2014-07-29")
    assert ref.url == "http://www.magakernow.org.uk/pdf/placename_masterlist.pdf"
    assert ref.archive_url.startswith("https://web.archive.org/web/20140729194902/")
    assert ref.url_status == "dead"
    assert ref.line == 26


def test_bodmin_named_references_are_counted_once(bodmin: Article) -> None:
    history = bodmin.reference(10)
    pevsner = bodmin.reference(18)
    assert (history.name, history.cite_count, history.title) == ("HoB", 2, "History of Bodmin")
    assert (pevsner.name, pevsner.cite_count, pevsner.kind) == ("pevsner1970", 2, "book")  # typed, but a book


def test_bodmin_free_text_reference_keeps_its_isbn(bodmin: Article) -> None:
    ref = bodmin.reference(2)
    assert ref.kind == "text"
    assert ref.identifiers == {"isbn": "978-0-319-22938-5"}
    assert "Landranger" in ref.raw


def test_bodmin_free_text_references_have_titles(bodmin: Article) -> None:
    """Issue 10 bug 9: 17 of 47 had no title and kept their markup; free text is read as rendered CS1."""
    assert [ref.label for ref in bodmin.references if not ref.title] == []
    markup = ("[[", "]]", "''", "{{", "}}")
    assert not [ref.title for ref in bodmin.references if any(mark in (ref.title or "") for mark in markup)]
    doble, dyer = bodmin.reference(7), bodmin.reference(20)
    assert (doble.title, doble.authors, doble.date) == (
        "The Saints of Cornwall: part 4",
        (Name(family="Doble", given="G. H."),),
        "1965",
    )
    assert (dyer.title, dyer.isbn) == ("Tintagel: a portrait of a parish", "978-0-9550097-0-9")


def test_bodmin_hand_typed_shapes(bodmin: Article) -> None:
    """Issue 14: the free-text refs whose rendered shape is clear land each part in its field."""
    for number in (16, 18):  # "Pevsner, N. (1970) ''Cornwall''; second ed. Penguin Books"
        pevsner = bodmin.reference(number)
        assert (pevsner.title, pevsner.edition, pevsner.publisher, pevsner.date) == (
            "Cornwall",
            "second",
            "Penguin Books",
            "1970",
        )
    odnb = bodmin.reference(26)  # a single-quoted article; the link's label is only "accessed 1 Jan 2008"
    assert (odnb.title, odnb.access_date) == (
        "Gilbert, Sir Walter Raleigh, first baronet (1785–1853)",
        "2008-01-01",
    )
    assert [name.display() for name in odnb.revisers] == ["Roger T. Stearn"]  # "rev. Roger T. Stearn"
    assert odnb.work == "Oxford Dictionary of National Biography"
    assert odnb.publisher == "Oxford University Press"
    guardian = bodmin.reference(40)  # "Cornish Guardian: [url Title], accessdate: 23 June 2016"
    assert (guardian.authors, guardian.work, guardian.access_date) == ((), "Cornish Guardian", "2016-06-23")
    day = bodmin.reference(36)  # "(accessed 7 December 2010)" is an access date, not a publisher and date
    assert (day.access_date, day.date, day.publisher) == ("2010-12-07", None, None)
    assert ([name.family for name in day.authors], day.title) == (  # the author is not part of the title
        ["Day"],
        "National Service with the RAEC in Cornwall Part 1",
    )


def test_gilbert_date_after_work(gilbert: Article) -> None:
    """ "[url Title] ''New York Times'', October 3, 2008.": the comma inside the date does not cut it."""
    ref = gilbert.reference(10)
    assert (ref.title, ref.work, ref.date, ref.publisher) == (
        "Paperback Nonfiction",
        "New York Times",
        "2008-10-03",
        None,
    )


def test_bodmin_news_citation(bodmin: Article) -> None:
    ref = bodmin.reference(33)
    assert (ref.kind, ref.work, ref.date, ref.access_date, ref.language) == (
        "news",
        "Cornwall Live",
        "2016-02-03",
        "2017-02-12",
        "en",
    )


def test_bodmin_citation_needed_claims(bodmin: Article) -> None:
    tagged = [claim for claim in bodmin.claims if claim.tags]
    assert [claim.tags for claim in tagged] == [("citation needed",), ("citation needed",)]
    assert (
        tagged[0].text
        == "The Bodman spelling also appears in sources and maps from the 16th and 17th centuries"
    )
    assert tagged[0].section == "History"
    assert tagged[0].line == 50


def test_bodmin_claims_skip_source_sections(bodmin: Article) -> None:
    sections = {claim.section for claim in bodmin.claims}
    assert None in sections and "History" in sections
    assert not sections & {"References", "External links", "See also", "Further reading"}
    cited = [claim for claim in bodmin.claims if 10 in claim.refs]
    assert len(cited) == 2  # HoB is cited twice
    assert all(claim.section == "History" for claim in cited)


def test_bodmin_infobox_claims(bodmin: Article) -> None:
    infobox = [claim.text for claim in bodmin.claims if claim.block == "infobox"]
    assert "Bosvenegh" in infobox
    assert "14,736 (Civil Ward, 2011)" in infobox
    assert not any(text.endswith(".jpg") for text in infobox)


def test_gilbert_counts(gilbert: Article) -> None:
    assert len(gilbert.references) == 35
    assert sum(ref.cite_count for ref in gilbert.references) == 37
    assert sum(ref.kind not in ("text", None) for ref in gilbert.references) == 19


def test_gilbert_reused_reference(gilbert: Article) -> None:
    ref = gilbert.reference(5)
    assert (ref.name, ref.cite_count) == (":0", 3)
    assert (ref.title, ref.publisher, ref.date, ref.access_date) == (
        "The Muse of the Coyote Ugly Saloon",
        "GQ",
        "1997-03",
        "2016-07-07",
    )
    assert sum(5 in claim.refs for claim in gilbert.claims) == 3


def test_gilbert_bare_urls(gilbert: Article) -> None:
    bare = [ref for ref in gilbert.references if any(p.startswith("bare URL") for p in ref.problems)]
    assert [ref.number for ref in bare] == [2, 8, 9, 32, 35]
    assert (
        bare[0].url == "http://www.thedailybeast.com/articles/2013/10/02/elizabeth-gilbert-how-i-write.html"
    )
    assert all(ref.kind == "text" for ref in bare)


def test_gilbert_author_and_multiline_template(gilbert: Article) -> None:
    ref = gilbert.reference(23)
    assert ref.authors == (Name("Fassler", "Joe"),)
    assert (ref.work, ref.date) == ("The Atlantic", "2012-11-06")


def test_gilbert_link_with_title_reference(gilbert: Article) -> None:
    ref = gilbert.reference(11)
    assert ref.kind == "text"
    assert ref.url == "http://www.oprah.com/dated/oprahshow/oprahshow_20071204"
    assert ref.title == "Why We Can't Stop Talking About Eat, Pray, Love!"


def test_gilbert_template_only_reference_is_a_problem(gilbert: Article) -> None:
    assert gilbert.reference(13).problems == ("reference has no readable text (only {{IMDb name}})",)
