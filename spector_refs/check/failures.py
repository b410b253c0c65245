"""Failures without an HTTP answer, named the way an editor would name them.

urllib3 wraps the real cause several layers deep (a ``MaxRetryError``
holding a ``ProtocolError`` holding a ``ConnectionResetError``); the cause
decides the verdict, so the whole chain is searched.
"""

from __future__ import annotations

import http.client
import socket
import ssl
from collections.abc import Callable, Iterator
from dataclasses import dataclass

import urllib3.exceptions

from spector_refs.check.safety import UnvettedHostError, is_network_errno
from spector_refs.model import Verdict

_RESET = (ConnectionResetError, ConnectionAbortedError, BrokenPipeError, http.client.RemoteDisconnected)
_MALFORMED = (
    http.client.HTTPException,
    urllib3.exceptions.ProtocolError,
    urllib3.exceptions.HeaderParsingError,
    urllib3.exceptions.DecodeError,
)
_INVALID = (urllib3.exceptions.LocationValueError, UnicodeError)


@dataclass(frozen=True)
class Failure:
    """A check that ended without a usable answer (refused, timed out, reset…)."""

    verdict: Verdict
    reason: str


def causes(exc: BaseException) -> Iterator[BaseException]:
    """The exception and everything it wraps, outermost first."""
    seen: set[int] = set()
    pending = [exc]
    while pending:
        current = pending.pop(0)
        if id(current) in seen:
            continue
        seen.add(id(current))
        yield current
        wrapped = [getattr(current, "reason", None), current.__cause__, current.__context__, *current.args]
        pending += [item for item in wrapped if isinstance(item, BaseException)]


def failure_from_exception(exc: BaseException, url: str) -> Failure:
    """The verdict for a request that raised instead of answering."""
    chain = list(causes(exc))
    for matches, verdict, reason in _RULES:
        found = next((item for item in chain if matches(item)), None)
        if found is not None:
            return Failure(verdict, reason(found))
    return Failure(Verdict.SERVER_ERROR, f"the request failed: {_words(exc)}")


def _words(exc: BaseException) -> str:
    text = str(exc) or type(exc).__name__
    return text if len(text) < 200 else text[:197] + "…"


def _kind(*kinds: type) -> Callable[[BaseException], bool]:
    return lambda exc: isinstance(exc, kinds)


def _is_timeout(exc: BaseException) -> bool:
    # urllib3's NewConnectionError subclasses ConnectTimeoutError for
    # historical reasons; a refused connection is not a timeout.
    if isinstance(exc, urllib3.exceptions.NewConnectionError):
        return False
    return isinstance(exc, _TIMEOUTS)


_TIMEOUTS = (
    urllib3.exceptions.ConnectTimeoutError,
    urllib3.exceptions.ReadTimeoutError,
    socket.timeout,
)
_RULES: tuple[tuple[Callable[[BaseException], bool], Verdict, Callable[[BaseException], str]], ...] = (
    (_kind(UnvettedHostError), Verdict.REFUSED, str),
    (
        lambda e: is_network_errno(e),
        Verdict.NETWORK_UNAVAILABLE,
        lambda e: f"no route to the server: {_words(e)}",
    ),
    (
        _kind(ConnectionRefusedError),
        Verdict.BROKEN,
        lambda e: "connection refused: no server listens at this address",
    ),
    (
        _kind(ssl.SSLCertVerificationError),
        Verdict.TLS_ERROR,
        lambda e: f"the TLS certificate could not be verified ({getattr(e, 'verify_message', '') or e})",
    ),
    (
        _kind(urllib3.exceptions.SSLError, ssl.SSLError),
        Verdict.TLS_ERROR,
        lambda e: f"TLS failed: {_words(e)}",
    ),
    (_is_timeout, Verdict.TIMEOUT, lambda e: "the server did not answer in time"),
    (
        _kind(*_RESET),
        Verdict.SERVER_ERROR,
        lambda e: f"the server closed the connection without an answer ({type(e).__name__})",
    ),
    (_kind(*_INVALID), Verdict.INVALID, lambda e: f"the URL cannot be requested: {_words(e)}"),
    (
        _kind(*_MALFORMED),
        Verdict.SERVER_ERROR,
        lambda e: f"the server sent a malformed HTTP answer ({_words(e)})",
    ),
)
