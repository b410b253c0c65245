"""The link checker's own inputs (``.bib`` files and URL lists) survive hostile text.

``read_targets`` decides between a .bib file, a URL list and an article;
``targets_from_bib`` and ``targets_from_list`` must turn any text into
targets plus ``problems``, never an exception, and every target they return
must be one clean URL (no whitespace, no newline that could smuggle a
second request line).
"""

from __future__ import annotations

import ipaddress
import socket
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from spector_refs.check import LinkCheckConfig, LinkChecker
from spector_refs.collect import Targets, read_targets, targets_from_bib, targets_from_list
from spector_refs.errors import SpectorError
from spector_refs.model import Verdict

from .checks import fuzz_examples, time_limit
from .scaling import MAX_RATIO, measure_scaling

FUZZ = settings(max_examples=fuzz_examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
BIB_PIECES = (
    "@misc{",
    "@online{key,",
    '@string{a = "b"}',
    "@comment{",
    "@preamble{",
    "url = {https://example.org/a}",
    'url = "https://example.org/b"',
    "note = {\\url{https://example.org/c\\%20d}}",
    "howpublished = {\\url{",
    "urldate = {2024-01-31}",
    "urldate = {not a date}",
    "title = {",
    "{",
    "}",
    '"',
    ",",
    "=",
    "#",
    "\n",
    "%",
    "\\",
)
URL_PIECES = (
    "https://example.org/",
    "http://127.0.0.1:1/x",
    "ftp://example.org/f",
    "javascript:alert(1)",
    "https://",
    "//example.org",
    "# comment",
    "\n",
    "\r\n",
    " ",
    "\t",
    "\x00",
    "\u2028",
    "https://exa mple.org/",
    "https://[::1]/",
    "https://ex%0d%0aample.org/",
)


def _pieces(pieces: tuple[str, ...]) -> st.SearchStrategy[str]:
    return st.lists(st.sampled_from(pieces) | st.text(max_size=6), max_size=40).map("".join)


def _assert_clean(result: Targets) -> None:
    assert isinstance(result, Targets)
    for target in result.targets:
        assert target.url and target.url == target.url.strip()
        assert not any(ch in target.url for ch in "\r\n\x00"), target.url
    assert all(isinstance(problem, str) and problem for problem in result.problems)


@FUZZ
@given(text=st.one_of(st.text(), _pieces(BIB_PIECES)))
def test_bib_text(text: str) -> None:
    with time_limit(20):
        _assert_clean(targets_from_bib(text, "refs.bib"))


@FUZZ
@given(text=st.one_of(st.text(), _pieces(URL_PIECES)))
def test_url_list_text(text: str) -> None:
    with time_limit(20):
        result = targets_from_list(text, "urls.txt")
    _assert_clean(result)
    for target in result.targets:
        assert "://" in target.url and not any(ch.isspace() for ch in target.url)


@pytest.mark.parametrize("suffix", [".bib", ".txt", ".urls"])
@FUZZ
@given(data=st.binary(max_size=300) | _pieces(BIB_PIECES + URL_PIECES).map(lambda t: t.encode("utf-8")))
def test_read_targets_files(tmp_path_factory: pytest.TempPathFactory, suffix: str, data: bytes) -> None:
    """Any file given to ``links``: targets, or a SpectorError (unreadable, binary, empty)."""
    path = tmp_path_factory.mktemp("inputs") / f"input{suffix}"
    path.write_bytes(data)
    try:
        with time_limit(20):
            result = read_targets(path)
    except SpectorError:
        return
    _assert_clean(result)


def test_truncated_bib_file_keeps_the_entries_before_the_cut(tmp_path: Path) -> None:
    entries = "".join(f"@online{{k{n},\n  url = {{https://example.org/{n}}},\n}}\n" for n in range(1, 21))
    cut = entries[: entries.index("@online{k20") + 20]
    path = tmp_path / "cut.bib"
    path.write_text(cut, encoding="utf-8")
    result = read_targets(path)
    assert [t.url for t in result.targets][:19] == [f"https://example.org/{n}" for n in range(1, 20)]


BIB_SHAPES = {
    "open-entries": lambda n: "@misc{" * n,
    "open-braces": lambda n: "@misc{k, url = {" + "{" * n,
    "url-commands": lambda n: "@misc{k, note = {" + "\\url{" * n + "}}",
    "quotes": lambda n: '@misc{k, url = "' + '\\"' * n,
}
LIST_SHAPES = {
    "schemes": lambda n: "a" * n + "://",
    "long-url-lines": lambda n: "https://example.org/" + "a" * n + " x\n",
    "many-lines": lambda n: "https://example.org/x\n" * n,
}


@pytest.mark.parametrize(
    ("run", "make"),
    [
        *(pytest.param(targets_from_bib, make, id=f"bib-{name}") for name, make in BIB_SHAPES.items()),
        *(pytest.param(targets_from_list, make, id=f"list-{name}") for name, make in LIST_SHAPES.items()),
    ],
)
def test_input_reading_time_is_linear(run, make) -> None:
    scaling = measure_scaling(run, make)
    assert scaling.ratio <= MAX_RATIO, f"10x the input took {scaling.ratio:.0f}x the time"


URL_PARTS = (
    "http://",
    "https://",
    "HTTP://",
    "ftp://",
    "mailto:",
    "javascript:",
    "//",
    "example.org",
    "xn--bcher-kva.example",
    "bücher.example",
    "ｅｘａｍｐｌｅ.org",
    "[::1]",
    "[",
    "]",
    "@",
    "user:pass@",
    ":",
    ":99999",
    ":-1",
    ":0",
    "/",
    "?",
    "#",
    "%",
    "%zz",
    "%00",
    "\x00",
    "\r\n",
    " ",
    "\t",
    "8.8.8.8",
    "0x7f.1",
    "2130706433",
    "169.254.169.254",
    "a" * 300,
    "..",
    ".",
)
url_like = st.lists(st.sampled_from(URL_PARTS) | st.text(max_size=4), min_size=1, max_size=10).map("".join)


@FUZZ
@given(urls=st.lists(url_like, min_size=1, max_size=6))
@example(urls=["http://8.8.8.8/", "https://example.org/a", "http://[::1]:99999/", "http://0x7f.1/", " "])
def test_check_links_on_arbitrary_urls(urls: list[str]) -> None:
    """Any string as a URL: one verdict per distinct URL, never an exception, no packet sent.

    DNS answers "no such name" for every host and the connection layer is
    replaced, so even a public numeric address cannot be reached.
    """
    attempts: list[object] = []

    def no_dns(*args: object, **kwargs: object) -> list:
        raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")

    def no_connection(sock: socket.socket, address: object) -> None:
        attempts.append(address)
        raise ConnectionRefusedError(111, "refused by the test")

    config = LinkCheckConfig(timeout=1.0, connect_timeout=1.0, deadline=2.0, retries=0, per_host_interval=0)
    with (
        mock.patch.object(socket.socket, "connect", no_connection),
        time_limit(30),
        LinkChecker(config, getaddrinfo=no_dns) as checker,
    ):
        results = checker.check(urls)
    distinct = list(dict.fromkeys(url.strip() for url in urls if url.strip()))
    assert [result.url for result in results] == distinct
    for result in results:
        assert isinstance(result.verdict, Verdict) and result.reason
    for address in attempts:
        host = ipaddress.ip_address(address[0])  # type: ignore[index]
        assert host.is_global, f"a non-public address was about to be contacted: {address}"
