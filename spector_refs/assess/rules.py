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

Two site rules are worked out from vocabularies rather than one regular expression: a local or
regional government's or a ministry's word in a site's name (:class:`OfficeWords`:
``vinje.kommune.no``, ``stadt-ulm.de``, ``comune.milano.it``, ``cm-lisboa.pt``), and a listed
outlet's name under a new generic suffix (``lemonde.ltd``), which is a look-alike, not the outlet
(:meth:`UrlRules.clone_of`).
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping, Sequence
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any, NamedTuple

from spector_refs.assess.screen import AnyOf

RULES_ORIGIN = "spector_refs rule (curation.toml [rules])"
PLATFORM = "platform"
PLATFORM_RULE = f"rule:{PLATFORM} "
"""How a hosting platform's match is keyed (``rule:platform github.io``)."""
_DOMAIN_CACHE = 65536
_OUTLET_KINDS = frozenset({"news", "magazine", "tabloid", "state-media"})
"""Kinds of the listed sites whose names a look-alike borrows: news outlets of every sort."""
_OLD_GENERIC = frozenset(
    {"com", "net", "org", "edu", "gov", "mil", "int", "info", "biz", "name", "pro", "mobi", "asia", "tel",
     "travel", "jobs", "cat", "coop", "aero", "museum", "post", "arpa"}
)  # fmt: skip
"""The generic top-level domains of before 2012: outlets own their names there as often as anyone."""
_COMMERCIAL_SECOND = frozenset({"co", "com", "net", "org", "or", "ne"})
"""Second levels under a country's domain where outlets take names (``co.uk``, ``com.br``, ``or.jp``)."""
_OFFICES = ("local-government", "government-office")
"""The vocabularies of office words under ``[rules.government]``, most specific first."""
_LOWER_CASE = re.RegexFlag(0)
"""Name rules read registrable domains, which are lower case: matching without re.I is twice as fast."""
_MIN_OUTLET_NAME = 5
"""Shorter names (``time``, ``vox``, ``bild``) are words other sites use too."""


@dataclass(frozen=True)
class _Words:
    """One vocabulary of office words: whole parts of a name, and words joined to a place's name."""

    whole: frozenset[str]
    leading: tuple[str, ...]
    trailing: tuple[str, ...]

    @classmethod
    def from_data(cls, words: Mapping[str, Any]) -> _Words:
        whole, leading, trailing = (words.get(key, ()) for key in ("words", "leading", "trailing"))
        return cls(frozenset(whole), tuple(leading), tuple(trailing))

    def find(self, parts: list[str], labels: list[str]) -> str | None:
        """The word that is a whole part, starts a label before a place's name or ends one after it."""
        if not self.whole.isdisjoint(parts):
            return next(part for part in parts if part in self.whole)
        for label in labels:
            if label.startswith(self.leading) or label.endswith(self.trailing):
                found = self._joined(label)
                if found:
                    return found
        return None

    def _joined(self, label: str) -> str | None:
        """The word a label starts or ends with, with a place's name beside it (not the word alone)."""
        for word in self.leading:
            if label.startswith(word) and len(label) > len(word):
                return word
        for word in self.trailing:
            if label.endswith(word) and len(label) > len(word):
                return word
        return None


class NameParts(NamedTuple):
    """A registrable domain's name cut up once for every vocabulary that reads it.

    Joined words are looked for in each label with its hyphens dropped, so ``city-of-boston``
    is ``cityofboston``.
    """

    tld: str
    parts: list[str]
    """The name's parts between dots and hyphens."""
    labels: list[str]
    """The name's labels with their hyphens dropped."""

    @classmethod
    def of(cls, domain: str) -> NameParts:
        name, _, tld = domain.rpartition(".")
        labels = [label.replace("-", "") for label in name.split(".")]
        return cls(tld, name.replace(".", "-").split("-"), labels)


@dataclass(frozen=True)
class OfficeWords:
    """The words that name a government office in a site's name, in many languages.

    Municipalities, counties and regions, and ministries, parliaments and police forces, sit on
    plain national names that no suffix marks (``voss.kommune.no``, ``stadt-ulm.de``,
    ``ayuntamientodeleon.es``, ``justitsministeriet.dk``), but they name themselves after their
    office: a word of the vocabulary as a whole part of the name (between dots and hyphens), a
    word the place's name follows (``gemeindexyz``) or one it precedes (``vestlandfylke``); some
    words only under one country's domain (``cm-lisboa.pt``, the câmara municipal). A part that
    starts or ends with a commercial word (``stadt-hotel``, ``gemeindezeitung``) makes the name
    someone else's. Plain string tests, not one pattern of a hundred alternatives: every site
    seen for the first time is asked.
    """

    name: str
    what: str
    words: _Words
    national: Mapping[str, _Words]
    guard: tuple[str, ...]

    @classmethod
    def from_data(cls, name: str, vocabulary: Mapping[str, Any]) -> OfficeWords:
        """Compile one vocabulary of ``[rules.government]`` (``local-government``, ``government-office``)."""
        national = {tld: _Words.from_data(words) for tld, words in vocabulary.get("national", {}).items()}
        words, guard = _Words.from_data(vocabulary), tuple(vocabulary["guard"])
        return cls(name, vocabulary["what"], words, national, guard)

    def word_in(self, name: NameParts) -> str | None:
        """The office's word a registrable domain's name holds, if it is the office's site."""
        tld, parts, labels = name
        national = self.national.get(tld)
        word = self.words.find(parts, labels) or (national.find(parts, labels) if national else None)
        if word and any(part.startswith(self.guard) or part.endswith(self.guard) for part in parts):
            return None
        return word

    def whole_words(self) -> frozenset[str]:
        """The words that count as a whole part of a name, under any country's domain."""
        return self.words.whole.union(*(words.whole for words in self.national.values()))

    def every_word(self) -> frozenset[str]:
        """Every word of the vocabulary, whole or joined, under any country's domain."""
        vocabularies = (self.words, *self.national.values())
        return frozenset().union(
            *(words.whole.union(words.leading, words.trailing) for words in vocabularies)
        )

    def ruling(self, word: str) -> Mapping[str, str]:
        """The government kind, with the word that decided in the reason."""
        reason = f"{self.what} (its name holds {word!r}): it speaks for itself"
        return {"kind": "government", "reason": reason}


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
    offices: tuple[OfficeWords, ...]
    office_labels: frozenset[str]
    """Every whole office word of every vocabulary: a host's labels below its site meet one rarely."""
    any_path: AnyOf
    any_host: AnyOf
    any_address: AnyOf
    any_name: AnyOf
    site_screen: re.Pattern[str]
    """Finds any office word of any vocabulary and any word of the screens of ``any_host`` and
    ``any_name``: a name without hyphens that holds none is no office's, and a site that holds none
    meets none of those rules either (:meth:`quiet_site`). One screen for the three: a site seen
    for the first time is searched once, not three times, and start-up compiles one trie, not two."""
    sites: Mapping[str, Mapping[str, Any]] = field(default_factory=dict, compare=False, repr=False)
    """The listed sites, whose outlets' names a look-alike borrows (:meth:`clone_of`)."""
    _by_domain: dict[str, tuple[tuple[str, Mapping[str, str]], ...]] = field(
        default_factory=dict, compare=False, repr=False
    )
    _outlets: dict[str, str | None] = field(default_factory=dict, compare=False, repr=False)
    """Listed outlets by name without hyphens: the one site each is, or None (several suffixes)."""

    @classmethod
    def from_data(
        cls, rules: Mapping[str, Any], sites: Mapping[str, Mapping[str, Any]] | None = None
    ) -> UrlRules:
        """Compile the ``rules`` section of ``sources.json``; ``sites`` are its listed sites."""
        page = tuple(_page_rule(rule) for rule in rules["page"])
        names = tuple(_page_rule({**rule, "host": rule["pattern"]}, _LOWER_CASE) for rule in rules["name"])
        government = rules["government"]
        offices = tuple(OfficeWords.from_data(f"{key} name", government[key]) for key in _OFFICES)
        office_words = frozenset().union(*(office.every_word() for office in offices))
        host_rules = [rule.pattern for rule in page if rule.part == "host"]
        site_rules = ((host_rules, re.I), ([rule.pattern for rule in names], _LOWER_CASE))
        (any_host, any_name), site_screen = AnyOf.sharing(site_rules, office_words)
        return cls(
            page=page,
            names=names,
            platforms=rules["platforms"],
            brands=rules["brands"],
            government_labels=frozenset(government["labels"]),
            state_us=bool(government.get("state_us")),
            us_localities=frozenset(government.get("us_localities", ())),
            offices=offices,
            office_labels=frozenset().union(*(office.whole_words() for office in offices)),
            sites=sites or {},
            any_path=_any(rule for rule in page if rule.part == "path"),
            any_host=any_host,
            any_address=_any(rule for rule in page if rule.part == "address"),
            any_name=any_name,
            site_screen=site_screen,
        )

    def page_matches(
        self,
        host: str,
        path: str,
        listed: bool,
        query: str = "",
        host_hit: bool | None = None,
        host_listed: bool | None = None,
    ) -> list[tuple[str, Mapping[str, str]]]:
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
        path_hit = self.any_path.search(path)
        address_hit = bool(address) and self.any_address.search(address)
        if not (host_hit or path_hit or address_hit):
            return []  # most URLs: a list, not a generator, is the cheaper way to say none
        # a part that no rule matches (most often the host) is not searched again rule by rule
        parts = {
            "path": path if path_hit else "",
            "host": host if host_hit else "",
            "address": address if address_hit else "",
        }
        found = []
        for rule in self.page:
            text = parts[rule.part]
            if not text or (rule.unlisted and (host_listed if rule.part == "host" else listed)):
                continue
            if rule.pattern.search(text):
                found.append((rule.name, rule.ruling))
        return found

    def quiet_site(self, site: str) -> bool:
        """Whether no rule about a host or a site's name applies to a site that is its own host
        (``example.com``): no hosting platform, brand family, look-alike, office word, name rule
        or host rule (:meth:`site_matches` and :meth:`host_may_match` find nothing).

        Most sites a reference list cites are nobody's special case; one search of ``site_screen``
        tells so where the screens of host rules, name rules and office words would each search
        the name. False when that cannot be told so: a rule the screens leave out, a hyphen
        (office words are looked for without them), a name not in ASCII lower case (the host
        rules ignore case, and their screen reads lower case).
        """
        if not (self.any_host.screens_all() and self.any_name.screens_all()):
            return False
        if "-" in site or not (site.isascii() and site.islower()) or site in self.platforms:
            return False
        if self.brands.get(site.partition(".")[0]) or self.clone_of(site):
            return False
        return self.site_screen.search(site) is None

    def host_may_match(self, host: str) -> bool:
        """Whether a host rule (``blogs.``, ``investors.``, ``wiki.`` …) may apply to pages of this host."""
        return self.any_host.search(host)

    def site_matches(
        self, candidates: Sequence[str], domain: str | None
    ) -> Iterator[tuple[str, Mapping[str, str]]]:
        """The hosting platform a host is on, the brand family its name belongs to, what its name says."""
        for candidate in candidates:
            kind = self.platforms.get(candidate)
            if kind:
                reason = f"a site hosted on {candidate}: its owner publishes it ({kind.replace('-', ' ')})"
                yield f"{PLATFORM} {candidate}", {"kind": kind, "reason": reason}
                break
        # a host that is its site has no office below it
        office = self.host_office(candidates[0], domain) if domain and candidates[0] != domain else None
        if office:
            yield office
        if domain:
            yield from self.name_matches(domain)

    def host_office(self, host: str, domain: str) -> tuple[str, Mapping[str, str]] | None:
        """An office's word as a whole label of a host below its site (``ville.montreal.qc.ca``).

        A place's site often gives its government a subdomain named after the office (``ville.``,
        ``comune.``, ``gemeinde.``, Japan's ``city.``). Only whole words count there: joined
        ones below a site are as often a shop's or a paper's section.
        """
        below = host[: -len(domain) - 1] if len(host) > len(domain) else ""
        parts = below.replace(".", "-").split("-") if below else []
        if not parts or self.office_labels.isdisjoint(parts):
            return None
        name = NameParts(domain.rpartition(".")[2], parts, [])
        for office in self.offices:
            word = office.word_in(name)
            if word:
                return office.name, office.ruling(word)
        return None

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
        elif outlet := self.clone_of(domain):
            yield "look-alike name", _look_alike(domain, outlet)
        if self.site_screen.search(domain.replace("-", "")):
            name = NameParts.of(domain)
            for office in self.offices:
                word = office.word_in(name)
                if word:
                    yield office.name, office.ruling(word)
                    return
        for rule in self.names if self.any_name.search(domain) else ():
            if rule.pattern.search(domain):
                yield rule.name, rule.ruling
                break

    def clone_of(self, domain: str) -> str | None:
        """The listed outlet whose name a site borrows under a new generic suffix (``lemonde.ltd``).

        Influence operations (the RRN/Doppelgänger clones, VIGINUM 2023) copy a newspaper's
        name onto a cheap generic suffix (``.ltd``, ``.life``, ``.online``); an outlet's own sites
        are under its country's suffix or an old generic one, and the lists name them. So a
        listed outlet's name, five letters or more, under a suffix of after 2012 that no list
        gives it, is not that outlet; hyphens do not matter (``fox-news.top``). A name the lists
        give under two suffixes or more is a brand family (``sputniknews.*``, its own rule) or a
        word several outlets share (``people``).
        """
        name, _, suffix = domain.partition(".")
        if "." in suffix or len(suffix) < 3 or suffix in _OLD_GENERIC or len(name) < _MIN_OUTLET_NAME:
            return None
        if not self._outlets and self.sites:
            self._outlets.update(_outlet_names(self.sites))
        known = self._outlets.get(name.replace("-", ""))
        return known if known and known.partition(".")[2] != suffix else None

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


def _any(rules: Iterable[PageRule], flags: re.RegexFlag = re.I) -> AnyOf:
    """Whether any of the rules matches: most URLs meet none, and one screened search says so."""
    return AnyOf.of((rule.pattern for rule in rules), flags)


def _outlet_names(sites: Mapping[str, Mapping[str, Any]]) -> dict[str, str | None]:
    """Listed news outlets by name without hyphens, and the one site each is (``lemonde.fr``).

    None for a name the lists give under several suffixes. A key reads as a name under a suffix
    when what follows its first label is a top-level domain or a commercial second level under
    one (``co.uk``, ``com.au``); ``news.sky.com`` is a section of a site, not the outlet ``news``.
    """
    names: dict[str, set[str]] = {}
    for key, entry in sites.items():
        name, _, suffix = key.partition(".")
        second, dot, _ = suffix.rpartition(".")
        named = not dot or second in _COMMERCIAL_SECOND
        if named and entry.get("kind") in _OUTLET_KINDS and "/" not in key:
            names.setdefault(name.replace("-", ""), set()).add(key)
    return {name: keys.pop() if len(keys) == 1 else None for name, keys in names.items()}


def _look_alike(domain: str, outlet: str) -> Mapping[str, str]:
    reason = (
        f"a look-alike of {outlet} under a new generic suffix (.{domain.partition('.')[2]}): not that outlet;"
        " influence operations clone newspapers this way (RRN/Doppelgänger)"
    )
    return {"reliability": "generally-unreliable", "reason": reason}


@lru_cache(maxsize=1024)
def _government(suffix: str) -> Mapping[str, str]:
    reason = f"a government website (.{suffix}): the government speaks for itself"
    return {"kind": "government", "reason": reason}


def _page_rule(rule: Mapping[str, Any], flags: re.RegexFlag = re.I) -> PageRule:
    part = next(key for key in ("host", "address", "path") if key in rule)
    ruling = {key: rule[key] for key in ("kind", "reliability", "reason") if key in rule}
    name = rule.get("name") or f"{part} {rule[part]}"
    pattern = re.compile(rule[part], flags)
    return PageRule(name, pattern, part, bool(rule.get("unlisted")), ruling)
