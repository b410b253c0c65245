"""What a user can tune in the assessment, validated once at the edge.

Field names are the configuration keys: ``[tool.spector-refs.assess]`` (or
``[assess]`` in ``spector-refs.toml``) maps onto :class:`AssessConfig`, and
``[tool.spector-refs.sources]`` fills ``sources``, the per-domain or per-name
overrides of the bundled reliability data ("this journal is reliable for our
topic"). :func:`config_from_mapping` turns such tables into a config or raises
:class:`ConfigError` naming the bad key; the assessor itself never reads files.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, fields
from datetime import date
from typing import Any

from spector_refs.errors import ConfigError
from spector_refs.findings import KINDS as FINDING_KINDS
from spector_refs.model import Reliability, Severity

KINDS = (
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


@dataclass(frozen=True)
class AssessConfig:
    """Thresholds and vocabularies of the assessment; the defaults suit English Wikipedia.

    ``weak_kinds`` are kinds that make a source weak whatever its reliability
    (self-published and user-generated material, per WP:SPS and WP:UGC).
    ``primary_kinds`` are kinds whose sources speak for themselves (WP:PRIMARY):
    a claim resting only on them gets a ``primary-only`` finding. Tabloids and
    satire are weak by default (WP:TABLOID), state media and opinion pieces
    primary (they speak for their government or their writer);
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

    weak_kinds: frozenset[str] = frozenset(
        {"blog", "self-published", "social-media", "video", "wiki", "forum", "user-generated", "predatory"}
        | {"tabloid", "satire"}
    )
    weak_reliability: frozenset[Reliability] = WEAK_RELIABILITY
    weak_severity: Severity = FINDING_KINDS["weak-only"].severity
    primary_kinds: frozenset[str] = frozenset(
        {"government", "press-release", "company", "state-media", "opinion"}
    )
    primary_severity: Severity = FINDING_KINDS["primary-only"].severity
    dead_severity: Severity = FINDING_KINDS["dead-only"].severity
    lead_uncited: Severity | None = Severity.INFO
    infobox_uncited: Severity | None = Severity.INFO
    stale_access_days: int | None = 3650
    check_figures: bool = True
    today: str | None = None
    sources: Mapping[str, SourceOverride] = field(default_factory=dict)
    source_data: str | None = None

    def reference_date(self) -> date:
        """The day access dates are compared with."""
        return date.fromisoformat(self.today) if self.today else date.today()


def config_from_mapping(assess: Mapping[str, Any], sources: Mapping[str, Any] | None = None) -> AssessConfig:
    """Build a config from the ``assess`` and ``sources`` tables of a config file.

    Keys may be spelt with hyphens or underscores (``weak-kinds``). Unknown
    keys and bad values raise :class:`ConfigError` with the key's name, so a
    typo in pyproject.toml is reported instead of silently ignored.
    """
    known = {f.name for f in fields(AssessConfig)}
    values: dict[str, Any] = {}
    for key, raw in assess.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"unknown assess option {key!r}; known options: {', '.join(sorted(known))}")
        values[name] = _CONVERT[name](key, raw)
    if sources is not None:
        merged = dict(values.get("sources", {}))
        merged.update(_sources("sources", sources))
        values["sources"] = merged
    return AssessConfig(**values)


def _severity(key: str, raw: Any) -> Severity:
    try:
        return Severity(str(raw).lower())
    except ValueError:
        raise ConfigError(f"{key} must be one of error, warning, info (got {raw!r})") from None


def _optional_severity(key: str, raw: Any) -> Severity | None:
    """``true`` means info, ``false`` or ``"off"`` turns the finding off."""
    if raw is True:
        return Severity.INFO
    if raw is False or raw == "off":
        return None
    return _severity(key, raw)


def _kinds(key: str, raw: Any) -> frozenset[str]:
    if isinstance(raw, str) or not isinstance(raw, list | tuple | set | frozenset):
        raise ConfigError(f"{key} must be a list of source kinds")
    bad = [kind for kind in raw if kind not in KINDS]
    if bad:
        raise ConfigError(f"{key}: {bad[0]!r} is not a source kind; use one of {', '.join(KINDS)}")
    return frozenset(raw)


def _reliabilities(key: str, raw: Any) -> frozenset[Reliability]:
    if isinstance(raw, str) or not isinstance(raw, list | tuple | set | frozenset):
        raise ConfigError(f"{key} must be a list of reliabilities")
    try:
        return frozenset(Reliability(value) for value in raw)
    except ValueError:
        choices = ", ".join(r.value for r in Reliability)
        raise ConfigError(f"{key}: use reliabilities from {choices}") from None


def _path(key: str, raw: Any) -> str:
    if not isinstance(raw, str) or not raw:
        raise ConfigError(f"{key} must be the path of a sources.json file")
    return raw


def _days(key: str, raw: Any) -> int | None:
    if raw is False or raw == "off":
        return None
    if isinstance(raw, bool) or not isinstance(raw, int) or raw < 0:
        raise ConfigError(f"{key} must be a number of days (or false to turn the check off)")
    return raw


def _flag(key: str, raw: Any) -> bool:
    if not isinstance(raw, bool):
        raise ConfigError(f"{key} must be true or false")
    return raw


def _today(key: str, raw: Any) -> str | None:
    text = raw.isoformat() if isinstance(raw, date) else raw
    try:
        date.fromisoformat(str(text))
    except ValueError:
        raise ConfigError(f"{key} must be a date like 2024-01-31 (got {raw!r})") from None
    return str(text)


def _sources(key: str, raw: Any) -> dict[str, SourceOverride]:
    if not isinstance(raw, Mapping):
        raise ConfigError(f"{key} must be a table of domain or name = {{reliability, kind}}")
    return {str(name): _override(f"{key}.{name}", value) for name, value in raw.items()}


def _override(key: str, raw: Any) -> SourceOverride:
    if not isinstance(raw, Mapping) or set(raw) - {"reliability", "kind", "reason"}:
        raise ConfigError(f"{key} must be a table with reliability, kind and/or reason")
    reliability = raw.get("reliability")
    if reliability is not None:
        try:
            reliability = Reliability(reliability)
        except ValueError:
            choices = ", ".join(r.value for r in Reliability)
            raise ConfigError(f"{key}.reliability must be one of {choices}") from None
    kind = raw.get("kind")
    if kind is not None and kind not in KINDS:
        raise ConfigError(f"{key}.kind must be one of {', '.join(KINDS)}")
    return SourceOverride(reliability=reliability, kind=kind, reason=raw.get("reason"))


_CONVERT = {
    "weak_kinds": _kinds,
    "weak_reliability": _reliabilities,
    "weak_severity": _severity,
    "primary_kinds": _kinds,
    "primary_severity": _severity,
    "dead_severity": _severity,
    "lead_uncited": _optional_severity,
    "infobox_uncited": _optional_severity,
    "stale_access_days": _days,
    "check_figures": _flag,
    "today": _today,
    "sources": _sources,
    "source_data": _path,
}
