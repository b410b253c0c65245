"""The audit policy: what fails a CI job, and the documented exit codes.

``fail-on`` names finding kinds (``citation-needed``, ``weak-only``…), the
link group ``broken-links`` (broken, soft-404, usurped, redirect loop), or a severity
(``error``, ``warning``, ``info``) meaning "any finding at least this severe".
A dead link whose references all give an archive URL is what editors are
told to do with link rot, so it is reported but fails ``broken-links`` only
when ``archived-links`` is named too.

What fails is decided here and only here (:func:`failures`): the exit code
and every report's "fails the policy" count and marks read the same answer.
The exit code is 0 when nothing fails, 1 when something does, 3 when the
network was unavailable so links could not be judged (never reported as
dead), and 2 for bad usage or unreadable input (raised as errors earlier).
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING

from spector_refs.errors import ConfigError
from spector_refs.model import Severity, Verdict

if TYPE_CHECKING:
    from spector_refs.model import Assessment, Finding, LinkResult

EXIT_OK, EXIT_FINDINGS, EXIT_USAGE, EXIT_NETWORK = 0, 1, 2, 3
BROKEN_LINKS = "broken-links"
ARCHIVED_LINKS = "archived-links"
GROUPS = {
    BROKEN_LINKS: "dead cited URLs (broken, soft 404, usurped, redirect loop) not archived by their ref",
    ARCHIVED_LINKS: "with broken-links: dead cited URLs even when the reference gives an archive URL",
    "none": "nothing fails (report only)",
}
"""The fail-on names that are neither a severity nor a finding kind, with what they select."""
DEFAULT_FAIL_ON: tuple[str, ...] = (BROKEN_LINKS,)


def valid_names() -> tuple[str, ...]:
    """Every name ``fail-on`` accepts: groups, severities, then finding kinds.

    The finding kinds are imported here, where a fail-on list is read: with the
    parsers their names come from, they were ~5 ms of a ``links`` run's end,
    which needs only the exit codes.
    """
    from spector_refs.findings import FINDING_KINDS

    return (*GROUPS, *(s.value for s in Severity), *FINDING_KINDS)


def parse_fail_on(value: str | Iterable[str]) -> tuple[str, ...]:
    """Validate a fail-on list ("a,b" or a list); an unknown name is an error listing every valid one."""
    names = [v.strip() for v in value.split(",")] if isinstance(value, str) else [str(v) for v in value]
    names = [name for name in names if name]
    known = valid_names()
    for name in names:
        if name not in known:
            raise ConfigError(f"fail-on: unknown name {name!r}; valid names: {', '.join(known)}")
    return tuple(name for name in names if name != "none")


@dataclass(frozen=True)
class Failures:
    """What the policy fails on in one article: findings and dead links."""

    findings: tuple[Finding, ...] = ()
    links: tuple[LinkResult, ...] = ()

    def __len__(self) -> int:
        return len(self.findings) + len(self.links)


def failures(assessment: Assessment, fail_on: Sequence[str]) -> Failures:
    """The one answer to "what fails?" that the exit code and every report use."""
    return Failures(tuple(failing_findings(assessment, fail_on)), tuple(failing_links(assessment, fail_on)))


def failing_findings(assessment: Assessment, fail_on: Sequence[str]) -> list[Finding]:
    """The findings of one article that the policy fails on (by kind or by severity floor)."""
    floors = [Severity(name) for name in fail_on if name in Severity._value2member_map_]
    return [
        finding
        for finding in assessment.findings
        if finding.kind in fail_on or any(finding.severity.at_least(floor) for floor in floors)
    ]


def failing_links(assessment: Assessment, fail_on: Sequence[str]) -> list[LinkResult]:
    """The dead links of one article that the policy fails on."""
    if BROKEN_LINKS not in fail_on:
        return []
    dead = broken_links(assessment.links)
    if ARCHIVED_LINKS in fail_on:
        return dead
    return [link for link in dead if not is_archived(assessment, link)]


def is_archived(assessment: Assessment, link: LinkResult) -> bool:
    """Whether every reference citing this URL already gives an archive URL for it."""
    citing = [ref for ref in assessment.article.references if link.url in (ref.url, ref.archive_url)]
    return bool(citing) and all(ref.archive_url and ref.archive_url != link.url for ref in citing)


def broken_links(links: Iterable[LinkResult]) -> list[LinkResult]:
    """Links whose verdict says the cited page is gone."""
    return [link for link in links if link.verdict.is_dead]


def exit_code_of(links: Iterable[LinkResult], failing: int) -> int:
    """The one exit-code rule: 3 if links could not be judged, 1 if anything fails, else 0."""
    if any(link.verdict is Verdict.NETWORK_UNAVAILABLE for link in links):
        return EXIT_NETWORK
    return EXIT_FINDINGS if failing else EXIT_OK


def exit_code(assessments: Sequence[Assessment], fail_on: Sequence[str]) -> int:
    """The documented exit code of an audit under this policy."""
    links = [link for a in assessments for link in a.links]
    return exit_code_of(links, sum(len(failures(a, fail_on)) for a in assessments))


def link_check_exit_code(results: Sequence[LinkResult]) -> int:
    """The exit code of a bare link check (``links``, ``bib --check-links``): every dead link fails."""
    return exit_code_of(results, len(broken_links(results)))


def merge_exit_codes(left: int, right: int) -> int:
    """The exit code of two parts of one run (dump partitions): the same rule, so the network wins."""
    for code in (EXIT_NETWORK, EXIT_FINDINGS):
        if code in (left, right):
            return code
    return max(left, right)
