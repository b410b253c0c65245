"""Issue 15's other finding kinds end to end: each fails the policy when named and shows in every report.

The loopback world's test (``test_verify_world``) follows title drift,
parking, casino takeovers and quotes. This one serves the matching article
once more and cites it three ways an editor gets wrong: a figure the page
does not give (288 arrests cited as 312), a publication date a week off,
and a book with a mistyped ISBN. Each new kind must then be a valid
``--fail-on`` name that turns the exit code to 1, leave the default policy
alone (none of them is a dead link), and reach every report format with its
evidence.
"""

from __future__ import annotations

import pytest
from loopback import LoopbackServer
from verify_world import routes

from spector_refs.audit import audit
from spector_refs.check import LinkCheckConfig
from spector_refs.config import Config
from spector_refs.parse import parse
from spector_refs.policy import EXIT_FINDINGS, EXIT_OK, exit_code, parse_fail_on
from spector_refs.report import render

ARTICLE = """Police in nine countries arrested 312 people.<ref>{{{{cite news
 |title=Dark web drug market takedown nets 288 arrests |url={url}/2023/05/02/darknet-arrests
 |work=Example News |date=9 May 2023 |access-date=10 May 2023}}}}</ref>

The raids followed a handbook.<ref>{{{{cite book |title=Policing the Dark Web |publisher=Example Press
 |year=2021 |isbn=978-0-306-40615-6}}}}</ref>

== References ==
{{{{reflist}}}}
"""
KINDS = ("unverified-figure", "date-mismatch", "bad-identifier")
FORMATS = ("terminal", "json", "junit", "sarif", "github", "markdown", "html")


@pytest.fixture(scope="module")
def result():
    with LoopbackServer("127.0.0.1", routes=routes()) as world:
        article = parse(ARTICLE.format(url=world.url("")), format="wikitext", title="Loopback raids")
        links = LinkCheckConfig(
            allow_private=True, timeout=2, connect_timeout=2, deadline=5, per_host_interval=0
        )
        yield audit([article], Config(links=links))


def test_each_kind_is_found_with_its_evidence(result):
    findings = {f.kind: f for f in result.assessments[0].findings}
    assert findings.keys() >= set(KINDS)
    assert any("'312'" in line for line in findings["unverified-figure"].evidence)
    assert "checksum" in findings["bad-identifier"].reason + " ".join(findings["bad-identifier"].evidence)


def test_none_of_them_fails_the_default_policy(result):
    assert result.exit_code == EXIT_OK


@pytest.mark.parametrize("kind", KINDS)
def test_each_kind_fails_the_policy_when_named(result, kind):
    assert exit_code(result.assessments, parse_fail_on(kind)) == EXIT_FINDINGS
    assert exit_code(result.assessments, parse_fail_on("broken-links")) == EXIT_OK


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_report_shows_each_kind(result, fmt):
    text = render(result, fmt)
    for kind in KINDS:
        assert kind in text, (fmt, kind)
    assert "312" in text and "978-0-306-40615-6" in text, fmt
