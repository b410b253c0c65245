"""Politeness measured by the servers: per-host and global limits, intervals, no stalls."""

from __future__ import annotations

import itertools
import threading
import time
from dataclasses import replace

import pytest
from loopback import ARTICLE, LoopbackServer

from spector_refs.check import LinkCheckConfig, check_links, checker
from spector_refs.check.scheduler import HostScheduler, HostSlot
from spector_refs.model import Verdict


class Meter:
    """Counts requests in flight across several servers and stamps their starts."""

    def __init__(self, latency: float):
        self.latency = latency
        self.lock = threading.Lock()
        self.in_flight = 0
        self.max_in_flight = 0
        self.starts: list[tuple[str, float]] = []

    def route(self, h) -> None:
        with self.lock:
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)
            self.starts.append((h.server.host, time.monotonic()))
        time.sleep(self.latency)
        with self.lock:
            self.in_flight -= 1
        h.send(200, ARTICLE)


@pytest.fixture
def world():
    servers = [LoopbackServer(f"127.0.0.{n}").start() for n in (1, 2, 3)]
    yield servers
    for server in servers:
        server.stop()


def config(**changes) -> LinkCheckConfig:
    base = {"allow_private": True, "per_host_interval": 0.0, "timeout": 5.0}
    return LinkCheckConfig(**{**base, **changes})


def test_per_host_limit_holds_on_the_server(server):
    server.latency = 0.1
    urls = [server.url(f"/page/{n}") for n in range(12)]
    started = time.monotonic()
    results = check_links(urls, config(concurrency=8, per_host=2))
    elapsed = time.monotonic() - started
    assert all(r.verdict is Verdict.OK for r in results)
    assert server.max_in_flight == 2
    assert elapsed >= 12 / 2 * 0.1 - 0.02


def test_global_limit_holds_across_hosts(world):
    meter = Meter(latency=0.1)
    urls = []
    for server in world:
        server.routes["/page/"] = meter.route
        urls += [server.url(f"/page/{n}") for n in range(6)]
    results = check_links(urls, config(concurrency=3, per_host=4))
    assert all(r.verdict is Verdict.OK for r in results)
    assert meter.max_in_flight == 3


def test_a_paused_check_that_asks_its_host_again_waits_for_a_place(world, monkeypatch):
    """A check gives its place back once its answer is in (its judging is CPU work), so the next
    check's request goes first; a soft-404 probe it then asks still counts against the global limit.

    Each host has one deep link, so its probe is asked after its page is judged, when the other
    host's request (0.2 s) is out and holds the one place.
    """
    lock = threading.Lock()
    seen = {"now": 0, "most": 0}

    def enter(server: LoopbackServer, handler: object) -> None:
        with lock:
            seen["now"] += 1
            seen["most"] = max(seen["most"], seen["now"])

    def leave(server: LoopbackServer) -> None:
        with lock:
            seen["now"] -= 1

    monkeypatch.setattr(LoopbackServer, "enter", enter)
    monkeypatch.setattr(LoopbackServer, "leave", leave)
    first, second, _ = world
    second.latency = 0.2
    urls = [first.url("/article"), second.url("/article")]
    with checker.LinkChecker(config(concurrency=1, per_host=1, soft_404_probe=True), processes=1) as run:
        results = run.check(urls)
    assert [r.verdict for r in results] == [Verdict.OK, Verdict.OK]
    assert seen == {"now": 0, "most": 1}


def test_a_busy_host_does_not_stall_the_others(world):
    """Grouped order (ten links to one site first) must not delay the other sites."""
    meter = Meter(latency=0.2)
    busy, quiet, other = world
    for server in world:
        server.routes["/page/"] = meter.route
    urls = [busy.url(f"/page/{n}") for n in range(10)] + [quiet.url("/page/a"), other.url("/page/b")]
    started = time.monotonic()
    check_links(urls, config(concurrency=4, per_host=1))
    first_start = {host: min(t for h, t in meter.starts if h == host) - started for host, _ in meter.starts}
    assert first_start[quiet.host] < 0.15 and first_start[other.host] < 0.15
    assert busy.max_in_flight == 1
    assert time.monotonic() - started < 10 * 0.2 * 1.3


def test_per_host_interval_spaces_request_starts(server, monkeypatch):
    """Turns on one host are the interval apart, and no request reaches the server before its turn.

    A turn is stamped by the scheduler's own clock as it grants it, so its
    spacing is exact. The server's arrival stamps come later by however long
    a loaded machine keeps either side from running: load only delays a
    request, never advances it, so arrivals are compared with their turns,
    not with each other (their gaps shrink whenever an earlier one is late).
    """
    meter = Meter(latency=0.0)
    server.routes["/page/"] = meter.route
    turns: list[float] = []
    take = HostScheduler._take

    def stamped(self: HostScheduler, host: str, now: float) -> None:
        turns.append(now)
        take(self, host, now)

    monkeypatch.setattr(HostScheduler, "_take", stamped)
    urls = [server.url(f"/page/{n}") for n in range(5)]
    check_links(urls, config(concurrency=5, per_host=5, per_host_interval=0.1, soft_404_probe=False))
    arrivals = sorted(t for _, t in meter.starts)
    gaps = [later - earlier for earlier, later in itertools.pairwise(turns)]
    assert len(turns) == len(arrivals) == 5
    assert min(gaps) >= 0.1 - 1e-9  # exact but for float rounding
    assert all(arrival >= turn for turn, arrival in zip(turns, arrivals, strict=True))


def test_scheduler_hands_out_free_hosts_first_and_ends():
    scheduler = HostScheduler([("a", 1), ("a", 2), ("b", 3)], per_host=1, interval=0.0)
    assert scheduler.next_job() == ("a", 1)
    assert scheduler.next_job() == ("b", 3)  # "a" is busy, so "b" goes first
    scheduler.release("a")
    assert scheduler.next_job() == ("a", 2)
    scheduler.release("a")
    scheduler.release("b")
    assert scheduler.next_job() is None


def test_a_redirect_hop_gives_up_its_slot_and_waits_for_its_host_until_the_deadline():
    scheduler = HostScheduler([("a", 1), ("b", 2)], per_host=1, interval=0.0)
    scheduler.next_job()
    scheduler.next_job()
    slot = HostSlot(scheduler, "a")
    assert slot.turn("b", deadline=time.monotonic() + 1) is None  # "b" is busy: wait for a release
    assert scheduler.in_flight("a") == 0  # the slot on "a" was given up first: no deadlock
    assert slot.turn("b", deadline=time.monotonic() - 1) is False  # "b" still busy at the deadline
    scheduler.release("b")
    assert slot.turn("b", deadline=time.monotonic() + 1) is True
    slot.close()
    assert scheduler.in_flight("b") == 0


def test_a_held_slot_books_its_next_request_one_interval_later():
    now = [10.0]
    scheduler = HostScheduler([("a", 1)], per_host=1, interval=0.5, clock=lambda: now[0])
    host, _ = scheduler.next_job() or ("", 0)
    slot = HostSlot(scheduler, host)
    assert slot.turn("a", deadline=20.0) is True  # the turn the job came with
    assert slot.turn("a", deadline=20.0) == 10.5
    assert slot.turn("a", deadline=20.0) == 11.0  # booked after the one before, not after now
    assert slot.turn("a", deadline=11.2) is False


def test_a_redirect_hop_waits_for_its_busy_host_and_goes_when_the_slot_is_freed(world):
    """The hop's request goes out once the check holding the target's one slot is done, never beside it."""
    target, other = world[0], world[1]

    def slow(h):
        time.sleep(0.3)
        h.send(200, ARTICLE)

    target.routes["/slow"] = slow
    other.routes["/hop"] = lambda h: h.redirect(302, target.url("/page/x"))
    started = time.monotonic()
    results = check_links([target.url("/slow"), other.url("/hop")], config(per_host=1, soft_404_probe=False))
    assert [r.verdict for r in results] == [Verdict.OK, Verdict.REDIRECTED]
    assert results[1].final_url == target.url("/page/x")
    assert target.max_in_flight == 1
    assert 0.3 <= time.monotonic() - started < 2


def test_back_off_holds_every_request_to_the_host():
    now = [0.0]
    scheduler = HostScheduler([("a", 1), ("a", 2)], per_host=2, interval=0.0, clock=lambda: now[0])
    scheduler.next_job()
    scheduler.back_off("a", 0.3)
    assert scheduler.next_job() is None
    assert scheduler.next_due() == 0.3
    now[0] = 0.3
    assert scheduler.next_job() == ("a", 2)


def test_the_host_slot_is_free_while_a_check_waits_on_blocking_work(server, loopback_config, monkeypatch):
    """A check gives its host slot up after its last request: with one slot, the host's next request
    starts while the first check still waits for its Wayback Machine lookup."""
    second = threading.Event()
    server.routes["/page/1"] = lambda h: h.send(404, b"gone")
    server.routes["/page/2"] = lambda h: (second.set(), h.send(200, ARTICLE))
    waited: list[bool] = []

    def lookup(_: object) -> None:  # with the slot still held, the second request could never come
        waited.append(second.wait(5))

    monkeypatch.setattr(checker, "_lookup_archive", lookup)
    config = replace(loopback_config, per_host=1, concurrency=2, soft_404_probe=False, archive_lookup=True)
    results = check_links([server.url("/page/1"), server.url("/page/2")], config)
    assert [r.verdict for r in results] == [Verdict.BROKEN, Verdict.OK]
    assert waited == [True]
    assert server.max_in_flight == 1


def test_the_loops_idle_work_runs_step_by_step_once_the_first_requests_are_out(world, monkeypatch):
    """``judging_steps`` (the judging half's imports) run while the first wave travels: each once, in
    order, after every request of the wave reached its server (the loop asked nothing of them before),
    and before any answer came back; the checks that follow are judged as ever."""
    meter = Meter(latency=0.4)
    for server in world:
        server.routes["/page/"] = meter.route
    urls = [server.url(f"/page/{n}") for server in world for n in range(4)]
    wave = len(world) * 2  # per_host 2 on each server
    seen: list[tuple[str, int, float]] = []
    started = time.monotonic()

    def step(name: str) -> None:
        until = time.monotonic() + meter.latency / 2  # the server's thread may not have counted it yet
        while len(meter.starts) < wave and time.monotonic() < until:
            time.sleep(0.005)
        seen.append((name, len(meter.starts), time.monotonic() - started))

    monkeypatch.setattr(checker, "judging_steps", lambda *, titled: [lambda: step("a"), lambda: step("b")])
    with checker.LinkChecker(config(concurrency=8, per_host=2, soft_404_probe=False), processes=1) as run:
        results = run.check(urls)
    assert [r.verdict for r in results] == [Verdict.OK] * len(urls)
    assert [(name, requests) for name, requests, _ in seen] == [("a", wave), ("b", wave)]
    assert seen[-1][2] < meter.latency, "the idle work waited for an answer"
