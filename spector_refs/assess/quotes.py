"""Is a citation's ``quote=`` still on the page? Word-sequence search with ellipses as gaps.

A quotation copied from a page differs from the page's text in ways that do
not matter — curly or straight quotes, dashes, case, line breaks, a word cut
out and marked "…" or "[...]" — so both are reduced to their words (letters
and digits, case-folded, accents kept) and each part between ellipses must
appear, in order, as a run of words in the page. When it does not, the
editor needs the passage that comes closest: the window of the page with the
most words in common with the quote, found in one pass over the page.
"""

from __future__ import annotations

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

_ELLIPSIS = re.compile(r"\[\s*(?:\.\s*){3}\]|\[\s*…\s*\]|\.\s*\.\s*\.|…")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)*")
_MIN_WORDS = 3
_CLOSEST_MAX_CHARS = 300
_MIN_CONTEXT_WORDS = 2


@dataclass(frozen=True)
class QuoteCheck:
    """Whether the quote was found, and otherwise the closest passage and its share of the quote's words."""

    found: bool
    closest: str = ""
    share: float = 0.0


def check_quote(quote: str, page_text: str) -> QuoteCheck | None:
    """Look for ``quote`` in ``page_text``; None when the quote is too short to judge."""
    fragments = [_words(part) for part in _ELLIPSIS.split(quote)]
    fragments = [fragment for fragment in fragments if fragment]
    if sum(len(fragment) for fragment in fragments) < _MIN_WORDS:
        return None
    spans = [(m.start(), m.end()) for m in _WORD.finditer(page_text)]
    page_words = [_fold(page_text[start:end]) for start, end in spans]
    if _in_order(fragments, page_words):
        return QuoteCheck(True)
    wanted = [word for fragment in fragments for word in fragment]
    start, end, share = _closest_window(wanted, page_words)
    if start == end:
        return QuoteCheck(False)
    end = min(len(spans), end + max(_MIN_CONTEXT_WORDS, len(wanted) // 4))  # the changed wording runs on
    passage = page_text[spans[start][0] : spans[end - 1][1]]
    return QuoteCheck(False, _shorten(passage), share)


def _fold(word: str) -> str:
    return unicodedata.normalize("NFKC", word).casefold().replace("’", "'")


def _words(text: str) -> list[str]:
    return [_fold(word) for word in _WORD.findall(text)]


def _in_order(fragments: list[list[str]], page_words: list[str]) -> bool:
    """Each fragment as a run of consecutive words, each after the previous one."""
    haystack = " " + " ".join(page_words) + " "
    position = 0
    for fragment in fragments:
        found = haystack.find(" " + " ".join(fragment) + " ", position)
        if found < 0:
            return False
        position = found + 1
    return True


def _closest_window(wanted: list[str], page_words: list[str]) -> tuple[int, int, float]:
    """The window of ``len(wanted)`` page words sharing most words with the quote (a sliding count)."""
    size = min(len(wanted), len(page_words))
    if size == 0:
        return 0, 0, 0.0
    need = Counter(wanted)
    have: Counter[str] = Counter()
    shared = best = best_start = 0
    for index, word in enumerate(page_words):
        if have[word] < need[word]:
            shared += 1
        have[word] += 1
        if index >= size:
            old = page_words[index - size]
            have[old] -= 1
            if have[old] < need[old]:
                shared -= 1
        if shared > best:
            best, best_start = shared, max(0, index - size + 1)
    start, end = best_start, best_start + size
    while start < end and page_words[start] not in need:  # no words of the page's that the quote lacks
        start += 1
    while end > start and page_words[end - 1] not in need:
        end -= 1
    return start, end, best / len(wanted)


def _shorten(passage: str) -> str:
    passage = " ".join(passage.split())
    return passage if len(passage) <= _CLOSEST_MAX_CHARS else passage[: _CLOSEST_MAX_CHARS - 1] + "…"
