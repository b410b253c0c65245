"""The link checker's transport: pinned connections shared by every worker, retries, capped bodies.

Every connection goes to the address :class:`~spector_refs.check.safety.HostResolver`
vetted for its host (the Host header and TLS name stay the host's), so DNS
is asked once and cannot be asked again by a rebinding attacker. Transient
failures are retried: connection resets by urllib3's ``Retry``, 429 and
502/503/504 answers here, because urllib3 would drain the refused body to
the end before retrying, and an endless body never ends. Bodies are
streamed with ``read1`` so a trickling server is noticed at the deadline,
and capped so a huge one costs at most ``max_body_bytes``.

Requests are sent with urllib3 itself, not through requests:
``benchmarks/http_clients.py`` measured requests' session and adapter
layers (preparing, hooks, cookie extraction, response building) at about
half of a check's HTTP CPU, for nothing the checker uses, and one pool
manager shared by all workers keeps each host's connections alive between
checks instead of opening one per worker and host. The rest of the
project's HTTP (Wikipedia API, doi.org, the Wayback Machine) stays with
requests.
"""

from __future__ import annotations

import contextlib
import email.utils
import http.client
import os
import random
import re
import socket
import ssl
import threading
import time
import urllib.request
from collections.abc import Mapping
from dataclasses import dataclass, replace
from http.cookiejar import CookieJar
from types import SimpleNamespace, TracebackType
from typing import TYPE_CHECKING, Any, Self
from urllib.parse import urlsplit

import certifi
import urllib3
from urllib3.connection import HTTPConnection, HTTPSConnection
from urllib3.connectionpool import ConnectionPool, HTTPConnectionPool
from urllib3.exceptions import ReadTimeoutError
from urllib3.response import BaseHTTPResponse, HTTPResponse
from urllib3.util.retry import Retry
from urllib3.util.ssl_ import create_urllib3_context

from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.failures import Failure, failure_from_exception
from spector_refs.check.page import is_textual
from spector_refs.check.safety import HostResolver
from spector_refs.check.scheduler import HostSlot
from spector_refs.model import Verdict

RETRY_STATUSES = frozenset({429, 502, 503, 504})
_CHUNK = 16384
_FILE_PATH = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|zip|gz|tgz|bz2|xz|7z|rar|jpe?g|png|gif|webp|tiff?|svg|mp[34]|m4a|ogg"
    r"|wav|flac|mov|avi|mkv|webm|epub|mobi|djvu|iso|exe|dmg|csv|json|xml)$",
    re.IGNORECASE,
)
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"


@dataclass(frozen=True)
class Answer:
    """The last HTTP answer for one URL, with as much body as was read."""

    status: int
    headers: Mapping[str, str]
    body: bytes = b""
    method: str = "GET"
    notes: tuple[str, ...] = ()
    truncated: bool = False

    @property
    def location(self) -> str | None:
        return self.headers.get("location") or None

    @property
    def content_type(self) -> str | None:
        return self.headers.get("content-type") or None


_deadline = threading.local()


class _DeadlineGuard:
    """Shuts a socket down when this thread's check reaches its deadline.

    A read timeout bounds each ``recv``, not the whole answer: a server
    sending one header line per second would otherwise hold a worker for
    hours. The fetcher sets the deadline in ``_deadline``; the one
    :class:`_Watchdog` thread fires the guard.
    """

    def __init__(self, sock: socket.socket, deadline: float):
        self.fired = False
        self.deadline = deadline
        self._sock = sock

    def fire(self) -> None:
        self.fired = True
        with contextlib.suppress(OSError):
            self._sock.shutdown(socket.SHUT_RDWR)

    def disarm(self) -> None:
        _WATCHDOG.forget(self)
        if self.fired:
            raise TimeoutError("the check's deadline passed while the server was still answering")


class _Watchdog:
    """One thread that fires every armed guard at its deadline.

    A ``threading.Timer`` per request started and stopped a thread for every
    request, a large share of a check's CPU. Deadlines are a check's start
    plus a fixed span, so a new guard is almost never due before the ones
    already armed and arming it wakes nobody.
    """

    def __init__(self) -> None:
        self.reset()

    def reset(self) -> None:
        """Unarmed and without a thread (also a forked child, which has none of the parent's)."""
        self._cond = threading.Condition()
        self._guards: set[_DeadlineGuard] = set()
        self._wake = float("inf")
        self._thread: threading.Thread | None = None

    def arm(self, guard: _DeadlineGuard) -> None:
        with self._cond:
            self._guards.add(guard)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="spector-deadlines", daemon=True)
                self._thread.start()
            if guard.deadline < self._wake:
                self._wake = guard.deadline
                self._cond.notify()

    def forget(self, guard: _DeadlineGuard) -> None:
        with self._cond:
            self._guards.discard(guard)

    def _run(self) -> None:
        with self._cond:
            while True:
                now = time.monotonic()
                for guard in [g for g in self._guards if g.deadline <= now]:
                    self._guards.discard(guard)
                    guard.fire()
                self._wake = min((g.deadline for g in self._guards), default=float("inf"))
                self._cond.wait(self._wake - now if self._guards else None)


_WATCHDOG = _Watchdog()
os.register_at_fork(after_in_child=_WATCHDOG.reset)


def _guard(sock: socket.socket | None) -> _DeadlineGuard | None:
    deadline = getattr(_deadline, "value", None)
    if deadline is None or sock is None:
        return None
    if deadline <= time.monotonic():
        raise TimeoutError("the check's deadline has passed")
    guard = _DeadlineGuard(sock, deadline)
    _WATCHDOG.arm(guard)
    return guard


if TYPE_CHECKING:  # the mixin only ever sits before urllib3's HTTPConnection
    _ConnectionBase = HTTPConnection
else:
    _ConnectionBase = object


class _PinnedConnectionMixin(_ConnectionBase):
    """Connect to the resolver's vetted address instead of asking DNS again."""

    def __init__(self, *args: Any, resolver: HostResolver, **kwargs: Any) -> None:
        self._resolver = resolver
        super().__init__(*args, **kwargs)

    def _new_conn(self) -> socket.socket:
        # urllib3 connects to ``_dns_host`` and keeps ``host`` for the Host
        # header and the TLS server name: swap in the pinned address only
        # for the duration of the connect.
        address = self._resolver.pinned(self.host)
        original = self._dns_host
        self._dns_host = address
        try:
            return super()._new_conn()
        finally:
            self._dns_host = original

    def getresponse(self) -> HTTPResponse:  # type: ignore[override]  # as urllib3 overrides http.client
        guard = _guard(self.sock)
        try:
            response = super().getresponse()
        finally:
            if guard is not None:
                guard.disarm()
        return response


class PinnedHTTPConnection(_PinnedConnectionMixin, HTTPConnection):
    pass


class PinnedHTTPSConnection(_PinnedConnectionMixin, HTTPSConnection):
    pass


class _PinnedPoolManager(urllib3.PoolManager):
    """Pools of pinned connections; TLS verified against certifi's bundle, as requests does.

    The bundle is loaded into one TLS context when the first https pool is
    made (tens of milliseconds, which a run of plain http links never pays),
    not once per connection.
    """

    def __init__(self, *args: Any, resolver: HostResolver, **kwargs: Any) -> None:
        self._resolver = resolver
        self._tls_lock = threading.Lock()
        self._tls: ssl.SSLContext | None = None
        super().__init__(*args, **kwargs)

    def _new_pool(
        self, scheme: str, host: str, port: int, request_context: dict[str, Any] | None = None
    ) -> HTTPConnectionPool:
        if scheme == "https":
            context = request_context if request_context is not None else self.connection_pool_kw
            request_context = {**context, "ssl_context": self._tls_context()}
        pool = super()._new_pool(scheme, host, port, request_context)
        pool.ConnectionCls = PinnedHTTPSConnection if scheme == "https" else PinnedHTTPConnection
        pool.conn_kw["resolver"] = self._resolver
        return pool

    def _tls_context(self) -> ssl.SSLContext:
        with self._tls_lock:
            if self._tls is None:
                self._tls = create_urllib3_context()
                self._tls.load_verify_locations(certifi.where())
            return self._tls


class _TransientRetry(Retry):
    """Retry resets and garbled answers, but not read timeouts.

    A server that was too slow once will be too slow again, and waiting
    for it ``retries`` more times would spend the whole deadline.
    """

    def increment(
        self,
        method: str | None = None,
        url: str | None = None,
        response: BaseHTTPResponse | None = None,
        error: Exception | None = None,
        _pool: ConnectionPool | None = None,
        _stacktrace: TracebackType | None = None,
    ) -> Self:
        if isinstance(error, ReadTimeoutError):
            raise error
        return super().increment(method, url, response, error, _pool, _stacktrace)


class Transport:
    """One process's connections for link checking, shared by all its worker threads.

    urllib3's pool manager is thread-safe and keeps up to ``per_host``
    idle connections per host, which is as many as may be busy at once.
    No proxy is ever used, whatever the environment says: a proxy would
    connect to an address nobody vetted.
    """

    def __init__(self, config: LinkCheckConfig, resolver: HostResolver):
        self.pool = _PinnedPoolManager(
            num_pools=max(32, 2 * config.concurrency), maxsize=config.per_host, resolver=resolver
        )
        self.retry = _TransientRetry(
            total=config.retries,
            connect=0,
            read=config.retries,
            status=0,
            other=0,
            redirect=0,
            backoff_factor=config.backoff,
            backoff_jitter=config.backoff,
            raise_on_status=False,
            raise_on_redirect=False,
            allowed_methods=frozenset({"HEAD", "GET"}),
        )
        self.headers = {
            "User-Agent": config.user_agent,
            "Accept": ACCEPT,
            "Accept-Language": "en;q=0.9,*;q=0.5",
            "Accept-Encoding": urllib3.util.make_headers(accept_encoding=True)["accept-encoding"],
            "Connection": "keep-alive",
        }

    def close(self) -> None:
        self.pool.clear()


def wants_head(url: str, method: str) -> bool:
    """HEAD first for URLs naming a file; pages are fetched with GET at once.

    A page's text is needed anyway (soft-404 check, claim verification), so
    a HEAD before its GET would only cost a round trip.
    """
    if method != "auto":
        return method == "head"
    return bool(_FILE_PATH.search(urlsplit(url).path))


def head_suffices(answer: Answer) -> bool:
    """Whether a HEAD answer settles the check without a GET."""
    if 300 <= answer.status < 400:
        return answer.location is not None
    return 200 <= answer.status < 300 and not is_textual(answer.content_type)


class Fetcher:
    """One worker's client: HEAD/GET, status retries, capped streamed bodies, the chain's cookies.

    Cookies a server sets on the way (a redirect that sets a session
    cookie and expects it back) are kept for one chain on one host:
    :class:`~spector_refs.check.chain.ChainFollower` clears them between.
    """

    def __init__(self, config: LinkCheckConfig, transport: Transport):
        self.config = config
        self.transport = transport
        self.cookies = CookieJar()

    def fetch(self, url: str, host: str, slot: HostSlot, deadline: float) -> Answer | Failure:
        """The answer for one URL (no redirects followed), HEAD first where it helps."""
        if wants_head(url, self.config.method):
            head = self._request("HEAD", url, host, slot, deadline)
            if isinstance(head, Answer) and head_suffices(head):
                return head
            if isinstance(head, Failure) and head.verdict is Verdict.TIMEOUT:
                return head
            answer = self._request("GET", url, host, slot, deadline)
            if isinstance(head, Answer) and isinstance(answer, Answer) and head.status >= 400:
                note = f"HEAD answered {head.status}, checked with GET"
                return replace(answer, notes=(note, *answer.notes))
            return answer
        return self._request("GET", url, host, slot, deadline)

    def _request(self, method: str, url: str, host: str, slot: HostSlot, deadline: float) -> Answer | Failure:
        notes: list[str] = []
        for attempt in range(self.config.retries + 1):
            if not slot.before_request(host, deadline):
                return Failure(Verdict.TIMEOUT, f"the deadline passed while waiting for a turn on {host}")
            _deadline.value = deadline
            try:
                response = self.transport.pool.urlopen(
                    method,
                    url,
                    headers=self._headers(url),
                    redirect=False,
                    retries=self.transport.retry,
                    preload_content=False,
                    timeout=self._timeouts(deadline),
                )
            except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError, ValueError) as exc:
                if time.monotonic() >= deadline:
                    return Failure(
                        Verdict.TIMEOUT,
                        f"the server did not answer within the {self.config.deadline:g} s deadline",
                    )
                return failure_from_exception(exc, url)
            finally:
                _deadline.value = None
            try:
                self._keep_cookies(url, response)
                wait = self._retry_wait(response, attempt, deadline)
                if wait is None:
                    body, truncated, note = self._read_body(response, method, deadline)
                    notes += [note] if note else []
                    return Answer(response.status, response.headers, body, method, tuple(notes), truncated)
                notes.append(f"retried after HTTP {response.status}, waiting {wait:.1f} s")
                slot.back_off(wait)
            finally:
                _finish(response)
        raise AssertionError("the last attempt always returns")  # pragma: no cover

    def _headers(self, url: str) -> dict[str, str]:
        """The transport's headers, with this chain's cookies for ``url`` if it has any."""
        if not len(self.cookies):
            return self.transport.headers
        request = urllib.request.Request(url)
        self.cookies.add_cookie_header(request)
        cookie = request.get_header("Cookie")
        return {**self.transport.headers, "Cookie": cookie} if cookie else self.transport.headers

    def _keep_cookies(self, url: str, response: BaseHTTPResponse) -> None:
        if "set-cookie" in response.headers:
            answer = SimpleNamespace(info=lambda: response.headers)  # what the cookie jar reads
            self.cookies.extract_cookies(answer, urllib.request.Request(url))  # type: ignore[arg-type]

    def _timeouts(self, deadline: float) -> urllib3.Timeout:
        remaining = max(deadline - time.monotonic(), 0.01)
        return urllib3.Timeout(
            connect=min(self.config.connect_timeout, remaining), read=min(self.config.timeout, remaining)
        )

    def _retry_wait(self, response: BaseHTTPResponse, attempt: int, deadline: float) -> float | None:
        """Seconds to wait before retrying this answer; None to keep it as final."""
        if response.status not in RETRY_STATUSES or attempt >= self.config.retries:
            return None
        if response.headers.get("cf-mitigated"):
            return None
        backoff = self.config.backoff * 2**attempt + random.uniform(0, self.config.backoff)
        asked = retry_after(response.headers.get("retry-after"))
        if asked is not None and asked > self.config.max_retry_after:
            return None
        wait = max(asked or 0.0, backoff)
        return wait if time.monotonic() + wait < deadline else None

    def _read_body(self, response: BaseHTTPResponse, method: str, deadline: float) -> tuple[bytes, bool, str]:
        """Up to ``max_body_bytes`` of a body worth reading, stopping at the deadline."""
        content_type = response.headers.get("content-type")
        if method == "HEAD" or 300 <= response.status < 400 or not is_textual(content_type):
            return b"", False, ""
        chunks: list[bytes] = []
        size, limit = 0, self.config.max_body_bytes
        try:
            while size < limit:
                if time.monotonic() >= deadline:
                    return b"".join(chunks), True, "stopped reading the page at the deadline"
                chunk = response.read1(min(_CHUNK, limit - size), decode_content=True)
                if not chunk:
                    return b"".join(chunks), False, ""
                chunks.append(chunk)
                size += len(chunk)
        except (urllib3.exceptions.HTTPError, http.client.HTTPException, OSError) as exc:
            return b"".join(chunks), True, f"the page was cut off ({type(exc).__name__})"
        return b"".join(chunks), True, f"read the first {limit} bytes of the page"


def _finish(response: BaseHTTPResponse) -> None:
    """Give a connection whose answer was read to its end back to the pool; close any other.

    An unread or capped body would otherwise have to be drained first, and
    an endless one never ends.
    """
    if response.length_remaining == 0 or response.closed:
        response.drain_conn()  # nothing is left, but http.client must see the answer end
        response.release_conn()
    else:
        response.close()


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(when.timestamp() - time.time(), 0.0)
