"""The page-declaration dev set keeps the shared format, and the page benchmark hides a row's site.

A copy that is not in ``tools/trim_page.py``'s form, or a row whose address is not the page's own,
would measure something else than ``audit`` sees; a hidden site that still leaves its own entries (or
a brand family it made) in the index would let the lists answer for the page. Only the dev set is read
here: the held-back page sets are read once, by name, at a freeze.
"""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

from spector_refs.assess.sources import SourceIndex
from spector_refs.check.metadata import read_metadata

ROOT = Path(__file__).parent.parent.parent
DEV = ROOT / "benchmarks" / "data" / "pages-dev"


def _page_benchmark() -> ModuleType:
    """``benchmarks/page_sources.py`` as a module; it imports ``benchmarks/sources.py`` by its script name."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    try:
        spec = importlib.util.spec_from_file_location(
            "page_sources_benchmark", ROOT / "benchmarks" / "page_sources.py"
        )
        assert spec and spec.loader
        module = importlib.util.module_from_spec(spec)
        sys.modules[spec.name] = module  # its dataclasses look their module up there
        spec.loader.exec_module(module)
        return module
    finally:
        sys.path.remove(str(ROOT / "benchmarks"))


BENCHMARK = _page_benchmark()


def test_every_dev_copy_is_in_the_trimmed_form_and_declares_its_row_address() -> None:
    with (DEV / "index.csv").open(encoding="utf-8", newline="") as handle:
        records = list(csv.DictReader(handle))
    assert records
    for record in records:
        lines = (DEV / record["page"]).read_text(encoding="utf-8").splitlines()
        assert lines[:2] == ["<!DOCTYPE html>", '<html><head><meta charset="utf-8">'], record["page"]
        assert lines[2] == f"<!-- trimmed copy (tools/trim_page.py form) of {record['page_source']} -->"
        assert lines[-1] == "</head><body></body></html>", record["page"]
        meta = read_metadata((DEV / record["page"]).read_bytes(), "text/html; charset=utf-8")
        assert meta is not None and meta.canonical_url == record["url"], record["page"]


def test_the_dev_rows_use_the_classifier_vocabularies() -> None:
    items = BENCHMARK.read_pages("dev")
    assert {item.row.decision for item in items} <= {"weak", "primary", "fine"}
    assert all(item.meta is not None for item in items)


def test_hiding_a_site_drops_its_entries_and_the_brand_family_it_made() -> None:
    index = SourceIndex.create()
    hidden = BENCHMARK.without_site(index, "bbc.com")
    assert "bbc.com" in index.data["sites"] and "bbc" in index.data["rules"]["brands"]
    assert not any(key.partition("/")[0].endswith("bbc.com") for key in hidden.data["sites"])
    assert "bbc" not in hidden.data["rules"]["brands"]  # derived from bbc.com and bbc.co.uk
    assert "bbc.co.uk" in hidden.data["sites"]
    assert hidden.by_url("https://www.bbc.com/news/x") is None
    assert index.by_url("https://www.bbc.com/news/x") is not None


def test_hiding_a_site_keeps_the_rules_and_the_curated_brand_families() -> None:
    index = SourceIndex.create()
    hidden = BENCHMARK.without_site(index, "wikipedia.org")
    assert "wikipedia" in hidden.data["rules"]["brands"]
    profile = hidden.by_url("https://en.wikipedia.org/wiki/Mozilla")
    assert profile is not None and profile.kind == "wiki"  # a rule still knows it
    untouched = BENCHMARK.without_site(index, "no-such-site.example")
    assert untouched.data["rules"] == index.data["rules"] and untouched.data["sites"] == index.data["sites"]
