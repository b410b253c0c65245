"""What a checked page declares about its site (generator meta, blog-ish or press-release type, a
platform's site name) rules a site no list names, below every list entry, override and rule."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from spector_refs.assess import assess
from spector_refs.assess.config import AssessConfig, SourceOverride
from spector_refs.assess.declared import GENERATOR_ORIGIN, declared_meta, page_declares
from spector_refs.assess.sources import DECLARED, SourceIndex, classify_reference
from spector_refs.check import LinkCheckConfig, check_links
from spector_refs.check.metadata import read_metadata
from spector_refs.cli import main
from spector_refs.model import Article, Claim, LinkResult, PageMeta, Reference, Verdict

UNLISTED = "https://club-of-nowhere-in-particular.example/"


@pytest.fixture(scope="module")
def index() -> SourceIndex:
    return SourceIndex.create()


def test_the_generator_and_application_name_metas_are_read() -> None:
    head = '<meta name="generator" content="MediaWiki 1.41.0"><meta property="og:type" content="website">'
    head += '<meta name="application-name" content="Wiki of Things">'
    meta = read_metadata(f"<html><head>{head}</head><body></body></html>".encode(), "text/html")
    assert meta is not None and (meta.generator, meta.kinds) == ("MediaWiki 1.41.0", ("website",))
    assert meta.application_name == "Wiki of Things"


@pytest.mark.parametrize(
    ("meta", "kind"),
    [
        (PageMeta(generator="MediaWiki 1.41.0"), "wiki"),
        (PageMeta(generator="DokuWiki"), "wiki"),
        (PageMeta(generator="Misskey"), "social-media"),
        (PageMeta(generator="Mastodon"), "social-media"),
        (PageMeta(application_name="Misskey"), "social-media"),
        (PageMeta(generator="Discourse 3.2.0 - https://github.com/discourse/discourse"), "forum"),
        (PageMeta(generator="phpBB"), "forum"),
        (PageMeta(generator="WordPress 6.4.2", kinds=("article", "BlogPosting")), "blog"),
        (PageMeta(kinds=("Blog",)), "blog"),
        (PageMeta(kinds=("press_release",)), "press-release"),
        (PageMeta(site_name="Medium"), "blog"),
        # platforms that host nothing but blogs, on a custom domain: Blogger's generator, Tumblr's og:type
        (PageMeta(generator="blogger"), "blog"),
        (
            PageMeta(kinds=("tumblr-feed:entry", "SocialMediaPosting"), site_name="Minecraft Update News"),
            "blog",
        ),
        # a forum thread or a social-media post says so in its schema.org type
        (PageMeta(kinds=("DiscussionForumPosting",), generator="Hugo 0.120.0"), "forum"),
        (PageMeta(kinds=("article", "SocialMediaPosting")), "social-media"),
        # a general engine alone says nothing: newspapers and ministries run WordPress, Ghost, Hugo
        (PageMeta(generator="WordPress 6.4.2", kinds=("article", "NewsArticle")), None),
        (PageMeta(generator="Hugo 0.120.0", site_name="Ministry of Things"), None),
        (PageMeta(kinds=("LiveBlogPosting",)), None),
        (PageMeta(kinds=("article", "NewsArticle", "Organization")), None),
        # another app's og:type namespace, and WordPress alone, say nothing
        (PageMeta(kinds=("video.other",)), None),
        (PageMeta(kinds=("instapp:photo",)), None),
        (PageMeta(generator="WordPress 4.0", site_name="SitePoint", kinds=("article",)), None),
        # application-name is often a site's own name: only an engine's bare name counts
        (PageMeta(application_name="Discourse Weekly"), None),
        (PageMeta(), None),
    ],
)
def test_what_a_page_declares(meta: PageMeta, kind: str | None) -> None:
    found = page_declares(meta)
    assert (found.kind if found else None) == kind


def test_a_blog_type_names_the_engine_it_runs_on() -> None:
    found = page_declares(PageMeta(generator="Ghost 5.7", kinds=("BlogPosting",)))
    assert found is not None and found.signal == 'type "BlogPosting" on generator "Ghost 5.7"'


def test_an_unlisted_site_takes_the_kind_its_page_declares(index: SourceIndex) -> None:
    ref = Reference(number=1, url=UNLISTED + "Main_Page")
    assert classify_reference(ref, index).kind == "unknown"
    profile = classify_reference(ref, index, PageMeta(generator="MediaWiki 1.39.3"))
    assert (profile.kind, profile.matched) == ("wiki", 'page:generator "MediaWiki 1.39.3"')
    assert profile.reason.endswith("matched the page's generator meta")
    last = index.url_matches(ref.url or "", meta=PageMeta(generator="MediaWiki 1.39.3"))[-1]
    assert (last.level, last.origin) == (DECLARED, (GENERATOR_ORIGIN,))


def test_a_page_never_overrules_a_list_an_override_or_a_rule(index: SourceIndex) -> None:
    wiki = PageMeta(generator="MediaWiki 1.39.3")
    listed = classify_reference(Reference(number=1, url="https://www.nytimes.com/2020/x.html"), index, wiki)
    assert (listed.kind, listed.matched) == ("news", "nytimes.com")
    assert index.url_matches("https://www.nytimes.com/2020/x.html", meta=wiki)[-1].level != DECLARED
    ruled = classify_reference(Reference(number=1, url=UNLISTED + "blog/post"), index, wiki)
    assert ruled.kind == "blog"
    config = AssessConfig(sources={"club-of-nowhere-in-particular.example": SourceOverride(kind="company")})
    overridden = classify_reference(Reference(number=1, url=UNLISTED), SourceIndex.create(config), wiki)
    assert (overridden.kind, overridden.matched) == (
        "company",
        "config:club-of-nowhere-in-particular.example",
    )


def result(url: str, verdict: Verdict = Verdict.OK, final_url: str | None = None) -> LinkResult:
    meta = PageMeta(generator="Misskey")
    return LinkResult(url=url, verdict=verdict, reason="r", final_url=final_url, meta=meta)


def test_only_a_page_that_answered_for_the_same_site_speaks_for_it() -> None:
    url = "https://town.example/notes/1"
    assert declared_meta(url, result(url)) == PageMeta(generator="Misskey")
    assert declared_meta(url, result(url, Verdict.REDIRECTED, "https://www.town.example/notes/1")) is not None
    assert declared_meta(url, result(url, Verdict.REDIRECTED, "https://m.town.example/n/1")) is not None
    assert declared_meta(url, result(url, Verdict.REDIRECTED, "https://elsewhere.example/")) is None
    assert declared_meta(url, result(url, Verdict.USURPED)) is None
    assert declared_meta(url, result(url, Verdict.SOFT_404)) is None
    assert declared_meta(url, None) is None


PAGES = {
    "/town": '<html><head><meta name="application-name" content="Misskey"><title>Town</title></head>'
    "<body><p>Our mayor resigned.</p></body></html>",
}


@pytest.fixture
def server(serve_pages: Callable[[dict[str, str]], str]) -> str:
    return serve_pages(PAGES)


def test_audit_flags_a_claim_resting_on_a_checked_social_server(server: str) -> None:
    ref = Reference(number=1, url=f"{server}/town", title="Town")
    article = Article(
        "T", "html", references=(ref,), claims=(Claim("The mayor resigned.", section="S", refs=(1,)),)
    )
    config = LinkCheckConfig(allow_private=True, timeout=2.0, connect_timeout=2.0, deadline=5.0,
                             per_host_interval=0.0, retries=0)  # fmt: skip
    links = check_links(article, config)
    assert links[0].meta is not None and links[0].meta.application_name == "Misskey"
    assert assess(article).profile(ref).kind == "unknown"
    checked = assess(article, links)
    assert checked.profile(ref).matched == 'page:application-name "Misskey"'
    weak = [f for f in checked.findings if f.kind == "weak-only"]
    assert [f.claim for f in weak] == [0] and "matched the page's application-name meta" in weak[0].evidence[
        0
    ]


def test_explain_reads_a_links_document(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    links = tmp_path / "links.json"
    checked = {"url": UNLISTED, "verdict": "ok", "reason": "HTTP 200", "metadata": {"generator": "DokuWiki"}}
    links.write_text(json.dumps({"schema": "spector-refs/links/1", "results": [checked]}), encoding="utf-8")
    assert main(["sources", "explain", UNLISTED, "--links", str(links), "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert 'kind from: page:generator "DokuWiki" (what the page declares)' in out
    assert "from: the page's generator meta" in out
    links.write_text("[1]", encoding="utf-8")
    assert main(["sources", "explain", UNLISTED, "--links", str(links), "--data-dir", str(tmp_path)]) == 2
    assert "not `spector-refs links --format json` output" in capsys.readouterr().err
