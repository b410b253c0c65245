"""The HTML report in a real browser: headless Chromium loads it offline and shows the findings.

Chromium runs with networking, sync, updates and QUIC off and a throw-away
profile, on a file:// URL, so the test touches no network; the page's own
Content-Security-Policy would block any load anyway. ``--dump-dom`` prints
the DOM after parsing and layout, which is what an editor's browser shows.
"""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from report_sample import ARCHIVE, CN_CLAIM, HOSTILE_TITLE

from spector_refs.model import AuditResult
from spector_refs.report import render

pytestmark = pytest.mark.external
FLAGS = (
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
)


def chromium(require_tool: Callable[[str], str], tmp_path: Path, page: Path, *extra: str) -> str:
    """Run headless Chromium on a local page and return its standard output."""
    binary = require_tool("chromium")
    profile = tmp_path / "profile"
    command = [binary, *FLAGS, f"--user-data-dir={profile}", *extra, page.as_uri()]
    done = subprocess.run(command, capture_output=True, text=True, timeout=120, check=False)
    assert done.returncode == 0, done.stderr[-2000:]
    return done.stdout


@pytest.fixture
def page(result: AuditResult, tmp_path: Path) -> Path:
    path = tmp_path / "report.html"
    path.write_text(render(result, "html"), encoding="utf-8")
    return path


def test_rendered_dom_shows_the_findings(
    require_tool: Callable[[str], str], tmp_path: Path, page: Path
) -> None:
    dom = BeautifulSoup(chromium(require_tool, tmp_path, page, "--dump-dom"), "lxml")
    tagged = dom.find(id="a0-claim-1")
    assert tagged.get_text() == CN_CLAIM
    assert "hl-tagged" in tagged["class"]
    assert tagged.find_next_sibling(class_="tag").get_text() == "[citation needed]"
    broken = dom.find(id="a0-ref-1")
    assert "broken (404)" in broken.get_text()
    assert ARCHIVE in [a["href"] for a in broken.find_all("a")]
    assert HOSTILE_TITLE in broken.get_text()
    assert not dom.find_all("script")
    assert dom.find(class_="chart-health").find("svg") is not None


def test_screenshot_is_drawn(require_tool: Callable[[str], str], tmp_path: Path, page: Path) -> None:
    shot = tmp_path / "report.png"
    chromium(require_tool, tmp_path, page, "--window-size=1280,2000", f"--screenshot={shot}")
    data = shot.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    assert int.from_bytes(data[16:20], "big") == 1280
