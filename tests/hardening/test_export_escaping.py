"""No reference value can break or escape its entry, in any bibliography format.

References are built by hypothesis from hostile text: braces, backslashes,
quotes, ``@`` and ``,`` (entry syntax), newlines and RIS tags (record
syntax), control characters, and "canary" strings that would add a field
or a whole entry if a writer let them through. Each output is then read
back by real readers: bibtexparser v2 and pybtex for BibLaTeX/BibTeX, json
and the CSL-JSON schema for CSL-JSON, a strict line grammar for RIS.
"""

from __future__ import annotations

import json
import re
from pathlib import Path

import bibtexparser
import jsonschema
import pybtex.database
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spector_refs.export import export
from spector_refs.export.keys import citation_keys
from spector_refs.model import Name, Reference

from .checks import fuzz_examples, parse_or_refuse
from .documents import (
    HTML_PIECES,
    TEXT_PIECES,
    WIKI_PIECES,
    html_article,
    pieces_text,
    text_article,
    wikitext_article,
)

CSL_SCHEMA = json.loads(
    (Path(__file__).parents[1] / "fixtures" / "export" / "csl-data.json").read_text(encoding="utf-8")
)
CANARIES = (
    "}, canaryfield = {x",
    '", canaryfield = "x',
    "}\n@misc{canaryentry, title={x}}\n",
    "\nER  - \nTY  - JOUR\nTI  - canaryrecord\n",
    "\\}\\}}}}, canaryfield={",
    "{{{{",
    "\\",
    "@comment{",
    "%",
    '"},{"id":"canaryid"',
    "</title><script>alert(1)</script>",
)
HOSTILE_CHARS = "{}\\\"'@,=#%&$_^~\n\r\t\x00\x0b\x1b\u2028\u2029 -"
hostile = st.one_of(
    st.text(alphabet=st.sampled_from(HOSTILE_CHARS) | st.characters(codec="utf-8"), max_size=40),
    st.sampled_from(CANARIES),
    st.lists(st.sampled_from(CANARIES) | st.text(max_size=5), max_size=4).map("".join),
)
maybe = st.none() | hostile
names = st.lists(
    st.builds(Name, family=maybe, given=maybe) | st.builds(Name, literal=hostile), max_size=3
).map(tuple)
KINDS = st.sampled_from(
    [None, "web", "news", "book", "journal", "magazine", "press release", "report", "text"]
)
references = st.builds(
    Reference,
    number=st.integers(min_value=1, max_value=999),
    raw=hostile,
    kind=KINDS,
    authors=names,
    editors=names,
    title=maybe,
    chapter=maybe,
    work=maybe,
    publisher=maybe,
    place=maybe,
    volume=maybe,
    issue=maybe,
    pages=maybe,
    date=st.sampled_from([None, "2023", "2023-05", "2023-05-02", "May 2023", "}{"]),
    access_date=st.sampled_from([None, "2024-01-31", "\n@misc{"]),
    url=st.none()
    | st.sampled_from(["https://example.org/a}b", "https://example.org/{x}", "http://e.org/%7D"])
    | hostile,
    language=maybe,
    identifiers=st.dictionaries(st.sampled_from(["doi", "isbn", "issn", "pmid"]), hostile, max_size=2),
)
reference_lists = st.lists(references, min_size=1, max_size=4).map(tuple)
FUZZ = settings(max_examples=fuzz_examples(150), deadline=None, suppress_health_check=[HealthCheck.too_slow])
RIS_LINE = re.compile(r"^[A-Z][A-Z0-9]  - (?:\S.*)?$")


def _no_canary(text: str) -> None:
    assert "canaryfield" not in {name.lower() for name in re.findall(r"^\s*(\w+)\s*=", text, re.M)}


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
@FUZZ
@given(refs=reference_lists)
def test_bibtex_entries_stay_whole(dialect: str, refs: tuple[Reference, ...]) -> None:
    text = export(refs, dialect)
    library = bibtexparser.parse_string(text)
    assert not library.failed_blocks, [block.raw for block in library.failed_blocks]
    assert [entry.key for entry in library.entries] == citation_keys(refs)
    for entry in library.entries:
        assert "canaryfield" not in entry.fields_dict
        for field in entry.fields:
            assert "\n" not in str(field.value), (field.key, field.value)
    pybtex_data = pybtex.database.parse_string(text, "bibtex")
    assert list(pybtex_data.entries) == citation_keys(refs)
    for entry in pybtex_data.entries.values():
        assert "canaryfield" not in {key.lower() for key in entry.fields}
    _no_canary(text)


@FUZZ
@given(refs=reference_lists)
def test_csl_json_items_stay_whole(refs: tuple[Reference, ...]) -> None:
    items = json.loads(export(refs, "csl-json"))
    jsonschema.validate(items, CSL_SCHEMA)
    assert [item["id"] for item in items] == citation_keys(refs)
    for item in items:
        for value in item.values():
            if isinstance(value, str):
                assert not re.search(r"[\x00-\x08\x0b\x0c\x0e-\x1f]", value), value


@FUZZ
@given(refs=reference_lists)
def test_ris_records_stay_whole(refs: tuple[Reference, ...]) -> None:
    text = export(refs, "ris")
    records = [record for record in text.split("\n\n") if record.strip()]
    assert len(records) == len(refs)
    for record in records:
        lines = record.strip("\n").split("\n")
        assert lines[0].startswith("TY  - ") and lines[-1] == "ER  - ", lines
        assert sum(line.startswith("TY  - ") for line in lines) == 1
        assert sum(line.startswith("ER  - ") for line in lines) == 1
        for line in lines:
            assert RIS_LINE.match(line), repr(line)
            assert "\r" not in line and "\u2028" not in line and "\x00" not in line, repr(line)
    assert "TI  - canaryrecord" not in text.splitlines()


def test_canaries_in_every_field() -> None:
    """A deterministic worst case: every canary in every text field at once."""
    evil = "".join(CANARIES)
    ref = Reference(
        number=1,
        raw=evil,
        kind="book",
        authors=(Name(family=evil, given=evil), Name(literal=evil)),
        title=evil,
        chapter=evil,
        work=evil,
        publisher=evil,
        place=evil,
        pages=evil,
        url="https://example.org/" + evil,
        identifiers={"doi": evil, "isbn": evil},
    )
    for fmt in ("biblatex", "bibtex"):
        library = bibtexparser.parse_string(export([ref, ref], fmt))
        assert len(library.entries) == 2 and not library.failed_blocks
        assert all("canaryfield" not in entry.fields_dict for entry in library.entries)
    items = json.loads(export([ref], "csl-json"))
    assert len(items) == 1 and items[0]["title"].startswith("}, canaryfield")
    ris = export([ref], "ris").splitlines()
    assert sum(line.startswith("TY  - ") for line in ris) == 1
    assert sum(line.startswith("ER  - ") for line in ris) == 1


ARTICLES = {"text": text_article(3), "html": html_article(3), "wikitext": wikitext_article(3)}
PIECES = {"text": TEXT_PIECES, "html": HTML_PIECES, "wikitext": WIKI_PIECES}


@pytest.mark.parametrize("fmt", ARTICLES)
@settings(max_examples=fuzz_examples(60), deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(data=st.data())
def test_any_parsed_article_exports_whole(fmt: str, data: st.DataObject) -> None:
    """End to end: hostile titles inside a real article parse, and export to files real readers accept."""
    document = ARTICLES[fmt]
    for n in (1, 2, 3):
        title = data.draw(st.one_of(pieces_text(PIECES[fmt], max_size=8), st.sampled_from(CANARIES)))
        document = document.replace(f"Title {n}", title.replace("\n", " "), 1)
    article = parse_or_refuse(document, format=fmt)
    if article is None or not article.references:
        return
    refs = article.references
    library = bibtexparser.parse_string(export(refs, "biblatex"))
    assert not library.failed_blocks and len(library.entries) == len(refs)
    assert all("canaryfield" not in entry.fields_dict for entry in library.entries)
    jsonschema.validate(json.loads(export(refs, "csl-json")), CSL_SCHEMA)
    ris = export(refs, "ris").splitlines()
    assert sum(line == "ER  - " for line in ris) == len(refs)
    assert sum(line.startswith("TY  - ") for line in ris) == len(refs)
