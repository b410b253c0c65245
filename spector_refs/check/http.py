"""The link checker's transport: libcurl through pycurl, pinned connections shared by every worker.

Every connection goes to the address :class:`~spector_refs.check.safety.HostResolver`
vetted for its host: libcurl is told that address for the name
(``CURLOPT_RESOLVE``), so it never asks DNS itself, and the socket is
opened here (``CURLOPT_OPENSOCKETFUNCTION``) to the pinned address only,
so a rebinding attacker has nothing to rebind. The Host header, the TLS
server name and the certificate check stay the host's; certificates are
verified against certifi's bundle, as requests does. No proxy is ever used,
whatever the environment says: a proxy would connect to an address nobody
vetted.

Why libcurl: a check's HTTP was the largest part of its CPU, and
``benchmarks/http_clients.py`` measured this transport at 0.18 of requests'
CPU per request on one thread and 0.40 under 64 threads, where the urllib3
transport it replaced took 0.76 and 0.66. Its transfer runs in C with the GIL released; what Python
still does per request is the choice of options and reading the headers.
Each host's connections stay alive for every worker thread of a process
in a pool of easy handles kept per host (:class:`Transport`), not in a
libcurl connection cache shared by the threads: libcurl does not support
sharing connections between concurrent threads (``CURLSHOPT_SHARE``,
curl issue 4915), and doing so crashed a worker process about once in
25 to 80 runs of a thousand links. A handle serves one thread at a time;
its cookie engine holds one chain's cookies (cleared whenever it is taken).
TLS sessions are still shared, which libcurl supports across threads.

Failures keep the verdicts the checker always gave: connection resets
and garbled answers are retried (read timeouts are not: a server too
slow once will be again); 429 and 502/503/504 are retried here with
back-off and ``Retry-After``; the whole exchange ends at the check's
deadline (``CURLOPT_TIMEOUT_MS``) and a server that sends nothing for
``timeout`` seconds is given up (watched here: libcurl's own low-speed
limit counts body bytes only, so a head trickling in line by line would
look silent); bodies are decoded (gzip, deflate, brotli) and capped at
``max_body_bytes`` after decoding.
"""

from __future__ import annotations

import importlib.util
import math
import os
import random
import re
import socket
import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache

import pycurl

from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.failures import Failure, curl_failure, failure_from_exception
from spector_refs.check.records import record
from spector_refs.check.safety import HostResolver, numeric_host
from spector_refs.check.scheduler import HostSlot
from spector_refs.check.tasks import Task, Turn
from spector_refs.check.urls import url_host, url_parts, url_port
from spector_refs.model import Verdict

RETRY_STATUSES = frozenset({429, 502, 503, 504})
_FILE_PATH = re.compile(
    r"\.(?:pdf|docx?|xlsx?|pptx?|odt|ods|zip|gz|tgz|bz2|xz|7z|rar|jpe?g|png|gif|webp|tiff?|svg|mp[34]|m4a|ogg"
    r"|wav|flac|mov|avi|mkv|webm|epub|mobi|djvu|iso|exe|dmg|csv|json|xml)$",
    re.IGNORECASE,
)
ACCEPT = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8"
MAX_HEADER_LINE = 65536
MAX_HEADERS = 100
"""Python's ``http.client`` limits, which the checker kept before libcurl (whose own are 100 KiB and 300 KiB):
an answer beyond them is malformed, not a page."""
_CURL_WEIRD_REPLY = 8
_CURL_WRITE_ERROR = 23  # a write or header callback of ours stopped the transfer
_CURL_TIMEOUT = 28
CURL_ABORTED = 42  # the loop stopped it: the server fell silent (see ``_Transfer.fell_silent``)


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


class Transport:
    """One process's connections for link checking, shared by all its worker threads.

    Idle easy handles are kept per origin, each with the connection it
    last used: a worker :meth:`take`-s one for the origin it is about to
    ask (a fresh one when none is idle) and :meth:`put_back` it when its
    chain leaves that origin, so each host's connections are reused across
    workers while the scheduler keeps at most ``per_host`` of them busy.
    At most ``2 × concurrency`` (32 at least) handles are kept idle; the
    one left longest goes first.
    """

    def __init__(self, config: LinkCheckConfig, resolver: HostResolver):
        self.config = config
        self.resolver = resolver
        self.share = pycurl.CurlShare()
        self.share.setopt(pycurl.SH_SHARE, pycurl.LOCK_DATA_SSL_SESSION)
        self.headers = [f"Accept: {ACCEPT}", "Accept-Language: en;q=0.9,*;q=0.5"]
        self._lock = threading.Lock()
        self._idle: dict[str, list[_Transfer]] = {}
        self._idle_count = 0
        self._most_idle = max(32, 2 * config.concurrency)

    def take(self, origin: str) -> _Transfer:
        """A handle for one check, alive to ``origin`` if one is idle, with no cookies."""
        with self._lock:
            idle = self._idle.get(origin)
            handle = idle.pop() if idle else None
            if handle is not None:
                self._idle_count -= 1
                if not idle:
                    del self._idle[origin]
        if handle is None:
            return self.handle()
        handle.forget_cookies()
        return handle

    def put_back(self, origin: str, handle: _Transfer) -> None:
        """Keep ``handle`` (and its connection) for the next request to ``origin``."""
        with self._lock:
            self._idle.setdefault(origin, []).append(handle)
            self._idle_count += 1
            oldest = self._evict() if self._idle_count > self._most_idle else None
        if oldest is not None:
            oldest.curl.close()

    def _evict(self) -> _Transfer:
        """The idle handle left longest on the origin idle longest (dict order: put back least lately)."""
        origin = next(iter(self._idle))
        handles = self._idle.pop(origin)
        oldest = handles.pop(0)
        if handles:
            self._idle[origin] = handles  # to the end: it was just used
        self._idle_count -= 1
        return oldest

    def handle(self) -> _Transfer:
        """An easy handle with everything that is the same for every request, its callbacks included."""
        curl = pycurl.Curl()
        curl.setopt(pycurl.SHARE, self.share)
        curl.setopt(pycurl.NOSIGNAL, 1)  # timeouts without SIGALRM: worker threads
        curl.setopt(pycurl.PROTOCOLS, pycurl.PROTO_HTTP | pycurl.PROTO_HTTPS)
        curl.setopt(pycurl.HTTP_VERSION, pycurl.CURL_HTTP_VERSION_1_1)
        curl.setopt(pycurl.PROXY, "")  # never a proxy, whatever the environment says
        curl.setopt(pycurl.FOLLOWLOCATION, 0)  # chain.py follows redirects hop by hop
        curl.setopt(pycurl.USERAGENT, self.config.user_agent)
        curl.setopt(pycurl.HTTPHEADER, self.headers)
        curl.setopt(pycurl.ACCEPT_ENCODING, "")  # every coding libcurl decodes, and only those
        curl.setopt(pycurl.CAINFO, ca_bundle())
        curl.setopt(pycurl.COOKIEFILE, "")  # the handle's cookie engine: one chain's cookies
        curl.setopt(pycurl.MAXCONNECTS, 1)  # the connection to the origin it is kept for
        curl.setopt(pycurl.SOCKOPTFUNCTION, lambda fd, purpose: pycurl.SOCKOPT_ALREADY_CONNECTED)
        handle = _Transfer(curl)
        curl.setopt(pycurl.OPENSOCKETFUNCTION, handle.open_socket)
        curl.setopt(pycurl.HEADERFUNCTION, handle.header)
        curl.setopt(pycurl.WRITEFUNCTION, handle.write)
        return handle

    def close(self) -> None:
        with self._lock:
            idle = [handle for handles in self._idle.values() for handle in handles]
            self._idle, self._idle_count = {}, 0
        for handle in idle:
            handle.curl.close()
        self.share.close()


def wants_head(url: str, method: str) -> bool:
    """HEAD first for URLs naming a file; pages are fetched with GET at once.

    A page's text is needed anyway (soft-404 check, claim verification), so
    a HEAD before its GET would only cost a round trip.
    """
    if method != "auto":
        return method == "head"
    return bool(_FILE_PATH.search(url_parts(url).path))


def is_textual(content_type: str | None) -> bool:
    """Whether a body of this type is worth reading (pages and plain text).

    The transfer asks it of every answer's headers (a body not worth reading is never downloaded),
    so it lives here, not with the page parser, which loads only once the first answers are in.
    """
    if not content_type:
        return True
    kind = content_type.split(";", 1)[0].strip().lower()
    return kind.startswith("text/") or kind in {
        "application/xhtml+xml",
        "application/xml",
        "application/json",
    }


def head_suffices(answer: Answer) -> bool:
    """Whether a HEAD answer settles the check without a GET."""
    if 300 <= answer.status < 400:
        return answer.location is not None
    return 200 <= answer.status < 300 and not is_textual(answer.content_type)


class _Transfer:
    """An easy handle and the request it carries now: header lines, then pieces of the decoded body.

    Made with its handle (:meth:`Transport.handle`), whose callbacks are
    its methods, set once: a ``setopt`` costs about a microsecond, and
    setting three callbacks, the method and the pinned address anew for
    every request was a tenth of a request's own Python work. :meth:`begin`
    starts each request afresh; the answer of the last one is taken
    (:meth:`answer`) before the handle carries another.

    A body nobody reads (HEAD, a redirect, a PDF) and the part of a body
    beyond the cap are refused by the write callback, which stops the
    transfer and closes its connection: an endless body never ends.
    """

    def __init__(self, curl: pycurl.Curl):
        self.curl = curl
        self.head = False  # NOBODY is set (the last request was a HEAD)
        self.pin: list[str] = []  # the CURLOPT_RESOLVE entry set (one origin per handle)
        self.cookies = False  # a Set-Cookie came since the cookie engine was last emptied
        self.perform = Perform(curl, self, 0.0)  # what a check yields for each of its requests, made once
        self.begin("GET", 0, "", 0.0, 0.0)

    def begin(self, method: str, limit: int, address: str, connect_timeout: float, silence: float) -> None:
        """Start a request: nothing heard yet."""
        self.method, self.limit, self.address = method, limit, address
        self.connect_timeout, self.silence = connect_timeout, silence
        self.status, self.head_done, self.lines, self.malformed = 0, False, 0, ""
        self.headers: dict[str, str] = {}
        self.chunks: list[bytes] = []
        self.wanted: bool | None = None
        self.size, self.capped = 0, False
        self.connect_error: BaseException | None = None
        self.connect_later: Callable[[pycurl.Curl], None] | None = None
        self.connecting: socket.socket | None = None
        self.connected: socket.socket | None = None
        self.port, self.received, self.last_byte, self.silent = 0, 0, time.monotonic(), False

    def forget_cookies(self) -> None:
        """Empty the cookie engine (one chain's cookies on one host), if a server set any."""
        if self.cookies:
            self.curl.setopt(pycurl.COOKIELIST, "ALL")
            self.cookies = False

    def fell_silent(self, now: float, downloaded: int) -> bool:
        """Whether nothing came for ``silence`` seconds; the loop asks this of every transfer once a tick.

        ``downloaded`` is libcurl's count of body bytes received, which moves
        while bytes wait in the decoder (a compressed body) before reaching
        :meth:`write`: a count that moved since the last tick counts as a byte now.
        No progress callback watches for this: libcurl called one several times
        a transfer, each call a Python call and a turn of the interpreter lock.
        """
        if downloaded != self.received:
            self.received, self.last_byte = downloaded, now
        if now - self.last_byte > self.silence:
            self.silent = True
        return self.silent

    def header(self, line: bytes) -> int | None:
        self.last_byte = time.monotonic()
        self.lines += 1
        if len(line) > MAX_HEADER_LINE or self.lines > MAX_HEADERS + 2:  # + the status line and the blank one
            self.malformed = f"a header line over {MAX_HEADER_LINE} bytes or more than {MAX_HEADERS} headers"
            self.cookies = True  # unread: libcurl may have kept a cookie from it
            return 0
        text = line.decode("latin-1")
        if text.startswith("HTTP/"):  # a new answer (after a 100 Continue): start over
            code = text.split(None, 2)[1:2]
            if not (code and len(code[0]) == 3 and code[0].isdigit()):
                self.malformed = f"the status line {text.strip()[:80]!r}"
                return 0
            self.status = int(code[0])
            self.headers, self.head_done, self.lines = {}, False, 1
        elif text in ("\r\n", "\n"):
            self.head_done = True
        else:
            name, colon, value = text.partition(":")
            if colon:
                key, value = name.strip().lower(), value.strip()
                self.headers[key] = f"{self.headers[key]}, {value}" if key in self.headers else value
                if key == "set-cookie":
                    self.cookies = True
        return None

    def write(self, data: bytes) -> int | None:
        self.last_byte = time.monotonic()
        if self.wanted is None:
            self.wanted = (
                self.method != "HEAD"
                and not 300 <= self.status < 400
                and is_textual(self.headers.get("content-type"))
            )
        if not self.wanted:
            return 0
        room = self.limit - self.size
        if len(data) >= room:
            self.chunks.append(data[:room])
            self.size, self.capped = self.limit, True
            return 0
        self.chunks.append(data)
        self.size += len(data)
        return None

    def open_socket(self, purpose: int, address: tuple) -> socket.socket | int:
        """The connection, made here to the vetted address (libcurl only asked for one).

        With ``connect_later`` (a loop, whose thread must not wait) the
        connect is only begun. Made at once (a server on this machine
        answers within the call), the socket goes to libcurl as usual; still
        under way, libcurl is refused the socket, ``connect_later`` is
        called with the handle, and the loop takes the transfer out, waits for
        ``connecting`` to be writable and adds the transfer again with it ``connected``, or
        resumes the check with ``connect_error``. Without a loop the connect
        blocks, up to ``connect_timeout``. Either way a failure is what the
        socket's ``connect`` raised (or would have), the source of the
        connection-failure verdicts.
        """
        if self.connected is not None:
            connected, self.connected = self.connected, None
            return connected
        self.port = address[3][1]
        sock = socket.socket(socket.AF_INET6 if ":" in self.address else socket.AF_INET, socket.SOCK_STREAM)
        sock.settimeout(0.0 if self.connect_later is not None else self.connect_timeout)
        try:
            sock.connect((self.address, self.port))
        except BlockingIOError:  # begun without blocking
            state = connect_state(sock)
            if state is True:
                return sock
            if state is False:
                self.connecting = sock  # the loop waits for it
            else:
                sock.close()
                self.connect_error = state
        except OSError as exc:
            sock.close()
            self.connect_error = exc
        else:
            return sock
        if self.connect_later is not None:
            self.connect_later(self.curl)
        return pycurl.SOCKET_BAD

    def answer(self, notes: list[str], note: str = "", *, truncated: bool = False) -> Answer:
        return record(
            Answer,
            status=self.status,
            headers=self.headers,
            body=b"".join(self.chunks),
            method=self.method,
            notes=tuple([*notes, note] if note else notes),
            truncated=truncated,
        )


def connect_state(sock: socket.socket) -> bool | OSError:
    """How a connect begun without blocking stands: made (True), under way (False), or why it failed.

    The failure is the :class:`OSError` a blocking ``connect`` raises for
    that error (:class:`ConnectionRefusedError` for a refusal…), so its
    verdict and wording are the same.
    """
    error = sock.getsockopt(socket.SOL_SOCKET, socket.SO_ERROR)
    if error:
        return OSError(error, os.strerror(error))
    try:
        sock.getpeername()
    except OSError:  # not connected yet
        return False
    return True


@dataclass(eq=False)
class Perform:
    """Wait for one transfer on ``curl`` (set up for ``transfer``): resumes with None, or libcurl's
    (code, words) when it stopped early."""

    curl: pycurl.Curl
    transfer: _Transfer
    deadline: float

    def time_out_at_deadline(self, now: float) -> None:
        """Let the transfer run until the check's deadline, counted from ``now``.

        libcurl's timeout counts from when the transfer starts; a transfer
        that waited (for its connection, for a place among the checks in
        flight) must not be given its whole time again.
        """
        self.curl.setopt(pycurl.TIMEOUT_MS, max(1, math.ceil((self.deadline - now) * 1000)))


class Fetcher:
    """One worker's client: HEAD/GET, retries, capped bodies, the chain's cookies.

    Cookies a server sets on the way (a redirect that sets a session
    cookie and expects it back) are kept for one chain on one host:
    :class:`~spector_refs.check.chain.ChainFollower` forgets them between.
    """

    def __init__(self, config: LinkCheckConfig, transport: Transport):
        self.config = config
        self.transport = transport
        self._handle_now: _Transfer | None = None
        self._origin = ""

    def close(self) -> None:
        self.release()

    def forget_cookies(self) -> None:
        if self._handle_now is not None:
            self._handle_now.forget_cookies()

    def release(self) -> None:
        """Give the handle (and its connection) back for other workers: the chain is done with its origin."""
        if self._handle_now is not None:
            self.transport.put_back(self._origin, self._handle_now)
            self._handle_now = None

    def _handle(self, origin: str) -> _Transfer:
        """This chain's handle for ``origin``: kept across its hops there (cookies), swapped on leaving."""
        if self._handle_now is None or origin != self._origin:
            self.release()
            self._handle_now, self._origin = self.transport.take(origin), origin
        return self._handle_now

    def fetch(self, url: str, host: str, slot: HostSlot, deadline: float) -> Task[Answer | Failure]:
        """The answer for one URL (no redirects followed), HEAD first where it helps.

        A GET alone is its request's own task, not one wrapped in another:
        every wait of a check resumes each of its generators.
        """
        if wants_head(url, self.config.method):
            return self._head_first(url, host, slot, deadline)
        return self._request("GET", url, host, slot, deadline)

    def _head_first(self, url: str, host: str, slot: HostSlot, deadline: float) -> Task[Answer | Failure]:
        """HEAD, then GET unless the HEAD settled it (see :func:`head_suffices`) or timed out."""
        head = yield from self._request("HEAD", url, host, slot, deadline)
        if isinstance(head, Answer) and head_suffices(head):
            return head
        if isinstance(head, Failure) and head.verdict is Verdict.TIMEOUT:
            return head
        answer = yield from self._request("GET", url, host, slot, deadline)
        if isinstance(head, Answer) and isinstance(answer, Answer) and head.status >= 400:
            note = f"HEAD answered {head.status}, checked with GET"
            return replace(answer, notes=(note, *answer.notes))
        return answer

    def _request(
        self, method: str, url: str, host: str, slot: HostSlot, deadline: float
    ) -> Task[Answer | Failure]:
        """The final answer after retrying resets, garbled answers and 429/502/503/504."""
        notes: list[str] = []
        for attempt in range(self.config.retries + 1):
            granted = slot.turn(host, deadline)
            if not isinstance(granted, bool):
                granted = yield Turn(slot, host, deadline, granted)
            if not granted:
                return Failure(Verdict.TIMEOUT, f"the deadline passed while waiting for a turn on {host}")
            outcome = yield from self._exchange(method, url, deadline, notes)
            last = attempt >= self.config.retries
            if isinstance(outcome, tuple):  # a reset or a garbled answer: try again at once
                failure = outcome[0]
                if last or time.monotonic() >= deadline:
                    return failure
                continue
            if isinstance(outcome, Failure):
                return outcome
            wait = None if last else self._retry_wait(outcome, attempt, deadline)
            if wait is None:
                return outcome
            notes.append(f"retried after HTTP {outcome.status}, waiting {wait:.1f} s")
            slot.back_off(wait)
        raise AssertionError("the last attempt always returns")  # pragma: no cover

    def _exchange(
        self, method: str, url: str, deadline: float, notes: list[str]
    ) -> Task[Answer | Failure | tuple[Failure]]:
        """One request; a failure worth retrying comes back wrapped in a tuple."""
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            return self._past_deadline()
        host = url_host(url)
        try:
            address = self.transport.resolver.pinned(host)
            port = url_port(url)
        except (OSError, ValueError) as exc:
            return failure_from_exception(exc, url)
        transfer = self._handle(f"{url_parts(url).scheme}://{host}:{port}")
        transfer.begin(
            method,
            self.config.max_body_bytes,
            address,
            min(self.config.connect_timeout, remaining),
            self.config.timeout,
        )
        curl = transfer.curl
        curl.setopt(pycurl.URL, url)
        pin = _pin(host, port, address)
        if pin and pin != transfer.pin:  # a handle serves one origin: set once
            curl.setopt(pycurl.RESOLVE, pin)
            transfer.pin = pin
        head = method == "HEAD"
        if head != transfer.head:  # the method only when it changes
            curl.setopt(*((pycurl.NOBODY, 1) if head else (pycurl.HTTPGET, 1)))
            transfer.head = head
        perform = transfer.perform
        perform.deadline = deadline
        perform.time_out_at_deadline(deadline - remaining)
        error = yield perform
        if error is not None:
            return self._ended(transfer, error[0], error[1], url, deadline, notes)
        return transfer.answer(notes)

    def _ended(
        self, transfer: _Transfer, code: int, message: str, url: str, deadline: float, notes: list[str]
    ) -> Answer | Failure | tuple[Failure]:
        """What a transfer that libcurl stopped early still says."""
        if transfer.connect_error is not None:
            if time.monotonic() >= deadline:
                return self._past_deadline()
            return failure_from_exception(transfer.connect_error, url)
        if transfer.malformed:
            return Failure(
                Verdict.SERVER_ERROR, f"the server sent a malformed HTTP answer ({transfer.malformed})"
            )
        if code == _CURL_WEIRD_REPLY and message == "Header without colon" and transfer.status:
            # as browsers do, take the answer's status; libcurl will not read on past such a line
            return transfer.answer(
                notes, "a header line without a colon: the page was not read", truncated=True
            )
        if transfer.head_done and transfer.status:
            if code == _CURL_WRITE_ERROR and not transfer.capped:
                return transfer.answer(notes)  # a body nobody reads
            if transfer.capped:
                return transfer.answer(
                    notes, f"read the first {transfer.limit} bytes of the page", truncated=True
                )
            if code == _CURL_TIMEOUT and time.monotonic() >= deadline:
                return transfer.answer(notes, "stopped reading the page at the deadline", truncated=True)
            if transfer.silent:
                message = f"nothing for {self.config.timeout:g} s"
            return transfer.answer(notes, f"the page was cut off ({message})", truncated=True)
        if code == _CURL_TIMEOUT and time.monotonic() >= deadline:
            return self._past_deadline()
        if code == CURL_ABORTED and transfer.silent:
            return Failure(Verdict.TIMEOUT, "the server did not answer in time")
        failure, transient = curl_failure(code, message)
        return (failure,) if transient else failure

    def _past_deadline(self) -> Failure:
        return Failure(
            Verdict.TIMEOUT, f"the server did not answer within the {self.config.deadline:g} s deadline"
        )

    def _retry_wait(self, answer: Answer, attempt: int, deadline: float) -> float | None:
        """Seconds to wait before retrying this answer; None to keep it as final."""
        if answer.status not in RETRY_STATUSES:
            return None
        if answer.headers.get("cf-mitigated"):
            return None
        backoff = self.config.backoff * 2**attempt + random.uniform(0, self.config.backoff)
        asked = retry_after(answer.headers.get("retry-after"))
        if asked is not None and asked > self.config.max_retry_after:
            return None
        wait = max(asked or 0.0, backoff)
        return wait if time.monotonic() + wait < deadline else None


@lru_cache(maxsize=1)
def ca_bundle() -> str:
    """certifi's CA bundle: the ``cacert.pem`` in its package directory, found without importing certifi.

    ``certifi.where()`` finds it through :mod:`importlib.resources`, whose
    import brings zipfile, tempfile, shutil, bz2 and lzma: ~10 ms of CPU on
    every run's way to its first request. An installed certifi is a
    directory holding the file; only another layout (a zipped package, a
    distribution's certifi pointing elsewhere) is asked ``where()``.
    """
    spec = importlib.util.find_spec("certifi")
    for directory in (spec.submodule_search_locations or []) if spec else []:
        path = os.path.join(directory, "cacert.pem")
        if os.path.isfile(path):
            return path
    import certifi

    return certifi.where()


@lru_cache(maxsize=1024)
def _pin(host: str, port: int, address: str) -> list[str]:
    """``CURLOPT_RESOLVE``'s entry for a host name (none for an address literal), worked out once per host.

    Reading a host as a number (:func:`~spector_refs.check.safety.numeric_host`)
    took ~10 µs of every request to an address literal.
    """
    if numeric_host(host) is not None:
        return []
    return [f"{host}:{port}:{address if ':' not in address else f'[{address}]'}"]


def retry_after(value: str | None) -> float | None:
    """Seconds a Retry-After header asks for (delta-seconds or an HTTP date)."""
    if not value:
        return None
    value = value.strip()
    if value.isdigit():
        return float(value)
    import email.utils  # only for an HTTP date, rare: its ~10 ms import stays off most runs' start-up

    try:
        when = email.utils.parsedate_to_datetime(value)
    except (TypeError, ValueError):
        return None
    if when is None or when.tzinfo is None:
        return None
    return max(when.timestamp() - time.time(), 0.0)
