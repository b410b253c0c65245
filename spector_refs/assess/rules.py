"""URL-shape rules: what an address alone says of a source that no list names.

No list is complete, but addresses follow conventions: press releases live
under ``/press-releases/`` or on ``investors.`` hosts, opinion under
``/opinion/``, blogs under ``/blog/`` or on ``blogs.`` hosts; every
subdomain of ``wordpress.com`` is someone's own blog; ``pinterest.ca`` is
Pinterest; ``gov.pl`` and ``go.kr`` are governments. The rules are data
(``[rules]`` in ``curation.toml``, copied into ``sources.json``); this module
compiles them once and answers for one host or one page. Page rules look at
the path, the host's first labels, or — for a URL with a query — the address
(``/index.php?title=Page`` is a MediaWiki page whatever the site); site rules
at the site's name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from typing import Any

RULES_ORIGIN = "spector_refs rule (curation.toml [rules])"
_DOMAIN_CACHE = 65536


@dataclass(frozen=True)
class PageRule:
    """A regular expression on the path, the host or the address (``path?query``) and its ruling."""

    name: str
    pattern: re.Pattern[str]
    part: str
    unlisted: bool
    ruling: Mapping[str, str]


@dataclass(frozen=True)
class UrlRules:
    """The compiled rules of one ``sources.json``."""

    page: tuple[PageRule, ...]
    names: tuple[PageRule, ...]
    platforms: Mapping[str, str]
    brands: Mapping[str, Mapping[str, str]]
    government_labels: frozenset[str]
    state_us: bool
    us_localities: frozenset[str]
    any_path: re.Pattern[str]
    any_host: re.Pattern[str]
    any_address: re.Pattern[str]
    any_name: re.Pattern[str]
    _by_domain: dict[str, tuple[tuple[str, Mapping[str, str]], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )

    @classmethod
    def from_data(cls, rules: Mapping[str, Any]) -> UrlRules:
        """Compile the ``rules`` section of ``sources.json``."""
        page = tuple(_page_rule(rule) for rule in rules["page"])
        names = tuple(_page_rule({**rule, "host": rule["pattern"]}) for rule in rules["name"])
        government = rules["government"]
        return cls(
            page=page,
            names=names,
            platforms=rules["platforms"],
            brands=rules["brands"],
            government_labels=frozenset(government["labels"]),
            state_us=bool(government.get("state_us")),
            us_localities=frozenset(government.get("us_localities", ())),
            any_path=_any(rule for rule in page if rule.part == "path"),
            any_host=_any(rule for rule in page if rule.part == "host"),
            any_address=_any(rule for rule in page if rule.part == "address"),
            any_name=_any(names),
        )

    def page_matches(
        self,
        host: str,
        path: str,
        listed: bool,
        query: str = "",
        host_hit: bool | None = None,
        host_listed: bool | None = None,
    ) -> Iterator[tuple[str, Mapping[str, str]]]:
        """The page rules a URL meets; ``listed`` (a list names the site) turns off the unlisted-only ones.

        An unlisted-only rule about the host (``forum.``, ``wiki.``) is turned off only by
        ``host_listed``, a list naming that host itself: a list naming ``haskell.org`` says
        nothing of ``discourse.haskell.org``. Address rules are tried only for a URL with a
        ``query``: they are about it. ``host_hit`` is :meth:`host_may_match` of the host, when
        the caller keeps it per host.
        """
        host_listed = listed if host_listed is None else host_listed
        address = f"{path}?{query}" if query else ""
        if host_hit is None:
            host_hit = self.host_may_match(host)
        if not (host_hit or self.any_path.search(path) or (address and self.any_address.search(address))):
            return
        parts = {"path": path, "host": host, "address": address}
        for rule in self.page:
            if rule.unlisted and (host_listed if rule.part == "host" else listed):
                continue
            if rule.pattern.search(parts[rule.part]):
                yield rule.name, rule.ruling

    def host_may_match(self, host: str) -> bool:
        """Whether a host rule (``blogs.``, ``investors.``, ``wiki.`` …) may apply to pages of this host."""
        return self.any_host.search(host) is not None

    def site_matches(
        self, candidates: Sequence[str], domain: str | None
    ) -> Iterator[tuple[str, Mapping[str, str]]]:
        """The hosting platform a host is on, the brand family its name belongs to, what its name says."""
        for candidate in candidates:
            kind = self.platforms.get(candidate)
            if kind:
                reason = f"a site hosted on {candidate}: its owner publishes it ({kind.replace('-', ' ')})"
                yield f"platform {candidate}", {"kind": kind, "reason": reason}
                break
        if domain:
            yield from self.name_matches(domain)

    def name_matches(self, domain: str) -> tuple[tuple[str, Mapping[str, str]], ...]:
        """The brand family and the name rule a registrable domain meets, worked out once per domain.

        Many hosts share a domain (every blog on one platform, every section of a newspaper),
        and the name rules are the costliest part of a host seen for the first time.
        """
        known = self._by_domain.get(domain)
        if known is None:
            if len(self._by_domain) >= _DOMAIN_CACHE:
                self._by_domain.clear()
            known = self._by_domain[domain] = tuple(self._name_matches(domain))
        return known

    def _name_matches(self, domain: str) -> Iterator[tuple[str, Mapping[str, str]]]:
        brand = self.brands.get(domain.split(".")[0])
        if brand:
            yield f"brand {domain.split('.')[0]}.*", brand
        for rule in self.names if self.any_name.search(domain) else ():
            if rule.pattern.search(domain):
                yield rule.name, rule.ruling
                break

    def government(self, host: str, suffix: str | None = None) -> tuple[str, Mapping[str, str]] | None:
        """A government suffix: one the Public Suffix List names (gov.pl, go.kr, 政府.hk — its
        ``suffix`` starts with a government label), else such a label under a country-code TLD
        the list says less about (gov.bc.ca, gov.mp), a US state's domain (state.nj.us), or a US
        locality's government under RFC 1480's names (ci.portland.or.us, co.king.wa.us).
        """
        if suffix and suffix.count(".") and suffix.split(".")[0] in self.government_labels:
            return f"government suffix {suffix}", _government(suffix)
        if len(host) < 3 or host[-3] != "." or not host[-2:].isalpha():
            return None  # no two-letter country code: most hosts leave here
        labels = host.split(".")
        for depth in (2, 3):
            if len(labels) >= depth and labels[-depth] in self.government_labels:
                suffix = ".".join(labels[-depth:])
                return f"government suffix {suffix}", _government(suffix)
        if labels[-1] != "us" or len(labels) < 3:
            return None
        if self.state_us and labels[-3] == "state":
            suffix = ".".join(labels[-3:])
            return f"government suffix {suffix}", _government(suffix)
        if len(labels) >= 4 and labels[-4] in self.us_localities:
            suffix = ".".join(labels[-4:])
            return f"government suffix {suffix}", _government(suffix)
        return None


def _any(rules: Iterable[PageRule]) -> re.Pattern[str]:
    """A pattern that matches where any of the rules does: most URLs meet none, and one search says so."""
    patterns = [f"(?:{rule.pattern.pattern})" for rule in rules]
    return re.compile("|".join(patterns) or "(?!)", re.I)


def _government(suffix: str) -> Mapping[str, str]:
    reason = f"a government website (.{suffix}): the government speaks for itself"
    return {"kind": "government", "reason": reason}


def _page_rule(rule: Mapping[str, Any]) -> PageRule:
    part = next(key for key in ("host", "address", "path") if key in rule)
    ruling = {key: rule[key] for key in ("kind", "reliability", "reason") if key in rule}
    name = rule.get("name") or f"{part} {rule[part]}"
    pattern = re.compile(rule[part], re.I)
    return PageRule(name, pattern, part, bool(rule.get("unlisted")), ruling)
