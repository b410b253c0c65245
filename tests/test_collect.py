"""The collector: every kind of argument becomes articles in order, through one resolver."""

from __future__ import annotations

import io
import logging
import sys
from pathlib import Path

import pytest

from spector_refs.collect import (
    BUNDLED_ARTICLE,
    collect_articles,
    collect_targets,
    expand_arguments,
    load_article,
    read_targets,
    targets_from_bib,
)
from spector_refs.errors import InputError

WIKITEXT = "'''Topic''' is a thing.<ref>{{cite web |url=https://example.org/a |title=A}}</ref>\n"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_dash_reads_standard_input_for_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, BUNDLED_ARTICLE.read_bytes())
    [article] = collect_articles(["-"]).articles
    assert article.title == "Operation SpecTor"
    assert len(article.references) == 13


def test_single_article_and_collection_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, WIKITEXT.encode())
    single = load_article("-", input_format="wikitext")
    _stdin(monkeypatch, WIKITEXT.encode())
    [collected] = collect_articles(["-"], input_format="wikitext").articles
    assert single == collected
    assert [ref.url for ref in single.references] == ["https://example.org/a"]


def test_lists_and_directories_expand_in_order(tmp_path: Path) -> None:
    folder = tmp_path / "articles"
    folder.mkdir()
    (folder / "b.wiki").write_text(WIKITEXT.replace("Topic", "Second"), encoding="utf-8")
    (folder / "a.wiki").write_text(WIKITEXT, encoding="utf-8")
    (folder / "notes.pdf").write_bytes(b"%PDF")
    listing = tmp_path / "list.txt"
    listing.write_text(f"# articles to audit\n{BUNDLED_ARTICLE}\n\n{folder}\n", encoding="utf-8")
    paths = [article.path for article in collect_articles([f"@{listing}"]).articles]
    assert [Path(path).name for path in paths if path] == ["operation_spector.txt", "a.wiki", "b.wiki"]


def test_empty_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match=r"no input files \(.htm, .html, .mediawiki"):
        collect_articles([str(tmp_path)])


def test_a_list_that_includes_itself_is_an_input_error(tmp_path: Path) -> None:
    outer, inner = tmp_path / "outer.txt", tmp_path / "inner.txt"
    outer.write_text(f"{BUNDLED_ARTICLE}\n@{inner}\n", encoding="utf-8")
    inner.write_text(f"@{outer}\n", encoding="utf-8")
    with pytest.raises(InputError, match="includes itself"):
        list(expand_arguments([f"@{outer}"]))


def test_link_targets_come_from_stdin_lists_and_directories(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    folder = tmp_path / "sources"
    folder.mkdir()
    (folder / "refs.bib").write_text(
        "@online{a, url = {https://example.org/a}, urldate = {2024-01-31}}\n", encoding="utf-8"
    )
    (folder / "urls.txt").write_text("https://example.org/b\nhttps://example.org/a\n", encoding="utf-8")
    listing = tmp_path / "inputs.txt"
    listing.write_text(f"{folder}\n-\n", encoding="utf-8")
    _stdin(monkeypatch, WIKITEXT.encode())
    read = collect_targets([f"@{listing}"])
    assert [target.url for target in read.targets] == ["https://example.org/a", "https://example.org/b"]
    assert read.targets[0].access_date == "2024-01-31"
    assert read.problems == ()


def test_stdin_url_list_is_read_as_urls(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, b"https://example.org/x\nnot a url\nhttps://example.org/y\n")
    read = read_targets("-")
    assert [target.url for target in read.targets] == ["https://example.org/x", "https://example.org/y"]
    assert read.problems == ("stdin:2: not a URL: 'not a url'",)


def test_no_target_means_the_bundled_article() -> None:
    [article] = collect_articles([]).articles
    assert article.title == "Operation SpecTor"


def test_a_bibs_unreadable_blocks_are_problems_not_bibtexparser_log_lines(caplog) -> None:
    """Each unreadable block is reported once, as a problem; bibtexparser's own log lines are held back
    while we parse, and its logger is left as it was."""
    logger = logging.getLogger("bibtexparser")
    before = logger.level
    with caplog.at_level(logging.DEBUG):
        read = targets_from_bib("@broken{\n@misc{ok, url = {https://a.test/}}\n", "refs.bib")
    assert [target.url for target in read.targets] == ["https://a.test/"]
    assert len(read.problems) == 1 and read.problems[0].startswith("refs.bib:")
    assert [record.name for record in caplog.records if record.name.startswith("bibtexparser")] == []
    assert logger.level == before
