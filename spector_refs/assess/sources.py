"""Source classification: what kind of source a reference cites, and how reliable it is.

Every profile names the entry that matched and says why, so an editor can
check the ruling. A reference is looked up, in order, by its URL (the original
page inside an archive URL; host, then parent domains down to the registrable
domain, path and title rules first, then public suffixes such as ``.gov``), its
DOI prefix, and — for references without a URL, as in plain-text copies — by
its work, publisher and the site name its title ends with, written as a name
("AP News") or as a website ("www.justice.gov"). User overrides from the
configuration are consulted before the bundled data at every step.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from functools import lru_cache
from pathlib import Path
from typing import Any

from spector_refs.assess.config import WEAK_RELIABILITY, AssessConfig, SourceOverride
from spector_refs.assess.domains import (
    host_candidates,
    host_of,
    is_archive,
    original_url,
    path_of,
    public_suffix,
    registrable_domain,
    website_name,
)
from spector_refs.assess.names import normalise_name, shorter_names, title_site_name
from spector_refs.model import Reference, Reliability, SourceProfile

SOURCES_JSON = Path(__file__).parent / "data" / "sources.json"

_CS1_KINDS = {"journal": "academic", "book": "book", "news": "news", "magazine": "magazine"}


@lru_cache(maxsize=4)
def load_source_data(path: Path = SOURCES_JSON) -> Mapping[str, Any]:
    """The bundled source data (``sources.json``), read once per process."""
    return json.loads(path.read_text(encoding="utf-8"))


@dataclass(frozen=True)
class SourceIndex:
    """The bundled data and the user's overrides, ready for lookups."""

    data: Mapping[str, Any]
    overrides: Mapping[str, SourceOverride]

    @classmethod
    def create(cls, config: AssessConfig | None = None) -> SourceIndex:
        """An index over the bundled data with the config's ``sources`` overrides."""
        overrides = (config or AssessConfig()).sources
        return cls(load_source_data(), {_override_key(key): value for key, value in overrides.items()})

    def by_url(self, url: str, title: str | None = None) -> SourceProfile | None:
        """The profile of the site a URL belongs to, or None if nothing matched."""
        host = host_of(url)
        if not host:
            return None
        path = path_of(url)
        for candidate in host_candidates(host.removeprefix("www.")):
            profile = self._site(candidate, path, title, f"the domain {candidate}")
            if profile:
                return profile
        return self._suffix(host)

    def by_name(self, name: str, title: str | None = None) -> SourceProfile | None:
        """The profile of a work or publisher written as a website or as a name."""
        host = website_name(name)
        if host:
            return self.by_url(f"http://{host}/", title)
        for candidate in shorter_names(name):
            key = normalise_name(candidate)
            how = f'the name "{candidate}"'
            target = self.data["names"].get(key)
            base = self._site(target, "/", title, how) if target else None
            profile = self._override(key, base, how) or base
            if profile:
                return profile
        return None

    def by_doi(self, doi: str) -> SourceProfile | None:
        """The profile a DOI's prefix gives (predatory publishers, preprint servers)."""
        lowered = doi.strip().lower()
        for prefix, entry in self.data["doi_prefixes"].items():
            if lowered.startswith(prefix.lower()):
                return _profile(entry, f"doi:{prefix}", f"the DOI {doi}")
        return None

    def _site(self, key: str, path: str, title: str | None, how: str) -> SourceProfile | None:
        entry = self.data["sites"].get(key)
        base = _profile(_refine(entry, path, title), key, how) if entry else None
        return self._override(key, base, how, path) or base

    def _override(
        self, key: str, base: SourceProfile | None, how: str, path: str = "/"
    ) -> SourceProfile | None:
        for pattern, override in self.overrides.items():
            if _override_matches(pattern, key, path):
                start = base or SourceProfile()
                return SourceProfile(
                    reliability=override.reliability or start.reliability,
                    kind=override.kind or start.kind,
                    matched=f"config:{pattern}",
                    reason=f"{override.reason or 'set in your configuration'} — matched {how}",
                )
        return None

    def _suffix(self, host: str) -> SourceProfile | None:
        suffixes = self.data["suffixes"]
        for key in (registrable_domain(host), public_suffix(host)):
            if key and key in suffixes:
                entry = {"reliability": "unknown", **suffixes[key]}
                return _profile(entry, f"suffix:{key}", f"the host {host}")
        return None


def classify_reference(ref: Reference, index: SourceIndex) -> SourceProfile:
    """The source profile of one reference; unknown (with the reason) when nothing matched."""
    profile = _lookup(ref, index)
    cs1 = (ref.kind or "").lower()
    if profile is None:
        if cs1 in _CS1_KINDS or cs1 == "press release":
            kind = _CS1_KINDS.get(cs1, "press-release")
            reason = f"cited with cite {cs1}; no entry names this source"
            return SourceProfile(kind=kind, matched=f"cs1:{cs1}", reason=reason)
        return SourceProfile(reason=_unknown_reason(ref))
    if cs1 == "press release" and profile.kind != "press-release":
        return replace(profile, kind="press-release", reason=f"{profile.reason}; cited as a press release")
    return profile


def is_weak(profile: SourceProfile, config: AssessConfig) -> bool:
    """Unreliable, deprecated or blacklisted, or of a kind the config counts as weak."""
    return profile.reliability in WEAK_RELIABILITY or profile.kind in config.weak_kinds


def is_primary(profile: SourceProfile, config: AssessConfig) -> bool:
    """A source that speaks for itself (government, press release, company)."""
    return profile.kind in config.primary_kinds


def page_url(ref: Reference) -> str | None:
    """The URL of the cited page itself: the original inside an archive URL if need be."""
    for url in (ref.url, ref.archive_url):
        if url and is_archive(url):
            inner = original_url(url)
            if inner:
                return inner
        elif url:
            return url
    return None


def _lookup(ref: Reference, index: SourceIndex) -> SourceProfile | None:
    url = page_url(ref)
    profile = index.by_url(url, ref.title) if url else None
    if profile is None and ref.doi:
        profile = index.by_doi(ref.doi)
    for label, name in _names(ref):
        if profile is not None:
            break
        found = index.by_name(name, ref.title)
        profile = replace(found, reason=f"{found.reason} ({label})") if found else None
    if profile is None and (ref.url or ref.archive_url) and url is None:
        profile = index.by_url(ref.url or ref.archive_url or "")
    return profile


def _names(ref: Reference) -> Iterator[tuple[str, str]]:
    """The names a reference gives its source, most telling first."""
    if ref.work:
        yield "its work", ref.work
    if ref.publisher:
        yield "its publisher", ref.publisher
    site = title_site_name(ref.title)
    if site:
        yield "the site name in its title", site
    for author in ref.authors:
        if author.literal:
            yield "its author", author.literal


def _refine(entry: Mapping[str, Any], path: str, title: str | None) -> Mapping[str, Any]:
    """The entry with the first path or title rule that applies merged in."""
    for rule in entry.get("rules", ()):
        if "path" in rule and fnmatch.fnmatch(path.lower(), rule["path"].lower()):
            return {**entry, **rule, "matched_rule": f"path {rule['path']}"}
        if "title" in rule and title and re.search(rule["title"], title, re.I):
            return {**entry, **rule, "matched_rule": "title pattern"}
    return entry


def _profile(entry: Mapping[str, Any], key: str, how: str) -> SourceProfile:
    matched = key + (f" ({entry['matched_rule']})" if "matched_rule" in entry else "")
    return SourceProfile(
        reliability=Reliability(entry.get("reliability", "unknown")),
        kind=entry.get("kind", "unknown"),
        matched=matched,
        reason=f"{entry['reason']} — matched {how}",
    )


def _override_key(key: str) -> str:
    """Domains as written in the config; names as lookup keys."""
    text = key.strip().lower().removeprefix("https://").removeprefix("http://").removeprefix("www.")
    return text if website_name(text.split("/")[0]) else normalise_name(key)


def _override_matches(pattern: str, key: str, path: str) -> bool:
    host, slash, glob = pattern.partition("/")
    if host != key:
        return False
    return not slash or fnmatch.fnmatch(path.lower(), "/" + glob.lower())


def _unknown_reason(ref: Reference) -> str:
    named = [name for _, name in _names(ref)]
    if page_url(ref) is None and not named:
        return "no URL, work or publisher to identify the source by"
    what = f"the URL {page_url(ref)}" if page_url(ref) else " / ".join(f'"{n}"' for n in named)
    return f"no entry in the bundled data or your configuration matched {what}"
