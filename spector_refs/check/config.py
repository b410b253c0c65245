"""The link checker's settings, validated once at the edge.

Field names are the configuration keys: ``[tool.spector-refs.links]`` in
``pyproject.toml`` spells them with hyphens (``per-host-interval``), Python
with underscores (:mod:`spector_refs.settings` has the rule). Every value is
checked in ``__post_init__`` so a bad setting fails before any request is
sent, with a message naming the key and what it allows.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterable
from dataclasses import dataclass

from spector_refs import settings
from spector_refs.settings import setting
from spector_refs.version import HOMEPAGE, __version__

SECTION = "links"
DEFAULT_USER_AGENT = (
    "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) "
    f"Chrome/126.0 Safari/537.36 spector-refs/{__version__} (citation link checker; +{HOMEPAGE})"
)
"""Browser-like, because bot walls turn plain clients away, and naming this tool and its version."""
METHODS = ("auto", "head", "get")


@dataclass(frozen=True)
class LinkCheckConfig:
    """How politely, how long and how safely to check links.

    ``per_host_interval`` is the minimum time between two request starts to
    one host; ``timeout`` bounds each socket read and ``connect_timeout``
    each connection attempt, while ``deadline`` bounds one URL's whole check
    (retries, redirects and body included) so a trickling server cannot hold
    a worker forever. ``method`` is "auto" (HEAD for URLs naming a file,
    streamed GET for pages, whose text the soft-404 check needs anyway),
    "head" (always HEAD first) or "get". ``identifiers`` looks the citations'
    DOIs up at doi.org (it tells doi.org what the article cites, so it is off
    by default). ``soft_404_probe`` asks each host once for a path that
    cannot exist, to know its soft 404 when it sees one (one request per host).
    """

    concurrency: int = setting(16, doc="requests in flight at once (`--concurrency`)")
    per_host: int = setting(2, doc="requests in flight per host (`--per-host`)")
    per_host_interval: float = setting(0.05, doc="seconds between two request starts to one host")
    timeout: float = setting(
        20.0, doc="seconds to wait for each read (`--timeout` sets this and `connect-timeout`)"
    )
    connect_timeout: float = setting(10.0, doc="seconds to wait for a connection")
    deadline: float = setting(
        60.0, doc="seconds for one URL's whole check, retries, redirects and body included"
    )
    retries: int = setting(2, doc="retries of transient failures")
    backoff: float = setting(0.5, doc="base of the exponential backoff (seconds), also the jitter's range")
    max_retry_after: float = setting(
        30.0, doc="longest `Retry-After` honoured; longer means `rate-limited` at once"
    )
    max_redirects: int = setting(10, doc="redirects before `redirect-loop`")
    method: str = setting(
        "auto", doc='"auto" (HEAD for files, GET for pages), "head" (always HEAD first), "get"'
    )
    user_agent: str = setting(
        DEFAULT_USER_AGENT,
        doc="sent with every request",
        shown="browser-like, names spector-refs and its version",
    )
    accept_status: tuple[int, ...] = setting((), doc="extra status codes to treat as `ok`")
    exclude: tuple[str, ...] = setting((), doc="regular expressions; matching URLs are `excluded`")
    cache_path: str | None = setting(
        None,
        doc="the SQLite cache file (`--cache`, `--no-cache`)",
        shown="none (the CLI picks the user cache)",
    )
    max_age: float = setting(86400.0, doc="seconds a cached result is reused (`--max-age`)")
    dead_after_failures: int = setting(3, doc="failing checks before a link is dead")
    dead_after_days: float = setting(3.0, doc="days those failures must span")
    allow_private: bool = setting(False, doc="allow private and loopback addresses (`--allow-private`)")
    max_body_bytes: int = setting(1024 * 1024, doc="cap on each body read (and on the kept text)")
    archive_lookup: bool = setting(False, doc="ask the Wayback Machine for dead links (`--archive`)")
    archive_api: str = setting("https://archive.org/wayback/available", doc="the availability API endpoint")
    identifiers: bool = setting(
        False, doc="look the citations' DOIs up at doi.org (`--identifiers`; tells doi.org what is cited)"
    )
    soft_404_probe: bool = setting(
        True,
        doc="ask each host once for a path that cannot exist, to know its soft 404 (`--no-soft-404-probe`)",
    )

    def __post_init__(self) -> None:
        for name in ("concurrency", "per_host", "dead_after_failures", "max_body_bytes"):
            settings.whole_number(_key(name), getattr(self, name), minimum=1)
        for name in ("retries", "max_redirects"):
            settings.whole_number(_key(name), getattr(self, name), minimum=0)
        for name in ("timeout", "connect_timeout", "deadline"):
            settings.seconds(_key(name), getattr(self, name), positive=True)
        for name in ("per_host_interval", "backoff", "max_retry_after", "max_age", "dead_after_days"):
            settings.seconds(_key(name), getattr(self, name), positive=False)
        for name in ("allow_private", "archive_lookup", "identifiers", "soft_404_probe"):
            settings.flag(_key(name), getattr(self, name))
        settings.choice(_key("method"), self.method, METHODS)
        settings.text(_key("user_agent"), self.user_agent)
        settings.text(_key("archive_api"), self.archive_api)
        if isinstance(self.cache_path, os.PathLike):
            object.__setattr__(self, "cache_path", os.fspath(self.cache_path))
        if self.cache_path is not None:
            settings.text(_key("cache_path"), self.cache_path)
        object.__setattr__(self, "accept_status", _status_codes(self.accept_status))
        object.__setattr__(self, "exclude", _patterns(self.exclude))

    @classmethod
    def keys(cls) -> tuple[str, ...]:
        """The configuration keys, hyphenated as the configuration file spells them."""
        return tuple(settings.key_of("", f.name) for f in settings.keys(cls))


def _key(name: str) -> str:
    return settings.key_of(SECTION, name)


def _status_codes(values: object) -> tuple[int, ...]:
    """Accepted status codes as a tuple of ints from 100 to 599."""
    key = _key("accept_status")
    if isinstance(values, int | str):
        values = (values,)
    try:
        if not isinstance(values, Iterable):
            raise TypeError(values)
        codes = tuple(int(value) for value in values)
    except (TypeError, ValueError):
        raise settings.fail(key, f"expected a list of HTTP status codes, got {values!r}") from None
    for code in codes:
        if not 100 <= code <= 599:
            raise settings.fail(key, f"{code} is not an HTTP status code (100-599)")
    return codes


def _patterns(values: object) -> tuple[str, ...]:
    """Exclusion regexes, each compiled once here so a typo fails early."""
    key = _key("exclude")
    if isinstance(values, str):
        values = (values,)
    if not isinstance(values, list | tuple):
        raise settings.fail(key, f"expected a list of regular expressions, got {values!r}")
    for value in values:
        if not isinstance(value, str):
            raise settings.fail(key, f"expected a regular expression, got {value!r}")
        try:
            re.compile(value)
        except re.error as exc:
            raise settings.fail(key, f"{value!r} is not a valid regular expression ({exc})") from None
    return tuple(values)
