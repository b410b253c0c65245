"""Wikipedia HTML, from the legacy parser or from Parsoid, into an :class:`Article`.

A browser's copy of a page and ``action=parse`` give legacy-parser HTML
(``ol.references``, ``sup.reference``); the REST API gives Parsoid HTML
(``ol.mw-references``, ``typeof="mw:Extension/ref"``, ``data-mw``). Both are
read with one walker: reference lists first, so every marker in the text
resolves to the record it links to, then the body for claims. The document
is parsed by BeautifulSoup on lxml, which repairs any markup, so malformed
HTML never raises; what cannot be read is listed in ``Article.problems``.
"""

from __future__ import annotations

import re
from pathlib import Path

from bs4 import BeautifulSoup, Tag
from lxml import etree

from spector_refs.model import Article
from spector_refs.parse.html_body import read_body
from spector_refs.parse.html_cite import reader_text
from spector_refs.parse.html_refs import build_index, read_reference_lists

_HTML_START = re.compile(
    r"^\s*(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<!doctype html|<\?xml[^>]*>\s*<html)", re.I
)
_HTML_TAG = re.compile(r"</(?:p|div|span|li|ol|ul|table|td|tr|a|sup|h[1-6]|section|body)>", re.I)
_WIKITEXT = re.compile(r"\{\{|\[\[|^==.*==\s*$|<ref[\s>/]", re.M)
_TITLE_SUFFIX = re.compile(r"\s+[-–—]\s+Wikipedia\s*$")
_SNIFF = 20000


def looks_like_html(text: str) -> bool:
    """Whether a document is HTML (and not wikitext that contains some tags).

    A doctype or ``<html>`` start decides; otherwise the document must start
    with a tag and close more HTML elements than it has wikitext constructs.
    """
    head = text.lstrip("\ufeff")[:_SNIFF]
    if _HTML_START.match(head):
        return True
    if not head.lstrip().startswith("<") or head.lstrip()[:10].lower().startswith(("<mediawiki", "<?xml")):
        return False
    closing = len(_HTML_TAG.findall(head))
    return closing >= 3 and closing > 2 * len(_WIKITEXT.findall(head))


def parse_html(text: str, *, title: str | None = None, path: str | None = None) -> Article:
    """Parse legacy-parser or Parsoid HTML of a Wikipedia article. Never raises on content."""
    soup = BeautifulSoup(text, "lxml")
    root = content_root(soup)
    problems: list[str] = []
    try:
        index = build_index(root, source_lines(text, soup))
        references, list_problems = read_reference_lists(root, index)
        claims, sources = read_body(root, index)
    except RecursionError:
        return Article(
            title=title or page_title(soup, path),
            source_format=_format(soup),
            problems=("the HTML is nested too deeply to read",),
            path=path,
        )
    problems.extend(list_problems)
    if not references:
        problems.append("no reference list found (no ol.references or ol.mw-references)")
    return Article(
        title=title or page_title(soup, path),
        source_format=_format(soup),
        references=(*references, *sources),
        claims=tuple(claims),
        problems=tuple(problems),
        path=path,
    )


def is_parsoid(soup: BeautifulSoup) -> bool:
    """Parsoid marks its output: ``mw:Extension/ref`` nodes, ``ol.mw-references``, a version meta."""
    return bool(
        soup.find(attrs={"typeof": re.compile(r"mw:Extension/ref")})
        or soup.select_one("ol.mw-references, meta[property='mw:html:version'], body.parsoid-body")
    )


def _format(soup: BeautifulSoup) -> str:
    return "parsoid-html" if is_parsoid(soup) else "html"


def content_root(soup: BeautifulSoup) -> Tag:
    """The article content: ``.mw-parser-output`` of a full page, else the body."""
    for selector in ("#mw-content-text .mw-parser-output", "body.mw-parser-output", ".mw-parser-output"):
        found = soup.select_one(selector)
        if found is not None:
            return found
    return soup.body or soup


def page_title(soup: BeautifulSoup, path: str | None) -> str | None:
    """The page's own title (``h1#firstHeading``, ``<title>``), else the file name."""
    heading = soup.select_one("h1#firstHeading, h1.firstHeading")
    if heading is not None and reader_text(heading):
        return reader_text(heading)
    if soup.title is not None and reader_text(soup.title):
        return _TITLE_SUFFIX.sub("", reader_text(soup.title))
    return Path(path).stem.replace("_", " ") if path else None


def source_lines(text: str, soup: BeautifulSoup) -> dict[int, int]:
    """Source line of every element, keyed by ``id(tag)``; empty if unknown.

    BeautifulSoup does not keep line numbers with the lxml parser, but lxml
    itself does and builds the same elements in the same order from the same
    libxml2 parse; the two trees are paired element by element, and if they
    differ at all no line numbers are given rather than wrong ones.
    """
    try:
        tree = etree.fromstring(text, etree.HTMLParser())
    except (ValueError, etree.LxmlError):
        return {}
    if tree is None:
        return {}
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    tags = soup.find_all(True)
    if len(elements) != len(tags) or any(el.tag != tag.name for el, tag in zip(elements, tags, strict=True)):
        return {}
    return {id(tag): el.sourceline for el, tag in zip(elements, tags, strict=True) if el.sourceline}
