"""What a user can tune in the assessment, validated on construction.

Field names are the configuration keys: ``[tool.spector-refs.assess]`` (or
``[assess]`` in ``spector-refs.toml``) maps onto :class:`AssessConfig`, with
hyphens (:mod:`spector_refs.settings`), and ``[tool.spector-refs.sources]``
fills ``sources``, the per-domain or per-name overrides of the bundled
reliability data ("this journal is reliable for our topic"). Whoever builds
an :class:`AssessConfig` — the loader in :mod:`spector_refs.config`, a flag,
library code — gets values checked and normalised (``"error"`` becomes
``Severity.ERROR``) or a :class:`ConfigError` naming the key and what it
allows; the assessor itself never reads files.
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from spector_refs import settings
from spector_refs.errors import ConfigError
from spector_refs.findings import KINDS as FINDING_KINDS
from spector_refs.model import Reliability, Severity
from spector_refs.settings import setting

SECTION = "assess"
SOURCES = "sources"
"""The table of source overrides: top level, beside ``assess`` (``assess.sources`` is refused)."""
SOURCE_KINDS = (
    "news", "magazine", "academic", "book", "reference", "government", "state-media", "press-release",
    "company", "advocacy", "blog", "self-published", "social-media", "video", "wiki", "forum",
    "user-generated", "tabloid", "satire", "opinion", "predatory", "preprint", "archive", "unknown",
)  # fmt: skip
"""The documented source kinds, in the order the documentation lists them."""

WEAK_RELIABILITY = frozenset(
    {Reliability.GENERALLY_UNRELIABLE, Reliability.DEPRECATED, Reliability.BLACKLISTED}
)
"""Reliabilities that make a source weak by default; "no consensus" is fine unless configured."""


@dataclass(frozen=True)
class SourceOverride:
    """A user's ruling on one domain (``example.org``, ``example.org/blog/*``) or name."""

    reliability: Reliability | None = None
    kind: str | None = None
    reason: str | None = None

    def __post_init__(self) -> None:
        if self.reliability is not None:
            _set(self, "reliability", settings.member("reliability", self.reliability, Reliability))
        if self.kind is not None:
            settings.choice("kind", self.kind, SOURCE_KINDS)
        if self.reason is not None:
            settings.text("reason", self.reason)


_OVERRIDE = tuple(f.name for f in fields(SourceOverride))


@dataclass(frozen=True)
class AssessConfig:
    """Thresholds and vocabularies of the assessment; the defaults suit English Wikipedia.

    ``weak_kinds`` are kinds that make a source weak whatever its reliability
    (self-published and user-generated material, per WP:SPS and WP:UGC).
    ``primary_kinds`` are kinds whose sources speak for themselves (WP:PRIMARY):
    a claim resting only on them gets a ``primary-only`` finding. Tabloids and
    satire are weak by default (WP:TABLOID), state media and opinion pieces
    primary (they speak for their government or their writer), except state
    media an official sanctions list names as an instrument of disinformation
    (``sanctioned_weak``: weak, as WP:RSP deprecates RT and Sputnik);
    ``weak_reliability`` lists the reliabilities that make a source weak —
    add ``no-consensus`` to flag marginal sources too. ``source_data`` is a
    ``sources.json`` to use instead of the bundled one (what ``sources
    update`` writes).
    ``lead_uncited``/``infobox_uncited`` give the severity of uncited lead and
    infobox claims, or None to leave them out: Wikipedia allows them uncited
    when the body cites the same facts (MOS:LEADCITE), so they are only hints.
    ``today`` fixes the date stale access dates are measured from (ISO; None
    means the day of the run), so reports can be reproduced.
    """

    weak_kinds: frozenset[str] = setting(
        frozenset({"blog", "self-published", "social-media", "video", "wiki", "forum", "user-generated"})
        | {"predatory", "tabloid", "satire"},
        doc='kinds that make a source weak (see "Weak, primary or fine")',
    )
    weak_reliability: frozenset[Reliability] = setting(
        WEAK_RELIABILITY,
        doc="reliabilities that make a source weak; add `no-consensus` to flag marginal sources",
    )
    weak_severity: Severity = setting(FINDING_KINDS["weak-only"].severity, doc="severity of `weak-only`")
    primary_kinds: frozenset[str] = setting(
        frozenset({"government", "press-release", "company", "state-media", "opinion"}),
        doc="kinds that count as primary",
    )
    sanctioned_weak: bool = setting(
        True,
        doc="state media that an official sanctions list names as an instrument of disinformation "
        "(the EU's Annex XV outlets) count as weak; `false` counts them as other state media",
    )
    primary_severity: Severity = setting(
        FINDING_KINDS["primary-only"].severity, doc="severity of `primary-only`"
    )
    dead_severity: Severity = setting(FINDING_KINDS["dead-only"].severity, doc="severity of `dead-only`")
    lead_uncited: Severity | None = setting(
        Severity.INFO, doc="severity of uncited lead claims (`uncited`); `false` turns them off"
    )
    infobox_uncited: Severity | None = setting(
        Severity.INFO, doc="severity of uncited infobox rows (`uncited`); `false` turns them off"
    )
    stale_access_days: int | None = setting(
        3650, doc="access dates older than this are reported; `false` turns the check off"
    )
    check_figures: bool = setting(True, doc="run the unverified-figure check when page texts are available")
    today: str | None = setting(
        None,
        doc="ISO date stale access dates are measured from (reproducible reports)",
        shown="the day of the run",
    )
    sources: Mapping[str, SourceOverride] = field(default_factory=dict)
    """Filled from the ``[sources]`` table, not a key of ``[assess]``."""
    source_data: str | None = setting(
        None, doc="a `sources.json` to use instead", shown="the user's updated data, else the bundled file"
    )

    def __post_init__(self) -> None:
        """Normalise and check every field, so a bad setting fails here naming its key."""
        for name in ("weak_kinds", "primary_kinds"):
            _set(self, name, settings.choices(_key(name), getattr(self, name), SOURCE_KINDS, "source kind"))
        _set(self, "weak_reliability", settings.members(_key("weak_reliability"), self.weak_reliability,
                                                        Reliability, "reliability"))  # fmt: skip
        for name in ("weak_severity", "primary_severity", "dead_severity"):
            _set(self, name, settings.member(_key(name), getattr(self, name), Severity))
        for name in ("lead_uncited", "infobox_uncited"):
            _set(self, name, _optional_severity(_key(name), getattr(self, name)))
        _set(self, "stale_access_days", _days(_key("stale_access_days"), self.stale_access_days))
        settings.flag(_key("check_figures"), self.check_figures)
        settings.flag(_key("sanctioned_weak"), self.sanctioned_weak)
        _set(self, "today", _iso_date(_key("today"), self.today))
        _set(self, "sources", _overrides(self.sources))
        if self.source_data is not None:
            _set(self, "source_data", settings.text(_key("source_data"), os.fspath(self.source_data)))

    def reference_date(self) -> date:
        """The day access dates are compared with."""
        return date.fromisoformat(self.today) if self.today else date.today()


def _key(name: str) -> str:
    return settings.key_of(SECTION, name)


def _set(config: object, name: str, value: object) -> None:
    """Store a normalised value on a frozen config (only during ``__post_init__``)."""
    object.__setattr__(config, name, value)


def _optional_severity(key: str, value: Any) -> Severity | None:
    """``true`` means info, ``false``, ``"off"`` or None leave the finding out."""
    if value is True:
        return Severity.INFO
    if value is None or value is False or value == "off":
        return None
    return settings.member(key, value, Severity)


def _days(key: str, value: Any) -> int | None:
    if value is None or value is False or value == "off":
        return None
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise settings.fail(
            key, f"expected a number of days ≥ 0, or false to turn the check off; got {value!r}"
        )
    return value


def _iso_date(key: str, value: Any) -> str | None:
    if value is None:
        return None
    written = value.isoformat() if isinstance(value, date) else value
    try:
        date.fromisoformat(str(written))
    except ValueError:
        raise settings.fail(key, f"expected a date like 2024-01-31, got {value!r}") from None
    return str(written)


def _overrides(value: Any) -> dict[str, SourceOverride]:
    """The ``[sources]`` table: domain, domain/path glob or name → override."""
    if not isinstance(value, Mapping):
        raise settings.fail(SOURCES, f"expected a table of domain or name = {{{', '.join(_OVERRIDE)}}}")
    return {str(name): _override(f'{SOURCES}."{name}"', raw) for name, raw in value.items()}


def _override(key: str, raw: Any) -> SourceOverride:
    if isinstance(raw, SourceOverride):
        return raw
    if not isinstance(raw, Mapping) or set(raw) - set(_OVERRIDE):
        raise settings.fail(key, f"expected a table with {', '.join(_OVERRIDE)} (any of them), got {raw!r}")
    try:
        return SourceOverride(**raw)
    except ConfigError as exc:
        raise ConfigError(f"{key}.{exc}") from None
