"""Every shared sample, exported in every format: nothing lost, and biber reads all of it.

The golden cases pin the exporter on hand-made references; these tests run
it on real articles (the HTML and wikitext fixtures, the trio, the seed),
where the odd references live: an archive URL with no status, an archive
URL and nothing else, an ISBN on a free-text reference, a hand-written list
of twelve authors.
"""

from __future__ import annotations

import json
import re
import subprocess
from collections.abc import Callable
from functools import cache
from pathlib import Path

import bibtexparser
import pytest
from export_helpers import decode

from spector_refs import parse
from spector_refs.export import FORMATS, export
from spector_refs.export.fields import iso_date
from spector_refs.export.keys import citation_keys
from spector_refs.model import Article, Reference

FIXTURES = Path(__file__).parent.parent / "fixtures"
SEED = Path(__file__).parent.parent.parent / "spector_refs" / "data" / "operation_spector.txt"
SAMPLES = sorted(
    [*FIXTURES.glob("html/*.html"), *FIXTURES.glob("wikitext/*.txt"), *FIXTURES.glob("trio/*"), SEED]
)
_MISSING = re.compile(
    r"Entry '(?P<key>[^']+)' .*: Missing mandatory field "
    r"(?:'(?P<field>\w+)'|- one of '(?P<fields>[\w, ]+)' must be defined)"
)
MODEL_FIELDS: dict[str, Callable[[Reference], object]] = {
    # biber's mandatory field → the Reference data it would have come from
    "author": lambda ref: ref.authors,
    "editor": lambda ref: ref.editors,
    "title": lambda ref: ref.title or ref.chapter,
    "date": lambda ref: iso_date(ref.date),
    "year": lambda ref: iso_date(ref.date),
    "url": lambda ref: ref.url or ref.archive_url,
    "doi": lambda ref: ref.doi,
    "eprint": lambda ref: None,
    "journaltitle": lambda ref: ref.work,
    "institution": lambda ref: ref.publisher or ref.work,
    "booktitle": lambda ref: ref.title,
}


@cache
def _article(path: Path) -> Article:
    return parse(path)


def _ids(paths: list[Path]) -> list[str]:
    return [path.name for path in paths]


def _located(ref: Reference) -> list[str]:
    """What must reach every export: URLs, the archive and its date, every identifier."""
    wanted = [ref.url, ref.archive_url, iso_date(ref.archive_date), *ref.identifiers.values()]
    return [value for value in wanted if value]


def _entries(text: str, format: str, refs: tuple[Reference, ...]) -> list[str]:
    """Each reference's entry as reader-visible text, in reference order."""
    if format == "csl-json":
        return [json.dumps(item, ensure_ascii=False) for item in json.loads(text)]
    if format == "ris":
        return text.split("ER  - \n")[: len(refs)]
    library = bibtexparser.parse_string(text)
    by_key = {entry.key: entry for entry in library.entries}
    return [" ".join(decode(str(field.value)) for field in by_key[key].fields) for key in citation_keys(refs)]


def _spaced(text: str) -> str:
    return re.sub(r"\s+", " ", text)


@pytest.mark.parametrize("format", FORMATS)
@pytest.mark.parametrize("sample", SAMPLES, ids=_ids(SAMPLES))
def test_every_url_archive_and_identifier_reaches_the_export(sample: Path, format: str) -> None:
    refs = _article(sample).references
    entries = _entries(export(refs, format), format, refs)
    assert len(entries) == len(refs)
    for ref, entry in zip(refs, entries, strict=True):
        for value in _located(ref):
            assert _spaced(value) in _spaced(entry), f"{sample.name} {ref.label}: {value} missing in {format}"


def test_the_samples_hold_what_the_export_test_is_about() -> None:
    """The field test above means something only if the samples carry these cases."""
    refs = [ref for sample in SAMPLES for ref in _article(sample).references]
    assert any(ref.archive_url and not ref.url_status for ref in refs)
    assert any(ref.archive_url and not ref.url for ref in refs)
    assert any(ref.isbn and ref.kind == "text" for ref in refs)
    assert {"doi", "isbn", "issn", "pmid", "pmc", "oclc"} <= {k for ref in refs for k in ref.identifiers}


@pytest.mark.external
@pytest.mark.parametrize("sample", SAMPLES, ids=_ids(SAMPLES))
def test_biber_reads_every_entry_of_every_sample(
    sample: Path, tmp_path: Path, require_tool: Callable[[str], str]
) -> None:
    """biber's data-model check: no error, no invalid field; only data the article lacks is missing."""
    biber = require_tool("biber")
    refs = _article(sample).references
    (tmp_path / "refs.bib").write_text(export(refs), encoding="utf-8")
    result = subprocess.run(
        [biber, "--tool", "--validate-datamodel", "refs.bib"],
        cwd=tmp_path,
        capture_output=True,
        text=True,
        timeout=180,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    by_key = dict(zip(citation_keys(refs), refs, strict=True))
    for line in result.stdout.splitlines():
        if not re.match(r"(WARN|ERROR)", line):
            continue
        match = _MISSING.search(line)
        assert match, f"{sample.name}: {line}"
        fields = (match["field"] or match["fields"]).split(", ")
        ref = by_key[match["key"]]
        assert not any(MODEL_FIELDS[field](ref) for field in fields), f"{line} but {ref.label} has it"
    written = (tmp_path / "refs_bibertool.bib").read_text(encoding="utf-8")
    assert written.count("\n@") + written.startswith("@") == len(refs)
