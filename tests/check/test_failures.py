"""Exceptions named as an editor would name them; TLS ones too, though ``failures`` never imports ssl."""

from __future__ import annotations

import ssl

from spector_refs.check.failures import Failure, failure_from_exception
from spector_refs.model import Verdict


def test_tls_exceptions_are_tls_errors_even_when_wrapped() -> None:
    verify = ssl.SSLCertVerificationError(1, "certificate verify failed")
    verify.verify_message = "self-signed certificate"
    wrapped = ConnectionError("wrapped")
    wrapped.__cause__ = verify
    failure = failure_from_exception(wrapped, "https://example.org/")
    assert failure == Failure(
        Verdict.TLS_ERROR, "the TLS certificate could not be verified (self-signed certificate)"
    )
    plain = failure_from_exception(ssl.SSLError(1, "wrong version number"), "https://example.org/")
    assert (plain.verdict, plain.reason.startswith("TLS failed: ")) == (Verdict.TLS_ERROR, True)


def test_other_exceptions_keep_their_rules() -> None:
    assert failure_from_exception(ConnectionRefusedError(), "http://x/").verdict is Verdict.BROKEN
    assert failure_from_exception(TimeoutError(), "http://x/").verdict is Verdict.TIMEOUT
    assert failure_from_exception(RuntimeError("odd"), "http://x/").verdict is Verdict.SERVER_ERROR
