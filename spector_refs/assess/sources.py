"""Source classification: what kind of source a reference cites, and how reliable it is.

Every profile names the entry that matched and says why, so an editor can
check the ruling. A reference is looked up by its URL (the original page
inside an archive URL), its DOI prefix, and — for references without a URL,
as in plain-text copies — by its work, publisher and the site name its title
ends with, written as a name ("AP News") or as a website ("www.justice.gov").

For a URL every list entry and rule that applies is collected, in this
order of precedence (documented in docs/assessment.md):

1. your configuration (``[tool.spector-refs.sources]``);
2. a list entry for the page: a path of the site (``forbes.com/sites/*``) or
   its exact subdomain (``blogs.nytimes.com``);
3. a rule about the page: its path or host says press release, opinion,
   blog or wiki (:mod:`spector_refs.assess.rules`);
4. a list entry for the whole site (``nytimes.com``, a parent domain);
5. a rule about the site's name: hosting platform, brand family;
6. the generic list: public suffixes (``.gov``, ``gov.uk``) and the
   government-suffix rule (``gov.pl``, ``go.kr``);
7. what a checked page declares about its site (its generator meta, a
   blog-ish type; :mod:`spector_refs.assess.declared`), only for a site no
   list or configuration names.

The ruling takes its kind from the first of these that gives a kind and its
reliability from the first that gives a reliability, so "an opinion piece"
(a rule) on "a generally reliable newspaper" (a site entry) is both.
"""

from __future__ import annotations

import fnmatch
import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import dataclass, field, replace
from functools import lru_cache
from pathlib import Path
from typing import Any, NamedTuple

from spector_refs.assess.config import AssessConfig, SourceOverride
from spector_refs.assess.declared import Declaration, page_declares
from spector_refs.assess.names import normalise_name, shorter_names, title_site_name
from spector_refs.assess.rules import PLATFORM_RULE, RULES_ORIGIN, UrlRules
from spector_refs.domains import (
    DomainMemo,
    host_candidates,
    is_archive,
    original_url,
    public_suffix,
    split_url,
    website_name,
)
from spector_refs.errors import InputError
from spector_refs.model import PageMeta, Reference, Reliability, SourceProfile

SOURCES_JSON = Path(__file__).parent / "data" / "sources.json"
LEVELS = (
    "your configuration",
    "list entry for the page",
    "rule about the page",
    "list entry for the site",
    "rule about the site",
    "generic list",
    "what the page declares",
)
"""The precedence levels of a match, highest first."""
CONFIG, PAGE_ENTRY, PAGE_RULE, SITE_ENTRY, SITE_RULE, GENERIC, DECLARED = range(len(LEVELS))

_CS1_KINDS = {"journal": "academic", "book": "book", "news": "news", "magazine": "magazine"}
_HOST_CACHE = 65536
_REBUILD = "run `spector-refs sources update`, or delete the file to use the bundled data"


@lru_cache(maxsize=4)
def load_source_data(path: Path = SOURCES_JSON) -> Mapping[str, Any]:
    """Source data (``sources.json``), read once per process; a bad file is an :class:`InputError`."""
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as exc:
        raise InputError(f"{path}: cannot read the source data ({exc}); {_REBUILD}") from None
    if not isinstance(data, dict) or "sites" not in data or "rules" not in data:
        raise InputError(f"{path}: not spector_refs source data; {_REBUILD}")
    return data


def listed_reason(origins: Sequence[str]) -> str:
    """The reason of an entry only lists give: "listed as a forum by maigret's site tags", one per list.

    ``sources.json`` leaves an entry's reason out where it is exactly this (most of its 17,000
    entries, each named by one list): written out, it would be a quarter of the file.
    """
    return "; ".join("listed as {1} by {0}".format(*origin.rsplit(": ", 1)) for origin in origins)


_ORIGIN_LINES = "\n"


def entry_origins(entry: Mapping[str, Any]) -> tuple[str, ...]:
    """The lists that name an entry: ``sources.json`` writes them in one string, a line each.

    One string, not a JSON list: an entry of strings alone is a dictionary the garbage collector
    does not track. A list each made the 26,000 entries two thirds of what every full collection
    walks in a process that loaded them (some 20 ms a time, the first paid inside the first
    classifications). A list, as files of format 1 hold, is read too.
    """
    origin = entry.get("origin") or ()
    return tuple(origin.split(_ORIGIN_LINES)) if isinstance(origin, str) else tuple(origin)


def origin_text(origins: Sequence[str]) -> str:
    """An entry's ``origin`` as ``sources.json`` writes it (:func:`entry_origins` reads it back)."""
    if any(_ORIGIN_LINES in origin for origin in origins):
        raise ValueError(f"an origin spans lines: {origins}")
    return _ORIGIN_LINES.join(origins)


@dataclass(frozen=True)
class Match:
    """One list entry or rule that applies to a source, with its precedence level."""

    level: int
    key: str
    profile: SourceProfile
    origin: tuple[str, ...] = ()


class _Host(NamedTuple):
    """What a host alone settles, computed once per host (a tuple: made for every new host)."""

    candidates: tuple[str, ...]
    """The host and its parents down to its site; empty in :attr:`SourceIndex._unknown`."""
    refinable: tuple[tuple[str, Mapping[str, Any], str], ...]
    page_entries: tuple[Match, ...]
    site_entries: tuple[Match, ...]
    site_rules: tuple[Match, ...]
    generic: tuple[Match, ...]
    profile: SourceProfile | None
    """The ruling when nothing about the page adds a match (most URLs): merged once."""
    host_hit: bool
    """Whether a page rule about hosts (``blogs.``, ``investors.``) may apply: searched once per host."""
    hosted: bool
    """Whether the host is on a hosting platform: its pages are its owner's site, as if listed."""
    with_page_rules: dict[tuple[str, ...], SourceProfile]
    """The rulings once page rules apply (and nothing else about the page), by the rules' keys: a
    reference list cites many pages of a site, most of them under one or two rules."""


def _unknown_host() -> _Host:
    return _Host((), (), (), (), (), (), None, False, False, {})


@dataclass(frozen=True)
class SourceIndex:
    """Source data, its compiled rules and the user's overrides, ready for lookups."""

    data: Mapping[str, Any]
    overrides: Mapping[str, SourceOverride]
    rules: UrlRules
    _hosts: dict[str, _Host] = field(default_factory=dict, compare=False, repr=False)
    _domains: DomainMemo = field(default_factory=DomainMemo, compare=False, repr=False)
    _unknown: _Host = field(default_factory=_unknown_host, compare=False, repr=False)
    """The host of every site nothing is known of (:meth:`_plain_site`): one, not one per site.

    Its ``candidates`` are empty, which only overrides would read, and there are none then. Its
    rulings with page rules are those rules' alone, so all such sites share them; not other
    indexes, whose rules may rule otherwise."""

    @classmethod
    def create(cls, config: AssessConfig | None = None) -> SourceIndex:
        """An index over the config's source data (the bundled file by default) and its overrides."""
        config = config or AssessConfig()
        data = load_source_data(Path(config.source_data) if config.source_data else SOURCES_JSON)
        overrides = {_override_key(key): value for key, value in config.sources.items()}
        return cls(data, overrides, UrlRules.from_data(data["rules"], data["sites"]))

    def by_url(
        self, url: str, title: str | None = None, meta: PageMeta | None = None
    ) -> SourceProfile | None:
        """The profile of the page a URL points at, or None if nothing matched.

        ``meta`` is what the checked page declares about itself (see :func:`declared_match`).
        """
        host, path = split_url(url)
        if not host:
            return None
        site = self._host(host)
        before, rules = self._page_level(site, url, host, path, title)
        declared = declared_match(meta, site, before) if meta else None
        if before or declared:
            return merge_matches(_in_order(site, before, rules, declared))
        return _with_page_rules(site, rules) if rules else site.profile

    def url_matches(self, url: str, title: str | None = None, meta: PageMeta | None = None) -> list[Match]:
        """Every entry and rule that applies to a URL, highest precedence first."""
        host, path = split_url(url)
        if not host:
            return []
        site = self._host(host)
        before, rules = self._page_level(site, url, host, path, title)
        return _in_order(site, before, rules, declared_match(meta, site, before) if meta else None)

    def _page_level(
        self, site: _Host, url: str, host: str, path: str, title: str | None
    ) -> tuple[list[Match], list[Match]]:
        """The matches that depend on the page: overrides and refined entries, then page rules."""
        before = list(self._overrides(site.candidates, path)) if self.overrides else []
        for key, entry, how in site.refinable:
            refined = _refine(entry, path, title)
            if refined is not entry:
                before.append(_entry_match(PAGE_ENTRY, refined, key, how))
        listed = bool(site.page_entries or site.site_entries or site.hosted)
        query = url.partition("?")[2].partition("#")[0]
        host_listed = bool(site.page_entries) or (len(site.candidates) == 1 and bool(site.site_entries))
        matches = self.rules.page_matches(host, path, listed, query, site.host_hit, host_listed)
        return before, [_page_rule_match(*rule) for rule in matches] if matches else []

    def by_name(self, name: str, title: str | None = None) -> SourceProfile | None:
        """The profile of a work or publisher written as a website or as a name."""
        return merge_matches(self.name_matches(name, title))

    def name_matches(self, name: str, title: str | None = None) -> list[Match]:
        """The entries a work or publisher name leads to, highest precedence first."""
        host = website_name(name)
        if host:
            return self.url_matches(f"http://{host}/", title)
        for candidate in shorter_names(name):
            key = normalise_name(candidate)
            how = f'the name "{candidate}"'
            matches = [_override_match(key, self.overrides[key], how)] if key in self.overrides else []
            target = self.data["names"].get(key)
            entry = self.data["sites"].get(target) if target else None
            if entry:
                refined = _refine(entry, "/", title)
                level = PAGE_ENTRY if refined is not entry else SITE_ENTRY
                matches.append(_entry_match(level, refined, target, how))
            if matches:
                return matches
        return []

    def by_doi(self, doi: str) -> SourceProfile | None:
        """The profile a DOI's prefix gives (predatory publishers, preprint servers)."""
        lowered = doi.strip().lower()
        for prefix, entry in self.data["doi_prefixes"].items():
            if lowered.startswith(prefix.lower()):
                return _entry_match(SITE_ENTRY, entry, f"doi:{prefix}", f"the DOI {doi}").profile
        return None

    def _host(self, host: str) -> _Host:
        known = self._hosts.get(host)
        if known is None:
            if len(self._hosts) >= _HOST_CACHE:
                self._hosts.clear()
            known = self._hosts[host] = self._settle(host)
        return known

    def _settle(self, host: str) -> _Host:
        """Everything about a host that does not depend on the path.

        Most hosts under a site add nothing to what the site's registrable domain
        settles (``news.example.com`` is ``example.com``): no list names the
        subdomain, it is no hosting platform and no government label of its own.
        Those reuse the domain's settled entry, merged once; the others are worked
        out in full.
        """
        domain = self._domains(host)
        plain = self._plain_site(host) if domain == host else None
        if plain is not None:
            return plain
        if domain is None or domain == host:
            return self._settle_in_full(host, domain)
        candidates = tuple(host_candidates(host, domain))
        base = self._host(domain)
        if self._adds_nothing(host, candidates[:-1], domain):
            return base._replace(candidates=candidates, host_hit=self.rules.host_may_match(host))
        return self._settle_in_full(host, domain, candidates)

    def _plain_site(self, site: str) -> _Host | None:
        """The settled host of a site that is its own host when at most the generic list and the
        government suffixes know of it, as most sites a reference list cites; None otherwise.

        The checks are the ones :meth:`_settle_in_full` makes, cheapest first: no override,
        list entry or rule about the site or host. A site nothing knows of is :attr:`_unknown`.
        """
        if self.overrides or site in self.data["sites"] or not self.rules.quiet_site(site):
            return None
        generic = self._generic(site, site)
        if not generic:
            return self._unknown
        return _Host((site,), (), (), (), (), generic, merge_matches(list(generic)), False, False, {})

    def _adds_nothing(self, host: str, subdomains: tuple[str, ...], domain: str) -> bool:
        """Whether a host's own names (below its domain) meet no entry, platform, government or office."""
        sites, platforms = self.data["sites"], self.rules.platforms
        if any(key in sites or key in platforms for key in subdomains):
            return False
        suffix = domain.partition(".")[2]
        same_government = self.rules.government(host, suffix) == self.rules.government(domain, suffix)
        return same_government and self.rules.host_office(host, domain) is None

    def _settle_in_full(
        self, host: str, domain: str | None, candidates: tuple[str, ...] | None = None
    ) -> _Host:
        if candidates is None:
            candidates = (host,) if host == domain else tuple(host_candidates(host, domain))
        sites = self.data["sites"]
        refinable, page, site = [], [], []
        for index, key in enumerate(candidates):
            entry = sites.get(key)
            if entry is None:
                continue
            how = f"the domain {key}"
            if entry.get("rules"):
                refinable.append((key, entry, how))
            if index == len(candidates) - 1 and key == domain:
                site.append(_entry_match(SITE_ENTRY, entry, key, how))
            else:
                page.append(_entry_match(PAGE_ENTRY, entry, key, how))
        rules = self._site_rules(host, domain, candidates)
        if rules and any(match.profile.reliability in _UNRELIABLE for match in (*page, *site)):
            rules = _without_name_guesses(rules, self.rules)
        generic = self._generic(host, domain)
        profile = merge_matches([*page, *site, *rules, *generic])
        host_hit = self.rules.host_may_match(host)
        hosted = bool(rules) and any(match.key.startswith(PLATFORM_RULE) for match in rules)
        entries = tuple(refinable), tuple(page), tuple(site), tuple(rules)
        return _Host(candidates, *entries, generic, profile, host_hit, hosted, {})

    def _site_rules(self, host: str, domain: str | None, candidates: tuple[str, ...]) -> list[Match]:
        found = tuple(self.rules.site_matches(candidates, domain))
        if not found:  # most sites: no reason text to write
            return []
        how = f"the domain {domain or host}"
        return [_rule_match(SITE_RULE, *rule, how) for rule in found]

    def _generic(self, host: str, domain: str | None) -> tuple[Match, ...]:
        suffixes = self.data["suffixes"]
        suffix = domain.partition(".")[2] if domain else public_suffix(host)
        government = self.rules.government(host, suffix)
        if not government and domain not in suffixes and suffix not in suffixes:
            return ()
        keys = [key for key in (domain, suffix) if key and key in suffixes]
        how = f"the domain {domain or host}"
        matches = [_entry_match(GENERIC, suffixes[key], f"suffix:{key}", how) for key in dict.fromkeys(keys)]
        if government:
            matches.append(_rule_match(GENERIC, *government, how))
        return tuple(matches)

    def _overrides(self, candidates: tuple[str, ...], path: str) -> Iterator[Match]:
        for candidate in candidates:
            for pattern, override in self.overrides.items():
                if _override_matches(pattern, candidate, path):
                    yield _override_match(pattern, override, f"the domain {candidate}")


def _in_order(
    site: _Host, before: list[Match], rules: list[Match], declared: Match | None = None
) -> list[Match]:
    """A URL's matches in order of precedence: the page's, then the host's (see the module docstring)."""
    found = [*before, *site.page_entries, *rules, *site.site_entries, *site.site_rules, *site.generic]
    return [*found, declared] if declared else found


def _with_page_rules(site: _Host, rules: list[Match]) -> SourceProfile | None:
    """The host's ruling with page rules merged in, merged once per host and set of rules.

    A host made from its site's (:meth:`SourceIndex._settle`) shares the site's rulings: the two
    differ only in what the page rules see, and these are the rules that matched.
    """
    key = tuple(match.key for match in rules)
    known = site.with_page_rules.get(key)
    if known is None:
        known = merge_matches(_in_order(site, [], rules))
        if known is not None:
            site.with_page_rules[key] = known
    return known


def declared_match(meta: PageMeta, site: _Host, before: list[Match]) -> Match | None:
    """What the checked page declares about its site, for a site no list or configuration names.

    A list entry or an override is someone's judgement of the site; a page's generator meta is
    the site's own software speaking. It comes last, so it gives a kind only when no list and
    no rule gives one.
    """
    if before or site.page_entries or site.site_entries:
        return None
    found = page_declares(meta)
    return _declared_match(found) if found else None


def _declared_match(found: Declaration) -> Match:
    key = f"page:{found.signal}"
    reason = f"the page declares {found.signal}: {found.kind.replace('-', ' ')} — matched {found.origin}"
    return Match(DECLARED, key, SourceProfile(kind=found.kind, matched=key, reason=reason), (found.origin,))


_UNRELIABLE = frozenset({Reliability.GENERALLY_UNRELIABLE, Reliability.DEPRECATED, Reliability.BLACKLISTED})


def _without_name_guesses(rules: list[Match], url_rules: UrlRules) -> list[Match]:
    """A site's rule matches less the name rules: a list that rates the site unreliable outranks them.

    A name rule guesses the kind from a word in the name ("…newswire" → a press-release wire), and
    a primary kind would turn a list's "unreliable" into "primary" (see :func:`decision`): a
    fake-news site called a newswire is not a wire service. Platforms and brand families are facts
    about the site, not guesses, and stay.
    """
    guesses = {f"rule:{rule.name}" for rule in url_rules.names}
    return [match for match in rules if match.key not in guesses]


def deciding_matches(matches: list[Match]) -> tuple[Match | None, Match | None]:
    """The match that gives the kind and the one that gives the reliability (highest precedence)."""
    kind = next((m for m in matches if m.profile.kind != "unknown"), None)
    reliable = next((m for m in matches if m.profile.reliability is not Reliability.UNKNOWN), None)
    return kind, reliable


def merge_matches(matches: list[Match]) -> SourceProfile | None:
    """One profile: the kind of the first match that gives one, the reliability likewise."""
    if not matches:
        return None
    if len(matches) == 1:  # most rulings: merged alone, a match's profile is itself (bar the flag below)
        only = matches[0].profile
        if matches[0].key == only.matched and (only.kind == "state-media" or not only.sanctioned):
            return only
    kind, reliable = deciding_matches(matches)
    first, second = kind or reliable or matches[0], reliable if kind else None
    if second is not None and second is not first and matches.index(second) < matches.index(first):
        first, second = second, first
    reason = first.profile.reason
    if second is not None and second is not first:
        reason += f"; {second.profile.reason}"
    kind_name = kind.profile.kind if kind else "unknown"
    return SourceProfile(
        reliability=reliable.profile.reliability if reliable else Reliability.UNKNOWN,
        kind=kind_name,
        matched=first.key,
        reason=reason,
        sanctioned=kind_name == "state-media" and any(m.profile.sanctioned for m in matches),
    )


def classify_reference(ref: Reference, index: SourceIndex, meta: PageMeta | None = None) -> SourceProfile:
    """The source profile of one reference; unknown (with the reason) when nothing matched.

    ``meta`` is what the checked page at :func:`page_url` declares about itself, when checked.
    """
    profile = _lookup(ref, index, meta)
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


def decision(profile: SourceProfile, config: AssessConfig) -> str:
    """ "weak", "primary" or "fine": how a claim resting on this source alone is judged.

    Deprecated and blacklisted sources are weak whatever their kind (WP:DEPS),
    and so, by default (``sanctioned_weak``), are state media that an official
    sanctions list names as an instrument of disinformation; then a primary
    kind wins over a merely unreliable rating, because a press release or a
    ministry is rated unreliable for exactly that reason — it speaks for
    itself — and "primary-only" says so more precisely; then weak
    kinds and weak reliabilities (the config's ``weak_kinds`` and
    ``weak_reliability``) are weak; everything else is fine.
    """
    reliability = profile.reliability
    if reliability in config.weak_reliability and reliability in _NEVER_USE:
        return "weak"
    if profile.sanctioned and config.sanctioned_weak:
        return "weak"
    if profile.kind in config.primary_kinds:
        return "primary"
    if profile.kind in config.weak_kinds or reliability in config.weak_reliability:
        return "weak"
    return "fine"


_NEVER_USE = frozenset({Reliability.DEPRECATED, Reliability.BLACKLISTED})


def is_weak(profile: SourceProfile, config: AssessConfig) -> bool:
    """Deprecated, of a weak kind, or unreliable without being primary (see :func:`decision`)."""
    return decision(profile, config) == "weak"


def is_primary(profile: SourceProfile, config: AssessConfig) -> bool:
    """A source that speaks for itself (government, press release, company, state media, opinion)."""
    return decision(profile, config) == "primary"


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


def _lookup(ref: Reference, index: SourceIndex, meta: PageMeta | None) -> SourceProfile | None:
    url = page_url(ref)
    profile = index.by_url(url, ref.title, meta) if url else None
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
    """The entry with the first path or title rule that applies merged in (the entry itself if none)."""
    for rule in entry.get("rules", ()):
        if "path" in rule and fnmatch.fnmatch(path.lower(), rule["path"].lower()):
            return {**entry, **rule, "matched_rule": f"path {rule['path']}"}
        if "title" in rule and title and re.search(rule["title"], title, re.I):
            return {**entry, **rule, "matched_rule": "title pattern"}
    return entry


def _entry_match(level: int, entry: Mapping[str, Any], key: str, how: str) -> Match:
    matched = key + (f" ({entry['matched_rule']})" if "matched_rule" in entry else "")
    origins = entry_origins(entry)
    profile = SourceProfile(
        reliability=_reliability(entry.get("reliability", "unknown")),
        kind=entry.get("kind", "unknown"),
        matched=matched,
        reason=f"{entry.get('reason') or listed_reason(origins)} — matched {how}",
        sanctioned=bool(entry.get("sanctioned")),
    )
    return Match(level, matched, profile, origins or (("curation: suffixes",) if level == GENERIC else ()))


@lru_cache(maxsize=256)
def _page_rule_match_cached(name: str, kind: str, reliability: str, reason: str) -> Match:
    ruling = {"kind": kind, "reliability": reliability, "reason": reason}
    return _rule_match(PAGE_RULE, name, ruling, "the URL's path or host")


def _page_rule_match(name: str, ruling: Mapping[str, str]) -> Match:
    """A page rule's match; the same for every URL it applies to, so made once."""
    kind, reliability = ruling.get("kind", "unknown"), ruling.get("reliability", "unknown")
    return _page_rule_match_cached(name, kind, reliability, ruling["reason"])


def _rule_match(level: int, name: str, ruling: Mapping[str, str], how: str) -> Match:
    key = f"rule:{name}"
    profile = SourceProfile(
        reliability=_reliability(ruling.get("reliability", "unknown")),
        kind=ruling.get("kind", "unknown"),
        matched=key,
        reason=f"{ruling['reason']} — matched {how}",
    )
    return Match(level, key, profile, (RULES_ORIGIN,))


_RELIABILITIES = {reliability.value: reliability for reliability in Reliability}


def _reliability(value: str) -> Reliability:
    """``Reliability(value)`` at a dictionary's cost: every match made asks it."""
    return _RELIABILITIES.get(value) or Reliability(value)


def _override_match(pattern: str, override: SourceOverride, how: str) -> Match:
    profile = SourceProfile(
        reliability=override.reliability or Reliability.UNKNOWN,
        kind=override.kind or "unknown",
        matched=f"config:{pattern}",
        reason=f"{override.reason or 'set in your configuration'} — matched {how}",
    )
    return Match(CONFIG, f"config:{pattern}", profile, ("your configuration",))


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
