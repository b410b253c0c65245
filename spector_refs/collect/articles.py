"""Collecting the articles a command runs over: files, directories, list files, stdin, live pages.

This is the one place that decides what an argument names: ``-`` (standard
input), an existing file or directory, ``@list.txt`` (one argument per line),
a Wikipedia page URL, or (with ``wiki`` set) a page title. Live pages go
through :mod:`spector_refs.collect.wiki`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from pathlib import Path

from spector_refs.collect.wiki import fetch_article, fetch_wikitext, is_page_url
from spector_refs.errors import InputError
from spector_refs.inputs import decode_document, read_document
from spector_refs.model import Article
from spector_refs.parse import detect_format, parse

WIKITEXT_SUFFIXES = frozenset({".wiki", ".wikitext", ".mediawiki"})
ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", *WIKITEXT_SUFFIXES})
BUNDLED_ARTICLE = Path(__file__).parent.parent / "data" / "operation_spector.txt"


def collect_articles(
    targets: list[str], *, wiki: str | None = None, source: str = "html", input_format: str | None = None
) -> Iterator[Article]:
    """Yield one parsed article per target, in order; the bundled one if none."""
    for target in targets or [str(BUNDLED_ARTICLE)]:
        yield from _articles(target, wiki=wiki, source=source, input_format=input_format)


def load_article(
    target: str, *, wiki: str | None = None, source: str | None = None, input_format: str | None = None
) -> Article:
    """The one article ``target`` names: ``-`` for stdin, a page URL, a title with ``wiki``, or a path.

    ``source`` says which form of a live page to parse (``html`` or ``wikitext``); by default
    the form ``input_format`` names, so ``--input-format wikitext`` reads a page's wikitext.
    """
    source = source or ("wikitext" if input_format == "wikitext" else "html")
    if target == "-":
        return parse(decode_document(sys.stdin.buffer.read(), name="stdin"), format=input_format)
    if is_page_url(target):
        return fetch_article(target, source=source)
    path = Path(target)
    if wiki and not path.exists():
        return fetch_article(target, wiki=wiki, source=source)
    return parse(path, format=input_format)


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
    text = read_document(target)
    if Path(target).suffix.lower() not in WIKITEXT_SUFFIXES and detect_format(text) != "wikitext":
        raise InputError(
            f"{target}: not wikitext (fix edits a page's wikitext: a .wiki file or --wiki en TITLE)"
        )
    return Path(target).name, text


def _articles(target: str, *, wiki: str | None, source: str, input_format: str | None) -> Iterator[Article]:
    if target.startswith("@"):
        for line in read_document(target[1:]).splitlines():
            if line.strip() and not line.lstrip().startswith("#"):
                yield from _articles(line.strip(), wiki=wiki, source=source, input_format=input_format)
        return
    path = Path(target)
    if target != "-" and path.is_dir():
        files = sorted(p for p in path.rglob("*") if p.suffix.lower() in ARTICLE_SUFFIXES and p.is_file())
        if not files:
            raise InputError(f"{path}: no article files (.txt, .html, .wiki) in this directory")
        for file in files:
            yield parse(file, format=input_format)
        return
    yield load_article(target, wiki=wiki, source=source, input_format=input_format)
