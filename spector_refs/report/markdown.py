"""The Markdown report: summary, findings, the article with flagged claims, and references.

Readable as plain text and rendered by GitHub, GitLab and pandoc. Every piece
of article text is untrusted, so it goes through :func:`escape` (backslash
escapes for the CommonMark and GitHub punctuation that could start markup,
a link, HTML or math; line breaks folded to spaces) and table cells through
:func:`cell`, which also keeps ``|`` from splitting the row. URLs are shown
as autolinks only when they are plain http(s) URLs.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from spector_refs.findings import BROKEN_LINK
from spector_refs.model import Assessment, AuditResult, Reference
from spector_refs.policy import broken_links
from spector_refs.report import claims_view, view

_SPECIAL = re.compile(r"([\\`*_\[\]<>|~&$])")
_BLOCK_START = re.compile(r"^([#+=-])")
_LIST_NUMBER = re.compile(r"^(\d+)([.)])")
_PLAIN_URL = re.compile(r"https?://[^\s<>\"'`\\]+\Z")
_MAX_SUMMARY_FINDINGS = 50
_BAR = "█"


def escape(text: str) -> str:
    """Untrusted text as inline Markdown that renders exactly as the text reads."""
    text = " ".join(text.split())
    text = _SPECIAL.sub(r"\\\1", text)
    return _LIST_NUMBER.sub(r"\1\\\2", _BLOCK_START.sub(r"\\\1", text))


def cell(text: str) -> str:
    """Untrusted text for a table cell (``|`` escaped, never empty)."""
    return escape(text) or " "


def url(value: str | None) -> str:
    """A URL as an autolink when it is a plain http(s) URL, else as escaped text."""
    if not value:
        return ""
    return f"<{value}>" if _PLAIN_URL.match(value) else escape(value)


def render(result: AuditResult) -> str:
    """The full report of every article."""
    parts = [summary(result, full=False)]
    parts += [_article(assessment, result.fail_on) for assessment in result.assessments]
    return "\n\n".join(parts) + "\n"


def summary(result: AuditResult, *, full: bool = True) -> str:
    """The run's counts per article and, with ``full``, the findings that fail the policy."""
    policy = ", ".join(f"`{name}`" for name in result.fail_on) or "nothing"
    links = "checked" if result.links_checked else "not checked"
    lines = [
        "# spector-refs audit",
        "",
        f"Fails on: {policy} · links {links} · exit code **{result.exit_code}**",
        "",
        *([f"> **Warning:** {note}", ""] if (note := view.network_note(result)) else []),
        _table(
            ("Article", "References", "Claims", "Findings", "Failing", "Broken links"),
            [_summary_row(a, result.fail_on) for a in result.assessments],
        ),
    ]
    if full:
        lines += [block for a in result.assessments for block in _failing_list(a, result.fail_on)]
    return "\n".join(lines)


def _summary_row(assessment: Assessment, fail_on: tuple[str, ...]) -> list[str]:
    counts = view.article_summary(assessment, fail_on)
    keys = ("references", "claims", "findings", "failing", "broken_links")
    return [cell(view.title_of(assessment)), *(str(counts[key]) for key in keys)]


def _failing_list(assessment: Assessment, fail_on: tuple[str, ...]) -> list[str]:
    """What fails the policy in one article: dead links first, then findings (capped)."""
    failing = view.failing(assessment, fail_on)
    items = [
        f"- **{BROKEN_LINK}** — {escape(ref.label)}: {url(link.url)} {escape(link.reason)}"
        + (f" (archived copy: {url(link.archive_url)})" if link.archive_url else "")
        for link in broken_links(assessment.links)
        if view.link_fails(assessment, link, fail_on)
        for ref in view.citing_references(assessment, link)
    ]
    items += [
        f"- **{f.kind}** — {escape(view.describe(assessment, f))}: {escape(f.reason)}"
        for f in assessment.findings
        if f in failing
    ]
    if not items:
        return []
    lines = ["", f"## {escape(view.title_of(assessment))}: {len(items)} item(s) fail the policy", ""]
    lines += items[:_MAX_SUMMARY_FINDINGS]
    if len(items) > _MAX_SUMMARY_FINDINGS:
        lines.append(f"- … and {len(items) - _MAX_SUMMARY_FINDINGS} more (see the full report)")
    return lines


def _article(assessment: Assessment, fail_on: tuple[str, ...]) -> str:
    title = escape(view.title_of(assessment))
    path = f"\n\n{url(assessment.article.path)}" if assessment.article.path else ""
    blocks = [f"## {title}{path}", _health(assessment)]
    if assessment.article.problems:
        blocks.append("\n".join(f"- problem: {escape(p)}" for p in assessment.article.problems))
    blocks += [_findings(assessment, fail_on), _text(assessment), _references(assessment)]
    return "\n\n".join(block for block in blocks if block)


def _health(assessment: Assessment) -> str:
    """Reference health as a small text bar chart."""
    health = view.health_counts(assessment)
    if not health:
        return ""
    rows = [f"{bucket:<11} {_BAR * n} {n}" for bucket, n in health.items()]
    return "### Reference health\n\n```text\n" + "\n".join(rows) + "\n```"


def _findings(assessment: Assessment, fail_on: tuple[str, ...]) -> str:
    if not assessment.findings:
        return "### Findings\n\nNo findings."
    failing = view.failing(assessment, fail_on)
    rows = [
        [
            f.kind,
            f.severity.value,
            view.where(assessment, f),
            cell(view.subject(assessment, f)),
            cell(f.reason),
            "**fails**" if f in failing else "",
        ]
        for f in view.sorted_findings(assessment.findings, failing)
    ]
    header = ("Finding", "Severity", "Where", "Claim or reference", "Reason", "Policy")
    return "### Findings\n\n" + _table(header, rows)


def _text(assessment: Assessment) -> str:
    """The article's claims by section and paragraph, flagged ones in bold with their finding kinds."""
    out = ["### Article text"]
    for section in claims_view.sections(assessment):
        out.append(f"#### {escape(section.title)}")
        for paragraph in section.paragraphs:
            out.append(" ".join(_claim(claim) for claim in paragraph.claims))
    return "\n\n".join(out)


def _claim(claim: claims_view.ClaimView) -> str:
    markers = "".join(f"\\[{m}\\]" for m in claim.markers)
    tags = "".join(f"\\[*{escape(tag)}*\\]" for tag in claim.tags)
    if not claim.kinds:
        return escape(claim.text) + markers + tags
    return f"**{escape(claim.text)}**{markers}{tags} _({', '.join(claim.kinds)})_"


def _references(assessment: Assessment) -> str:
    rows = [_reference_row(assessment, ref) for ref in assessment.article.references]
    if not rows:
        return ""
    header = ("#", "Reference", "Source", "Link", "Archive")
    return "### References\n\n" + _table(header, rows)


def _reference_row(assessment: Assessment, ref: Reference) -> list[str]:
    profile = assessment.profile(ref)
    link = view.link_for(assessment, ref)
    status = view.health(assessment, ref)
    if link is not None:
        status += f" ({link.status_code})" if link.status_code else ""
        status += f": {link.reason}"
    described = ", ".join(part for part in (ref.title, ref.work or ref.publisher) if part) or ref.raw
    archive = link.archive_url if link and link.archive_url else ref.archive_url
    suggested = link.suggested_url if link and link.suggested_url else None
    targets = " ".join(filter(None, (url(archive), f"moved to {url(suggested)}" if suggested else "")))
    return [
        ref.label,
        cell(described) + (f" {url(ref.url)}" if ref.url else ""),
        cell(f"{profile.kind}, {profile.reliability.value}"),
        cell(status),
        targets or " ",
    ]


def _table(header: Iterable[str], rows: Iterable[list[str]]) -> str:
    header = list(header)
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(row) + " |" for row in rows]
    return "\n".join(lines)
