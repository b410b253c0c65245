"""Archive copies for dead links, from the Wayback Machine availability API.

An editor fixing a dead citation wants the copy of the page as it was when
the reference was written, so the lookup asks for the snapshot closest to
the reference's access date. Sending URLs to archive.org is a disclosure to
a third party, so it only happens when ``archive_lookup`` is on.
"""

from __future__ import annotations

import re

import requests

_TIMESTAMP = re.compile(r"^(\d{4})(\d{2})(\d{2})")


class ArchiveLookupError(Exception):
    """The archive could not be asked (network, HTTP error, malformed answer): not the same as "no copy"."""


def wayback_timestamp(access_date: str | None) -> str | None:
    """``2023-05-02`` → ``20230502`` (the API accepts any prefix of YYYYMMDDhhmmss)."""
    if not access_date:
        return None
    digits = access_date.replace("-", "")
    return digits if digits.isdigit() and len(digits) in (4, 6, 8) else None


def closest_snapshot(
    session: requests.Session,
    url: str,
    access_date: str | None,
    *,
    api: str,
    timeout: tuple[float, float],
) -> tuple[str, str] | None:
    """The (archive URL, ISO date) of the snapshot closest to ``access_date``, or None if there is none.

    Raises ArchiveLookupError when the archive could not answer, so the
    caller can say the lookup failed instead of implying no copy exists;
    the link's own verdict stands either way.
    """
    params = {"url": url}
    timestamp = wayback_timestamp(access_date)
    if timestamp:
        params["timestamp"] = timestamp
    try:
        response = session.get(api, params=params, timeout=timeout)
        response.raise_for_status()
        closest = response.json().get("archived_snapshots", {}).get("closest") or {}
    except (requests.exceptions.JSONDecodeError, AttributeError) as exc:
        raise ArchiveLookupError(
            "the Wayback Machine lookup failed: its answer was not the expected JSON"
        ) from exc
    except requests.RequestException as exc:
        raise ArchiveLookupError(f"the Wayback Machine lookup failed: {type(exc).__name__}") from exc
    if not isinstance(closest, dict) or not closest.get("available") or not closest.get("url"):
        return None
    if str(closest.get("status", "200")) not in ("200", "-"):
        return None
    match = _TIMESTAMP.match(str(closest.get("timestamp", "")))
    if not match:
        return None
    archive_url = re.sub(r"^http://", "https://", str(closest["url"]))
    return archive_url, "-".join(match.groups())
