"""The link checker's own inputs (``.bib`` files and URL lists) survive hostile text.

``read_targets`` decides between a .bib file, a URL list and an article;
``targets_from_bib`` and ``targets_from_list`` must turn any text into
targets plus ``problems``, never an exception, and every target they return
must be one clean URL (no whitespace, no newline that could smuggle a
second request line).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spector_refs.check.sources import Targets, read_targets, targets_from_bib, targets_from_list
from spector_refs.errors import SpectorError

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
