"""The plain-text rendering of a Wikipedia page: what a reader gets by copying it.

Headings end in " edit" (the section edit link), references are numbered
lines ``N. ^ [a b c …] <rendered CS1 citation>`` under a "References" (or
"Notes", "Citations", "Sources") heading. A browser's own text of the page
(``innerText``, what Chromium copies) has neither list numbers nor, on pages
rendered without edit links, the " edit" of headings: there an appendix heading
stands alone on its line and each entry starts with its backlinks — ``^ a b``
(the legacy parser) or ``↑`` and ``1 2 3`` (Parsoid) — and is numbered in
order, from 1 under each heading as each list is. Markers are ``[N]`` and cleanup
tags ``[citation needed]``. A run of short lines without sentence punctuation
in the lead is the infobox. Everything else is prose, cut into claims by
:mod:`spector_refs.parse.core.tokens`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from spector_refs.model import Article, Claim, Reference
from spector_refs.parse.core.cs1 import parse_rendered_citation
from spector_refs.parse.core.fields import CitationFields
from spector_refs.parse.core.labels import label_number, labels_style, list_label
from spector_refs.parse.core.sections import NON_PROSE_SECTIONS, NOTE_GROUP, REFERENCE_SECTIONS, SOURCES_GROUP
from spector_refs.parse.core.tags import normalise_tag
from spector_refs.parse.core.tokens import claims_from_tokens, tokenize_rendered

_HEADING = re.compile(r"^(?P<title>[^\s.].{0,80}?[^.,;:!?])(?: edit|\s*\[edit\])\s*$")
_REFERENCE_LINE = re.compile(
    r"^\s*(?P<label>\d{1,5}|[a-z]{1,2}|[ivxlcdm]{3,12})\.\s+(?:[\^↑]\s*)?(?P<body>.*)$"
)
_UNNUMBERED_LINE = re.compile(r"^\s*(?:[\^↑]\s*|(?=1(?: \d{1,3})+ \S))(?P<body>.*)$")  # "^ a b …", "1 2 3 …"
_BRACKETED = re.compile(r"\[([^\[\]]{1,60})\]")
_LEAD_IN = re.compile(  # "D. Bilodeau, quoted in ", "See, for example: " before "Family, Given"
    r"^(?:[^;:()\"“]{1,60}?,\s)?(?i:(?:quoted|cited|reprinted)\s+in|(?:see|cf\.)(?:\s+also)?(?:,?\s+for\s+example)?:?"
    r"|for\s+example:|e\.g\.,?)\s+(?=[A-Z][\w'’-]+,\s[A-Z])"
    r"|^[^\"“()]{1,400}?[.!?]\s+See(?:\s+also)?:?\s+(?=[\"“])"  # a note's sentence, then 'See "Title", …'
)
_BULLET = re.compile(r"^\s*(?:[•*·▪◦–-]|\d{1,3}[.)])\s+")
_INFOBOX_MIN_ROWS = 4
_INFOBOX_MAX_ROW = 60


@dataclass
class _State:
    """What the reader knows while walking the lines of the document."""

    section: str | None = None
    paragraph: int = 0
    listed: int = 0  # entries of the section's list read so far: a browser's copy numbers by order
    claims: list[Claim] = field(default_factory=list)
    references: list[Reference] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)


def parse_text(text: str, *, title: str | None = None, path: str | None = None) -> Article:
    """Parse a plain-text rendering into an :class:`Article`. Never raises on content."""
    state = _State()
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for block in _blocks(lines):
        _read_block(block, state)
    if not state.references:
        state.problems.append("no reference list found (no 'References' section with numbered entries)")
    return Article(
        title=title or _guess_title(state.claims, path),
        source_format="text",
        references=tuple(state.references),
        claims=tuple(state.claims),
        problems=tuple(state.problems),
        path=path,
    )


def _blocks(lines: list[str]) -> list[list[tuple[int, str]]]:
    """Groups of consecutive non-blank lines, each line with its number."""
    blocks: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    for number, line in enumerate(lines, start=1):
        if line.strip():
            current.append((number, line))
        elif current:
            blocks.append(current)
            current = []
    if current:
        blocks.append(current)
    return blocks


def _read_block(block: list[tuple[int, str]], state: _State) -> None:
    """Split a block at headings; each part is read as content of its section."""
    start = 0
    for index, (_, line) in enumerate(block):
        heading = _heading(line.strip())
        if heading:
            if index > start:
                _read_content(block[start:index], state)
            state.section, state.listed = heading, 0
            start = index + 1
    if start < len(block):
        _read_content(block[start:], state)


def _heading(line: str) -> str | None:
    """A heading's title: "History edit", or an appendix heading alone on its line ("References")."""
    match = _HEADING.match(line)
    if match:
        return match.group("title").strip()
    return line if line.lower() in REFERENCE_SECTIONS or line.lower() in NON_PROSE_SECTIONS else None


def _read_content(block: list[tuple[int, str]], state: _State) -> None:
    """Route a block by its section and shape: references, infobox, list or prose."""
    key = (state.section or "").lower()
    if key in REFERENCE_SECTIONS:
        _read_references(block, state, REFERENCE_SECTIONS[key])
    elif key in NON_PROSE_SECTIONS:
        return
    elif _is_infobox(block):
        for number, line in block:
            _add_claims(line, number, state, block="infobox")
    elif all(_BULLET.match(line) for _, line in block):
        for number, line in block:
            _add_claims(_BULLET.sub("", line), number, state, block="list", column=_indent(line) + 1)
    else:
        _add_claims(" ".join(line.strip() for _, line in block), block[0][0], state, block="paragraph")


def _indent(line: str) -> int:
    return len(line) - len(_BULLET.sub("", line))


def _is_infobox(block: list[tuple[int, str]]) -> bool:
    """Infobox rows: several short lines, none reading like a sentence."""
    if len(block) < _INFOBOX_MIN_ROWS:
        return False
    return all(len(line.strip()) <= _INFOBOX_MAX_ROW and not line.rstrip().endswith(".") for _, line in block)


def _add_claims(text: str, line: int, state: _State, *, block: str, column: int = 1) -> None:
    stripped = text.lstrip()
    column += len(text) - len(stripped)
    tokens = tokenize_rendered(stripped.rstrip(), line=line, column=column)
    state.claims.extend(
        claims_from_tokens(tokens, section=state.section, block=block, paragraph=state.paragraph)
    )
    state.paragraph += 1


def _read_references(block: list[tuple[int, str]], state: _State, group: str | None) -> None:
    """Numbered entries, with wrapped continuation lines joined to their entry."""
    entries: list[tuple[int, str, str]] = []
    sources = _sources_read(state)
    numbered = any(_REFERENCE_LINE.match(line) for _, line in block)
    if (
        group in (None, SOURCES_GROUP)
        and not numbered
        and not any(_UNNUMBERED_LINE.match(line) for _, line in block)
    ):
        _read_bibliography(block, state)
        return
    for number, line in block:
        match = _REFERENCE_LINE.match(line)
        unnumbered = None if numbered else _UNNUMBERED_LINE.match(line)
        if match and (match.group("label").isdigit() or "^" in line or "↑" in line):
            entries.append((number, match.group("label"), match.group("body")))
        elif unnumbered:  # a browser's text of the list: the entries' numbers are their order
            state.listed += 1  # each heading's list starts at 1, as each <ol> does
            label = str(state.listed)
            entries.append((number, label, unnumbered.group("body")))
        elif entries:
            line_no, label, body = entries[-1]
            entries[-1] = (line_no, label, body + " " + line.strip())
        elif group == SOURCES_GROUP:
            entries.append((number, str(sources + len(entries) + 1), _BULLET.sub("", line)))
        else:
            state.problems.append(f"line {number}: text in the reference list that is not an entry")
    parsed = _footnote_fields(entries, state) if group == NOTE_GROUP else None
    if parsed is not None:
        group = None
    style = labels_style([label for _line, label, _body in entries if not label.isdigit()]) or "lower-alpha"
    for index, (line_no, label, body) in enumerate(entries):
        number = int(label) if label.isdigit() else label_number(label, style)
        fields = parsed[index] if parsed is not None else None
        state.references.append(_reference(line_no, number, label, body, group, state, fields))


def _read_bibliography(block: list[tuple[int, str]], state: _State) -> None:
    """Lines with no list numbers and no backlinks under a reference heading: a bibliography
    (Galileo 2017's "References", New Zealand 2019's under "Citations"), one entry a line —
    the full citations short footnotes point at, the "sources" group numbered on across the
    page's bibliographies as the HTML and wikitext readers number it."""
    listed = _sources_read(state)
    for number, line in block:
        listed += 1
        state.references.append(
            _reference(number, listed, str(listed), _BULLET.sub("", line), SOURCES_GROUP, state)
        )


def _sources_read(state: _State) -> int:
    return sum(ref.group == SOURCES_GROUP for ref in state.references)


def _footnote_fields(entries: list[tuple[int, str, str]], state: _State) -> list[CitationFields] | None:
    """The entries' citations when a "Notes" list is the page's footnotes, else None.

    Galileo 2017 has 195 "^ Sharratt (1994, p. 135)." and full CS1 lines under "Notes", the
    bibliography under "References": no main list read yet, numbered (not lettered as
    explanatory notes are) and mostly entries the CS1 grammar reads as citations. The
    citations read to decide are the ones the references keep, so no entry is read twice.
    """
    if any(ref.group is None for ref in state.references) or not all(
        label.isdigit() for _, label, _ in entries
    ):
        return None
    parsed = [_citation_fields(_split_backlinks(body)[1]) for _, _, body in entries]
    cited = sum(fields.get("kind") is not None for fields in parsed)
    return parsed if cited * 2 > len(entries) else None


def _reference(
    line: int,
    number: int,
    label: str,
    body: str,
    group: str | None,
    state: _State,
    fields: CitationFields | None = None,
) -> Reference:
    """One entry: backlink letters give the cite count, the rest is CS1 (``fields`` if already read)."""
    if not label.isdigit() and group is None:
        group = NOTE_GROUP
    backlinks, citation = _split_backlinks(body)
    if group == NOTE_GROUP:  # an explanatory note is prose with its own citations, not a citation
        _add_claims(citation, line, state, block="note")
        fields = {"kind": "note"}
    elif fields is None:
        fields = _citation_fields(citation)
    return Reference(
        number=number,
        raw=body.strip(),
        group=group,
        cite_count=max(backlinks, 1),
        line=line,
        column=1,
        **fields,
    )


def _citation_fields(citation: str) -> CitationFields:
    """A rendered citation's fields, with its inline cleanup tags taken out first, and the
    prose an editor put before the citation inside the entry ("D. Bilodeau, quoted in",
    "See, for example:"): a browser's copy joins it to the citation, which the HTML reader
    reads from its own element, and the grammar would take it for the author."""
    citation, tags = _take_inline_tags(_LEAD_IN.sub("", citation.lstrip(), count=1))
    fields = parse_rendered_citation(citation)
    if tags:
        fields["tags"] = tags
    return fields


def _take_inline_tags(citation: str) -> tuple[str, tuple[str, ...]]:
    """Inline cleanup tags after or inside a citation ("… ISBN 0-87605-464-5.[page needed]",
    "[dead link]"): the reference's tags, as the HTML and wikitext readers record them, and
    out of the text the citation grammar reads. Bracketed text that is no tag (a
    translated title) stays."""
    tags: list[str] = []

    def take(match: re.Match[str]) -> str:
        tag = normalise_tag(match.group(1))
        if tag is None:
            return match.group(0)
        tags.append(tag)
        return ""

    return _BRACKETED.sub(take, citation).strip(), tuple(dict.fromkeys(tags))


def _split_backlinks(body: str) -> tuple[int, str]:
    """``a b c "Title"…`` (or Parsoid's ``1 2 3 "Title"…``) → 3 backlinks; the letters or
    numbers must run a, b, c… or 1, 2, 3… in order."""
    words = body.split(" ")
    count = 0
    style = "decimal" if words[0] == "1" else "lower-alpha"
    while count < len(words) - 1 and words[count] == list_label(count + 1, style):
        count += 1
    if style == "decimal" and count < 2:  # one backlink is "↑": "1 Corinthians" is a title
        count = 0
    return count, " ".join(words[count:]).strip()


def _guess_title(claims: list[Claim], path: str | None) -> str | None:
    """The lead's subject ("Operation SpecTor was …"), else the file name."""
    for claim in claims:
        if claim.section is None and claim.block == "paragraph":
            match = re.match(r"^(?:The )?(.{2,60}?) (?:was|is|are|were|refers to)\b", claim.text)
            if match and len(match.group(1).split()) <= 8:
                return match.group(1)
            break
    return Path(path).stem.replace("_", " ") if path else None
