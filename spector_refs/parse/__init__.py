"""Parse an article in any of the forms it comes in, into one :class:`Article`.

One package per input format (``text``, ``html``, ``wikitext``) over a shared
``core`` that imports none of them; this module only decides which one
applies, from the file extension and the content, so that every later stage
works on any input.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from spector_refs.errors import InputError
from spector_refs.inputs import decode_document, read_document

if TYPE_CHECKING:
    from spector_refs.model import Article

FORMATS = ("text", "html", "wikitext")
_EXTENSIONS = {
    ".txt": None,
    ".text": "text",
    ".html": "html",
    ".htm": "html",
    ".xhtml": "html",
    ".wiki": "wikitext",
    ".wikitext": "wikitext",
    ".mediawiki": "wikitext",
    ".xml": "wikitext",
}
_PATH_LIKE = re.compile(r"\.(?:txt|text|html?|xhtml|wiki|wikitext|mediawiki|xml)$", re.I)


def parse(
    source: str | bytes | os.PathLike[str],
    *,
    format: str | None = None,
    title: str | None = None,
) -> Article:
    """Parse a path, text or bytes into an :class:`Article`; the format is detected.

    Raises :class:`InputError` for input that cannot be read at all (missing,
    binary, empty, unknown format name). Odd content never raises: it is
    recorded in ``Article.problems``.
    """
    if format is not None and format not in FORMATS:
        raise InputError(f"unknown input format {format!r} (choose from {', '.join(FORMATS)})")
    path: str | None = None
    if isinstance(source, bytes):
        text = decode_document(source)
    elif isinstance(source, os.PathLike) or _is_path(source):
        text = read_document(source)
        path = _display_path(os.fspath(source))
        format = format or _EXTENSIONS.get(Path(path).suffix.lower())
    else:
        text = source
        if not text.strip():
            raise InputError("input: empty document")
    return _PARSERS[format or detect_format(text)](text, title=title, path=path)


def _display_path(path: str) -> str:
    """The path as text every report can write: undecodable bytes become U+FFFD."""
    return path.encode("utf-8", "surrogateescape").decode("utf-8", "replace")


def _is_path(source: str) -> bool:
    """A one-line string that names a file (or looks like a file name)."""
    if "\n" in source or len(source) > 1024:
        return False
    if _PATH_LIKE.search(source.strip()):
        return True
    try:
        return Path(source).exists()
    except (OSError, ValueError):  # too long for a file name, or a NUL byte
        return False


def detect_format(text: str) -> str:
    """ "html", "wikitext" or "text", judged from the content alone."""
    from spector_refs.parse.html import looks_like_html
    from spector_refs.parse.wikitext import looks_like_wikitext

    if looks_like_html(text):
        return "html"
    if looks_like_wikitext(text):
        return "wikitext"
    return "text"


def _parse_text(text: str, *, title: str | None, path: str | None) -> Article:
    from spector_refs.parse.text import parse_text

    return parse_text(text, title=title, path=path)


def _parse_html(text: str, *, title: str | None, path: str | None) -> Article:
    from spector_refs.parse.html import parse_html

    return parse_html(text, title=title, path=path)


def _parse_wikitext(text: str, *, title: str | None, path: str | None) -> Article:
    from spector_refs.parse.wikitext import parse_wikitext

    return parse_wikitext(text, title=title, path=path)


_PARSERS: dict[str, Callable[..., Article]] = {
    "text": _parse_text,
    "html": _parse_html,
    "wikitext": _parse_wikitext,
}
