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
from dataclasses import dataclass, fields

from spector_refs import settings
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

    concurrency: int = 16
    per_host: int = 2
    per_host_interval: float = 0.05
    timeout: float = 20.0
    connect_timeout: float = 10.0
    deadline: float = 60.0
    retries: int = 2
    backoff: float = 0.5
    max_retry_after: float = 30.0
    max_redirects: int = 10
    method: str = "auto"
    user_agent: str = DEFAULT_USER_AGENT
    accept_status: tuple[int, ...] = ()
    exclude: tuple[str, ...] = ()
    cache_path: str | None = None
    max_age: float = 86400.0
    dead_after_failures: int = 3
    dead_after_days: float = 3.0
    allow_private: bool = False
    max_body_bytes: int = 1024 * 1024
    archive_lookup: bool = False
    archive_api: str = "https://archive.org/wayback/available"
    identifiers: bool = False
    soft_404_probe: bool = True

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
        return tuple(f.name.replace("_", "-") for f in fields(cls))


def _key(name: str) -> str:
    return settings.key_of(SECTION, name)


def _status_codes(values: object) -> tuple[int, ...]:
    """Accepted status codes as a tuple of ints from 100 to 599."""
    key = _key("accept_status")
    if isinstance(values, int | str):
        values = (values,)
    try:
        codes = tuple(int(value) for value in values)  # type: ignore[union-attr]
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
