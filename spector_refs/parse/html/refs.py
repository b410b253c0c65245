"""Reference lists in Wikipedia HTML: numbers, groups, cite counts and fields.

Both renderers emit an ``<ol>`` per reference group: the legacy parser as
``ol.references`` with ``span.mw-cite-backlink`` and ``span.reference-text``,
Parsoid as ``ol.mw-references`` with ``rel="mw:referencedBy"`` backlinks and
``span.mw-reference-text``. A reference's number is its position in its list
and its cite count the number of backlinks (one per marker in the text).
Markers are resolved through the list item's ``id``, so a marker always
points at the record that was parsed, whatever its label says.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from bs4 import Tag

from spector_refs.model import Reference
from spector_refs.parse.core.fields import CitationFields, fields_from_draft
from spector_refs.parse.core.labels import LIST_STYLES, marker_label
from spector_refs.parse.core.sections import NOTE_GROUP
from spector_refs.parse.html.cite import (
    DataMwIndex,
    attribute,
    citation_fields,
    load_data_mw,
    merge_fields,
    read_rendered,
    reader_text,
)
from spector_refs.parse.html.tags import inline_tag, is_inline_tag

_LIST_CLASSES = frozenset({"references", "mw-references"})
_CITE_ERROR_HELP = re.compile(r"\s*\(see the help page\)\.?\s*$")
_TEXT_CLASSES = frozenset({"reference-text", "mw-reference-text"})
_NOT_LINKED = ("kind", "pages", "problems", "maintenance", "url_status")
"""What a short footnote never takes from the citation it links: it states its own kind,
pages and problems, and the citation's CS1 messages and URL status are not the footnote's."""
_FOOTNOTE_OWN = ("kind", "pages", "problems")
_STYLE = re.compile(r"list-style-type\s*:\s*([\w-]+)")
_GROUPED_LABEL = re.compile(r"^(.+?) (\d+)$")


@dataclass(frozen=True)
class RefTarget:
    """What a citation marker points at: a reference and the label it shows."""

    group: str | None
    number: int
    label: str


@dataclass
class PageIndex:
    """Lookups built once per page, shared by the reference and claim readers.

    ``ids`` holds the anchors citations link through (``cite_note-…``,
    ``cite_ref-…``, ``CITEREF…``); ``templates`` maps Parsoid ``about`` ids to
    their ``data-mw``; ``lines`` maps ``id(tag)`` to its source line;
    ``lists`` holds every reference list in document order (nested ones
    excluded) and ``targets`` what each list item's id stands for.
    """

    ids: dict[str, Tag] = field(default_factory=dict)
    templates: DataMwIndex = field(default_factory=dict)
    lines: dict[int, int] = field(default_factory=dict)
    targets: dict[str, RefTarget] = field(default_factory=dict)
    lists: list[Tag] = field(default_factory=list)


def build_index(root: Tag, lines: dict[int, int]) -> PageIndex:
    """Collect anchors, reference lists and Parsoid template records in one pass."""
    index = PageIndex(lines=lines)
    lists: list[Tag] = []
    for tag in root.find_all(True):
        anchor = attribute(tag, "id")
        if anchor and anchor.startswith(("cite_note", "cite_ref", "CITEREF")):
            index.ids.setdefault(anchor, tag)
        about = attribute(tag, "about")
        if about and attribute(tag, "data-mw") and about not in index.templates:
            index.templates[about] = load_data_mw(tag, {})
        if tag.name == "ol" and _LIST_CLASSES & set(tag.get("class") or ()):
            lists.append(tag)
    ids = {id(ol) for ol in lists}
    index.lists = [ol for ol in lists if not any(id(parent) in ids for parent in ol.parents)]
    return index


def read_reference_lists(index: PageIndex) -> tuple[list[Reference], list[str]]:
    """All references of all lists, and problems met; fills ``index.targets``."""
    references: list[Reference] = []
    problems: list[str] = []
    seen: set[str | None] = set()
    for ol in index.lists:
        group, style = list_group(ol, index)
        if group in seen:
            problems.append(f"a second reference list for {group or 'the main group'}; numbers repeat")
        seen.add(group)
        start = _start(ol)
        for offset, li in enumerate(ol.find_all("li", recursive=False)):
            number = start + offset
            label = marker_label(number, group, style)
            if attribute(li, "id"):
                index.targets[attribute(li, "id")] = RefTarget(group, number, label)
            references.append(read_reference(li, number, group, index))
    return references, problems


def _start(ol: Tag) -> int:
    start = str(ol.get("start") or "1")
    return int(start) if start.isdigit() else 1


def list_group(ol: Tag, index: PageIndex) -> tuple[str | None, str | None]:
    """The list's reference group and label style.

    Parsoid names the group (``data-mw-group``); legacy HTML does not, so the
    list style of its ``div.reflist`` and the labels of the markers that
    point into it are read instead. Label-style groups (``lower-alpha``) and
    lettered lists are the notes group, as in the plain-text rendering.
    """
    name = attribute(ol, "data-mw-group") or _parsoid_group(ol, index)
    if name:
        return (NOTE_GROUP, name.lower()) if name.lower() in LIST_STYLES else (name, None)
    style = _declared_style(ol)
    if style in LIST_STYLES:
        return NOTE_GROUP, style
    label = _marker_label(ol, index)
    grouped = _GROUPED_LABEL.match(label or "")
    if grouped:
        return grouped.group(1), None
    if label and label.isalpha():
        return NOTE_GROUP, "upper-alpha" if label.isupper() else "lower-alpha"
    return None, None


def _parsoid_group(ol: Tag, index: PageIndex) -> str | None:
    wrapper = ol.find_parent(attrs={"typeof": re.compile(r"mw:Extension/references")})
    data = load_data_mw(wrapper, index.templates) if wrapper is not None else None
    attrs = data.get("attrs") if isinstance(data, dict) else None
    group = attrs.get("group") if isinstance(attrs, dict) else None
    return str(group).strip() or None if group else None


def _declared_style(ol: Tag) -> str | None:
    """``list-style-type`` or a ``reflist-lower-alpha`` class on the list or its wrappers."""
    for node in (ol, *list(ol.parents)[:3]):
        match = _STYLE.search(str(node.get("style") or ""))
        if match:
            return match.group(1).lower()
        for name in node.get("class") or ():
            if name.startswith("reflist-") and name[len("reflist-") :] in LIST_STYLES:
                return name[len("reflist-") :]
    return None


def _marker_label(ol: Tag, index: PageIndex) -> str | None:
    """The label a marker pointing into this list shows: "1", "a", "note 1"."""
    for li in ol.find_all("li", recursive=False):
        for link in _backlinks(li):
            marker = index.ids.get(attribute(link, "href").split("#", 1)[-1])
            if marker is not None:
                return reader_text(marker).strip("[] ")
    return None


def _backlinks(li: Tag) -> list[Tag]:
    """Links from the list item back to its markers (one per use).

    Both renderers put them in a child before the text (``span.mw-cite-backlink``
    or a ``rel="mw:referencedBy"`` link or span); a stray item is searched whole.
    """
    for child in li.find_all(True, recursive=False):
        classes = child.get("class") or ()
        if "mw-cite-backlink" in classes or "mw:referencedBy" in (child.get("rel") or ()):
            links = [child, *child.find_all("a")] if child.name == "a" else child.find_all("a")
            return [a for a in links if "#cite_ref" in str(a.get("href") or "")]
    text = reference_text_node(li)
    return [
        a
        for a in li.find_all("a", href=True)
        if "#cite_ref" in attribute(a, "href") and not any(parent is text for parent in a.parents)
    ]


def reference_text_node(li: Tag) -> Tag | None:
    """The element holding the reference's text, usually a child of the item."""
    for child in li.find_all(True, recursive=False):
        if _TEXT_CLASSES & set(child.get("class") or ()):
            return child
    return li.find(class_=list(_TEXT_CLASSES))


def read_reference(li: Tag, number: int, group: str | None, index: PageIndex) -> Reference:
    """One list item as a :class:`Reference`; odd markup becomes problems."""
    text = reference_text_node(li)
    problems: list[str] = []
    error = li.find(class_="mw-ext-cite-error") if text is None else None
    if error is not None:
        problems.append(_CITE_ERROR_HELP.sub("", reader_text(error)))
        fields: CitationFields = {}
    elif text is None:
        problems.append("the list item has no reference-text element; read as free text")
        fields = reference_fields(li, index)
    else:
        fields = reference_fields(text, index)
    raw = reader_text(text if text is not None else li, skip=("mw-cite-backlink", "mw-ext-cite-error"))
    if not raw and error is None:
        problems.append("empty reference")
    fields["problems"] = (*problems, *fields.get("problems", ()))
    return make_reference(
        fields,
        number=number,
        raw=raw,
        group=group,
        cite_count=max(len(_backlinks(li)), 1),
        name=_ref_name(attribute(li, "id")),
        line=index.lines.get(id(li)),
    )


def make_reference(fields: CitationFields, **known: Any) -> Reference:
    """A Reference from a citation's fields and what its list says (number, group, line…)."""
    return Reference(**known, **fields)


def reference_fields(text: Tag, index: PageIndex) -> CitationFields:
    """Fields of a reference's text: a full citation, a short footnote or free text."""
    cites = [c for c in text.find_all("cite") if "citation" in (c.get("class") or ())] or text.find_all(
        "cite"
    )
    footnote = text.find("a", href=re.compile(r"#CITEREF"))
    if not cites and footnote is not None:
        fields = footnote_fields(text, footnote, index)
    else:
        fields = citation_fields(text, cites[0] if cites else None, index.templates)
    if len(cites) > 1:
        fields["problems"] = (
            *fields.get("problems", ()),
            f"bundles {len(cites)} citations; fields are read from the first",
        )
    return _with_reference_tags(text, fields, index)


def footnote_fields(text: Tag, link: Tag, index: PageIndex) -> CitationFields:
    """A short footnote ("Smith 2009, p. 4.") completed from the citation it links.

    The footnote keeps its own pages and kind "footnote"; authors, title,
    date, publisher, URL and identifiers come from the full citation, which
    is the record a reader follows the link to.
    """
    own = read_rendered(reader_text(text, skip=("Inline-Template",)))
    own["kind"] = "footnote"
    anchor = attribute(link, "href").split("#", 1)[-1]
    target = index.ids.get(anchor)
    if target is None:
        own["problems"] = (*own.get("problems", ()), f"short footnote links to #{anchor}, not on the page")
        return own
    cite = target if target.name == "cite" else target.find("cite")
    full = citation_fields(target.parent or target, cite, index.templates)
    linked = fields_from_draft({key: value for key, value in full.items() if key not in _NOT_LINKED})
    keep = fields_from_draft(
        {key: value for key, value in own.items() if key in ("kind", "pages", "problems")}
    )
    return merge_fields(keep, linked, own)


def _with_reference_tags(text: Tag, fields: CitationFields, index: PageIndex) -> CitationFields:
    """Inline tags inside a reference ([dead link]) become the reference's ``tags``.

    They are an editor's tags, not CS1's messages; a [dead link] also marks
    the URL dead.
    """
    found = (inline_tag(sup, index.templates) for sup in text.find_all(["sup", "span"]) if is_inline_tag(sup))
    tags = [tag for tag in found if tag]
    if not tags:
        return fields
    if "dead link" in tags and not fields.get("url_status"):
        fields["url_status"] = "dead"
    fields["tags"] = tuple(dict.fromkeys(tags))
    return fields


def _ref_name(anchor: str) -> str | None:
    """The ``<ref name=…>`` a list item's id carries: ``cite_note-wozencraft2005-1``."""
    match = re.fullmatch(r"cite_note-(.+)-\d+", anchor)
    return match.group(1) if match else None
