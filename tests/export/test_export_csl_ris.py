"""Any reference at all: CSL-JSON stays schema-valid, RIS records and .bib entries stay whole."""

from __future__ import annotations

import json
from pathlib import Path

import bibtexparser
import jsonschema
from hypothesis import given, settings
from hypothesis import strategies as st
from pybtex.database import parse_string as pybtex_parse

from spector_refs.export import kinds, to_bibtex, to_csl_json, to_ris
from spector_refs.export.latex import clean
from spector_refs.model import Name, Reference

SCHEMA = json.loads((Path(__file__).parent.parent / "fixtures" / "export" / "csl-data.json").read_text())
KINDS = [
    None,
    "web",
    "news",
    "magazine",
    "press release",
    "report",
    "book",
    "encyclopedia",
    "journal",
    "footnote",
    "text",
]

some_text = st.text(st.characters(exclude_categories=("Cs",)), max_size=25)
text = st.none() | some_text
name = st.builds(Name, family=text, given=text) | st.builds(Name, literal=text)
references = st.lists(
    st.builds(
        Reference,
        number=st.integers(1, 300),
        raw=st.text(max_size=30),
        kind=st.sampled_from(KINDS),
        authors=st.lists(name, max_size=3).map(tuple),
        title=text,
        chapter=text,
        work=text,
        publisher=text,
        others=text,
        pages=text,
        date=st.sampled_from([None, "2023", "2023-05", "2023-05-02", "May 2023"]),
        access_date=st.sampled_from([None, "2024-01-31"]),
        url=st.none() | st.just("https://example.org/a\nb"),
        identifiers=st.fixed_dictionaries({}, optional=dict.fromkeys(("issn", "isbn", "doi"), some_text)),
    ),
    max_size=5,
)


@settings(max_examples=200, deadline=None)
@given(references)
def test_csl_json_is_always_schema_valid(refs: list[Reference]) -> None:
    items = json.loads(to_csl_json(refs))
    jsonschema.validate(items, SCHEMA)
    assert [item["id"] for item in items] == [
        line.split("{", 1)[1].rstrip(",") for line in to_bibtex(refs).splitlines() if line.startswith("@")
    ]


@settings(max_examples=200, deadline=None)
@given(references)
def test_ris_values_can_never_break_a_record(refs: list[Reference]) -> None:
    lines = to_ris(refs).splitlines()
    assert sum(line == "ER  - " for line in lines) == len(refs)
    assert sum(line.startswith("TY  - ") for line in lines) == len(refs)
    for line in lines:
        assert line == "" or (line[:2].isalnum() and line[2:6] == "  - "), line
    titles = [line[6:] for line in lines if line.startswith("TI  - ")]
    expected = [clean((ref.cited_title if _is_part(ref) else ref.title) or "") for ref in refs]
    assert titles == [title for title in expected if title]


def _is_part(ref: Reference) -> bool:
    return kinds.source_kind(ref) in kinds.PARTS


@settings(max_examples=100, deadline=None)
@given(references, st.sampled_from(["biblatex", "bibtex"]))
def test_bibtex_of_any_reference_parses_as_one_entry_each(refs: list[Reference], dialect: str) -> None:
    bib = to_bibtex(refs, dialect=dialect)
    library = bibtexparser.parse_string(bib)
    assert library.failed_blocks == [] and len(library.entries) == len(refs)
    assert len(pybtex_parse(bib, "bibtex").entries) == len(refs)


def test_other_contributors_go_into_the_note_of_every_format() -> None:
    """CS1's ``others`` has no field anywhere: each format keeps its words in the note."""
    ref = Reference(
        1,
        kind="book",
        authors=(Name(family="Coyne", given="George V."),),
        title="The Church's Most Recent Attempt to Dispel the Galileo Myth",
        others="In McMullin",
        pages="340–359",
        date="2005",
    )
    biblatex = bibtexparser.parse_string(to_bibtex([ref])).entries[0]
    bibtex = bibtexparser.parse_string(to_bibtex([ref], dialect="bibtex")).entries[0]
    assert biblatex.fields_dict["note"].value == bibtex.fields_dict["note"].value == "In McMullin"
    assert json.loads(to_csl_json([ref]))[0]["note"] == "In McMullin"
    assert "N1  - In McMullin\n" in to_ris([ref])
