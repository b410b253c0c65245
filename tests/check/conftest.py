"""Fixtures for the link checker's tests: loopback servers and a fast config.

Every server listens on 127.0.0.x; checks against them need
``allow_private``, which ``loopback_config`` sets.
"""

from __future__ import annotations

import ipaddress
import socket
from collections.abc import Callable, Iterator

import pytest
from loopback import LoopbackServer

from spector_refs.check import LinkCheckConfig


@pytest.fixture
def server() -> Iterator[LoopbackServer]:
    with LoopbackServer("127.0.0.1") as world:
        yield world


@pytest.fixture
def other_server() -> Iterator[LoopbackServer]:
    """A second host (127.0.0.2) for cross-host redirects and per-host limits."""
    with LoopbackServer("127.0.0.2") as world:
        yield world


@pytest.fixture
def loopback_config() -> LinkCheckConfig:
    """Short timeouts and no politeness interval, so the hard cases run quickly."""
    return LinkCheckConfig(
        allow_private=True,
        timeout=1.0,
        connect_timeout=1.0,
        deadline=4.0,
        backoff=0.05,
        per_host_interval=0.0,
        max_retry_after=3.0,
    )


@pytest.fixture
def fake_dns() -> Callable[[dict[str, str]], Callable[..., list]]:
    """A getaddrinfo that answers from a table (and fails for anything else).

    Address literals answer themselves, as the C resolver's do.
    """

    def build(table: dict[str, str]) -> Callable[..., list]:
        def getaddrinfo(host: str, port: object, *args: object, **kwargs: object) -> list:
            address = host if _is_address(host) else table.get(host)
            if address is None:
                raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
            family = socket.AF_INET6 if ":" in address else socket.AF_INET
            return [(family, socket.SOCK_STREAM, 6, "", (address, port or 0))]

        return getaddrinfo

    return build


def _is_address(host: str) -> bool:
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


@pytest.fixture
def no_connections(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Make every outgoing connection fail loudly and record the attempt.

    Refusal tests use it to prove that a refused address is refused
    *before* any connection: a bug could not send traffic anywhere.
    """
    attempts: list[tuple] = []

    def forbidden(address: tuple, *args: object, **kwargs: object) -> None:
        attempts.append(address)
        raise AssertionError(f"connection attempted to {address}")

    import urllib3.util.connection

    monkeypatch.setattr(socket, "create_connection", forbidden)
    monkeypatch.setattr(urllib3.util.connection, "create_connection", forbidden)
    monkeypatch.setattr(socket.socket, "connect", lambda self, address: forbidden(address))
    return attempts


class PublicWeb:
    """Loopback servers standing in for hosts with public addresses.

    Each name resolves to a public address of its own (``extra`` adds names
    that resolve elsewhere), so the safety gate treats it as any site on the
    web; a connection to that address on port 80 reaches the name's
    loopback server instead. Every connection attempt is recorded, and one
    to any other address fails loudly: nothing leaves the machine.
    """

    def __init__(
        self, servers: dict[str, LoopbackServer], dns: Callable[[dict[str, str]], Callable[..., list]]
    ):
        self.addresses = {name: f"93.184.215.{n}" for n, name in enumerate(servers, start=14)}
        self._routes = {
            (self.addresses[name], 80): (server.host, server.port) for name, server in servers.items()
        }
        self._dns = dns
        self.extra: dict[str, str] = {}
        self.connections: list[tuple[str, int]] = []

    def getaddrinfo(self, host: str, *args: object, **kwargs: object) -> list:
        return self._dns({**self.addresses, **self.extra})(host, *args, **kwargs)

    def connect(self, sock: socket.socket, address: tuple[str, int]) -> None:
        """``socket.socket.connect`` for the test: to the name's server, blocking or not as ``sock`` is."""
        self.connections.append(address)
        if address not in self._routes:
            raise AssertionError(f"connection attempted to {address}")
        _CONNECT(sock, self._routes[address])


_CONNECT = socket.socket.connect


@pytest.fixture
def public_web(
    monkeypatch: pytest.MonkeyPatch, fake_dns: Callable[[dict[str, str]], Callable[..., list]]
) -> Callable[..., PublicWeb]:
    """``public_web({"news.test": server}, extra={"intranet.test": "10.0.0.9"})``: a :class:`PublicWeb`."""

    def build(servers: dict[str, LoopbackServer], extra: dict[str, str] | None = None) -> PublicWeb:
        web = PublicWeb(servers, fake_dns)
        web.extra = dict(extra or {})
        monkeypatch.setattr(socket.socket, "connect", lambda sock, address: web.connect(sock, address))
        return web

    return build
