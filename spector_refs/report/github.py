"""GitHub Actions output: workflow-command annotations and a job summary in Markdown.

:func:`render` prints nothing but ``::error``/``::warning``/``::notice``
commands, one per finding and per reference citing a dead URL, so the runner
turns them into annotations on the article's lines. The command follows the
finding's severity, except that what the run's policy fails on is an
``::error``, so the annotations agree with the red job; since the runner
shows only the first few annotations of each kind per step, those come first. Claim and title text is
untrusted: a newline in it would start a command of its own, so values are
escaped by the runner's rules (``%``, CR and LF in the message; also ``:``
and ``,`` in properties). :func:`step_summary` is the Markdown to append to
``$GITHUB_STEP_SUMMARY``.
"""

from __future__ import annotations

from spector_refs.findings import BROKEN_LINK, default_severity
from spector_refs.model import Assessment, AuditResult, Severity
from spector_refs.policy import broken_links
from spector_refs.report import markdown, view

_OTHER_LINE_BREAKS = dict.fromkeys(map(ord, "\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"), " ")
_COMMAND = {Severity.ERROR: "error", Severity.WARNING: "warning", Severity.INFO: "notice"}


def render(result: AuditResult) -> str:
    """One workflow command per line; the file ends with a newline and holds nothing else."""
    lines = [line for assessment in result.assessments for line in _annotations(assessment, result.fail_on)]
    return "".join(line + "\n" for line in lines)


def step_summary(result: AuditResult) -> str:
    """The job summary: counts, findings by kind and what fails the policy, in Markdown."""
    return markdown.summary(result)


def escape_data(value: str) -> str:
    """Escape a command's message, as the Actions runner unescapes it.

    The runner splits lines at CR and LF only, but log viewers and scripts
    reading the output may also split at the other Unicode line breaks
    (NEL, LS, PS, VT, FF, file/group/record separators), which the runner
    has no escape for: they become spaces.
    """
    value = value.translate(_OTHER_LINE_BREAKS)
    return value.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")


def escape_property(value: str) -> str:
    """Escape a command property's value (``file``, ``title``…), where ``:`` and ``,`` are syntax."""
    return escape_data(value).replace(":", "%3A").replace(",", "%2C")


def command(name: str, message: str, **properties: str | int | None) -> str:
    """One workflow command line, ``::name key=value,…::message``, with every part escaped."""
    props = ",".join(
        f"{key}={escape_property(str(value))}" for key, value in properties.items() if value is not None
    )
    return f"::{name}{' ' + props if props else ''}::{escape_data(message)}"


def _annotations(assessment: Assessment, fail_on: tuple[str, ...]) -> list[str]:
    """Dead links first, then findings by urgency: the runner shows only the first few per step."""
    path = assessment.article.path
    failing = view.failing(assessment, fail_on)
    lines = []
    for link in broken_links(assessment.links):
        archive = f"; archived copy: {link.archive_url}" if link.archive_url else ""
        for ref in view.citing_references(assessment, link):
            lines.append(
                command(
                    _COMMAND[default_severity(BROKEN_LINK)],
                    f"{ref.label} cites {link.url}: {link.reason}{archive}",
                    file=path,
                    line=ref.line if path else None,
                    col=ref.column if path else None,
                    title=f"spector-refs: {BROKEN_LINK}",
                )
            )
    for finding in view.sorted_findings(assessment.findings, failing):
        where = view.location(assessment, finding)
        fails = finding in failing
        lines.append(
            command(
                "error" if fails else _COMMAND[finding.severity],
                f"{finding.reason} — {view.describe(assessment, finding)}",
                file=path,
                line=where.line if path else None,
                col=where.column if path else None,
                title=f"spector-refs: {finding.kind}{' (fails the policy)' if fails else ''}",
            )
        )
    return lines
