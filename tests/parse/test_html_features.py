"""Each HTML feature on small hand-built pages: legacy-parser and Parsoid."""

from __future__ import annotations

from pathlib import Path

import pytest

from spector_refs.model import Article, Claim, Name
from spector_refs.parse.html import parse_html

FIXTURES = Path(__file__).parent.parent / "fixtures" / "html"


@pytest.fixture(scope="module")
def legacy() -> Article:
    return parse_html((FIXTURES / "legacy_features.html").read_text(encoding="utf-8"))


@pytest.fixture(scope="module")
def parsoid() -> Article:
    return parse_html((FIXTURES / "parsoid_features.html").read_text(encoding="utf-8"))


def _claim(article: Article, start: str) -> Claim:
    return next(claim for claim in article.claims if claim.text.startswith(start))


# --- legacy parser ---------------------------------------------------------------


def test_legacy_lists_and_groups(legacy: Article) -> None:
    assert legacy.source_format == "html"
    assert legacy.title == "Harbour Lighthouse"
    assert [(ref.group, ref.number) for ref in legacy.references] == [
        ("note", 1),
        *((None, n) for n in range(1, 9)),
        ("sources", 1),
    ]


def test_legacy_live_archive_language_and_translated_title(legacy: Article) -> None:
    ref = legacy.reference(1)
    assert ref.kind == "web"
    assert ref.authors == (Name(family="Dupont", given="Marie"),)
    assert (ref.title, ref.trans_title, ref.work) == (
        "Le phare du port",
        "The harbour lighthouse",
        "Phares de France",
    )
    assert ref.language == "French"
    assert ref.url == "https://phares.example/fr/harbour"
    assert ref.archive_url == "https://web.archive.org/web/20190315000000/https://phares.example/fr/harbour"
    assert (ref.url_status, ref.archive_date, ref.access_date) == ("live", "2019-03-15", "2021-04-02")


def test_legacy_dead_url_with_archive_and_maintenance(legacy: Article) -> None:
    ref = legacy.reference(2)
    assert (ref.kind, ref.name, ref.cite_count) == ("news", "survey", 3)
    assert ref.authors == (Name(literal="Harbour Board"),)
    assert ref.url == "http://news.example/1903/lantern"
    assert ref.archive_url.startswith("https://web.archive.org/web/20100101000000/")
    assert (ref.url_status, ref.archive_date, ref.date, ref.pages) == (
        "dead",
        "2010-01-01",
        "1903-01-04",
        "7",
    )
    assert ref.maintenance == ("CS1 maint: bot: original URL status unknown",)
    assert "{{cite news}}" in ref.raw


def test_legacy_short_footnote_takes_full_citation(legacy: Article) -> None:
    ref = legacy.reference(3)
    assert (ref.kind, ref.pages, ref.raw) == ("footnote", "45", "Smith 2009, p. 45.")
    assert ref.authors == (Name(family="Smith", given="John"),)
    assert (ref.title, ref.publisher, ref.place, ref.date) == (
        "Lights and Harbours",
        "Maritime Books",
        "London",
        "2009",
    )
    assert ref.isbn == "978-0-00-000000-1"
    assert ref.url == "https://books.example/smith-lights"
    source = legacy.reference(1, group="sources")
    assert (source.title, source.pages, source.kind) == ("Lights and Harbours", None, "book")


def test_legacy_journal_identifiers_and_second_author(legacy: Article) -> None:
    ref = legacy.reference(4)
    assert ref.authors == (Name(family="Grey", given="Thomas"), Name(family="Lowe", given="Ann B."))
    assert (ref.work, ref.volume, ref.issue, ref.pages, ref.date) == (
        "Industrial Lighthouse Review",
        "12",
        "3",
        "201–219",
        "1998-06",
    )
    assert ref.identifiers == {"doi": "10.5555/ilr.12.3.201", "pmid": "9999999"}
    assert ref.url == "https://journal.example/ilr/12/3"


def test_legacy_free_text_press_release_and_book_chapter(legacy: Article) -> None:
    free = legacy.reference(5)
    assert free.raw == "Harbour Board minutes, 1902, held at the county archive."
    assert free.url is None
    release = legacy.reference(6)
    assert (release.kind, release.publisher, release.date) == (
        "press release",
        "Northern Lights Trust",
        "2015-02-02",
    )
    book = legacy.reference(8)
    assert (book.chapter, book.title, book.edition, book.pages) == (
        "The Greys",
        "Lights of the North Coast",
        "2nd",
        "88–90",
    )
    assert (book.place, book.publisher) == ("Aberdeen", "Coastline Press")
    assert book.identifiers == {"isbn": "978-0-00-000000-2", "oclc": "123456"}


def test_legacy_cs1_error_and_dead_link_tag_in_reference(legacy: Article) -> None:
    ref = legacy.reference(7)
    assert ref.maintenance == ("Missing or empty |access-date=",)
    assert ref.tags == ("dead link",)
    assert ref.url_status == "dead"
    assert ref.access_date is None


def test_legacy_claims_markers_notes_and_tags(legacy: Article) -> None:
    assert _claim(legacy, "It was designed by J. Smith").refs == (3, 4)
    assert _claim(legacy, "Its light was first shown").notes == ("a",)
    assert _claim(legacy, "The keepers were paid").tags == ("citation needed",)
    assert _claim(legacy, "Local people said").tags == ("who?",)
    assert _claim(legacy, "The new lantern").tags == ("better source needed",)
    assert _claim(legacy, "The lamp burned colza oil").tags == ("citation needed",)
    lead = _claim(legacy, "Harbour Lighthouse is a lighthouse")
    assert (lead.section, lead.block, lead.refs) == (None, "paragraph", (1,))


def test_legacy_blocks_infobox_lists_tables_notes(legacy: Article) -> None:
    height = _claim(legacy, "Height")
    assert (height.text, height.block, height.refs) == ("Height 32 m", "infobox", (2,))
    item = _claim(legacy, "1902: the fire")
    assert (item.block, item.refs, item.section) == ("list", (5,), "History")
    cell = _claim(legacy, "Ann Grey kept the light")
    assert (cell.block, cell.refs, cell.section) == ("table", (7, 8), "Keepers")
    assert not any(claim.text in {"Years", "Keeper"} for claim in legacy.claims)
    note = _claim(legacy, "The first keeper lit it")
    assert (note.block, note.section) == ("note", "Notes")


def test_legacy_skips_non_prose(legacy: Article) -> None:
    texts = " ".join(claim.text for claim in legacy.claims)
    for phrase in (
        "For the painting",
        "before the fire",
        "every lighthouse",
        "official website",
        "North Light",
    ):
        assert phrase not in texts
    assert "not a claim" not in texts
    assert "edit" not in {claim.text for claim in legacy.claims}
    assert {claim.section for claim in legacy.claims} == {None, "History", "Keepers", "Notes"}


def test_legacy_positions(legacy: Article) -> None:
    assert _claim(legacy, "A fire destroyed").line == 23
    assert legacy.reference(2).line == 48


# --- Parsoid ---------------------------------------------------------------------


def test_parsoid_lists_and_groups(parsoid: Article) -> None:
    assert parsoid.source_format == "parsoid-html"
    assert parsoid.title == "Salt Marsh Railway"
    assert [(ref.group, ref.number) for ref in parsoid.references] == [
        ("note", 1),
        *((None, n) for n in range(1, 6)),
        ("sources", 1),
    ]


def test_parsoid_template_parameters_win(parsoid: Article) -> None:
    ref = parsoid.reference(1)
    assert ref.kind == "web"
    assert ref.authors == (Name(family="Hale", given="Peter"),)
    assert ref.work == "Marsh Heritage Society"
    assert ref.quote == "The line was never profitable."
    assert (ref.date, ref.access_date, ref.archive_date) == ("2015-06-03", "2020-08-09", "2016-01-01")
    assert ref.url == "http://marsh.example/railway"
    assert ref.archive_url == "https://web.archive.org/web/20160101000000/http://marsh.example/railway"
    assert ref.url_status == "dead"


def test_parsoid_named_reference_and_news(parsoid: Article) -> None:
    ref = parsoid.reference(2)
    assert (ref.name, ref.cite_count, ref.kind) == ("opening", 2, "news")
    assert (ref.title, ref.work, ref.date, ref.pages) == (
        "Railway opened",
        "The Marsh Courier",
        "1888-05-12",
        "3",
    )


def test_parsoid_harvnb_footnote(parsoid: Article) -> None:
    ref = parsoid.reference(3)
    assert (ref.kind, ref.pages) == ("footnote", "112")
    assert ref.authors == (Name(family="Brown", given="Alice"),)
    assert (ref.title, ref.publisher, ref.isbn) == (
        "Light Railways of the Coast",
        "Tideway Press",
        "978-0-00-000000-4",
    )


def test_parsoid_malformed_data_mw_is_a_problem(parsoid: Article) -> None:
    ref = parsoid.reference(4)
    assert ref.problems == ("unreadable data-mw JSON on a citation",)
    assert (ref.title, ref.work) == ("Marsh paths", "Footpaths Trust")


def test_parsoid_organisation_author(parsoid: Article) -> None:
    ref = parsoid.reference(5)
    assert ref.authors == (Name(literal="Marsh Heritage Society"),)
    assert (ref.place, ref.isbn) == ("Saltcote", "978-0-00-000000-3")


def test_parsoid_claims(parsoid: Article) -> None:
    carried = _claim(parsoid, "It carried salt")
    assert (carried.refs, carried.notes) == ((2,), ("a",))
    assert _claim(parsoid, "Its engines").tags == ("citation needed",)
    footpath = _claim(parsoid, "The trackbed")
    assert (footpath.refs, footpath.tags) == ((4,), ("failed verification",))
    station = _claim(parsoid, "Marsh End")
    assert (station.section, station.block, station.refs) == ("Stations", "list", (5,))
    assert _claim(parsoid, "Opened").block == "infobox"
    note = _claim(parsoid, "Passenger trains ran")
    assert (note.block, note.section) == ("note", "Notes")


def test_infobox_lists_are_read_inline() -> None:
    article = parse_html(
        '<table class="infobox"><tr><th>Owners</th><td><ul><li>Ann<sup class="reference">'
        '<a href="#cite_note-1">[1]</a></sup></li><li>Bob</li></ul></td></tr></table>'
        '<ol class="references"><li id="cite_note-1"><span class="reference-text">Deed.</span></li></ol>'
    )
    assert [(claim.text, claim.refs, claim.block) for claim in article.claims] == [
        ("Owners Ann", (1,), "infobox"),
        ("Bob", (), "infobox"),
    ]


def test_legacy_named_group_is_read_from_marker_labels() -> None:
    article = parse_html(
        '<p>Claim one.<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[note 1]</a></sup>'
        ' Claim two.<sup id="cite_ref-2" class="reference"><a href="#cite_note-2">[1]</a></sup></p>'
        '<div class="reflist"><ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink">'
        '<b><a href="#cite_ref-1">^</a></b></span> <span class="reference-text">A remark.</span>'
        "</li></ol></div>"
        '<div class="reflist" style="list-style-type: upper-roman;"><ol class="references">'
        '<li id="cite_note-2"><span class="reference-text">Another.</span></li></ol></div>'
    )
    assert [(ref.group, ref.number) for ref in article.references] == [("note", 1), ("note", 1)]
    assert article.problems == ("a second reference list for note; numbers repeat",)
    prose = [claim for claim in article.claims if claim.block == "paragraph"]
    assert [claim.notes for claim in prose] == [("note 1",), ("I",)]
    notes = [claim.text for claim in article.claims if claim.block == "note"]
    assert notes == ["A remark.", "Another."]


def test_cite_error_item_is_a_problem_not_a_citation() -> None:
    article = parse_html(
        '<p>Claim.<sup id="cite_ref-h_1-0" class="reference">'
        '<a href="#cite_note-h-1">&#91;1&#93;</a></sup></p>'
        '<ol class="references"><li id="cite_note-h-1"><span class="mw-cite-backlink"><b>'
        '<a href="#cite_ref-h_1-0">^</a></b></span> <span class="error mw-ext-cite-error">Cite error: '
        "The named reference <code>h</code> was invoked but never defined (see the "
        '<a href="/wiki/Help:Cite_errors">help page</a>).</span></li></ol>'
    )
    (ref,) = article.references
    assert ref.problems == ("Cite error: The named reference h was invoked but never defined",)
    assert (ref.raw, ref.name, ref.title, ref.authors) == ("", "h", None, ())
    assert article.claims[0].refs == (1,)


def test_bibliography_beside_the_footnotes_is_the_sources_group() -> None:
    """A ``div.refbegin`` list under "References" (Galileo 2017's layout) holds the works the
    footnotes point at: one sources entry per item, cited or typed by hand, numbered from 1;
    paragraphs in a notes section are prose, not entries."""
    page = (
        '<h2><span class="mw-headline">Notes</span></h2><div class="refbegin"><p>A remark citing '
        '<cite class="citation book">Roe, Ann (1990). <i>Remarks</i>.</cite>.</p></div>'
        '<h2><span class="mw-headline">Citations</span></h2><ol class="references">'
        '<li id="cite_note-1"><span class="reference-text">Smith 2000, p. 4.</span></li></ol>'
        '<h2><span class="mw-headline">References</span></h2>'
        '<div class="refbegin columns"><ul>'
        '<li><cite class="citation book">Smith, John (2000). <i>A Book</i>. London: P.</cite></li>'
        "<li>Poe, Ben (1999). Typed by Hand. Oxford: Q.</li><li> </li></ul></div>"
    )
    article = parse_html(page)
    sources = [ref for ref in article.references if ref.group == "sources"]
    assert [(ref.number, ref.title) for ref in sources] == [(1, "A Book"), (2, "Typed by Hand")]
    assert [ref.number for ref in article.references if ref.group is None] == [1]
