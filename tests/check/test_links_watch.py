"""The loop's socket watch: ``epoll`` on Linux, the same calls over :mod:`selectors` where there is none."""

from __future__ import annotations

import select
import socket

import pytest
from loopback import LoopbackServer

from spector_refs.check import LinkCheckConfig, LinkChecker
from spector_refs.check import loop as loop_module
from spector_refs.check.watch import IN, OUT, SelectorWatch, socket_watch

PATHS = [
    "/article", "/soft-404", "/moved", "/chain/1", "/loop/a", "/gone", "/bot-wall",
    "/news/2023/05/02/operation-spector", "/report.pdf", "/flaky",
]  # fmt: skip


def _closed_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _verdicts(urls: list[str], config: LinkCheckConfig) -> list[tuple[str, str, int | None]]:
    with LinkChecker(config, processes=1) as checker:
        return [(result.url, result.verdict.value, result.status_code) for result in checker.check(urls)]


@pytest.mark.skipif(not hasattr(select, "epoll"), reason="the bits are epoll's where there is one")
def test_the_loops_event_bits_are_epolls_and_linux_gets_epoll_itself():
    assert (IN, OUT) == (select.EPOLLIN, select.EPOLLOUT)
    watch = socket_watch()
    try:
        assert isinstance(watch, select.epoll)
    finally:
        watch.close()


def test_a_check_gives_the_same_verdicts_over_selectors_as_over_epoll(
    loopback_config: LinkCheckConfig, monkeypatch: pytest.MonkeyPatch
):
    refused = f"http://127.0.0.1:{_closed_port()}/nobody-listens"
    with LoopbackServer("127.0.0.1") as first, LoopbackServer("127.0.0.1") as second:
        urls = [first.url(path) for path in PATHS] + [refused]
        by_default = _verdicts(urls, loopback_config)
        monkeypatch.setattr(loop_module, "socket_watch", SelectorWatch)
        urls = [second.url(path) for path in PATHS] + [refused]
        over_selectors = _verdicts(urls, loopback_config)
    assert [row[1:] for row in over_selectors] == [row[1:] for row in by_default]
    seen = {row[1] for row in by_default}
    assert seen >= {"ok", "soft-404", "redirected", "redirect-loop", "broken", "blocked"}
    assert by_default[-1][1:] == ("broken", None)  # the connection refused


def test_the_selector_watch_reports_epolls_bits_and_errors():
    watch = SelectorWatch()
    left, right = socket.socketpair()
    try:
        watch.register(left.fileno(), IN | OUT)
        assert watch.poll(1.0) == [(left.fileno(), OUT)]
        right.send(b"x")
        assert watch.poll(1.0) == [(left.fileno(), IN | OUT)]
        watch.modify(left.fileno(), IN)
        assert watch.poll(0.0) == [(left.fileno(), IN)]
        watch.unregister(left.fileno())
        assert watch.poll(0.0) == []
        with pytest.raises(OSError):
            watch.unregister(left.fileno())
    finally:
        watch.close()
        left.close()
        right.close()
