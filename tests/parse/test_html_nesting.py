"""Deep runs of empty wrappers are cut before reading, and nothing the reader needs is lost."""

from __future__ import annotations

import pytest
from lxml import etree

from spector_refs.parse.html import parse_html
from spector_refs.parse.html.nesting import DEEPEST_REAL_PAGE, cut_wrapper_chains, depth

REFERENCES = (
    '<ol class="references"><li id="cite_note-1"><span class="reference-text">'
    '"Sting nabs vendors". <i>Example News</i>. 2 May 2023.</span></li></ol>'
)
CLAIM = 'Police arrested 288 people.<sup class="reference"><a href="#cite_note-1">[1]</a></sup>'


def _page(open_tags: str, close_tags: str, levels: int) -> str:
    return f"<html><body>{open_tags * levels}<p>{CLAIM}</p>{close_tags * levels}{REFERENCES}</body></html>"


@pytest.mark.parametrize(
    ("open_tags", "close_tags"),
    [("<div>", "</div>"), ("<span>", "</span>"), ("<table><tr><td>", "</td></tr></table>")],
)
def test_a_deeply_nested_page_reads_like_the_flat_one(open_tags: str, close_tags: str) -> None:
    flat = parse_html(_page(open_tags, close_tags, 2))
    deep = parse_html(_page(open_tags, close_tags, 5000))
    assert [c.text for c in deep.claims] == [c.text for c in flat.claims] == ["Police arrested 288 people."]
    assert [c.refs for c in deep.claims] == [c.refs for c in flat.claims] == [(1,)]
    assert [r.title for r in deep.references] == [r.title for r in flat.references] == ["Sting nabs vendors"]
    assert not deep.problems


def test_only_empty_levels_go() -> None:
    """Attributes, text and siblings keep an element; a chain keeps its first and last few links."""
    body = "<div>" * 200 + '<div class="keep">' + "<span>" * 200 + "<b>x</b>" + "</span>" * 200
    body += "</div>" + "</div>" * 200 + "<p>a<i>b</i>c</p>"
    tree = etree.fromstring(f"<html><body>{body}</body></html>", etree.HTMLParser(huge_tree=True))
    assert depth(tree) > DEEPEST_REAL_PAGE
    cut_wrapper_chains(tree)
    assert depth(tree) < 20
    assert "".join(tree.itertext()) == "xabc"
    assert tree.find(".//div[@class='keep']") is not None
    assert etree.tostring(tree.find(".//p"), encoding="unicode") == "<p>a<i>b</i>c</p>"


def test_real_pages_are_not_touched() -> None:
    """A page no deeper than real articles is read from its own text, line numbers included."""
    page = _page("<div>", "</div>", 3).replace("<p>", "\n\n<p>")
    claim = parse_html(page).claims[0]
    assert claim.line == 3
