"""TLS is verified: a page served with a certificate no trusted authority signed is a tls-error."""

from __future__ import annotations

import ssl
import subprocess
import sys
from pathlib import Path

import certifi
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


def test_the_ca_bundle_is_certifis_found_without_importing_it():
    """``ca_bundle``: the same file as ``certifi.where()``, read from the package directory in a fresh
    interpreter that never loads certifi (nor importlib.resources' zipfile)."""
    probe = (
        "import json, sys\nfrom spector_refs.check.http import ca_bundle\n"
        "print(json.dumps([ca_bundle(), 'certifi' in sys.modules, 'zipfile' in sys.modules]))"
    )
    found = subprocess.run(
        [sys.executable, "-c", probe], capture_output=True, text=True, check=True, timeout=60
    )
    assert found.stdout.strip() == f'["{certifi.where()}", false, false]'
