"""Reading dumps: every compression and the multistream form give the same pages, filtered."""

from __future__ import annotations

import bz2
from pathlib import Path

import dumpgen
import pytest

from spector_refs.dump.source import (
    PageFilter,
    find_index,
    is_dump,
    iter_pages,
    multistream_partitions,
    open_stream,
    read_index,
    stream_partitions,
)
from spector_refs.errors import InputError


def _titles(path: Path, wanted: PageFilter | None = None) -> list[str]:
    with open_stream(path) as stream:
        return [page.title for page in iter_pages(stream, wanted or PageFilter())]


def _partition_titles(path: Path, wanted: PageFilter, size: int) -> list[list[str]]:
    index = find_index(path)
    if index is None:
        parts = stream_partitions(path, wanted, size, set())
    else:
        blocks = read_index(index, path.stat().st_size, keep_titles=wanted.titles is not None)
        parts = multistream_partitions(path, blocks, wanted, size, set())
    return [[page.title for page in part.read(wanted)] for part in parts]


def test_every_form_reads_the_same_main_namespace_articles(small_dumps: dict[str, Path]) -> None:
    expected = [page.title for page in dumpgen.pages(160, extras=False)]
    for form in ("", ".gz", ".bz2"):
        assert _titles(small_dumps[form]) == expected, form
    for form in small_dumps:
        flat = [t for part in _partition_titles(small_dumps[form], PageFilter(), 50) for t in part]
        assert flat == expected, form


def test_redirects_and_other_namespaces_only_when_asked(small_dumps: dict[str, Path]) -> None:
    dump = small_dumps[".bz2"]
    talk = _titles(dump, PageFilter(namespaces=frozenset({1})))
    assert talk == [f"Talk:Topic {i}" for i in range(49, 160, 50)]
    with_redirects = _titles(dump, PageFilter(redirects=True))
    assert [t for t in with_redirects if t.startswith("Redirect")] == [
        "Redirect 49",
        "Redirect 99",
        "Redirect 149",
    ]


def test_a_title_list_reads_only_the_blocks_that_hold_those_titles(small_dumps: dict[str, Path]) -> None:
    dump = small_dumps["multistream"]
    wanted = PageFilter(titles=frozenset({"Topic 5", "Topic 150"}))
    blocks = read_index(find_index(dump), dump.stat().st_size, keep_titles=True)  # type: ignore[arg-type]
    parts = list(multistream_partitions(dump, blocks, wanted, 1, set()))
    assert len(parts) == 2  # two of the five blocks are read at all
    assert [p.title for part in parts for p in part.read(wanted)] == ["Topic 5", "Topic 150"]
    assert _partition_titles(small_dumps[".gz"], wanted, 1000) == [["Topic 5", "Topic 150"]]


def test_partitions_are_numbered_in_order_and_skipped_ones_carry_no_pages(
    small_dumps: dict[str, Path],
) -> None:
    parts = list(stream_partitions(small_dumps[".bz2"], PageFilter(), 50, {1}))
    assert [p.number for p in parts] == [0, 1, 2, 3]
    assert [len(p.pages) for p in parts] == [50, 0, 50, 10]
    assert sum(p.size for p in parts) == small_dumps[".bz2"].stat().st_size


def test_special_export_keeps_the_latest_revision(tmp_path: Path) -> None:
    export = tmp_path / "Special_Export.xml"
    page = dumpgen.page_xml(dumpgen.Page("Bodmin", "old text"), 7)
    newer = page.replace("<id>70</id>", "<id>71</id>").replace("old text", "new text")
    second = newer[newer.index("    <revision>") : newer.index("  </page>")]
    export.write_text(dumpgen.HEADER + page.replace("  </page>", second + "  </page>") + dumpgen.FOOTER)
    assert is_dump(str(export))
    with open_stream(export) as stream:
        (only,) = iter_pages(stream, PageFilter())
    assert (only.title, only.revision_id, only.text) == ("Bodmin", 71, "new text")


@pytest.mark.parametrize(
    "content",
    [
        pytest.param(b"<mediawiki><page><title>x</title", id="truncated-xml"),
        pytest.param(bz2.compress(b"<mediawiki><siteinfo></siteinfo>")[:-9], id="truncated-bz2"),
    ],
)
def test_a_broken_dump_is_an_input_error(tmp_path: Path, content: bytes) -> None:
    dump = tmp_path / "broken.xml.bz2"
    dump.write_bytes(content)
    with pytest.raises(InputError, match="dump"), open_stream(dump) as stream:
        list(iter_pages(stream, PageFilter()))


def test_an_index_that_does_not_match_the_dump_is_refused(
    small_dumps: dict[str, Path], tmp_path: Path
) -> None:
    index = tmp_path / "other-index.txt"
    index.write_text("999999999:1:Topic 1\n")
    with pytest.raises(InputError, match="does not describe this dump"):
        read_index(index, small_dumps["multistream"].stat().st_size, keep_titles=False)


def test_articles_are_not_dumps(tmp_path: Path) -> None:
    article = dumpgen.FIXTURES / "trio" / "operation_spector.wiki"
    assert not is_dump(str(article))
    assert not is_dump(str(tmp_path))
