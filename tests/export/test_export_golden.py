"""Golden exports: each case in tests/fixtures/export/cases, in every format, byte for byte."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
from export_helpers import CASES, SUFFIXES, case_names, load_case

from spector_refs.errors import ExportError
from spector_refs.export import FORMATS, export, to_bibtex
from spector_refs.model import Article

SCHEMA = json.loads((Path(__file__).parent.parent / "fixtures" / "export" / "csl-data.json").read_text())


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("case", case_names())
def test_export_matches_golden_file(case: str, format: str) -> None:
    refs, links = load_case(case)
    expected = (CASES / f"{case}{SUFFIXES[format]}").read_text(encoding="utf-8")
    assert export(refs, format, links=links) == expected


@pytest.mark.parametrize("case", case_names())
def test_csl_json_validates_against_the_csl_schema(case: str) -> None:
    refs, links = load_case(case)
    items = json.loads(export(refs, "csl-json", links=links))
    jsonschema.validate(items, SCHEMA)
    assert len(items) == len(refs)


def test_csl_schema_rejects_what_we_never_write() -> None:
    """The validation is real: an unknown variable fails it."""
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.validate([{"id": "x", "type": "webpage", "website": "example.org"}], SCHEMA)


def test_csl_ids_are_the_bibtex_keys() -> None:
    refs, _ = load_case("seed")
    ids = [item["id"] for item in json.loads(export(refs, "csl-json"))]
    keys = [line.split("{", 1)[1].rstrip(",") for line in export(refs).splitlines() if line.startswith("@")]
    assert ids == keys


def test_ris_records_are_well_formed() -> None:
    refs, links = load_case("specials")
    records = export(refs, "ris", links=links).split("\n\n")
    assert len(records) == len(refs)
    for record in records:
        lines = record.splitlines()
        assert lines[0].startswith("TY  - ") and lines[-1] == "ER  - "
        assert all(len(line) >= 6 and line[2:6] == "  - " for line in lines)


def test_ris_collapses_newlines_so_a_value_cannot_end_its_record() -> None:
    refs, _ = load_case("specials")
    ris = export(refs, "ris")
    assert "TI  - Line one line two end\n" in ris
    assert ris.count("ER  - ") == len(refs)


def test_dead_link_exports_carry_the_archive_and_live_ones_do_not() -> None:
    refs, links = load_case("archive")
    bib = export(refs, "biblatex", links=links)
    gone, live, dead = bib.split("\n\n")
    assert "web.archive.org/web/20240101000000" in gone and "url          = {https://example.org/gone" in gone
    assert "addendum" not in live
    assert "Archived from the original on 2020-01-01" in dead


def test_dead_link_without_links_mapping_exports_no_archive_for_the_checked_url() -> None:
    refs, _ = load_case("archive")
    assert "20240101000000" not in export(refs, "csl-json")


def test_unknown_format_and_dialect_raise_export_error() -> None:
    refs, _ = load_case("seed")
    with pytest.raises(ExportError, match="biblatex, bibtex, csl-json, ris"):
        export(refs, "endnote")
    with pytest.raises(ExportError, match="dialect"):
        to_bibtex(refs, dialect="bibtex8")


def test_empty_reference_list_exports_empty_files() -> None:
    assert export((), "biblatex") == ""
    assert export((), "ris") == ""
    assert json.loads(export((), "csl-json")) == []


def test_an_article_exports_its_references() -> None:
    refs, _ = load_case("seed")
    article = Article(title="Operation SpecTor", source_format="text", references=refs)
    assert export(article) == export(refs)
    assert export(article, "bibtex") == export(refs, "bibtex")
