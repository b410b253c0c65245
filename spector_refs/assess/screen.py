"""Whether any of several regular expressions matches a text, told fast when none does.

Python's ``re`` tries every alternative of a combined pattern at every position of the text,
so one search over the twenty-odd URL rules costs as much as the rest of classifying a site
seen for the first time — and most addresses meet none of them. Most rules name words
(``/opinion/``, ``newswire``, ``(?<=daily)``): every match of such a rule holds one of a few
literal strings, which :func:`literal_factors` reads off the parsed pattern. One pattern of
those strings arranged as a trie (shared first letters tried once) rules out most texts at a
fifth of the cost; only a text it lets through meets the combined pattern. A rule that names no
such string is searched as before (at the start alone if it is anchored there). The answer is
always the combined patterns': the screen only skips texts they could not match.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from re import _constants as sre  # type: ignore[attr-defined]
from re import _parser as sre_parse  # type: ignore[attr-defined]
from typing import Any, NamedTuple

_MIN_FACTOR = 2
"""The shortest string worth screening for: one character (the ``/`` of every path) rules nothing out."""
_CASE_SENSITIVE = re.RegexFlag(0)
_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, sre.POSSESSIVE_REPEAT)


@dataclass(frozen=True)
class AnyOf:
    """Several patterns asked together: ``search`` is whether any of them matches (``re.search``)."""

    screen: re.Pattern[str] | None
    """Literal strings one of which every match of ``screened`` holds (lower case if ``fold``), and
    maybe others: a screen shared by several questions (:meth:`sharing`) finds all of theirs."""
    screened: re.Pattern[str] | None
    """The patterns that name such strings, combined."""
    anchored: re.Pattern[str] | None
    """The others that match only at the start, combined: tried there alone."""
    rest: re.Pattern[str] | None
    """The others, combined: searched in every text."""
    fold: bool
    """The patterns ignore case: the screen reads an ASCII text lower-cased, the same test as ``re.I``
    at half its cost (a case-blind pattern cannot skip ahead to the letters it starts with)."""

    @classmethod
    def of(cls, patterns: Iterable[re.Pattern[str]], flags: re.RegexFlag) -> AnyOf:
        """Combine the patterns, all compiled with ``flags``, for one question: does any of them match.

        A pattern that ignores case where ``flags`` does not (an inline ``(?i)``) is not screened.
        """
        (question,), _ = cls.sharing([(patterns, flags)])
        return question

    @classmethod
    def sharing(
        cls, groups: Iterable[tuple[Iterable[re.Pattern[str]], re.RegexFlag]], more: Iterable[str] = ()
    ) -> tuple[list[AnyOf], re.Pattern[str]]:
        """One question per group of patterns (as :meth:`of`), all screened by one trie of their
        literal strings and the words ``more``; the trie is returned too.

        A text the trie finds nothing in matches none of the groups' screened patterns: several
        questions about one text are answered in one search, and start-up compiles one trie.
        """
        parts = [(_split(patterns, flags), flags) for patterns, flags in groups]
        screen = any_word(set(more).union(*(split.words for split, _ in parts)))
        questions = [
            cls(
                screen if split.words else None,
                _combined(split.screened, flags),
                _combined(split.anchored, flags),
                _combined(split.rest, flags),
                bool(flags & re.I),
            )
            for split, flags in parts
        ]
        return questions, screen

    def screens_all(self) -> bool:
        """Whether every pattern is screened: a text ``screen`` finds nothing in matches none (if
        ``fold``, an ASCII text read in lower case)."""
        return self.anchored is None and self.rest is None

    def search(self, text: str) -> bool:
        """Whether any of the patterns matches somewhere in the text."""
        if self.anchored is not None and self.anchored.match(text):
            return True
        if self.rest is not None and self.rest.search(text):
            return True
        if self.screened is None:
            return False
        screen, fold = self.screen, self.fold
        if (
            screen is not None
            and (text.isascii() or not fold)
            and not screen.search(text.lower() if fold else text)
        ):
            return False
        return self.screened.search(text) is not None


class _Split(NamedTuple):
    """Patterns sorted by how :class:`AnyOf` asks them, with the literal strings of the screened."""

    words: frozenset[str]
    screened: list[re.Pattern[str]]
    anchored: list[re.Pattern[str]]
    rest: list[re.Pattern[str]]


def _split(patterns: Iterable[re.Pattern[str]], flags: re.RegexFlag) -> _Split:
    fold = bool(flags & re.I)
    words: set[str] = set()
    split = _Split(frozenset(), [], [], [])
    for pattern in patterns:
        parsed = sre_parse.parse(pattern.pattern, pattern.flags)
        found = _factors(parsed) if bool(pattern.flags & re.I) == fold else None
        if found and min(map(len, found)) >= _MIN_FACTOR:
            words |= found
            split.screened.append(pattern)
        else:
            (split.anchored if _anchored(parsed) else split.rest).append(pattern)
    return split._replace(words=frozenset(words))


def literal_factors(pattern: re.Pattern[str]) -> frozenset[str] | None:
    """Strings one of which every match of the pattern holds (ASCII, lower case under re.I); None if unknown.

    Read off the parsed pattern: a sequence needs each of its parts, so the part with the longest
    required strings stands for it; an alternation needs one of its branches; a repeat at least
    once needs its item; a lookaround that must match needs what it looks at.
    """
    return _factors(sre_parse.parse(pattern.pattern, pattern.flags))


def _factors(parsed: Any) -> frozenset[str] | None:
    return _sequence(parsed.data, bool(parsed.state.flags & re.I))


def _sequence(items: Sequence[tuple[Any, Any]], ignore_case: bool) -> frozenset[str] | None:
    """The best factors of one part of a sequence: runs of literal characters, or a group's."""
    found: list[frozenset[str]] = []
    run = ""
    for op, value in items:
        if op is sre.LITERAL and value < 128:
            run += chr(value).lower() if ignore_case else chr(value)
            continue
        if run:
            found.append(frozenset({run}))
            run = ""
        part = _node(op, value, ignore_case)
        if part:
            found.append(part)
    if run:
        found.append(frozenset({run}))
    return max(found, key=lambda words: (min(map(len, words)), -len(words)), default=None)


def _node(op: Any, value: Any, ignore_case: bool) -> frozenset[str] | None:
    if op is sre.SUBPATTERN:
        _, added, removed, items = value
        return None if (added | removed) & re.I else _sequence(items, ignore_case)
    if op is sre.BRANCH:
        words: set[str] = set()
        for items in value[1]:
            branch = _sequence(items, ignore_case)
            if not branch:
                return None
            words |= branch
        return frozenset(words)
    if op in _REPEATS:
        low, _, items = value
        return _sequence(items, ignore_case) if low >= 1 else None
    if op is sre.ATOMIC_GROUP:
        return _sequence(value, ignore_case)
    if op is sre.ASSERT:
        return _sequence(value[1], ignore_case)
    return None


def any_word(words: Iterable[str], flags: re.RegexFlag = _CASE_SENSITIVE) -> re.Pattern[str]:
    """A pattern that finds any of the (non-empty) words in a text: a trie, a fifth of the cost of a list."""
    unique = sorted({word for word in words if word})
    return re.compile(_trie(unique) if unique else "(?!)", flags)


def _anchored(parsed: Any) -> bool:
    """Whether the (parsed) pattern can match only at the start of the text: it begins with ``^``."""
    starts = bool(parsed.data) and parsed.data[0] == (sre.AT, sre.AT_BEGINNING)
    return starts and not parsed.state.flags & re.M


def _combined(patterns: Sequence[re.Pattern[str]], flags: re.RegexFlag) -> re.Pattern[str] | None:
    return re.compile("|".join(f"(?:{pattern.pattern})" for pattern in patterns), flags) if patterns else None


def _trie(words: Sequence[str]) -> str:
    """An alternation of the words with shared first letters written once; a word another starts
    with stands for both (a text holding the longer holds the shorter)."""
    heads: dict[str, list[str]] = {}
    for word in words:
        heads.setdefault(word[0], []).append(word[1:])
    branches = [re.escape(head) + ("" if "" in tails else _trie(tails)) for head, tails in heads.items()]
    return branches[0] if len(branches) == 1 else f"(?:{'|'.join(branches)})"
