"""Collecting the articles a command runs over: files, directories, list files, stdin, live pages.

This is the one place that decides what an argument names: ``-`` (standard
input), an existing file or directory, ``@list.txt`` (one argument per line),
a Wikipedia page URL, or (with ``wiki`` set) a page title. Live pages go
through :mod:`spector_refs.collect.wiki`.
"""

from __future__ import annotations

import sys
from collections.abc import Iterable, Iterator
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
    for target in expand_arguments(targets or [str(BUNDLED_ARTICLE)]):
        yield load_article(target, wiki=wiki, source=source, input_format=input_format)


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


def expand_arguments(
    targets: Iterable[str], suffixes: frozenset[str] = ARTICLE_SUFFIXES, *, _lists: tuple[str, ...] = ()
) -> Iterator[str]:
    """Each argument as the single inputs it names, in order.

    ``@list.txt`` gives its lines (blank lines and ``#`` comments skipped,
    lists inside lists followed, a list that includes itself refused) and a
    directory its files with one of ``suffixes``, sorted; anything else is
    passed on as it is.
    """
    for target in targets:
        if target.startswith("@"):
            if target in _lists:
                raise InputError(f"{target[1:]}: the argument list includes itself")
            lines = (line.strip() for line in read_document(target[1:]).splitlines())
            wanted = [line for line in lines if line and not line.startswith("#")]
            yield from expand_arguments(wanted, suffixes, _lists=(*_lists, target))
        elif target != "-" and Path(target).is_dir():
            files = sorted(p for p in Path(target).rglob("*") if p.suffix.lower() in suffixes and p.is_file())
            if not files:
                kinds = ", ".join(sorted(suffixes))
                raise InputError(f"{target}: no input files ({kinds}) in this directory")
            yield from (str(file) for file in files)
        else:
            yield target
