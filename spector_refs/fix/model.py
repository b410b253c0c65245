"""What ``fix`` did to an article: one :class:`FixChange` per edited citation.

Each change is a span of the original text and what replaced it, so a
reviewer (or a test) can check that the rest of the page is byte-identical:
splicing every ``after`` into the original at ``start`` gives the new text.
"""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum


class ChangeKind(StrEnum):
    """The edits InternetArchiveBot makes, named as its edit summaries count them."""

    RESCUED = "rescued"  # an archive copy and url-status=dead
    USURPED = "usurped"  # an archive copy and url-status=usurped: the domain changed hands
    TAGGED = "tagged"  # no copy: {{dead link|fix-attempted=yes}}
    LIVE = "live"  # url-status=dead on a URL that works again: url-status=live


@dataclass(frozen=True)
class FixChange:
    """One edited citation: where it was (``start``, 1-based ``line``), its text before and after."""

    kind: ChangeKind
    url: str
    start: int
    line: int
    before: str
    after: str
    archive_url: str | None = None
    reason: str = ""


@dataclass(frozen=True)
class FixResult:
    """The new wikitext, a unified diff against the old, and every change made."""

    text: str
    diff: str
    changes: tuple[FixChange, ...] = ()

    @property
    def changed(self) -> bool:
        return bool(self.changes)

    @property
    def summary(self) -> str:
        """An edit summary worded like InternetArchiveBot's: "Rescuing 4 sources and tagging 1 as dead"."""
        return edit_summary(self.changes)


def edit_summary(changes: tuple[FixChange, ...]) -> str:
    """ "Rescuing 4 sources, tagging 1 as dead and marking 1 as live"; "No changes" when there are none."""
    rescued = sum(1 for c in changes if c.kind in (ChangeKind.RESCUED, ChangeKind.USURPED))
    tagged = sum(1 for c in changes if c.kind is ChangeKind.TAGGED)
    live = sum(1 for c in changes if c.kind is ChangeKind.LIVE)
    parts = []
    if rescued:
        parts.append(f"rescuing {rescued} source{'s' if rescued != 1 else ''}")
    if tagged:
        parts.append(f"tagging {tagged} as dead")
    if live:
        parts.append(f"marking {live} as live")
    if not parts:
        return "No changes"
    text = parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]
    return text[0].upper() + text[1:]
