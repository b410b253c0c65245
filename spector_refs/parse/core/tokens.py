"""Cutting a block of article text into claims, the way Wikipedia cites.

Every input format reduces a paragraph, list item, table cell or infobox row
to a stream of tokens: text, citation markers and inline cleanup tags. This
module turns that stream into :class:`Claim` records with one rule, shared by
all parsers so the same article gives the same claims in any format: a marker
(or a run of markers and tags) supports the text back to the previous marker
or the start of its sentence; text that reaches the end of its sentence
without a marker is a claim with no refs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass

from spector_refs.model import Claim
from spector_refs.parse.core.labels import label_number
from spector_refs.parse.core.tags import normalise_tag


@dataclass(frozen=True)
class Text:
    """A run of article text and where it starts in the input (1-based)."""

    text: str
    line: int | None = None
    column: int | None = None


@dataclass(frozen=True)
class Marker:
    """A citation marker: ``number`` in the main list, or a ``note`` label."""

    number: int | None = None
    note: str | None = None


@dataclass(frozen=True)
class Tag:
    """An inline cleanup tag such as "citation needed"."""

    name: str


Token = Text | Marker | Tag

_ABBREVIATIONS = frozenset(
    (
        "mr mrs ms dr prof st jr sr inc ltd co corp vs etc e.g i.e u.s u.k no nos p pp fig approx ca c "
        "gen col lt sgt rev hon est dept univ vol ed eds op cit al"
    ).split()
)
_BOUNDARY = re.compile(r"[.!?][\"”’')\]]*\s+(?=[\"“‘(\[]?[A-Z0-9€$£])")
_TRAILING = " \t\n,;:–—-"
_LOOKBACK = 8  # a boundary's punctuation and closing quotes may precede the new text


def is_sentence_end(text: str, end: int) -> bool:
    """Whether the punctuation before ``end`` ends a sentence.

    A period after a known abbreviation ("Dr.", "U.S.") or a lone initial
    ("J. Smith") does not, so such names never split a claim.
    """
    head = text[max(0, end - 60) : end].rstrip("\"”’')] \t\n")
    if not head.endswith("."):
        return True
    word = re.search(r"([\w.]+)\.$", head)
    if not word:
        return True
    token = word.group(1).lower()
    return not (token in _ABBREVIATIONS or (len(token) == 1 and token.isalpha()))


def _sentence_ends(text: str, start: int = 0) -> list[int]:
    """Offsets (from ``start`` on) where finished sentences end."""
    return [m.end() for m in _BOUNDARY.finditer(text, start) if is_sentence_end(text, m.start() + 1)]


class _Builder:
    """Accumulates text and markers of one block and emits claims."""

    def __init__(self, section: str | None, block: str, paragraph: int) -> None:
        self.section, self.block, self.paragraph = section, block, paragraph
        self.claims: list[Claim] = []
        self.buf = ""
        self.anchors: list[tuple[int, int | None, int | None]] = []
        self.refs: list[int] = []
        self.notes: list[str] = []
        self.tags: list[str] = []

    @property
    def pending(self) -> bool:
        return bool(self.refs or self.notes or self.tags)

    def add_text(self, token: Text) -> None:
        if self.pending and token.text.strip():
            self.close()
        self.anchors.append((len(self.buf), token.line, token.column))
        self.buf += token.text
        if not self.pending:
            self._emit_finished_sentences(len(token.text))

    def add_marker(self, token: Marker | Tag) -> None:
        if isinstance(token, Tag):
            self.tags.append(token.name)
        elif token.number is not None:
            self.refs.append(token.number)
        elif token.note:
            self.notes.append(token.note)

    def _emit_finished_sentences(self, appended: int) -> None:
        """Emit the sentences the new text finished; only the new tail is scanned."""
        start = 0
        for end in _sentence_ends(self.buf, max(0, len(self.buf) - appended - _LOOKBACK)):
            self._emit(start, end)
            start = end
        if start:
            self._drop(start)

    def close(self) -> None:
        self._emit(0, len(self.buf))
        self._drop(len(self.buf))
        self.refs, self.notes, self.tags = [], [], []

    def _drop(self, upto: int) -> None:
        """Forget the first ``upto`` characters, keeping position anchors."""
        kept = [(off - upto, ln, col) for off, ln, col in self.anchors if off >= upto]
        before = [a for a in self.anchors if a[0] < upto]
        if before and (not kept or kept[0][0] > 0):
            off, ln, col = before[-1]
            shift = self.buf[off:upto]
            kept.insert(0, (0, *_advance(ln, col, shift)))
        self.buf, self.anchors = self.buf[upto:], kept

    def _emit(self, start: int, end: int) -> None:
        raw = self.buf[start:end]
        text = " ".join(raw.split()).rstrip(_TRAILING)
        lead = len(raw) - len(raw.lstrip())
        if not text.strip(".!?\"'()[] "):
            self._merge_into_previous()
            return
        line, column = self._position(start + lead)
        self.claims.append(
            Claim(
                text=text,
                section=self.section,
                refs=tuple(self.refs),
                notes=tuple(self.notes),
                tags=tuple(self.tags),
                block=self.block,
                paragraph=self.paragraph,
                line=line,
                column=column,
            )
        )

    def _merge_into_previous(self) -> None:
        """Markers with no text of their own ("…,[1] ,[2]") join the last claim."""
        if not self.claims or not self.pending:
            return
        prev = self.claims[-1]
        self.claims[-1] = Claim(
            text=prev.text,
            section=prev.section,
            refs=prev.refs + tuple(self.refs),
            notes=prev.notes + tuple(self.notes),
            tags=prev.tags + tuple(self.tags),
            block=prev.block,
            paragraph=prev.paragraph,
            line=prev.line,
            column=prev.column,
        )

    def _position(self, offset: int) -> tuple[int | None, int | None]:
        anchor = None
        for candidate in self.anchors:
            if candidate[0] <= offset:
                anchor = candidate
        if anchor is None or anchor[1] is None:
            return None, None
        return _advance(anchor[1], anchor[2], self.buf[anchor[0] : offset])


def _advance(line: int | None, column: int | None, text: str) -> tuple[int | None, int | None]:
    """The position reached after ``text`` from (line, column)."""
    if line is None or column is None:
        return line, column
    if "\n" in text:
        return line + text.count("\n"), len(text) - text.rfind("\n")
    return line, column + len(text)


def claims_from_tokens(
    tokens: Iterable[Token],
    *,
    section: str | None = None,
    block: str = "paragraph",
    paragraph: int = 0,
) -> list[Claim]:
    """The claims of one block of text, in order."""
    builder = _Builder(section, block, paragraph)
    for token in tokens:
        if isinstance(token, Text):
            builder.add_text(token)
        else:
            builder.add_marker(token)
    builder.close()
    return builder.claims


_MARKER = re.compile(
    r"\[(?:(?P<number>\d{1,5})"
    r"|(?P<note>[a-z]{1,2}|[ivxlcdm]{3,12}|[A-Za-z][\w ]{0,15}? \d{1,4})"
    r"|(?P<tag>[^\[\]\d][^\[\]]{2,60}?))\]"
)


def tokenize_rendered(text: str, line: int | None = None, column: int | None = 1) -> list[Token]:
    """Tokens of text as a reader sees it: ``[12]``, ``[a]``, ``[note 1]``, ``[citation needed]``.

    Used for plain-text renderings and wherever a format leaves markers as
    bracketed text. Any other bracketed phrase of letters is an inline tag
    only if it is a known cleanup tag (see :func:`normalise_tag`).
    """
    tokens: list[Token] = []
    pos = 0
    for match in _MARKER.finditer(text):
        token = _marker_token(match)
        if token is None:
            continue
        if match.start() > pos:
            tokens.append(Text(text[pos : match.start()], line, column))
        line, column = _advance(line, column, text[pos : match.end()])
        tokens.append(token)
        pos = match.end()
    if pos < len(text):
        tokens.append(Text(text[pos:], line, column))
    return tokens


def _is_roman_label(text: str) -> bool:
    """ "iii", "xiv": a lower-roman notes label, as CSS writes it."""
    try:
        label_number(text, "lower-roman")
    except ValueError:
        return False
    return True


def _marker_token(match: re.Match[str]) -> Token | None:
    """The token a bracketed match stands for; None for ordinary bracketed prose."""
    if match.group("number"):
        return Marker(number=int(match.group("number")))
    note = match.group("note")
    if note and (len(note) <= 2 or " " in note or _is_roman_label(note)):
        return Marker(note=note)
    if note:  # "[mix]": letters of roman numerals, but no numeral
        return None
    tag = normalise_tag(match.group("tag"))
    return Tag(tag) if tag else None
