"""The audit policy: which findings fail a CI job, and the documented exit codes.

``fail-on`` names finding kinds (``citation-needed``, ``weak-only``…), the
link verdict group ``broken-links`` (broken, soft-404, usurped, redirect loop), or a
severity (``error``, ``warning``, ``info``) meaning "any finding at least this
severe". The exit code is 0 when nothing matches, 1 when something does, 3
when the network was unavailable so links could not be judged (never reported
as dead), and 2 for bad usage or unreadable input (raised as errors earlier).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from spector_refs.errors import ConfigError
from spector_refs.model import Assessment, Finding, LinkResult, Severity, Verdict
from spector_refs.parse.tags import INLINE_TAGS, tag_slug

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_NETWORK = 0, 1, 2, 3
BROKEN_LINKS = "broken-links"
DEFAULT_FAIL_ON: tuple[str, ...] = (BROKEN_LINKS,)
FINDING_KINDS = (
    "uncited", "weak-only", "primary-only", "dead-only", "unverified-figure", "duplicate-reference",
    "unused-reference", "missing-reference", "missing-url", "missing-date", "missing-author",
    "generic-title", "bare-url", "stale-access-date", "cs1-maint",
    *(tag_slug(tag) for tag in INLINE_TAGS),
)  # fmt: skip
_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}


def parse_fail_on(value: str | Iterable[str]) -> tuple[str, ...]:
    """Validate a fail-on list ("a,b" or a list); unknown names are errors."""
    names = [v.strip() for v in value.split(",")] if isinstance(value, str) else [str(v) for v in value]
    names = [name for name in names if name]
    known = {BROKEN_LINKS, "none", *FINDING_KINDS, *(s.value for s in Severity)}
    for name in names:
        if name not in known:
            raise ConfigError(
                f"fail-on: unknown name {name!r}; use broken-links, a severity (error, warning, info) "
                f"or a finding kind ({', '.join(FINDING_KINDS[:6])}, …)"
            )
    return tuple(name for name in names if name != "none")


def failing_findings(assessment: Assessment, fail_on: Sequence[str]) -> list[Finding]:
    """The findings of one article that the policy fails on."""
    severities = [Severity(name) for name in fail_on if name in Severity._value2member_map_]
    floor = min((_RANK[s] for s in severities), default=None)
    return [
        finding
        for finding in assessment.findings
        if finding.kind in fail_on or (floor is not None and _RANK[finding.severity] >= floor)
    ]


def broken_links(links: Iterable[LinkResult]) -> list[LinkResult]:
    """Links whose verdict says the cited page is gone."""
    return [link for link in links if link.verdict.is_dead]


def exit_code(assessments: Sequence[Assessment], fail_on: Sequence[str]) -> int:
    """The documented exit code of an audit under this policy."""
    links = [link for a in assessments for link in a.links]
    if any(link.verdict is Verdict.NETWORK_UNAVAILABLE for link in links):
        return EXIT_NETWORK
    if BROKEN_LINKS in fail_on and broken_links(links):
        return EXIT_FINDINGS
    if any(failing_findings(a, fail_on) for a in assessments):
        return EXIT_FINDINGS
    return EXIT_OK
