"""The policy decides what fails once; the exit code and every report's count agree with it."""

from __future__ import annotations

import json
import re
import sys
from dataclasses import replace
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).parent / "report"))
from report_sample import build_result

from spector_refs.errors import ConfigError
from spector_refs.findings import FINDING_KINDS
from spector_refs.model import (
    Article,
    Assessment,
    AuditResult,
    LinkResult,
    Reference,
    Severity,
    Verdict,
)
from spector_refs.policy import (
    ARCHIVED_LINKS,
    BROKEN_LINKS,
    EXIT_FINDINGS,
    EXIT_NETWORK,
    EXIT_OK,
    exit_code,
    failures,
    link_check_exit_code,
    merge_exit_codes,
    parse_fail_on,
    valid_names,
)
from spector_refs.report import render


def _dead_links_only(archived: bool = False) -> Assessment:
    """Three references whose URLs are all broken, and no finding at all."""
    refs = tuple(
        Reference(
            n,
            title=f"Gone {n}",
            url=f"https://gone.example/{n}",
            archive_url=f"https://web.archive.org/web/2020/https://gone.example/{n}" if archived else None,
            line=n,
        )
        for n in (1, 2, 3)
    )
    links = tuple(LinkResult(ref.url or "", Verdict.BROKEN, "404 Not Found", 404) for ref in refs)
    return Assessment(Article("Dead", "wikitext", refs, path="dead.wiki"), links=links)


def _result(assessment: Assessment, fail_on: tuple[str, ...] = (BROKEN_LINKS,)) -> AuditResult:
    return AuditResult((assessment,), fail_on, True, exit_code([assessment], fail_on))


def _counts(result: AuditResult) -> dict[str, int]:
    """The "fails the policy" count as each format states it."""
    terminal = render(result, "terminal")
    markdown = render(result, "markdown")
    html = render(result, "html")
    junit = render(result, "junit")
    return {
        "json": json.loads(render(result, "json"))["summary"]["failing"],
        "terminal": int(re.search(r"(\d+) fail the policy", terminal).group(1)),
        "markdown": int(markdown.split("\n| ")[2].split(" | ")[4]),
        "html": int(re.search(r"<b>(\d+)</b><span>fail the policy", html).group(1)),
        "junit": int(re.search(r'<testsuites [^>]*failures="(\d+)"', junit).group(1)),
    }


def test_three_dead_links_fail_in_every_report_as_in_the_exit_code() -> None:
    result = _result(_dead_links_only())
    assert result.exit_code == 1
    assert _counts(result) == dict.fromkeys(("json", "terminal", "markdown", "html", "junit"), 3)


def test_a_clean_run_counts_nothing_and_exits_0() -> None:
    result = _result(_dead_links_only(), fail_on=("citation-needed",))
    assert result.exit_code == 0
    assert set(_counts(result).values()) == {0}


def test_the_sample_counts_findings_and_links_the_policy_fails_on() -> None:
    result = build_result()
    busy = result.assessments[0]
    failing = failures(busy, result.fail_on)
    assert [f.kind for f in failing.findings] == ["citation-needed", "weak-only"]
    assert [link.url for link in failing.links] == ["https://news.example/story"]
    assert json.loads(render(result, "json"))["summary"]["failing"] == len(failing) == 3


def test_an_archived_dead_link_is_reported_but_does_not_fail_by_default() -> None:
    result = _result(_dead_links_only(archived=True))
    assert result.exit_code == 0
    data = json.loads(render(result, "json"))
    assert data["summary"]["broken_links"] == 3 and data["summary"]["failing"] == 0
    assert "broken-link" in render(result, "terminal")


def test_archived_links_in_fail_on_fails_archived_dead_links_too() -> None:
    result = _result(_dead_links_only(archived=True), fail_on=(BROKEN_LINKS, ARCHIVED_LINKS))
    assert result.exit_code == 1
    assert json.loads(render(result, "json"))["summary"]["failing"] == 3


def test_a_dead_archive_url_is_not_an_archived_copy() -> None:
    ref = Reference(1, title="Only an archive", archive_url="https://web.archive.org/web/2020/x")
    link = LinkResult(ref.archive_url or "", Verdict.BROKEN, "404", 404)
    assessment = Assessment(Article("A", "html", (ref,)), links=(link,))
    assert exit_code([assessment], (BROKEN_LINKS,)) == 1


def test_network_unavailable_wins_over_failures() -> None:
    assessment = _dead_links_only()
    offline = LinkResult("https://x.example/", Verdict.NETWORK_UNAVAILABLE, "no network")
    assert exit_code([replace(assessment, links=(*assessment.links, offline))], (BROKEN_LINKS,)) == 3


def test_an_unknown_fail_on_name_lists_every_valid_name() -> None:
    with pytest.raises(ConfigError) as info:
        parse_fail_on("broken-links,citation-neded")
    message = str(info.value)
    assert "'citation-neded'" in message
    for name in valid_names():
        assert name in message
    assert set(FINDING_KINDS) <= set(valid_names())
    assert {"error", "warning", "info", "none", BROKEN_LINKS, ARCHIVED_LINKS} <= set(valid_names())


def test_severities_are_ordered_once_on_the_enum() -> None:
    assert [s.rank for s in (Severity.INFO, Severity.WARNING, Severity.ERROR)] == [0, 1, 2]
    assert Severity.ERROR.at_least(Severity.WARNING) and not Severity.INFO.at_least(Severity.WARNING)
    assert max(Severity, key=lambda s: s.rank) is Severity.ERROR


def test_severities_compare_by_how_pressing_they_are_not_alphabetically() -> None:
    """``max``/``min``/``sorted`` on severities need no key: "info" sorts after "error" as text."""
    assert max([Severity.INFO, Severity.ERROR, Severity.WARNING]) is Severity.ERROR
    assert min([Severity.WARNING, Severity.INFO, Severity.ERROR]) is Severity.INFO
    assert sorted(Severity) == [Severity.INFO, Severity.WARNING, Severity.ERROR]
    assert Severity.INFO < Severity.WARNING < Severity.ERROR


@pytest.mark.parametrize(
    ("verdicts", "code"),
    [
        pytest.param((Verdict.OK, Verdict.REDIRECTED), 0, id="alive"),
        pytest.param((Verdict.OK, Verdict.SOFT_404), 1, id="dead"),
        pytest.param((Verdict.BROKEN, Verdict.NETWORK_UNAVAILABLE), 3, id="offline-wins"),
    ],
)
def test_a_bare_link_check_exits_by_the_same_rule(verdicts: tuple[Verdict, ...], code: int) -> None:
    results = [LinkResult(f"https://x.example/{i}", v, "") for i, v in enumerate(verdicts)]
    assert link_check_exit_code(results) == code


def test_merged_exit_codes_follow_the_one_rule() -> None:
    """Dump partitions merge their codes: an unjudged network wins over findings, findings over 0."""
    assert merge_exit_codes(EXIT_OK, EXIT_OK) == EXIT_OK
    assert merge_exit_codes(EXIT_OK, EXIT_FINDINGS) == EXIT_FINDINGS
    assert merge_exit_codes(EXIT_NETWORK, EXIT_FINDINGS) == EXIT_NETWORK
