"""The report a person reads in a terminal: findings grouped by kind in a rich table.

Rendered to a string (no colour codes, a fixed width) so the CLI decides where
it goes and tests can read it. Untrusted text (claims, titles) is passed to
rich as :class:`~rich.text.Text`, never as markup, so "[bold]" in an article
stays literal.
"""

from __future__ import annotations

from io import StringIO

from rich.console import Console, Group, RenderableType
from rich.table import Table
from rich.text import Text

from spector_refs.findings import BROKEN_LINK
from spector_refs.model import Assessment, AuditResult
from spector_refs.policy import broken_links
from spector_refs.report import view

_STYLE = {"error": "bold red", "warning": "yellow", "info": "cyan"}
_FAILS = "✗ fails"


def render(result: AuditResult, *, width: int = 120) -> str:
    """The findings of every article and a closing summary line, as plain text."""
    console = Console(file=StringIO(), width=width, force_terminal=False, color_system=None, highlight=False)
    for assessment in result.assessments:
        console.print(_article(assessment, result.fail_on))
        console.print()
    if note := view.network_note(result):
        console.print(Text(note, style="bold yellow"))
    console.print(Text(summary_line(result)))
    return console.file.getvalue()


def summary_line(result: AuditResult) -> str:
    """One sentence with the run's counts and exit code."""
    s = view.result_summary(result)
    links = f"{s['broken_links']} broken link(s)" if result.links_checked else "links not checked"
    return (
        f"{s['articles']} article(s): {s['references']} references, {s['claims']} claims, "
        f"{s['findings']} findings ({s['failing']} fail the policy), {links}; exit code {result.exit_code}"
    )


def _article(assessment: Assessment, fail_on: tuple[str, ...]) -> RenderableType:
    heading = Text(view.title_of(assessment), style="bold")
    if assessment.article.path:
        heading.append(f"  {assessment.article.path}", style="dim")
    counts = view.article_summary(assessment, fail_on)
    line = Text(
        f"{counts['references']} references, {counts['claims']} claims, {counts['findings']} findings, "
        f"{counts['broken_links']} broken link(s)"
    )
    parts: list[RenderableType] = [heading, line]
    parts += [Text(f"problem: {problem}", style="dim") for problem in assessment.article.problems]
    if assessment.findings or broken_links(assessment.links):
        parts.append(_table(assessment, fail_on))
    return Group(*parts)


def _table(assessment: Assessment, fail_on: tuple[str, ...]) -> Table:
    table = Table(show_lines=False, expand=True)
    table.add_column("Finding", no_wrap=True)
    table.add_column("Severity", no_wrap=True)
    table.add_column("Where", no_wrap=True)
    table.add_column("Claim or reference", ratio=3, overflow="fold")
    table.add_column("Reason", ratio=2, overflow="fold")
    failing = view.failing(assessment, fail_on)
    previous = None
    for finding in view.sorted_findings(assessment.findings, failing):
        if previous is not None and finding.kind != previous:
            table.add_section()
        severity = finding.severity.value + (f" {_FAILS}" if finding in failing else "")
        table.add_row(
            Text(finding.kind if finding.kind != previous else "", style="bold"),
            Text(severity, style=_STYLE[finding.severity.value]),
            Text(view.where(assessment, finding)),
            Text(view.subject(assessment, finding)),
            Text(finding.reason),
        )
        previous = finding.kind
    _broken_rows(table, assessment, fail_on, first=previous is None)
    return table


def _broken_rows(table: Table, assessment: Assessment, fail_on: tuple[str, ...], *, first: bool) -> None:
    """One row per reference citing a dead URL, with the archive copy to cite instead."""
    rows = [
        (link, ref)
        for link in broken_links(assessment.links)
        for ref in view.citing_references(assessment, link)
    ]
    if rows and not first:
        table.add_section()
    for i, (link, ref) in enumerate(rows):
        reason = link.reason + (f"; archived copy: {link.archive_url}" if link.archive_url else "")
        table.add_row(
            Text(BROKEN_LINK if i == 0 else "", style="bold"),
            Text(
                "error" + (f" {_FAILS}" if view.link_fails(assessment, link, fail_on) else ""),
                style="bold red",
            ),
            Text(ref.label),
            Text(f"{ref.title or ''} <{link.url}>".strip()),
            Text(reason),
        )
