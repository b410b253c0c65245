"""The report a person reads in a terminal: the verdict first, then what to fix, the notes collapsed.

It opens with the run's summary line (counts, exit code), then, per article,
what fails the policy, then the other findings at or above ``min_severity``
(warnings by default); findings below it are collapsed into one line of
counts by kind, so a long article's report stays a screenful (``--quiet``
keeps only the summary and what fails). Every row gives the input line and
numbers claims from 1, as an editor counts. Rendered to a string (no colour
codes, a fixed width) so the CLI decides where it goes and tests can read it.
Untrusted text (claims, titles) is passed to rich as
:class:`~rich.text.Text`, never as markup, so "[bold]" in an article stays
literal.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Sequence
from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from spector_refs.findings import BROKEN_LINK, default_severity
from spector_refs.model import Assessment, AuditResult, Finding, LinkResult, Severity
from spector_refs.policy import broken_links, failures
from spector_refs.report import view

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_FAILS = "✗ fails"


def render(
    result: AuditResult,
    *,
    width: int = 120,
    min_severity: Severity = Severity.WARNING,
    quiet: bool = False,
) -> str:
    """The summary line, then each article's failures, findings and collapsed notes, as plain text."""
    out = StringIO()
    console = Console(file=out, width=width, force_terminal=False, color_system=None, highlight=False)
    console.print(Text(summary_line(result), style="bold"))
    if note := view.network_note(result):
        console.print(Text(note, style="bold yellow"))
    for assessment in result.assessments:
        console.print()
        console.print(_article(assessment, result.fail_on, min_severity, quiet))
    return out.getvalue()


def summary_line(result: AuditResult) -> str:
    """One sentence with the run's counts and exit code."""
    s = view.result_summary(result)
    links = f"{s['broken_links']} broken link(s)" if result.links_checked else "links not checked"
    known = f" ({result.baselined} known problem(s) in the baseline left out)" if result.baselined else ""
    return (
        f"{s['articles']} article(s): {s['references']} references, {s['claims']} claims, "
        f"{s['findings']} findings ({s['failing']} fail the policy), {links}; exit code {result.exit_code}"
        + known
    )


def _article(
    assessment: Assessment, fail_on: tuple[str, ...], min_severity: Severity, quiet: bool
) -> RenderableType:
    heading = Text(view.title_of(assessment), style="bold")
    if assessment.article.path:
        heading.append(f"  {assessment.article.path}", style="dim")
    counts = view.article_summary(assessment, fail_on)
    line = Text(
        f"{counts['references']} references, {counts['claims']} claims, {counts['findings']} findings, "
        f"{counts['broken_links']} broken link(s), {counts['failing']} fail the policy"
    )
    parts: list[RenderableType] = [heading, line]
    failed = failures(assessment, fail_on)
    if failed:
        parts += [Text(f"Fails the policy ({len(failed)}):", style="bold red")]
        parts.append(_table(assessment, failed.findings, failed.links, failing=True))
    if quiet:
        return Group(*parts)
    parts += [Text(f"problem: {problem}", style="dim") for problem in assessment.article.problems]
    rest = [f for f in assessment.findings if f not in failed.findings]
    shown = [f for f in rest if f.severity.at_least(min_severity)]
    other_links = [link for link in broken_links(assessment.links) if link not in failed.links]
    if shown or other_links:
        parts.append(
            Text(f"Other findings at {min_severity.value} or above ({len(shown) + len(other_links)}):")
        )
        parts.append(_table(assessment, shown, other_links, failing=False))
    hidden = [f for f in rest if not f.severity.at_least(min_severity)]
    if hidden:
        parts.append(Text(_collapsed(hidden), style="dim"))
    return Group(*parts)


def _collapsed(hidden: Sequence[Finding]) -> str:
    """One line for the findings below the floor: how many of each kind, and how to see them."""
    by_kind = ", ".join(f"{kind} {n}" for kind, n in Counter(f.kind for f in hidden).most_common())
    floor = min(f.severity for f in hidden)
    return f"{len(hidden)} more below the shown severity ({by_kind}); --min-severity {floor.value} shows them"


def _table(
    assessment: Assessment, findings: Sequence[Finding], links: Iterable[LinkResult], *, failing: bool
) -> Table:
    table = Table(show_lines=False, expand=True)
    for name in ("Finding", "Severity", "Line", "Where"):
        table.add_column(name, no_wrap=True)
    table.add_column("Claim or reference", ratio=3, overflow="fold")
    table.add_column("Reason", ratio=2, overflow="fold")
    mark = f" {_FAILS}" if failing else ""
    previous = None
    for finding in view.sorted_findings(findings, set(findings) if failing else set()):
        if previous is not None and finding.kind != previous:
            table.add_section()
        table.add_row(
            Text(finding.kind if finding.kind != previous else "", style="bold"),
            Text(finding.severity.value + mark, style=_STYLE[finding.severity.value]),
            Text(str(view.location(assessment, finding))),
            Text(view.where(assessment, finding)),
            Text(view.subject(assessment, finding)),
            Text(finding.reason),
        )
        previous = finding.kind
    _broken_rows(table, assessment, links, mark, first=previous is None)
    return table


def _broken_rows(
    table: Table, assessment: Assessment, links: Iterable[LinkResult], mark: str, *, first: bool
) -> None:
    """One row per reference citing a dead URL, with the archive copy to cite instead."""
    rows = [(link, ref) for link in links for ref in view.citing_references(assessment, link)]
    if rows and not first:
        table.add_section()
    severity = default_severity(BROKEN_LINK)
    for i, (link, ref) in enumerate(rows):
        archive = link.archive_url or ref.archive_url
        reason = link.reason + (f"; archived copy: {archive}" if archive else "")
        table.add_row(
            Text(BROKEN_LINK if i == 0 else "", style="bold"),
            Text(severity.value + mark, style=_STYLE[severity.value]),
            Text(str(view.Location(ref.line, ref.column))),
            Text(ref.label),
            Text(f"{ref.title or ''} <{link.url}>".strip()),
            Text(reason),
        )
