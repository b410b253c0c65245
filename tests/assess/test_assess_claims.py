"""Claim findings on hand-built articles: tags, uncited, weak-only, primary-only, dead-only, figures."""

from __future__ import annotations

from spector_refs.assess import assess
from spector_refs.assess.config import AssessConfig, SourceOverride
from spector_refs.model import Article, Claim, Finding, LinkResult, Reference, Severity, Verdict

BLOG = Reference(number=1, url="https://someone.blogspot.com/post", title="Post")
NEWS = Reference(number=2, url="https://www.reuters.com/world/story", title="Story")
AGENCY = Reference(number=3, url="https://www.justice.gov/opa/pr/release", title="Release")
FORUM = Reference(number=4, url="https://www.reddit.com/r/x/comments/1", title="Thread")


def article(*claims: Claim, refs: tuple[Reference, ...] = (BLOG, NEWS, AGENCY, FORUM)) -> Article:
    return Article(title="T", source_format="html", references=refs, claims=claims)


def kinds(findings: tuple[Finding, ...], claim: int) -> list[str]:
    return [f.kind for f in findings if f.claim == claim]


def test_tags_become_findings_of_their_own_kind() -> None:
    result = assess(article(Claim("A fact.", section="S", tags=("citation needed", "better source needed"))))
    assert kinds(result.findings, 0) == ["citation-needed", "better-source-needed"]
    tagged = result.findings[0]
    assert tagged.severity is Severity.WARNING and "[citation needed]" in tagged.reason


def test_a_cited_sentence_covers_its_paragraph() -> None:
    claims = (
        Claim("First sentence.", section="S", paragraph=1),
        Claim("Second sentence", section="S", paragraph=1, refs=(2,)),
        Claim("Alone in its paragraph.", section="S", paragraph=2),
    )
    result = assess(article(*claims))
    uncited = [f for f in result.findings if f.kind == "uncited"]
    assert [(f.claim, f.severity, f.evidence) for f in uncited] == [
        (2, Severity.WARNING, ("placement: body",))
    ]


def test_lead_and_infobox_are_reported_separately_unless_the_body_cites_them() -> None:
    claims = (
        Claim("The market made €1.23 billion.", section=None, paragraph=0),
        Claim("It sold pizza.", section=None, paragraph=1),
        Claim("Revenue€1.23 billion", section=None, block="infobox", paragraph=2),
        Claim("Launched2018", section=None, block="infobox", paragraph=3),
        Claim("It had an estimated revenue of €1.23 billion", section="Body", paragraph=4, refs=(2,)),
    )
    result = assess(article(*claims))
    uncited = {f.claim: f for f in result.findings if f.kind == "uncited"}
    assert sorted(uncited) == [1, 3]
    assert uncited[1].severity is Severity.INFO and uncited[1].evidence == ("placement: lead",)
    assert uncited[3].evidence == ("placement: infobox", "not found in any cited body claim: 2018")
    quiet = assess(article(*claims), config=AssessConfig(lead_uncited=None, infobox_uncited=None))
    assert not [f for f in quiet.findings if f.kind == "uncited"]


def test_weak_only_needs_every_cited_source_weak() -> None:
    claims = (
        Claim("Only a blog and a forum say so", section="S", refs=(1, 4)),
        Claim("A blog and Reuters say so", section="S", refs=(1, 2)),
    )
    result = assess(article(*claims))
    weak = [f for f in result.findings if f.kind == "weak-only"]
    assert [f.claim for f in weak] == [0]
    assert weak[0].severity is Severity.WARNING
    assert "ref 1, ref 4" in weak[0].reason and len(weak[0].evidence) == 2
    assert weak[0].evidence[0].startswith("ref 1: blog, generally-unreliable")


def test_weak_kinds_and_severity_are_configurable() -> None:
    claims = (Claim("Only a forum says so", section="S", refs=(4,)),)
    strict = assess(article(*claims), config=AssessConfig(weak_severity=Severity.ERROR))
    assert [f.severity for f in strict.findings if f.kind == "weak-only"] == [Severity.ERROR]
    lenient = assess(article(*claims), config=AssessConfig(weak_kinds=frozenset({"blog"})))
    # reddit is also rated generally unreliable upstream, so it stays weak by reliability
    assert kinds(lenient.findings, 0) == ["weak-only"]
    forum_only = Reference(number=4, url="https://forum.example.org/t/1", title="Thread")
    sources = {"example.org": SourceOverride(kind="forum")}
    refs = (BLOG, NEWS, AGENCY, forum_only)
    assert kinds(assess(article(*claims, refs=refs), config=AssessConfig(sources=sources)).findings, 0) == [
        "weak-only"
    ]
    config = AssessConfig(weak_kinds=frozenset({"blog"}), sources=sources)
    assert "weak-only" not in kinds(assess(article(*claims, refs=refs), config=config).findings, 0)


def test_primary_only() -> None:
    result = assess(article(Claim("The department says so", section="S", refs=(3,))))
    primary = [f for f in result.findings if f.kind == "primary-only"]
    assert len(primary) == 1 and primary[0].severity is Severity.INFO
    assert "press-release" in primary[0].evidence[0]


def dead(url: str) -> LinkResult:
    return LinkResult(url=url, verdict=Verdict.BROKEN, reason="404 Not Found", status_code=404)


def test_dead_only_needs_every_cited_url_dead_and_unarchived() -> None:
    claims = (
        Claim("Both links are gone", section="S", refs=(1, 2)),
        Claim("One link is gone", section="S", refs=(2, 3)),
    )
    links = [dead(BLOG.url), dead(NEWS.url), LinkResult(url=AGENCY.url, verdict=Verdict.OK, reason="200 OK")]
    result = assess(article(*claims), links)
    found = [f for f in result.findings if f.kind == "dead-only"]
    assert [f.claim for f in found] == [0]
    assert "broken (404 Not Found)" in found[0].evidence[0]
    archived = Reference(number=2, url=NEWS.url, archive_url="https://web.archive.org/web/2020/" + NEWS.url)
    rescued = assess(article(*claims, refs=(BLOG, archived, AGENCY, FORUM)), links)
    assert not [f for f in rescued.findings if f.kind == "dead-only"]
    assert not [f for f in assess(article(*claims)).findings if f.kind == "dead-only"]


def page(url: str, text: str) -> LinkResult:
    return LinkResult(url=url, verdict=Verdict.OK, reason="200 OK", text=text)


def test_unverified_figures_use_the_cited_pages_text() -> None:
    claims = (
        Claim("Police arrested 288 vendors and seized $53 million", section="S", refs=(2,)),
        Claim("Police arrested 290 vendors and seized $63 million", section="S", refs=(2, 3)),
    )
    links = [
        page(NEWS.url, "Two hundred eighty-eight vendors were arrested."),
        page(AGENCY.url, "Officials seized $53.4 million."),
    ]
    result = assess(article(*claims), links)
    figures = [f for f in result.findings if f.kind == "unverified-figure"]
    assert [f.claim for f in figures] == [0, 1]
    assert figures[0].reason == '"$53 million" appears in none of the cited sources (ref 2)'
    assert figures[1].evidence == ("amount '$63 million' not found in ref 2, ref 3",)


def test_no_figure_check_without_every_cited_text() -> None:
    claims = (Claim("Police arrested 999 vendors", section="S", refs=(2, 3)),)
    result = assess(article(*claims), [page(NEWS.url, "Nothing here.")])
    assert "unverified-figure" not in kinds(result.findings, 0)
    off = assess(
        article(*claims), [page(NEWS.url, "x"), page(AGENCY.url, "y")], AssessConfig(check_figures=False)
    )
    assert "unverified-figure" not in kinds(off.findings, 0)
