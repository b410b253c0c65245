"""Round trip: what to_bibtex writes, bibtexparser v2 and pybtex read back to the same values.

Arbitrary references full of LaTeX specials, lone braces, unicode and
" and " inside organisation names are written, parsed by two independent
readers, and decoded with the small inverse map in ``export_helpers``. Every
field must come back as written, every entry must stay one entry with
exactly its own fields, and no value may contain a LaTeX command other than
our escapes: a field can never end its entry or inject a command.
"""

from __future__ import annotations

import re
import unicodedata

import bibtexparser
import pytest
from export_helpers import ALLOWED_COMMANDS, commands_in, decode
from hypothesis import assume, example, given, settings
from hypothesis import strategies as st
from pybtex.database import Person
from pybtex.database import parse_string as pybtex_parse

from spector_refs.export import kinds, to_bibtex
from spector_refs.export.keys import citation_keys
from spector_refs.export.latex import braces_balance, clean
from spector_refs.model import Name, Reference

SPECIALS = '$%&#_{}~^\\"@,=() '
_chars = st.one_of(
    st.sampled_from(SPECIALS),
    st.sampled_from("éüÅßøł–—€“”…中"),
    st.characters(exclude_categories=("Cs", "Cc", "Co", "Cn")),
)
text = st.text(_chars, min_size=1, max_size=30).filter(lambda s: bool(clean(s)))
organisation = st.builds(lambda a, b: f"{a} and {b}", text, text) | text
person = st.builds(Name, family=text, given=st.none() | text)
names = st.lists(st.one_of(person, st.builds(Name, literal=organisation)), max_size=3)
url_path = st.text(st.sampled_from("abc/?=&%#{}\\_~^ -.:0123"), max_size=20)
iso = st.sampled_from([None, "2023", "2023-05", "2023-05-02"])

WRITTEN = {
    # kind → {bib field: Reference attribute} that the round trip compares
    "web": {"title": "title", "organization": "work"},
    "journal": {
        "title": "title",
        "journaltitle": "work",
        "volume": "volume",
        "number": "issue",
        "pages": "pages",
    },
    "book": {"title": "title", "publisher": "publisher", "location": "place", "edition": "edition"},
}
CLASSIC = {"organization": None, "journaltitle": "journal", "location": "address"}


@st.composite
def references(draw: st.DrawFn) -> list[Reference]:
    refs = []
    for number in range(1, draw(st.integers(1, 4)) + 1):
        kind = draw(st.sampled_from(sorted(WRITTEN)))
        values = {attribute: draw(text) for attribute in WRITTEN[kind].values()}
        path = draw(url_path)
        assume(not re.search("%(7B|7D|5C|20)", path, re.I))
        ref = Reference(
            number,
            kind=kind,
            authors=tuple(draw(names)),
            date=draw(iso),
            url=f"https://example.org/{path}",
            **values,
        )
        assume(kinds.source_kind(ref) == kind)  # "web" of a known outlet ("Reuters") is news
        refs.append(ref)
    return refs


def _expected(value: str, dialect: str) -> str:
    return _comparable(clean(value), dialect)


def _comparable(value: str, dialect: str) -> str:
    """Classic BibTeX writes é as {\\'e}, which reads back composed: compare in NFC there."""
    return unicodedata.normalize("NFC", value) if dialect == "bibtex" else value


def _fields(ref: Reference, dialect: str) -> dict[str, str]:
    out = {}
    for field, attribute in WRITTEN[ref.kind or "web"].items():
        if dialect == "bibtex" and field in CLASSIC:
            if CLASSIC[field] is None:
                continue
            field = CLASSIC[field]
        value = getattr(ref, attribute)
        if dialect == "biblatex" and field == "volume" and not value.isdigit():
            field, value = "addendum", f"vol. {value}"  # biblatex's volume is an integer
        out[field] = _expected(value, dialect)
    return out


def _url_back(raw: str) -> str:
    return raw.replace("%7B", "{").replace("%7D", "}").replace("%5C", "\\").replace("%20", " ")


def _person_back(person: Person, dialect: str) -> tuple[str, str | None]:
    """(family or organisation, given) as pybtex parsed them, escapes decoded."""
    family = _comparable(decode(" ".join(person.prelast_names + person.last_names)), dialect)
    given = _comparable(decode(" ".join(person.first_names + person.middle_names)), dialect)
    return family, given or None


def _names_expected(names: tuple[Name, ...], dialect: str) -> list[tuple[str, str | None]]:
    out = []
    for name in names:
        if name.literal is not None:
            out.append((_expected(name.literal, dialect), None))
        elif ((name.family or "") + (name.given or "")).count(",") > 2:
            # biber skips such a name unless it is braced whole: one family name, "Given Family"
            out.append((_expected(name.display(), dialect), None))
        else:
            out.append((_expected(name.family or "", dialect), _expected(name.given or "", dialect) or None))
    return out


def _check_no_injection(raw: str) -> None:
    assert braces_balance(raw)
    assert commands_in(raw) <= ALLOWED_COMMANDS, raw


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
@settings(max_examples=150, deadline=None)
@given(refs=references())
def test_bibtexparser_reads_back_what_we_wrote(refs: list[Reference], dialect: str) -> None:
    bib = to_bibtex(refs, dialect=dialect)
    library = bibtexparser.parse_string(bib)
    assert library.failed_blocks == []
    assert [entry.key for entry in library.entries] == citation_keys(refs)
    for ref, entry in zip(refs, library.entries, strict=True):
        fields = {field.key: field.value for field in entry.fields}
        for key, expected in _fields(ref, dialect).items():
            assert _comparable(decode(fields[key]), dialect) == expected
        assert _url_back(fields["url"]) == clean(ref.url or "")
        for key, raw in fields.items():
            if key not in ("url", "howpublished"):
                _check_no_injection(raw)


PUNCTUATION_NAMES = [
    Reference(
        1,
        kind="web",
        title="t",
        work="w",
        url="https://example.org/",
        authors=(Name(family=",,", given="0"), Name(family="a,b", given="c")),
    )
]
"""Names hypothesis once drew (``,,``/``0``), kept so every run tries them: commas and digits."""


@pytest.mark.parametrize("dialect", ["biblatex", "bibtex"])
@settings(max_examples=150, deadline=None)
@given(refs=references())
@example(refs=PUNCTUATION_NAMES)
def test_pybtex_reads_back_what_we_wrote(refs: list[Reference], dialect: str) -> None:
    bib = to_bibtex(refs, dialect=dialect)
    data = pybtex_parse(bib, "bibtex")
    assert list(data.entries) == citation_keys(refs)
    for ref, entry in zip(refs, data.entries.values(), strict=True):
        for key, expected in _fields(ref, dialect).items():
            assert _comparable(decode(entry.fields[key]), dialect) == expected
        assert _url_back(entry.fields["url"]) == clean(ref.url or "")
        persons = [_person_back(person, dialect) for person in entry.persons.get("author", [])]
        assert persons == _names_expected(ref.authors, dialect)


def test_a_closing_brace_cannot_end_the_entry() -> None:
    attack = Reference(1, kind="web", title="x}, author = {Mallory}, note = {\\input{/etc/passwd}", work="w")
    bib = to_bibtex([attack, Reference(2, kind="web", title="next")])
    library = bibtexparser.parse_string(bib)
    first = library.entries[0]
    assert sorted(first.fields_dict) == ["organization", "title"]
    assert decode(first["title"]) == attack.title
    assert "\\input" not in bib
    assert len(pybtex_parse(bib, "bibtex").entries) == 2
