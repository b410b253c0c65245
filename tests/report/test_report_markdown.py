"""The Markdown report: escaped so that untrusted text renders as text, tables stay tables.

Rendering goes through markdown-it-py (CommonMark with GFM tables; it comes
with rich), so the assertions are about what a reader sees, not about
backslashes.
"""

from __future__ import annotations

import pytest
from bs4 import BeautifulSoup
from markdown_it import MarkdownIt
from report_sample import ARCHIVE, CN_CLAIM, HOSTILE_TITLE

from spector_refs.model import AuditResult
from spector_refs.report import render
from spector_refs.report.markdown import cell, escape, url


def _html(markdown: str) -> BeautifulSoup:
    return BeautifulSoup(MarkdownIt("commonmark").enable("table").render(markdown), "html.parser")


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(HOSTILE_TITLE, id="script"),
        pytest.param("a | b || c", id="pipes"),
        pytest.param("*not bold* _nor this_ `code` ~~x~~", id="emphasis"),
        pytest.param("[link](javascript:alert(1)) ![img](http://x/y.png)", id="link"),
        pytest.param("# heading", id="heading"),
        pytest.param("1. list", id="ordered-list"),
        pytest.param("- bullet", id="bullet"),
        pytest.param("&amp; &lt;b&gt; \\ back", id="entities"),
        pytest.param("$53 million and $5", id="math"),
    ],
)
def test_escaped_text_renders_as_itself(text: str) -> None:
    soup = _html(escape(text))
    assert soup.get_text().strip() == text
    assert not soup.find_all(["script", "a", "img", "em", "strong", "code", "h1", "ol", "ul"])


def test_cells_fold_lines_and_keep_pipes_inside() -> None:
    soup = _html("| a | b |\n|---|---|\n| " + cell("x | y\nz") + " | " + cell("") + " |")
    assert [td.get_text().strip() for td in soup.find_all("td")] == ["x | y z", ""]


def test_only_plain_http_urls_become_links() -> None:
    assert url("https://example.org/a") == "<https://example.org/a>"
    assert url("javascript:alert(1)") == "javascript:alert(1)"
    assert url("https://x.example/<script>") == "https://x.example/\\<script\\>"


def test_report_tables_have_one_cell_per_column(result: AuditResult) -> None:
    soup = _html(render(result, "markdown"))
    for table in soup.find_all("table"):
        width = len(table.find("thead").find_all("th"))
        for row in table.find("tbody").find_all("tr"):
            assert len(row.find_all("td")) == width


def test_report_shows_findings_text_and_references(result: AuditResult) -> None:
    soup = _html(render(result, "markdown"))
    assert not soup.find_all("script")
    text = soup.get_text()
    assert HOSTILE_TITLE in text
    assert "Example | News" in text
    tagged = next(s for s in soup.find_all("strong") if s.get_text() == CN_CLAIM)
    assert "citation-needed" in tagged.parent.get_text()
    assert ARCHIVE in [a["href"] for a in soup.find_all("a")]
    assert "javascript:alert(2)" not in [a.get("href") for a in soup.find_all("a")]


def test_report_groups_the_text_by_section(result: AuditResult) -> None:
    soup = _html(render(result, "markdown"))
    headings = [h.get_text() for h in soup.find_all("h4")]
    assert headings[:2] == ["Lead", "Details"]
