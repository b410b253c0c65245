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
from spector_refs.parse.html.body import read_body
from spector_refs.parse.html.cite import reader_text
from spector_refs.parse.html.nesting import DEEPEST_REAL_PAGE, depth, without_wrapper_chains
from spector_refs.parse.html.refs import build_index, read_reference_lists

_HTML_START = re.compile(
    r"^\s*(?:<!doctype html|<html[\s>]|<\?xml[^>]*>\s*<!doctype html|<\?xml[^>]*>\s*<html)", re.I
)
_HTML_TAG = re.compile(r"</(?:p|div|span|li|ol|ul|table|td|tr|a|sup|h[1-6]|section|body)>", re.I)
_WIKITEXT = re.compile(r"\{\{|\[\[|^==.*==\s*$|<ref[\s>/]", re.M)
_TITLE_SUFFIX = re.compile(r"\s+[-–—]\s+Wikipedia\s*$")
_TITLE_TAG = re.compile(r"<title[\s>]", re.I)
_SNIFF = 20000
_PARSOID_MARK = re.compile(
    r"mw:Extension/ref|mw-references(?=[\s\"'])|property=\"mw:html:version\"|parsoid-body"
)


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
    tree = lxml_tree(text)
    if tree is not None and depth(tree) > DEEPEST_REAL_PAGE:
        tree = without_wrapper_chains(text)
        soup = BeautifulSoup(etree.tostring(tree, method="html", encoding="unicode"), "lxml")
    else:
        soup = BeautifulSoup(text, "lxml")
    root = content_root(soup)
    source_format = "parsoid-html" if is_parsoid(text) else "html"
    title = title or page_title(soup, text, path)
    try:
        index = build_index(root, source_lines(tree, soup))
        references, problems = read_reference_lists(index)
        claims, sources = read_body(root, index)
    except RecursionError:
        problem = "the HTML is nested too deeply to read"
        return Article(title=title, source_format=source_format, problems=(problem,), path=path)
    if not references:
        problems.append("no reference list found (no ol.references or ol.mw-references)")
    return Article(
        title=title,
        source_format=source_format,
        references=(*references, *sources),
        claims=tuple(claims),
        problems=tuple(problems),
        path=path,
    )


def is_parsoid(text: str) -> bool:
    """Parsoid marks its output: ``mw:Extension/ref`` nodes, ``ol.mw-references``, a version meta.

    Read from the source text: the markers are literal strings, and looking
    for them there is far cheaper than a CSS query over the parsed tree.
    """
    return _PARSOID_MARK.search(text) is not None


def content_root(soup: BeautifulSoup) -> Tag:
    """The article content: ``.mw-parser-output`` of a full page, else the body."""
    tags = soup.find_all(True)  # plain passes: filtered finds are several times slower on huge trees
    content = next((tag for tag in tags if tag.get("id") == "mw-content-text"), None)
    scope = content.find_all(True) if content is not None else tags
    found = next((tag for tag in scope if "mw-parser-output" in (tag.get("class") or ())), None)
    if found is not None:
        return found
    return soup.body or soup


def page_title(soup: BeautifulSoup, text: str, path: str | None) -> str | None:
    """The page's own title (``h1#firstHeading``, ``<title>``), else the file name.

    Each is looked for only if the source contains it, so pages without
    one (fragments) are not searched end to end.
    """
    heading = soup.find("h1", id="firstHeading") if "firstHeading" in text else None
    if heading is not None and reader_text(heading):
        return reader_text(heading)
    title = soup.title if _TITLE_TAG.search(text) else None
    if title is not None and reader_text(title):
        return _TITLE_SUFFIX.sub("", reader_text(title))
    return Path(path).stem.replace("_", " ") if path else None


def lxml_tree(text: str) -> etree._Element | None:
    """The document as lxml reads it (None if it cannot): for line numbers and nesting depth."""
    try:
        return etree.fromstring(text, etree.HTMLParser(huge_tree=True))
    except (ValueError, etree.LxmlError):
        return None


def source_lines(tree: etree._Element | None, soup: BeautifulSoup) -> dict[int, int]:
    """Source line of every element, keyed by ``id(tag)``; empty if unknown.

    BeautifulSoup does not keep line numbers with the lxml parser, but lxml
    itself does and builds the same elements in the same order from the same
    libxml2 parse; the two trees are paired element by element, and if they
    differ at all no line numbers are given rather than wrong ones. (A tree
    whose wrapper chains were cut still carries each kept element's line.)
    """
    if tree is None:
        return {}
    elements = [el for el in tree.iter() if isinstance(el.tag, str)]
    tags = soup.find_all(True)
    if len(elements) != len(tags) or any(el.tag != tag.name for el, tag in zip(elements, tags, strict=True)):
        return {}
    lines: dict[int, int] = {}
    for el, tag in zip(elements, tags, strict=True):
        line: object = el.sourceline  # an int from 1, None for built nodes (lxml-stubs 0.5.1 says `...`)
        if isinstance(line, int):
            lines[id(tag)] = line
    return lines
