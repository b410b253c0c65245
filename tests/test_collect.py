"""The collector: every kind of argument becomes articles in order, through one resolver."""

from __future__ import annotations

import io
import sys
from pathlib import Path

import pytest

from spector_refs.collect import BUNDLED_ARTICLE, collect_articles, load_article
from spector_refs.errors import InputError

WIKITEXT = "'''Topic''' is a thing.<ref>{{cite web |url=https://example.org/a |title=A}}</ref>\n"


def _stdin(monkeypatch: pytest.MonkeyPatch, data: bytes) -> None:
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(data)))


def test_dash_reads_standard_input_for_every_command(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, BUNDLED_ARTICLE.read_bytes())
    [article] = collect_articles(["-"])
    assert article.title == "Operation SpecTor"
    assert len(article.references) == 13


def test_single_article_and_collection_agree(monkeypatch: pytest.MonkeyPatch) -> None:
    _stdin(monkeypatch, WIKITEXT.encode())
    single = load_article("-", input_format="wikitext")
    _stdin(monkeypatch, WIKITEXT.encode())
    [collected] = collect_articles(["-"], input_format="wikitext")
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
    paths = [article.path for article in collect_articles([f"@{listing}"])]
    assert [Path(path).name for path in paths if path] == ["operation_spector.txt", "a.wiki", "b.wiki"]


def test_empty_directory_is_an_input_error(tmp_path: Path) -> None:
    with pytest.raises(InputError, match="no article files"):
        list(collect_articles([str(tmp_path)]))


def test_no_target_means_the_bundled_article() -> None:
    [article] = collect_articles([])
    assert article.title == "Operation SpecTor"
