"""End to end on a real loopback server: the link checker fetches the cited pages, the assessor reads them.

The server listens on 127.0.0.1 only; nothing in this test talks to any other address.
"""

from __future__ import annotations

from collections.abc import Callable

import pytest

from spector_refs.assess import assess
from spector_refs.check import LinkCheckConfig, check_links
from spector_refs.model import Article, Claim, Reference

PAGES = {
    "/fbi": "<html><head><title>SpecTor results</title></head><body><p>Agents seized $53.4 million, 850 "
    "kilograms of drugs and 117 firearms; two hundred eighty-eight vendors were arrested.</p></body></html>",
    "/wire": "<html><head><title>Dark web sting</title></head><body><p>Police arrested 288 people on "
    "2 May 2023 and seized 50 guns.</p></body></html>",
}


@pytest.fixture
def server(serve_pages: Callable[[dict[str, str]], str]) -> str:
    return serve_pages(PAGES)


def test_figures_and_dead_links_checked_against_served_pages(server: str) -> None:
    refs = (
        Reference(number=1, url=f"{server}/fbi", title="SpecTor results"),
        Reference(number=2, url=f"{server}/wire", title="Dark web sting"),
        Reference(number=3, url=f"{server}/gone", title="Gone"),
    )
    claims = (
        Claim("Police seized $53 million, 850 kg of drugs and 117 guns", section="S", refs=(1,)),
        Claim("On May 2, 2023, police arrested 288 vendors and seized 117 guns", section="S", refs=(2,)),
        Claim("The operation seized 900 kg of drugs", section="S", refs=(1, 2)),
        Claim("The operation ended in 2021", section="S", refs=(3,)),
    )
    article = Article("T", "html", references=refs, claims=claims)
    config = LinkCheckConfig(allow_private=True, timeout=2.0, connect_timeout=2.0, deadline=5.0,
                             per_host_interval=0.0, retries=0)  # fmt: skip
    links = check_links(article, config)
    assert all(link.text for link in links if not link.url.endswith("/gone"))
    result = assess(article, links)
    figures = {f.claim: f for f in result.findings if f.kind == "unverified-figure"}
    assert sorted(figures) == [1, 2]
    assert figures[1].reason == '"117" appears in none of the cited sources (ref 2)'
    assert '"900 kg"' in figures[2].reason
    dead = [f for f in result.findings if f.kind == "dead-only"]
    assert [f.claim for f in dead] == [3]
