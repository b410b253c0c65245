"""Crashes and concurrency: the link cache survives kill -9 and sharing.

A real ``spector-refs links`` run over 1 000 loopback URLs is killed with
SIGKILL once a few hundred checks are recorded. The cache must still open
(SQLite integrity check), keep every row recorded before the kill, and a
second run must request exactly the URLs that were not recorded (the
server counts requests per path, so the per-host soft-404 probe, one
request more per run, is off; and it counts from when the killed run's
last requests have been read, which a loaded machine can delay). Two runs sharing one cache file at the
same time must both finish with correct results.
"""

from __future__ import annotations

import json
import signal
import sqlite3
import threading
import time
from pathlib import Path

import pytest

from spector_refs.check.cache import LinkCache

from .checks import run_cli, start_cli
from .faulty_server import FaultyServer, ok

URLS = 1_000
SETTINGS = """
[links]
allow-private = true
per-host = 2
per-host-interval = 0
timeout = 5
deadline = 10
retries = 0
soft-404-probe = false
"""


@pytest.fixture
def workspace(tmp_path: Path) -> Path:
    (tmp_path / "spector-refs.toml").write_text(SETTINGS, encoding="utf-8")
    return tmp_path


def _url_list(folder: Path, server: FaultyServer, paths: list[str], name: str = "urls.txt") -> Path:
    path = folder / name
    path.write_text("".join(server.url(p) + "\n" for p in paths), encoding="utf-8")
    return path


def _recorded(cache: Path) -> dict[str, str]:
    """URL → checked_at of every latest result in the cache (read-only, while others write)."""
    if not cache.exists():
        return {}
    with sqlite3.connect(f"file:{cache}?mode=ro", uri=True, timeout=10) as db:
        try:
            return dict(db.execute("SELECT url, checked_at FROM results"))
        except sqlite3.OperationalError:
            return {}


def _history_rows(cache: Path) -> int:
    with sqlite3.connect(cache, timeout=10) as db:
        return db.execute("SELECT count(*) FROM checks").fetchone()[0]


def _integrity(cache: Path) -> str:
    with sqlite3.connect(cache, timeout=10) as db:
        return db.execute("PRAGMA integrity_check").fetchone()[0]


def test_kill_nine_mid_run_then_resume(workspace: Path) -> None:
    paths = [f"/page/{n}" for n in range(URLS)]
    cache = workspace / "links.sqlite3"
    with FaultyServer({"*": ok}, latency=0.004) as server:
        urls = _url_list(workspace, server, paths)
        args = [
            "links",
            str(urls),
            "--cache",
            str(cache),
            "--format",
            "json",
            "-o",
            str(workspace / "out.json"),
        ]
        child = start_cli(args, cwd=workspace)
        deadline = time.monotonic() + 60
        while len(_recorded(cache)) < 200:
            assert child.poll() is None, child.stderr.read().decode()[-2000:] if child.stderr else ""
            assert time.monotonic() < deadline, "the run recorded nothing for a minute"
            time.sleep(0.02)
        child.send_signal(signal.SIGKILL)
        child.wait(10)
        assert child.returncode == -signal.SIGKILL
        assert not (workspace / "out.json").exists(), "the killed run cannot have finished"

        assert _integrity(cache) == "ok"
        before = _recorded(cache)
        history_before = _history_rows(cache)
        assert 200 <= len(before) < URLS, len(before)
        server.settle()
        server.requests.clear()

        rerun = run_cli(args, cwd=workspace, timeout=120)
        assert rerun.returncode == 0, rerun.stderr.decode()[-2000:]
        requested = set(server.requests)
        twice = {path: n for path, n in server.requests.items() if n != 1}
        assert not twice, f"asked more than once in the rerun: {twice}"

    missing = {p for p in paths if server.url(p) not in before}
    assert requested == missing, f"rerun requested {len(requested)}, missing were {len(missing)}"
    after = _recorded(cache)
    assert len(after) == URLS
    assert all(after[url] == checked_at for url, checked_at in before.items()), "a recorded check was lost"
    assert _history_rows(cache) == history_before + len(missing)
    report = json.loads((workspace / "out.json").read_text(encoding="utf-8"))
    links = report["results"]
    assert len(links) == URLS
    assert {link["verdict"] for link in links} == {"ok"}
    print(f"killed after {len(before)} of {URLS} recorded; rerun requested {len(requested)}")


def test_two_processes_share_one_cache(workspace: Path) -> None:
    """Overlapping runs on one new cache file: both finish, every URL has one correct latest result."""
    cache = workspace / "shared.sqlite3"
    with FaultyServer({"*": ok}, latency=0.002) as server:
        first = _url_list(
            workspace, server, [f"/a/{n}" for n in range(300)] + [f"/both/{n}" for n in range(200)]
        )
        second = _url_list(
            workspace,
            server,
            [f"/b/{n}" for n in range(300)] + [f"/both/{n}" for n in range(200)],
            "second.txt",
        )
        runs = [
            start_cli(["links", str(path), "--cache", str(cache), "--format", "json"], cwd=workspace)
            for path in (first, second)
        ]
        outputs = [run.communicate(timeout=120) for run in runs]
    for run, (stdout, stderr) in zip(runs, outputs, strict=True):
        assert run.returncode == 0, stderr.decode()[-2000:]
        assert b"Traceback" not in stderr and b"locked" not in stderr
        report = json.loads(stdout)
        links = report["results"]
        assert len(links) == 500
        assert {link["verdict"] for link in links} == {"ok"}
    assert _integrity(cache) == "ok"
    recorded = _recorded(cache)
    assert len(recorded) == 800
    assert set(recorded) == {server.url(p) for p in server.requests}


def test_opening_a_cache_another_process_is_creating(tmp_path: Path) -> None:
    """Two runs starting together on a new cache file: the second waits for the first's lock.

    The first run's switch of a brand-new file to WAL mode holds a lock for
    a moment; the second run must wait for it (as it does for every other
    lock), not give up with "database is locked". Simulated exactly: another
    connection holds a write lock on a new, not yet WAL, file for 0.3 s.
    """
    path = tmp_path / "new.sqlite3"
    other = sqlite3.connect(path, isolation_level=None, check_same_thread=False)
    other.execute("CREATE TABLE creating (x)")
    other.execute("BEGIN IMMEDIATE")
    release = threading.Timer(0.3, lambda: other.execute("COMMIT"))
    release.start()
    try:
        LinkCache(path).close()
    finally:
        release.join()
        other.close()
    assert _integrity(path) == "ok"
