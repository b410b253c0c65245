"""What a URL is before any request: to be skipped, malformed, or which host it counts against.

These answers need no network and no page parser, so a run whose links are
all excluded, malformed or fresh in the cache is judged without loading the
HTTP client (the start-up a warm re-run would otherwise pay).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit, urlunsplit

from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.safety import normalise_host
from spector_refs.model import Verdict

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
HOME_PATH = re.compile(
    r"^/(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:(?:index|default|home|main|start|welcome)(?:\.\w{2,5})?/?|home/?)?$",
    re.IGNORECASE,
)
"""The path of a site's home, index or language root (``/``, ``/index.html``, ``/en/``)."""


def precheck(url: str, config: LinkCheckConfig) -> tuple[Verdict, str] | None:
    """The verdict for a URL that is not to be requested at all, if it is one."""
    for pattern in config.exclude:
        if re.search(pattern, url):
            return Verdict.EXCLUDED, f"matches the exclusion pattern {pattern!r}"
    return url_problem(url)


def url_problem(url: str) -> tuple[Verdict, str] | None:
    """Why a URL cannot be requested (malformed, or not http/https); None if it can."""
    if _CONTROL.search(url):
        return Verdict.INVALID, "the URL contains control characters"
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return Verdict.INVALID, f"malformed URL: {exc}"
    if not parts.scheme or "://" not in url:
        return Verdict.INVALID, "not an absolute URL (no scheme://host)"
    if parts.scheme.lower() not in ("http", "https"):
        return Verdict.UNSUPPORTED, f"the {parts.scheme}: scheme is not checked (only http and https)"
    if not parts.hostname:
        return Verdict.INVALID, "the URL has no host"
    return None


def host_key(url: str) -> str:
    """The host a URL's politeness limits are counted against."""
    return normalise_host(urlsplit(url).hostname or "")


def request_url(url: str) -> str:
    """The URL as requested: credentials and fragment removed (never sent anywhere)."""
    parts = urlsplit(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


def is_deep_link(url: str) -> bool:
    """A link to something inside a site: a path or query beyond its home, index or language root.

    Here, not with the soft-404 rules that also use it, because a check asks it before its first
    request (whether to probe the host first): the rules' wording tables load while that request is out.
    """
    parts = urlsplit(url)
    return bool(parts.query) or not HOME_PATH.match(parts.path or "/")
