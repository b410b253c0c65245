"""The SQLite link cache: reuse under max-age, history, dead only after days of failures."""

from __future__ import annotations

import sqlite3
import threading
import time
import zlib
from dataclasses import replace
from datetime import UTC, datetime, timedelta

import pytest

from spector_refs.check import LinkCheckConfig, LinkChecker
from spector_refs.check.cache import LinkCache, is_dead
from spector_refs.errors import ConfigError
from spector_refs.model import CheckRecord, LinkResult, Verdict


class Clock:
    """A settable UTC clock, so days can pass in a test."""

    def __init__(self) -> None:
        self.now = datetime(2024, 5, 1, 12, 0, tzinfo=UTC)

    def __call__(self) -> datetime:
        return self.now

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


@pytest.fixture
def clock() -> Clock:
    return Clock()


@pytest.fixture
def cached_config(loopback_config, tmp_path) -> LinkCheckConfig:
    return LinkCheckConfig(**{**loopback_config.__dict__, "cache_path": str(tmp_path / "links.sqlite3")})


def run(config, clock, urls):
    with LinkChecker(config, clock=clock) as checker:
        return checker.check(urls)


def test_a_fresh_result_is_reused_without_a_request(server, cached_config, clock):
    [first] = run(cached_config, clock, [server.url("/article")])
    clock.advance(hours=1)
    [second] = run(cached_config, clock, [server.url("/article")])
    assert server.count("/article") == 1
    assert second.from_cache and not first.from_cache
    assert second.verdict is Verdict.OK and second.checked_at == first.checked_at
    assert second.text == first.text and "288 people" in second.text


def test_a_bare_link_check_leaves_the_cached_page_text_unread(server, cached_config, clock):
    """``keep_text=False`` (``spector-refs links``) reads no page text back; the cache keeps it."""
    run(cached_config, clock, [server.url("/article")])
    with LinkChecker(cached_config, clock=clock, keep_text=False) as checker:
        [bare] = checker.check([server.url("/article")])
    [full] = run(cached_config, clock, [server.url("/article")])
    assert bare.from_cache and full.from_cache and server.count("/article") == 1
    assert bare.text is None and "288 people" in (full.text or "")
    assert bare == replace(full, text=None)


@pytest.mark.parametrize("text", [True, False])
def test_fresh_reads_every_batch_with_or_without_the_page_text(tmp_path, text):
    """More URLs than one query binds (400): every batch comes back, with text only when asked."""
    cache = LinkCache(tmp_path / "links.sqlite3")
    urls = [f"https://example.org/{n}" for n in range(450)]
    for url in urls:
        cache.record(LinkResult(url, Verdict.OK, "HTTP 200", checked_at="2024-05-01T12:00:00Z", text=url))
    found = cache.fresh(urls, since="2024-05-01T00:00:00Z", text=text)
    cache.close()
    assert sorted(found) == sorted(urls)
    assert all(result.text == (url if text else None) for url, result in found.items())


def test_a_batch_is_recorded_together_and_every_history_comes_back(tmp_path):
    """``record_all`` writes a worker process's batch at once; ``histories`` reads past one query's 400."""
    cache = LinkCache(tmp_path / "links.sqlite3")
    urls = [f"https://example.org/{n}" for n in range(450)]
    first = [LinkResult(url, Verdict.BROKEN, "HTTP 404", checked_at="2024-05-01T12:00:00Z") for url in urls]
    cache.record_all(first)
    cache.record_all(
        [replace(result, verdict=Verdict.OK, checked_at="2024-05-02T12:00:00Z") for result in first[:2]]
        + [LinkResult(urls[2], Verdict.EXCLUDED, "excluded", checked_at="2024-05-02T12:00:00Z")]
    )
    histories = cache.histories([*urls, "https://example.org/never"])
    cache.close()
    assert sorted(histories) == sorted(urls)
    assert [record.verdict for record in histories[urls[0]]] == [Verdict.BROKEN, Verdict.OK]
    assert [record.verdict for record in histories[urls[2]]] == [Verdict.BROKEN]  # excluded: not recorded


def test_page_text_stored_at_any_compression_level_reads_back(tmp_path):
    """Caches written with zlib's default level (before PAGE_COMPRESSION) keep their page text."""
    cache = LinkCache(tmp_path / "links.sqlite3")
    text = "Operation SpecTor: 288 arrests in nine countries. " * 400
    url = "https://example.org/a"
    cache.record(LinkResult(url, Verdict.OK, "HTTP 200", checked_at="2024-05-01T12:00:00Z", text=text))
    cache.close()
    with sqlite3.connect(tmp_path / "links.sqlite3") as db:
        db.execute("UPDATE results SET page = ?", (zlib.compress(text.encode("utf-8"), 9),))
    cache = LinkCache(tmp_path / "links.sqlite3")
    found = cache.fresh([url], since="2024-05-01T00:00:00Z")
    cache.close()
    assert found[url].text == text


def test_an_old_result_is_checked_again_and_history_grows(server, cached_config, clock):
    run(cached_config, clock, [server.url("/article")])
    clock.advance(days=2)
    [again] = run(cached_config, clock, [server.url("/article")])
    assert server.count("/article") == 2
    assert not again.from_cache
    assert again.history == (CheckRecord("2024-05-01T12:00:00Z", Verdict.OK, 200),)
    assert again.checked_at == "2024-05-03T12:00:00Z"


def test_max_age_zero_always_checks(server, cached_config, clock):
    config = LinkCheckConfig(**{**cached_config.__dict__, "max_age": 0})
    run(config, clock, [server.url("/article")])
    run(config, clock, [server.url("/article")])
    assert server.count("/article") == 2


def test_dead_only_after_failures_spread_over_the_period(server, cached_config, clock):
    """3 failures over 3 days (the defaults): a first failure is only failing."""
    config = LinkCheckConfig(**{**cached_config.__dict__, "max_age": 0})
    url = server.url("/gone")
    verdicts = []
    for _ in range(3):
        [result] = run(config, clock, [url])
        verdicts.append((result.verdict, result.dead, len(result.history)))
        clock.advance(days=1)
    [result] = run(config, clock, [url])
    verdicts.append((result.verdict, result.dead, len(result.history)))
    assert verdicts == [
        (Verdict.BROKEN, False, 0),
        (Verdict.BROKEN, False, 1),
        (Verdict.BROKEN, False, 2),
        (Verdict.BROKEN, True, 3),
    ]


def test_many_failures_in_one_day_are_not_dead(server, cached_config, clock):
    config = LinkCheckConfig(**{**cached_config.__dict__, "max_age": 0})
    for _ in range(5):
        [result] = run(config, clock, [server.url("/gone")])
        clock.advance(hours=1)
    assert result.verdict is Verdict.BROKEN and not result.dead
    assert len(result.history) == 4


def test_a_success_resets_the_failure_streak():
    def at(day: int, verdict: Verdict) -> CheckRecord:
        return CheckRecord(f"2024-05-{day:02d}T00:00:00Z", verdict)

    failing = [at(1, Verdict.BROKEN), at(2, Verdict.BROKEN), at(5, Verdict.BROKEN)]
    assert is_dead(failing, failures=3, days=3)
    assert not is_dead([*failing[:2], at(3, Verdict.OK), failing[2]], failures=3, days=3)
    # blocked and rate-limited checks say nothing either way
    assert is_dead([failing[0], at(2, Verdict.BLOCKED), failing[1], failing[2]], failures=3, days=3)
    assert not is_dead([*failing, at(6, Verdict.OK)], failures=3, days=3)


def test_network_unavailable_is_never_recorded(cached_config, clock, fake_dns):
    def offline(host, *args, **kwargs):
        import socket

        raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")

    with LinkChecker(cached_config, clock=clock, getaddrinfo=offline) as checker:
        [result] = checker.check(["https://example.org/"])
    assert result.verdict is Verdict.NETWORK_UNAVAILABLE
    assert LinkCache(cached_config.cache_path).history("https://example.org/") == ()


def test_each_check_is_committed_at_once(server, cached_config, clock):
    """Another connection sees the rows while the run is still going (crash safety).

    The second request goes out as soon as the first answer is in, before that check is judged and
    recorded (its place is given back at once), so the server looks until the row is there.
    """
    seen = []

    def look(h):
        until = time.monotonic() + 5
        with sqlite3.connect(cached_config.cache_path) as db:
            while not (rows := db.execute("SELECT url FROM checks").fetchall()) and time.monotonic() < until:
                time.sleep(0.01)
            seen.append(rows)
        h.send(200, b"<title>late</title>")

    server.routes["/late"] = look
    config = LinkCheckConfig(**{**cached_config.__dict__, "concurrency": 1})
    run(config, clock, [server.url("/article"), server.url("/late")])
    assert seen == [[(server.url("/article"),)]]


def test_concurrent_runs_share_the_file(server, cached_config, clock):
    urls = [server.url(f"/page/{n}") for n in range(20)]
    errors = []

    def one_run(part):
        try:
            run(cached_config, clock, part)
        except Exception as exc:  # pragma: no cover - the assertion below reports it
            errors.append(exc)

    threads = [threading.Thread(target=one_run, args=(urls[i::2],)) for i in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert errors == []
    cache = LinkCache(cached_config.cache_path)
    assert all(cache.latest(url).verdict is Verdict.OK for url in urls)


def test_opening_a_cache_of_this_version_writes_nothing(tmp_path):
    """A run that only reads the cache (a warm re-run) starts no write-ahead log for ``close``
    to checkpoint: writing the schema version at each open cost ~10 ms of disk waits at each end."""
    path = tmp_path / "links.sqlite3"
    LinkCache(path).close()
    cache = LinkCache(path)
    log = path.with_name(path.name + "-wal")
    assert not log.exists() or log.stat().st_size == 0
    assert cache.latest("https://example.org/") is None
    cache.close()
    with sqlite3.connect(path) as db:
        assert db.execute("PRAGMA user_version").fetchone() == (1,)


def test_a_cache_of_an_unknown_version_is_a_config_error(tmp_path):
    path = tmp_path / "links.sqlite3"
    with sqlite3.connect(path) as db:
        db.execute("PRAGMA user_version=7")
    with pytest.raises(ConfigError, match="unknown cache schema version 7"):
        LinkCache(path)


def test_a_file_that_is_not_a_database_is_a_config_error(tmp_path):
    path = tmp_path / "links.sqlite3"
    path.write_bytes(b"this is not sqlite" * 100)
    with pytest.raises(ConfigError, match="cache-path"):
        LinkCache(path)
