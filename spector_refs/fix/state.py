"""Whether a cited URL is dead, usurped or live, and the archive copy to cite instead.

"Dead" follows the link cache's history rule (failures spread over days,
``LinkResult.dead``), as InternetArchiveBot does, so one bad day never edits
an article; ``assume_dead_now`` takes this run's verdict at its word for a
one-off run without history. A live URL is one that answered this run.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from enum import StrEnum

from spector_refs.check.cache import WORKING
from spector_refs.model import LinkResult, Verdict

_WAYBACK_STAMP = re.compile(r"^https?://web\.archive\.org/web/(\d{4})(\d{2})(\d{2})", re.I)


class LinkState(StrEnum):
    """What a citation's ``url-status`` should say (CS1's values)."""

    LIVE = "live"
    DEAD = "dead"
    USURPED = "usurped"


@dataclass(frozen=True)
class ArchiveCopy:
    url: str
    date: str | None  # ISO


def link_state(result: LinkResult, *, assume_dead_now: bool = False) -> LinkState | None:
    """The state to write for a checked URL; None when it is neither dead nor working (blocked, failing)."""
    if result.verdict in WORKING:
        return LinkState.LIVE
    if not (result.dead or (assume_dead_now and result.verdict.is_dead)):
        return None
    return LinkState.USURPED if result.verdict is Verdict.USURPED else LinkState.DEAD


def archive_copy(own_url: str, own_date: str | None, result: LinkResult) -> ArchiveCopy | None:
    """The citation's own archive URL, else the copy the link check found (``--archive``)."""
    if own_url:
        return ArchiveCopy(own_url, own_date or wayback_date(own_url))
    if result.archive_url:
        return ArchiveCopy(result.archive_url, result.archive_date or wayback_date(result.archive_url))
    return None


def wayback_date(url: str) -> str | None:
    """The snapshot day a Wayback Machine URL names: ``…/web/20230502…/`` → ``2023-05-02``."""
    match = _WAYBACK_STAMP.match(url)
    return "-".join(match.groups()) if match else None
