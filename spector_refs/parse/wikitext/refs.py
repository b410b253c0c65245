"""Collecting a wikitext article's references the way the Cite extension numbers them.

Every ``<ref>`` is a *use*; a named ref (``<ref name=x>``) is one reference
however often it is reused (``<ref name=x />``), and its ``cite_count`` is
the number of uses. References are numbered per group in order of first use,
including reuses that come before the definition and list-defined refs
(``{{reflist|refs=…}}``, ``<references>…</references>``) whose text lives at
the end of the page. Notes made with ``{{efn}}`` and its variants, ``{{refn}}``
and ``{{#tag:ref}}`` are refs too; ``{{sfn}}`` short footnotes are refs whose
name is their authors, year and pages, so identical ones merge as on
Wikipedia. Citation templates that stand outside any ref in a "Sources" or
"Bibliography" section are the full citations short footnotes point at.
"""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from mwparserfromhell.nodes import Heading, Node, Tag, Template, Text, Wikilink
from mwparserfromhell.wikicode import Wikicode

from spector_refs.parse.core.cs1_template import is_citation_template
from spector_refs.parse.core.markup import plain_text, template_key
from spector_refs.parse.core.sections import SOURCE_SECTIONS

# {{efn}} family -> the Cite group it puts its note in (the list style of its {{notelist}})
NOTE_TEMPLATES = {
    "efn": "lower-alpha",
    "efn-la": "lower-alpha",
    "efn-ua": "upper-alpha",
    "efn-lr": "lower-roman",
    "efn-ur": "upper-roman",
    "efn-lg": "lower-greek",
    "notelist": "lower-alpha",
}
_REF_LIKE_TEMPLATES = frozenset({"refn", "#tag:ref", *NOTE_TEMPLATES}) - {"notelist"}
_REFLIST_TEMPLATES = {
    "reflist": None,
    "references": None,
    "refs": None,
    "reference list": None,
    "notes": None,
    "notelist": "lower-alpha",
    "notelist-la": "lower-alpha",
    "notelist-ua": "upper-alpha",
    "notelist-lr": "lower-roman",
    "notelist-ur": "upper-roman",
    "notelist-lg": "lower-greek",
}
SHORT_FOOTNOTE_TEMPLATES = frozenset({"sfn", "sfnp", "sfnm"})
HARVARD_TEMPLATES = frozenset(
    {"harvnb", "harv", "harvp", "harvtxt", "harvcol", "harvcolnb", "harvcoltxt", "sfnref"}
)


@dataclass
class RefEntry:
    """One reference as Cite sees it: its definition and how often it is used."""

    group: str | None
    name: str | None
    content: Wikicode | None = None
    footnote: Template | None = None
    offset: int | None = None
    content_offset: int = 0
    order: int | None = None
    uses: int = 0
    problems: list[str] = field(default_factory=list)


@dataclass
class Collected:
    """What the reference pass found: entries in first-use order, and where each use sits."""

    entries: list[RefEntry]
    uses: dict[int, list[RefEntry]]
    sources: list[tuple[Template, int]]
    problems: list[str]
    list_sections: dict[str | None, str | None] = field(default_factory=dict)


class Locator:
    """Offsets in the source turned into 1-based (line, column) positions."""

    def __init__(self, text: str) -> None:
        self.text = text
        self._starts = [0] + [i + 1 for i, ch in enumerate(text) if ch == "\n"]

    def position(self, offset: int) -> tuple[int, int]:
        line = bisect.bisect_right(self._starts, offset)
        return line, offset - self._starts[line - 1] + 1


def children_with_offsets(code: Wikicode, offset: int) -> list[tuple[Node, int]]:
    """The nodes of ``code`` with their offsets in the source, from where ``code`` starts."""
    placed = []
    for node in code.nodes:
        placed.append((node, offset))
        offset += len(str(node))
    return placed


def tag_contents_offset(tag: Tag, offset: int) -> int:
    """Where a tag's contents start: after ``<ref name=x>``, ``'''`` or ``{|``."""
    attrs = sum(len(str(attr)) for attr in tag.attributes)
    if tag.wiki_markup:
        return (
            offset
            + len(tag.wiki_markup)
            + attrs
            + len(tag.padding or "")
            + len(tag.wiki_style_separator or "")
        )
    return offset + (2 if tag.invalid else 1) + len(str(tag.tag)) + attrs + len(tag.padding or "") + 1


def parameter_offsets(template: Template, offset: int) -> list[tuple[str, Wikicode, int]]:
    """Each parameter's name, value and the offset where its value starts."""
    placed = []
    pos = offset + 2 + len(str(template.name))
    for param in template.params:
        pos += 1
        start = pos + len(str(param.name)) + 1 if param.showkey else pos
        placed.append((str(param.name).strip(), param.value, start))
        pos += len(str(param))
    return placed


def tag_attribute(tag: Tag, name: str) -> str | None:
    """An attribute's value as the reader means it (``name="x"`` → "x"), or None."""
    for attr in tag.attributes:
        if str(attr.name).strip().lower() == name and attr.value is not None:
            return plain_text(str(attr.value)).strip() or None
    return None


def template_parameters(template: Template) -> dict[str, str]:
    """Named parameters as typed (positional ones as "1", "2"…); the last repeat wins."""
    return {str(param.name).strip(): str(param.value) for param in template.params}


@dataclass
class _Context:
    in_list: bool = False
    list_group: str | None = None
    section: str | None = None


class _Collector:
    """One walk over the page in document order."""

    def __init__(self, locator: Locator) -> None:
        self.locator = locator
        self.entries: dict[tuple[str | None, object], RefEntry] = {}
        self.uses: dict[int, list[RefEntry]] = {}
        self.sources: list[tuple[Template, int]] = []
        self.problems: list[str] = []
        self.list_sections: dict[str | None, str | None] = {}
        self._order = 0
        self._anonymous = 0

    def visit(self, code: Wikicode, offset: int, context: _Context) -> None:
        for node, at in children_with_offsets(code, offset):
            if isinstance(node, Heading) and node.level <= 2:
                context.section = plain_text(node.title).strip()
            elif isinstance(node, Tag):
                self._tag(node, at, context)
            elif isinstance(node, Template):
                self._template(node, at, context)
            elif isinstance(node, Wikilink) and node.text is not None:
                self.visit(node.text, self._find(node.text, at), context)
            elif isinstance(node, Text) and "<ref" in str(node.value).lower():
                line, _ = self.locator.position(at + str(node.value).lower().index("<ref"))
                self.problems.append(f"line {line}: malformed or unclosed <ref> tag")

    def _find(self, code: Wikicode, start: int) -> int:
        found = self.locator.text.find(str(code), start)
        return start if found < 0 else found

    def _tag(self, tag: Tag, offset: int, context: _Context) -> None:
        name = str(tag.tag).strip().lower()
        if name == "ref":
            self._ref(tag, offset, context)
        elif name == "references" and tag.contents is not None:
            group = tag_attribute(tag, "group")
            self.list_sections.setdefault(group, context.section)
            self.visit(tag.contents, tag_contents_offset(tag, offset), _Context(True, group, context.section))
        elif tag.contents is not None:
            self.visit(tag.contents, tag_contents_offset(tag, offset), context)

    def _ref(self, tag: Tag, offset: int, context: _Context) -> None:
        group = tag_attribute(tag, "group") or (context.list_group if context.in_list else None)
        content = None if tag.self_closing or tag.contents is None else tag.contents
        if content is not None and not str(content).strip():
            content = None
        start = tag_contents_offset(tag, offset)
        self._define_and_use(tag, group, tag_attribute(tag, "name"), (content, start), offset, context)

    def _define_and_use(
        self,
        node: Node,
        group: str | None,
        name: str | None,
        definition: tuple[Wikicode | None, int],
        offset: int,
        context: _Context,
    ) -> None:
        content, content_offset = definition
        if name is None and content is None:
            line, _ = self.locator.position(offset)
            self.problems.append(f"line {line}: empty <ref> with no name (Cite error)")
            return
        if name is None:
            self._anonymous += 1
        key = (group, name if name is not None else ("anonymous", self._anonymous))
        entry = self.entries.setdefault(key, RefEntry(group=group, name=name))
        if content is not None:
            self._define(entry, content, offset, content_offset)
        if not context.in_list:
            self._use(entry, node, offset)

    def _define(self, entry: RefEntry, content: Wikicode, offset: int, content_offset: int) -> None:
        if entry.content is None:
            entry.content, entry.offset, entry.content_offset = content, offset, content_offset
        elif str(entry.content).strip() != str(content).strip():
            line, _ = self.locator.position(offset)
            entry.problems.append(f"named reference {entry.name!r} defined again differently at line {line}")

    def _use(self, entry: RefEntry, node: Node, offset: int) -> None:
        entry.uses += 1
        if entry.order is None:
            entry.order = self._order
            self._order += 1
        if entry.offset is None:
            entry.offset = offset
        self.uses.setdefault(id(node), []).append(entry)

    def _template(self, template: Template, offset: int, context: _Context) -> None:
        key = template_key(template.name)
        params = parameter_offsets(template, offset)
        if key in _REFLIST_TEMPLATES:
            self._reflist(key, params, context)
        elif key in _REF_LIKE_TEMPLATES:
            self._ref_template(template, key, params, offset, context)
        elif key == "r":
            self._r_template(template, params, offset, context)
        elif key in SHORT_FOOTNOTE_TEMPLATES:
            self._short_footnote(template, offset, context)
        elif is_citation_template(key):
            if (context.section or "").lower() in SOURCE_SECTIONS and not context.in_list:
                self.sources.append((template, offset))
        else:
            for _name, value, start in params:
                self.visit(value, start, context)

    def _reflist(self, key: str, params: list, context: _Context) -> None:
        values = {name.lower(): (value, start) for name, value, start in params}
        group = plain_text(str(values["group"][0])) if "group" in values else _REFLIST_TEMPLATES[key]
        self.list_sections.setdefault(group or None, context.section)
        if "refs" in values:
            value, start = values["refs"]
            self.visit(value, start, _Context(True, group or None, context.section))

    def _ref_template(
        self, template: Template, key: str, params: list, offset: int, context: _Context
    ) -> None:
        """{{efn|…}}, {{refn|…}} and {{#tag:ref|…}}: a ref written as a template."""
        values = {name.lower(): (value, start) for name, value, start in params}
        content, start = values.get("1", (None, offset))
        if content is not None:
            self.visit(content, start, context)
        group_value = values.get("group")
        group = plain_text(str(group_value[0])) if group_value else NOTE_TEMPLATES.get(key)
        name_value = values.get("name")
        name = plain_text(str(name_value[0])) if name_value else None
        self._define_and_use(template, group or None, name or None, (content, start), offset, context)

    def _r_template(self, template: Template, params: list, offset: int, context: _Context) -> None:
        """{{r|a|b}}: shorthand for ``<ref name=a /><ref name=b />``."""
        values = {name.lower(): value for name, value, _start in params}
        group = plain_text(str(values.get("group") or values.get("g") or "")) or None
        for name, value, _start in params:
            if name.isdigit() and plain_text(value):
                self._define_and_use(template, group, plain_text(value), (None, 0), offset, context)

    def _short_footnote(self, template: Template, offset: int, context: _Context) -> None:
        """{{sfn|Smith|2009|p=4}}: identical short footnotes are one reference."""
        params = template_parameters(template)
        key = ("sfn", tuple(sorted((k, plain_text(v)) for k, v in params.items() if k not in ("ps", "ref"))))
        entry = self.entries.setdefault((None, key), RefEntry(group=None, name=None, footnote=template))
        if not context.in_list:
            self._use(entry, template, offset)


def collect_references(code: Wikicode, locator: Locator) -> Collected:
    """Walk the parsed page once and gather every ref, use and bare full citation."""
    collector = _Collector(locator)
    collector.visit(code, 0, _Context())
    used = sorted((e for e in collector.entries.values() if e.order is not None), key=lambda e: e.order or 0)
    for entry in collector.entries.values():
        if entry.order is None:
            collector.problems.append(f"list-defined reference {entry.name!r} is never used in the text")
    return Collected(used, collector.uses, collector.sources, collector.problems, collector.list_sections)
