"""Citation keys in Better BibTeX's default form: ``auth.lower + shorttitle(3,3) + year``.

``greenbergCopsJustRevealed`` for Andy Greenberg's undated Wired article,
``local3newsLargestInternationalOperation2023`` for an organisation author.
Keys are what a LaTeX document cites, so they must be stable: a key depends
only on its own reference, and a clash is resolved first come first served
(the later one gets ``a``, ``b``, …), so adding an unrelated reference never
renames an existing key. CSL-JSON ids use the same keys.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator, Sequence
from itertools import count, product
from string import ascii_lowercase

from spector_refs.model import Reference

SKIP_WORDS = frozenset(
    {
        "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "is", "nor", "of", "off",
        "on", "onto", "or", "over", "per", "so", "than", "the", "to", "up", "upon", "via", "with", "within",
        "without", "yet", "der", "die", "das", "des", "dem", "den", "ein", "eine", "und", "von", "zu", "le",
        "la", "les", "un", "une", "du", "de", "et", "el", "los", "las", "y", "il", "lo", "gli",
    }
)  # fmt: skip
"""Function words shorttitle skips (the English core of Better BibTeX's list, plus common articles)."""

_FOLD = str.maketrans(
    {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss", "æ": "ae", "Æ": "Ae",
     "ø": "o", "Ø": "O", "ł": "l", "Ł": "L", "đ": "d", "Đ": "D", "þ": "th", "Þ": "Th", "œ": "oe", "Œ": "Oe"}
)  # fmt: skip
_WORD = re.compile(r"[A-Za-z0-9]+")


def fold(text: str) -> str:
    """ASCII transliteration the way Better BibTeX does it (ä → ae, é → e, others dropped)."""
    decomposed = unicodedata.normalize("NFKD", text.translate(_FOLD))
    return "".join(ch for ch in decomposed if ch.isascii() and not unicodedata.combining(ch))


def base_key(ref: Reference) -> str:
    """The key before clash resolution; ``ref<number>`` when a reference gives nothing to build on."""
    key = _auth(ref) + _shorttitle(ref.title or "") + _year(ref.date)
    return key or f"ref{ref.number}"


def _auth(ref: Reference) -> str:
    if not ref.authors:
        return ""
    first = ref.authors[0]
    name = first.literal if first.literal is not None else first.family or first.given or ""
    return "".join(_WORD.findall(fold(name))).lower()


def _shorttitle(title: str) -> str:
    words = [w for w in _WORD.findall(fold(title)) if w.lower() not in SKIP_WORDS][:3]
    return "".join(w[:1].upper() + w[1:] for w in words)


def _year(date: str | None) -> str:
    return date[:4] if date and re.match(r"\d{4}", date) else ""


def citation_keys(references: Sequence[Reference]) -> list[str]:
    """One unique key per reference, in order; clashes compared case-insensitively."""
    taken: set[str] = set()
    keys = []
    for ref in references:
        key = next(k for k in _candidates(base_key(ref)) if k.lower() not in taken)
        taken.add(key.lower())
        keys.append(key)
    return keys


def _candidates(base: str) -> Iterator[str]:
    yield base
    for length in count(1):
        for letters in product(ascii_lowercase, repeat=length):
            yield base + "".join(letters)
