"""Claims from the body of a Wikipedia HTML page.

The body is walked in document order, keeping the current section heading.
Paragraphs, list items, table cells and infobox rows each become a block of
tokens (text, citation markers, inline cleanup tags) that
:func:`~spector_refs.parse.core.tokens.claims_from_tokens` cuts into claims, the
same way for every input format. Navigation boxes, hatnotes, images, edit
links and the non-prose sections are not claim sources. Notes lists give
claims too (block "note"), and the entries of a "Sources"/"Bibliography"
section become references of group "sources", as in the plain-text reader.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from bs4 import NavigableString, Tag
from bs4.element import PreformattedString

from spector_refs.model import Claim, Reference
from spector_refs.parse.core.sections import (
    NOTE_GROUP,
    REFERENCE_SECTIONS,
    SKIPPED_SECTIONS,
    SOURCES_GROUP,
)
from spector_refs.parse.core.tokens import Marker, Text, Token, claims_from_tokens
from spector_refs.parse.core.tokens import Tag as InlineTag
from spector_refs.parse.html.cite import attribute, citation_fields, reader_text
from spector_refs.parse.html.refs import PageIndex, make_reference, reference_text_node
from spector_refs.parse.html.tags import inline_tag, is_inline_tag

_SOURCES_SECTIONS = frozenset(name for name, group in REFERENCE_SECTIONS.items() if group == SOURCES_GROUP)
_SKIPPED_CLASSES = frozenset({
    "navbox", "vertical-navbox", "navbox-styles", "hatnote", "dablink", "rellink", "mw-editsection",
    "metadata", "ambox", "mbox-small", "sistersitebox", "toc", "thumb", "tmulti", "gallery", "sidebar",
    "portal", "portalbox", "shortdescription", "mw-empty-elt", "catlinks", "authority-control",
    "navigation-not-searchable", "printfooter", "side-box", "noprint", "mw-jump-link", "mw-indicators",
    "quotebox", "reflist", "refbegin", "mw-references-wrap", "Z3988", "mw-cite-backlink", "sortkey",
    "mw-kartographer-container",
})  # fmt: skip
_HIDDEN_TAGS = frozenset({"style", "script", "link", "meta", "noscript", "figure", "img", "math", "svg"})
_BLOCKS = frozenset({"ul", "ol", "dl", "table"})
_CONTAINERS = frozenset({
    "html", "body", "div", "section", "article", "main", "aside", "header", "footer", "center",
    "blockquote", "details",
})  # fmt: skip
_HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
_REFERENCE_SECTION = "references"  # no prose; its reference lists are read, and its bulleted lists too
_BIBLIOGRAPHY_LISTS = frozenset({"ul", "ol"})
_NOTE_LINK = re.compile(r"#cite_note")
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)


@dataclass
class _Walk:
    """The reader's position: current section, its kind, and what was found."""

    index: PageIndex
    section: str | None = None
    mode: str = "prose"
    levels: list[tuple[int, str]] = field(default_factory=list)
    paragraph: int = 0
    claims: list[Claim] = field(default_factory=list)
    sources: list[Reference] = field(default_factory=list)
    list_ids: set[int] = field(default_factory=set)
    list_holders: set[int] = field(default_factory=set)
    heading_holders: set[int] = field(default_factory=set)
    sources_items: set[int] = field(default_factory=set)


def read_body(root: Tag, index: PageIndex) -> tuple[list[Claim], list[Reference]]:
    """The page's claims in order, and the references of its "Sources" section."""
    lists = index.lists
    walk = _Walk(
        index=index,
        list_ids={id(ol) for ol in lists},
        list_holders={id(parent) for ol in lists for parent in ol.parents},
        heading_holders=_ancestor_ids([tag for tag in root.find_all(True) if tag.name in _HEADINGS]),
    )
    _walk_container(root, walk)
    return walk.claims, walk.sources


def _ancestor_ids(tags: list[Tag]) -> set[int]:
    """Ids of every element holding one of ``tags``.

    Each climb stops at an ancestor already seen, so this is linear in the
    page; asking each container ``find(heading)`` instead searched the
    subtree once per level, quadratic on deeply nested ``<div>``.
    """
    seen: set[int] = set()
    for tag in tags:
        for parent in tag.parents:
            if id(parent) in seen:
                break
            seen.add(id(parent))
    return seen


def _walk_container(node: Tag, walk: _Walk) -> None:
    """Visit block children; loose inline content forms an implicit paragraph."""
    loose: list[Tag | NavigableString] = []
    for child in list(node.children):
        if isinstance(child, Tag) and (child.name in _HEADINGS or _is_block(child)):
            _flush_loose(loose, walk)
            _visit(child, walk)
        elif isinstance(child, (Tag, NavigableString)) and not isinstance(child, PreformattedString):
            loose.append(child)
    _flush_loose(loose, walk)


def _is_block(tag: Tag) -> bool:
    return (
        tag.name in _BLOCKS or tag.name in _CONTAINERS or tag.name in {"p", "dd", "dt", "figure", "hr", "pre"}
    )


def _flush_loose(loose: list[Tag | NavigableString], walk: _Walk) -> None:
    if loose and walk.mode == "prose":
        tokens: list[Token] = []
        deferred: list[Tag] = []
        for node in loose:
            _node_tokens(node, walk, tokens, deferred)
        _emit(tokens, walk, "paragraph")
    loose.clear()


def _visit(tag: Tag, walk: _Walk) -> None:
    if tag.name in _HEADINGS:
        _enter_section(tag, walk)
    elif id(tag) in walk.list_ids:
        _read_notes(tag, walk)
    elif id(tag) in walk.list_holders:
        _walk_container(tag, walk)
    elif tag.name in _HIDDEN_TAGS or _HIDDEN_STYLE.search(str(tag.get("style") or "")):
        return
    elif tag.name in _CONTAINERS and not _skipped(tag) and id(tag) in walk.heading_holders:
        _walk_container(tag, walk)
    elif walk.mode == SOURCES_GROUP:
        _read_sources(tag, walk)
    elif walk.mode == _REFERENCE_SECTION:
        _read_bibliographies(tag, walk)
    elif walk.mode != "prose" or _skipped(tag):
        return
    elif tag.name == "table":
        _read_table(tag, walk)
    elif tag.name in {"ul", "ol", "dl"}:
        _read_list(tag, walk)
    elif tag.name in {"p", "dd", "dt", "pre"}:
        _read_block(tag, walk, "paragraph")
    elif tag.name in _CONTAINERS:
        _walk_container(tag, walk)


def _read_notes(ol: Tag, walk: _Walk) -> None:
    """A reference list gives claims only if it is the notes list (block "note")."""
    for li in ol.find_all("li", recursive=False):
        target = walk.index.targets.get(attribute(li, "id"))
        text = reference_text_node(li)
        if target is not None and target.group == NOTE_GROUP and text is not None:
            _read_block(text, walk, "note")


def _enter_section(heading: Tag, walk: _Walk) -> None:
    """Track the heading; a section is prose, skipped, or a list of sources.

    Subsections inherit a skipped parent ("Further reading" › "Books"),
    but a "Sources" subsection of "References" is still read for sources.
    """
    level = int(heading.name[1])
    text = reader_text(heading, skip=("mw-editsection",))
    key = text.lower().strip()
    while walk.levels and walk.levels[-1][0] >= level:
        walk.levels.pop()
    parent_mode = walk.levels[-1][1] if walk.levels else "prose"
    if key in _SOURCES_SECTIONS:
        mode = SOURCES_GROUP
    elif key in REFERENCE_SECTIONS:
        mode = _REFERENCE_SECTION
    elif key in SKIPPED_SECTIONS:
        mode = "skip"
    else:
        mode = parent_mode
    walk.levels.append((level, mode))
    walk.section, walk.mode = text or None, mode


def _skipped(tag: Tag) -> bool:
    if tag.name in _HIDDEN_TAGS or _HIDDEN_STYLE.search(str(tag.get("style") or "")):
        return True
    classes = tag.get("class") or ()
    return any(name in _SKIPPED_CLASSES for name in classes)


def _read_block(tag: Tag, walk: _Walk, block: str) -> None:
    tokens: list[Token] = []
    deferred: list[Tag] = []
    _node_tokens(tag, walk, tokens, deferred, top=True)
    _emit(tokens, walk, block)
    for nested in deferred:
        _visit(nested, walk)


def _emit(tokens: list[Token], walk: _Walk, block: str) -> None:
    if not any(isinstance(t, Text) and t.text.strip() for t in tokens):
        return
    walk.claims.extend(
        claims_from_tokens(tokens, section=walk.section, block=block, paragraph=walk.paragraph)
    )
    walk.paragraph += 1


def _node_tokens(
    node: Tag | NavigableString, walk: _Walk, out: list[Token], deferred: list[Tag], *, top: bool = False
) -> None:
    """Tokens of one node; nested lists and tables are set aside for later."""
    if isinstance(node, PreformattedString):
        return
    if isinstance(node, NavigableString):
        parent = node.parent
        out.append(Text(str(node), walk.index.lines.get(id(parent)) if parent is not None else None))
        return
    if not top and node.name in _BLOCKS:
        deferred.append(node)
    elif is_marker(node):
        marker = resolve_marker(node, walk.index)
        if marker is not None:
            out.append(marker)
    elif is_page_in_source(node):
        return
    elif is_inline_tag(node):
        name = inline_tag(node, walk.index.templates)
        if name:
            out.append(InlineTag(name))
    elif node.name == "br":
        out.append(Text(" "))
    elif not _skipped(node):
        for child in list(node.children):
            if isinstance(child, (Tag, NavigableString)):
                _node_tokens(child, walk, out, deferred)


def is_marker(tag: Tag) -> bool:
    """A citation marker: legacy ``sup.reference`` or Parsoid ``mw:Extension/ref``.

    {{rp}} page numbers (``sup.reference`` with ":35" and no link) are not
    markers; see :func:`is_page_in_source`.
    """
    if tag.name not in {"sup", "span"}:
        return False
    classes = tag.get("class") or ()
    if "mw:Extension/ref" in str(tag.get("typeof") or ""):
        return True
    return ("reference" in classes or "mw-ref" in classes) and tag.find("a", href=_NOTE_LINK) is not None


def is_page_in_source(tag: Tag) -> bool:
    """{{rp}}'s ":35" after a marker: a detail of the citation, not claim text."""
    return tag.name == "sup" and "reference" in (tag.get("class") or ()) and not is_marker(tag)


def resolve_marker(tag: Tag, index: PageIndex) -> Marker | None:
    """The reference a marker links to; its visible label if the link is broken."""
    link = tag.find("a", href=True)
    target = index.targets.get(attribute(link, "href").split("#", 1)[-1]) if link is not None else None
    if target is not None:
        return Marker(number=target.number) if target.group is None else Marker(note=target.label)
    label = reader_text(tag).strip("[] ")
    if label.isdigit():
        return Marker(number=int(label))
    return Marker(note=label) if label else None


def _rows(table: Tag) -> list[Tag]:
    """Rows of this table, not of tables nested in it: children of the table or of its sections.

    Only direct children are looked at, so nested tables cost nothing here
    (searching every descendant row of every table is quadratic in the depth).
    """
    rows: list[Tag] = []
    for child in table.find_all(["tr", "thead", "tbody", "tfoot"], recursive=False):
        rows.extend([child] if child.name == "tr" else child.find_all("tr", recursive=False))
    return rows


def _read_table(table: Tag, walk: _Walk) -> None:
    """Infobox rows as one block each; other tables cell by cell."""
    classes = table.get("class") or ()
    if any(name.startswith("infobox") for name in classes):
        _read_infobox(table, walk)
        return
    for position, tr in enumerate(_rows(table)):
        cells = tr.find_all(["td", "th"], recursive=False)
        if position == 0 and cells and all(cell.name == "th" for cell in cells):
            continue
        for cell in cells:
            _read_block(cell, walk, "table")


def _read_infobox(table: Tag, walk: _Walk) -> None:
    """Each row's cells joined by a space ("Available in English"), lists inline.

    Rows of tables nested in the infobox are rows of their own.
    """
    for tr in table.find_all("tr"):
        if tr.find("tr") is not None:
            continue
        tokens: list[Token] = []
        for cell in tr.find_all(["td", "th"], recursive=False):
            pending = [cell]
            while pending:
                if tokens:
                    tokens.append(Text(" "))
                nested: list[Tag] = []
                _node_tokens(pending.pop(0), walk, tokens, nested, top=True)
                pending.extend(node for node in nested if node.name != "table")
        _emit(tokens, walk, "infobox")


def _read_list(tag: Tag, walk: _Walk) -> None:
    if any(name in _SKIPPED_CLASSES for name in tag.get("class") or ()):
        return
    for item in tag.find_all(["li", "dd", "dt"], recursive=False):
        _read_block(item, walk, "list")


def _read_bibliographies(tag: Tag, walk: _Walk) -> None:
    """Lists beside the reference lists of a "References" (or "Citations", "Notes") section:
    bibliographies, such as Galileo 2017's ``div.refbegin`` of works the footnotes point at.

    Each item is one entry of the "sources" group, as the plain-text reader reads the
    unnumbered lines there; prose in the section (explanatory notes written as paragraphs)
    is not an entry.
    """
    if tag.name in _BIBLIOGRAPHY_LISTS:
        for item in tag.find_all("li", recursive=False):
            _add_source(item, item.find("cite"), walk)
    elif tag.name in _CONTAINERS:
        for child in tag.children:
            if isinstance(child, Tag) and not _skipped_content(child):
                _read_bibliographies(child, walk)


def _skipped_content(tag: Tag) -> bool:
    """Hidden or navigational markup; a bibliography's ``refbegin`` wrapper is content here."""
    return _skipped(tag) and "refbegin" not in (tag.get("class") or ())


def _add_source(item: Tag, cite: Tag | None, walk: _Walk) -> None:
    """One entry of the "sources" group, numbered on from the page's earlier entries."""
    if id(item) in walk.sources_items or not reader_text(item):
        return
    walk.sources_items.add(id(item))
    walk.sources.append(
        make_reference(
            citation_fields(item, cite, walk.index.templates),
            number=len(walk.sources) + 1,
            raw=reader_text(item),
            group=SOURCES_GROUP,
            line=walk.index.lines.get(id(item)),
        )
    )


def _read_sources(tag: Tag, walk: _Walk) -> None:
    """Entries of a "Sources" list: each item holding a citation is a reference.

    An item is the list item around a citation (or its parent element when
    the sources are not a list); an item citing several works counts once.
    """
    for cite in tag.find_all("cite"):
        _add_source(cite.find_parent("li") or cite.parent or tag, cite, walk)
