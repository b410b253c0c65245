"""Fixtures shared by the assessment tests."""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

NOT_FOUND = "<html><head><title>404 Not Found</title></head></html>"


@pytest.fixture
def serve_pages() -> Iterator[Callable[[dict[str, str]], str]]:
    """Serve ``{path: html}`` on 127.0.0.1 (a 404 page elsewhere) and give the base URL.

    The assessment reads checked pages (figures, declarations), so its tests
    need a real server the link checker can reach — loopback only.
    """
    servers: list[ThreadingHTTPServer] = []

    def serve(pages: dict[str, str]) -> str:
        class Pages(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, format: str, *args: object) -> None:
                """Quiet."""

            def do_HEAD(self) -> None:
                self.do_GET()

            def do_GET(self) -> None:
                body = pages.get(self.path, NOT_FOUND).encode()
                self.send_response(200 if self.path in pages else 404)
                self.send_header("Content-Type", "text/html; charset=utf-8")
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                if self.command == "GET":
                    self.wfile.write(body)

        httpd = ThreadingHTTPServer(("127.0.0.1", 0), Pages)
        threading.Thread(target=httpd.serve_forever, daemon=True).start()
        servers.append(httpd)
        return f"http://127.0.0.1:{httpd.server_address[1]}"

    yield serve
    for httpd in servers:
        httpd.shutdown()
        httpd.server_close()
