"""Network faults against a real loopback server: every check ends in a verdict, in time, in bounded memory.

Each fault of :mod:`faulty_server` is checked with a short configuration
(1 s socket timeout, 3 s deadline per URL, 256 KiB body cap). The test
asserts the verdict an editor should see, that the check returned within
the deadline (plus scheduling slack), and that Python's peak allocation
stayed far below what the fault would cost if it were obeyed (an endless
body, a 1 GiB gzip bomb).
"""

from __future__ import annotations

import json
import shutil
import socket
import ssl
import subprocess
import threading
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import pytest

from spector_refs.check import LinkCheckConfig, LinkChecker, check_links
from spector_refs.model import LinkResult, Verdict

from .checks import run_cli
from .faulty_server import MALFORMED, Exchange, FaultyServer, ok, refused_port, silent

CONFIG = LinkCheckConfig(
    allow_private=True,
    timeout=1.0,
    connect_timeout=1.0,
    deadline=3.0,
    retries=1,
    backoff=0.05,
    per_host_interval=0,
    max_body_bytes=256 * 1024,
    cache_path=None,
)
SLACK = 1.5
MEMORY_BOUND = 24 * 2**20
"""Peak Python allocation allowed for one check: 1/40 of the gzip bomb, far above the body cap."""
CUT_OFF = {"/reset-mid-body", "/bad-chunks", "/short-body", "/bad-gzip"}
EXPECTED: dict[str, set[Verdict]] = {
    "/ok": {Verdict.OK},
    "/reset-mid-body": {Verdict.OK},
    "/reset-before-answer": {Verdict.SERVER_ERROR},
    "/close-before-answer": {Verdict.SERVER_ERROR},
    "/silent": {Verdict.TIMEOUT},
    "/slow-headers": {Verdict.TIMEOUT},
    "/slow-body": {Verdict.OK, Verdict.TIMEOUT},
    "/endless-body": {Verdict.OK},
    "/endless-chunked": {Verdict.OK},
    "/gzip-bomb": {Verdict.OK},
    "/garbage-status": {Verdict.SERVER_ERROR},
    "/no-status-code": {Verdict.SERVER_ERROR},
    "/huge-status-code": {Verdict.SERVER_ERROR},
    "/negative-length": {Verdict.OK, Verdict.SERVER_ERROR},
    "/two-lengths": {Verdict.SERVER_ERROR},
    "/header-without-colon": {Verdict.OK, Verdict.SERVER_ERROR},
    "/header-line-100k": {Verdict.SERVER_ERROR},
    "/ten-thousand-headers": {Verdict.SERVER_ERROR},
    "/nul-in-header": {Verdict.OK, Verdict.SERVER_ERROR},
    "/bad-chunks": {Verdict.OK},
    "/short-body": {Verdict.OK},
    "/bad-gzip": {Verdict.OK},
    "/binary-status": {Verdict.SERVER_ERROR},
    "/http-0.9": {Verdict.SERVER_ERROR},
    "/redirect-no-location": {Verdict.BROKEN},
    "/redirect-garbage-location": {Verdict.INVALID, Verdict.BROKEN, Verdict.SERVER_ERROR},
}
assert set(MALFORMED) <= set(EXPECTED)


@pytest.fixture(scope="module")
def server() -> Iterator[FaultyServer]:
    with FaultyServer() as running:
        yield running


def check_one(url: str, config: LinkCheckConfig = CONFIG) -> tuple[LinkResult, float, int]:
    """The result of checking one URL, the seconds it took and the peak bytes Python allocated."""
    tracemalloc.start()
    started = time.monotonic()
    try:
        [result] = check_links([url], config)
    finally:
        elapsed = time.monotonic() - started
        peak = tracemalloc.get_traced_memory()[1]
        tracemalloc.stop()
    return result, elapsed, peak


@pytest.mark.parametrize("path", EXPECTED)
def test_fault_ends_in_a_verdict(server: FaultyServer, path: str) -> None:
    result, elapsed, peak = check_one(server.url(path))
    assert result.verdict in EXPECTED[path], (result.verdict, result.reason)
    assert result.reason
    assert elapsed <= CONFIG.deadline + SLACK, f"{elapsed:.1f} s"
    assert peak <= MEMORY_BOUND, f"peak {peak / 2**20:.1f} MiB"
    if path in ("/endless-body", "/endless-chunked", "/gzip-bomb"):
        assert "first 262144 bytes" in result.reason
    if path in CUT_OFF:
        assert "cut off" in result.reason


def test_connection_refused() -> None:
    result, elapsed, _ = check_one(f"http://127.0.0.1:{refused_port()}/page")
    assert result.verdict is Verdict.BROKEN and "refused" in result.reason
    assert elapsed <= CONFIG.deadline


def test_connections_never_made_each_time_out_at_the_connect_timeout() -> None:
    """A server whose accept queue is full drops every SYN: each connect waits out its own timeout.

    The connects run side by side (begun without blocking, watched by the
    loop), so twelve of them end within one connect timeout, not in turns
    of a few at a time that would run into the deadline.
    """
    with socket.create_server(("127.0.0.1", 0), backlog=0) as full:
        port = full.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port)):  # the one place in the queue
            urls = [f"http://127.0.0.1:{port}/page-{n}" for n in range(12)]
            config = LinkCheckConfig(**{**_fields(CONFIG), "per_host": 12, "concurrency": 12, "retries": 0})
            started = time.monotonic()
            results = check_links(urls, config)
            elapsed = time.monotonic() - started
    assert [r.reason for r in results] == ["the server did not answer in time"] * len(urls)
    assert {r.verdict for r in results} == {Verdict.TIMEOUT}
    assert CONFIG.connect_timeout <= elapsed <= CONFIG.connect_timeout + SLACK, f"{elapsed:.1f} s"


def test_a_connection_made_late_still_carries_the_request() -> None:
    """A connect whose first SYN was dropped (the server's accept queue full) is made when the SYN is
    sent again, a second later: the loop waits for it beside the other sockets, then libcurl asks."""
    server = FaultyServer({"/page": ok}, backlog=0)
    with socket.create_connection(("127.0.0.1", server.port)):  # the one place in the queue
        threading.Timer(0.3, server.__enter__).start()  # accepting again: the queue has room
        try:
            config = LinkCheckConfig(**{**_fields(CONFIG), "connect_timeout": 4.0, "deadline": 6.0})
            result, _, _ = check_one(server.url("/page"), config)
        finally:
            server.__exit__()
    assert result.verdict is Verdict.OK, result.reason
    assert server.requests["/page"] == 1


def test_many_faults_at_once_stay_within_one_deadline(server: FaultyServer) -> None:
    """All the slow faults in one run: workers run them side by side, none waits on another."""
    slow = ["/silent", "/slow-headers", "/slow-body", "/endless-body", "/gzip-bomb"]
    urls = [server.url(f"{path}?copy={n}") for path in slow for n in range(3)]
    config = LinkCheckConfig(**{**_fields(CONFIG), "per_host": 16, "concurrency": 16})
    started = time.monotonic()
    results = check_links(urls, config)
    assert len(results) == len(urls)
    assert time.monotonic() - started <= 2 * config.deadline + SLACK
    assert {r.verdict for r in results} <= {Verdict.OK, Verdict.TIMEOUT}


def _fields(config: LinkCheckConfig) -> dict[str, object]:
    return {name: getattr(config, name) for name in config.__dataclass_fields__}


# --- TLS -------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def certificate(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A self-signed certificate for the name "wrong.example", made with the openssl program."""
    openssl = shutil.which("openssl")
    if openssl is None:
        pytest.skip("neither the cryptography package nor the openssl program is installed")
    folder = tmp_path_factory.mktemp("tls")
    cert, key = folder / "cert.pem", folder / "key.pem"
    subprocess.run(
        [openssl, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=wrong.example",
         "-keyout", str(key), "-out", str(cert)],
        check=True,
        capture_output=True,
        timeout=60,
    )  # fmt: skip
    return cert, key


def _tls_server(certificate: tuple[Path, Path]) -> FaultyServer:
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(*certificate)
    return FaultyServer({"*": ok}, tls=context)


def test_self_signed_certificate(certificate: tuple[Path, Path]) -> None:
    with _tls_server(certificate) as tls:
        result, elapsed, _ = check_one(tls.url("/page"))
    assert result.verdict is Verdict.TLS_ERROR, result.reason
    assert "certificate" in result.reason
    assert elapsed <= CONFIG.deadline
    assert tls.total_requests == 0, "no request may be sent over an unverified connection"


def test_plain_http_on_an_https_url() -> None:
    """A plain HTTP server answers the TLS hello with an HTTP error: "wrong version number"."""
    with FaultyServer({"*": ok}, banner=b"HTTP/1.1 400 Bad Request\r\nContent-Length: 0\r\n\r\n") as plain:
        result, elapsed, _ = check_one(f"https://127.0.0.1:{plain.port}/ok")
    assert result.verdict is Verdict.TLS_ERROR, result.reason
    assert elapsed <= CONFIG.deadline


def test_tls_handshake_never_answered() -> None:
    with FaultyServer({"*": silent}) as quiet:
        result, elapsed, _ = check_one(f"https://127.0.0.1:{quiet.port}/")
    assert result.verdict in {Verdict.TIMEOUT, Verdict.TLS_ERROR}, result.reason
    assert elapsed <= CONFIG.deadline + SLACK


# --- politeness under load -------------------------------------------------------------------------


def test_ten_thousand_urls_on_one_host_keep_the_per_host_limit() -> None:
    """10 000 distinct URLs on one host: never more than ``per_host`` requests at once."""
    config = LinkCheckConfig(**{**_fields(CONFIG), "per_host": 2, "concurrency": 16})
    with FaultyServer({"*": ok}, latency=0.0005) as busy:
        urls = [busy.url(f"/page/{n}") for n in range(10_000)]
        started = time.monotonic()
        results = check_links(urls, config)
        elapsed = time.monotonic() - started
    print(f"10 000 URLs in {elapsed:.1f} s, max in flight {busy.max_in_flight}, "
          f"max connections {busy.max_connections}")  # fmt: skip
    assert len(results) == 10_000
    assert all(result.verdict is Verdict.OK for result in results)
    assert busy.total_requests == 10_001, "every URL once, and once the host's soft-404 probe"
    assert busy.max_in_flight <= config.per_host
    assert busy.max_in_flight == config.per_host, "the limit should be reached, or the test proves little"


# --- private addresses -----------------------------------------------------------------------------

PUBLIC = "93.184.216.34"
NAMES = {"public.example": PUBLIC, "internal.example": "10.1.2.3", "metadata.example": "169.254.169.254"}


def _fake_getaddrinfo(host: str, port: object, *args: object, **kwargs: object) -> list:
    if host not in NAMES:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
    return [(socket.AF_INET, socket.SOCK_STREAM, 6, "", (NAMES[host], 0))]


@pytest.fixture
def public_host(monkeypatch: pytest.MonkeyPatch) -> Iterator[tuple[FaultyServer, list[tuple[str, int]]]]:
    """A loopback server posing as public.example; every connection attempt is recorded.

    The connection layer is replaced, so a connection to any address but
    the fake public one fails the test without a packet being sent.
    """
    attempts: list[tuple[str, int]] = []
    redirects = {
        "/to-private": "http://10.0.0.5/admin",
        "/to-loopback": "http://127.0.0.1:9/",
        "/to-metadata": "http://169.254.169.254/latest/meta-data/",
        "/to-internal-name": "http://internal.example/",
        "/to-metadata-name": "http://metadata.example/",
        "/to-decimal-loopback": "http://2130706433/",
        "/to-mapped-ipv6": "http://[::ffff:127.0.0.1]/",
        "/to-zero": "http://0.0.0.0/",
    }

    def redirect(exchange: Exchange) -> None:
        exchange.answer("302 Found", b"", (f"Location: {redirects[exchange.path]}",))

    with FaultyServer({path: redirect for path in redirects}) as server:

        def connect_public(sock: socket.socket, address: tuple[str, int]) -> None:
            attempts.append((address[0], address[1]))
            if address[0] != PUBLIC:
                raise AssertionError(f"a connection to {address} was attempted")
            connect(sock, ("127.0.0.1", server.port))

        connect = socket.socket.connect
        monkeypatch.setattr(socket.socket, "connect", connect_public)
        yield server, attempts


@pytest.mark.parametrize(
    "path",
    ["/to-private", "/to-loopback", "/to-metadata", "/to-internal-name", "/to-metadata-name",
     "/to-decimal-loopback", "/to-mapped-ipv6", "/to-zero"],
)  # fmt: skip
def test_redirect_to_a_private_address_is_refused(public_host, path: str) -> None:
    server, attempts = public_host
    config = LinkCheckConfig(**{**_fields(CONFIG), "allow_private": False})
    with LinkChecker(config, getaddrinfo=_fake_getaddrinfo) as checker:
        [result] = checker.check([f"http://public.example:{server.port}{path}"])
    assert result.verdict is Verdict.REFUSED, (result.verdict, result.reason)
    assert result.redirects and result.redirects[0].status_code == 302
    assert {address for address, _ in attempts} == {PUBLIC}, attempts
    assert server.requests[path] == 1


def test_private_first_hop_sends_nothing(server: FaultyServer) -> None:
    """Without allow_private the loopback server itself is refused before any connection."""
    before = server.total_requests
    config = LinkCheckConfig(**{**_fields(CONFIG), "allow_private": False})
    result, _, _ = check_one(server.url("/ok"), config)
    assert result.verdict is Verdict.REFUSED
    assert server.total_requests == before


# --- the command line over every fault -----------------------------------------------------------


def test_links_command_over_every_fault(server: FaultyServer, tmp_path: Path) -> None:
    """``spector-refs links`` on a list of every faulty URL: a verdict per URL, no traceback."""
    (tmp_path / "spector-refs.toml").write_text(
        "[links]\nallow-private = true\ntimeout = 1\nconnect-timeout = 1\ndeadline = 3\nretries = 0\n"
        "per-host = 16\nmax-body-bytes = 262144\n",
        encoding="utf-8",
    )
    urls = [server.url(path) for path in EXPECTED] + [f"http://127.0.0.1:{refused_port()}/"]
    (tmp_path / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
    started = time.monotonic()
    proc = run_cli(["links", "urls.txt", "--no-cache", "--format", "json"], cwd=tmp_path, timeout=120)
    err = proc.stderr.decode("utf-8", errors="replace")
    assert "Traceback" not in err, err[-3000:]
    assert proc.returncode in (0, 1), err[-2000:]
    results = {item["url"]: item["verdict"] for item in json.loads(proc.stdout)["results"]}
    assert set(results) == set(urls)
    for path, verdicts in EXPECTED.items():
        assert Verdict(results[server.url(path)]) in verdicts, (path, results[server.url(path)])
    assert time.monotonic() - started <= 2 * CONFIG.deadline + 10
