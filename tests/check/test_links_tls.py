"""TLS is verified: a page served with a certificate no trusted authority signed is a tls-error."""

from __future__ import annotations

import ssl
from pathlib import Path

from loopback import LoopbackServer

from spector_refs.check import check_links
from spector_refs.model import Verdict

TLS = Path(__file__).resolve().parent.parent / "fixtures" / "tls"


def test_a_self_signed_certificate_is_a_tls_error_never_ok(loopback_config):
    server = LoopbackServer("127.0.0.1")
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(TLS / "self-signed.pem", TLS / "self-signed.key")
    server.socket = context.wrap_socket(server.socket, server_side=True)
    server.start()
    try:
        [result] = check_links([f"https://127.0.0.1:{server.port}/article"], loopback_config)
    finally:
        server.stop()
    assert result.verdict is Verdict.TLS_ERROR
    assert "could not be verified" in result.reason and "self-signed" in result.reason
    assert server.count("/article") == 0
