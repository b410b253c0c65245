"""The audit pipeline over several articles, against a loopback link world."""

from __future__ import annotations

import threading
from collections import Counter
from collections.abc import Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from spector_refs.audit import audit
from spector_refs.check import LinkCheckConfig
from spector_refs.config import Config
from spector_refs.model import Verdict
from spector_refs.parse import parse
from spector_refs.policy import EXIT_FINDINGS, EXIT_OK


class _Site(BaseHTTPRequestHandler):
    """/live answers a page; anything else is 404. Every request is counted."""

    hits: Counter[str]

    def do_GET(self) -> None:
        self.hits[self.path] += 1
        ok = self.path == "/live"
        body = b"<html><head><title>Live</title></head><body><p>288 vendors were arrested.</p></body></html>"
        self.send_response(200 if ok else 404)
        self.send_header("Content-Type", "text/html; charset=utf-8")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def do_HEAD(self) -> None:
        self.do_GET()

    def log_message(self, *args: object) -> None:
        """Quiet: the tests read the counters, not the log."""


@pytest.fixture
def site() -> Iterator[str]:
    _Site.hits = Counter()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _Site)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def _article(base: str, path: str) -> str:
    return (
        f"Police arrested 288 vendors.<ref>{{{{cite web |url={base}/live |title=Live}}}}</ref>\n"
        f"The market closed.<ref>{{{{cite web |url={base}{path} |title=Gone}}}}</ref>\n"
        "== References ==\n{{reflist}}\n"
    )


def test_each_url_is_checked_once_across_articles_and_broken_links_fail(site: str) -> None:
    articles = [
        parse(_article(site, "/gone-a"), format="wikitext"),
        parse(_article(site, "/gone-b"), format="wikitext"),
    ]
    config = Config(links=LinkCheckConfig(allow_private=True, cache_path=None, per_host_interval=0.0))
    result = audit(articles, config)
    assert result.exit_code == EXIT_FINDINGS
    assert _Site.hits["/live"] == 1
    verdicts = [{link.url.rsplit("/", 1)[1]: link.verdict for link in a.links} for a in result.assessments]
    assert verdicts == [
        {"live": Verdict.OK, "gone-a": Verdict.BROKEN},
        {"live": Verdict.OK, "gone-b": Verdict.BROKEN},
    ]


def test_without_links_nothing_is_requested(site: str) -> None:
    result = audit([parse(_article(site, "/gone"), format="wikitext")], links=False)
    assert result.exit_code == EXIT_OK and not result.links_checked
    assert sum(_Site.hits.values()) == 0
