"""The readable part of a fetched page: title, headings and visible text.

Each part is worked out the first time someone asks for it, from one
parsed tree that is never changed: the soft-404 and bot-wall checks read
the title, the main headings and the opening text, and only the claim
verifier of the assessment stage needs the whole text, which is the
costly part of a big page. A new part (page metadata, say) is one more
``_part`` reading ``_root``.
"""

from __future__ import annotations

import copy
import re
import threading
from collections.abc import Callable, Iterable, Iterator, Sequence
from functools import lru_cache
from typing import Any, AnyStr, Generic, TypeVar, overload

from lxml import etree

OPENING_CHARS = 3000
_WALK_ABOVE = 64 * 1024  # body bytes above which the opening is walked, not cut from the text
_WALK_BELOW = 8 * 1024
"""Body bytes below which the whole text is walked in Python, not copied and serialised by lxml.

As fast on such a page (13 µs against 17 on the benchmarks' article), and
lxml lets go of the GIL for the copy and for the serialiser: among the
link checker's many threads each let-go is a wait behind the others and
a switch, two more per page for what takes microseconds. Above it the C
calls win (1.5 to 1.8 times faster on 15 to 100 KB pages)."""
_INVISIBLE = frozenset({"script", "style", "noscript", "template", "svg", "head", "iframe"})
_BLOCKS = frozenset(
    {
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
    }
)
_TAGGED = {
    "title": "title",
    "meta": "meta",
    "link": "link",
    "script": "script",
    "h1": "headings",
    "h2": "headings",
}
"""The elements :attr:`Page.tagged` finds, by tag: what the judges and the metadata read."""
Value = TypeVar("Value")
_CHARSET = re.compile(r"charset=[\"']?([\w.:-]+)", re.I)
_XML_ENCODING = re.compile(rb"^\s*<\?.*encoding=['\"](.*?)['\"].*\?>", re.I)
_META_CHARSET = re.compile(rb"<\s*meta[^>]+charset\s*=\s*[\"']?([^>]*?)[ /;'\">]", re.I)


class _part(Generic[Value]):
    """``functools.cached_property`` without its lock.

    Before Python 3.12 that lock is one per property, shared by every
    instance: with 64 link workers each reading its own page's text, all of
    them queued on it. A page belongs to one thread, so computing a part
    twice in a race is impossible in practice and harmless in theory.
    """

    def __init__(self, func: Callable[[Any], Value]):
        self._func = func
        self._name = func.__name__
        self.__doc__ = func.__doc__

    @overload
    def __get__(self, instance: None, owner: type | None = None) -> _part[Value]: ...
    @overload
    def __get__(self, instance: object, owner: type | None = None) -> Value: ...
    def __get__(self, instance: object | None, owner: type | None = None) -> Value | _part[Value]:
        if instance is None:
            return self
        value = instance.__dict__[self._name] = self._func(instance)
        return value


class Page:
    """What a reader sees of a page (everything collapsed to single spaces).

    ``Page(title=…, headings=…, text=…)`` states a page outright (tests,
    cached checks); :func:`read_page` makes one whose parts are read from
    the body on demand.
    """

    def __init__(self, title: str = "", headings: Sequence[str] = (), text: str = ""):
        self._root: etree._Element | None = None
        self._plain: str | None = None
        self._size = 0
        vars(self).update(title=title, headings=tuple(headings), text=text)

    @classmethod
    def _parsed(cls, size: int, root: etree._Element | None = None, plain: str | None = None) -> Page:
        page = cls.__new__(cls)
        page._root, page._plain, page._size = root, plain, size
        return page

    @_part
    def tagged(self) -> dict[str, list[etree._Element]]:
        """The elements read by name, each list in page order: ``title``, ``meta``, ``link``, ``script``,
        and ``headings`` (``h1`` and ``h2``).

        One walk of the tree for the title, the headings and what the page
        declares (:func:`~spector_refs.check.metadata.page_metadata`): a walk
        for each went over every element of a big page six times.
        """
        tagged: dict[str, list[etree._Element]] = {key: [] for key in _TAGGED.values()}
        if self._root is not None:
            for element in self._root.iter(*_TAGGED):
                tagged[_TAGGED[element.tag]].append(element)
        return tagged

    @_part
    def title(self) -> str:
        return _collapse(title_text(self.tagged["title"]))

    @_part
    def headings(self) -> tuple[str, ...]:
        """The first five non-empty ``h1``/``h2`` headings outside invisible parts."""
        found: list[str] = []
        for heading in self.tagged["headings"]:
            if len(found) == 5:
                break
            if _visible(heading):
                found.append(_collapse(_heading_text(heading)))
        return tuple(h for h in found if h)

    @_part
    def text(self) -> str:
        """All visible text, block elements on lines of their own."""
        if self._plain is not None:
            return _collapse(self._plain)
        if self._root is None:
            return ""
        if self._size < _WALK_BELOW:
            return _collapse("".join(_visible_pieces(self._root, blocks=True)))
        root = copy.deepcopy(self._root)
        etree.strip_elements(root, *_INVISIBLE, etree.Comment, with_tail=False)
        for element in root.iter(*_BLOCKS):
            element.tail = "\n" + (element.tail or "")
        return _collapse(text_of(root))

    @_part
    def opening(self) -> str:
        """The first :data:`OPENING_CHARS` characters of :attr:`text`, without reading the rest.

        On a small page the whole text (one C call) is cheaper than walking
        its start in Python, so the walk is kept for big ones.
        """
        if "text" in vars(self) or self._root is None or self._size < _WALK_ABOVE:
            return self.text[:OPENING_CHARS]
        pieces: list[str] = []
        size, enough = 0, 2 * OPENING_CHARS
        for piece in _visible_pieces(self._root, blocks=True):
            pieces.append(piece)
            size += len(piece)
            if size > enough:
                if len(_collapse("".join(pieces))) > OPENING_CHARS:
                    break
                enough *= 2
        return _collapse("".join(pieces))[:OPENING_CHARS]

    @property
    def tree(self) -> etree._Element | None:
        """The parsed HTML (never to be changed), None for plain text or a page stated outright."""
        return self._root

    def __eq__(self, other: object) -> bool:
        if not isinstance(other, Page):
            return NotImplemented
        return (self.title, self.headings, self.text) == (other.title, other.headings, other.text)

    def __repr__(self) -> str:
        return f"Page(title={self.title!r}, headings={self.headings!r})"


def _visible_pieces(element: etree._Element, *, blocks: bool) -> Iterator[str]:
    """The text pieces ``text_content`` gives once invisible parts and comments are cut.

    With ``blocks`` a line break precedes the tail of every block element,
    as :attr:`Page.text` has it. lxml's ``iterwalk`` does the walking (start
    and end of each element, comments and processing instructions, whose
    tails are text): about five times faster on a big page than a stack of
    nodes kept in Python, and as iterative, so a deeply nested page cannot
    exhaust the stack. An HTML tree has no entity nodes, the one kind of
    node with a tail that ``iterwalk`` does not report.
    """
    walker = etree.iterwalk(element, events=("start", "end", "comment", "pi"))
    for event, node in walker:
        if event == "start":
            if node.tag in _INVISIBLE:
                walker.skip_subtree()  # its "end" still comes, with its tail
            elif node.text:
                yield node.text
        elif node is not element:
            if blocks and event == "end" and node.tag in _BLOCKS:
                yield "\n"
            if node.tail:
                yield node.tail


def _visible(element: etree._Element) -> bool:
    """Whether no ancestor of ``element`` hides it (a ``script``, ``template``, the ``head``…).

    A walk up its parents: ``iterancestors`` with tag names sets up a tag
    matcher on every call, five times the walk on a page's few headings.
    """
    parent = element.getparent()
    while parent is not None:
        if parent.tag in _INVISIBLE:
            return False
        parent = parent.getparent()
    return True


def _heading_text(heading: etree._Element) -> str:
    """A heading's visible text; most headings are one text node, which needs no walk."""
    if not len(heading):
        return heading.text or ""
    return "".join(_visible_pieces(heading, blocks=False))


def title_text(titles: list[etree._Element]) -> str:
    """The first ``<title>``'s own text (of the page's ``titles``), as ``root.findtext(".//title")`` finds it.

    ``findtext`` parses and selects through ElementPath, about a third of
    a small page's title.
    """
    return (titles[0].text or "") if titles else ""


def text_of(element: etree._Element) -> str:
    """``element.text_content()`` without its lock.

    ``text_content`` evaluates one module-wide XPath object, and lxml lets
    one thread at a time evaluate an XPath object: with many link workers
    every page's text queued on it. The text serialiser shares nothing.
    """
    return etree.tostring(element, method="text", encoding="unicode", with_tail=False)


def has_any(text: AnyStr, words: Iterable[AnyStr]) -> bool:
    """Whether one of ``words`` is in ``text``: the screen before a pattern is tried.

    ``any(word in text for word in words)`` without its generator, which
    cost twice the searches on a title: each page's judging screens a
    dozen texts this way.
    """
    for word in words:  # noqa: SIM110 - any() over a generator is what this avoids
        if word in text:
            return True
    return False


def folded(text: str) -> str:
    """``text`` case-folded, for finding a key word before a case-blind regular expression is tried.

    ``re.IGNORECASE`` also matches the Turkish dotted and dotless i to "i",
    which case folding keeps apart: here they become "i", so a key word
    missing from the folded text rules the expression out exactly.
    """
    return text.casefold().replace("ı", "i").replace("i̇", "i")


def is_html(content_type: str | None, body: bytes = b"") -> bool:
    """HTML by declared type or, when the type is missing, by its first bytes."""
    if content_type:
        kind = content_type.split(";", 1)[0].strip().lower()
        return kind in {"text/html", "application/xhtml+xml"}
    head = body[:512].lstrip().lower()
    return head.startswith((b"<!doctype html", b"<html")) or b"<title" in head


def read_page(body: bytes, content_type: str | None) -> Page:
    """A :class:`Page` for a (possibly truncated) body; only the parse happens now.

    lxml reads a megabyte of HTML in a few hundredths of a second where a
    BeautifulSoup tree takes over a second, and the cap is a megabyte.
    """
    if not body or body.isspace():  # ``not body.strip()`` without copying the body
        return Page()
    encoding = _charset(content_type) or _declared_charset(body)
    if not is_html(content_type, body):
        return Page._parsed(len(body), plain=body.decode(encoding or "utf-8", errors="replace"))
    try:
        root = etree.fromstring(body, _parser(encoding or _guess(body)))
    except (etree.ParserError, ValueError):
        return Page()
    if root is None:  # what ``lxml.html.document_fromstring`` raises ParserError for, without its call
        return Page()
    return Page._parsed(len(body), root)


_PARSERS = threading.local()
_PARSERS_KEPT = 16


def _parser(encoding: str) -> etree.HTMLParser:
    """This thread's HTML parser for ``encoding``, made once (a new one per page: an eighth of its parse).

    Per thread because lxml lets one thread at a time parse with a parser.
    lxml's own parser, not ``lxml.html``'s: the tree is the same, but
    ``lxml.html`` calls a Python function to pick the class of every element
    the walks touch (``HtmlElementClassLookup``), about a fifth of a small
    page's judging, for methods nothing here uses.
    """
    parsers: dict[str, etree.HTMLParser] = vars(_PARSERS).setdefault("by_encoding", {})
    parser = parsers.get(encoding)
    if parser is None:
        if len(parsers) >= _PARSERS_KEPT:  # a hostile server can spell one charset many ways
            parsers.clear()
        parser = parsers[encoding] = etree.HTMLParser(encoding=encoding)
    return parser


def _declared_charset(body: bytes) -> str | None:
    """The charset a page declares in its first bytes (``<?xml … encoding>``, ``<meta charset>``).

    The patterns and the windows they search are BeautifulSoup's
    (``EncodingDetector.find_declared_encoding``), which this used to call:
    importing bs4 and soupsieve for two regular expressions cost every
    ``links`` run about a tenth of a second of start-up.
    """
    found = _XML_ENCODING.search(body, 0, 1024) or _META_CHARSET.search(body, 0, 2048)
    return _charset("charset=" + found.group(1).decode("ascii", "replace")) if found else None


def _guess(body: bytes) -> str:
    """UTF-8 when the bytes are valid UTF-8 (a cut-off last character allowed), else Windows-1252."""
    try:
        body[:65536].decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < min(len(body), 65536) - 4:
            return "windows-1252"
    return "utf-8"


@lru_cache(maxsize=64)
def _charset(content_type: str | None) -> str | None:
    """The charset a Content-Type names, if Python knows it (a few types recur on every page)."""
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
    r"""Every run of white space as one space, none at either end.

    What ``re.sub(r"\s+", " ", text).strip()`` gives (``\s``, ``split`` and
    ``strip`` share one definition of white space) at a tenth of its cost,
    which made it the costliest call in judging a small page.
    """
    return " ".join(text.split())
