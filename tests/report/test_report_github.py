"""GitHub workflow commands: well-formed, escaped by the runner's rules, injection-safe."""

from __future__ import annotations

import pytest
from report_sample import HOSTILE_TITLE
from report_workflow import parse_command

from spector_refs.model import AuditResult
from spector_refs.report import render
from spector_refs.report.github import command, escape_data, escape_property, step_summary


def test_output_is_only_workflow_commands(result: AuditResult) -> None:
    text = render(result, "github")
    assert text.endswith("\n")
    lines = text.splitlines()
    assert len(lines) == 7
    for line in lines:
        parse_command(line)


def test_annotations_point_at_the_file_line_and_column(result: AuditResult) -> None:
    parsed = [parse_command(line) for line in render(result, "github").splitlines()]
    broken = parsed[0]
    assert broken[0] == "error" and broken[1]["line"] == "20" and "web.archive.org" in broken[2]
    name, props, message = parsed[1]
    assert name == "error"  # a warning, but the policy fails on it
    assert props == {
        "file": "art/t 1.txt",
        "line": "1",
        "col": "48",
        "title": "spector-refs: citation-needed (fails the policy)",
    }
    assert message.startswith("an editor tagged this claim [citation needed] — claim 2:")
    assert [p[0] for p in parsed] == ["error", "error", "error", "warning", "warning", "notice", "notice"]


def test_hostile_text_round_trips_and_starts_no_command(result: AuditResult) -> None:
    parsed = [parse_command(line) for line in render(result, "github").splitlines()]
    messages = [message for _, _, message in parsed]
    assert any(message.endswith(f"ref 1: {HOSTILE_TITLE}") for message in messages)
    assert any("no date,\r\nnot even a year" in message for message in messages)


@pytest.mark.parametrize(
    ("value", "data", "prop"),
    [
        pytest.param("100%", "100%25", "100%25", id="percent"),
        pytest.param("a\r\nb", "a%0D%0Ab", "a%0D%0Ab", id="newline"),
        pytest.param("k: v, w", "k: v, w", "k%3A v%2C w", id="colon-comma"),
        pytest.param("%0A::error::x", "%250A::error::x", "%250A%3A%3Aerror%3A%3Ax", id="encoded-command"),
    ],
)
def test_escaping_rules(value: str, data: str, prop: str) -> None:
    assert escape_data(value) == data
    assert escape_property(value) == prop


def test_command_leaves_out_unknown_properties() -> None:
    assert command("notice", "hi", file=None, line=None, title="t") == "::notice title=t::hi"


def test_a_file_name_with_commas_cannot_add_properties() -> None:
    _, props, _ = parse_command(command("error", "m", file="a,line=99.txt", line=3))
    assert props == {"file": "a,line=99.txt", "line": "3"}


def test_input_without_a_path_gets_no_file_property(result: AuditResult) -> None:
    from dataclasses import replace

    from spector_refs.model import Finding, Severity

    clean = replace(
        result.assessments[1], findings=(Finding("uncited", Severity.WARNING, "no cite", claim=0),)
    )
    (line,) = render(replace(result, assessments=(clean,)), "github").splitlines()
    assert parse_command(line)[1] == {"title": "spector-refs: uncited"}


def test_step_summary_is_markdown_with_counts_and_what_fails(result: AuditResult) -> None:
    summary = step_summary(result)
    assert summary.startswith("# spector-refs audit")
    assert "| Test \\<b\\>article\\</b\\> | 5 | 5 | 6 | 3 | 1 |" in summary
    assert "**broken-link**" in summary and "**citation-needed**" in summary
    assert "uncited" not in summary  # not named by the policy
    assert "<script>" not in summary
