"""The terminal report: summary first, then what fails, then warnings; info collapsed; literal text."""

from __future__ import annotations

from dataclasses import replace

from spector_refs.model import AuditResult, Claim, Finding, Severity
from spector_refs.report import render
from spector_refs.report.terminal import render as render_terminal


def test_what_fails_comes_first_then_warnings_and_info_is_collapsed(result: AuditResult) -> None:
    text = render(result, "terminal")
    order = [
        "Fails the policy (3):",
        "citation-needed",
        "weak-only",
        "broken-link",
        "Other findings at warning",
    ]
    order += ["uncited", "dead-only", "2 more below the shown severity (generic-title 1, missing-date 1)"]
    positions = [text.index(part) for part in order]
    assert positions == sorted(positions)
    assert "the title is the site's name" not in text
    assert "--min-severity info shows them" in text


def test_min_severity_info_shows_every_finding(result: AuditResult) -> None:
    text = render_terminal(result, width=200, min_severity=Severity.INFO)
    assert "the title is the site's name" in text and "more below the shown severity" not in text


def test_quiet_keeps_the_summary_and_what_fails(result: AuditResult) -> None:
    text = render_terminal(result, width=200, quiet=True)
    assert "Fails the policy (3):" in text and "every source of this claim is weak" in text
    assert "Other findings" not in text and "no citation in this paragraph" not in text
    assert "more below" not in text and "problem:" not in text


def test_rows_give_the_input_line_and_claims_count_from_1(result: AuditResult) -> None:
    text = render_terminal(result, width=200)
    row = next(line for line in text.splitlines() if "Only Monero was accepted." in line)
    assert " 5:1 " in row and "claim 3" in row
    broken = next(line for line in text.splitlines() if "broken-link" in line)
    assert " 20:4 " in broken and "ref 1" in broken


def test_rows_show_the_claim_and_the_reason(result: AuditResult) -> None:
    text = render_terminal(result, width=200)
    row = next(line for line in text.splitlines() if "claim 3" in line)
    assert "Only Monero was accepted." in row
    assert "every source of this claim is weak" in row
    assert "fails" in row


def test_the_summary_line_leads_and_has_no_colour_codes(result: AuditResult) -> None:
    text = render(result, "terminal")
    assert "\x1b[" not in text
    assert text.splitlines()[0] == (
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


def test_the_summary_says_how_many_known_problems_a_baseline_left_out(result: AuditResult) -> None:
    text = render_terminal(replace(result, baselined=4), width=200)
    assert text.splitlines()[0].endswith("exit code 1 (4 known problem(s) in the baseline left out)")


def test_links_not_checked_is_said(result: AuditResult) -> None:
    assert "links not checked" in render(replace(result, links_checked=False), "terminal")
