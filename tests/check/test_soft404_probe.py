"""The per-host probe (Bar-Yossef et al.): a made-up path shows what the host's soft 404 looks like."""

from __future__ import annotations

import pytest
from loopback import LoopbackServer

from spector_refs.check import LinkCheckConfig, check_links
from spector_refs.cli import build_parser
from spector_refs.cli.options import link_config_from_args
from spector_refs.config import config_from_table
from spector_refs.errors import ConfigError
from spector_refs.model import Verdict

CHROME = (
    "<header><a href='/'>The Valley Gazette</a><nav><a href='/news'>News</a> <a href='/sport'>Sport</a>"
    " <a href='/weather'>Weather</a> <a href='/letters'>Letters</a> <a href='/about'>About us</a></nav>"
    "</header><footer><p>The Valley Gazette, 12 Bridge Street. Independent local news for the valley"
    " since 1894.</p><a href='/terms'>Terms</a> <a href='/privacy'>Privacy</a>"
    " <a href='/contact'>Contact the newsroom</a></footer>"
)


def _html(title: str, body: str) -> str:
    return f"<html><head><title>{title}</title></head><body>{body}</body></html>"


# No recognisable "not found" wording: only the comparison can tell.
WORDLESS_404 = _html(
    "The Valley Gazette",
    f"{CHROME}<h1>Hmm.</h1><p>Try the search box, or start again from the front page.</p>",
)
STORY = _html(
    "Bridge reopens after repairs | The Valley Gazette",
    f"{CHROME}<h1>Bridge reopens after repairs</h1>"
    "<p>The old stone bridge reopened to traffic on Monday after eight months of repairs.</p>",
)
SHELL = _html(
    "Valley App", "<div id='root'></div><noscript>You need to enable JavaScript to run this app.</noscript>"
)


def _site(missing: str | None = WORDLESS_404, **routes: str) -> LoopbackServer:
    """A host whose real pages are ``routes`` and whose every other path gets ``missing`` with 200."""

    class Site(LoopbackServer):
        def prefix_route(self, path):  # type: ignore[no-untyped-def]
            return None if missing is None else (lambda h: h.send(200, missing.encode()))

    return Site(routes={path: _answer(body) for path, body in routes.items()})


def _answer(body: str):  # type: ignore[no-untyped-def]
    return lambda h: h.send(200, body.encode())


def _probes(server: LoopbackServer, known: set[str]) -> list[str]:
    """The paths the checker asked for that nobody cited: the probes."""
    return [path for _, path, _ in server.requests if path not in known]


def test_a_wordless_soft_404_is_caught_by_comparison_and_a_real_page_is_not(loopback_config):
    with _site(**{"/2021/bridge": STORY}) as site:
        cited = ["/2019/05/old-story", "/2021/bridge"]
        results = check_links([site.url(p) for p in cited], loopback_config)
        probes = _probes(site, set(cited))
    assert [r.verdict for r in results] == [Verdict.SOFT_404, Verdict.OK]
    assert "made-up path" in results[0].reason and "The Valley Gazette" in results[0].reason
    assert len(probes) == 1 and len(probes[0]) > 20


def test_without_the_probe_the_wordless_soft_404_passes_and_no_extra_request_is_made(loopback_config):
    config = LinkCheckConfig(**{**loopback_config.__dict__, "soft_404_probe": False})
    with _site(**{"/2021/bridge": STORY}) as site:
        [result] = check_links([site.url("/2019/05/old-story")], config)
        assert site.requests and all(path == "/2019/05/old-story" for _, path, _ in site.requests)
    assert result.verdict is Verdict.OK


def _stories(config: LinkCheckConfig, count: int, latency: float) -> tuple[list[str], list[str], int]:
    """Check ``count`` stories on one host: the verdicts, the paths in the order asked, the most in flight."""
    pages = {f"/story/{n}": STORY.replace("Bridge reopens", f"Story {n}") for n in range(count)}
    with _site(**pages) as site:
        site.latency = latency
        results = check_links([site.url(p) for p in pages], config)
        order = [path for _, path, _ in site.requests]
    assert {r.verdict for r in results} == {Verdict.OK}
    return [path for path in order if path not in pages], order, site.max_in_flight


def test_one_probe_per_host_however_many_workers_and_within_the_per_host_limit(loopback_config):
    config = LinkCheckConfig(**{**loopback_config.__dict__, "concurrency": 8, "per_host": 2})
    probes, _, most = _stories(config, 24, latency=0.01)
    assert most <= 2
    assert len(probes) == 1


def test_the_probe_goes_out_with_the_hosts_first_wave_not_after_it(loopback_config):
    """The first worker on a host asks the probe before its own page, while the others fetch theirs."""
    config = LinkCheckConfig(**{**loopback_config.__dict__, "concurrency": 4, "per_host": 4})
    [probe], order, _ = _stories(config, 8, latency=0.05)
    assert order.index(probe) < 4  # among the first per_host requests, not after the first pages


def test_a_host_that_redirects_every_unknown_path_to_its_search(loopback_config):
    search = _html("Search | The Valley Gazette", f"{CHROME}<h1>Search</h1>")

    class Redirecting(LoopbackServer):
        def prefix_route(self, path):  # type: ignore[no-untyped-def]
            return lambda h: h.redirect(302, f"/search?q={path.strip('/').replace('/', '+')}")

    routes = {"/search": _answer(search)}
    with Redirecting(routes=routes) as site:
        [result] = check_links([site.url("/2019/05/old-story")], loopback_config)
    assert result.verdict is Verdict.SOFT_404
    assert "redirects a made-up path" in result.reason


def test_an_app_shell_served_for_every_path_is_not_judged(loopback_config):
    """A single-page app answers every path with the same near-empty shell: no way to tell, so no alarm."""
    with _site(missing=SHELL, **{"/about": SHELL}) as site:
        [result] = check_links([site.url("/about")], loopback_config)
    assert result.verdict is Verdict.OK


def test_a_short_page_in_heavy_chrome_with_the_404_title_is_not_the_404(loopback_config):
    """Same title, 95 % the same menus: the product's own thirty words keep it apart."""
    menus = " ".join(f"<a href='/c/{n}'>Category {n} of the shop</a>" for n in range(120))
    missing = _html("Selvedge Shop", f"<nav>{menus}</nav><h1>Hmm.</h1><p>Try the search box.</p>")
    product = _html(
        "Selvedge Shop",
        f"<nav>{menus}</nav><h1>Liberty lawn, Betsy print</h1><p>A fine cotton lawn printed with small "
        "flowers in blue and pink, 137 cm wide, sold by the half metre, washable at forty degrees and "
        "ideal for summer dresses, shirts and quilting.</p>",
    )
    with _site(missing=missing, **{"/products/betsy": product}) as site:
        results = check_links([site.url("/products/betsy"), site.url("/products/gone")], loopback_config)
    assert [r.verdict for r in results] == [Verdict.OK, Verdict.SOFT_404]


def test_a_home_page_is_never_judged_by_the_probe(loopback_config):
    """A site that shows its home page for every unknown path: the cited home page still exists."""
    home = _html("The Valley Gazette", f"{CHROME}<h1>Top stories</h1><p>Bridge reopens after repairs.</p>")

    class Home(LoopbackServer):
        def prefix_route(self, path):  # type: ignore[no-untyped-def]
            return _answer(home)

    with Home(routes={}) as site:
        results = check_links([site.url("/"), site.url("/2019/05/old-story")], loopback_config)
    assert [r.verdict for r in results] == [Verdict.OK, Verdict.SOFT_404]


def test_an_honest_host_changes_nothing(server, loopback_config):
    """The loopback world answers unknown paths with 404: the probe learns nothing, verdicts stay."""
    results = check_links([server.url("/article"), server.url("/soft-404")], loopback_config)
    assert [r.verdict for r in results] == [Verdict.OK, Verdict.SOFT_404]
    assert server.count("/article") == 1


def test_private_hosts_are_never_probed_unless_the_run_allows_them(server, no_connections):
    [result] = check_links([server.url("/article")], LinkCheckConfig())
    assert result.verdict is Verdict.REFUSED
    assert no_connections == []


def test_the_probe_is_a_setting_and_a_flag():
    assert LinkCheckConfig().soft_404_probe is True
    assert config_from_table({"links": {"soft-404-probe": False}}).links.soft_404_probe is False
    with pytest.raises(ConfigError, match="soft-404-probe"):
        LinkCheckConfig(soft_404_probe="no")  # type: ignore[arg-type]
    parser = build_parser()
    for flags, wanted in ((["--no-soft-404-probe"], False), ([], True)):
        args = parser.parse_args(["links", "urls.txt", *flags])
        assert link_config_from_args(args).soft_404_probe is wanted
