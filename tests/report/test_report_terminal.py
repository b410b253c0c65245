"""The terminal report: findings grouped by kind, literal text, a summary line."""

from __future__ import annotations

from dataclasses import replace

from spector_refs.model import AuditResult, Claim, Finding, Severity
from spector_refs.report import render
from spector_refs.report.terminal import render as render_terminal


def test_findings_are_grouped_by_kind_in_order(result: AuditResult) -> None:
    text = render(result, "terminal")
    kinds = [
        "citation-needed",
        "weak-only",
        "uncited",
        "dead-only",
        "generic-title",
        "missing-date",
        "broken-link",
    ]
    positions = [text.index(kind) for kind in kinds]
    assert positions == sorted(positions)


def test_rows_show_the_claim_and_the_reason(result: AuditResult) -> None:
    text = render_terminal(result, width=200)
    row = next(line for line in text.splitlines() if "claim 2" in line)
    assert "Only Monero was accepted." in row
    assert "every source of this claim is weak" in row
    assert "fails" in row


def test_summary_line_and_no_colour_codes(result: AuditResult) -> None:
    text = render(result, "terminal")
    assert "\x1b[" not in text
    assert text.rstrip().splitlines()[-1] == (
        "2 article(s): 6 references, 6 claims, 6 findings (3 fail the policy), 1 broken link(s); exit code 1"
    )


def test_rich_markup_in_article_text_stays_literal(result: AuditResult) -> None:
    busy = result.assessments[0]
    article = replace(busy.article, claims=(Claim("[bold red]shouting[/bold red] claim"),))
    finding = Finding("uncited", Severity.WARNING, "no [link]citation[/link]", claim=0)
    text = render(
        replace(result, assessments=(replace(busy, article=article, findings=(finding,)),)), "terminal"
    )
    assert "[bold red]shouting[/bold red] claim" in text
    assert "no [link]citation[/link]" in text


def test_width_is_respected(result: AuditResult) -> None:
    assert max(len(line) for line in render_terminal(result, width=80).splitlines()) <= 80


def test_links_not_checked_is_said(result: AuditResult) -> None:
    assert "links not checked" in render(replace(result, links_checked=False), "terminal")
