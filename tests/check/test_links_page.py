"""The lazy page model: each part read on demand, all parts from one unchanged tree."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spector_refs.check.metadata import page_metadata
from spector_refs.check.page import OPENING_CHARS, Page, read_page

FIXTURES = sorted((Path(__file__).parent.parent / "fixtures" / "html").glob("*.html"))
_TAGS = ("p", "div", "span", "script", "h1", "h2", "b", "br", "li", "svg", "!--", "style", "td")


@pytest.mark.parametrize("path", FIXTURES[:4], ids=lambda p: p.name)
def test_opening_is_the_start_of_the_text(path):
    body = path.read_bytes()
    assert read_page(body, "text/html").opening == read_page(body, "text/html").text[:OPENING_CHARS]


@st.composite
def tag_soup(draw: st.DrawFn, padding: int = 70_000, repeat: int = 700) -> bytes:
    parts = []
    for _ in range(draw(st.integers(0, 40))):
        tag = draw(st.sampled_from(_TAGS))
        word = draw(st.text("ab \n\t<>&é", max_size=8))
        parts.append(f"<{tag}>{word}" if tag != "!--" else f"<!--{word}-->")
        if draw(st.booleans()):
            parts.append(f"</{tag}>{word * draw(st.integers(0, repeat))}")
    hidden = "x" * padding  # 70 000: big enough that the opening is walked rather than cut from the text
    return (f"<html><head><title>t</title><script>{hidden}</script></head><body>" + "".join(parts)).encode()


@settings(max_examples=150, deadline=None)
@given(tag_soup())
def test_opening_matches_the_text_on_any_markup(body):
    page = read_page(body, "text/html; charset=utf-8")
    assert page.opening == read_page(body, "text/html; charset=utf-8").text[:OPENING_CHARS]


@settings(max_examples=150, deadline=None)
@given(tag_soup(padding=0, repeat=8), st.integers(8 * 1024, 20_000))
def test_a_small_pages_walked_text_is_the_copied_text_of_a_big_one(body, padding):
    """Below 8 KB the text is walked in Python; above, lxml copies and serialises the tree: one text."""
    assert len(body) < 8 * 1024
    small = read_page(body, "text/html; charset=utf-8")
    big = read_page(body.replace(b"<script>", b"<script>" + b"x" * padding, 1), "text/html; charset=utf-8")
    assert small.text == big.text


def test_parts_do_not_disturb_each_other():
    body = (
        b"<html><head><title>T</title></head><body><svg><h1>drawn</h1></svg>"
        b"<h1>Main <script>x()</script>heading</h1><p>Body</p></body></html>"
    )
    first, second = read_page(body, "text/html"), read_page(body, "text/html")
    assert first.text == "Main heading Body" and first.headings == ("Main heading",)
    assert second.headings == ("Main heading",) and second.title == "T" and second.text == first.text


def test_a_stated_page_answers_from_its_fields():
    page = Page(title="T", text="x" * (OPENING_CHARS + 5))
    assert page.opening == "x" * OPENING_CHARS and page.headings == ()


def test_plain_text_is_read_as_text():
    assert read_page(b"just  words\n", "text/plain").opening == "just words"


@pytest.mark.parametrize(
    "head",
    [
        pytest.param('<meta charset="windows-1252">', id="meta-charset"),
        pytest.param(
            '<meta http-equiv="Content-Type" content="text/html; charset=windows-1252">', id="http-equiv"
        ),
        pytest.param("", id="xml-declaration"),
    ],
)
def test_the_charset_the_page_declares_decodes_it(head):
    prefix = '<?xml version="1.0" encoding="windows-1252"?>' if not head else ""
    body = f"{prefix}<html><head>{head}<title>Café crème</title></head><body><p>Noël</p></body></html>"
    page = read_page(body.encode("cp1252"), "text/html")
    assert page.title == "Café crème" and page.text == "Noël"


def test_metadata_comes_from_the_pages_own_tree():
    """One parse per page: the metadata reader walks the tree the page text came from."""
    page = read_page(b"<title>T</title><meta property='og:title' content='O'><h1>H</h1>", "text/html")
    meta = page_metadata(page)
    assert (
        page.tree is not None
        and meta is not None
        and (meta.title, meta.og_title, meta.heading) == ("T", "O", "H")
    )
    assert page_metadata(read_page(b"plain words", "text/plain")) is None
