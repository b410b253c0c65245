"""The rule screen (assess/screen.py) skips only texts its patterns could not match.

``AnyOf.search`` must answer exactly what one combined ``re.search`` answers; the screen is
a shortcut read off the parsed patterns, so it is checked against the plain search on the
shipped rules, on texts built from the very strings the screen looks for (near misses,
upper case, non-ASCII look-alikes such as the Kelvin sign that ``re.I`` folds to ``k``).
"""

from __future__ import annotations

import re

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spector_refs.assess.rules import UrlRules
from spector_refs.assess.screen import AnyOf, any_word, literal_factors
from spector_refs.assess.sources import load_source_data

RULES = UrlRules.from_data(load_source_data()["rules"])
SCREENS = {
    "path": (RULES.any_path, [rule.pattern for rule in RULES.page if rule.part == "path"]),
    "host": (RULES.any_host, [rule.pattern for rule in RULES.page if rule.part == "host"]),
    "address": (RULES.any_address, [rule.pattern for rule in RULES.page if rule.part == "address"]),
    "name": (RULES.any_name, [rule.pattern for rule in RULES.names]),
}
WORDS = sorted(
    {
        word.lower()
        for _, patterns in SCREENS.values()
        for p in patterns
        for word in re.findall(r"[A-Za-z]{2,}", p.pattern)
    }
)
"""The words the shipped patterns spell out, read off their source, not off the screen's own reading."""


def plain(patterns: list[re.Pattern[str]], text: str) -> bool:
    return any(pattern.search(text) for pattern in patterns)


pieces = st.one_of(
    st.sampled_from(WORDS),
    st.sampled_from(WORDS).map(str.upper),
    st.sampled_from(WORDS).map(lambda word: word[:-1]),  # a near miss
    st.sampled_from(["/", ".", "-", "_", "?", "=", "www", "blog", "news", "K", "ſ", "İ", "é", " "]),
    st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789/.-", max_size=6),
)
texts = st.lists(pieces, max_size=8).map("".join)


def test_the_shipped_rules_are_mostly_screened() -> None:
    """The point of the screen: most rules name strings every match holds."""
    assert RULES.any_path.screen is not None and RULES.any_name.screen is not None
    assert sum(pattern is not None for pattern in (RULES.any_path.rest, RULES.any_name.rest)) < 2


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(texts)
def test_the_screen_answers_as_the_plain_search(text: str) -> None:
    for screen, patterns in SCREENS.values():
        assert screen.search(text) == plain(patterns, text), text


@pytest.mark.parametrize("word", WORDS)
def test_every_word_of_the_shipped_rules_is_answered_as_the_plain_search(word: str) -> None:
    for screen, patterns in SCREENS.values():
        for text in (word, f"/{word}/", f"/x/{word}s/y", f"{word}.", f".{word}.", f"{word}-x.", word.upper()):
            assert screen.search(text) == plain(patterns, text), text


@pytest.mark.parametrize(
    ("pattern", "flags", "factors"),
    [
        (r"/press-releases?/", re.RegexFlag(0), {"/press-release"}),
        (r"/(?:opinion|opinions|blogs?)/", re.RegexFlag(0), {"opinion", "opinions", "blog"}),
        (r"(?<=daily)star", re.RegexFlag(0), {"daily"}),
        (r"NewsWire", re.I, {"newswire"}),
        # re's parser takes the shared "i" out of the branches first: too short to screen for
        (r"^(?:ir|investors?)\.", re.RegexFlag(0), {"i"}),
        (r"^(?:ir\.|investors?\.)", re.RegexFlag(0), {"r.", "nvestor"}),
        (r"a?b?", re.RegexFlag(0), None),  # nothing any match must hold
        (r"(?!blog)x", re.RegexFlag(0), None),  # a negative lookahead requires nothing
        (r"(?i:blog)", re.RegexFlag(0), None),  # case-blind inside a case-sensitive pattern
    ],
)
def test_literal_factors(pattern: str, flags: re.RegexFlag, factors: set[str] | None) -> None:
    found = literal_factors(re.compile(pattern, flags))
    if factors is None:
        assert not found or min(map(len, found)) < 2
    else:
        assert found == factors


def test_a_case_blind_screen_leaves_non_ascii_text_to_the_pattern() -> None:
    """re.I folds the Kelvin sign to k: an ASCII-only screen would wrongly rule "\u212aink" out."""
    screen = AnyOf.of([re.compile("kink", re.I)], re.I)
    assert screen.search("\u212aink") and screen.search("KINK") and not screen.search("kin")


def test_any_word_finds_a_word_inside_a_longer_one() -> None:
    pattern = any_word(["ab", "abc", "b"])
    assert [bool(pattern.search(text)) for text in ("xabcx", "b", "a", "")] == [True, True, False, False]


DATA = load_source_data()
LISTED = UrlRules.from_data(DATA["rules"], DATA["sites"])
"""The shipped rules with the listed sites, whose outlets' names a look-alike borrows."""
OFFICE_WORDS = sorted(frozenset().union(*(office.every_word() for office in LISTED.offices)))
labels = st.lists(
    st.one_of(
        st.sampled_from(WORDS),
        st.sampled_from(OFFICE_WORDS),
        st.sampled_from(["-", "x", "1", "pinterest", "lemonde", "gov", "\u212a"]),
        st.text(alphabet="abcdefghijklmnopqrstuvwxyz0123456789-", max_size=5),
    ),
    min_size=1,
    max_size=4,
).map("".join)
SUFFIXES = ["com", "org", "co.uk", "gov.pl", "de", "ltd", "online", "go.kr", "gov", "nj.us", "or.us", "ca"]
sites = st.tuples(labels, st.sampled_from(SUFFIXES)).map(".".join)


@settings(max_examples=400, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(sites)
def test_a_quiet_site_meets_no_rule_about_its_name_or_host(site: str) -> None:
    if LISTED.quiet_site(site):
        assert not tuple(LISTED.site_matches((site,), site)) and not LISTED.host_may_match(site), site


@pytest.mark.parametrize(
    ("site", "quiet"),
    [
        ("example.com", True),
        ("site17.co.uk", True),
        ("exampleblog.com", False),  # a name rule's word
        ("stadt-ulm.de", False),  # office words are read without hyphens: not told by the screen
        ("kommunexyz.no", False),  # an office's word
        ("pinterest.ca", False),  # a brand family
        ("lemonde.ltd", False),  # a look-alike of a listed outlet
        ("wordpress.com", False),  # a hosting platform
        ("investors.com", False),  # a host rule's word
    ],
)
def test_quiet_sites(site: str, quiet: bool) -> None:
    assert LISTED.quiet_site(site) is quiet
