"""The persistent link cache: every check with its time, in one SQLite file.

Two tables: ``checks`` is the append-only history (one row per check, the
evidence that a link has been failing for days), ``results`` the latest full
result per URL (reused while younger than ``max_age``). WAL mode and one
short transaction per check let several runs share the file, and a run that
crashes keeps everything it recorded before.
"""

from __future__ import annotations

import json
import sqlite3
import threading
import time
import zlib
from collections.abc import Iterable
from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any, Protocol

from spector_refs.errors import ConfigError
from spector_refs.model import CheckRecord, LinkResult, Verdict
from spector_refs.serialize import link_result_from_dict, link_result_to_dict

SCHEMA_VERSION = 1
_BATCH = 400  # URLs per query, under SQLite's limit on bound parameters
PAGE_COMPRESSION = 1
"""zlib level of the stored page text. The parent process compresses every page a run
checks, as it arrives: level 1 takes ~0.3 ms for a 30 KB article's text, the default
level 6 ~1.1 ms (~0.9 s of CPU in a cold 800-URL run) for ~20% less space. Any level
decompresses the same way, so caches written before read unchanged."""
FAILING = frozenset(
    {
        Verdict.BROKEN,
        Verdict.SOFT_404,
        Verdict.USURPED,
        Verdict.REDIRECT_LOOP,
        Verdict.SERVER_ERROR,
        Verdict.TIMEOUT,
        Verdict.DNS_FAILURE,
        Verdict.TLS_ERROR,
    }
)
WORKING = frozenset({Verdict.OK, Verdict.REDIRECTED})
# Verdicts that depend on this run's configuration or machine, not on the page.
NOT_RECORDED = frozenset(
    {Verdict.NETWORK_UNAVAILABLE, Verdict.EXCLUDED, Verdict.REFUSED, Verdict.INVALID, Verdict.UNSUPPORTED}
)
_SCHEMA = """
CREATE TABLE IF NOT EXISTS checks (
    url TEXT NOT NULL, checked_at TEXT NOT NULL, verdict TEXT NOT NULL, status_code INTEGER);
CREATE INDEX IF NOT EXISTS checks_by_url ON checks (url, checked_at);
CREATE TABLE IF NOT EXISTS results (
    url TEXT PRIMARY KEY, checked_at TEXT NOT NULL, result TEXT NOT NULL, page BLOB);
"""


_BUSY_SECONDS = 30.0


class LinkCache:
    """A thread-safe handle on the cache file (one connection, short transactions)."""

    def __init__(self, path: str | Path):
        self.path = Path(path).expanduser()
        self._lock = threading.Lock()
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(
                self.path, timeout=_BUSY_SECONDS, isolation_level=None, check_same_thread=False
            )
            self._enable_wal()
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._migrate()
        except (sqlite3.Error, OSError) as exc:
            raise ConfigError(
                f"links.cache-path: cannot use {self.path} as the link cache ({exc}); "
                "choose another path or delete the file"
            ) from None

    def _enable_wal(self) -> None:
        """Switch to WAL, waiting out another process's lock ourselves.

        SQLite's busy timeout does not cover this pragma: while another run is
        creating the same new file it fails at once with "database is locked".
        """
        deadline = time.monotonic() + _BUSY_SECONDS
        while True:
            try:
                self._db.execute("PRAGMA journal_mode=WAL")
                return
            except sqlite3.OperationalError as exc:
                if "locked" not in str(exc) or time.monotonic() > deadline:
                    raise
                time.sleep(0.05)

    def _migrate(self) -> None:
        """Create the tables in a new file; a file of this version is only read.

        Setting the version on every open was a write: a transaction whose
        commit started a write-ahead log that ``close`` then had to
        checkpoint, ~10 ms of waiting on the disk at each end of a run
        that only reads the cache (a warm re-run).
        """
        version = self._db.execute("PRAGMA user_version").fetchone()[0]
        if version == SCHEMA_VERSION:
            return
        if version != 0:
            raise sqlite3.DatabaseError(f"unknown cache schema version {version}")
        self._db.executescript(_SCHEMA)
        self._db.execute(f"PRAGMA user_version={SCHEMA_VERSION}")

    def latest(self, url: str) -> LinkResult | None:
        """The last recorded result for ``url`` with its page text, or None."""
        return self.fresh([url], since="").get(url)

    def fresh(self, urls: Iterable[str], *, since: str, text: bool = True) -> dict[str, LinkResult]:
        """The latest results checked at or after ``since``, with their earlier history, ``from_cache``.

        One query per few hundred URLs, so a warm re-run costs milliseconds.
        ``text`` False leaves the stored page text unread: reading and
        decompressing every page would be most of a warm re-run whose caller
        (a bare link check) shows no text.
        """
        column = "page" if text else "NULL"
        wanted = list(dict.fromkeys(urls))
        found: dict[str, LinkResult] = {}
        for start in range(0, len(wanted), _BATCH):
            batch = wanted[start : start + _BATCH]
            marks = ",".join("?" * len(batch))
            with self._lock:
                rows = self._db.execute(
                    f"SELECT url, result, {column} FROM results WHERE checked_at >= ? AND url IN ({marks})",
                    (since, *batch),
                ).fetchall()
                histories = self._histories([row[0] for row in rows])
            for url, payload, page in rows:
                found[url] = decode_result(payload, page, histories.get(url, []))
        return found

    def _histories(self, urls: list[str]) -> dict[str, list[dict[str, Any]]]:
        marks = ",".join("?" * len(urls))
        rows = self._db.execute(
            f"SELECT url, checked_at, verdict, status_code FROM checks WHERE url IN ({marks})"
            " ORDER BY url, checked_at, rowid",
            urls,
        ).fetchall()
        return group_histories(rows)

    def history(self, url: str) -> tuple[CheckRecord, ...]:
        """Every recorded check of ``url``, oldest first."""
        return self.histories([url]).get(url, ())

    def histories(self, urls: Iterable[str]) -> dict[str, tuple[CheckRecord, ...]]:
        """Every recorded check of each URL, oldest first (one query per few hundred; unchecked: left out)."""
        wanted = list(dict.fromkeys(urls))
        found: dict[str, tuple[CheckRecord, ...]] = {}
        for start in range(0, len(wanted), _BATCH):
            with self._lock:
                grouped = self._histories(wanted[start : start + _BATCH])
            found.update((url, check_records(rows)) for url, rows in grouped.items())
        return found

    def record(self, result: LinkResult) -> None:
        """Add one check to the history and make it the latest result, atomically."""
        self.record_all([result])

    def record_all(self, results: Iterable[LinkResult]) -> None:
        """Add each check to the history and make it the latest result, all in one transaction.

        A worker process's batch of checks in one commit, not one each: the
        commits were a quarter of the parent's time collecting results.
        """
        rows = [(result, *encode_result(result)) for result in results if is_recorded(result)]
        if not rows:
            return
        with self._lock:
            self._db.execute("BEGIN IMMEDIATE")
            try:
                self._db.executemany(
                    "INSERT INTO checks VALUES (?, ?, ?, ?)",
                    [(r.url, r.checked_at, str(r.verdict), r.status_code) for r, _, _ in rows],
                )
                self._db.executemany(
                    "INSERT OR REPLACE INTO results VALUES (?, ?, ?, ?)",
                    [(r.url, r.checked_at, payload, page) for r, payload, page in rows],
                )
                self._db.execute("COMMIT")
            except BaseException:
                self._db.execute("ROLLBACK")
                raise

    def close(self) -> None:
        with self._lock:
            self._db.close()


class LinkHistory(Protocol):
    """What the checker and a dump audit need of a link cache, whatever holds it."""

    def fresh(self, urls: Iterable[str], *, since: str, text: bool = True) -> dict[str, LinkResult]:
        """The latest results checked at or after ``since``, marked ``from_cache``; page text if ``text``."""
        ...

    def history(self, url: str) -> tuple[CheckRecord, ...]: ...
    def histories(self, urls: Iterable[str]) -> dict[str, tuple[CheckRecord, ...]]: ...
    def record(self, result: LinkResult) -> None: ...
    def record_all(self, results: Iterable[LinkResult]) -> None: ...
    def close(self) -> None: ...


def open_cache(location: str | Path) -> LinkHistory:
    """The link history at ``location``: a PostgreSQL URL (shared by a cluster) or a SQLite file."""
    if str(location).startswith(("postgresql://", "postgres://")):
        from spector_refs.check.pgcache import PostgresLinkCache

        return PostgresLinkCache(str(location))
    return LinkCache(location)


def encode_result(result: LinkResult) -> tuple[str, bytes | None]:
    """A result as the ``results`` table stores it: JSON without history, page text compressed."""
    stored = replace(result, history=(), from_cache=False)
    page = zlib.compress(result.text.encode("utf-8"), PAGE_COMPRESSION) if result.text else None
    return json.dumps(link_result_to_dict(stored)), page


def group_histories(rows: Iterable[tuple[str, str, str, int | None]]) -> dict[str, list[dict[str, Any]]]:
    """(url, checked_at, verdict, status) rows, in order, as each URL's history in its JSON shape.

    Both link histories (SQLite here, PostgreSQL in :mod:`pgcache`) answer
    a batch of URLs with one query and share this one reading of the rows.
    """
    histories: dict[str, list[dict[str, Any]]] = {}
    for url, checked_at, verdict, status in rows:
        histories.setdefault(url, []).append(
            {"checked_at": checked_at, "verdict": verdict, "status_code": status}
        )
    return histories


def check_records(history: list[dict[str, Any]]) -> tuple[CheckRecord, ...]:
    """One URL's history from :func:`group_histories` as check records."""
    return tuple(CheckRecord(h["checked_at"], Verdict(h["verdict"]), h["status_code"]) for h in history)


def is_recorded(result: LinkResult) -> bool:
    """Whether a result goes into the history (not one that depends on this run's configuration)."""
    return result.verdict not in NOT_RECORDED and result.checked_at is not None


def decode_result(payload: str, page: bytes | None, history: list[dict]) -> LinkResult:
    """A stored result with its earlier checks, marked as coming from the cache."""
    data = json.loads(payload)
    data["history"] = [h for h in history if h["checked_at"] != data["checked_at"]]
    data["from_cache"] = True
    text = zlib.decompress(page).decode("utf-8") if page else None
    return link_result_from_dict(data, text=text)


def is_dead(records: Iterable[CheckRecord], *, failures: int, days: float) -> bool:
    """Whether the latest checks are failures spread over at least ``days``.

    Like the Internet Archive's bot, one bad day never kills a link: the
    trailing run of failures (blocked or rate-limited checks say nothing
    either way and are skipped) must hold ``failures`` checks whose first
    and last are ``days`` apart.
    """
    streak: list[CheckRecord] = []
    for record in reversed(list(records)):
        if record.verdict in WORKING:
            break
        if record.verdict in FAILING:
            streak.append(record)
    if len(streak) < failures or not streak:
        return False
    span = parse_time(streak[0].checked_at) - parse_time(streak[-1].checked_at)
    return span >= timedelta(days=days)


def parse_time(stamp: str) -> datetime:
    """An ISO UTC time as written by the checker (``2024-05-01T12:00:00Z``)."""
    return datetime.fromisoformat(stamp.replace("Z", "+00:00"))
