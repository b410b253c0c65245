"""What a page says it is: its titles, site name, publication date and authors.

A page that answers 200 may no longer be the page that was cited: the site
redirected an old article to an unrelated one, or reused its address. The
assessment compares what the citation says (title, work, date, authors)
with what the page declares about itself, so the declarations are read here,
once, right after the fetch: ``<title>``, the first ``h1``, Open Graph
(``og:title``, ``og:site_name``, ``article:published_time``), the Highwire
tags scholarly publishers use for Google Scholar (``citation_title``,
``citation_author``, ``citation_publication_date``), Dublin Core and
schema.org JSON-LD (``headline``, ``datePublished``, ``author``), and the
address the page files itself under (``<link rel="canonical">``, ``og:url``),
whose slug often still carries the headline the article was first given,
and the kind of page it declares itself (``og:type``, JSON-LD ``@type``):
a review, a book, a tag page, not only a title; and the software it says
made it (``<meta name="generator">``, ``<meta name="application-name">``),
which tells the assessment what kind of site a site no list names is
(:mod:`spector_refs.assess.declared`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from spector_refs.check.page import Page, read_page, title_text
from spector_refs.check.records import record
from spector_refs.model import PageMeta

_JSON_LD_CHARS = 100_000
_VALUE_CHARS = 2048
"""Longer than any title, name, date or address a page declares: the cap bounds the title comparison
(which weighs every word against every other) on a hostile page."""
_ISO_START = re.compile(r"^(\d{4}-\d{2}-\d{2})(?:[T ]|$)")
_TITLE_KEYS = {
    "og:title": "og_title",
    "twitter:title": "og_title",
    "citation_title": "citation_title",
    "dc.title": "citation_title",
    "dcterms.title": "citation_title",
    "og:site_name": "site_name",
    "citation_journal_title": "site_name",
}
_DATE_KEYS = (
    "article:published_time", "citation_publication_date", "citation_date", "citation_online_date",
    "dc.date", "dcterms.date", "dc.date.issued", "date", "pubdate", "publishdate", "sailthru.date",
    "og:published_time", "parsely-pub-date",
)  # fmt: skip
_AUTHOR_KEYS = (
    "citation_author",
    "author",
    "article:author",
    "dc.creator",
    "parsely-author",
    "sailthru.author",
)
_KINDS = 12
"""Declared types kept per page: a page declares a handful (WebPage, Article, Organization, Person…)."""
_ARTICLE_TYPES = re.compile(r"Article|Posting|Report|Page|CreativeWork|Blog|Chapter|Book|Thesis", re.I)


def read_metadata(body: bytes, content_type: str | None) -> PageMeta | None:
    """The page's declarations about itself, or None for a body that is not HTML."""
    return page_metadata(read_page(body, content_type))


def page_metadata(page: Page) -> PageMeta | None:
    """The declarations read from the page's own parsed tree, or None for a page that is not HTML.

    The link checker parses each page once, for its text and for this: a
    second parse of every page was about a tenth of a check's CPU. A page
    that declares nothing (no meta tags, JSON-LD or links) skips the
    searches of empty lists, most of such a page's metadata.
    """
    if page.tree is None:
        return None
    tagged = page.tagged
    metas = _meta_tags(tagged["meta"])
    ld = _json_ld(tagged["script"])
    fields, dates, authors = _declared(metas)
    dates += [ld["date"]] if ld.get("date") else []
    authors += ld.get("authors", [])
    canonical = _canonical(tagged["link"])
    og_url = _first(metas, "og:url")
    return record(
        PageMeta,
        title=_collapse(title_text(tagged["title"])) or None,
        heading=_first_heading(tagged["headings"]),
        og_title=fields.get("og_title"),
        citation_title=fields.get("citation_title"),
        headline=ld.get("headline"),
        site_name=fields.get("site_name"),
        published=_first_date(dates) if dates else None,
        authors=_authors(authors) if authors else (),
        canonical_url=canonical if _absolute(canonical) else og_url if _absolute(og_url) else None,
        kinds=_declared_kinds(_first(metas, "og:type"), ld["types"]),
        generator=_first(metas, "generator"),
        application_name=_first(metas, "application-name"),
    )


def _first_date(dates: list[str]) -> str | None:
    """The first of ``dates`` that reads as a date, as an ISO date."""
    for date in dates:
        found = iso_date(date)
        if found:
            return found
    return None


def _authors(names: list[str]) -> tuple[str, ...]:
    """The distinct names, in order, without the profile addresses some pages give for a name."""
    return tuple(dict.fromkeys(a for a in names if a and not a.startswith(("http://", "https://"))))


def _declared(metas: _Metas) -> tuple[dict[str, str], list[str], list[str]]:
    """The title fields, the dates and the authors the meta tags give, each in the order they are trusted.

    A page without meta tags (many small ones) skips the three scans of
    the key lists, a third of such a page's metadata.
    """
    if not metas:
        return {}, [], []
    fields = {name: metas[key][0] for key, name in reversed(_TITLE_KEYS.items()) if key in metas}
    dates = [metas[key][0] for key in _DATE_KEYS if key in metas]
    authors = [value for key in _AUTHOR_KEYS if key in metas for value in metas[key]]
    return fields, dates, authors


def _first_heading(headings: list[Any]) -> str | None:
    """The first ``h1``'s whole text (see ``page._WALK_BELOW`` for why not ``text_content``).

    A heading with no child node (most) is its own text, which ``itertext`` would give alone.
    """
    heading = next((heading for heading in headings if heading.tag == "h1"), None)
    if heading is None:
        return None
    return _collapse("".join(heading.itertext()) if len(heading) else heading.text or "") or None


def _declared_kinds(og_type: str | None, ld_types: list[str]) -> tuple[str, ...]:
    """The types the page declares itself, as given: ``og:type``, then JSON-LD ``@type``.

    Microdata (``itemtype``) is not read: finding it means walking the whole
    body, about a twentieth of the page's parse on a large page, for what
    most sites now declare in JSON-LD.
    """
    if not og_type and not ld_types:
        return ()
    declared = [og_type or "", *ld_types]
    return tuple(dict.fromkeys(_collapse(kind) for kind in declared if kind.strip()))[:_KINDS]


def _canonical(links: list[Any]) -> str | None:
    """The ``<link rel="canonical">`` address: where the site files the article, whatever URL served it."""
    for link in links:
        if "canonical" in (link.get("rel") or "").lower().split():
            return (link.get("href") or "").strip() or None
    return None


def _absolute(url: str | None) -> bool:
    return bool(url) and str(url).startswith(("http://", "https://"))


def iso_date(text: str) -> str | None:
    """An ISO date from a timestamp (``2023-05-02T14:05:00Z``) or any date CS1 reads."""
    text = text.strip()
    match = _ISO_START.match(text)
    if match:
        return match.group(1)
    if len(text) > 40:
        return None
    from spector_refs.dates import parse_date  # ~3 ms of imports: only for a date not in ISO form

    return parse_date(text.replace("/", "-"))


_Metas = dict[str, list[str]]
"""``<meta name|property=… content=…>`` values by lower-cased key, in page order (never an empty list)."""


def _first(metas: _Metas, key: str) -> str | None:
    values = metas.get(key)
    return values[0] if values else None


def _meta_tags(tags: list[Any]) -> _Metas:
    metas: _Metas = {}
    for meta in tags:
        key = meta.get("property") or meta.get("name") or meta.get("itemprop")
        value = _collapse(meta.get("content") or "")
        if key and value:
            metas.setdefault(key.strip().lower(), []).append(value)
    return metas


def _json_ld(scripts: list[Any]) -> dict[str, Any]:
    """headline, date and authors of the first article-like JSON-LD object; the ``@type`` of every object."""
    found: dict[str, Any] = {"types": []}
    for script in scripts:
        if (script.get("type") or "").strip().lower() != "application/ld+json":
            continue
        try:
            data = json.loads((script.text or "")[:_JSON_LD_CHARS])
        except (ValueError, RecursionError):  # hostile nesting exhausts the decoder's stack
            continue
        for item in _objects(data, depth=0):
            types = [kind for kind in _listed(item.get("@type")) if isinstance(kind, str)]
            found["types"] += types
            headline = item.get("headline")
            article = any(_ARTICLE_TYPES.search(kind) for kind in types) and isinstance(item.get("name"), str)
            if "headline" not in found and (isinstance(headline, str) or article):
                found.update(
                    headline=_collapse(str(headline or item.get("name"))),
                    date=str(item.get("datePublished") or "") or None,
                    authors=list(_names(item.get("author"))),
                )
    return found


def _listed(value: Any) -> list[Any]:
    """A JSON-LD value that may be one item or a list of them (``"@type": ["Book", "Product"]``)."""
    return value[:_KINDS] if isinstance(value, list) else [value]


def _objects(data: Any, depth: int) -> Iterator[dict[str, Any]]:
    """Every dict in a JSON-LD document (top level, lists and ``@graph``), a few levels deep."""
    if depth > 3:
        return
    if isinstance(data, list):
        for item in data[:50]:
            yield from _objects(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from _objects(data["@graph"], depth + 1)


def _names(value: Any) -> Iterator[str]:
    if isinstance(value, str):
        yield _collapse(value)
    elif isinstance(value, dict) and isinstance(value.get("name"), str):
        yield _collapse(value["name"])
    elif isinstance(value, list):
        for item in value[:20]:
            if not isinstance(item, list):
                yield from _names(item)


def _collapse(text: str) -> str:
    return " ".join(text[: 4 * _VALUE_CHARS].split())[:_VALUE_CHARS]  # as page._collapse
