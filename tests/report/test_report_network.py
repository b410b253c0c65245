"""When the network was down, every human-readable report says so instead of reporting dead links."""

from __future__ import annotations

from dataclasses import replace

import pytest

from spector_refs.model import AuditResult, LinkResult, Verdict
from spector_refs.report import render


@pytest.fixture
def offline(result: AuditResult) -> AuditResult:
    clean = result.assessments[1]
    down = LinkResult("https://fine.example/", Verdict.NETWORK_UNAVAILABLE, "no route to any host")
    return AuditResult(
        (replace(clean, links=(down,)),), fail_on=("broken-links",), links_checked=True, exit_code=3
    )


@pytest.mark.parametrize("fmt", ["terminal", "markdown", "html"])
def test_reports_say_links_could_not_be_judged(offline: AuditResult, fmt: str) -> None:
    text = " ".join(render(offline, fmt).split())
    assert "network was unavailable: 1 link(s) could not be judged (not reported as dead)" in text.lower()
    assert "broken-link" not in text.replace("broken-links", "")


def test_json_keeps_the_exit_code_and_the_verdict(offline: AuditResult) -> None:
    import json

    data = json.loads(render(offline, "json"))
    assert data["exit_code"] == 3
    assert data["articles"][0]["references"][0]["link"]["verdict"] == "network-unavailable"
    assert data["summary"]["broken_links"] == 0


def test_no_note_when_the_network_was_fine(result: AuditResult) -> None:
    assert "network was unavailable" not in render(result, "terminal")
