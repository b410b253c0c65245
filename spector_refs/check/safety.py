"""Keep the link checker from being turned against the network it runs in.

A reference list is untrusted input: a URL such as ``http://169.254.169.254/``
or ``http://2130706433/`` (127.0.0.1 in decimal) would make the checker probe
the machine's own services. Each host is therefore resolved once, every
address it resolves to is vetted (private, loopback, link-local, multicast,
reserved and unspecified ranges are refused unless ``allow_private``), and
the connection is pinned to the vetted address (see ``http.Transport``)
so a second DNS answer cannot swap in another one (DNS rebinding).
"""

from __future__ import annotations

import errno
import ipaddress
import re
import socket
import threading
from collections.abc import Callable
from dataclasses import dataclass

from spector_refs.model import Verdict

IPAddress = ipaddress.IPv4Address | ipaddress.IPv6Address
_NUMERIC_LABEL = re.compile(r"^(?:0[xX][0-9a-fA-F]*|[0-9]+)$")
_NAME_NOT_FOUND = {socket.EAI_NONAME, getattr(socket, "EAI_NODATA", socket.EAI_NONAME)}
_NETWORK_ERRNOS = {errno.ENETUNREACH, errno.ENETDOWN, errno.EHOSTUNREACH}


class UnvettedHostError(OSError):
    """A connection was attempted to a host the resolver has not vetted (a bug)."""


@dataclass(frozen=True)
class Resolution:
    """A host's vetted address, or the verdict explaining why there is none."""

    address: str | None
    verdict: Verdict | None = None
    reason: str = ""


def numeric_host(host: str) -> IPAddress | None:
    """The address a numeric host denotes, in any form a browser accepts.

    Browsers (WHATWG URL) read ``2130706433``, ``0x7f.1``, ``017700000001``
    and ``127.1`` as 127.0.0.1, and so does the C resolver; reading them here
    lets them be refused without any DNS traffic. Returns None for names.
    """
    bare = host.strip("[]")
    if ":" in bare:
        try:
            return ipaddress.IPv6Address(bare.split("%", 1)[0])
        except ValueError:
            return None
    labels = bare.rstrip(".").split(".")
    if not labels or not all(_NUMERIC_LABEL.match(label) for label in labels) or len(labels) > 4:
        return None
    numbers = [_label_value(label) for label in labels]
    *head, last = numbers
    if any(n > 255 for n in head) or last >= 256 ** (5 - len(numbers)):
        return None
    value = last
    for position, number in enumerate(head):
        value += number << (8 * (3 - position))
    return ipaddress.IPv4Address(value)


def _label_value(label: str) -> int:
    if label[:2].lower() == "0x":
        return int(label[2:] or "0", 16)
    if len(label) > 1 and label.startswith("0"):
        return int(label, 8) if set(label) <= set("01234567") else 1 << 40
    return int(label)


def address_problem(address: IPAddress) -> str | None:
    """Why this address may not be checked, in words; None if it is public.

    IPv6 forms that embed an IPv4 address (``::ffff:127.0.0.1``, 6to4,
    Teredo) are judged by the address they carry.
    """
    if isinstance(address, ipaddress.IPv6Address):
        embedded = address.ipv4_mapped or address.sixtofour or (address.teredo or (None, None))[1]
        if embedded is not None:
            inner = address_problem(embedded)
            return f"{inner} (inside {address})" if inner else None
    for attribute, words in (
        ("is_loopback", "loopback"),
        ("is_unspecified", "unspecified"),
        ("is_link_local", "link-local"),
        ("is_multicast", "multicast"),
        ("is_reserved", "reserved"),
        ("is_private", "private"),
    ):
        if getattr(address, attribute):
            return f"{words} address {address}"
    if not address.is_global:
        return f"non-public address {address}"
    return None


class HostResolver:
    """Resolves each host once per run, vets its addresses and remembers the pin.

    ``getaddrinfo`` is injectable so tests can play DNS (including a
    rebinding server that answers differently the second time).
    """

    def __init__(self, *, allow_private: bool = False, getaddrinfo: Callable[..., list] | None = None):
        self.allow_private = allow_private
        self._getaddrinfo = getaddrinfo
        self._lock = threading.Lock()
        self._host_locks: dict[str, threading.Lock] = {}
        self._resolved: dict[str, Resolution] = {}

    def resolve(self, host: str) -> Resolution:
        """The vetted address of ``host``, looked up at most once per run."""
        key = normalise_host(host)
        with self._lock:
            if key in self._resolved:
                return self._resolved[key]
            host_lock = self._host_locks.setdefault(key, threading.Lock())
        with host_lock:
            with self._lock:
                if key in self._resolved:
                    return self._resolved[key]
            resolution = self._lookup(key)
            with self._lock:
                self._resolved[key] = resolution
            return resolution

    def known(self, host: str) -> Resolution | None:
        """``host``'s resolution if it was looked up already (None: :meth:`resolve` would look it up)."""
        return self._resolved.get(normalise_host(host))

    def pinned(self, host: str) -> str:
        """The address a connection to ``host`` must use; never looks anything up."""
        with self._lock:
            resolution = self._resolved.get(normalise_host(host))
        if resolution is None or resolution.address is None:
            raise UnvettedHostError(f"refusing to connect to {host}: its address was not vetted")
        return resolution.address

    def _lookup(self, host: str) -> Resolution:
        literal = numeric_host(host)
        if literal is not None:
            return self._vet([literal], host)
        lookup = self._getaddrinfo or socket.getaddrinfo
        try:
            infos = lookup(host, None, type=socket.SOCK_STREAM)
        except socket.gaierror as exc:
            return _dns_failure(host, exc)
        except UnicodeError:
            return Resolution(None, Verdict.INVALID, f"the host name {host!r} is not a valid domain name")
        except OSError as exc:
            return _os_failure(host, exc)
        addresses = [ipaddress.ip_address(str(info[4][0]).split("%", 1)[0]) for info in infos]
        if not addresses:
            return Resolution(None, Verdict.BROKEN, f"DNS name not found: {host} has no address")
        return self._vet(addresses, host)

    def _vet(self, addresses: list[IPAddress], host: str) -> Resolution:
        """Refuse the host if any of its addresses is not public; pin IPv4 first."""
        if not self.allow_private:
            for address in addresses:
                problem = address_problem(address)
                if problem:
                    shown = "" if str(address) == host.strip("[]") else f"{host} resolves to "
                    reason = f"{shown}{problem}, which is not checked (--allow-private checks it)"
                    return Resolution(None, Verdict.REFUSED, reason)
        addresses = sorted(addresses, key=lambda address: address.version)
        return Resolution(str(addresses[0]), None, "")


def normalise_host(host: str) -> str:
    """The key hosts are compared by: lower case, no brackets, no final dot."""
    return host.strip("[]").rstrip(".").lower()


def _dns_failure(host: str, exc: socket.gaierror) -> Resolution:
    """NXDOMAIN is an answer (the name is gone); any other failure is a failed lookup.

    Whether a failed lookup means this machine is offline or only this
    host's name servers are broken is settled once the run knows whether
    anything was reached (``LinkChecker._settle_offline``).
    """
    if exc.errno in _NAME_NOT_FOUND:
        return Resolution(None, Verdict.BROKEN, f"DNS name not found: {host}")
    return Resolution(None, Verdict.DNS_FAILURE, f"DNS lookup of {host} failed: {exc.strerror or exc}")


def _os_failure(host: str, exc: OSError) -> Resolution:
    if exc.errno in _NETWORK_ERRNOS:
        return Resolution(None, Verdict.NETWORK_UNAVAILABLE, f"no route to {host}: {exc.strerror or exc}")
    return Resolution(None, Verdict.DNS_FAILURE, f"DNS lookup of {host} failed: {exc}")


def is_network_errno(exc: BaseException | None) -> bool:
    """True for the errors a machine without a network gives on connect."""
    while exc is not None:
        if isinstance(exc, OSError) and exc.errno in _NETWORK_ERRNOS:
            return True
        exc = exc.__cause__ or exc.__context__
    return False
