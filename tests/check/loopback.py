"""A real HTTP server on a loopback address that plays every hard case of issue 4.

Tests and ``benchmarks/links.py`` start it on 127.0.0.x; nothing here ever
talks to another address. Each route is a small function so a test can see
exactly what the checker was up against; the server counts hits, records
request headers and measures how many requests were in flight at once.
"""

from __future__ import annotations

import socket
import struct
import threading
import time
from collections import Counter
from collections.abc import Callable
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit

ARTICLE = b"""<!doctype html><html><head><title>Operation SpecTor nets 288 arrests</title>
<script>var hidden = "page not found";</script></head><body><h1>Operation SpecTor nets 288 arrests</h1>
<p>Police in nine countries arrested 288 people in a crackdown on dark web drug markets.</p></body></html>"""
HOME = b"""<!doctype html><html><head><title>Example News - Home</title></head>
<body><h1>Top stories</h1><p>Welcome to Example News.</p></body></html>"""
SOFT_404 = b"""<!doctype html><html><head><title>Page not found | Example News</title></head>
<body><h1>Sorry</h1><p>Try the search box.</p></body></html>"""
SOFT_404_BODY = b"""<!doctype html><html><head><title>Example News</title></head>
<body><h1>Oops</h1><p>The page you are looking for does not exist or has been moved.</p></body></html>"""
CHALLENGE = b"""<!doctype html><html><head><title>Just a moment...</title></head><body>
<p>Enable JavaScript and cookies to continue</p><script src="/cdn-cgi/challenge-platform/x.js"></script>
</body></html>"""
NOT_FOUND = b"<!doctype html><html><head><title>404 Not Found</title></head><body>Not Found</body></html>"

Route = Callable[["Handler"], None]


class Handler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    # Headers and body go out in two writes; with Nagle's algorithm the body
    # would wait for the client's delayed ACK (40 ms) on every keep-alive request.
    disable_nagle_algorithm = True
    server: LoopbackServer

    def log_message(self, format: str, *args: object) -> None:
        """Quiet: the tests read the server's counters, not its log."""

    def do_GET(self) -> None:
        self._dispatch()

    def do_HEAD(self) -> None:
        self._dispatch()

    @property
    def route_path(self) -> str:
        return urlsplit(self.path).path

    def _dispatch(self) -> None:
        world = self.server
        world.enter(self)
        try:
            if world.latency:
                time.sleep(world.latency)
            route = world.routes.get(self.route_path) or world.prefix_route(self.route_path)
            (route or not_found)(self)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True
        finally:
            world.leave()

    def send(
        self,
        status: int,
        body: bytes = b"",
        content_type: str = "text/html; charset=utf-8",
        headers: dict[str, str] | None = None,
    ) -> None:
        """A complete answer; HEAD gets the headers only."""
        self.send_response(status)
        self.send_header("Content-Type", content_type)
        self.send_header("Content-Length", str(len(body)))
        for name, value in (headers or {}).items():
            self.send_header(name, value)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def redirect(self, status: int, location: str) -> None:
        self.send(status, b"", headers={"Location": location})


class LoopbackServer(ThreadingHTTPServer):
    """One host of the link world: ``LoopbackServer("127.0.0.2").start()``."""

    daemon_threads = True
    allow_reuse_address = True

    def __init__(
        self, host: str = "127.0.0.1", *, latency: float = 0.0, routes: dict[str, Route] | None = None
    ):
        super().__init__((host, 0), Handler)
        self.latency = latency
        self.routes: dict[str, Route] = dict(default_routes() if routes is None else routes)
        self.hits: Counter[tuple[str, str]] = Counter()
        self.requests: list[tuple[str, str, dict[str, str]]] = []
        self.in_flight = 0
        self.max_in_flight = 0
        self._lock = threading.Lock()
        self._thread: threading.Thread | None = None

    @property
    def host(self) -> str:
        return self.server_address[0]

    @property
    def port(self) -> int:
        return self.server_address[1]

    def url(self, path: str = "/", host: str | None = None) -> str:
        return f"http://{host or self.host}:{self.port}{path}"

    def start(self) -> LoopbackServer:
        self._thread = threading.Thread(
            target=self.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self._thread.start()
        return self

    def stop(self) -> None:
        self.shutdown()
        self.server_close()

    def __enter__(self) -> LoopbackServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def handle_error(self, request: object, client_address: object) -> None:
        """Clients that hang up mid-answer (the checker at its cap) are expected."""

    def enter(self, handler: Handler) -> None:
        with self._lock:
            self.hits[(handler.command, handler.route_path)] += 1
            self.requests.append((handler.command, handler.path, dict(handler.headers.items())))
            self.in_flight += 1
            self.max_in_flight = max(self.max_in_flight, self.in_flight)

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1

    def count(self, path: str, method: str | None = None) -> int:
        with self._lock:
            return sum(n for (m, p), n in self.hits.items() if p == path and method in (None, m))

    def prefix_route(self, path: str) -> Route | None:
        """Routes ending in "/" serve every path below them (``/page/…``)."""
        for prefix, route in self.routes.items():
            if prefix.endswith("/") and prefix != "/" and path.startswith(prefix):
                return route
        return None


def not_found(h: Handler) -> None:
    h.send(404, NOT_FOUND)


def status_route(status: int, body: bytes = b"<html><head><title>status</title></head></html>") -> Route:
    return lambda h: h.send(status, body)


def after_hits(path: str, first: Route, then: Route, times: int = 1) -> Route:
    """Answer ``first`` for the first ``times`` GETs of ``path``, ``then`` afterwards."""
    return lambda h: (first if h.server.count(path, "GET") <= times else then)(h)


def head_refused(h: Handler) -> None:
    if h.command == "HEAD":
        h.send(405, b"")
    else:
        h.send(200, b"%PDF-1.4 fake report", content_type="application/pdf")


def bot_wall(h: Handler) -> None:
    h.send(
        403,
        CHALLENGE,
        headers={"Server": "cloudflare", "cf-mitigated": "challenge", "CF-RAY": "8a1b2c3d4e5f6a7b-AMS"},
    )


def bot_wall_503(h: Handler) -> None:
    h.send(503, CHALLENGE, headers={"Server": "cloudflare", "CF-RAY": "8a1b2c3d4e5f6a7b-AMS"})


def slow(h: Handler) -> None:
    time.sleep(3)
    h.send(200, ARTICLE)


def _stream(h: Handler, headers: dict[str, str], piece: bytes, pause: float, chunked: bool) -> None:
    """Write ``piece`` forever (at most 30 s) until the client hangs up."""
    h.send_response(200)
    for name, value in headers.items():
        h.send_header(name, value)
    h.end_headers()
    if h.command == "HEAD":
        return
    h.close_connection = True
    stop = time.monotonic() + 30
    while time.monotonic() < stop:
        h.wfile.write(b"%x\r\n%s\r\n" % (len(piece), piece) if chunked else piece)
        if pause:
            time.sleep(pause)


def trickle(h: Handler) -> None:
    _stream(h, {"Content-Type": "text/html", "Connection": "close"}, b"<p>a", 0.1, False)


def trickle_headers(h: Handler) -> None:
    """A status line, then one more header line every 0.2 s, never ending the head."""
    h.wfile.write(b"HTTP/1.1 200 OK\r\n")
    h.close_connection = True
    stop = time.monotonic() + 30
    while time.monotonic() < stop:
        h.wfile.write(b"X-Slow: yes\r\n")
        h.wfile.flush()
        time.sleep(0.2)


def huge(h: Handler) -> None:
    size = 200 * 1024 * 1024
    _stream(
        h, {"Content-Type": "text/html", "Content-Length": str(size)}, b"<p>huge page</p>" * 4096, 0, False
    )


def endless(h: Handler) -> None:
    _stream(h, {"Content-Type": "text/html", "Transfer-Encoding": "chunked"}, b"<p>more</p>" * 1024, 0, True)


def reset(h: Handler) -> None:
    """Close with RST and no answer at all (SO_LINGER 0)."""
    h.connection.setsockopt(socket.SOL_SOCKET, socket.SO_LINGER, struct.pack("ii", 1, 0))
    h.connection.close()
    h.close_connection = True


def raw(data: bytes) -> Route:
    def send_raw(h: Handler) -> None:
        h.wfile.write(data)
        h.wfile.flush()
        h.close_connection = True

    return send_raw


def echo(h: Handler) -> None:
    """The request's headers as the page text (to prove what was sent)."""
    lines = "".join(f"<p>{name}: {value}</p>" for name, value in h.headers.items())
    h.send(200, f"<html><head><title>echo</title></head><body>{lines}</body></html>".encode())


def default_routes() -> dict[str, Route]:
    """Every case issue 4 names, by path."""
    routes: dict[str, Route] = {
        "/": lambda h: h.send(200, HOME),
        "/article": lambda h: h.send(200, ARTICLE),
        "/report.pdf": lambda h: h.send(200, b"%PDF-1.4", content_type="application/pdf"),
        "/gone": status_route(410),
        "/forbidden": status_route(403),
        "/unauthorized": status_route(401),
        "/legal": status_route(451),
        "/server-error": status_route(500),
        "/always-503": status_route(503),
        "/soft-404": lambda h: h.send(200, SOFT_404),
        "/soft-404-body": lambda h: h.send(200, SOFT_404_BODY),
        "/moved": lambda h: h.redirect(301, "/article"),
        "/found": lambda h: h.redirect(302, "/article"),
        "/chain/1": lambda h: h.redirect(301, "/chain/2"),
        "/chain/2": lambda h: h.redirect(308, "/chain/3"),
        "/chain/3": lambda h: h.redirect(301, "/article"),
        "/loop/a": lambda h: h.redirect(302, "/loop/b"),
        "/loop/b": lambda h: h.redirect(302, "/loop/a"),
        "/self-loop": lambda h: h.redirect(301, "/self-loop"),
        "/news/2023/05/02/operation-spector": lambda h: h.redirect(301, "/"),
        "/story/12345": lambda h: h.redirect(302, "/login?next=/story/12345"),
        "/login": lambda h: h.send(200, b"<html><head><title>Sign in</title></head></html>"),
        "/to-ftp": lambda h: h.redirect(302, "ftp://files.example/"),
        "/head-405.pdf": head_refused,
        "/bot-wall": bot_wall,
        "/bot-wall-503": bot_wall_503,
        "/rate-limited": after_hits(
            "/rate-limited",
            lambda h: h.send(429, b"", headers={"Retry-After": "1"}),
            lambda h: h.send(200, ARTICLE),
        ),
        "/rate-limited-long": lambda h: h.send(429, b"", headers={"Retry-After": "3600"}),
        "/flaky": after_hits("/flaky", status_route(503), lambda h: h.send(200, ARTICLE)),
        "/slow": slow,
        "/trickle": trickle,
        "/trickle-headers": trickle_headers,
        "/huge": huge,
        "/endless": endless,
        "/reset": reset,
        "/bad-status-line": raw(b"HTTX/1.1 200 OK\r\nContent-Length: 0\r\n\r\n"),
        "/bad-header": raw(
            b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nthis line is no header\r\n"
            b"Content-Length: 45\r\nConnection: close\r\n\r\n"
            b"<html><title>fine</title><p>body</p></html>\n"
        ),
        "/echo": echo,
        "/page/": lambda h: h.send(200, ARTICLE),
    }
    return routes
