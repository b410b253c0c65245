"""Collecting the articles a command runs over: files, directories, list files, stdin, live pages.

This is the one place that decides what an argument names: ``-`` (standard
input), an existing file or directory, ``@list.txt`` (one argument per line),
a URL (never a path; only a Wikipedia page URL names an article), or (with
``wiki`` set) a page title. Live pages go through :mod:`spector_refs.collect.wiki`.
Only articles are audited: a bibliography or a URL list (told apart by
:mod:`.documents`) is skipped and said to be, and so is a file found in a
directory scan with neither references nor citation markers (a
``LICENSE.txt``, a ``requirements.txt``), which is not an article.
"""

from __future__ import annotations

import sys
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from spector_refs.collect.documents import (
    ARTICLE,
    ARTICLE_SUFFIXES,
    BIBLIOGRAPHY,
    STDIN,
    URL_LIST,
    WIKITEXT_SUFFIXES,
    expand,
    is_url,
    read_input,
)
from spector_refs.collect.wiki import fetch_article, fetch_wikitext, is_page_url
from spector_refs.errors import InputError
from spector_refs.inputs import decode_document, read_document
from spector_refs.parse import detect_format, parse

if TYPE_CHECKING:
    from spector_refs.model import Article

BUNDLED_ARTICLE = Path(__file__).parent.parent / "data" / "operation_spector.txt"
NOT_A_PAGE = "not a Wikipedia article URL (…wikipedia.org/wiki/Title); spector-refs links checks any URL"
_NOT_ARTICLES = {
    BIBLIOGRAPHY: "a bibliography, not an article (spector-refs links checks its URLs)",
    URL_LIST: "a list of URLs, not an article (spector-refs links checks them)",
}


@dataclass(frozen=True)
class Skipped:
    """An input that is not an article, and why it was left out."""

    name: str
    reason: str


@dataclass(frozen=True)
class Collection:
    """The articles to audit, what was skipped, and every file read (never to be overwritten)."""

    articles: tuple[Article, ...]
    skipped: tuple[Skipped, ...] = ()
    files: tuple[str, ...] = ()


def collect_articles(
    targets: list[str],
    *,
    wiki: str | None = None,
    source: str = "html",
    input_format: str | None = None,
    revision: int | None = None,
) -> Collection:
    """The articles the targets name, in order (the bundled one if none), and what is not an article.

    ``revision`` pins the one live page among the targets. Raises
    :class:`InputError` when nothing left is an article.
    """
    articles: list[Article] = []
    skipped: list[Skipped] = []
    files: list[str] = []
    pages = 0
    for target, scanned in expand(targets or [str(BUNDLED_ARTICLE)], ARTICLE_SUFFIXES):
        page = _is_page(target, wiki)
        pages += page
        if revision is not None and pages > 1:
            raise InputError(f"--revision {revision} pins one page; several pages were given")
        files += [] if page or target == "-" or is_url(target) else [target]
        found = read_article(
            target, wiki=wiki, source=source, input_format=input_format, revision=revision, scanned=scanned
        )
        if isinstance(found, Skipped):
            skipped.append(found)
        else:
            articles.append(found)
    if revision is not None and not pages:
        raise InputError(f"--revision {revision} pins a live page; give its URL or its title with --wiki")
    if not articles:
        raise InputError("nothing to audit: " + "; ".join(f"{s.name}: {s.reason}" for s in skipped))
    return Collection(tuple(articles), tuple(skipped), tuple(files))


def load_article(
    target: str, *, wiki: str | None = None, source: str | None = None, input_format: str | None = None
) -> Article:
    """The one article ``target`` names: ``-`` for stdin, a page URL, a title with ``wiki``, or a path.

    ``source`` says which form of a live page to parse (``html`` or ``wikitext``); by default
    the form ``input_format`` names, so ``--input-format wikitext`` reads a page's wikitext.
    A bibliography, a URL list or a URL that names no page is an :class:`InputError`.
    """
    found = read_article(target, wiki=wiki, source=source, input_format=input_format)
    if isinstance(found, Skipped):
        raise InputError(f"{found.name}: {found.reason}")
    return found


def read_article(
    target: str,
    *,
    wiki: str | None = None,
    source: str | None = None,
    input_format: str | None = None,
    revision: int | None = None,
    scanned: bool = False,
) -> Article | Skipped:
    """The article one input holds or names, or why it is not one (``scanned``: found in a directory)."""
    source = source or ("wikitext" if input_format == "wikitext" else "html")
    if _is_page(target, wiki):
        return fetch_article(target, wiki=wiki or "en", source=source, revision=revision)
    if is_url(target):
        return Skipped(target, NOT_A_PAGE)
    name, text, kind = read_input(target)
    if kind != ARTICLE:
        return Skipped(name, _NOT_ARTICLES[kind])
    article = parse(text if target == STDIN else Path(target), format=input_format)
    if scanned and not article.references and not any(claim.refs or claim.notes for claim in article.claims):
        return Skipped(target, "neither references nor citation markers, so not an article")
    return article


def _is_page(target: str, wiki: str | None) -> bool:
    """A page URL, or a title when a wiki is given and no file of that name exists."""
    if is_url(target):
        return is_page_url(target)
    return bool(wiki) and target != "-" and not Path(target).exists()


def load_wikitext(target: str, *, wiki: str | None = None) -> tuple[str, str]:
    """(a file name for a diff, the wikitext) of ``target``, for ``fix``, which edits the wikitext itself.

    ``target`` is a wikitext file, ``-``, a page URL or (with ``wiki``) a
    title, whose current wikitext is read through the API. A file that is
    plainly HTML or plain text is refused: there is no wikitext to edit.
    """
    if wiki or is_page_url(target):
        title, text = fetch_wikitext(target, wiki=wiki or "en")
        if not text.strip():
            raise InputError(f"{title!r} has no wikitext")
        return title.replace(" ", "_") + ".wiki", text
    if target == "-":
        return "stdin.wiki", decode_document(sys.stdin.buffer.read(), name="stdin")
    if is_url(target):
        raise InputError(f"{target}: {NOT_A_PAGE}")
    text = read_document(target)
    if Path(target).suffix.lower() not in WIKITEXT_SUFFIXES and detect_format(text) != "wikitext":
        raise InputError(
            f"{target}: not wikitext (fix edits a page's wikitext: a .wiki file or --wiki en TITLE)"
        )
    return Path(target).name, text
