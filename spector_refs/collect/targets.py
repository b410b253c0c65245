"""Where the URLs to check come from: an article, a .bib file or a plain list.

Each URL becomes a :class:`~spector_refs.model.LinkTarget` carrying what the
citation says about it: the access date (for the archive snapshot closest to
it) and the reference's own archive copy, if it already has one. Reading a
file or stdin does no network I/O (only a page URL is fetched, through
:mod:`spector_refs.collect.wiki`); bad lines become ``problems``, never exceptions.
What only some inputs need (the wiki client for page URLs, the date reader
for ``.bib`` files, the parsers for articles) is imported when one comes:
a URL list, the usual input of ``links``, reaches its first request without
them (~5 ms).
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from spector_refs.collect.documents import (
    ARTICLE_SUFFIXES,
    BIB_SUFFIXES,
    BIBLIOGRAPHY,
    STDIN,
    URL_LIST,
    expand_arguments,
    is_url,
    list_lines,
    read_input,
)
from spector_refs.model import LinkTarget, distinct_targets

LINK_INPUT_SUFFIXES = ARTICLE_SUFFIXES | BIB_SUFFIXES
_LATEX_URL = r"\\url\{([^}]+)\}"
_LATEX_ESCAPE = r"\\([%_&#$~])"
"""LaTeX in a .bib file's fields: compiled (and cached by :mod:`re`) when one is read."""


@dataclass(frozen=True)
class Targets:
    """The URLs read from one input, and what could not be read."""

    targets: tuple[LinkTarget, ...]
    problems: tuple[str, ...] = ()


def targets_from_bib(text: str, name: str = "input") -> Targets:
    """The ``url`` fields (and ``\\url{…}`` in notes) of a BibTeX/BibLaTeX file.

    ``urldate`` is BibLaTeX's access date.
    """
    import bibtexparser  # only for .bib inputs: it is slow to import

    from spector_refs.dates import parse_date

    with _quiet("bibtexparser"):
        library = bibtexparser.parse_string(text)
    found: list[LinkTarget] = []
    for entry in library.entries:
        fields = {key.lower(): str(field.value) for key, field in entry.fields_dict.items()}
        access = parse_date(fields["urldate"]) if fields.get("urldate") else None
        urls = [fields["url"]] if fields.get("url") else []
        for key in ("howpublished", "note"):
            urls += re.findall(_LATEX_URL, fields.get(key, ""))
        found += [LinkTarget(re.sub(_LATEX_ESCAPE, r"\1", url.strip()), access) for url in urls]
    problems = tuple(f"{name}: {_first_line(block.error)}" for block in library.failed_blocks)
    return Targets(tuple(distinct_targets(found)), problems)


@contextmanager
def _quiet(name: str) -> Iterator[None]:
    """Silence a library's logger while we call it.

    bibtexparser logs two lines for every unreadable block, which come back
    to us as ``failed_blocks`` and are reported once, as ``problems``, in our
    words; on a hostile file its lines would be thousands. ``logging`` is
    imported here, not by the command line, so a run that reads no ``.bib``
    never loads it.
    """
    import logging

    logger = logging.getLogger(name)
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        yield
    finally:
        logger.setLevel(level)


def _first_line(error: object) -> str:
    return str(error).strip().splitlines()[0] if str(error).strip() else "unreadable entry"


def targets_from_list(text: str, name: str = "input") -> Targets:
    """One URL per line; blank lines and ``#`` comments are skipped."""
    urls, others = list_lines(text)
    problems = tuple(f"{name}:{number}: not a URL: {line[:80]!r}" for number, line in others)
    return Targets(tuple(distinct_targets(urls)), problems)


def collect_targets(inputs: Iterable[str]) -> Targets:
    """The targets of every input (``@lists`` and directories expanded), details merged per URL."""
    found: list[LinkTarget] = []
    problems: list[str] = []
    for target in expand_arguments(inputs, LINK_INPUT_SUFFIXES):
        read = read_targets(target)
        found += read.targets
        problems += read.problems
    return Targets(tuple(distinct_targets(found)), tuple(problems))


def read_targets(target: str | os.PathLike[str]) -> Targets:
    """The targets of one input (a .bib file, a URL list or an article): a file, ``-``, a page URL
    (the URLs it cites) or any other URL (itself)."""
    name = os.fspath(target)
    if is_url(name):
        from spector_refs.collect.wiki import fetch_article, is_page_url

        if is_page_url(name):
            return Targets(tuple(fetch_article(name).link_targets()))
        return Targets((LinkTarget(name.strip()),))
    label, text, kind = read_input(name)
    if kind == BIBLIOGRAPHY:
        return targets_from_bib(text, label)
    if kind == URL_LIST:
        return targets_from_list(text, label)
    from spector_refs.parse import parse

    article = parse(text) if name == STDIN else parse(target)
    return Targets(tuple(article.link_targets()))
