"""Rescuing dead links in the wikitext itself, the way InternetArchiveBot does.

An audit says which cited URLs are dead; :func:`fix` writes the edit an
editor would make: the archive copy and ``url-status=dead`` on the citation,
``{{dead link}}`` where there is no copy, ``url-status=live`` where a URL
came back. :func:`citation_targets` lists the URLs (with access dates) to
check first. Nothing here talks to the network or to a wiki.
"""

from __future__ import annotations

import mwparserfromhell

from spector_refs.fix.apply import fix
from spector_refs.fix.model import ChangeKind, FixChange, FixResult
from spector_refs.fix.scan import citation_targets as _targets
from spector_refs.model import LinkTarget

__all__ = ["ChangeKind", "FixChange", "FixResult", "citation_targets", "fix"]


def citation_targets(article_text: str) -> list[LinkTarget]:
    """The URLs ``fix`` would edit, each with what its citation says: access date, archive copy, the work."""
    return _targets(mwparserfromhell.parse(article_text))
