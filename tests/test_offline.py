"""Exit code 3, end to end: the real command on a machine whose network is gone.

Issue 10: the only test of "audit exits 3 when the network is unavailable"
fed ``exit_code=3`` into a fixture and read it back. Here the command runs
in a fresh process two ways: in a Linux network namespace of its own
(``unshare -n``: no interface, not even loopback, so nothing can leave the
machine), and with name resolution failing inside the process (the way a
laptop without Wi-Fi fails), which works wherever namespaces are not
allowed. Either way links are "network-unavailable", never broken, and a
live page that cannot be fetched is exit 3 too, not a usage error.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from functools import cache
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]
ARTICLE = """'''Operation SpecTor''' was a police operation.<ref>{{cite web |url=https://news.example.org/spector
|title=Arrests |access-date=2 May 2023}}</ref> It ended in 2023.<ref>{{cite news
|url=https://www.example.com/gone |title=Gone}}</ref>

== References ==
{{reflist}}
"""
NO_DNS = """
import socket
def _offline(*args, **kwargs):
    raise socket.gaierror(socket.EAI_AGAIN, "Temporary failure in name resolution")
socket.getaddrinfo = _offline
"""


@cache
def _namespace() -> list[str] | None:
    """``unshare -n`` (``-rn`` when not root), if this machine lets us make a network namespace."""
    unshare = shutil.which("unshare")
    if unshare is None:
        return None
    for flags in ("-n", "-rn"):
        if subprocess.run([unshare, flags, "true"], capture_output=True, check=False).returncode == 0:
            return [unshare, flags]
    return None


def _offline_cli(way: str, *args: str) -> subprocess.CompletedProcess[str]:
    if way == "namespace":
        prefix = _namespace()
        if prefix is None:
            pytest.skip("this machine does not allow network namespaces (unshare -n); the no-dns case runs")
        command = [*prefix, sys.executable, "-m", "spector_refs", *args]
    else:
        run = f"import runpy, sys\nsys.argv = ['spector-refs', *{list(args)!r}]\n"
        run += "runpy.run_module('spector_refs', run_name='__main__', alter_sys=True)\n"
        command = [sys.executable, "-c", NO_DNS + run]
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(REPO), "HOME": "/nonexistent", "NO_COLOR": "1"}
    return subprocess.run(command, capture_output=True, text=True, timeout=120, env=env, check=False)


WAYS = ["namespace", "no-dns"]


@pytest.fixture
def article(tmp_path: Path) -> Path:
    path = tmp_path / "spector.wiki"
    path.write_text(ARTICLE, encoding="utf-8")
    return path


@pytest.mark.parametrize("way", WAYS)
def test_audit_exits_3_and_says_links_could_not_be_judged(way: str, article: Path) -> None:
    proc = _offline_cli(way, "audit", str(article), "--no-cache")
    assert proc.returncode == 3, proc.stderr
    first, second = proc.stdout.splitlines()[:2]
    assert first.endswith("0 broken link(s); exit code 3")
    assert second == "the network was unavailable: 2 link(s) could not be judged (not reported as dead)"


@pytest.mark.parametrize("way", WAYS)
def test_the_json_report_keeps_exit_3_and_no_link_is_dead(way: str, article: Path) -> None:
    proc = _offline_cli(way, "audit", str(article), "--no-cache", "--format", "json", "--fail-on", "warning")
    assert proc.returncode == 3, proc.stderr
    report = json.loads(proc.stdout)
    links = report["articles"][0]["links"]
    assert report["exit_code"] == 3 and report["summary"]["broken_links"] == 0
    assert [link["verdict"] for link in links] == ["network-unavailable"] * 2
    assert not any(link["dead"] for link in links)


@pytest.mark.parametrize("way", WAYS)
def test_links_exits_3(way: str, article: Path) -> None:
    proc = _offline_cli(way, "links", str(article), "--no-cache")
    assert proc.returncode == 3, proc.stderr
    assert proc.stdout.splitlines()[-1] == "2 links: 2 network-unavailable"


@pytest.mark.parametrize("way", WAYS)
@pytest.mark.parametrize("command", ["audit", "parse", "bib"])
def test_a_live_page_that_cannot_be_fetched_exits_3(way: str, command: str) -> None:
    proc = _offline_cli(way, command, "https://en.wikipedia.org/wiki/Operation_SpecTor")
    assert proc.returncode == 3 and proc.stdout == ""
    assert proc.stderr.startswith("spector-refs: error: could not reach en.wikipedia.org")
    assert len(proc.stderr.splitlines()) == 1
