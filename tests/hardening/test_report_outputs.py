"""Untrusted article text in every report format stays text, end to end.

Where the report tests escape hand-built results, this file takes the path
hostile text really travels: a reference title, a claim and a link
checker's reason go through ``assess`` and then every report format, and
each output is read back by a real parser (XML for JUnit, JSON for SARIF
and JSON, an HTML parser for the HTML report) and searched for anything
the text could have smuggled in: an element, an attribute, a script URL, a
second workflow command.
"""

from __future__ import annotations

import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spector_refs.assess import assess
from spector_refs.model import Article, AuditResult, Claim, LinkResult, Reference, Verdict
from spector_refs.report import REPORT_FORMATS, render

from .checks import fuzz_examples, run_cli
from .documents import text_article

CANARIES = (
    '</title><script>alert("canary")</script>',
    '"><canary onload="x">',
    "]]><canary/><![CDATA[",
    "<!--",
    "\n::error title=canary::injected\n",
    "%0A::warning::canary",
    "javascript:alert(1)",
    "{{canary}}",
    "| canary |\n|---|",
    "\x1b[31mcanary\x1b[0m",
    "\x00\x0b\x7f",
)
hostile = st.one_of(
    st.sampled_from(CANARIES),
    st.lists(st.sampled_from(CANARIES) | st.text(max_size=8), min_size=1, max_size=4).map("".join),
)
HOSTILE_URLS = (
    "javascript:alert(1)",
    'https://e.org/"><canary>',
    "https://e.org/a b<canary>",
    "data:text/html,x",
)


def _result(title: str, claim: str, reason: str, url: str, path: str = "art/a.txt") -> AuditResult:
    reference = Reference(number=1, raw=title, title=title, work=claim, url=url, line=3, column=1)
    article = Article(
        title=title,
        source_format="text",
        references=(reference,),
        claims=(Claim(claim, refs=(1,), line=1, column=1), Claim(claim + " uncited", line=2, column=1)),
        problems=(reason,),
        path=path,
    )
    link = LinkResult(url=url, verdict=Verdict.BROKEN, reason=reason, status_code=404, dead=True)
    assessment = assess(article, [link])
    return AuditResult(
        assessments=(assessment,), fail_on=("broken-links", "warning"), links_checked=True, exit_code=1
    )


def _check_html(text: str) -> None:
    soup = BeautifulSoup(text, "lxml")
    assert not soup.find_all("script") and not soup.find_all("canary")
    for tag in soup.find_all(True):
        assert not any(name.lower().startswith("on") for name in tag.attrs), tag.name
        for name in ("href", "src", "action"):
            value = str(tag.get(name, ""))
            assert not value.strip().lower().startswith(("javascript:", "data:")), value


GITHUB_COMMANDS = {"error", "warning", "notice", "group", "endgroup", "debug"}
GITHUB_PROPERTIES = {"file", "line", "col", "endLine", "endColumn", "title"}


def _check_github(text: str) -> None:
    """Every ``::command`` line parses, with known properties; none came from the article's text."""
    for line in text.splitlines():
        if not line.startswith("::"):
            continue
        head, separator, _ = line[2:].partition("::")
        assert separator, line
        name, _, properties = head.partition(" ")
        assert name in GITHUB_COMMANDS, line
        for item in filter(None, properties.split(",")):
            key, equals, _ = item.partition("=")
            assert equals and key in GITHUB_PROPERTIES, (item, line)
        assert not line.startswith(("::error title=canary", "::warning::canary")), line


def _check(fmt: str, text: str) -> None:
    if fmt == "junit":
        root = ET.fromstring(text)
        assert root.tag == "testsuites" and not list(root.iter("canary"))
        assert sum(1 for _ in root.iter("testcase")) >= 2
    elif fmt in ("sarif", "json"):
        data = json.loads(text)
        assert isinstance(data, dict)
        if fmt == "sarif":
            assert data["version"] == "2.1.0"
            assert all(isinstance(item["message"]["text"], str) for item in data["runs"][0]["results"])
    elif fmt == "html":
        _check_html(text)
    elif fmt == "github":
        _check_github(text)


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
@settings(max_examples=fuzz_examples(40), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(title=hostile, claim=hostile, reason=hostile, url=st.sampled_from(HOSTILE_URLS) | hostile)
def test_hostile_text_stays_text(fmt: str, title: str, claim: str, reason: str, url: str) -> None:
    result = _result(title, claim, reason, url, path=(title[:30] or "a") + ".txt")
    _check(fmt, render(result, fmt))


def test_hostile_title_is_shown_as_text_in_html() -> None:
    """Escaping must not lose the text: the reader sees exactly what the title says."""
    title = '</title><script>alert("canary")</script> & <b>bold</b>'
    text = render(_result(title, "A claim.", "HTTP 404 Not Found", "https://e.org/x"), "html")
    _check_html(text)
    assert title in BeautifulSoup(text, "lxml").get_text()


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_file_name_that_is_not_utf8(tmp_path: Path, fmt: str) -> None:
    """A file name with a byte that is not UTF-8 reaches the reports as a surrogate escape.

    The report must still be written (to a file, with ``-o``), be valid
    UTF-8, and parse in its format.
    """
    name = os.fsdecode(b"art\xff.txt")
    (tmp_path / name).write_text(text_article(2), encoding="utf-8")
    output = tmp_path / f"report.{fmt}"
    proc = run_cli(
        ["audit", "--no-links", "--format", fmt, "-o", str(output), name], cwd=tmp_path, timeout=60
    )
    assert b"Traceback" not in proc.stderr, proc.stderr.decode(errors="replace")[-1500:]
    assert proc.returncode in (0, 1), proc.stderr.decode(errors="replace")[-1500:]
    text = output.read_bytes().decode("utf-8")
    if fmt in ("sarif", "json"):
        json.loads(text)
