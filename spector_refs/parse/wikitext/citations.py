"""Turning collected wikitext refs into numbered :class:`Reference` records.

A ref's content is read as a CS1/CS2 template when it holds one, as a
short footnote when it holds ``{{harvnb}}`` (or is an ``{{sfn}}``), and
otherwise as free text, whose first external link becomes its URL; a ref
that is nothing but a URL gets the "bare URL" problem editors tag with
{{bare URL inline}}.

Short footnotes are linked to the full citation whose CITEREF anchor (the
authors' surnames, up to four, and the year; or an explicit ``|ref=``)
matches theirs: the footnote keeps its own authors, year and pages and
takes the full citation's title, work, publisher, identifiers and URLs, so
it can be exported and link-checked like any citation. A footnote that
matches nothing carries the problem "short footnote matches no full
citation", Wikipedia's Harv error.

Groups: a ``group=`` attribute is kept as written; the {{efn}} family's
notes (Cite group "lower-alpha" and friends) are reported as group "note",
the name the other parsers give a "Notes" list, and their markers keep the
letter Wikipedia shows ("a", "b"…). Other groups' markers read "note 1".
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import ExternalLink, Template
from mwparserfromhell.wikicode import Wikicode

from spector_refs.dates import parse_date
from spector_refs.model import Name, Reference
from spector_refs.parse.core.cs1 import is_access_note, parse_rendered_citation
from spector_refs.parse.core.cs1_template import is_citation_template, reference_fields_from_template
from spector_refs.parse.core.fields import CitationDraft, CitationFields, fields_from_draft
from spector_refs.parse.core.labels import marker_label
from spector_refs.parse.core.markup import plain_text, template_key
from spector_refs.parse.core.sections import NOTE_GROUP, SOURCES_GROUP
from spector_refs.parse.core.tags import tag_for_template
from spector_refs.parse.core.tokens import Marker
from spector_refs.parse.wikitext.refs import (
    HARVARD_TEMPLATES,
    NOTE_TEMPLATES,
    SHORT_FOOTNOTE_TEMPLATES,
    Collected,
    Locator,
    RefEntry,
    template_parameters,
)

_YEAR = re.compile(r"^(?:c\.\s*)?\d{3,4}[a-z]?$|^n\.?d\.?[a-z]?$", re.I)
_LINKED_FIELDS = (
    "title",
    "chapter",
    "work",
    "publisher",
    "place",
    "edition",
    "volume",
    "issue",
    "url",
    "archive_url",
    "archive_date",
    "url_status",
    "language",
    "identifiers",
    "trans_title",
)
_IDENTIFIER_TEMPLATES = {
    "isbn": "isbn",
    "issn": "issn",
    "oclc": "oclc",
    "doi": "doi",
    "pmid": "pmid",
    "pmc": "pmc",
    "jstor": "jstor",
    "lccn": "lccn",
    "arxiv": "arxiv",
    "bibcode": "bibcode",
}
_BARE_URL = re.compile(r"^\[?\s*https?://\S+\s*\]?\.?$")


def output_group(group: str | None, groups: set[str | None]) -> str | None:
    """The group a reference is reported in: {{efn}}'s list-style groups become "note".

    Only when the page has no explicit ``group=note`` of its own, so two lists never merge.
    """
    return NOTE_GROUP if group in NOTE_TEMPLATES.values() and NOTE_GROUP not in groups else group


def marker_for(group: str | None, number: int) -> Marker:
    """The marker a reader sees: [12] in the main list, [a] for an {{efn}}, [note 1] for group=note."""
    if group is None:
        return Marker(number=number)
    return Marker(note=marker_label(number, group))


def build_references(
    collected: Collected, locator: Locator
) -> tuple[list[Reference], dict[int, list[Marker]]]:
    """Numbered references (per group, by first use) and the marker each use renders."""
    citations = CitationIndex(collected)
    counters: dict[str | None, int] = {}
    groups = {entry.group for entry in collected.entries}
    references: list[Reference] = []
    markers_by_entry: dict[int, Marker] = {}
    for entry in collected.entries:
        number = counters[entry.group] = counters.get(entry.group, 0) + 1
        references.append(_reference(entry, number, locator, citations, output_group(entry.group, groups)))
        markers_by_entry[id(entry)] = marker_for(entry.group, number)
    for number, (template, offset) in enumerate(collected.sources, start=1):
        line, column = locator.position(offset)
        fields = reference_fields_from_template(str(template.name), template_parameters(template))
        references.append(
            Reference(
                number=number, raw=str(template), group=SOURCES_GROUP, line=line, column=column, **fields
            )
        )
    markers = {
        node_id: [markers_by_entry[id(entry)] for entry in entries]
        for node_id, entries in collected.uses.items()
    }
    return references, markers


def _reference(
    entry: RefEntry, number: int, locator: Locator, citations: CitationIndex, group: str | None
) -> Reference:
    line, column = locator.position(entry.offset or 0)
    fields: CitationFields
    if entry.footnote is not None:
        fields, raw = short_footnote_fields(entry.footnote, citations), str(entry.footnote)
    elif entry.content is None:
        fields, raw = (
            {"problems": (f"named reference {entry.name!r} is used but never defined (Cite error)",)},
            "",
        )
    else:
        fields, raw = content_fields(entry.content, citations), str(entry.content).strip()
    fields["problems"] = (*fields.get("problems", ()), *entry.problems)
    return Reference(
        number=number,
        raw=raw,
        group=group,
        cite_count=max(entry.uses, 1),
        name=entry.name,
        line=line,
        column=column,
        **fields,
    )


def content_fields(content: Wikicode, citations: CitationIndex) -> CitationFields:
    """Fields of a ref's content: its citation template, short footnote, or free text."""
    templates = content.filter_templates(recursive=False)
    cites = [t for t in templates if is_citation_template(str(t.name))]
    harvard = [t for t in templates if template_key(t.name) in HARVARD_TEMPLATES | SHORT_FOOTNOTE_TEMPLATES]
    if cites:
        fields = reference_fields_from_template(str(cites[0].name), template_parameters(cites[0]))
        if len(cites) > 1:
            fields["problems"] = (
                *fields.get("problems", ()),
                f"{len(cites)} citations bundled in one reference; only the first is read",
            )
    elif harvard:
        fields = short_footnote_fields(harvard[0], citations)
    else:
        fields = _free_text_fields(content)
    return _with_inline_tags(fields, templates)


def _free_text_fields(content: Wikicode) -> CitationFields:
    """A ref of prose and links, read as a reader sees it with the rendered-citation grammar.

    Editors of older articles type citations by hand ("Doble, G. H. (1965) The
    Saints of Cornwall. Truro: …"); stripped of markup they have the shape
    :func:`~spector_refs.parse.core.cs1.parse_rendered_citation` reads. The first
    link's label stays the title when there is one; text the grammar cannot
    title is its own title, so no export falls back to the wikitext.
    """
    links = content.filter_external_links(recursive=True)
    label = plain_text(links[0].title) if links and links[0].title is not None else ""
    if is_access_note(label):  # "[http://… accessed 1 Jan 2008]": the link says when, not what
        label = ""
    rendered = _rendered_with_quoted_label(content, label)
    fields: CitationFields = {"kind": "text", **(parse_rendered_citation(rendered) if rendered else {})}
    fields.setdefault("problems", ())
    if links:
        fields["url"] = str(links[0].url).strip()
    if label:
        fields["title"] = label
    elif rendered and not fields.get("title") and not fields.get("chapter") and not _BARE_URL.match(rendered):
        fields["title"] = rendered
    identifiers = dict(fields.get("identifiers", {}))
    for template in content.filter_templates(recursive=True):
        scheme = _IDENTIFIER_TEMPLATES.get(template_key(template.name))
        if scheme and template.has("1"):
            identifiers[scheme] = plain_text(template.get("1").value)
    if identifiers:
        fields["identifiers"] = identifiers
    text = str(content).strip()
    if _BARE_URL.match(text) and not (links and isinstance(links[0], ExternalLink) and links[0].title):
        fields["problems"] = ("bare URL: the reference is only a link, with no title or publisher",)
    elif not plain_text(content):
        templates = [str(t.name).strip() for t in content.filter_templates(recursive=False)]
        names = ", ".join("{{" + name + "}}" for name in templates)
        fields["problems"] = (f"reference has no readable text{' (only ' + names + ')' if names else ''}",)
        if templates:  # "IMDb name": what the reference is, in words, rather than its wikitext
            fields["title"] = ", ".join(templates)
    return fields


def _rendered_with_quoted_label(content: Wikicode, label: str) -> str:
    """The ref as a reader sees it, the first link's label in quotes as CS1 quotes a title.

    "Paskin, Willa [https://… Elizabeth Gilbert's 'Big Magic'] ''New York Times''" then
    reads like a rendered citation: authors, "title", work.
    """
    text = plain_text(content)
    if not label or label not in text or label.startswith(('"', "“")):
        return text
    return text.replace(label, f'"{label}"', 1)


def _with_inline_tags(fields: CitationFields, templates: list[Template]) -> CitationFields:
    """Cleanup tags inside a ref ({{dead link}} after the citation) become the reference's tags."""
    tags = [tag for tag in (tag_for_template(str(t.name)) for t in templates) if tag]
    if "dead link" in tags and not fields.get("url_status"):
        fields["url_status"] = "dead"
    if tags:
        fields["tags"] = tuple(dict.fromkeys(tags))
    return fields


def short_footnote_fields(template: Template, citations: CitationIndex) -> CitationFields:
    """{{sfn|Smith|Jones|2009|p=4}}: authors, year and pages, linked to the full citation."""
    params = template_parameters(template)
    positional = [plain_text(params[str(i)]) for i in range(1, 6) if params.get(str(i), "").strip()]
    year = positional.pop() if positional and _YEAR.match(positional[-1]) else None
    pages = next(
        (plain_text(params[k]) for k in ("p", "pp", "page", "pages", "loc", "at") if params.get(k)), None
    )
    fields: CitationDraft = {
        "kind": "footnote",
        "authors": tuple(Name(family=name) for name in positional[:4]),
        "date": parse_date(year),
        "pages": pages,
        "problems": (),
    }
    target = citations.get(_anchor(positional, year))
    if target is None:
        fields["problems"] = ("short footnote matches no full citation (Harv error)",)
    else:
        fields.update({key: value for key, value in target.items() if key in _LINKED_FIELDS and value})
    return fields_from_draft(fields)


def _anchor(surnames: list[str], year: str | None) -> tuple:
    """The CITEREF anchor Wikipedia links a short footnote by: surnames (up to four) and year."""
    return (*(name.lower() for name in surnames[:4]), (year or "").lower())


class CitationIndex:
    """Every citation template on the page, keyed by the anchor a short footnote would use.

    Built on the first lookup only, so pages without short footnotes never pay for it.
    """

    def __init__(self, collected: Collected) -> None:
        self._collected = collected
        self._index: dict[tuple, CitationFields] | None = None

    def get(self, anchor: tuple) -> CitationFields | None:
        if self._index is None:
            self._index = self._build()
        return self._index.get(anchor)

    def _build(self) -> dict[tuple, CitationFields]:
        templates = [template for template, _offset in self._collected.sources]
        for entry in self._collected.entries:
            if entry.content is not None:
                found = entry.content.filter_templates(recursive=False)
                templates.extend(t for t in found if is_citation_template(str(t.name)))
        index: dict[tuple, CitationFields] = {}
        for template in templates:
            params = template_parameters(template)
            fields = reference_fields_from_template(str(template.name), params)
            index.setdefault(_citation_anchor(params, fields), fields)
        return index


def _citation_anchor(params: dict[str, str], fields: CitationFields) -> tuple:
    """A full citation's anchor: ``|ref={{harvid|…}}`` if given, else its authors (or editors) and year."""
    for key, value in params.items():
        if key.strip().lower() == "ref":
            harvid = [t for t in _templates_in(value) if template_key(t.name) in ("harvid", "sfnref")]
            if harvid:
                parts = [plain_text(p.value) for p in harvid[0].params if not p.showkey]
                return _anchor(parts[:-1], parts[-1] if parts else None)
    names = fields.get("authors") or fields.get("editors") or ()
    surnames = [name.family or name.literal or "" for name in names]
    year_text = " ".join(plain_text(params[k]) for k in params if k.strip().lower() in ("year", "date"))
    year = re.search(r"\b\d{3,4}[a-z]?\b", year_text)
    return _anchor(surnames, year.group(0) if year else None)


def _templates_in(value: str) -> list[Template]:
    return mwparserfromhell.parse(value).filter_templates(recursive=False)
