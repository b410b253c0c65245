"""``sources update``: rebuild the source data from Cite Unseen's live pages on Meta-Wiki.

The bundled data is a snapshot; Cite Unseen's lists (``Cite_Unseen/sources/*``
on Meta-Wiki) are kept up to date by editors. This module fetches those pages
through the MediaWiki API — only when the user asks, with a descriptive
User-Agent as Wikimedia's policy requires — stores their wikitext with the
revision ids in the user's data directory, and runs the same build as
``python -m spector_refs.assess.build`` over the bundled lists plus these
pages. The resulting ``sources.json`` in the data directory then takes
precedence over the bundled one (see :func:`source_data_in_use`).
"""

from __future__ import annotations

import json
import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import requests

from spector_refs.assess.build import DATA, LIVE, build_sources, render
from spector_refs.errors import FetchError
from spector_refs.output import write_atomically
from spector_refs.version import user_agent

META_API = "https://meta.wikimedia.org/w/api.php"
PAGE_PREFIX = "Cite_Unseen/sources/"
SOURCES_FILE = "sources.json"


@dataclass(frozen=True)
class UpdateResult:
    """What an update wrote: the data file, the pages it read and when."""

    data_file: Path
    pages: tuple[str, ...]
    missing: tuple[str, ...]
    sites: int
    fetched: str


def source_data_in_use(configured: str | None, data_dir: Path) -> Path | None:
    """The ``sources.json`` to use: the configured file, else the data directory's, else None (bundled)."""
    if configured:
        return Path(configured)
    candidate = data_dir / SOURCES_FILE
    return candidate if candidate.is_file() else None


def update_source_data(
    data_dir: Path,
    *,
    session: requests.Session | None = None,
    timeout: float = 30,
    now: datetime | None = None,
) -> UpdateResult:
    """Fetch the live pages into ``data_dir/upstream/`` and write ``data_dir/sources.json``."""
    titles = _page_titles()
    pages = fetch_source_pages(titles, session=session or requests.Session(), timeout=timeout)
    if not pages:
        raise FetchError(f"{META_API} returned none of the Cite Unseen source pages; nothing was changed")
    fetched = (now or datetime.now(UTC)).strftime("%Y-%m-%dT%H:%M:%SZ")
    live = data_dir / "upstream" / LIVE
    try:
        live.parent.mkdir(parents=True, exist_ok=True)
    except OSError as exc:
        raise FetchError(f"{data_dir}: cannot create the data directory ({exc.strerror or exc})") from None
    record = {"api": META_API, "fetched": fetched, "pages": dict(sorted(pages.items()))}
    write_atomically(live, json.dumps(record, indent=1, ensure_ascii=False, sort_keys=True) + "\n")
    data = build_sources(DATA, live=live)
    write_atomically(data_dir / SOURCES_FILE, render(data))
    missing = tuple(title for title in titles if title not in pages)
    return UpdateResult(data_dir / SOURCES_FILE, tuple(sorted(pages)), missing, len(data["sites"]), fetched)


def fetch_source_pages(
    titles: list[str], *, session: requests.Session, timeout: float
) -> dict[str, dict[str, Any]]:
    """The wikitext, revision id and timestamp of each page (title without the prefix)."""
    params: dict[str, str] = {
        "action": "query",
        "format": "json",
        "formatversion": "2",
        "prop": "revisions",
        "rvprop": "ids|timestamp|content",
        "rvslots": "main",
        "titles": "|".join(PAGE_PREFIX + title for title in titles),
    }
    pages: dict[str, dict[str, Any]] = {}
    while True:
        answer = _get(session, params, timeout)
        for page in answer.get("query", {}).get("pages", []):
            record = _page_record(page)
            if record:
                pages[str(page["title"]).replace(" ", "_").split(PAGE_PREFIX, 1)[-1]] = record
        if "continue" not in answer:
            return pages
        params = {**params, **answer["continue"]}


def _page_record(page: Mapping[str, Any]) -> dict[str, Any] | None:
    """Revision id, timestamp and wikitext of one page of the answer; None for a missing page."""
    revision = (page.get("revisions") or [None])[0]
    main = revision.get("slots", {}).get("main", {}) if revision else {}
    if not revision or "content" not in main:
        return None
    return {"revid": revision["revid"], "timestamp": revision["timestamp"], "content": main["content"]}


def _get(session: requests.Session, params: Mapping[str, str], timeout: float) -> dict[str, Any]:
    try:
        response = session.get(META_API, params=params, headers={"User-Agent": user_agent()}, timeout=timeout)
        response.raise_for_status()
        answer = response.json()
    except requests.Timeout:
        raise FetchError(f"meta.wikimedia.org did not answer within {timeout:g} s; try again later") from None
    except requests.RequestException as exc:
        raise FetchError(f"cannot fetch the Cite Unseen pages from meta.wikimedia.org ({exc})") from None
    except ValueError:
        raise FetchError(
            "meta.wikimedia.org answered with something other than JSON; try again later"
        ) from None
    if not isinstance(answer, dict) or "error" in answer:
        error = answer.get("error", {}).get("info") if isinstance(answer, dict) else None
        raise FetchError(f"the MediaWiki API refused the request ({error or 'unexpected answer'})")
    return answer


def _page_titles() -> list[str]:
    curation = tomllib.loads((DATA / "curation.toml").read_text(encoding="utf-8"))
    return list(curation["cite_unseen"]["pages"])
