"""The citation fields every reader hands to :class:`~spector_refs.model.Reference`.

A citation is read in layers (template parameters, COinS, the markup, the
rendered text) and by three readers, and all of them produce the same
record: :class:`CitationFields`, the citation half of a ``Reference``
(everything but the list position: number, raw text, group, cite count,
name, line and column). A key is present only when the citation states it,
so layers can be merged "first layer that has it wins" and a record goes
into ``Reference(**fields)`` unchanged.

The rendered-CS1 grammar fills a looser :data:`CitationDraft` (lists that
grow, scratch keys such as a title still waiting for its book); it becomes a
record only through :func:`fields_from_draft`, the one place that checks keys.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any, TypedDict, cast

from spector_refs.model import Name


class CitationFields(TypedDict, total=False):
    """What one citation states, in :class:`~spector_refs.model.Reference`'s terms."""

    kind: str
    authors: tuple[Name, ...]
    authors_truncated: bool
    editors: tuple[Name, ...]
    translators: tuple[Name, ...]
    revisers: tuple[Name, ...]
    title: str
    trans_title: str
    chapter: str
    work: str
    publisher: str
    place: str
    edition: str
    series: str
    conference: str
    others: str
    volume: str
    issue: str
    pages: str
    date: str
    original_date: str
    access_date: str
    archive_date: str
    url: str
    archive_url: str
    url_status: str
    language: str
    quote: str
    identifiers: dict[str, str]
    maintenance: tuple[str, ...]
    problems: tuple[str, ...]
    tags: tuple[str, ...]


CITATION_KEYS = frozenset(CitationFields.__annotations__)
"""Every key a :class:`CitationFields` may hold."""

CitationDraft = dict[str, Any]
"""A citation while the rendered-CS1 grammar is still reading it: any key, lists that grow."""

_EMPTY: tuple[object, ...] = (None, "", (), [], {}, False)


def fields_from_draft(draft: Mapping[str, object]) -> CitationFields:
    """The record a draft amounts to: record keys with a value, in tuples; the rest dropped.

    An empty value (None, "", an empty collection, False) is what
    ``Reference`` assumes anyway, so leaving it out changes no reference and
    lets a later layer supply the field.
    """
    record: dict[str, object] = {}
    for key, value in draft.items():
        if key in CITATION_KEYS and value not in _EMPTY:
            record[key] = tuple(value) if isinstance(value, list) else value
    return cast(CitationFields, record)
