"""CS2, the ``{{citation}}`` style: CS1's parts in CS1's order, separated by commas.

Module:Citation/CS1 renders both styles from one code path; CS2 only swaps the
separator (``sepc``) from "." to "," and writes its keywords in lower case
("retrieved", "in", "translated by"):

    Clutton-Brock, Juliet (1995), "Origins of the dog", in Serpell, James, The
    domestic dog: its evolution, Cambridge: Cambridge University Press, ISBN …

So a CS2 line is read by rewriting its separators to CS1's full stops and
handing it to the CS1 grammar; nothing about the parts is read twice. The
only CS2-specific knowledge is where a comma separates parts: not inside
quotes or brackets, not inside an editor's "Family, Given", and not before a
word in lower case that continues a title ("its evolution, behaviour and …").
"""

from __future__ import annotations

import re

from spector_refs.dates import NO_DATE, parse_date
from spector_refs.parse.core.cs1_book import starts_with_undated_authors
from spector_refs.parse.core.tokens import is_sentence_end

_HEAD = re.compile(
    r"^(?P<head>(?:[^\"“”()]|\(eds?\.\)){1,400}?\s?\((?:[^()]{0,40}?\d[a-z]?|"
    + NO_DATE
    + r")\)(?:\s*\[[^\[\]]{1,40}\])?|[^\"“”()]{1,400}?\s\(eds?\.\)),\s"
)  # "Authors (Date), " or, undated, "Editors (eds.), "
_TRANSLATORS = re.compile(r"^translated by (.+)$", re.S)
_KEYWORD = re.compile(r"^(?:in|translated by|edited by|illustrated by|vol\.|p\.|pp\.)\s", re.I)
_GIVEN_NAMES = re.compile(  # "James", "J. B.; Bell", "James (eds.)", "J. S. (2nd ed.)"
    r"^[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}(?:;\s.+|\s\(eds?\.\)|\s\([^()]{1,30}\sed\.\))?$"
)
_STOP = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9])")
_QUOTED_FIRST = re.compile(r"^(?:\"[^\"]{1,400}\"|“[^”]{1,400}”),\s")
_YEAR_IN_PARENTHESES = re.compile(r"\(\d{4}[a-z]?\)")
_MIN_UNDATED_PARTS = 3
_YEAR = re.compile(r"\d{4}")
_MONTH_DAY = re.compile(r"\b[A-Z][a-z]{2,8}\.? \d{1,2}$")
_OPENERS = {"(": ")", "[": "]", "“": "”"}
_PLACE_PUBLISHER = re.compile(r"^[A-Z][^:,]{1,40}:\s[A-Z]")  # "Title, London: Dent": undated and unauthored
_LIST_END = re.compile(r"^(?:and|or)\s")
_SHORT_WORDS = re.compile(r"^[A-Z][^\d\s,]*(?: [^\d\s,]+){0,2}$")


def cs2_as_cs1(text: str) -> str | None:
    """The CS1 rendering of a CS2 line, or None when ``text`` is not CS2-shaped.

    A line is CS2 when its author block ends "(Date), " (CS1 ends it with a
    full stop), when it opens with a quoted title followed by a comma, or,
    without authors, when no full stop separates anything and commas cut it
    into a title, more parts and a date at the end ("WHO expert consultation
    on rabies: First report, WHO Technical Report Series, 931, World Health
    Organisation, 2005"). CS1's undated author block ("Shortley, G., Williams, D. Elements
    of Physics: …") is not cut at its commas. A hand-typed "Name (Year) Title, …" is none of these.
    """
    head = _HEAD.match(text)
    if head:
        return head.group("head") + ". " + _as_cs1_parts(text[head.end() :])
    if _QUOTED_FIRST.match(text):
        return _as_cs1_parts(text)
    if starts_with_undated_authors(text):  # CS1's "Shortley, G., Williams, D. Title: …", cut by commas
        return None
    if _YEAR_IN_PARENTHESES.search(text) or any(
        is_sentence_end(text, match.start() + 1) for match in _STOP.finditer(text)
    ):
        return None
    parts = _top_level_parts(text)
    if len(parts) >= _MIN_UNDATED_PARTS and parse_date(parts[-1]):
        return _as_cs1_parts(text)
    return _as_cs1_parts(text) if len(parts) > 1 and _PLACE_PUBLISHER.match(parts[-1]) else None


def comma_parts(text: str) -> list[str]:
    """The parts of a line whose parts are separated by commas, as CS2 separates them."""
    return _merged_parts(_top_level_parts(text))


def _as_cs1_parts(text: str) -> str:
    """The parts of a CS2 tail joined the way CS1 joins them."""
    parts = comma_parts(text)
    return " ".join(part if part.endswith(".") else part + "." for part in parts)


def _merged_parts(parts: list[str]) -> list[str]:
    """Comma-cut pieces put back together where the comma was inside a part.

    Pieces are gathered in lists and joined once, so a line of ten thousand
    commas costs ten thousand steps, not ten thousand copies of the line.
    """
    groups: list[list[str]] = []
    for part in parts:
        if groups and _continues(groups[-1], part):
            if _LIST_END.match(part) and len(groups) > 1 and _ends_list(groups[-2], groups[-1]):
                groups[-2].extend(groups.pop())  # "Guns, Germs, and Steel": one title
            groups[-1].append(part)
        else:
            groups.append([part])
    joined = [", ".join(group) for group in groups]
    return [part[0].upper() + part[1:] if _KEYWORD.match(part) else part for part in joined]


def _ends_list(before: list[str], group: list[str]) -> bool:
    """Whether "A, B, and C" is one serial list: A and B are single short items."""
    return (
        len(before) == 1 and len(group) == 1 and all(_SHORT_WORDS.match(part) for part in (*before, *group))
    )


def _continues(group: list[str], part: str) -> bool:
    """Whether ``part`` still belongs to the part ``group`` began: a lower-case continuation
    of a title, the year of a "Month Day, Year" date, or the given names of an editor
    "in Family, Given" or of a translator "translated by Family, Given" (more names follow
    ";"). A translator's list opens with a family name alone; "translated by Stillman Drake,
    Penguin" names him whole, so the next part is the publisher."""
    if part[:1].islower() and not _KEYWORD.match(part):
        return True
    if _YEAR.fullmatch(part.rstrip(".")) and _MONTH_DAY.search(group[-1]):  # "October 3, 2008"
        return True
    family_waits = len(group) == 1 or ";" in group[-1]
    translators = _TRANSLATORS.match(group[0])
    names = group[0].startswith("in ") or bool(translators and (len(group) > 1 or " " not in translators[1]))
    return names and family_waits and bool(_GIVEN_NAMES.match(part))


def _top_level_parts(text: str) -> list[str]:
    """``text`` cut at the ", " that are outside quotes, parentheses and brackets.

    One pass with a stack of open brackets; a quote that never closes is
    ignored, so an unbalanced line is cut at every comma rather than kept whole.
    """
    parts, start, closers, quoted = [], 0, [], False
    for index, char in enumerate(text):
        if char == '"':
            quoted = not quoted
        elif char in _OPENERS:
            closers.append(_OPENERS[char])
        elif closers and char == closers[-1]:
            closers.pop()
        elif char == "," and text[index + 1 : index + 2] == " " and not closers and not quoted:
            parts.append(text[start:index])
            start = index + 2
    parts.append(text[start:])
    if quoted or closers:
        parts = text.split(", ")
    return [part.strip() for part in parts if part.strip()]
