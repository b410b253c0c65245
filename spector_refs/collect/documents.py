"""What an argument is (a URL is never a path) and what a document is: article, bibliography, URL list.

An argument may also stand for several inputs (an ``@list``, a directory):
:func:`expand_arguments` gives them, for articles and link inputs alike.

Told apart by content as well as by name, so that ``audit`` can refuse to
read a ``.bib`` file or a URL list as an article (it yields nothing but
bogus "uncited" claims) and ``links`` can read all three. A leaf of the
collector: :mod:`.articles` and :mod:`.targets` decide what each kind becomes.
"""

from __future__ import annotations

import re
import sys
from collections.abc import Iterable, Iterator
from functools import lru_cache
from pathlib import Path

from spector_refs.errors import InputError
from spector_refs.inputs import decode_document, read_document

STDIN = "-"
ARTICLE, BIBLIOGRAPHY, URL_LIST = "article", "bibliography", "URL list"
BIB_SUFFIXES = frozenset({".bib", ".bibtex"})
WIKITEXT_SUFFIXES = frozenset({".wiki", ".wikitext", ".mediawiki"})
ARTICLE_SUFFIXES = frozenset({".txt", ".html", ".htm", *WIKITEXT_SUFFIXES})
URL_LINE = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://[^\s\x00-\x1f\x7f]+$")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")
_BIB_ENTRY = re.compile(r"^@[a-zA-Z]+\s*[{(]")


def is_url(argument: str) -> bool:
    """Whether an argument is a URL (``scheme://…``), which must never be read as a path."""
    return bool(_SCHEME.match(argument.strip()))


def looks_like_url_list(text: str) -> bool:
    """A file most of whose meaningful lines are bare absolute URLs (an article has few such lines)."""
    urls, others = list_lines(text)
    return len(urls) > len(others)


@lru_cache(maxsize=1)
def list_lines(text: str) -> tuple[tuple[str, ...], tuple[tuple[int, str], ...]]:
    """A text's lines read as a URL list: its URLs, and its other lines with their numbers, each stripped.

    Blank lines and ``#`` comments are neither. One pass serves both telling
    a URL list from an article (:func:`looks_like_url_list`) and reading it
    (``targets_from_list``), which took a pass each, with every line stripped
    four times and matched twice (~2 ms of a thousand-URL run's start): the
    last text's answer is kept, and a URL list is read right after its kind.
    """
    urls: list[str] = []
    others: list[tuple[int, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        line = line.strip()
        if not line or line.startswith("#"):
            continue
        if URL_LINE.match(line):
            urls.append(line)
        else:
            others.append((number, line))
    return tuple(urls), tuple(others)


def document_kind(text: str, name: str = "") -> str:
    """ARTICLE, BIBLIOGRAPHY or URL_LIST, from the file name's suffix and the content.

    A bibliography's first line that is not blank or a ``%`` comment opens an
    entry (``@online{``); an article may start with "@someone", never so.
    """
    first = next((line.strip() for line in text.splitlines() if line.strip()[:1] not in ("", "%")), "")
    if Path(name).suffix.lower() in BIB_SUFFIXES or _BIB_ENTRY.match(first):
        return BIBLIOGRAPHY
    if looks_like_url_list(text):
        return URL_LIST
    return ARTICLE


def read_input(argument: str) -> tuple[str, str, str]:
    """(its name in messages, its text, its kind) of ``-`` (standard input) or a file."""
    if argument == STDIN:
        text = decode_document(sys.stdin.buffer.read(), name="stdin")
        return "stdin", text, document_kind(text)
    text = read_document(argument)
    return argument, text, document_kind(text, argument)


def expand_arguments(targets: Iterable[str], suffixes: frozenset[str] = ARTICLE_SUFFIXES) -> Iterator[str]:
    """Each argument as the single inputs it names, in order.

    ``@list.txt`` gives its lines (blank lines and ``#`` comments skipped,
    lists inside lists followed, a list that includes itself refused) and a
    directory its files with one of ``suffixes``, sorted; anything else is
    passed on as it is.
    """
    yield from (target for target, _ in expand(targets, suffixes))


def expand(
    targets: Iterable[str], suffixes: frozenset[str], lists: tuple[str, ...] = ()
) -> Iterator[tuple[str, bool]]:
    """:func:`expand_arguments`, each input with whether it was found by a directory scan."""
    for target in targets:
        if target.startswith("@"):
            if target in lists:
                raise InputError(f"{target[1:]}: the argument list includes itself")
            lines = (line.strip() for line in read_document(target[1:]).splitlines())
            wanted = [line for line in lines if line and not line.startswith("#")]
            yield from expand(wanted, suffixes, (*lists, target))
        elif target != STDIN and not is_url(target) and Path(target).is_dir():
            files = sorted(p for p in Path(target).rglob("*") if p.suffix.lower() in suffixes and p.is_file())
            if not files:
                kinds = ", ".join(sorted(suffixes))
                raise InputError(f"{target}: no input files ({kinds}) in this directory")
            yield from ((str(file), True) for file in files)
        else:
            yield target, False
