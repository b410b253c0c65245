"""The readable part of a fetched page: title, headings and visible text.

The soft-404 check reads the title and the main heading, the bot-wall
check reads the text, and the claim verifier of the assessment stage reads
the text too, so the page is reduced once, right after it is fetched.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import lxml.html
from bs4.dammit import EncodingDetector
from lxml import etree

_INVISIBLE = ("script", "style", "noscript", "template", "svg", "head", "iframe")
_BLOCKS = (
    "p",
    "div",
    "br",
    "li",
    "tr",
    "td",
    "th",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "section",
    "article",
    "header",
    "footer",
    "nav",
    "aside",
    "main",
    "blockquote",
    "pre",
    "table",
    "ul",
    "ol",
    "dd",
    "dt",
    "figcaption",
)
_SPACE = re.compile(r"\s+")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)


@dataclass(frozen=True)
class Page:
    """What a reader sees of a page (everything collapsed to single spaces)."""

    title: str = ""
    headings: tuple[str, ...] = ()
    text: str = ""


def is_textual(content_type: str | None) -> bool:
    """Whether a body of this type is worth reading (pages and plain text)."""
    if not content_type:
        return True
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind.startswith("text/") or kind in {
        "application/xhtml+xml",
        "application/xml",
        "application/json",
    }


def is_html(content_type: str | None, body: bytes = b"") -> bool:
    """HTML by declared type or, when the type is missing, by its first bytes."""
    if content_type:
        kind = content_type.split(";", 1)[0].strip().lower()
        return kind in {"text/html", "application/xhtml+xml"}
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<title" in head


def read_page(body: bytes, content_type: str | None) -> Page:
    """Reduce a (possibly truncated) body to a :class:`Page`.

    lxml reads a megabyte of HTML in a few hundredths of a second where a
    BeautifulSoup tree takes over a second, and the cap is a megabyte.
    """
    if not body.strip():
        return Page()
    encoding = _charset(content_type) or _declared_charset(body)
    if not is_html(content_type, body):
        return Page(text=_collapse(body.decode(encoding or "utf-8", errors="replace")))
    try:
        root = lxml.html.document_fromstring(
            body, parser=lxml.html.HTMLParser(encoding=encoding or _guess(body))
        )
    except (etree.ParserError, ValueError):
        return Page()
    title = _collapse(root.findtext(".//title") or "")
    etree.strip_elements(root, *_INVISIBLE, etree.Comment, with_tail=False)
    headings = tuple(_collapse(h.text_content()) for h in root.iter("h1", "h2"))[:5]
    for element in root.iter(*_BLOCKS):
        element.tail = "\n" + (element.tail or "")
    return Page(title=title, headings=tuple(h for h in headings if h), text=_collapse(root.text_content()))


def _declared_charset(body: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<meta charset>``)."""
    found = EncodingDetector.find_declared_encoding(body[:4096], is_html=True)
    return _charset(f"charset={found}") if found else None


def _guess(body: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8 (a cut-off last character allowed), else Windows-1252."""
    try:
        body[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < min(len(body), 65536) - 4:
            return "windows-1252"
    return "utf-8"


def _charset(content_type: str | None) -> str | None:
    match = _CHARSET.search(content_type or "")
    if not match:
        return None
    name = match.group(1)
    try:
        "".encode(name)
    except LookupError:
        return None
    return name


def _collapse(text: str) -> str:
    return _SPACE.sub(" ", text).strip()
