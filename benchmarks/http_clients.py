"""Which HTTP client the link checker should use: CPU per request, side by side, on one loopback world.

Issue 13 keeps requests as the link checker's client "unless you measure that
something else wins by a wide margin". This measures it. Every client does
what the checker needs of one request: a keep-alive GET with the checker's
headers, the status and headers, and the body read in full; the servers are
``benchmarks/links.py``'s asyncio world, in its own process, so their CPU is
not counted. Clients:

* ``requests``: the link checker's first client: ``Session.send`` of a
  once-prepared request with a ``Retry`` like the checker's, one session
  per thread, body streamed with ``read1`` (the world's hosts are address
  literals, so the pinning the checker added is not needed here);
* ``transport``: the checker's :class:`~spector_refs.check.http.Fetcher` now
  (libcurl through pycurl, one :class:`~spector_refs.check.http.Transport`
  pool of kept-alive handles per origin for every thread, pinned sockets,
  silence watch, capped body, cookies); until issue 13's third session it was urllib3 driven
  directly, measured at 0.54 to 0.76 of requests;
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
from typing import Any
from urllib.parse import urlsplit

sys.path.insert(0, str(Path(__file__).resolve().parent))

from links import with_world, world_urls

from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.http import ACCEPT, Answer
from spector_refs.check.safety import HostResolver

Fetch = Callable[[str], tuple[int, int]]
"""``fetch(url)`` → (status, body length): one request, body read."""
Measure = Callable[[Callable[[HostResolver], Fetch], list[str]], float]
"""``measure(make_client, bases)`` → CPU seconds per request."""
CONFIG = LinkCheckConfig(allow_private=True, per_host_interval=0.0)


class _AnySlot:
    """A host slot whose turn :func:`_in_place` always grants: the scheduler is not what is measured here."""

    def back_off(self, seconds: float) -> None:
        """Nothing to hold."""


def _in_place(task: Any) -> Any:
    """Drive one fetch on this thread, each transfer with ``curl.perform()``, as one thread per check would.

    The checker drives its fetches on :class:`~spector_refs.check.loop.CurlLoop`;
    this measures the client itself, one blocking request at a time per thread.
    """
    import pycurl

    from spector_refs.check.http import Perform

    value: Any = None
    while True:
        try:
            wait = task.send(value)
        except StopIteration as done:
            return done.value
        value = True  # a turn, always granted
        if isinstance(wait, Perform):
            try:
                wait.curl.perform()
                value = None
            except pycurl.error as exc:
                value = int(exc.args[0]), str(exc.args[-1])


def _resolver(bases: list[str]) -> HostResolver:
    resolver = HostResolver(allow_private=True)
    for base in bases:
        resolver.resolve(urlsplit(base).hostname or "")
    return resolver


def requests_client(resolver: HostResolver) -> Fetch:
    """requests as the checker first used it: ``Session.send`` of a prepared request, urllib3 retries."""
    import requests
    from requests.adapters import HTTPAdapter
    from requests.hooks import default_hooks
    from urllib3.util.retry import Retry

    session = requests.Session()
    session.trust_env = False
    retry = Retry(total=CONFIG.retries, connect=0, read=CONFIG.retries, status=0, redirect=0)
    session.mount("http://", HTTPAdapter(max_retries=retry, pool_connections=32, pool_maxsize=4))
    session.headers.update({"User-Agent": CONFIG.user_agent, "Accept": ACCEPT})

    def fetch(url: str) -> tuple[int, int]:
        prepared = requests.PreparedRequest()
        prepared.method = "GET"
        prepared.prepare_url(url, None)
        prepared.headers = session.headers.copy()
        prepared.body = None
        prepared.hooks = default_hooks()
        prepared._cookies = session.cookies
        response = session.send(prepared, stream=True, allow_redirects=False, timeout=(10, 20), proxies={})
        size = 0
        while chunk := response.raw.read1(16384, decode_content=True):
            size += len(chunk)
        response.close()
        return response.status_code, size

    return fetch


def transport_client(resolver: HostResolver) -> Fetch:
    """The checker's :class:`~spector_refs.check.http.Fetcher` now: one Transport shared by every thread."""
    from spector_refs.check.http import Fetcher, Transport

    if id(resolver) not in _TRANSPORTS:
        _TRANSPORTS[id(resolver)] = Transport(CONFIG, resolver)
    fetcher = Fetcher(CONFIG, _TRANSPORTS[id(resolver)])
    slot = _AnySlot()

    def fetch(url: str) -> tuple[int, int]:
        deadline = time.monotonic() + 20
        answer = _in_place(fetcher.fetch(url, urlsplit(url).hostname or "", slot, deadline))  # type: ignore[arg-type]
        assert isinstance(answer, Answer), answer
        return answer.status, len(answer.body)

    return fetch


_TRANSPORTS: dict[int, Any] = {}


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
    "transport": transport_client,
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
    modes: list[tuple[str, int, float, Measure]] = [
        (
            f"serial ({args.requests} requests, 1 thread, 1 host, no latency)",
            1,
            0.0,
            lambda make, bases: serial(make, bases, args.requests),
        ),
        (
            f"threads (800 URLs, 20 hosts, 50 ms, {args.workers} threads)",
            20,
            0.05,
            lambda make, bases: threaded(make, bases, args.workers),
        ),
    ]
    for title, hosts, latency, measure in modes:
        if args.mode not in (title.split()[0], "both"):
            continue

        def run(control: object, bases: list[str], title: str = title, measure: Measure = measure) -> None:
            rounds = [{name: measure(CLIENTS[name], bases) for name in names} for _ in range(args.rounds)]
            report(title, names, rounds)

        with_world(hosts, latency, run)


if __name__ == "__main__":
    main()
