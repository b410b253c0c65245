"""``sources explain``: why a URL, a name or a DOI gets the ruling it gets.

When an editor disagrees with a ruling, the first question is which list or
rule said so. :func:`explain_source` collects every entry and rule that
applies, in order of precedence, and names the ones that decided the kind and
the reliability, so the answer can be checked against the list it came from
or overridden in the configuration. Given what the checked page declares
about itself (a ``links --format json`` result), a site no list names may
also be ruled by its page (:mod:`spector_refs.assess.declared`).
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from spector_refs.assess.config import AssessConfig
from spector_refs.assess.sources import (
    SITE_ENTRY,
    Match,
    SourceIndex,
    deciding_matches,
    decision,
    merge_matches,
)
from spector_refs.domains import is_archive, original_url
from spector_refs.model import PageMeta, SourceProfile

_DOI = re.compile(r"^(?:doi:|https?://(?:dx\.)?doi\.org/)?(10\.\d{4,9}/\S+)$", re.I)
_ADDRESS = re.compile(r"^(?:[a-z][a-z0-9+.-]*://)?[^\s/]+\.[^\s/.]{2,}(?:/\S*)?$", re.I)


@dataclass(frozen=True)
class Explanation:
    """The ruling on one source and every match behind it."""

    target: str
    looked_up_as: str
    profile: SourceProfile
    decision: str
    matches: tuple[Match, ...]
    kind_from: Match | None
    reliability_from: Match | None


def explain_source(
    target: str, index: SourceIndex, config: AssessConfig | None = None, meta: PageMeta | None = None
) -> Explanation:
    """Explain the ruling on a URL, a website ("www.gov.pl"), a name ("Daily Mail") or a DOI.

    ``meta`` is what the checked page at a URL declares about itself.
    """
    config = config or AssessConfig()
    text = target.strip()
    how, matches = _matches(text, index, meta)
    profile = merge_matches(matches) or SourceProfile(reason="no list entry or rule matched")
    kind_from, reliability_from = deciding_matches(matches)
    return Explanation(
        text, how, profile, decision(profile, config), tuple(matches), kind_from, reliability_from
    )


def _matches(text: str, index: SourceIndex, meta: PageMeta | None) -> tuple[str, list[Match]]:
    doi = _DOI.match(text)
    if doi:
        profile = index.by_doi(doi.group(1))
        return "DOI", [Match(SITE_ENTRY, profile.matched or "", profile)] if profile else []
    if _ADDRESS.match(text):
        url = original_url(text) if is_archive(text) else text
        return "URL", index.url_matches(url or text, meta=meta)
    return "name", index.name_matches(text)
