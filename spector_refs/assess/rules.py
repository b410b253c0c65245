"""URL-shape rules: what an address alone says of a source that no list names.

No list is complete, but addresses follow conventions: press releases live
under ``/press-releases/`` or on ``investors.`` hosts, opinion under
``/opinion/``, blogs under ``/blog/`` or on ``blogs.`` hosts; every
subdomain of ``wordpress.com`` is someone's own blog; ``pinterest.ca`` is
Pinterest; ``gov.pl`` and ``go.kr`` are governments. The rules are data
(``[rules]`` in ``curation.toml``, copied into ``sources.json``); this module
compiles them once and answers for one host or one page. Page rules look at
the path and the host's first labels; site rules at the site's name.
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
    """A regular expression on the path (or on the host) and the ruling it gives."""

    name: str
    pattern: re.Pattern[str]
    on_host: bool
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
    any_path: re.Pattern[str]
    any_host: re.Pattern[str]
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
            any_path=_any(rule for rule in page if not rule.on_host),
            any_host=_any(rule for rule in page if rule.on_host),
            any_name=_any(names),
        )

    def page_matches(self, host: str, path: str, listed: bool) -> Iterator[tuple[str, Mapping[str, str]]]:
        """The page rules a URL meets; ``listed`` (a list names the site) turns off the unlisted-only ones."""
        if not (self.any_path.search(path) or self.any_host.search(host)):
            return
        for rule in self.page:
            if rule.unlisted and listed:
                continue
            if rule.pattern.search(host if rule.on_host else path):
                yield rule.name, rule.ruling

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

    def government(self, host: str) -> tuple[str, Mapping[str, str]] | None:
        """A government suffix under a country-code TLD (gov.pl, go.kr, gov.bc.ca, state.nj.us)."""
        labels = host.split(".")
        if len(labels) < 2 or len(labels[-1]) != 2 or not labels[-1].isalpha():
            return None
        for depth in (2, 3):
            if len(labels) >= depth and labels[-depth] in self.government_labels:
                suffix = ".".join(labels[-depth:])
                return f"government suffix {suffix}", _government(suffix)
        if self.state_us and labels[-1] == "us" and len(labels) >= 3 and labels[-3] == "state":
            suffix = ".".join(labels[-3:])
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
    on_host = "host" in rule
    ruling = {key: rule[key] for key in ("kind", "reliability", "reason") if key in rule}
    name = rule.get("name") or f"{'host' if on_host else 'path'} {rule['host' if on_host else 'path']}"
    pattern = re.compile(rule["host"] if on_host else rule["path"], re.I)
    return PageRule(name, pattern, on_host, bool(rule.get("unlisted")), ruling)
