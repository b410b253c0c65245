"""A part in a container exports the same from every reader: CS1's '"X". Y.' read either way.

The text reader reads ``"Mechanics". Encyclopædia Britannica. Vol. 15 (9th ed.).`` as chapter
"Mechanics" of the book (a volume follows), the HTML reader reads the same cite encyclopedia
from its COinS as ``atitle`` + ``btitle`` (chapter and title), the wikitext reader reads
``|title= |encyclopedia=`` (title and work). Every format writes the entry as the title and the
encyclopaedia as its container (docs/parsing.md, "Cited title and container").
"""

from __future__ import annotations

import json

import bibtexparser
import pytest

from spector_refs.export import to_bibtex, to_csl_json, to_ris
from spector_refs.model import Name, Reference
from spector_refs.parse.html import parse_html
from spector_refs.parse.text import parse_text
from spector_refs.parse.wikitext import parse_wikitext

ENTRY, WORK = "Mechanics", "Encyclopædia Britannica"
TEXT = f'Claim.[1]\n\nReferences\n\n1. ^ Tait, Peter Guthrie (1889). "{ENTRY}". {WORK}. Vol. 15 (9th ed.).\n'
HTML = (
    '<p>Claim.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p><h2>References</h2>'
    '<ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><b>^</b></span> '
    '<span class="reference-text"><cite class="citation encyclopaedia cs1">Tait, Peter Guthrie (1889). '
    f'"{ENTRY}". <i>{WORK}</i>. Vol. 15 (9th ed.).</cite><span class="Z3988" title="ctx_ver=Z39.88-2004'
    "&amp;rft.genre=bookitem&amp;rft.atitle=Mechanics&amp;rft.btitle=Encyclop%C3%A6dia+Britannica"
    '&amp;rft.aulast=Tait&amp;rft.date=1889"></span></span></li></ol>'
)
WIKITEXT = (
    "Claim.<ref>{{cite encyclopedia |last=Tait |first=Peter Guthrie |year=1889 "
    f"|title={ENTRY} |encyclopedia={WORK} |volume=15 |edition=9th}}}}</ref>\n\n"
    "==References==\n{{reflist}}\n"
)


READERS = ("text", "html", "wikitext")


@pytest.fixture(scope="module")
def refs() -> dict[str, Reference]:
    return {
        "text": parse_text(TEXT).references[0],
        "html": parse_html(HTML).references[0],
        "wikitext": parse_wikitext(WIKITEXT).references[0],
    }


def test_every_reader_gives_the_entry_in_the_encyclopaedia(refs: dict[str, Reference]) -> None:
    assert {name: (ref.cited_title, ref.container) for name, ref in refs.items()} == dict.fromkeys(
        READERS, (ENTRY, WORK)
    )


@pytest.mark.parametrize("reader", READERS)
def test_biblatex_writes_the_entry_as_title_and_the_encyclopaedia_as_booktitle(
    refs: dict[str, Reference], reader: str
) -> None:
    entry = bibtexparser.parse_string(to_bibtex([refs[reader]])).entries[0]
    assert entry.entry_type in ("inbook", "inreference")  # a chapter as the text reads it, else an entry
    assert (entry.fields_dict["title"].value, entry.fields_dict["booktitle"].value) == (ENTRY, WORK)


@pytest.mark.parametrize("reader", READERS)
def test_csl_json_and_ris_write_the_entry_in_its_container(refs: dict[str, Reference], reader: str) -> None:
    item = json.loads(to_csl_json([refs[reader]]))[0]
    assert (item["title"], item["container-title"]) == (ENTRY, WORK)
    ris = to_ris([refs[reader]])
    assert f"TI  - {ENTRY}\n" in ris and f"T2  - {WORK}\n" in ris


def test_an_encyclopaedia_entry_is_a_reference_work_entry_in_every_format(refs: dict[str, Reference]) -> None:
    """The HTML and wikitext readers know the template: @inreference, entry-encyclopedia, ENCYC."""
    for reader in ("html", "wikitext"):
        assert bibtexparser.parse_string(to_bibtex([refs[reader]])).entries[0].entry_type == "inreference"
        assert json.loads(to_csl_json([refs[reader]]))[0]["type"] == "entry-encyclopedia"
        assert to_ris([refs[reader]]).startswith("TY  - ENCYC\n")


def test_a_chapter_of_an_edited_book_is_a_biblatex_incollection() -> None:
    """biblatex's @inbook is a part of one author's book; with editors it is a contribution."""
    chapter = Reference(1, kind="book", chapter="Origins of the dog", title="The Domestic Dog")
    edited = Reference(1, kind="book", chapter="Origins of the dog", title="The Domestic Dog",
                       editors=(Name(family="Serpell", given="James"),))  # fmt: skip
    assert bibtexparser.parse_string(to_bibtex([chapter])).entries[0].entry_type == "inbook"
    assert bibtexparser.parse_string(to_bibtex([edited])).entries[0].entry_type == "incollection"
