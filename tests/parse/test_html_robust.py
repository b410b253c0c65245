"""COinS metadata, HTML detection, and malformed HTML that must never raise."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spector_refs.model import Name
from spector_refs.parse import detect_format
from spector_refs.parse.html import looks_like_html, parse_html
from spector_refs.parse.html.coins import coins_kind, parse_coins

FIXTURES = Path(__file__).parent.parent / "fixtures"

BOOK_CHAPTER = (
    "ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Abook&rft.genre=bookitem"
    "&rft.atitle=Order+Carnivora&rft.btitle=Mammal+Species+of+the+World&rft.pages=575-577"
    "&rft.edition=3rd&rft.pub=Johns+Hopkins+University+Press&rft.place=Baltimore&rft.date=2005"
    "&rft_id=info%3Aoclcnum%2F62265494&rft.isbn=978-0-8018-8221-0&rft.aulast=Wozencraft"
    "&rft.aufirst=W.+C.&rft_id=http%3A%2F%2Fexample.org%2Fmsw3&rfr_id=info%3Asid%2Fen.wikipedia.org%3ADog"
)
JOURNAL = (
    "ctx_ver=Z39.88-2004&rft_val_fmt=info%3Aofi%2Ffmt%3Akev%3Amtx%3Ajournal&rft.genre=article"
    "&rft.jtitle=Nature&rft.atitle=Genome+sequence&rft.volume=438&rft.issue=7069&rft.spage=803"
    "&rft.epage=819&rft.date=2005-12-08&rft_id=info%3Apmid%2F16341006&rft_id=info%3Adoi%2F10.1038%2Fnature04338"
    "&rft_id=%2F%2Fwww.ncbi.nlm.nih.gov%2Fpmc%2Farticles%2FPMC123%23id-name%3DPMC&rft_id=%2F%2Fwww.jstor.org%2Fstable%2F42"
    "&rft.issn=0028-0836&rft.aulast=Lindblad-Toh&rft.aufirst=K.&rft.au=Wade%2C+C.+M.&rft.au=Broad+Institute"
)


def test_coins_book_chapter() -> None:
    fields = parse_coins(BOOK_CHAPTER)
    assert fields == {
        "chapter": "Order Carnivora",
        "title": "Mammal Species of the World",
        "edition": "3rd",
        "publisher": "Johns Hopkins University Press",
        "place": "Baltimore",
        "pages": "575-577",
        "authors": (Name(family="Wozencraft", given="W. C."),),
        "identifiers": {"oclc": "62265494", "isbn": "978-0-8018-8221-0"},
        "url": "http://example.org/msw3",
        "date": "2005",
    }
    assert coins_kind(BOOK_CHAPTER) == "book"


def test_coins_journal_article() -> None:
    fields = parse_coins(JOURNAL)
    assert (fields["title"], fields["work"]) == ("Genome sequence", "Nature")
    assert (fields["volume"], fields["issue"], fields["pages"], fields["date"]) == (
        "438",
        "7069",
        "803-819",
        "2005-12-08",
    )
    assert fields["authors"] == (
        Name(family="Lindblad-Toh", given="K."),
        Name(family="Wade", given="C. M."),
        Name(literal="Broad Institute"),
    )
    assert fields["identifiers"] == {
        "pmid": "16341006",
        "doi": "10.1038/nature04338",
        "pmc": "123",
        "jstor": "42",
        "issn": "0028-0836",
    }
    assert "url" not in fields
    assert coins_kind(JOURNAL) == "journal"


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param(
            "rft.genre=unknown&rft.btitle=Page&rft.aulast=staff&rft.aufirst=Local+3+News",
            {"authors": (Name(literal="Local 3 News"),), "title": "Page"},
            id="staff-is-the-organisation",
        ),
        pytest.param(
            "rft.btitle=T&rft.date=2007-10%2F2007-12", {"title": "T", "date": "2007-10"}, id="iso-interval"
        ),
        pytest.param("rft.btitle=T&rft.date=n.d.", {"title": "T"}, id="no-date"),
        pytest.param(
            "rft.btitle=T&rft.date=someday",
            {"title": "T", "problems": ("COinS date not understood: 'someday'",)},
            id="bad-date",
        ),
        pytest.param(  # CS1 in 2017 dropped the lead byte of some characters
            "rft.btitle=Darwin+1809%931882%3A+Review%94The+%A3+%BB&rft.aulast=Dom%ADnguez",
            {"title": "Darwin 1809–1882: Review—The £ »", "authors": (Name(family="Domínguez"),)},
            id="lead-bytes-dropped",
        ),
        pytest.param("rft.btitle=A%FFB", {"title": "A\ufffdB"}, id="bad-byte"),
        pytest.param("", {}, id="empty"),
        pytest.param("%%%&&==&rft.btitle", {}, id="garbage"),
    ],
)
def test_coins_edge_cases(title: str, expected: dict) -> None:
    assert parse_coins(title) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("<!DOCTYPE html><html><body><p>x</p></body></html>", True, id="doctype"),
        pytest.param("\ufeff  <html lang='en'><p>x", True, id="bom-html"),
        pytest.param('<?xml version="1.0"?>\n<!DOCTYPE html><html>', True, id="xhtml"),
        pytest.param(
            '<div class="mw-parser-output"><p>A.</p><p>B.</p><ol><li>c</li></ol></div>', True, id="fragment"
        ),
        pytest.param("'''Dog''' is.<ref>{{cite web|title=T}}</ref>\n== History ==\n", False, id="wikitext"),
        pytest.param(
            "<div>{{Infobox}}</div>\n'''Dog''' [[Canis]]<ref>x</ref>{{reflist}}",
            False,
            id="wikitext-starting-with-a-tag",
        ),
        pytest.param(
            '<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.10/"><page>', False, id="xml-dump"
        ),
        pytest.param("Operation SpecTor was an operation.[1]\n\nReferences edit\n", False, id="plain-text"),
    ],
)
def test_looks_like_html(text: str, expected: bool) -> None:
    assert looks_like_html(text) is expected


def test_format_detection_routes_samples_to_html() -> None:
    for path in (FIXTURES / "html").glob("*.html"):
        assert detect_format(path.read_text(encoding="utf-8")) == "html", path.name
    assert detect_format((FIXTURES / "trio" / "operation_spector.html").read_text(encoding="utf-8")) == "html"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("<", id="lone-angle"),
        pytest.param("<html><body><ol class='references'><li id='cite_note-1'>", id="unclosed-list"),
        pytest.param(
            "<p>Claim.<sup class='reference'><a href='#cite_note-9'>[9]</a></sup></p>", id="dangling-marker"
        ),
        pytest.param("<p>A<sup class='reference'><a>[x]</a></sup>.</p></ol></ol></div>", id="stray-closers"),
        pytest.param(
            "<ol class='references'><li id='cite_note-1'><span class='reference-text'>"
            "<cite class='citation web' data-mw='{not json'>x</cite>"
            "<span class='Z3988' title='rft.date=%ZZ&amp;rft_id=info:doi/'></span></span></li></ol>",
            id="broken-metadata",
        ),
        pytest.param(
            "<sup typeof='mw:Extension/ref'><a href='#'>[1]</a></sup><ol class='mw-references' "
            "data-mw-group=''><li></li></ol>",
            id="parsoid-empty-group",
        ),
        pytest.param(
            "<ol class='references' start='x'><li><span class='reference-text'><a href='#CITEREF'>"
            "Smith 2009</a>, p. 4.</span></li></ol>",
            id="footnote-to-nothing",
        ),
        pytest.param("<h2></h2><h7>x</h7><table class='infobox'><tr><tr><td>A.<tr></table>", id="odd-tables"),
        pytest.param("\x00\x01<p>nul\x00bytes</p>", id="control-characters"),
    ],
)
def test_malformed_html_never_raises(text: str) -> None:
    article = parse_html(text)
    assert article.source_format in {"html", "parsoid-html"}
    assert all(isinstance(problem, str) for problem in article.problems)


def test_missing_reference_list_is_a_problem() -> None:
    article = parse_html("<html><body><p>Claim one.</p></body></html>")
    assert article.references == ()
    assert article.problems == ("no reference list found (no ol.references or ol.mw-references)",)
    assert [claim.text for claim in article.claims] == ["Claim one."]


def test_dangling_marker_keeps_its_number() -> None:
    article = parse_html(
        "<ol class='references'></ol><p>Claim.<sup class='reference'><a href='#cite_note-9'>[9]</a></sup></p>"
    )
    assert [claim.refs for claim in article.claims] == [(9,)]


def test_deep_nesting_is_read_or_reported() -> None:
    depth = 5000
    article = parse_html("<div>" * depth + "Deep claim." + "</div>" * depth)
    assert article.claims or "nested too deeply" in " ".join(article.problems)


def test_overlong_citation_is_cut_and_reported() -> None:
    body = '"x' * 5000
    article = parse_html(
        "<ol class='references'><li><span class='reference-text'>"
        f"<cite class='citation'>{body}</cite></span></li></ol>"
    )
    assert any("only the first" in problem for problem in article.references[0].problems)


_PIECES = st.sampled_from(
    [
        "<p>",
        "</p>",
        "<ol class='references'>",
        "</ol>",
        "<li id='cite_note-1'>",
        "</li>",
        "<sup class='reference'><a href='#cite_note-1'>[1]</a></sup>",
        "<span class='reference-text'>",
        "<cite class='citation web cs1'>",
        "</cite>",
        "<span class='Z3988' title='rft.btitle=T&amp;rft.date=2020'>",
        "</span>",
        "<h2>",
        "</h2>",
        "<table class='infobox'><tr><th>",
        "<td>",
        "</table>",
        "<ul><li>",
        "<sup class='noprint Inline-Template'>[<a href='/wiki/Wikipedia:Citation_needed'>cn</a>]</sup>",
        "<a href='#CITEREFX'>X 2000</a>",
        "Retrieved 2 May 2023.",
        "Archived from ",
        '"Title". ',
        "<div data-mw='{\"parts\":[1,{\"template\":null}]}' about='#a'>",
        "</div>",
        "Text. ",
        "[",
        "<",
        "&amp",
    ]
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_PIECES, max_size=40), st.text(max_size=20))
def test_random_html_fragments_never_raise(pieces: list[str], noise: str) -> None:
    article = parse_html("".join(pieces) + noise)
    for ref in article.references:
        assert ref.number >= 1 and ref.cite_count >= 1
