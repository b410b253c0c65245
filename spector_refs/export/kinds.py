"""What kind of source a reference cites, decided once for every export format.

CS1's template family (``Reference.kind``) says it when the parser knows it;
rendered plain text often does not, and editors cite news with ``cite web``.
So an explicit specific kind wins, and otherwise the cited work decides:
a known news agency or newspaper, a magazine (or a periodical with an
ISSN), a government press office. Everything else that names a work is a
web page, and so is anything retrieved on a date (CS1 prints "Retrieved"
only for online sources). The lists are deliberately short; they name outlets, not guesses.
"""

from __future__ import annotations

import re

from spector_refs.model import Reference

WEB = "web"
NEWSPAPER = "newspaper"
MAGAZINE = "magazine"
PRESS_RELEASE = "press release"
REPORT = "report"
BOOK = "book"
CHAPTER = "chapter"
ENTRY = "entry"
JOURNAL = "journal"
OTHER = "other"
PARTS = frozenset({CHAPTER, ENTRY})
"""Kinds whose record is a part in a container: every format writes ``Reference.cited_title`` as
its title and ``Reference.container`` as the book or reference work it is in. The two readings
of CS1's ``"X". Y.`` (chapter X of book Y, entry X of encyclopaedia Y) so export alike."""

NEWS_OUTLETS = frozenset(
    {
        "reuters",
        "associated press",
        "ap news",
        "agence france-presse",
        "afp",
        "cnbc",
        "cnn",
        "bbc news",
        "bloomberg",
        "the new york times",
        "the washington post",
        "the guardian",
        "the wall street journal",
        "financial times",
        "politico",
    }
)
"""News agencies, newspapers and broadcasters' news sites (matched on the whole work name)."""

MAGAZINES = frozenset({"wired", "fortune", "fortune europe", "the economist", "time", "forbes", "vice"})
"""Magazines cited often enough on Wikipedia to name; any other work with an ISSN counts too."""

PRESS_OFFICES = frozenset({"europol", "eurojust", "interpol"})
"""Agencies whose cited pages are, in practice, press releases."""

_GOVERNMENT_HOST = re.compile(r"^(?:[\w-]+\.)*[\w-]+\.gov(?:\.[a-z]{2})?$", re.I)
_EXPLICIT = {
    "news": NEWSPAPER,
    "newspaper": NEWSPAPER,
    "magazine": MAGAZINE,
    "press release": PRESS_RELEASE,
    "report": REPORT,
    "techreport": REPORT,
    "book": BOOK,
    "encyclopedia": ENTRY,
    "encyclopaedia": ENTRY,
    "dictionary": ENTRY,
    "journal": JOURNAL,
    "footnote": OTHER,
    "text": OTHER,
}


def source_kind(ref: Reference) -> str:
    """One of WEB, NEWSPAPER, MAGAZINE, PRESS_RELEASE, REPORT, BOOK, CHAPTER, ENTRY, JOURNAL, OTHER."""
    kind = _EXPLICIT.get((ref.kind or "").lower())
    if kind == BOOK and ref.chapter:
        return CHAPTER
    if kind:
        return kind
    work = (ref.work or "").strip().lower()
    if work in NEWS_OUTLETS:
        return NEWSPAPER
    if work in MAGAZINES or (ref.issn and work):
        return MAGAZINE
    if work in PRESS_OFFICES or _GOVERNMENT_HOST.match(work):
        return PRESS_RELEASE
    if ref.isbn:
        return CHAPTER if ref.chapter else BOOK
    if work or ref.url or ref.access_date:
        return WEB
    return OTHER
