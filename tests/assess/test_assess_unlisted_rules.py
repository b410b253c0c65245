"""Rules for sites no list names: local governments, look-alike outlets, self-hosted social software,
personal suffixes, Chinese news units, and section and paper words in other languages.

Each rule is checked on what it must catch, on the look-alikes it must leave alone, and on every
row of the tuned benchmark sets that is labelled ``fine`` (reliable outlets): a rule that fired
there would turn a good source weak or primary.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spector_refs.assess.config import AssessConfig
from spector_refs.assess.explain import explain_source
from spector_refs.assess.sources import SITE_ENTRY, SourceIndex, decision
from spector_refs.model import SourceProfile
from tests.assess.test_assess_benchmark_sets import BENCHMARK
from tests.hardening.scaling import MAX_RATIO, measure_scaling

NEW_RULES = (
    "rule:local-government name",
    "rule:government-office name",
    "rule:look-alike name",
    "rule:fediverse host",
    "rule:link-aggregator host",
    "rule:Chinese news site name",
    "rule:fediverse suffix",
    "rule:personal suffix",
    "rule:predatory journal name",
    "rule:pedia name",
    "rule:press-room path",
    "rule:forum topic address",
    "rule:DokuWiki page address",
    "rule:wiki section path",
    "rule:fediverse name",
    "rule:tabloid name",
    "rule:one-party press name",
)


@pytest.fixture(scope="module")
def index() -> SourceIndex:
    return SourceIndex.create()


def ruling(index: SourceIndex, url: str) -> tuple[str, str, str | None]:
    profile = index.by_url(url) or SourceProfile()
    return decision(profile, AssessConfig()), profile.kind, profile.matched


LOCAL = "rule:local-government name"
CAUGHT = [
    # local and regional governments on plain national names, in their own languages
    ("https://eksempel.kommune.no/x", ("primary", "government", LOCAL)),
    ("https://eksempelkommune.no/", ("primary", "government", LOCAL)),
    ("https://www.eksempelfylke.no/", ("primary", "government", LOCAL)),
    ("https://www.gotland.kommun.example/", ("primary", "government", LOCAL)),
    ("https://www.stadt-ulm.de/leben", ("primary", "government", LOCAL)),
    ("https://www.gemeinde-musterdorf.de/", ("primary", "government", LOCAL)),
    ("https://www.landkreis-musterkreis.de/", ("primary", "government", LOCAL)),
    ("https://www.comune.milano.it/", ("primary", "government", LOCAL)),
    ("https://www.regione.lombardia.it/", ("primary", "government", LOCAL)),
    ("https://www.ayuntamientodeleon.es/", ("primary", "government", LOCAL)),
    ("https://www.mairie-exempleville.fr/", ("primary", "government", LOCAL)),
    ("https://www.cc-exemple.fr/", ("primary", "government", LOCAL)),
    ("https://www.cm-lisboa.pt/", ("primary", "government", LOCAL)),
    ("https://www.prefeituradeexemplo.com.br/", ("primary", "government", LOCAL)),
    ("https://www.gminaprzyklad.pl/", ("primary", "government", LOCAL)),
    ("https://www.obec-priklad.cz/", ("primary", "government", LOCAL)),
    ("https://www.kr-olomoucky.cz/", ("primary", "government", LOCAL)),
    ("https://www.regionstockholm.se/", ("primary", "government", LOCAL)),
    ("https://www.corkcoco.ie/", ("primary", "government", LOCAL)),
    ("https://www.city-of-example.org/", ("primary", "government", LOCAL)),
    ("https://www.city.yokohama.lg.jp/", ("primary", "government", LOCAL)),
    ("https://www.city.kawasaki.jp/", ("primary", "government", LOCAL)),
    ("https://www.ornek.bel.tr/", ("primary", "government", LOCAL)),
    ("https://www.naidisvald.ee/", ("primary", "government", LOCAL)),
    ("https://www.primaria-exemplu.ro/", ("primary", "government", LOCAL)),
    ("https://www.exampletownship.org/", ("primary", "government", LOCAL)),
    ("https://www.exampleparishcouncil.org.uk/", ("primary", "government", LOCAL)),
    # the office's word as a whole label of a host below a place's site
    ("https://ville.exemple-municipal.qc.ca/x", ("primary", "government", LOCAL)),
    ("https://www.city.example-shi.kanagawa.jp/", ("primary", "government", LOCAL)),
    # ministries, governments, parliaments and police forces named in their own language
    ("https://www.eksempelministeriet.dk/", ("primary", "government", "rule:government-office name")),
    ("https://www.ministeriodeejemplo.example/", ("primary", "government", "rule:government-office name")),
    ("https://www.polizei-musterstadt.de/", ("primary", "government", "rule:government-office name")),
    ("https://www.landtag-example.de/", ("primary", "government", "rule:government-office name")),
    # a listed outlet's name under a new generic suffix is a clone, not the outlet
    ("https://lemonde.quest/2023/x", ("weak", "unknown", "rule:look-alike name")),
    ("https://repubblica.guru/x", ("weak", "unknown", "rule:look-alike name")),
    ("https://le-monde.quest/x", ("weak", "unknown", "rule:look-alike name")),
    # self-hosted social software on its conventional hosts, and the .social domain
    ("https://mastodon.example.org/@jane", ("weak", "social-media", "rule:fediverse host")),
    ("https://lemmy.example.dev/post/1", ("weak", "forum", "rule:link-aggregator host")),
    ("https://bookclub.social/", ("weak", "social-media", "rule:fediverse suffix")),
    # suffixes registries keep for private persons
    ("https://www.jane.pe.kr/", ("weak", "self-published", "rule:personal suffix")),
    ("https://jane.me.uk/about", ("weak", "self-published", "rule:personal suffix")),
    # a blog platform's author pages are blogs, not social-network profiles
    ("https://brunch.co.kr/@jane", ("weak", "blog", "rule:platform brunch.co.kr")),
    # Chinese news units: a paper's or broadcaster's name under .cn, a province's news site
    ("https://www.examplenews.cn/", ("primary", "state-media", "rule:Chinese news site name")),
    ("https://www.exampledaily.com.cn/", ("primary", "state-media", "rule:Chinese news site name")),
    ("https://www.qinghaitv.com/", ("primary", "state-media", "rule:Chinese news site name")),
    # predatory journals' names, in the shapes hundreds of listed ones share
    ("https://ijxyzq.com/article/1", ("weak", "predatory", "rule:predatory journal name")),
    ("https://www.examplejournals.org/", ("weak", "predatory", "rule:predatory journal name")),
    ("https://internationaljournalofexample.com/", ("weak", "predatory", "rule:predatory journal name")),
    # forum software's thread addresses
    ("https://hobbyist.example/threads/some-title.12345/", ("weak", "forum", "rule:forum path")),
    ("https://hobbyist.example/topic/123/some-title", ("weak", "forum", "rule:forum path")),
    ("https://hobbyist.example/d/123-some-title", ("weak", "forum", "rule:forum path")),
    ("https://hobbyist.example/index.php?topic=123.0", ("weak", "forum", "rule:forum topic address")),
    ("https://tinkerers.example/doku.php?id=start", ("weak", "wiki", "rule:DokuWiki page address")),
    ("https://tinkerers.example/notice/AbCdEf0123456789", ("weak", "social-media", "rule:social post path")),
    # forums named so
    ("https://www.exampleforums.com/t/1", ("weak", "forum", "rule:forum name")),
    ("https://www.brewingtalk.example/", ("weak", "forum", "rule:forum name")),
    # fan wikis on their own domains
    ("https://www.examplepedia.com/", ("weak", "wiki", "rule:pedia name")),
    # press-release sections and wires, and newspapers, in other languages
    ("https://firma.example/pressemitteilungen/x", ("primary", "press-release", "rule:press-release path")),
    ("https://empresa.example/sala-de-prensa/x", ("primary", "press-release", "rule:press-release path")),
    ("https://firma.example/de/presse/x", ("primary", "press-release", "rule:press-room path")),
    ("https://www.presseportal-nord.example/", ("primary", "press-release", "rule:press-release wire name")),
    ("https://www.eksempelbladet.example/", ("fine", "news", "rule:newspaper name")),
    ("https://firma.example/pressemeldungen/x", ("primary", "press-release", "rule:press-release path")),
    ("https://firma.example/tiedotteet/x", ("primary", "press-release", "rule:press-release path")),
    ("https://ministry.example/media-statements/x", ("primary", "press-release", "rule:press-release path")),
    ("https://www.pressetext-example.com/", ("primary", "press-release", "rule:press-release wire name")),
    ("https://www.comunicatistampa.example/", ("primary", "press-release", "rule:press-release wire name")),
    ("https://release.example/", ("primary", "press-release", "rule:press-release wire name")),
    ("https://www.company-releases.example/", ("primary", "press-release", "rule:press-release wire name")),
    # a wiki in its own directory of a larger site
    ("https://project.example/mediawiki/Main_Page", ("weak", "wiki", "rule:wiki section path")),
    ("https://project.example/lockwiki/", ("weak", "wiki", "rule:wiki section path")),
    # Mastodon-style servers named after the software, a paper that calls itself a tabloid
    ("https://examplestodon.org/about", ("weak", "social-media", "rule:fediverse name")),
    ("https://toot.example/", ("weak", "social-media", "rule:fediverse host")),
    ("https://mstdn.example.jp/", ("weak", "social-media", "rule:fediverse host")),
    ("https://www.mstdnexample.jp/", ("weak", "social-media", "rule:fediverse name")),
    ("https://www.exampletabloid.com/", ("weak", "tabloid", "rule:tabloid name")),
    # papers and broadcasters of one-party states that allow no private press
    ("https://baoexample.vn/x", ("primary", "state-media", "rule:one-party press name")),
    ("https://www.exampletv.com.vn/", ("primary", "state-media", "rule:one-party press name")),
    ("https://www.radioejemplo.cu/", ("primary", "state-media", "rule:one-party press name")),
    ("https://www.exampletimes.la/", ("primary", "state-media", "rule:one-party press name")),
    ("https://anything.example.kp/", ("primary", "state-media", "rule:one-party press name")),
]


@pytest.mark.parametrize(("url", "expected"), CAUGHT, ids=[url for url, _ in CAUGHT])
def test_unlisted_rules_catch(index: SourceIndex, url: str, expected: tuple) -> None:
    assert ruling(index, url) == expected


LEFT_ALONE = [
    # a business, a paper or a parish named after the place is not its government
    "https://www.stadtwerke-ulm.de/",
    "https://www.stadt-hotel-example.de/",
    "https://www.gemeindezeitung.de/",
    "https://www.kirchengemeinde-example.de/",
    "https://www.ryfylke.net/",
    "https://www.ijsselexample.nl/",
    # a host label that only starts with an office's word, a listed paper's /press/ section
    "https://stadtfest.example-town.de/",
    "https://www.nytimes.com/press/x",
    # a newspaper called a journal, an encyclopedia
    "https://www.examplejournalstar.com/",
    "https://www.providencejournal.example/",
    "https://www.exampleencyclopedia.com/",
    "https://www.polizeiticker.example/",
    "https://www.senatorhotel.example/",
    "https://www.exampleministries.org/",
    # words grown from a Slavic office stem ("obecni" general, "parlamentni" parliamentary)
    "https://www.obecnipriklad.example/",
    "https://www.parlamentnipriklad.example/",
    # a word only one country's domain gives away
    "https://www.dimos-example.com/",
    "https://www.city.example.com/",
    "https://www.cm-example.com/",
    "https://www.regionavisen.com/",
    # an outlet's name under an old generic suffix or a country's, or a name outlets share
    "https://lemonde.com.example/",
    "https://people.ltd/",
    # a commercial Chinese portal, a province's travel site
    "https://www.sina.com.cn/",
    "https://www.yunnantravel.com/",
    # a slug that only contains "wiki"; a word that contains "toot"; an insurer ("bảo": insure)
    "https://blog.example/why-wikipedia-matters/",
    "https://www.betootaexample.com/",
    "https://www.baoviet.com.vn/",
    "https://www.exampleshop.vn/",
    # a newspaper called "presse", a shop under .cu
    "https://www.examplepresse.de/",
    "https://www.tienda.cu/",
    # a word that only starts with "release"
    "https://www.releasetheband.example/",
]


@pytest.mark.parametrize("url", LEFT_ALONE)
def test_unlisted_rules_leave_look_alikes_alone(index: SourceIndex, url: str) -> None:
    assert ruling(index, url)[2] not in NEW_RULES


def test_rules_never_overrule_a_list(index: SourceIndex) -> None:
    # a list names lemmy.ca (a social network in maigret's tags): the lemmy. host rule stays silent
    matches = index.url_matches("https://lemmy.ca/c/x")
    assert matches[0].level == SITE_ENTRY
    assert "rule:link-aggregator host" not in {match.key for match in matches}
    # the outlet itself is not its own look-alike
    assert ruling(index, "https://www.lemonde.fr/x")[2] == "lemonde.fr"


def test_explain_names_the_word(index: SourceIndex) -> None:
    explained = explain_source("https://eksempel.kommune.no/", index)
    assert explained.kind_from and explained.kind_from.key == LOCAL
    assert "'kommune'" in explained.kind_from.profile.reason
    explained = explain_source("https://lemonde.quest/", index)
    assert explained.reliability_from and "lemonde.fr" in explained.reliability_from.profile.reason


def _fine_rows() -> list[str]:
    rows = [row for name in BENCHMARK.GROUPS["tuned"] for row in BENCHMARK.read_set(name)]
    return [row.url for row in rows if row.decision == "fine"]


def test_no_new_rule_fires_on_a_tuned_sets_fine_rows(index: SourceIndex) -> None:
    urls = _fine_rows()
    assert len(urls) > 50
    fired = {url: key for url in urls for match in index.url_matches(url) if (key := match.key) in NEW_RULES}
    assert fired == {}


HOSTILE_NAMES = {
    "scholarly-words": lambda n: "research" * n + "x.com",
    "office-words": lambda n: "kommune-stadt" * n + ".no",
    "hyphens": lambda n: "a-" * n + "b.social",
}


@pytest.mark.parametrize("make", HOSTILE_NAMES.values(), ids=HOSTILE_NAMES)
def test_name_rules_take_linear_time(index: SourceIndex, make: Callable[[int], str]) -> None:
    # a website-like work name of any length reaches the name rules; _name_matches skips the
    # per-domain memo, which would time the first run only
    scaling = measure_scaling(lambda name: list(index.rules._name_matches(name)), make)
    assert scaling.ratio <= MAX_RATIO, f"10x the name took {scaling.ratio:.0f}x the time"
