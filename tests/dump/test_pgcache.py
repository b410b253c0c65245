"""The PostgreSQL link history behaves as the SQLite one, and holds under concurrent writers.

Against a real server started by the ``postgres_url`` fixture (skipped
visibly without PostgreSQL, failed under ``CI=true``).
"""

from __future__ import annotations

import multiprocessing
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from datetime import UTC, datetime, timedelta
from pathlib import Path

import psycopg
import pytest
from loopback import LoopbackServer, status_route

from spector_refs.check.cache import LinkHistory, open_cache
from spector_refs.check.checker import LinkChecker
from spector_refs.check.config import LinkCheckConfig
from spector_refs.errors import ConfigError
from spector_refs.model import LinkResult, Verdict

WRITERS, ROUNDS, URLS = 4, 25, 5


@pytest.fixture(params=["sqlite", "postgresql"])
def location(request: pytest.FixtureRequest, tmp_path: Path) -> str:
    if request.param == "sqlite":
        return str(tmp_path / "links.sqlite3")
    return request.getfixturevalue("fresh_postgres")


def _result(url: str, verdict: Verdict, at: str, text: str | None = None) -> LinkResult:
    return LinkResult(
        url, verdict, "test", status_code=200 if verdict is Verdict.OK else 404, checked_at=at, text=text
    )


def test_history_and_latest_results(location: str) -> None:
    cache: LinkHistory = open_cache(location)
    try:
        cache.record(_result("https://a.example/", Verdict.BROKEN, "2024-05-01T00:00:00Z"))
        cache.record(_result("https://a.example/", Verdict.OK, "2024-05-03T00:00:00Z", text="the page"))
        cache.record(_result("https://b.example/", Verdict.EXCLUDED, "2024-05-03T00:00:00Z"))  # not recorded
        assert [r.verdict for r in cache.history("https://a.example/")] == [Verdict.BROKEN, Verdict.OK]
        found = cache.fresh(["https://a.example/", "https://b.example/"], since="2024-05-02T00:00:00Z")
        assert list(found) == ["https://a.example/"]
        latest = found["https://a.example/"]
        assert (latest.verdict, latest.text, latest.from_cache) == (Verdict.OK, "the page", True)
        assert [h.verdict for h in latest.history] == [Verdict.BROKEN]
        assert cache.fresh(["https://a.example/"], since="2024-05-04T00:00:00Z") == {}
    finally:
        cache.close()


def test_dead_after_three_failures_over_three_days(location: str) -> None:
    days = iter(range(10))
    start = datetime(2024, 5, 1, tzinfo=UTC)
    clock: Callable[[], datetime] = lambda: start + timedelta(days=next(days))  # noqa: E731
    routes = {"/gone": status_route(410)}
    with LoopbackServer("127.0.0.1", routes=routes) as server:
        config = LinkCheckConfig(allow_private=True, cache_path=location, max_age=0, timeout=2.0)
        verdicts = []
        for _ in range(4):
            with LinkChecker(config, clock=clock) as checker:
                (result,) = checker.check([server.url("/gone")])
            verdicts.append((result.verdict, result.dead))
    assert verdicts == [(Verdict.BROKEN, False)] * 3 + [(Verdict.BROKEN, True)]


def _write(location: str, writer: int) -> None:
    """One concurrent writer: every URL, every round, with its own timestamps."""
    cache = open_cache(location)
    try:
        for round_ in range(ROUNDS):
            for n in range(URLS):
                at = f"2024-05-01T00:{round_:02d}:{writer:02d}Z"
                cache.record(_result(f"https://site{n}.example/", Verdict.OK, at, text=f"writer {writer}"))
    finally:
        cache.close()


def test_concurrent_writers_lose_no_check_and_keep_the_latest(fresh_postgres: str) -> None:
    open_cache(fresh_postgres).close()
    with ProcessPoolExecutor(WRITERS, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_write, [fresh_postgres] * WRITERS, range(WRITERS)))
    cache = open_cache(fresh_postgres)
    try:
        latest = cache.fresh([f"https://site{n}.example/" for n in range(URLS)], since="")
        assert {r.checked_at for r in latest.values()} == {
            f"2024-05-01T00:{ROUNDS - 1:02d}:{WRITERS - 1:02d}Z"
        }
        assert {r.text for r in latest.values()} == {f"writer {WRITERS - 1}"}
        assert all(len(r.history) == WRITERS * ROUNDS - 1 for r in latest.values())
    finally:
        cache.close()


def test_concurrent_first_opens_create_the_tables_once(fresh_postgres: str) -> None:
    with ProcessPoolExecutor(WRITERS, mp_context=multiprocessing.get_context("spawn")) as pool:
        list(pool.map(_open_and_close, [fresh_postgres] * WRITERS))
    with psycopg.connect(fresh_postgres) as db:
        assert db.execute("SELECT count(*) FROM cache_meta").fetchone() == (1,)


def _open_and_close(location: str) -> None:
    open_cache(location).close()


def test_an_unreachable_server_is_a_config_error_without_the_password() -> None:
    with pytest.raises(ConfigError, match="cannot use postgresql://spector@/nothing") as caught:
        open_cache("postgresql://spector:secret@/nothing?host=/nonexistent-socket-dir")
    assert "secret" not in str(caught.value)
