"""Claims of a wikitext article: reader text per block, with its markers and tags.

The page is walked in order; headings set the section (None in the lead),
and each paragraph, list item, table cell and infobox parameter becomes a
stream of :mod:`spector_refs.parse.core.tokens` tokens: the text a reader sees
(links shown by their label, inline templates by what they render), a
:class:`Marker` for each ``<ref>``, ``{{efn}}`` or ``{{sfn}}`` use, and a
:class:`Tag` for each inline cleanup template ({{citation needed}}, {{cn}}…).
Sections that list sources rather than make claims (References, Notes, See
also, External links, Further reading…) and everything that renders no prose
(files, categories, navboxes, comments) are skipped.
"""

from __future__ import annotations

import re

from mwparserfromhell.nodes import Comment, Heading, Node, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from spector_refs.model import Claim
from spector_refs.parse.core import tokens
from spector_refs.parse.core.markup import (
    is_hidden_link,
    node_text,
    plain_text,
    shown_parameter,
    template_key,
    template_text,
)
from spector_refs.parse.core.sections import SKIPPED_SECTIONS
from spector_refs.parse.core.tags import tag_for_template
from spector_refs.parse.wikitext.refs import (
    Locator,
    children_with_offsets,
    parameter_offsets,
    tag_contents_offset,
)

_INFOBOXES = re.compile(r"^(?:infobox|taxobox|automatic taxobox|speciesbox|chembox|drugbox)\b")
_NON_PROSE_PARAMETER = re.compile(
    r"image|logo|map|coord|caption|alt$|signature|size|width|module|embed|onlysourced|pushpin|"
    r"^(?:name|native_name|website|url|label_position|relief|bodyclass|qid)$"
)
_QUOTE_TEMPLATES = frozenset(
    {"quote", "blockquote", "cquote", "quotation", "quote box", "rquote", "poem quote"}
)
_LIST_MARKUP = frozenset({"*", "#", ":", ";"})
_SILENT_TAGS = frozenset(
    {
        "references",
        "gallery",
        "math",
        "score",
        "timeline",
        "imagemap",
        "mapframe",
        "templatestyles",
        "syntaxhighlight",
        "source",
        "graph",
        "chem",
        "ce",
    }
)
_MAGIC_WORD = re.compile(r"__[A-Z]+__")


class ClaimWalker:
    """Walks the page once, emitting claims block by block."""

    def __init__(self, locator: Locator, markers: dict[int, list[tokens.Marker]]) -> None:
        self.locator = locator
        self.markers = markers
        self.claims: list[Claim] = []
        self.section: str | None = None
        self._skip_level: int | None = None
        self._tokens: list[tokens.Token] = []
        self._block = "paragraph"
        self._in_infobox = False
        self._newlines = 0
        self._paragraph = 0

    def walk_page(self, code: Wikicode) -> list[Claim]:
        for node, at in children_with_offsets(code, 0):
            if isinstance(node, Heading):
                self.flush()
                self._heading(node)
            elif self._skip_level is None:
                self._node(node, at)
        self.flush()
        return self.claims

    def walk_note(self, content: Wikicode, offset: int, section: str | None) -> None:
        """A note's own text is prose too (block "note"), read in the section of its notes list."""
        self.section, self._block = section, "note"
        self.walk(content, offset)
        self.flush()

    def _heading(self, heading: Heading) -> None:
        title = plain_text(heading.title).strip()
        if self._skip_level is not None and heading.level > self._skip_level:
            return
        self._skip_level = heading.level if title.lower() in SKIPPED_SECTIONS else None
        self.section = title

    def flush(self) -> None:
        """End the current block and cut its tokens into claims."""
        if any(isinstance(t, tokens.Text) and t.text.strip() for t in self._tokens):
            self.claims.extend(
                tokens.claims_from_tokens(
                    self._tokens, section=self.section, block=self._block, paragraph=self._paragraph
                )
            )
            self._paragraph += 1
        self._tokens, self._newlines = [], 0
        self._block = "infobox" if self._in_infobox else "paragraph"

    def walk(self, code: Wikicode, offset: int) -> None:
        for node, at in children_with_offsets(code, offset):
            self._node(node, at)

    def _node(self, node: Node, at: int) -> None:
        if isinstance(node, Text):
            self._text(str(node.value), at)
        elif isinstance(node, Tag):
            self._tag(node, at)
        elif isinstance(node, Template):
            self._template(node, at)
        elif isinstance(node, Wikilink):
            if not is_hidden_link(node):
                self._add_text(node_text(node), at)
        elif not isinstance(node, Comment | Heading):
            self._add_text(node_text(node), at)

    def _text(self, value: str, at: int) -> None:
        """Prose with its line breaks: one ends a list item, a blank line ends a paragraph."""
        for piece in re.split(r"(\n)", value):
            if piece == "\n":
                if self._block == "list":
                    self.flush()
                else:
                    self._newlines += 1
            elif piece:
                self._add_text(_MAGIC_WORD.sub("", piece), at)
            at += len(piece)

    def _add_text(self, text: str, at: int) -> None:
        if not text:
            return
        if text.strip():
            if self._newlines >= 2 and not self._in_infobox:
                self.flush()
            elif self._newlines and self._tokens:
                self._tokens.append(tokens.Text(" "))
            self._newlines = 0
        line, column = self.locator.position(at)
        self._tokens.append(tokens.Text(text, line, column))

    def _tag(self, tag: Tag, at: int) -> None:
        name = str(tag.tag).strip().lower()
        if tag.wiki_markup in _LIST_MARKUP:
            if not self._in_infobox:
                self.flush()
                self._block = "list"
        elif name == "table":
            self.flush()
            self._table(tag, at)
        elif name == "ref":
            self._marker(tag)
        elif name == "br":
            self._add_text(" ", at)
        elif name in ("nowiki", "pre"):
            self._add_text(node_text(tag), at)
        elif name not in _SILENT_TAGS and tag.contents is not None:
            self.walk(tag.contents, tag_contents_offset(tag, at))

    def _marker(self, node: Node) -> None:
        self._tokens.extend(self.markers.get(id(node), ()))

    def _table(self, table: Tag, at: int) -> None:
        """Each data or header cell of a wikitable is a block of its own, row by row."""
        for child, child_at in _child_tags(table, at, ("tr", "td", "th")):
            cells = [(child, child_at)] if str(child.tag).strip().lower() != "tr" else []
            for cell, cell_at in cells or _child_tags(child, child_at, ("td", "th")):
                self._block = "table"
                self.walk(cell.contents, tag_contents_offset(cell, cell_at))
                self.flush()

    def _template(self, template: Template, at: int) -> None:
        key = template_key(template.name)
        if id(template) in self.markers:
            self._marker(template)
        elif _INFOBOXES.match(key):
            self._infobox(template, at)
        elif tag_for_template(key):
            self._cleanup_tag(template, tag_for_template(key) or "", at)
        elif key in _QUOTE_TEMPLATES:
            self._shown(template, at, ("text", "quote", "1"))
        elif shown_parameter(template) is not None:
            self._shown(template, at, None)
        else:
            self._add_text(template_text(template), at)

    def _shown(self, template: Template, at: int, names: tuple[str, ...] | None) -> None:
        """Walk the parameter a wrapper template displays, so refs inside it keep their markers."""
        shown = shown_parameter(template) if names is None else None
        for name, value, start in parameter_offsets(template, at):
            if (names is None and value is shown) or (names is not None and name.lower() in names):
                self.walk(value, start)
                return

    def _cleanup_tag(self, template: Template, tag: str, at: int) -> None:
        """{{citation needed}}; the "span" variants first show the text they tag."""
        for name, value, start in parameter_offsets(template, at):
            if name.lower() == "text" or (name == "1" and "span" in template_key(template.name)):
                self.walk(value, start)
                break
        self._tokens.append(tokens.Tag(tag))

    def _infobox(self, template: Template, at: int) -> None:
        """Each prose parameter is a block; ``*_ref`` parameters join the one before."""
        self.flush()
        self._in_infobox = True
        self._block = "infobox"
        for name, value, start in parameter_offsets(template, at):
            key = name.strip().lower()
            if name.isdigit() or _NON_PROSE_PARAMETER.search(key):
                continue
            if not (key.endswith("ref") or key.endswith("footnote") or key.endswith("note")):
                self.flush()
            self.walk(value, start)
        self._in_infobox = False
        self.flush()


def _child_tags(parent: Tag, at: int, names: tuple[str, ...]) -> list[tuple[Tag, int]]:
    """Direct child tags (rows of a table, cells of a row) with their offsets."""
    if parent.contents is None:
        return []
    return [
        (node, node_at)
        for node, node_at in children_with_offsets(parent.contents, tag_contents_offset(parent, at))
        if isinstance(node, Tag) and str(node.tag).strip().lower() in names and node.contents is not None
    ]
