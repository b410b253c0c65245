"""Which HTTP client the link checker should use: CPU per request, side by side, on one loopback world.

Issue 13 keeps requests as the link checker's client "unless you measure that
something else wins by a wide margin". This measures it. Every client does
what the checker needs of one request: a keep-alive GET with the checker's
headers, the status and headers, and the body read in full; the servers are
``benchmarks/links.py``'s asyncio world, in its own process, so their CPU is
not counted. Clients:

* ``requests``: the link checker's own :class:`~spector_refs.check.http.Fetcher`
  (``Session.send`` of a once-prepared request, pinned connections, retries,
  deadline guard, capped streamed body), as ``spector-refs links`` runs it;
* ``urllib3``: the same pinned pool manager and ``Retry`` under requests,
  called directly (``urlopen``, streamed ``read1``), i.e. what a transport
  without requests would keep;
* ``urllib3-bare``: a plain ``HTTPConnectionPool`` with defaults, the floor for urllib3;
* ``http.client``: one ``HTTPConnection`` per host kept alive, no retries;
* ``pycurl``: one reused ``Curl`` handle (libcurl), when pycurl is importable.

Two modes, each over ``--rounds`` interleaved rounds (median reported, and
each client's ratio to ``requests`` in the same round):

* ``serial``: one thread, one host, no latency, ``--requests`` requests:
  the client's own CPU per request;
* ``threads``: the ``hosts`` scenario's shape (20 hosts × 40 URLs, 50 ms,
  64 threads each with its own client): CPU per request with the GIL contended.

    /work/venv/bin/python benchmarks/http_clients.py [--rounds 5] [--requests 2000]
"""

from __future__ import annotations

import argparse
import io
import queue
import resource
import statistics
import sys
import threading
import time
from collections.abc import Callable
from pathlib import Path
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from links import with_world, world_urls

from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.safety import HostResolver

Fetch = Callable[[str], tuple[int, int]]
"""``fetch(url)`` → (status, body length): one request, body read."""
CONFIG = LinkCheckConfig(allow_private=True, per_host_interval=0.0)


class _AnySlot:
    """A host slot that always grants the turn: the scheduler is not what is measured here."""

    def before_request(self, host: str, deadline: float) -> bool:
        return True

    def back_off(self, seconds: float) -> None:
        """Nothing to hold."""


def _resolver(bases: list[str]) -> HostResolver:
    resolver = HostResolver(allow_private=True)
    for base in bases:
        resolver.resolve(urlsplit(base).hostname or "")
    return resolver


def requests_client(resolver: HostResolver) -> Fetch:
    from spector_refs.check.http import Fetcher, make_session

    fetcher = Fetcher(CONFIG, make_session(CONFIG, resolver))
    slot = _AnySlot()

    def fetch(url: str) -> tuple[int, int]:
        answer = fetcher.fetch(url, urlsplit(url).hostname or "", slot, time.monotonic() + 20)  # type: ignore[arg-type]
        return answer.status, len(answer.body)  # type: ignore[union-attr]

    return fetch


def urllib3_client(resolver: HostResolver, maxsize: int = 4) -> Fetch:
    import urllib3

    from spector_refs.check.http import _PinnedPoolManager, make_session

    session = make_session(CONFIG, resolver)
    retry = session.get_adapter("http://").max_retries  # type: ignore[attr-defined]
    headers = dict(session.headers)
    manager = _PinnedPoolManager(num_pools=32, maxsize=maxsize, resolver=resolver)

    def fetch(url: str) -> tuple[int, int]:
        response = manager.urlopen(
            "GET",
            url,
            headers=headers,
            redirect=False,
            retries=retry,
            preload_content=False,
            timeout=urllib3.Timeout(connect=CONFIG.connect_timeout, read=CONFIG.timeout),
        )
        size = 0
        while chunk := response.read1(16384, decode_content=True):
            size += len(chunk)
        response.release_conn()
        return response.status, size

    return fetch


def urllib3_shared_client(resolver: HostResolver) -> Fetch:
    """The ``urllib3`` client with one pool manager for every thread: connections reused across workers."""
    if id(resolver) not in _SHARED:
        _SHARED[id(resolver)] = urllib3_client(resolver, maxsize=64)
    return _SHARED[id(resolver)]


_SHARED: dict[int, Fetch] = {}


def urllib3_bare_client(resolver: HostResolver) -> Fetch:
    import urllib3

    pools: dict[str, urllib3.HTTPConnectionPool] = {}

    def fetch(url: str) -> tuple[int, int]:
        parts = urlsplit(url)
        pool = pools.get(parts.netloc)
        if pool is None:
            pool = pools[parts.netloc] = urllib3.HTTPConnectionPool(parts.hostname, parts.port, maxsize=1)
        response = pool.urlopen("GET", parts.path, redirect=False, preload_content=False)
        body = response.read()
        response.release_conn()
        return response.status, len(body)

    return fetch


def http_client_client(resolver: HostResolver) -> Fetch:
    import http.client

    connections: dict[str, http.client.HTTPConnection] = {}
    headers = {"User-Agent": CONFIG.user_agent, "Accept": "text/html"}

    def fetch(url: str) -> tuple[int, int]:
        parts = urlsplit(url)
        connection = connections.get(parts.netloc)
        if connection is None:
            connection = http.client.HTTPConnection(
                resolver.pinned(parts.hostname or ""), parts.port, timeout=CONFIG.timeout
            )
            connections[parts.netloc] = connection
        connection.request("GET", parts.path, headers=headers)
        response = connection.getresponse()
        body = response.read()
        return response.status, len(body)

    return fetch


def pycurl_client(resolver: HostResolver) -> Fetch:
    import pycurl

    curl = pycurl.Curl()
    curl.setopt(pycurl.USERAGENT, CONFIG.user_agent)
    curl.setopt(pycurl.FOLLOWLOCATION, 0)
    curl.setopt(pycurl.TIMEOUT, int(CONFIG.timeout))

    def fetch(url: str) -> tuple[int, int]:
        buffer = io.BytesIO()
        headers: list[bytes] = []
        curl.setopt(pycurl.URL, url)
        curl.setopt(pycurl.WRITEDATA, buffer)
        curl.setopt(pycurl.HEADERFUNCTION, headers.append)
        curl.perform()
        return curl.getinfo(pycurl.RESPONSE_CODE), buffer.tell()

    return fetch


CLIENTS: dict[str, Callable[[HostResolver], Fetch]] = {
    "requests": requests_client,
    "urllib3": urllib3_client,
    "urllib3-shared": urllib3_shared_client,
    "urllib3-bare": urllib3_bare_client,
    "http.client": http_client_client,
    "pycurl": pycurl_client,
}


def available() -> list[str]:
    names = []
    for name in CLIENTS:
        if name == "pycurl":
            try:
                import pycurl  # noqa: F401
            except ImportError:
                print("pycurl is not importable: left out")
                continue
        names.append(name)
    return names


def _cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_SELF)
    return usage.ru_utime + usage.ru_stime


def serial(make: Callable[[HostResolver], Fetch], bases: list[str], count: int) -> float:
    """CPU seconds per request for ``count`` requests from one thread to one host."""
    fetch = make(_resolver(bases))
    urls = [f"{bases[0]}/page/{n}" for n in range(count)]
    fetch(urls[0])  # the connection is open before the clock starts
    started = _cpu()
    for url in urls:
        status, _ = fetch(url)
        assert status == 200, status
    return (_cpu() - started) / count


def threaded(make: Callable[[HostResolver], Fetch], bases: list[str], workers: int) -> float:
    """CPU seconds per request with ``workers`` threads, each with its own client, over every host."""
    resolver = _resolver(bases)
    urls = world_urls(bases, 40)
    jobs: queue.SimpleQueue[str | None] = queue.SimpleQueue()
    for url in urls:
        jobs.put(url)
    for _ in range(workers):
        jobs.put(None)
    failures: list[object] = []

    def work() -> None:
        fetch = make(resolver)
        while (url := jobs.get()) is not None:
            status, _ = fetch(url)
            if status != 200:
                failures.append(status)

    threads = [threading.Thread(target=work) for _ in range(workers)]
    started = _cpu()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not failures, failures[:3]
    return (_cpu() - started) / len(urls)


def report(mode: str, names: list[str], rounds: list[dict[str, float]]) -> None:
    print(f"\n{mode}: CPU per request, median of {len(rounds)} interleaved rounds")
    print(f"{'client':<14} {'µs/request':>11} {'÷ requests':>11}")
    for name in names:
        median = statistics.median(r[name] for r in rounds)
        ratio = statistics.median(r[name] / r["requests"] for r in rounds)
        print(f"{name:<14} {median * 1e6:>11.0f} {ratio:>11.2f}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--requests", type=int, default=2000, help="requests per client and round (serial)")
    parser.add_argument("--workers", type=int, default=64, help="threads (threads mode)")
    parser.add_argument("--mode", choices=("serial", "threads", "both"), default="both")
    args = parser.parse_args()
    names = available()
    if args.mode in ("serial", "both"):

        def run_serial(control: object, bases: list[str]) -> None:
            rounds = [
                {name: serial(CLIENTS[name], bases, args.requests) for name in names}
                for _ in range(args.rounds)
            ]
            report(f"serial ({args.requests} requests, 1 thread, 1 host, no latency)", names, rounds)

        with_world(1, 0.0, run_serial)
    if args.mode in ("threads", "both"):

        def run_threads(control: object, bases: list[str]) -> None:
            rounds = [
                {name: threaded(CLIENTS[name], bases, args.workers) for name in names}
                for _ in range(args.rounds)
            ]
            report(f"threads (800 URLs, 20 hosts, 50 ms, {args.workers} threads)", names, rounds)

        with_world(20, 0.05, run_threads)


if __name__ == "__main__":
    main()
