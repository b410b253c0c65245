"""URL-shape rules and the precedence between overrides, list entries, rules and generic lists."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spector_refs.assess.config import AssessConfig, SourceOverride
from spector_refs.assess.explain import explain_source
from spector_refs.assess.sources import (
    CONFIG,
    GENERIC,
    LEVELS,
    PAGE_ENTRY,
    PAGE_RULE,
    SITE_ENTRY,
    SITE_RULE,
    SOURCES_JSON,
    SourceIndex,
    decision,
)
from spector_refs.model import Reliability, SourceProfile


@pytest.fixture(scope="module")
def index() -> SourceIndex:
    return SourceIndex.create()


def ruling(index: SourceIndex, url: str, config: AssessConfig | None = None) -> tuple[str, str, str | None]:
    profile = index.by_url(url) or SourceProfile()
    return decision(profile, config or AssessConfig()), profile.kind, profile.matched


RULES = [
    # hosting platforms: every subdomain is someone's own site
    pytest.param("https://jane.substack.com/p/x", ("weak", "blog", "substack.com"), id="substack"),
    pytest.param("https://jane.wixsite.com/home", ("weak", "self-published", "wixsite.com"), id="wixsite"),
    pytest.param(
        "https://jane.gitlab.io/x", ("weak", "self-published", "rule:platform gitlab.io"), id="gitlab-io"
    ),
    pytest.param(
        "https://sites.google.com/view/jane",
        ("weak", "self-published", "sites.google.com"),
        id="google-sites",
    ),
    pytest.param("https://x.wikidot.com/page", ("weak", "wiki", "wikidot.com"), id="wikidot"),
    # brand families: the platform's name under any public suffix
    pytest.param(
        "https://www.pinterest.com.ar/pin/1",
        ("weak", "social-media", "rule:brand pinterest.*"),
        id="pinterest-com-ar",
    ),
    pytest.param(
        "https://de.linkedin.com.tr/in/x", ("weak", "social-media", "rule:brand linkedin.*"), id="linkedin-tr"
    ),
    pytest.param(
        "https://jane.blogspot.com.ar/x", ("weak", "blog", "rule:brand blogspot.*"), id="blogspot-ar"
    ),
    pytest.param(
        "https://sputniknews.ru/x", ("weak", "state-media", "rule:brand sputniknews.*"), id="deprecated-brand"
    ),
    # government suffixes under any country code, and US states
    pytest.param(
        "https://www.gov.pl/web/x", ("primary", "government", "rule:government suffix gov.pl"), id="gov-pl"
    ),
    pytest.param(
        "https://www.mofa.gov.sa/x", ("primary", "government", "rule:government suffix gov.sa"), id="gov-sa"
    ),
    pytest.param(
        "https://www.mofa.go.th/x", ("primary", "government", "rule:government suffix go.th"), id="go-th"
    ),
    pytest.param(
        "https://www2.gov.bc.ca/x",
        ("primary", "government", "rule:government suffix gov.bc.ca"),
        id="province",
    ),
    pytest.param(
        "https://www.eb.mil.br/x", ("primary", "government", "rule:government suffix mil.br"), id="mil-br"
    ),
    pytest.param(
        "https://www.state.pa.us/x",
        ("primary", "government", "rule:government suffix state.pa.us"),
        id="us-state",
    ),
    pytest.param("https://www.gob.mx/x", ("primary", "government", "suffix:gob.mx"), id="listed-suffix"),
    # a US locality's government under RFC 1480's names, a local government named so
    pytest.param(
        "https://www.ci.portland.or.us/x",
        ("primary", "government", "rule:government suffix ci.portland.or.us"),
        id="us-city",
    ),
    pytest.param(
        "http://www.co.king.wa.us/x",
        ("primary", "government", "rule:government suffix co.king.wa.us"),
        id="us-county",
    ),
    pytest.param(
        "https://www.cityofboise.org/x", ("primary", "government", "rule:local-government name"), id="cityof"
    ),
    # a public suffix of the Public Suffix List that starts with a government label, in any script
    pytest.param(
        "https://www.fbr.gok.pk/x",
        ("primary", "government", "rule:government suffix gok.pk"),
        id="psl-gok-pk",
    ),
    pytest.param(
        "https://www.info.政府.hk/x",
        ("primary", "government", "rule:government suffix 政府.hk"),
        id="psl-idn",
    ),
    # paths and hosts
    pytest.param(
        "https://acme.example/press-releases/2020/x",
        ("primary", "press-release", "rule:press-release path"),
        id="press-path",
    ),
    pytest.param(
        "https://investors.acme.example/x",
        ("primary", "press-release", "rule:investor-relations host"),
        id="ir-host",
    ),
    pytest.param(
        "https://www.nytimes.com/2020/01/01/opinion/x.html",
        ("primary", "opinion", "rule:opinion path"),
        id="opinion",
    ),
    pytest.param("https://acme.example/blog/x", ("weak", "blog", "rule:blog path"), id="blog-path"),
    pytest.param("https://blogs.acme-news.example/x", ("weak", "blog", "rule:blog host"), id="blog-host"),
    pytest.param(
        "https://acme.example/wiki/Main", ("weak", "wiki", "rule:wiki path"), id="wiki-unknown-host"
    ),
    pytest.param(
        "https://edition.cnn.com/2007/x-irpt/", ("weak", "user-generated", "rule:URL string -irpt"), id="irpt"
    ),
    # MediaWiki's own addresses on a site no list names, whatever the site is called
    pytest.param(
        "http://history.example.org/index.php?title=Main_Page",
        ("weak", "wiki", "rule:MediaWiki page address"),
        id="mediawiki-title",
    ),
    pytest.param(
        "https://club.example/mw/index.php?action=history&oldid=12",
        ("weak", "wiki", "rule:MediaWiki page address"),
        id="mediawiki-oldid",
    ),
    pytest.param(
        "https://club.example/index.php/Special:RecentChanges",
        ("weak", "wiki", "rule:MediaWiki page path"),
        id="mediawiki-special",
    ),
    # a user's profile on a platform no list names
    pytest.param(
        "https://people.example/@jane", ("weak", "social-media", "rule:profile path"), id="at-profile"
    ),
    pytest.param(
        "https://club.example/users/jane/", ("weak", "social-media", "rule:profile path"), id="user-profile"
    ),
    # a post on a social network, a forum thread, a wiki host, on sites no list names
    pytest.param(
        "https://toots.example/@jane/109876543210",
        ("weak", "social-media", "rule:social post path"),
        id="social-post",
    ),
    pytest.param(
        "https://nitter.example/jane/status/1234567890",
        ("weak", "social-media", "rule:social post path"),
        id="status-post",
    ),
    pytest.param("https://forum.club.example/x", ("weak", "forum", "rule:forum host"), id="forum-host"),
    pytest.param(
        "https://club.example/viewtopic.php?t=5", ("weak", "forum", "rule:forum path"), id="phpbb-thread"
    ),
    pytest.param(
        "https://club.example/t/some-topic/1234", ("weak", "forum", "rule:forum path"), id="discourse-topic"
    ),
    pytest.param("https://wiki.club.example/Page", ("weak", "wiki", "rule:wiki host"), id="wiki-host"),
    pytest.param(
        "https://qa.example/questions/12345/how", ("weak", "forum", "rule:question page path"), id="question"
    ),
    # a press release named in its slug, a media centre, commentary, a US federal suffix
    pytest.param(
        "https://acme.example/news/acme-press-release-2020.html",
        ("primary", "press-release", "rule:press-release path"),
        id="press-slug",
    ),
    pytest.param(
        "https://acme.example/media-centre/x",
        ("primary", "press-release", "rule:press-release path"),
        id="media-centre",
    ),
    pytest.param(
        "https://paper.example/commentary/x", ("primary", "opinion", "rule:opinion path"), id="commentary"
    ),
    pytest.param(
        "https://www.x.gov.nc.tr/",
        ("primary", "government", "rule:government suffix gov.nc.tr"),
        id="psl-third",
    ),
    # wiki farms and blog platforms: every subdomain is someone's wiki or blog
    pytest.param(
        "https://class.pbworks.com/w/page/1", ("weak", "wiki", "rule:platform pbworks.com"), id="farm"
    ),
    pytest.param("https://jane.tistory.com/12", ("weak", "blog", "tistory.com"), id="tistory"),
    # list entries from Cite Unseen
    pytest.param(
        "https://politicalticker.blogs.cnn.com/x",
        ("weak", "blog", "politicalticker.blogs.cnn.com"),
        id="news-blog",
    ),
    pytest.param(
        "https://www.1888pressrelease.com/x", ("primary", "press-release", "1888pressrelease.com"), id="wire"
    ),
    pytest.param("https://www.radaronline.com/x", ("weak", "tabloid", "radaronline.com"), id="tabloid"),
    pytest.param(
        "https://www.chinadailyhk.com/x", ("primary", "state-media", "chinadailyhk.com"), id="state-media"
    ),
    pytest.param("https://localwiki.org/x", ("weak", "wiki", "localwiki.org"), id="wiki"),
    # a syndication feed on a site no list names: a blog
    pytest.param("https://jane-doe.example/feed/", ("weak", "blog", "rule:feed path"), id="feed"),
    pytest.param("https://jane-doe.example/atom.xml", ("weak", "blog", "rule:feed path"), id="atom"),
    pytest.param("https://jane-doe.example/posts.rss", ("weak", "blog", "rule:feed path"), id="rss-file"),
    pytest.param(
        "https://jane-doe.example/feeds/posts/default", ("weak", "blog", "rule:feed path"), id="blogger-feed"
    ),
    # a US county's own site outside .gov
    pytest.param(
        "https://www.boonecountyky.org/x", ("primary", "government", "rule:county name"), id="county-name"
    ),
    # a name that starts with "forum"
    pytest.param("https://forumexample.ru/t/1", ("weak", "forum", "rule:forum name"), id="forum-name"),
    # a forum host below a site a list names: the list names the site, not that host
    pytest.param(
        "https://discuss.haskell.org/t/x", ("weak", "forum", "rule:forum host"), id="forum-host-listed-site"
    ),
    pytest.param("https://www.scirp.org/journal/x", ("weak", "predatory", "scirp.org"), id="predatory"),
]


@pytest.mark.parametrize(("url", "expected"), RULES)
def test_rules_and_lists(index: SourceIndex, url: str, expected: tuple) -> None:
    assert ruling(index, url) == expected


def test_unlisted_only_rules_leave_listed_sites_alone(index: SourceIndex) -> None:
    # /wiki/ says "a wiki" only where no list names the site
    assert ruling(index, "https://www.reuters.com/wiki/x")[1] == "news"
    # abcnews.go.com is not a government site: .com is no country code
    assert ruling(index, "https://abcnews.go.com/x")[1] == "news"
    assert index.rules.government("gov.example.com") is None
    # MediaWiki and profile shapes are no evidence on a site a list names, nor is any PHP query
    assert ruling(index, "https://www.bbc.co.uk/index.php?title=x")[1] == "news"
    assert ruling(index, "https://shop.example/index.php?id=5") == ("fine", "unknown", None)
    assert ruling(index, "https://people.example/users/jane/posts/1") == ("fine", "unknown", None)
    # a news site's feed is the news site's; an organisation whose name ends in "forum" is no forum
    assert ruling(index, "https://www.nytimes.com/rss/")[1] == "news"
    assert ruling(index, "https://www.weforum.org/agenda/x")[1] != "forum"
    # a name that goes on after "county" is someone else's (a paper, a data site)
    assert ruling(index, "https://kingcountynews.example/x")[1] != "government"
    assert ruling(index, "https://countyhealthrankings.org/x")[1] != "government"
    # a host a list names itself keeps its ruling under a host rule
    assert ruling(index, "https://blogs.nytimes.com/x")[2] == "blogs.nytimes.com"


def test_precedence_levels_in_order(index: SourceIndex) -> None:
    config = AssessConfig(sources={"theguardian.com/commentisfree/*": SourceOverride(kind="news")})
    mine = SourceIndex.create(config)
    matches = mine.url_matches("https://www.theguardian.com/commentisfree/2020/x")
    levels = [match.level for match in matches]
    assert levels == sorted(levels)
    assert levels[:3] == [CONFIG, PAGE_ENTRY, PAGE_RULE] and SITE_ENTRY in levels
    assert mine.by_url("https://www.theguardian.com/commentisfree/2020/x").matched.startswith("config:")  # type: ignore[union-attr]
    # without the override the list's own path entry (which keeps the site's rating) beats the rule
    explained = explain_source("https://www.theguardian.com/commentisfree/2020/x", index)
    assert explained.kind_from is not None and explained.kind_from.level == PAGE_ENTRY
    assert explained.reliability_from is explained.kind_from
    generic = explain_source("https://www.gov.uk/x", index)
    assert generic.kind_from is not None and generic.kind_from.level == GENERIC
    news = explain_source("https://www.gov.uk/government/news/x", index)
    assert news.profile.kind == "press-release" and news.kind_from.level == PAGE_ENTRY  # type: ignore[union-attr]
    brand = index.url_matches("https://www.pinterest.com.ar/x")
    assert [match.level for match in brand] == [SITE_RULE]
    assert len(LEVELS) == 7 and LEVELS[-1] == "what the page declares"  # the lowest: see test_assess_declared


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        pytest.param(SourceProfile(Reliability.NO_CONSENSUS, "tabloid"), "weak", id="tabloid"),
        pytest.param(
            SourceProfile(Reliability.DEPRECATED, "state-media"), "weak", id="deprecated-state-media"
        ),
        pytest.param(SourceProfile(Reliability.NO_CONSENSUS, "state-media"), "primary", id="state-media"),
        pytest.param(SourceProfile(Reliability.GENERALLY_UNRELIABLE, "press-release"), "primary", id="wire"),
        pytest.param(SourceProfile(Reliability.GENERALLY_UNRELIABLE, "news"), "weak", id="unreliable"),
        pytest.param(SourceProfile(Reliability.NO_CONSENSUS, "news"), "fine", id="no-consensus"),
        pytest.param(SourceProfile(Reliability.UNKNOWN, "satire"), "weak", id="satire"),
    ],
)
def test_decision_defaults(profile: SourceProfile, expected: str) -> None:
    assert decision(profile, AssessConfig()) == expected


def test_decision_is_configurable() -> None:
    strict = AssessConfig(weak_reliability=frozenset({Reliability.NO_CONSENSUS, Reliability.DEPRECATED}))
    assert decision(SourceProfile(Reliability.NO_CONSENSUS, "news"), strict) == "weak"
    lenient = AssessConfig(weak_kinds=frozenset({"blog"}))
    assert decision(SourceProfile(Reliability.NO_CONSENSUS, "tabloid"), lenient) == "fine"


def test_sanctioned_state_media_are_weak_unless_configured_otherwise(index: SourceIndex) -> None:
    # an EU Annex XV outlet no Wikipedia list deprecates: weak by default, primary when turned off
    katehon = index.by_url("https://katehon.com/en/article/x")
    assert katehon is not None and (katehon.kind, katehon.sanctioned) == ("state-media", True)
    assert decision(katehon, AssessConfig()) == "weak"
    assert decision(katehon, AssessConfig(sanctioned_weak=False)) == "primary"
    explained = explain_source("https://katehon.com/", index)
    assert explained.decision == "weak" and "Annex XV" in explained.profile.reason
    # state media no sanctions list names keep today's default: primary
    designated = index.by_url("https://www.yicaiglobal.com/news/x")
    assert designated is not None and (designated.kind, designated.sanctioned) == ("state-media", False)
    assert decision(designated, AssessConfig()) == "primary"
    # a sanction marks state media only: a user who rules the site news takes the mark away
    news = SourceIndex.create(AssessConfig(sources={"katehon.com": {"kind": "news"}}))
    overridden = news.by_url("https://katehon.com/")
    assert overridden is not None and (overridden.kind, overridden.sanctioned) == ("news", False)


def test_explain_names_what_decided(index: SourceIndex) -> None:
    url = explain_source("https://www.nytimes.com/2020/01/01/opinion/x.html", index)
    assert url.looked_up_as == "URL" and url.decision == "primary"
    assert url.kind_from is not None and url.kind_from.key == "rule:opinion path"
    assert url.reliability_from is not None and url.reliability_from.key == "nytimes.com"
    assert any("perennial" in origin for origin in url.reliability_from.origin)
    name = explain_source("Daily Mail", index)
    assert (name.looked_up_as, name.decision, name.profile.kind) == ("name", "weak", "tabloid")
    doi = explain_source("doi:10.1101/2020.01.01", index)
    assert doi.looked_up_as == "DOI" and doi.profile.kind == "preprint"
    nothing = explain_source("Obscure Gazette of Nowhere", index)
    assert nothing.matches == () and nothing.decision == "fine"
    archived = explain_source("https://web.archive.org/web/2020/https://www.dailymail.co.uk/x", index)
    assert archived.profile.kind == "tabloid"


def test_name_rules_are_worked_out_once_per_domain() -> None:
    # hosts on one domain (every blog on a platform, every section of a paper) share one answer,
    # worked out once: the reason names the domain whose name the rule read
    fresh = SourceIndex.create()
    first = fresh.url_matches("https://politics.exampletribune.com/x")
    second = fresh.url_matches("https://sport.exampletribune.com/y")
    assert fresh.rules.name_matches("exampletribune.com") is fresh.rules.name_matches("exampletribune.com")
    rules = [[match for match in matches if match.level == SITE_RULE] for matches in (first, second)]
    assert rules[0] == rules[1] != [] and rules[0][0] is rules[1][0]
    assert "matched the domain exampletribune.com" in rules[1][0].profile.reason


def test_a_host_under_a_domain_adds_what_its_own_names_say() -> None:
    # a subdomain a list names, a platform's subdomain and a government label below the domain are
    # the host's own; a plain subdomain is its domain (the same settled profile)
    fresh = SourceIndex.create()
    plain = fresh.by_url("https://www.nytimes.com/x")
    assert fresh.by_url("https://cooking.nytimes.com/x") is plain
    blogs = fresh.by_url("https://blogs.nytimes.com/x")
    assert blogs is not None and blogs.kind == "blog"
    platform = fresh.by_url("https://someone.wordpress.com/x")
    assert platform is not None and platform.kind == "blog"
    locality = fresh.by_url("https://www.ci.portland.or.us/x")
    assert locality is not None and locality.kind == "government"
    assert fresh.by_url("https://www.portland.or.us/x") != locality


@pytest.mark.parametrize(
    "site",
    [
        "example.com",
        "site3.gov.pl",
        "site4.de",
        "bbc.co.uk",
        "exampleblog.com",
        "gemeindexyz.de",
        "lemonde.ltd",
    ],
)
def test_a_site_settled_in_one_step_is_settled_as_in_full(site: str) -> None:
    # a site at most the generic list or a government suffix knows of skips the full settlement
    # (_plain_site); what it settles to must be what the full one gives, bar the candidates, which
    # only overrides read, and the rulings with page rules, which fill in later
    fresh = SourceIndex.create()
    fast, full = fresh._settle(site), fresh._settle_in_full(site, site)
    unread = {"candidates": (), "with_page_rules": {}}
    assert fast._replace(**unread) == full._replace(**unread)
    if site in ("example.com", "site3.gov.pl", "site4.de"):  # no list, no rule: the one-step kind
        assert fresh._plain_site(site) is not None
    assert fresh._plain_site("example.com") is fresh._unknown


def test_a_name_rule_does_not_overrule_a_list_that_rates_the_site_unreliable(tmp_path: Path) -> None:
    # "…newswire" reads as a press-release wire (primary) on a site no list names; a site a list
    # rates unreliable keeps that rating (weak), while a platform still says what it hosts
    data = json.loads(SOURCES_JSON.read_text(encoding="utf-8"))
    fake = {"reliability": "generally-unreliable", "kind": "unknown"}
    fake["origin"] = ["a fake-news list: fake news"]
    data["sites"].update({"examplenewswire.com": fake, "examplewikiblog.wordpress.com": fake})
    (tmp_path / "sources.json").write_text(json.dumps(data), encoding="utf-8")
    mine = SourceIndex.create(AssessConfig(source_data=str(tmp_path / "sources.json")))
    assert ruling(mine, "https://examplenewswire.com/x")[:2] == ("weak", "unknown")
    assert "listed as fake news by a fake-news list" in mine.by_url("https://examplenewswire.com/x").reason  # type: ignore[union-attr]
    assert ruling(mine, "https://othernewswire.com/x")[:2] == ("primary", "press-release")
    assert ruling(mine, "https://examplewikiblog.wordpress.com/x")[:2] == ("weak", "blog")


def test_a_fake_news_site_named_newswire_is_weak(index: SourceIndex) -> None:
    # the class of error held-back-4 found: the name rule read a fake-news site as a press-release wire
    assert ruling(index, "https://yournewswire.com/some-story/")[0] == "weak"
    assert ruling(index, "https://bergen.kommune.no/x")[:2] == ("primary", "government")
