"""The HTML report: self-contained, escaped, and showing the findings where they are."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from report_sample import ARCHIVE, CN_CLAIM, HOSTILE_TITLE

from spector_refs.model import AuditResult
from spector_refs.report import render
from spector_refs.report.html import safe_href


def _soup(result: AuditResult) -> BeautifulSoup:
    return BeautifulSoup(render(result, "html"), "lxml")


def test_loads_nothing_and_runs_nothing(result: AuditResult) -> None:
    page = render(result, "html")
    soup = BeautifulSoup(page, "lxml")
    assert not soup.find_all(["script", "link", "iframe", "object", "embed", "img", "base"])
    assert not soup.find_all(src=True)
    assert not re.search(r"url\(|@import", page)
    assert not [tag for tag in soup.find_all(True) if any(attr.startswith("on") for attr in tag.attrs)]
    csp = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})["content"]
    assert "default-src 'none'" in csp


def test_only_in_page_anchors_and_plain_http_links(result: AuditResult) -> None:
    for anchor in _soup(result).find_all("a"):
        href = anchor["href"]
        assert href.startswith("#") or re.match(r"https?://", href), href
        if not href.startswith("#"):
            assert anchor["rel"] == ["noopener", "noreferrer", "nofollow"]


def test_in_page_anchors_resolve(result: AuditResult) -> None:
    soup = _soup(result)
    ids = {tag["id"] for tag in soup.find_all(id=True)}
    targets = {a["href"][1:] for a in soup.find_all("a") if a["href"].startswith("#")}
    assert targets and targets <= ids


def test_hostile_title_is_text_not_markup(result: AuditResult) -> None:
    page = render(result, "html")
    assert "<script>alert(1)</script>" not in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page
    soup = BeautifulSoup(page, "lxml")
    assert HOSTILE_TITLE in soup.find(id="a0-ref-1").get_text()
    assert soup.find("h2").get_text() == "Test <b>article</b>"


def test_javascript_url_is_shown_but_not_linked(result: AuditResult) -> None:
    row = _soup(result).find(id="a0-ref-5")
    assert "javascript:alert(2)" in row.get_text()
    assert row.find("a") is None


def test_claims_are_highlighted_by_finding(result: AuditResult) -> None:
    soup = _soup(result)
    tagged = soup.find(id="a0-claim-1")
    assert tagged.get_text() == CN_CLAIM
    assert "hl-tagged" in tagged["class"]
    assert tagged["data-findings"] == "citation-needed"
    assert "an editor tagged this claim" in tagged["title"]
    tones = {i: soup.find(id=f"a0-claim-{i}")["class"] for i in range(5)}
    assert tones[0] == ["claim"]
    assert "hl-weak-only" in tones[2] and "hl-uncited" in tones[3] and "hl-dead-only" in tones[4]


def test_text_follows_sections_and_paragraphs(result: AuditResult) -> None:
    prose = _soup(result).find(class_="prose")
    assert [h.get_text() for h in prose.find_all("h4")] == ["Lead", "Details"]
    paragraphs = prose.find_all("p")
    assert [len(p.find_all(class_="claim")) for p in paragraphs] == [2, 1, 2]


def test_references_table_shows_link_status_source_and_archive(result: AuditResult) -> None:
    soup = _soup(result)
    broken = soup.find(id="a0-ref-1")
    assert "health-broken" in broken["class"]
    assert "broken (404)" in broken.get_text()
    assert ARCHIVE in [a["href"] for a in broken.find_all("a")]
    reuters = soup.find(id="a0-ref-2").get_text()
    assert "news" in reuters and "generally-reliable" in reuters
    moved = soup.find(id="a0-ref-3")
    assert "https://blog.example/p" in [a["href"] for a in moved.find_all("a")]


def test_health_chart_is_inline_svg_with_a_segment_per_bucket(result: AuditResult) -> None:
    chart = _soup(result).find(class_="chart-health").find("svg")
    segments = [rect for rect in chart.find_all("rect") if rect.find("title")]
    assert [s.find("title").get_text() for s in segments] == [
        "ok: 1",
        "redirected: 1",
        "broken: 1",
        "unchecked: 1",
        "no-url: 1",
    ]
    assert sum(float(s["width"]) for s in segments) == 440


def test_findings_table_marks_what_fails(result: AuditResult) -> None:
    rows = _soup(result).find(class_="findings").find_all("tr", class_="finding")
    failing = [row.find("span").get_text() for row in rows if row.find(class_="fails")]
    assert failing == ["broken-link", "citation-needed", "weak-only"]


def test_safe_href() -> None:
    assert safe_href("https://example.org/") == "https://example.org/"
    assert safe_href(" http://example.org/a ") == "http://example.org/a"
    assert safe_href("javascript:alert(1)") is None
    assert safe_href("data:text/html,<b>") is None
    assert safe_href("//example.org/") is None
    assert safe_href(None) is None


def test_informational_findings_are_folded_after_the_references(result: AuditResult) -> None:
    soup = _soup(result)
    notes = soup.find("details", class_="notes")
    kinds = [row.find("span").get_text() for row in notes.find_all("tr", class_="finding")]
    assert kinds == ["generic-title", "missing-date"]
    attention = soup.find("table", class_="attention").get_text()
    assert "generic-title" not in attention
    assert notes.find_previous("table", class_="references") is not None


def test_claims_with_only_notes_are_underlined_not_filled() -> None:
    from dataclasses import replace

    from report_sample import build_result

    from spector_refs.model import Finding, Severity

    result = build_result()
    busy = replace(
        result.assessments[0], findings=(Finding("primary-only", Severity.INFO, "primary", claim=0),)
    )
    claim = _soup(replace(result, assessments=(busy,))).find(id="a0-claim-0")
    assert claim["class"] == ["claim", "hl-primary-only", "claim-info"]
    assert claim.find_next_sibling(class_="badge")["class"] == ["badge", "badge-info"]


def test_several_articles_get_a_table_of_contents(result: AuditResult) -> None:
    contents = _soup(result).find("nav", class_="contents")
    assert [a["href"] for a in contents.find_all("a")] == ["#a0", "#a1"]
    assert contents.find_all("tr")[1].get_text(" ", strip=True) == "Test <b>article</b> 5 5 6 3 1"


def test_markers_citing_a_dead_page_are_marked(result: AuditResult) -> None:
    soup = _soup(result)
    markers = soup.find(id="a0-claim-4").find_next_sibling("sup")
    assert markers["class"] == ["marker", "marker-broken"]
    assert soup.find(id="a0-claim-2").find_next_sibling("sup")["class"] == ["marker", "marker-redirected"]
