"""Title, date, quote and identifier findings from references and what their pages say."""

from __future__ import annotations

import pytest

from spector_refs.assess import assess
from spector_refs.check.doi import doi_lookup_url
from spector_refs.model import Article, LinkResult, PageMeta, Reference, Severity, Verdict

URL = "https://news.example/2023/05/02/darknet-arrests"
TITLE = "Dark web drug market takedown nets 288 arrests"


def ref(**fields) -> Reference:
    base = {"number": 1, "title": TITLE, "url": URL, "date": "2023-05-02", "work": "Example News"}
    return Reference(**{**base, **fields})


def page(title: str = f"{TITLE} | Example News", **fields) -> LinkResult:
    meta = PageMeta(title=title, site_name="Example News", published=fields.pop("published", "2023-05-02"))
    base = {"url": URL, "verdict": Verdict.OK, "reason": "HTTP 200 OK", "status_code": 200, "meta": meta}
    return LinkResult(**{**base, **fields})


def findings(reference: Reference, *links: LinkResult, kind: str | None = None):
    article = Article(title="A", source_format="wikitext", references=(reference,))
    return [f for f in assess(article, links).findings if kind is None or f.kind == kind]


def test_a_page_that_kept_its_title_is_fine():
    assert findings(ref(), page(), kind="title-mismatch") == []


def test_a_drifted_page_shows_both_titles_and_the_archive():
    [finding] = findings(
        ref(archive_url="https://web.archive.org/web/2023/" + URL),
        page("Ten summer recipes for the grill | Example News"),
        kind="title-mismatch",
    )
    assert finding.severity is Severity.WARNING and finding.reference == 1
    assert f"cited title: {TITLE}" in finding.evidence
    assert "page title: Ten summer recipes for the grill | Example News" in finding.evidence
    assert "archived copy: https://web.archive.org/web/2023/" + URL in finding.evidence


def test_another_sites_story_on_the_same_event_says_why():
    """A redirect to another outlet's headline about the same story is not the cited page."""
    title = "Dark web drug market takedown: 288 arrests | Daily Other"
    other = page(
        title,
        final_url="https://daily-other.example/world/police-dark-web-arrests",
        meta=PageMeta(title=title, site_name="Daily Other"),
    )
    [finding] = findings(ref(), other, kind="title-mismatch")
    assert any("another site (Daily Other)" in line for line in finding.evidence)


def test_a_retitled_page_at_its_own_address_is_fine():
    url = "https://news.example/2023/05/02/dark-web-drug-market-takedown-nets-288-arrests"
    retitled = page("Police close a drug bazaar | Example News", url=url)
    assert findings(ref(url=url), retitled, kind="title-mismatch") == []


def test_the_translation_of_a_title_may_agree():
    reference = ref(title="Darknet-Drogenmarkt: 288 Festnahmen", trans_title=TITLE)
    assert findings(reference, page(), kind="title-mismatch") == []


@pytest.mark.parametrize("verdict", [Verdict.BROKEN, Verdict.USURPED, Verdict.BLOCKED])
def test_only_live_pages_are_compared(verdict):
    assert findings(ref(), page("Casino", verdict=verdict), kind="title-mismatch") == []


def test_a_date_days_away_is_a_date_mismatch():
    [finding] = findings(ref(), page(published="2023-06-20"), kind="date-mismatch")
    assert finding.severity is Severity.INFO
    assert "49 days" in finding.reason and "page date: 2023-06-20" in finding.evidence


@pytest.mark.parametrize(("cited", "published"), [("2023-05-02", "2023-05-04"), ("2023-05", "2023-06-20")])
def test_close_or_partial_dates_are_no_mismatch(cited, published):
    assert findings(ref(date=cited), page(published=published), kind="date-mismatch") == []


def test_a_missing_quote_gets_the_closest_passage():
    text = "Police in nine countries arrested 288 people. The dark web is not a safe haven, officials said."
    [finding] = findings(
        ref(quote="The dark web is no longer a safe place"), page(text=text), kind="quote-not-found"
    )
    assert any(
        line.startswith("closest passage") and ": The dark web is not a safe haven" in line
        for line in finding.evidence
    )


def test_a_present_quote_is_fine():
    text = "Officials said: “The dark web is not a safe haven.”"
    assert (
        findings(ref(quote='"the dark web is not a safe haven"'), page(text=text), kind="quote-not-found")
        == []
    )


def test_bad_identifiers_name_the_identifier_and_the_fault():
    reference = ref(
        identifiers={"isbn": "978-0-306-40615-6", "doi": "10.1038/nature12373", "issn": "0378-5954"}
    )
    found = {f.reason for f in findings(reference, kind="bad-identifier")}
    assert found == {
        "ISBN 978-0-306-40615-6: checksum: the check digit does not match",
        "ISSN 0378-5954: checksum: the check digit does not match",
    }


def test_a_doi_doi_org_does_not_know():
    doi = "10.1038/nature99999"
    lookup = LinkResult(doi_lookup_url(doi), Verdict.BROKEN, "handle not found (responseCode 100)", 404)
    [finding] = findings(ref(identifiers={"doi": doi}), lookup, kind="bad-identifier")
    assert "doi.org does not know" in finding.reason


def test_a_doi_registered_for_another_work():
    doi = "10.1038/nature12373"
    meta = PageMeta(citation_title="Nanometre-scale thermometry in a living cell")
    lookup = LinkResult(doi_lookup_url(doi), Verdict.OK, "the DOI exists (responseCode 1)", 200, meta=meta)
    [finding] = findings(ref(kind="journal", identifiers={"doi": doi}), lookup, kind="bad-identifier")
    assert "registered title: Nanometre-scale thermometry in a living cell" in finding.evidence
    same = LinkResult(doi_lookup_url(doi), Verdict.OK, "ok", 200, meta=PageMeta(citation_title=TITLE))
    assert findings(ref(kind="journal", identifiers={"doi": doi}), same, kind="bad-identifier") == []
