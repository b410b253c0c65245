"""End to end on a real loopback server: the link checker fetches the cited pages, the assessor reads them.

The server listens on 127.0.0.1 only; nothing in this test talks to any other address.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

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


class Pages(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def log_message(self, format: str, *args: object) -> None:
        """Quiet."""

    def do_HEAD(self) -> None:
        self.do_GET()

    def do_GET(self) -> None:
        body = PAGES.get(self.path, "<html><head><title>404 Not Found</title></head></html>").encode()
        self.send_response(200 if self.path in PAGES else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        if self.command == "GET":
            self.wfile.write(body)


@pytest.fixture
def server() -> Iterator[str]:
    httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
    thread = threading.Thread(target=httpd.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{httpd.server_address[1]}"
    finally:
        httpd.shutdown()
        httpd.server_close()


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
