"""Issue 15's loopback world: each cited page, as it is now, gets the right verdict or finding.

A real HTTP server on 127.0.0.1 serves the article as cited, the same URL
drifted to another article, a Sedo parking page, a slot-casino takeover,
pages with the cited quote present, absent and changed, a redirect to
another outlet's story on the same raids and the article retitled at its
own address, and for the page kinds: a cited book's address landing on
another site's review of it or news story about it, the publisher's own
book page, and a retired article sent to a tag page; a second loopback server plays the Wayback Machine's
availability API. The article cites them with CS1 templates and goes
through the whole audit, then every report.
"""

from __future__ import annotations

import json

import pytest
from bs4 import BeautifulSoup
from loopback import LoopbackServer
from verify_world import routes

from spector_refs.audit import audit
from spector_refs.check import LinkCheckConfig
from spector_refs.config import Config
from spector_refs.model import Verdict
from spector_refs.parse import parse
from spector_refs.report import render

TITLE = "Dark web drug market takedown nets 288 arrests"
OTHER_TITLE = "Police arrest 288 in dark web drug market takedown, seize millions"
QUOTE = "This operation shows that the dark web is not a safe haven"
SNAPSHOT = "https://web.archive.org/web/20230503000000/http://example/"


def cite(n: int, path: str, *, title: str = TITLE, quote: str = "", template: str = "") -> str:
    extra = f" |quote={quote}" if quote else ""
    if template:
        return f"Claim {n} about the book.<ref>{template.replace('URL', 'URL' + path)}</ref>"
    return (
        f"Claim {n} about the raids.<ref>{{{{cite news |title={title} |url=URL{path} |work=Example News "
        f"|date=2 May 2023 |access-date=3 May 2023{extra}}}}}</ref>"
    )


BOOK = (
    "{{cite book |last=Bekoff |first=Marc |title=Animal Passions and Beastly Virtues |url=URL "
    "|publisher=Temple University Press |year=2006 |isbn=978-1-59213-348-2}}"
)
TAGGED = (
    "{{cite web |title=Plants poisonous to dogs |url=URL |work=Example News |date=1 June 2019 "
    "|access-date=3 June 2019}}"
)


CASES = {
    1: ("/2023/05/02/darknet-arrests", {"quote": QUOTE}),
    2: ("/2023/05/02/drifted", {}),
    3: ("/2023/05/02/parked", {}),
    4: ("/2023/05/02/takeover", {}),
    5: ("/2023/05/03/follow-up", {"title": "Dark web drug market takedown: follow-up",
                                  "quote": "The minister resigned over the affair last week"}),
    6: ("/2023/05/02/quote-changed", {"title": "Dark web takedown, continued", "quote": QUOTE}),
    7: ("/2023/05/02/sent-elsewhere", {}),
    8: ("/2023/05/02/dark-web-drug-market-takedown-nets-288-arrests", {}),
    9: ("/books/animal-passions", {"template": BOOK}),
    10: ("/books/animal-passions-news", {"template": BOOK}),
    11: ("/books/animal-passions-press", {"template": BOOK}),
    12: ("/2019/06/01/plants-poisonous-to-dogs", {"template": TAGGED}),
}  # fmt: skip


@pytest.fixture(scope="module")
def result():
    with (
        LoopbackServer("127.0.0.1", routes=routes()) as world,
        LoopbackServer("127.0.0.2", routes={}) as wayback,
    ):
        snapshot = {"archived_snapshots": {"closest": {"available": True, "status": "200", "url": SNAPSHOT,
                                                        "timestamp": "20230503000000"}}}  # fmt: skip
        wayback.routes["/available"] = lambda h: h.send(
            200, json.dumps(snapshot).encode(), "application/json"
        )
        text = "\n\n".join(cite(n, path, **fields) for n, (path, fields) in CASES.items())
        text = text.replace("URL", world.url("")) + "\n\n== References ==\n{{reflist}}\n"
        article = parse(text, format="wikitext", title="Loopback world")
        links = LinkCheckConfig(
            allow_private=True, timeout=2, connect_timeout=2, deadline=5, per_host_interval=0,
            archive_lookup=True, archive_api=wayback.url("/available"),
        )  # fmt: skip
        yield audit([article], Config(links=links))


def kinds_of(result, number: int) -> set[str]:
    return {f.kind for f in result.assessments[0].findings if f.reference == number}


def link_of(result, number: int):
    ref = result.assessments[0].article.reference(number)
    return next(link for link in result.assessments[0].links if link.url == ref.url)


def test_the_matching_page_with_its_quote_is_fine(result):
    assert link_of(result, 1).verdict is Verdict.OK
    assert kinds_of(result, 1) & {"title-mismatch", "date-mismatch", "quote-not-found"} == set()


def test_the_drifted_page_is_a_title_mismatch_with_an_archive_copy(result):
    link = link_of(result, 2)
    assert link.verdict is Verdict.OK and link.archive_url == SNAPSHOT
    assert {"title-mismatch", "date-mismatch"} <= kinds_of(result, 2)


@pytest.mark.parametrize(("number", "words"), [(3, "sedoparking"), (4, "gambling page")])
def test_parked_and_casino_pages_are_usurped_and_dead(result, number, words):
    link = link_of(result, number)
    assert link.verdict is Verdict.USURPED and link.verdict.is_dead and words in link.reason
    assert link.archive_url == SNAPSHOT
    assert "title-mismatch" not in kinds_of(result, number)


def test_an_absent_and_a_changed_quote_are_not_found(result):
    assert "quote-not-found" in kinds_of(result, 5)
    [changed] = [
        f for f in result.assessments[0].findings if f.reference == 6 and f.kind == "quote-not-found"
    ]
    assert any("no longer a safe place" in line for line in changed.evidence)
    assert kinds_of(result, 5) & {"title-mismatch"} == set()


def test_another_outlets_story_on_the_same_raids_is_a_title_mismatch(result):
    """Its headline shares most cited words; its site does not: it is not the cited article."""
    [finding] = [f for f in result.assessments[0].findings if f.reference == 7 and f.kind == "title-mismatch"]
    assert any("another site (Daily Other)" in line for line in finding.evidence)
    assert f"archived copy: {SNAPSHOT}" in finding.evidence
    link = link_of(result, 7)
    assert link.final_url.endswith("/daily-other/police-arrest-288") and link.archive_url == SNAPSHOT


def test_the_article_retitled_at_its_own_address_is_no_mismatch(result):
    assert link_of(result, 8).verdict is Verdict.OK
    assert kinds_of(result, 8) & {"title-mismatch", "date-mismatch"} == set()


def mismatch_of(result, number: int):
    findings = result.assessments[0].findings
    return next((f for f in findings if f.reference == number and f.kind == "title-mismatch"), None)


@pytest.mark.parametrize(
    ("number", "why"),
    [
        pytest.param(9, "a review on The Bark", id="review-of-the-book"),
        pytest.param(10, "an article or post about the cited book on Daily Other", id="news-about-the-book"),
        pytest.param(12, "lists other pages", id="tag-page"),
    ],
)
def test_a_page_headed_with_the_cited_title_is_not_the_work_when_its_kind_says_so(result, number, why):
    """The title agrees; the page's declared kind (or its address) says it is about the work, or a list."""
    finding = mismatch_of(result, number)
    assert finding is not None and any(why in line for line in finding.evidence)
    assert link_of(result, number).archive_url == SNAPSHOT


def test_the_publishers_own_book_page_is_the_cited_book(result):
    assert mismatch_of(result, 11) is None


def test_usurped_links_fail_the_default_policy(result):
    assert result.exit_code == 1


@pytest.mark.parametrize("fmt", ["terminal", "json", "junit", "sarif", "github", "markdown", "html"])
def test_every_report_names_the_new_kinds(result, fmt):
    text = render(result, fmt)
    for kind in ("title-mismatch", "quote-not-found"):
        assert kind in text, fmt
    assert "usurped" in text, fmt


def drift_row(result, number: int):
    soup = BeautifulSoup(render(result, "html"), "html.parser")
    return soup.find("tr", id=lambda value: bool(value) and value.endswith(f"-ref-{number}"))


def test_the_html_report_shows_both_titles_and_the_archive_link(result):
    row = drift_row(result, 2)
    assert row is not None
    assert row.select_one("td.drift-cited").get_text() == TITLE
    assert row.select_one("td.drift-page").get_text() == "Ten summer recipes for the grill"
    assert row.select_one("a.archive")["href"] == SNAPSHOT


def test_the_html_report_shows_another_outlets_title_and_the_archive_link(result):
    """The checker judged the page by the finding's own rule, so it looked the archive copy up."""
    row = drift_row(result, 7)
    assert row is not None
    assert row.select_one("td.drift-cited").get_text() == TITLE
    assert row.select_one("td.drift-page").get_text() == OTHER_TITLE
    assert row.select_one("a.archive")["href"] == SNAPSHOT
