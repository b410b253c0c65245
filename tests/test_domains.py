"""Registrable domains through the Public Suffix List, archive URLs, website-like names."""

from __future__ import annotations

import random

import pytest
from hypothesis import example, given
from hypothesis import strategies as st

from spector_refs.domains import (
    _PLAIN_ASCII_URL,
    _PLAIN_URL,
    DomainMemo,
    _psl_rules,
    host_candidates,
    original_url,
    public_suffix,
    registrable_domain,
    website_name,
)


@pytest.mark.parametrize(
    ("host", "domain"),
    [
        ("www.bbc.co.uk", "bbc.co.uk"),
        ("news.bbc.co.uk", "bbc.co.uk"),
        ("www.justice.gov", "justice.gov"),
        ("foo.blogspot.com", "blogspot.com"),
        ("europol.europa.eu", "europa.eu"),
        ("127.0.0.1", None),
        ("[2001:db8::1]", None),
        ("10.0.0.", None),
        ("co.uk", None),
    ],
)
def test_registrable_domain(host: str, domain: str | None) -> None:
    assert registrable_domain(host) == domain


def test_public_suffix_tells_government_hosts() -> None:
    assert public_suffix("www.justice.gov") == "gov"
    assert public_suffix("www.gov.uk") == "gov.uk"


def test_host_candidates_go_from_host_to_registrable_domain() -> None:
    assert host_candidates("blogs.nytimes.com") == ["blogs.nytimes.com", "nytimes.com"]
    assert host_candidates("a.b.bbc.co.uk") == ["a.b.bbc.co.uk", "b.bbc.co.uk", "bbc.co.uk"]
    expected = ["x.y.example.org", "y.example.org", "example.org"]
    assert host_candidates("x.y.example.org", "example.org") == expected
    assert host_candidates("10.0.0.1") == ["10.0.0.1"]


@pytest.mark.parametrize(
    ("url", "original"),
    [
        (
            "https://web.archive.org/web/20230502000000/https://www.reuters.com/world/x/",
            "https://www.reuters.com/world/x/",
        ),
        ("http://web.archive.org/web/2019/http://example.org/a?b=1", "http://example.org/a?b=1"),
        ("https://web.archive.org/web/2019id_/example.org/page", None),
        (
            "https://archive.ph/2023.05.02-101010/https://www.dailymail.co.uk/x",
            "https://www.dailymail.co.uk/x",
        ),
        ("https://archive.ph/AbCdE", None),
        ("https://www.reuters.com/x", None),
    ],
)
def test_original_url_inside_archive_urls(url: str, original: str | None) -> None:
    assert original_url(url) == original


@pytest.mark.parametrize(
    ("name", "host"),
    [
        ("www.justice.gov", "www.justice.gov"),
        ("Local3News.com", "local3news.com"),
        ("eucrim.eu", "eucrim.eu"),
        ("https://example.org/", "example.org"),
        ("Reuters", None),
        ("Fortune Europe", None),
        ("U.S.", None),
    ],
)
def test_website_like_names(name: str, host: str | None) -> None:
    assert website_name(name) == host


def test_domain_memo_gives_what_the_suffix_list_walk_gives() -> None:
    # hosts in an order that would fool a naive "same parent, same domain" memo: a public suffix
    # below a private name (nes.buskerud.no), wildcards and their exceptions, addresses; sibling sites
    # right under a suffix, also upper case, with an empty label or a final dot, under an unknown TLD
    hosts = [
        "a.example.co.uk", "b.example.co.uk", "c.d.example.co.uk", "x.buskerud.no", "nes.buskerud.no",
        "a.nes.buskerud.no", "b.nes.buskerud.no", "x.city.kawasaki.jp", "y.city.kawasaki.jp",
        "foo.kawasaki.jp", "a.foo.kawasaki.jp", "b.foo.kawasaki.jp", "x.2.3.4", "1.2.3.4", "[::1]",
        "someone.blogspot.com", "other.blogspot.com", "www.gov.uk", "x.gov.uk", "example.com", "",
        "site1.co.uk", "site2.co.uk", "Site3.co.uk", ".co.uk", "co.uk", "other.com", "a.b", "c.b",
        "kawasaki.jp", "city.kawasaki.jp", "town.kawasaki.jp", "buskerud.no", "vinje.no", "1-2.3", "4-5.3",
        "A.example.org", "b.example.org", ".example.org", "site1.co.uk.", "site2.co.uk.", "X.co.uk",
        "y.co.uk", "site1.gov.pl", "ap.gov.pl", "site2.gov.pl", "x.ap.gov.pl", "ic.gov.pl", "site3.gov.pl",
    ]  # fmt: skip
    memo = DomainMemo()
    assert [memo(host) for host in hosts * 2] == [registrable_domain(host) for host in hosts * 2]


def test_domain_memo_agrees_with_the_walk_around_every_rule_of_the_list() -> None:
    # each rule's name, its children and a grandchild (one upper-case), shuffled: siblings under
    # suffixes, wildcards, exceptions and rules below other rules meet the memo in every order
    names = sorted({rule.removeprefix("!").removeprefix("*.") for rule in _psl_rules() or ()})
    hosts = [
        host for name in names for host in (name, f"x.{name}", f"city.{name}", f"a.x.{name}", f"X.{name}")
    ]
    random.Random(11).shuffle(hosts)
    memo = DomainMemo()
    assert len(names) > 5000
    assert [host for host in hosts if memo(host) != registrable_domain(host)] == []


url_pieces = st.sampled_from(
    ["http", "HTTPS", "hTtP", "s", "://", "/", ":", "8080", "?", "#", "www.", "Ex", "a-b", ".", " ", "\n"]
)
ascii_urls = st.lists(
    st.one_of(url_pieces, st.text(alphabet="azAZ09.-/:?#@[] ", max_size=4)), max_size=8
).map("".join)


@given(ascii_urls)
@example("HTTPS://Www.Ex.COM.:8080/a/b?c=d#e")
def test_the_ascii_url_pattern_reads_an_ascii_url_as_the_case_blind_one(url: str) -> None:
    plain, ascii_only = _PLAIN_URL.match(url), _PLAIN_ASCII_URL.match(url)
    assert (plain and plain.groups()) == (ascii_only and ascii_only.groups()), url
