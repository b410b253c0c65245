"""What a URL is before any request: to be skipped, malformed, or which host it counts against.

These answers need no network and no page parser, so a run whose links are
all excluded, malformed or fresh in the cache is judged without loading the
HTTP client (the start-up a warm re-run would otherwise pay).
"""

from __future__ import annotations

import re
from functools import lru_cache
from urllib.parse import SplitResult, urlsplit, urlunsplit

from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.safety import normalise_host
from spector_refs.model import Verdict

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
HOME_PATH = re.compile(
    r"^/(?:[a-z]{2}(?:[-_][a-z]{2})?/?)?(?:(?:index|default|home|main|start|welcome)(?:\.\w{2,5})?/?|home/?)?$",
    re.IGNORECASE,
)
"""The path of a site's home, index or language root (``/``, ``/index.html``, ``/en/``)."""
_PLAIN = re.compile(
    r"([A-Za-z][A-Za-z0-9+.-]*)://([!-\"$-.0->@-Z\\^-~]*)(/[^?#\t\n\r]*)?(?:\?([^#\t\n\r]*))?(?:#([^\t\n\r]*))?",
    re.DOTALL,
)
"""A URL :func:`urlsplit` reads as these groups say (scheme, authority, path, query, fragment).

Its authority is printable ASCII without ``[`` or ``]`` (no IPv6 literal, which urlsplit
vets; nothing for its check of non-ASCII names) and no part holds a tab or line break
(which urlsplit deletes). Any other URL is left to urlsplit."""
KEPT = 4096
"""URLs whose parts are kept (:func:`url_parts` and the answers below): a run's URLs in flight and more.

A check asks its URL for its host, its request form, whether it is a deep
link and its origin, each a split (~1.5 µs) and often a property on top
(``hostname``, ~1 µs); the standard library keeps 128 splits, which the
128 checks in flight of a big run push out before the same URL comes back."""
_ORIGIN = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/?#]*")
"""A URL's scheme and authority: all of it that :func:`url_problem` (but for control characters)
and :func:`host_key` read. urlsplit takes a scheme of these characters before the first colon,
and the authority after ``//`` up to the first ``/``, ``?`` or ``#``; the rest of the URL changes
neither answer. A URL this does not match (a leading space, no ``//``) is judged whole."""


def precheck(url: str, config: LinkCheckConfig) -> tuple[Verdict, str] | None:
    """The verdict for a URL that is not to be requested at all, if it is one."""
    for pattern in config.exclude:
        if re.search(pattern, url):
            return Verdict.EXCLUDED, f"matches the exclusion pattern {pattern!r}"
    return url_problem(url)


def url_problem(url: str) -> tuple[Verdict, str] | None:
    """Why a URL cannot be requested (malformed, or not http/https); None if it can.

    Everything but the control characters is judged once per origin (:data:`_ORIGIN`):
    the parent answers this for every URL of a run before its first request, and a
    thousand URLs of one site were a thousand splits (~5 ms) where one does.
    """
    if _CONTROL.search(url):
        return Verdict.INVALID, "the URL contains control characters"
    return _origin_problem(_origin(url))


def _origin(url: str) -> str:
    """The URL's scheme and authority (:data:`_ORIGIN`), or the whole URL if it has no such start."""
    origin = _ORIGIN.match(url)
    return url if origin is None else origin.group()


@lru_cache(maxsize=KEPT)
def _origin_problem(url: str) -> tuple[Verdict, str] | None:
    """:func:`url_problem` of a URL without control characters, from its origin alone."""
    try:
        parts = url_parts(url)
        parts.port  # noqa: B018 - raises ValueError for a bad port
    except ValueError as exc:
        return Verdict.INVALID, f"malformed URL: {exc}"
    if not parts.scheme or "://" not in url:
        return Verdict.INVALID, "not an absolute URL (no scheme://host)"
    if parts.scheme.lower() not in ("http", "https"):
        return Verdict.UNSUPPORTED, f"the {parts.scheme}: scheme is not checked (only http and https)"
    if not url_host(url):
        return Verdict.INVALID, "the URL has no host"
    return None


@lru_cache(maxsize=KEPT)
def url_parts(url: str) -> SplitResult:
    """``urlsplit(url)``, kept for the run's URLs (see :data:`KEPT`); it raises ValueError as it does.

    A plain URL (:data:`_PLAIN`: nearly every cited one) is split by one match, a third of
    urlsplit's ~5 µs: each check asks for its URL's parts on its way to its first request.
    """
    plain = _PLAIN.fullmatch(url)
    if plain is None:
        return urlsplit(url)
    scheme, netloc, path, query, fragment = plain.groups()
    return SplitResult(scheme.lower(), netloc, path or "", query or "", fragment or "")


@lru_cache(maxsize=KEPT)
def url_host(url: str) -> str:
    """The URL's host name as written, lower case ("" when it has none)."""
    return url_parts(url).hostname or ""


@lru_cache(maxsize=KEPT)
def url_port(url: str) -> int:
    """The port a request for the URL goes to (its scheme's when none is written); ValueError if bad."""
    parts = url_parts(url)
    return parts.port or (443 if parts.scheme == "https" else 80)


@lru_cache(maxsize=KEPT)
def host_key(url: str) -> str:
    """The host a URL's politeness limits are counted against, split once per origin (:data:`_ORIGIN`)."""
    return normalise_host(url_host(_origin(url)))


@lru_cache(maxsize=KEPT)
def request_url(url: str) -> str:
    """The URL as requested: credentials and fragment removed (never sent anywhere)."""
    parts = url_parts(url)
    netloc = parts.netloc.rsplit("@", 1)[-1]
    return urlunsplit((parts.scheme, netloc, parts.path, parts.query, ""))


@lru_cache(maxsize=KEPT)
def is_deep_link(url: str) -> bool:
    """A link to something inside a site: a path or query beyond its home, index or language root.

    Here, not with the soft-404 rules that also use it, because a check asks it before its first
    request (whether to probe the host first): the rules' wording tables load while that request is out.
    """
    parts = url_parts(url)
    return bool(parts.query) or not HOME_PATH.match(parts.path or "/")
