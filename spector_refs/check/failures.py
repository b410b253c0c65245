"""Failures without an HTTP answer, named the way an editor would name them.

Two sources: the exceptions of opening a connection (made in Python, to
the vetted address; the cause may be wrapped, so the whole chain is
searched) and libcurl's error codes for everything after.
"""

from __future__ import annotations

import socket
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass

from spector_refs.check.safety import UnvettedHostError, is_network_errno
from spector_refs.model import Verdict

_RESET = (ConnectionResetError, ConnectionAbortedError, BrokenPipeError)
_INVALID = (ValueError,)  # a port out of range, a host name IDNA cannot encode


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


def _ssl_kind(name: str) -> Callable[[BaseException], bool]:
    """An exception of the ``ssl`` module, which is not imported for this.

    libcurl does the link checker's TLS; an ``ssl`` exception (from requests,
    in an archive lookup) exists only once something imported ``ssl``, and
    importing it here cost every ``links`` run ~15 ms of CPU (a second
    OpenSSL beside the one pycurl's wheel carries).
    """

    def check(exc: BaseException) -> bool:
        ssl = sys.modules.get("ssl")
        return ssl is not None and isinstance(exc, getattr(ssl, name))

    return check


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
        _ssl_kind("SSLCertVerificationError"),
        Verdict.TLS_ERROR,
        lambda e: f"the TLS certificate could not be verified ({getattr(e, 'verify_message', '') or e})",
    ),
    (_ssl_kind("SSLError"), Verdict.TLS_ERROR, lambda e: f"TLS failed: {_words(e)}"),
    (_kind(socket.timeout), Verdict.TIMEOUT, lambda e: "the server did not answer in time"),
    (
        _kind(*_RESET),
        Verdict.SERVER_ERROR,
        lambda e: f"the server closed the connection without an answer ({type(e).__name__})",
    ),
    (_kind(*_INVALID), Verdict.INVALID, lambda e: f"the URL cannot be requested: {_words(e)}"),
)

_CURL_TLS = frozenset({35, 53, 54, 58, 59, 64, 66, 77, 80, 82, 83, 90, 91, 98})
_CURL_CERTIFICATE = 60
_CURL_RESETS = frozenset({52, 55, 56})  # empty reply, send and receive failures
_CURL_MALFORMED = frozenset({1, 8, 16, 61, 100})  # not HTTP/1.x, weird reply, framing, decoding
_CURL_INVALID = frozenset({3})
_CURL_TIMEOUT = 28


def curl_failure(code: int, message: str) -> tuple[Failure, bool]:
    """The verdict for a libcurl error before a whole answer head arrived, and whether a retry may help.

    Resets and garbled answers are retried (a server restarting, a
    connection dropped on the way); a timeout is not: a server too slow
    once will be again.
    """
    words = message if len(message) < 200 else message[:197] + "…"
    if code == _CURL_CERTIFICATE:
        return Failure(Verdict.TLS_ERROR, f"the TLS certificate could not be verified ({words})"), False
    if code in _CURL_TLS:
        return Failure(Verdict.TLS_ERROR, f"TLS failed: {words}"), False
    if code == _CURL_TIMEOUT:
        return Failure(Verdict.TIMEOUT, "the server did not answer in time"), False
    if code in _CURL_RESETS:
        return Failure(
            Verdict.SERVER_ERROR, f"the server closed the connection without an answer ({words})"
        ), True
    if code in _CURL_MALFORMED:
        return Failure(Verdict.SERVER_ERROR, f"the server sent a malformed HTTP answer ({words})"), code == 8
    if code in _CURL_INVALID:
        return Failure(Verdict.INVALID, f"the URL cannot be requested: {words}"), False
    return Failure(Verdict.SERVER_ERROR, f"the request failed: {words} (libcurl error {code})"), False
