"""Worker processes: hosts dealt out whole, politeness kept, results and failures come home."""

from __future__ import annotations

import json
import os
import select
import signal
import subprocess
import sys
import threading
import time
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from loopback import ARTICLE, LoopbackServer

from spector_refs.check import LinkChecker
from spector_refs.check.workers import (
    BATCH,
    BATCH_DELAY,
    MIN_JOBS_PER_PROCESS,
    Channel,
    Outbox,
    WorkerProcessError,
    channel_pair,
    deal_jobs,
    die_with_parent,
    host_shares,
    process_count,
    watch_lifeline,
)
from spector_refs.model import Verdict

pytestmark = pytest.mark.skipif(not hasattr(os, "fork"), reason="worker processes need fork")


def test_hosts_are_dealt_out_whole_balanced_and_in_input_order():
    jobs = [(f"h{n % 5}", n) for n in range(5 * 12)] + [("big", n) for n in range(100, 140)]
    shares = host_shares(jobs, 3)
    owners = [{host for host, _ in share} for share in shares]
    assert sum(len(hosts) for hosts in owners) == 6  # no host in two shares
    assert sorted(job for share in shares for _, job in share) == sorted(job for _, job in jobs)
    assert all([job for _, job in share] == sorted(job for _, job in share) for share in shares)
    sizes = sorted(len(share) for share in shares)
    assert sizes[-1] - sizes[0] <= 40  # the biggest host bounds the imbalance


@pytest.mark.parametrize(
    ("jobs", "concurrency", "wanted", "expected"),
    [
        pytest.param([("a", 1)] * 1000, 64, 4, 1, id="one-host-one-process"),
        pytest.param([("a", 1), ("b", 2)], 64, None, 1, id="small-run-stays-in-process"),
        pytest.param([(f"h{n % 9}", n) for n in range(100)], 64, 4, 4, id="asked-for"),
        pytest.param([(f"h{n % 9}", n) for n in range(100)], 2, 4, 2, id="at-most-the-concurrency"),
    ],
)
def test_process_count(jobs, concurrency, wanted, expected):
    assert process_count(jobs, concurrency, wanted) == expected


def test_one_host_is_split_only_as_far_as_its_limit_allows():
    jobs = [("a", n) for n in range(1000)]
    assert process_count(jobs, 64, 4, splittable=128) == 4
    assert process_count(jobs, 64, 4, splittable=2) == 2
    assert process_count(jobs, 64, 4, splittable=1) == 1  # a per-host interval: one clock, one process


def test_few_hosts_are_dealt_to_every_process_with_a_part_of_the_limit_each():
    jobs = [("a", n) for n in range(10)]
    shares, each = deal_jobs(jobs, 2, per_host=5)
    assert each == 2  # 2 + 2 <= 5: the host never sees more than its limit
    assert [[job for _, job in share] for share in shares] == [[0, 2, 4, 6, 8], [1, 3, 5, 7, 9]]
    many = [(f"h{n % 4}", n) for n in range(8)]
    assert deal_jobs(many, 2, per_host=5) == (host_shares(many, 2), 5)  # enough hosts: whole ones


def test_automatic_count_needs_enough_jobs_per_process():
    jobs = [(f"h{n % 9}", n) for n in range(MIN_JOBS_PER_PROCESS * 2)]
    assert process_count(jobs[: MIN_JOBS_PER_PROCESS - 1], 64, None) == 1
    cores = len(os.sched_getaffinity(0)) if sys.platform.startswith("linux") else 1  # automatic on Linux only
    assert process_count(jobs, 64, None) == min(2, cores)


@pytest.fixture
def two_hosts():
    servers = [LoopbackServer(f"127.0.0.{n}", latency=0.05).start() for n in (2, 3)]
    for server in servers:
        server.routes["/page/"] = lambda h: h.send(200, ARTICLE)
    yield servers
    for server in servers:
        server.stop()


def _pid_clock(log: Path):
    """A clock that notes which process asked it the time."""

    def clock() -> datetime:
        with log.open("a") as out:
            out.write(f"{os.getpid()}\n")
        return datetime(2024, 5, 1, 12, 0, tzinfo=UTC)

    return clock


def test_worker_processes_check_each_host_politely_and_the_parent_records(
    two_hosts, loopback_config, tmp_path
):
    urls = [server.url(f"/page/{n}") for n in range(8) for server in two_hosts] + [two_hosts[0].url("/gone")]
    log = tmp_path / "pids"
    config = replace(loopback_config, cache_path=str(tmp_path / "c.sqlite3"))
    with LinkChecker(config, clock=_pid_clock(log), processes=2) as checker:
        results = checker.check(urls)
        again = checker.cache.history(urls[-1]) if checker.cache else ()
    assert [result.url for result in results] == urls
    assert [result.verdict for result in results] == [Verdict.OK] * 16 + [Verdict.BROKEN]
    assert all(server.max_in_flight <= loopback_config.per_host for server in two_hosts)
    assert len(set(log.read_text().split()) - {str(os.getpid())}) == 2  # two children checked
    assert [record.verdict for record in again] == [Verdict.BROKEN]  # recorded by the parent


def test_one_host_shared_by_two_processes_still_sees_at_most_its_limit(loopback_config, tmp_path):
    with LoopbackServer("127.0.0.2", latency=0.05) as server:
        server.routes["/page/"] = lambda h: h.send(200, ARTICLE)
        urls = [server.url(f"/page/{n}") for n in range(24)]
        log = tmp_path / "pids"
        config = replace(loopback_config, per_host=4)
        with LinkChecker(config, clock=_pid_clock(log), processes=2) as checker:
            results = checker.check(urls)
        probes = [path for _, path, _ in server.requests if not path.startswith("/page/")]
    assert [result.verdict for result in results] == [Verdict.OK] * 24
    assert server.max_in_flight <= 4
    assert len(set(log.read_text().split()) - {str(os.getpid())}) == 2
    assert len(probes) == 1  # asked by the parent for both, not once by each process


def test_processes_sharing_a_host_do_not_wait_for_its_probe_to_start(loopback_config):
    """The parent asks the probe while the processes fetch: a page is asked before the probe is answered.

    The probe's answer waits for the first page request (up to 4 s, within
    the probe's 5 s timeout), so a checker that held its pages back for the
    probe fails however loaded the machine, and one that does not passes
    as soon as a worker asks.
    """
    answered: list[float] = []
    asked: list[float] = []
    page_asked = threading.Event()

    class SlowProbe(LoopbackServer):
        def prefix_route(self, path):  # type: ignore[no-untyped-def]
            if path.startswith("/page/"):
                asked.append(time.monotonic())
                page_asked.set()
                return lambda h: h.send(200, ARTICLE)

            def made_up(h):  # type: ignore[no-untyped-def]
                page_asked.wait(4.0)
                answered.append(time.monotonic())
                h.send(404, b"gone")

            return made_up

    with SlowProbe("127.0.0.2", routes={}) as server:
        urls = [server.url(f"/page/{n}") for n in range(12)]
        config = replace(loopback_config, per_host=4, timeout=5.0, deadline=8.0)
        with LinkChecker(config, processes=2) as checker:
            results = checker.check(urls)
        assert server.max_in_flight <= 4
    assert [result.verdict for result in results] == [Verdict.OK] * 12
    assert len(answered) == 1 and min(asked) < answered[0]


def _ready(reader: Channel, timeout: float) -> bool:
    return bool(select.select([reader], [], [], timeout)[0])


def test_finished_checks_go_to_the_parent_in_batches_and_never_wait_long():
    reader, writer = channel_pair()
    outbox = Outbox(writer)
    outbox.put(0, "first", True)
    assert _ready(reader, 1.0) and reader.recv() == [(0, "first", True)]  # alone, sent after BATCH_DELAY
    for index in range(1, BATCH + 1):
        outbox.put(index, "r", False)
    assert _ready(reader, BATCH_DELAY / 2) and len(reader.recv()) == BATCH  # a full batch goes at once
    outbox.close(None)
    assert reader.recv() is None
    with pytest.raises(EOFError):  # nothing after the last word
        reader.recv()


def test_a_channel_carries_messages_bigger_than_the_pipe_whole():
    """A batch with page text can exceed the pipe's 64 KiB: the writer's thread sends it in parts."""
    reader, writer = channel_pair()
    big = ["x" * 300_000, list(range(50_000))]
    sender = threading.Thread(target=writer.send, args=(big,))
    sender.start()
    assert reader.recv() == big
    sender.join()
    writer.close()
    with pytest.raises(EOFError):
        reader.recv()


_WAITING_RECEIVER = """
import sys, threading, time
from spector_refs.check.workers import channel_pair

reader, writer = channel_pair()
received = []
waiting = threading.Thread(target=lambda: received.append(reader.recv()))
waiting.start()
time.sleep(0.2)
print("pickle" in sys.modules)
writer.send({"probe": "answer"})
waiting.join(10)
print(received)
"""


def test_a_receiver_loads_pickle_when_its_first_message_comes_not_while_it_waits():
    """A worker's thread that waits for the parent's messages from its start (``_listen``) took the
    interpreter lock to import pickle before its process's first request: it waits in the read now."""
    result = subprocess.run(
        [sys.executable, "-c", _WAITING_RECEIVER], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == ["False", "[{'probe': 'answer'}]"]


def test_a_failing_worker_process_raises_in_the_parent(two_hosts, loopback_config):
    parent = os.getpid()

    def clock() -> datetime:
        if os.getpid() != parent:
            raise RuntimeError("clock broke in the child")
        return datetime(2024, 5, 1, 12, 0, tzinfo=UTC)

    urls = [server.url(f"/page/{n}") for n in range(2) for server in two_hosts]
    with (
        LinkChecker(loopback_config, clock=clock, processes=2) as checker,
        pytest.raises(WorkerProcessError, match="clock broke in the child"),
    ):
        checker.check(urls)


_CHILD_IMPORTS = """
import json, os, sys
from datetime import UTC, datetime
from spector_refs.check import LinkCheckConfig, LinkChecker
from spector_refs.check.checker import load_judging

def clock():
    if os.getpid() != parent:
        with open(sys.argv[1], "a") as log:
            log.write(json.dumps(sorted(sys.modules)) + "\\n")
    return datetime(2024, 5, 1, 12, 0, tzinfo=UTC)

parent = os.getpid()
config = LinkCheckConfig(
    allow_private=True, timeout=1.0, connect_timeout=1.0, per_host_interval=0.0, per_host=3
)
with LinkChecker(config, clock=clock, processes=2) as checker:
    checker.check(sys.argv[2:])
print(json.dumps(sorted(sys.modules)))
before = set(sys.modules)
load_judging(titled=False)
print(json.dumps(sorted(set(sys.modules) - before)))
"""


@pytest.mark.parametrize(
    ("hosts", "named"), [(2, False), (1, False), (2, True)], ids=["a-host-each", "one-host-shared", "a-name"]
)
def test_worker_processes_find_what_their_requests_import_already_loaded(two_hosts, tmp_path, hosts, named):
    """``load_for_children``: a fresh parent whose checks all run in its children still loads, before
    the fork, everything those checks import on their way to the first request (each child imported
    the IDNA codec and ctypes itself); only the judging half, which each child
    loads while its first requests are out (``load_judging``), is left to them. A parent that asks
    the soft-404 probe of a host its children share loads none of it either when the probe is
    answered 404 (``_chase_made_up``). The title checks are loaded by no process: no URL has a title.
    The IDNA codec is loaded only for a host name to look up (``localhost``), not for numeric hosts."""
    log = tmp_path / "child-modules"
    urls = [
        server.url(f"/page/{n}", "localhost" if named and server is two_hosts[0] else None)
        for n in range(3)
        for server in two_hosts[:hosts]
    ]
    result = subprocess.run(
        [sys.executable, "-c", _CHILD_IMPORTS, str(log), *urls], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    parent, judging = (set(json.loads(line)) for line in result.stdout.splitlines()[-2:])
    children = [set(json.loads(line)) for line in log.read_text().splitlines()]
    assert len(children) == len(urls)
    assert ("encodings.idna" in parent) is named
    assert {"lxml.etree", "spector_refs.check.verdict"} <= judging
    assert not judging & parent, "the parent, which judges no page here, loaded the judging half"
    assert "spector_refs.check.titles" not in parent | judging | set().union(*children)
    assert all(child <= parent | judging for child in children), [
        sorted(child - parent - judging) for child in children
    ]


_TWO_RUNS = """
import json, os, sys
from datetime import UTC, datetime
from spector_refs.check import LinkCheckConfig, LinkChecker

def clock():
    if os.getpid() != parent:
        with open(sys.argv[1], "a") as log:
            log.write(json.dumps([run, sorted(sys.modules)]) + "\\n")
    return datetime(2024, 5, 1, 12, 0, tzinfo=UTC)

parent = os.getpid()
config = LinkCheckConfig(allow_private=True, timeout=1.0, connect_timeout=1.0, per_host_interval=0.0)
for run in (1, 2):
    with LinkChecker(config, clock=clock, processes=2) as checker:
        checker.check(sys.argv[2:])
    print(json.dumps(sorted(sys.modules)))
"""


def test_a_process_that_checks_in_worker_processes_again_loads_the_judging_half_for_them(two_hosts, tmp_path):
    """``_load_judging_for_workers``: the first run leaves the judging half to its workers (a command line
    never loads it itself); a second run loads it once before forking, and its workers import nothing."""
    log = tmp_path / "child-modules"
    urls = [server.url(f"/page/{n}") for n in range(2) for server in two_hosts]
    result = subprocess.run(
        [sys.executable, "-c", _TWO_RUNS, str(log), *urls], capture_output=True, text=True, timeout=60
    )
    assert result.returncode == 0, result.stderr
    after_first, after_second = (set(json.loads(line)) for line in result.stdout.splitlines()[-2:])
    children = [(run, set(modules)) for run, modules in map(json.loads, log.read_text().splitlines())]
    assert "spector_refs.check.verdict" not in after_first
    assert "spector_refs.check.verdict" in after_second
    assert all("lxml.etree" in modules for _, modules in children)
    assert all(modules <= after_second for run, modules in children if run == 2), (
        "a second run's worker imported"
    )
    assert not all(modules <= after_first for run, modules in children if run == 1)


def test_the_probes_expect_the_same_first_url_per_origin_from_one_url_per_authority():
    """``_first_per_authority``: a shared host's probe is told the same URL as when every URL was split."""
    from spector_refs.check.checker import _first_per_authority
    from spector_refs.check.probe import HostProbes

    urls = [
        "http://Example.org/a",
        "https://example.org/b",
        "http://example.org/c",
        "http://user@example.org/d",
        "http://example.org:8080/e",
        "https://EXAMPLE.org/f",
        "http://other.example/g?x=1",
        "http://other.example",
    ]
    few = _first_per_authority(urls)
    assert few == [urls[0], urls[1], urls[2], urls[3], urls[4], urls[5], urls[6]]
    assert HostProbes(wait=1.0).expect(few) == HostProbes(wait=1.0).expect(urls)


def test_a_forked_worker_ends_as_soon_as_its_parents_end_of_the_lifeline_closes():
    """``watch_lifeline`` (where there is no ``PR_SET_PDEATHSIG``): the parent's end closing, as the
    kernel closes it when the parent dies, ends the child."""
    lifeline, held = os.pipe()
    child = os.fork()
    if child == 0:
        os.close(held)
        watch_lifeline(lifeline)
        time.sleep(30)
        os._exit(0)
    os.close(lifeline)
    started = time.monotonic()
    os.close(held)
    _, status = os.waitpid(child, 0)
    assert os.waitstatus_to_exitcode(status) == 1
    assert time.monotonic() - started < 5


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_SET_PDEATHSIG is Linux's")
def test_a_forked_worker_is_killed_with_its_parent():
    """``die_with_parent``: a worker whose parent is killed with SIGKILL is killed at once by the kernel."""
    report, tell = os.pipe()
    middle = os.fork()
    if middle == 0:  # the parent that dies: it forks the worker, reports its pid and waits to be killed
        lifeline, _ = os.pipe()  # the worker's; only the signal is tested
        worker = os.fork()
        if worker == 0:
            die_with_parent(os.getppid(), lifeline)
            time.sleep(30)
            os._exit(0)
        os.write(tell, str(worker).encode())
        time.sleep(30)
        os._exit(0)
    os.close(tell)
    worker = int(os.read(report, 32))
    time.sleep(0.2)  # the worker has asked for the signal by now
    os.kill(middle, signal.SIGKILL)
    os.waitpid(middle, 0)
    deadline = time.monotonic() + 5
    while _alive(worker) and time.monotonic() < deadline:
        time.sleep(0.01)
    assert not _alive(worker)


def _alive(pid: int) -> bool:
    """Whether ``pid`` still runs (a zombie waiting for init to reap it does not)."""
    try:
        with open(f"/proc/{pid}/stat") as stat:
            return stat.read().rsplit(")", 1)[1].split()[0] != "Z"
    except FileNotFoundError:
        return False
