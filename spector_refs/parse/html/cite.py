"""One citation in Wikipedia HTML, read from every layer it carries.

A CS1 citation in HTML says the same thing up to four times: the template
parameters (Parsoid's ``data-mw``), the COinS metadata (``span.Z3988``), the
markup (``cite`` class, links, ``span.reference-accessdate``,
``span.cs1-maint``) and the rendered text. They are read in that order of
trust, and each field is taken from the first layer that has it. When
metadata exists the rendered text is asked only for what metadata cannot
hold (access and archive dates, language), since reading the rest from
punctuation is a guess.
"""

from __future__ import annotations

import json
import re
from typing import Any
from urllib.parse import urlsplit

from bs4 import Comment, NavigableString, Tag

from spector_refs.dates import parse_date
from spector_refs.parse.core.cs1 import parse_rendered_citation
from spector_refs.parse.core.cs1_template import is_citation_template, reference_fields_from_template
from spector_refs.parse.core.fields import CitationDraft, CitationFields, fields_from_draft
from spector_refs.parse.html.coins import coins_kind, parse_coins

# cite class family -> Reference.kind, where the two differ
_CLASS_KINDS = {
    "pressrelease": "press release",
    "encyclopaedia": "encyclopedia",
    "techreport": "report",
    "av-media": "av media",
    "av-media-notes": "av media",
    "newsgroup": "newsgroup",
}
_NOT_KINDS = frozenset({"citation", "cs1", "cs2"})
_ARCHIVE_HOSTS = (
    "web.archive.org",
    "archive.org",
    "archive.today",
    "archive.ph",
    "archive.is",
    "archive.li",
    "webcitation.org",
    "www.webcitation.org",
    "wayback.archive-it.org",
    "ghostarchive.org",
    "webarchive.nationalarchives.gov.uk",
    "webarchive.loc.gov",
)
_IDENTIFIER_HOSTS = (
    "doi.org",
    "dx.doi.org",
    "www.ncbi.nlm.nih.gov",
    "pubmed.ncbi.nlm.nih.gov",
    "www.worldcat.org",
    "search.worldcat.org",
    "www.jstor.org",
    "ui.adsabs.harvard.edu",
    "adsabs.harvard.edu",
    "arxiv.org",
    "hdl.handle.net",
    "api.semanticscholar.org",
    "lccn.loc.gov",
    "www.osti.gov",
    "ssrn.com",
    "papers.ssrn.com",
    "zbmath.org",
    "openlibrary.org",
    "mathscinet.ams.org",
)
MAX_CITATION_CHARS = 3000
_HIDDEN_TAGS = frozenset({"style", "script", "link", "meta", "noscript"})
_MESSAGE_CLASSES = ("cs1-maint", "cs1-visible-error", "cs1-hidden-error")
# what only the rendering shows; with metadata present the rest of a text reading is a guess
DataMwIndex = dict[str, Any]
"""Parsoid's ``data-mw`` JSON records by the ``about`` id of the nodes they describe."""
_RENDERING_ONLY = frozenset(  # and the contributors COinS leaves out
    {
        "access_date",
        "archive_date",
        "language",
        "maintenance",
        "url_status",
        "trans_title",
        "editors",
        "translators",
        "others",
    }
)
_RETRIEVED = re.compile(r"retrieved(?:\s+on)?\s+(.+?)[.\s]*$", re.I | re.S)


def attribute(tag: Tag, name: str) -> str:
    """An attribute's value as text, "" when absent.

    bs4 hands multi-valued attributes (``class``, ``rel``) over as lists and
    the rest as strings; every reader here wants the text.
    """
    value = tag.get(name)
    if value is None:
        return ""
    return value if isinstance(value, str) else " ".join(value)


def reader_text(node: Tag, *, skip: tuple[str, ...] = ()) -> str:
    """The text of ``node`` as a reader sees it, on one line.

    Styles, scripts and the COinS span are dropped; ``skip`` names further
    classes whose subtrees are left out.
    """
    parts: list[str] = []
    _collect_text(node, parts, ("Z3988", *skip))
    return " ".join("".join(parts).split())


def _collect_text(node: Tag, parts: list[str], skip: tuple[str, ...]) -> None:
    for child in node.children:
        if isinstance(child, Comment):
            continue
        if isinstance(child, NavigableString):
            parts.append(str(child))
        elif isinstance(child, Tag) and not _is_hidden(child, skip):
            _collect_text(child, parts, skip)


def _is_hidden(tag: Tag, skip: tuple[str, ...]) -> bool:
    if tag.name in _HIDDEN_TAGS:
        return True
    classes = tag.get("class") or ()
    return any(name in classes for name in skip)


def citation_fields(container: Tag, cite: Tag | None, templates: DataMwIndex) -> CitationFields:
    """Reference keyword fields for the citation ``cite`` inside ``container``.

    ``container`` holds the whole rendered reference (for free-text
    references ``cite`` is None); ``templates`` maps Parsoid ``about`` ids to
    their ``data-mw`` JSON. Problems met in any layer are returned under
    ``problems``; nothing here raises for odd markup.
    """
    scope = cite if cite is not None else container
    rendered = read_rendered(reader_text(scope, skip=(*_MESSAGE_CLASSES, "Inline-Template")))
    layers: list[CitationFields] = []
    template = _template_fields(cite, templates)
    if template is not None:
        layers.append(template)
    coins = _coins_span(cite, container)
    if coins is not None:
        layers.append(parse_coins(attribute(coins, "title")))
    layers.append(_markup_fields(container, cite, coins))
    shown_pages = rendered.get("pages")
    if template is not None or coins is not None:
        rendered = fields_from_draft(
            {key: value for key, value in rendered.items() if key in _RENDERING_ONLY}
        )
    layers.append(rendered)
    merged = merge_fields(*layers)
    if shown_pages and merged.get("pages") == shown_pages.replace("–", "-"):
        merged["pages"] = shown_pages  # COinS writes "575-577" for the "575–577" editors typed
    return merged


def read_rendered(text: str) -> CitationFields:
    """The rendered-citation reader, on at most :data:`MAX_CITATION_CHARS` characters.

    Real citations are a few hundred characters; a longer "citation" is
    broken markup (an unclosed element swallowing the page), and reading
    it whole would only cost time.
    """
    if len(text) <= MAX_CITATION_CHARS:
        return parse_rendered_citation(text)
    fields = parse_rendered_citation(text[:MAX_CITATION_CHARS])
    problem = f"citation text is {len(text)} characters long; only the first {MAX_CITATION_CHARS} were read"
    fields["problems"] = (*fields.get("problems", ()), problem)
    return fields


def merge_fields(*layers: CitationFields) -> CitationFields:
    """Each field from the first layer that has it; identifiers and problems pooled.

    Identifiers are merged key by key (earlier layers win) and problems are
    concatenated without repeats. Maintenance messages come whole from one
    layer: the markup and the rendered text report the same CS1 messages in
    slightly different words, and pooling them would list each twice.
    """
    merged: CitationDraft = {}
    identifiers: dict[str, str] = {}
    problems: list[str] = []
    for layer in layers:
        identifiers = {**layer.get("identifiers", {}), **identifiers}
        problems.extend(item for item in layer.get("problems", ()) if item not in problems)
        for key, value in layer.items():
            if not merged.get(key):  # an empty value never hides a later layer's
                merged[key] = value
    return fields_from_draft({**merged, "identifiers": identifiers, "problems": problems})


def _coins_span(cite: Tag | None, container: Tag) -> Tag | None:
    """The COinS span of this citation: the one right after its ``cite``."""
    if cite is not None:
        span = cite.find_next_sibling("span", class_="Z3988")
        if span is not None and span.find_previous_sibling("cite") is cite:
            return span
        return None
    return container.find("span", class_="Z3988")


def template_call(data_mw: Any) -> tuple[str, dict[str, str]] | None:
    """The first template in a Parsoid ``data-mw`` record: name and wikitext params."""
    if not isinstance(data_mw, dict):
        return None
    for part in data_mw.get("parts") or ():
        template = part.get("template") if isinstance(part, dict) else None
        if not isinstance(template, dict):
            continue
        name = str((template.get("target") or {}).get("wt") or "").strip()
        params = {
            str(key): str(value.get("wt", "")) if isinstance(value, dict) else ""
            for key, value in (template.get("params") or {}).items()
        }
        return name, params
    return None


def load_data_mw(tag: Tag, templates: DataMwIndex) -> Any:
    """The ``data-mw`` JSON of a Parsoid node, or of its transclusion group.

    Parsoid stores a transclusion's parameters on its first node only; the
    other nodes share its ``about`` id.
    """
    raw = attribute(tag, "data-mw")
    if raw:
        try:
            return json.loads(raw)
        except ValueError:
            return {"error": "unreadable data-mw JSON"}
    about = attribute(tag, "about")
    return templates.get(about) if about else None


def _template_fields(cite: Tag | None, templates: DataMwIndex) -> CitationFields | None:
    if cite is None:
        return None
    data = load_data_mw(cite, templates)
    if isinstance(data, dict) and "error" in data:
        return {"problems": (f"{data['error']} on a citation",)}
    call = template_call(data)
    if call is None or not is_citation_template(call[0]):
        return None
    return reference_fields_from_template(*call)


def cite_class_kind(cite: Tag | None, coins: Tag | None) -> str | None:
    """The CS1 family named in ``cite class="citation web cs1"``."""
    if cite is None:
        return None
    for name in cite.get("class") or ():
        if name.lower() not in _NOT_KINDS and not name.lower().startswith(("cs1-", "cs2-")):
            return _CLASS_KINDS.get(name.lower(), name.lower())
    return coins_kind(attribute(coins, "title")) if coins is not None else None


def _markup_fields(container: Tag, cite: Tag | None, coins: Tag | None) -> CitationFields:
    """What the markup states outright: kind, links, access date, CS1 messages."""
    scope = cite if cite is not None else container
    fields: CitationDraft = {"kind": cite_class_kind(cite, coins), **_links(scope)}
    accessed = scope.find(class_="reference-accessdate")
    if accessed is not None:
        match = _RETRIEVED.search(reader_text(accessed))
        date = parse_date(match.group(1)) if match else None
        if date:
            fields["access_date"] = date
        else:
            fields["problems"] = (f"unreadable access date: {reader_text(accessed).strip(' .,')}",)
    fields["maintenance"] = _messages(container)
    return fields_from_draft(fields)


def _messages(container: Tag) -> list[str]:
    """CS1's maintenance and error messages, without the "{{cite web}}:" prefix."""
    messages = []
    spans = (
        tag
        for tag in container.descendants
        if isinstance(tag, Tag) and any(name in _MESSAGE_CLASSES for name in tag.get("class") or ())
    )
    for span in spans:
        text = reader_text(span)
        text = re.sub(r"^\s*(?:\{\{[^}]*\}\})?\s*:?\s*", "", text)
        text = re.sub(r"\s*\((?:link|help)\)\s*$", "", text).strip()
        if text and text not in messages:
            messages.append(text)
    return messages


def _links(scope: Tag) -> dict[str, str]:
    """The cited URL, the archive URL and the URL status from external links.

    CS1 renders a live archived citation as ``"Title". Archived from the
    original`` with the title linking the original and "Archived" the copy;
    a dead one links the title to the copy and "the original" to the URL.
    """
    links = [a for a in scope.find_all("a", href=True) if "external" in (a.get("class") or ())]
    out: dict[str, str] = {}
    original = _link_with_text(links, "the original")
    archived = _link_with_text(links, "Archived")
    others = [a for a in links if a is not original and a is not archived and not _is_identifier(a)]
    title_link = others[0] if others else None
    if original is not None:
        out["url"], out["url_status"] = absolute_url(attribute(original, "href")), "dead"
        if title_link is not None:
            out["archive_url"] = absolute_url(attribute(title_link, "href"))
        return out
    if title_link is not None:
        href = absolute_url(attribute(title_link, "href"))
        out["archive_url" if _is_archive(href) else "url"] = href
    if archived is not None:
        out["archive_url"] = absolute_url(attribute(archived, "href"))
        out.setdefault("url_status", "live")
    return out


def _link_with_text(links: list[Tag], text: str) -> Tag | None:
    for link in links:
        if reader_text(link) == text:
            return link
    return None


def _is_identifier(link: Tag) -> bool:
    host = urlsplit(absolute_url(attribute(link, "href"))).hostname or ""
    return host in _IDENTIFIER_HOSTS


def _is_archive(url: str) -> bool:
    host = urlsplit(url).hostname or ""
    return host in _ARCHIVE_HOSTS


def absolute_url(href: str) -> str:
    """A link as a full URL: protocol-relative ``//host/…`` gets https."""
    href = href.strip()
    return "https:" + href if href.startswith("//") else href
