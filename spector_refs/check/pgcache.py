"""The link history in PostgreSQL, for a cluster whose workers share one history.

Same two tables as the SQLite file (``checks`` append-only, ``results`` the
latest result per URL) and the same dead-after-N-failures rule, applied by
the checker to the history read from here. Concurrent writers are safe: each
check is one transaction, and a result only replaces an older one, so two
workers recording the same URL in either order leave the later check as the
latest. Table creation is serialised by an advisory lock, since
``CREATE TABLE IF NOT EXISTS`` races in PostgreSQL. Needs ``psycopg`` 3 (the
``cluster`` extra).
"""

from __future__ import annotations

import threading
from collections.abc import Iterable
from typing import Any
from urllib.parse import urlsplit

from spector_refs.check.cache import (
    SCHEMA_VERSION,
    check_records,
    decode_result,
    encode_result,
    group_histories,
    is_recorded,
)
from spector_refs.errors import ConfigError
from spector_refs.model import CheckRecord, LinkResult

_LOCK_KEY = 0x5EC7_0CAC  # any fixed number: the advisory lock guarding schema creation
_SCHEMA = (
    "CREATE TABLE IF NOT EXISTS checks ("
    " url TEXT NOT NULL, checked_at TEXT NOT NULL, verdict TEXT NOT NULL, status_code INTEGER,"
    " id BIGSERIAL PRIMARY KEY)",
    "CREATE INDEX IF NOT EXISTS checks_by_url ON checks (url, checked_at)",
    "CREATE TABLE IF NOT EXISTS results ("
    " url TEXT PRIMARY KEY, checked_at TEXT NOT NULL, result TEXT NOT NULL, page BYTEA)",
    "CREATE TABLE IF NOT EXISTS cache_meta (version INTEGER NOT NULL)",
)
_UPSERT = (
    "INSERT INTO results VALUES (%s, %s, %s, %s) ON CONFLICT (url) DO UPDATE"
    " SET checked_at = EXCLUDED.checked_at, result = EXCLUDED.result, page = EXCLUDED.page"
    " WHERE results.checked_at <= EXCLUDED.checked_at"
)


class PostgresLinkCache:
    """A thread-safe handle on a PostgreSQL link history (one connection, short transactions)."""

    def __init__(self, url: str):
        try:
            import psycopg
        except ImportError:
            raise ConfigError(
                "links.cache-path: a postgresql:// cache needs psycopg; install spector-refs[cluster]"
            ) from None
        self._psycopg = psycopg
        self._lock = threading.Lock()
        try:
            self._db = psycopg.connect(url, autocommit=True)
            self._migrate()
        except psycopg.Error as exc:
            raise ConfigError(
                f"links.cache-path: cannot use {_safe(url)} as the link cache ({_first_line(exc)})"
            ) from None

    def _migrate(self) -> None:
        with self._db.transaction():
            self._db.execute("SELECT pg_advisory_xact_lock(%s)", (_LOCK_KEY,))
            for statement in _SCHEMA:
                self._db.execute(statement)
            row = self._db.execute("SELECT version FROM cache_meta").fetchone()
            if row is None:
                self._db.execute("INSERT INTO cache_meta VALUES (%s)", (SCHEMA_VERSION,))
            elif row[0] != SCHEMA_VERSION:
                raise self._psycopg.DatabaseError(f"unknown cache schema version {row[0]}")

    def fresh(self, urls: Iterable[str], *, since: str, text: bool = True) -> dict[str, LinkResult]:
        """The latest results checked at or after ``since``, with their earlier history (see LinkCache)."""
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return {}
        column = "page" if text else "NULL"
        with self._lock:
            rows = self._db.execute(
                f"SELECT url, result, {column} FROM results WHERE checked_at >= %s AND url = ANY(%s)",
                (since, wanted),
            ).fetchall()
            histories = self._histories([row[0] for row in rows])
        return {url: decode_result(payload, page, histories.get(url, [])) for url, payload, page in rows}

    def _histories(self, urls: list[str]) -> dict[str, list[dict[str, Any]]]:
        rows = self._db.execute(
            "SELECT url, checked_at, verdict, status_code FROM checks WHERE url = ANY(%s)"
            " ORDER BY url, checked_at, id",
            (urls,),
        ).fetchall()
        return group_histories(rows)

    def history(self, url: str) -> tuple[CheckRecord, ...]:
        """Every recorded check of ``url``, oldest first."""
        return self.histories([url]).get(url, ())

    def histories(self, urls: Iterable[str]) -> dict[str, tuple[CheckRecord, ...]]:
        """Every recorded check of each URL, oldest first, in one query (unchecked URLs left out)."""
        wanted = list(dict.fromkeys(urls))
        if not wanted:
            return {}
        with self._lock:
            grouped = self._histories(wanted)
        return {url: check_records(rows) for url, rows in grouped.items()}

    def record(self, result: LinkResult) -> None:
        """Add one check to the history and make it the latest result, in one transaction."""
        self.record_all([result])

    def record_all(self, results: Iterable[LinkResult]) -> None:
        """Add each check to the history and make it the latest result, all in one transaction."""
        rows = [(result, *encode_result(result)) for result in results if is_recorded(result)]
        if not rows:
            return
        with self._lock, self._db.transaction(), self._db.cursor() as cursor:
            cursor.executemany(
                "INSERT INTO checks (url, checked_at, verdict, status_code) VALUES (%s, %s, %s, %s)",
                [(r.url, r.checked_at, str(r.verdict), r.status_code) for r, _, _ in rows],
            )
            cursor.executemany(_UPSERT, [(r.url, r.checked_at, payload, page) for r, payload, page in rows])

    def close(self) -> None:
        with self._lock:
            self._db.close()


def _safe(url: str) -> str:
    """The URL without its password, for messages."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    user = f"{parts.username}@" if parts.username else ""
    return f"{parts.scheme}://{user}{host}{parts.path}"


def _first_line(exc: Exception) -> str:
    return str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
