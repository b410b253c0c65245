"""A loopback HTTP server that misbehaves on purpose, one fault per path.

Written on raw sockets, not ``http.server``, because the faults live below
HTTP: a reset in the middle of a body, a status line that is not one, a
server that accepts and then says nothing. It listens on 127.0.0.1 only,
counts requests and the most requests it served at once (the per-host
politeness limit is checked against that), and can wrap its socket in TLS
with a certificate the client does not trust.
"""

from __future__ import annotations

import contextlib
import gzip
import socket
import ssl
import threading
import time
from collections import Counter
from collections.abc import Callable

Handler = Callable[["Exchange"], None]
HTML = ("Content-Type: text/html",)
PAGE = (
    b"<!DOCTYPE html><html><head><title>A page</title></head><body><h1>Report</h1><p>Text.</p></body></html>"
)


class Exchange:
    """One request on one connection, and the means to answer it badly."""

    def __init__(self, server: FaultyServer, conn: socket.socket, path: str):
        self.server = server
        self.conn = conn
        self.path = path

    def send(self, data: bytes) -> None:
        self.conn.sendall(data)

    def answer(
        self, status: str, body: bytes, headers: tuple[str, ...] = ("Content-Type: text/html",)
    ) -> None:
        head = [f"HTTP/1.1 {status}", f"Content-Length: {len(body)}", *headers, "", ""]
        self.send("\r\n".join(head).encode("latin-1") + body)

    def reset(self) -> None:
        """Close with RST instead of FIN (SO_LINGER 0), as a crashed peer does."""
        self.conn.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, b"\x01\x00\x00\x00\x00\x00\x00\x00")
        self.conn.close()

    def stall(self) -> None:
        """Say nothing until the test ends."""
        self.server.stopping.wait()

    def trickle(self, data: bytes, interval: float = 1.0) -> None:
        """Send one byte per ``interval`` (slowloris from the server side)."""
        for index in range(len(data)):
            if self.server.stopping.wait(interval):
                return
            self.send(data[index : index + 1])


def ok(exchange: Exchange) -> None:
    exchange.answer("200 OK", PAGE)


def reset_mid_body(exchange: Exchange) -> None:
    exchange.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n" + PAGE)
    time.sleep(0.05)
    exchange.reset()


def reset_before_answer(exchange: Exchange) -> None:
    exchange.reset()


def close_before_answer(exchange: Exchange) -> None:
    exchange.conn.close()


def silent(exchange: Exchange) -> None:
    exchange.stall()


def slow_headers(exchange: Exchange) -> None:
    exchange.trickle(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nX-Slow: " + b"a" * 600 + b"\r\n\r\n")


def slow_body(exchange: Exchange) -> None:
    exchange.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 100000\r\n\r\n")
    exchange.trickle(PAGE * 1000, interval=0.5)


def endless_body(exchange: Exchange) -> None:
    exchange.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<html><body>")
    chunk = b"<p>more</p>" * 1000
    with contextlib.suppress(OSError):
        while not exchange.server.stopping.is_set():
            exchange.send(chunk)


def endless_chunked(exchange: Exchange) -> None:
    exchange.send(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n")
    chunk = b"<p>more</p>" * 1000
    frame = f"{len(chunk):x}\r\n".encode() + chunk + b"\r\n"
    with contextlib.suppress(OSError):
        while not exchange.server.stopping.is_set():
            exchange.send(frame)


_BOMB_MEMBER = gzip.compress(b" " * (8 * 2**20), compresslevel=9)
GZIP_BOMB_BYTES = 128 * 8 * 2**20
"""The bomb inflates to 1 GiB: 128 gzip members of 8 MiB of spaces (about 1 MB on the wire)."""


def gzip_bomb(exchange: Exchange) -> None:
    body = _BOMB_MEMBER * (GZIP_BOMB_BYTES // (8 * 2**20))
    exchange.send(
        b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
        + f"Content-Length: {len(body)}\r\n\r\n".encode()
    )
    with contextlib.suppress(OSError):
        exchange.send(body)


def raw(data: bytes) -> Handler:
    """A handler that sends ``data`` verbatim and closes."""

    def send_raw(exchange: Exchange) -> None:
        exchange.send(data)

    return send_raw


MALFORMED = {
    "/garbage-status": b"SPDY/9 what\r\n\r\n",
    "/no-status-code": b"HTTP/1.1 \r\nContent-Length: 0\r\n\r\n",
    "/huge-status-code": b"HTTP/1.1 99999999999999999999 Big\r\nContent-Length: 0\r\n\r\n",
    "/negative-length": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: -5\r\n\r\nabc",
    "/two-lengths": b"HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 9\r\n\r\nabc",
    "/header-without-colon": b"HTTP/1.1 200 OK\r\nthis is not a header\r\nContent-Length: 2\r\n\r\nok",
    "/header-line-100k": b"HTTP/1.1 200 OK\r\nX-Big: " + b"a" * 100_000 + b"\r\nContent-Length: 2\r\n\r\nok",
    "/ten-thousand-headers": b"HTTP/1.1 200 OK\r\n" + b"X-H: v\r\n" * 10_000 + b"Content-Length: 2\r\n\r\nok",
    "/nul-in-header": b"HTTP/1.1 200 OK\r\nX-A: a\x00b\r\nContent-Length: 2\r\n\r\nok",
    "/bad-chunks": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n"
    b"zz\r\nabc",
    "/short-body": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 500\r\n\r\n<html>cut",
    "/bad-gzip": b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: gzip\r\n"
    b"Content-Length: 10\r\n\r\nnot-gzip!!",
    "/binary-status": b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03" + bytes(range(256)),
    "/http-0.9": b"<html>no status line at all</html>",
    "/redirect-no-location": b"HTTP/1.1 302 Found\r\nContent-Length: 0\r\n\r\n",
    "/redirect-garbage-location": b"HTTP/1.1 302 Found\r\nLocation: http://[::1\r\nContent-Length: 0\r\n\r\n",
}
ROUTES: dict[str, Handler] = {
    "/ok": ok,
    "/reset-mid-body": reset_mid_body,
    "/reset-before-answer": reset_before_answer,
    "/close-before-answer": close_before_answer,
    "/silent": silent,
    "/slow-headers": slow_headers,
    "/slow-body": slow_body,
    "/endless-body": endless_body,
    "/endless-chunked": endless_chunked,
    "/gzip-bomb": gzip_bomb,
    **{path: raw(data) for path, data in MALFORMED.items()},
}


class FaultyServer:
    """Serve ``routes`` on 127.0.0.1 in daemon threads; optionally over TLS.

    ``banner`` is sent as soon as a client connects, before anything is
    read: a plain HTTP server's error answer to a TLS hello, for instance.
    """

    def __init__(
        self,
        routes: dict[str, Handler] | None = None,
        *,
        tls: ssl.SSLContext | None = None,
        latency: float = 0.0,
        banner: bytes | None = None,
        host: str = "127.0.0.1",
        backlog: int = 512,
    ):
        self.routes = routes if routes is not None else ROUTES
        self.tls = tls
        self.latency = latency
        self.banner = banner
        self.stopping = threading.Event()
        self.requests: Counter[str] = Counter()
        self.max_in_flight = 0
        self.max_connections = 0
        self._in_flight = 0
        self._connections = 0
        self._last_event = time.monotonic()
        self._lock = threading.Lock()
        self._listener = socket.create_server((host, 0), backlog=backlog)
        self.port = self._listener.getsockname()[1]
        self.scheme = "https" if tls else "http"
        self._thread = threading.Thread(target=self._accept, daemon=True)

    def url(self, path: str) -> str:
        return f"{self.scheme}://127.0.0.1:{self.port}{path}"

    def __enter__(self) -> FaultyServer:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.stopping.set()
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)
        self._listener.close()
        self._thread.join(5)

    @property
    def total_requests(self) -> int:
        return sum(self.requests.values())

    def settle(self, quiet: float = 0.3, timeout: float = 10.0) -> None:
        """Return once no connection is open and nothing arrived for ``quiet`` seconds.

        A client killed mid-run leaves requests in the kernel's buffers
        that a busy server's threads read and count only later; counting
        a re-run's requests from before they are read would count them
        twice. Raises ``TimeoutError`` if the server never goes quiet.
        """
        deadline = time.monotonic() + timeout
        while True:
            with self._lock:
                idle = self._connections == 0 and time.monotonic() - self._last_event >= quiet
            if idle:
                return
            if time.monotonic() > deadline:
                raise TimeoutError(f"{self._connections} connections still open after {timeout} s")
            time.sleep(quiet / 10)

    def _accept(self) -> None:
        while not self.stopping.is_set():
            try:
                conn, _ = self._listener.accept()
            except OSError:
                return
            self._count_connection(+1)
            threading.Thread(target=self._serve_connection, args=(conn,), daemon=True).start()

    def _serve_connection(self, conn: socket.socket) -> None:
        try:
            if self.banner is not None:
                conn.sendall(self.banner)
            if self.tls is not None:
                conn = self.tls.wrap_socket(conn, server_side=True)
            conn.settimeout(30)
            reader = conn.makefile("rb")
            while not self.stopping.is_set():
                path = _read_request(reader)
                if path is None:
                    return
                if not self._handle(conn, path):
                    return
        except (OSError, ssl.SSLError, ValueError):
            return
        finally:
            self._count_connection(-1)
            with contextlib.suppress(OSError):
                conn.close()

    def _handle(self, conn: socket.socket, path: str) -> bool:
        """Answer one request; True if the connection may serve another."""
        route = path.split("?", 1)[0]
        handler = self.routes.get(route) or self.routes.get("*") or _not_found
        with self._lock:
            self.requests[path] += 1
            self._last_event = time.monotonic()
            self._in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self._in_flight)
        try:
            if self.latency:
                time.sleep(self.latency)
            handler(Exchange(self, conn, path))
        finally:
            with self._lock:
                self._in_flight -= 1
        return handler in (ok, _not_found) or getattr(handler, "keep_alive", False)

    def _count_connection(self, delta: int) -> None:
        with self._lock:
            self._connections += delta
            self._last_event = time.monotonic()
            self.max_connections = max(self.max_connections, self._connections)


def _not_found(exchange: Exchange) -> None:
    exchange.answer("404 Not Found", b"<html><title>Not found</title><h1>Page not found</h1></html>")


def _read_request(reader) -> str | None:  # type: ignore[no-untyped-def]
    """The path of the next request on the connection; None when the client is gone."""
    line = reader.readline(65536)
    if not line:
        return None
    parts = line.decode("latin-1").split()
    while True:
        header = reader.readline(65536)
        if header in (b"\r\n", b"\n", b""):
            break
    return parts[1] if len(parts) >= 2 else "/"


def refused_port() -> int:
    """A loopback port with nothing listening (bound, then closed)."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]
