"""Wikitext parsing: Cite numbering, groups, short footnotes, claims and malformed input."""

from __future__ import annotations

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from spector_refs.model import Name
from spector_refs.parse.wikitext import looks_like_wikitext, parse_wikitext

PAGE = """{{Infobox company
| name = Acme
| logo = Acme logo.svg
| type = Private<ref name="later" />
| founded = 1999
| population = 500
| population_ref = <ref>{{cite web|title=Pop|url=https://pop.example}}</ref>
}}
'''Acme''' is a company.<ref name="later" /> It makes anvils.{{efn|Mostly for cartoons.}} \
It was founded in 1999.<ref name="a">{{Cite news |last1=Smith |first1=John |title=Acme founded \
|newspaper=The Times |date=1 May 1999}}</ref><ref name=a/>{{cn|date=May 2020}}

== History ==
Acme [[Growth (economics)|grew]].{{sfn|Smith|2009|p=4}} It shrank.{{sfn|Smith|2009|p=4}}{{sfn|Nobody|2001}}
* Item one.<ref group=note>A note.</ref>
* Item two<ref>http://bare.example/x</ref>
[[File:Anvil.jpg|thumb|An anvil]]

{| class="wikitable"
! Year !! Event
|-
| 2001 || Anvil launched.<ref name="c">{{cite book|last=Jones|first=Chuck|title=Chuck Amuck|year=1989}}</ref>
|}

== Notes ==
{{notelist}}
== References ==
{{reflist|refs=
<ref name="later">{{cite web |url=https://later.example |title=Later |access-date=2024-01-31}}</ref>
<ref name="unused">{{cite web |url=https://unused.example |title=Unused}}</ref>
}}
== Sources ==
* {{cite book |last=Smith |first=John |year=2009 |title=The Acme Story |publisher=Anvil Press \
|url=https://books.example/acme}}
[[Category:Companies]]
""".replace("\\\n", "")


@pytest.fixture(scope="module")
def page():
    return parse_wikitext(PAGE)


def test_numbering_follows_first_use_including_list_defined(page) -> None:
    main = [ref for ref in page.references if ref.group is None]
    assert [(ref.number, ref.name, ref.title) for ref in main[:4]] == [
        (1, "later", "Later"),
        (2, None, "Pop"),
        (3, "a", "Acme founded"),
        (4, None, "The Acme Story"),
    ]
    assert page.reference(1).cite_count == 2
    assert page.reference(1).access_date == "2024-01-31"
    assert (page.reference(1).line, page.reference(1).column) == (27, 1)  # the list-defined ref


def test_unused_list_defined_reference_is_a_problem(page) -> None:
    assert "list-defined reference 'unused' is never used in the text" in page.problems
    assert all(ref.name != "unused" for ref in page.references)


def test_reused_named_reference(page) -> None:
    ref = page.reference(3)
    assert (ref.kind, ref.cite_count, ref.work, ref.date) == ("news", 2, "The Times", "1999-05-01")
    assert ref.authors == (Name("Smith", "John"),)


def test_groups_efn_and_explicit(page) -> None:
    assert page.reference(1, "lower-alpha").raw == "Mostly for cartoons."
    assert page.reference(1, "note").raw == "A note."
    claim = next(c for c in page.claims if c.text == "It makes anvils.")
    assert claim.notes == ("a",)
    item = next(c for c in page.claims if c.text == "Item one.")
    assert item.notes == ("note 1",)
    assert item.block == "list"


def test_efn_is_reported_as_note_group_when_no_explicit_note_group() -> None:
    article = parse_wikitext(
        "Text.{{efn|A note.}} More.<ref>{{cite web|title=T}}</ref>\n{{notelist}}{{reflist}}"
    )
    assert [(ref.group, ref.number) for ref in article.references] == [("note", 1), (None, 1)]
    assert article.claims[0].notes == ("a",)


def test_short_footnotes_merge_and_link_to_full_citation(page) -> None:
    footnote = page.reference(4)
    assert footnote.kind == "footnote"
    assert footnote.cite_count == 2
    assert (footnote.authors, footnote.date, footnote.pages) == ((Name("Smith"),), "2009", "4")
    assert (footnote.title, footnote.publisher, footnote.url) == (
        "The Acme Story",
        "Anvil Press",
        "https://books.example/acme",
    )
    assert footnote.problems == ()
    orphan = page.reference(5)
    assert orphan.problems == ("short footnote matches no full citation (Harv error)",)


def test_full_citations_in_sources_section(page) -> None:
    sources = [ref for ref in page.references if ref.group == "sources"]
    assert [(ref.number, ref.title, ref.kind) for ref in sources] == [(1, "The Acme Story", "book")]


def test_harvnb_inside_ref_is_a_footnote() -> None:
    article = parse_wikitext(
        "Claim.<ref>{{harvnb|Doe|Roe|2010|pp=5–6}}</ref>\n== Sources ==\n"
        "* {{cite journal |last1=Doe |first1=A |last2=Roe |first2=B |date=March 2010 |title=Paper "
        "|journal=J |doi=10.1/x}}\n"
    )
    ref = article.reference(1)
    assert (ref.kind, ref.pages, ref.title, ref.work) == ("footnote", "5–6", "Paper", "J")
    assert ref.identifiers == {"doi": "10.1/x"}


def test_bare_url_reference(page) -> None:
    ref = page.reference(6)
    assert (ref.kind, ref.url) == ("text", "http://bare.example/x")
    assert ref.problems[0].startswith("bare URL")


def test_claims_with_markers_and_tags(page) -> None:
    lead = [c for c in page.claims if c.section is None and c.block == "paragraph"]
    assert [(c.text, c.refs, c.tags) for c in lead] == [
        ("Acme is a company.", (1,), ()),
        ("It makes anvils.", (), ()),
        ("It was founded in 1999.", (3, 3), ("citation needed",)),
    ]
    assert lead[0].line == 9 and lead[0].column == 4


def test_link_text_is_kept_and_files_dropped(page) -> None:
    history = [c.text for c in page.claims if c.section == "History"]
    assert history[0] == "Acme grew."
    assert not any("Anvil.jpg" in text or "An anvil" in text for text in history)


def test_infobox_claims(page) -> None:
    infobox = [(c.text, c.refs) for c in page.claims if c.block == "infobox"]
    assert infobox == [("Private", (1,)), ("1999", ()), ("500", (2,))]


def test_table_cells_are_blocks(page) -> None:
    cells = [(c.text, c.refs) for c in page.claims if c.block == "table"]
    assert cells == [("Year", ()), ("Event", ()), ("2001", ()), ("Anvil launched.", (7,))]
    assert len({c.paragraph for c in page.claims if c.block == "table"}) == 4


def test_source_sections_make_no_claims(page) -> None:
    prose = [c for c in page.claims if c.block != "note"]
    assert not {c.section for c in prose} & {"Notes", "References", "Sources"}
    assert [(c.text, c.section) for c in page.claims if c.block == "note"] == [("A note.", "Notes")]


@pytest.mark.parametrize(
    "template",
    ["{{citation needed|date=May 2020}}", "{{Cn}}", "{{fact}}", "{{Citation_needed}}", "{{ cn | reason=x }}"],
)
def test_citation_needed_redirects(template: str) -> None:
    article = parse_wikitext(f"The sky is green.{template} Grass is blue.<ref>{{{{cite web|title=T}}}}</ref>")
    assert [(c.text, c.tags) for c in article.claims] == [
        ("The sky is green.", ("citation needed",)),
        ("Grass is blue.", ()),
    ]


def test_other_cleanup_tags_and_span_variant() -> None:
    article = parse_wikitext(
        "One.<ref>x</ref>{{better source needed|date=May 2020}} Two.{{dead link}} "
        "{{citation needed span|text=Three is spanned.|date=May 2020}} Four."
    )
    assert [(c.text, c.tags) for c in article.claims] == [
        ("One.", ("better source needed",)),
        ("Two.", ("dead link",)),
        ("Three is spanned.", ("citation needed",)),
        ("Four.", ()),
    ]


def test_dead_link_inside_reference() -> None:
    article = parse_wikitext(
        "Claim.<ref>{{cite web|title=T|url=https://gone.example}} {{dead link|date=May 2020}}</ref>"
    )
    ref = article.reference(1)
    assert ref.url_status == "dead"
    assert ref.tags == ("dead link",)


def test_xml_escaped_dump_text() -> None:
    source = (
        'Fact one.<ref name="x">{{cite web|title=A &amp; B|url=https://x.example}}</ref> '
        'Fact two.<ref name="x"/>'
    )
    article = parse_wikitext(html.escape(source, quote=False))
    assert len(article.references) == 1
    assert article.reference(1).title == "A & B"
    assert article.reference(1).cite_count == 2
    assert [c.refs for c in article.claims] == [(1,), (1,)]


def test_references_tag_with_list_defined_refs() -> None:
    article = parse_wikitext(
        "Claim.<ref name=x /> Other.<ref group=n name=y/>\n== References ==\n"
        "<references>\n<ref name=x>{{cite web|title=X}}</ref>\n</references>\n"
        '<references group="n">\n<ref name=y>Y note.</ref>\n</references>'
    )
    assert [(r.group, r.number, r.title or r.raw) for r in article.references] == [
        (None, 1, "X"),
        ("n", 1, "Y note"),
    ]
    assert article.claims[1].notes == ("n 1",)


def test_reference_used_but_never_defined() -> None:
    article = parse_wikitext("Claim.<ref name=ghost /> Next.<ref>{{cite web|title=T}}</ref>")
    assert article.reference(1).problems == (
        "named reference 'ghost' is used but never defined (Cite error)",
    )
    assert article.reference(2).title == "T"


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Unclosed <ref>{{cite web|title=T}} and more text", id="unclosed-ref"),
        pytest.param("{{cite web|title=Never closed", id="unclosed-template"),
        pytest.param("[[Broken link|<ref>x</ref>", id="broken-link"),
        pytest.param("{| class=wikitable\n| cell <ref>a</ref>\n", id="unclosed-table"),
        pytest.param("<ref name=>{{}}</ref><ref/><ref group=>", id="odd-refs"),
        pytest.param("", id="empty"),
    ],
)
def test_malformed_wikitext_never_raises(text: str) -> None:
    article = parse_wikitext(text)
    assert article.source_format == "wikitext"
    if not article.references:
        assert article.problems


def test_unclosed_ref_is_reported() -> None:
    article = parse_wikitext("Text.<ref>{{cite web|title=T}}\n\nMore text.")
    assert any("malformed or unclosed <ref>" in problem for problem in article.problems)


@settings(max_examples=150, deadline=None)
@given(st.text(alphabet=st.sampled_from(list("<>{}[]|=/'\n abref#:*!-&;")), max_size=80))
def test_arbitrary_markup_never_raises(text: str) -> None:
    article = parse_wikitext(text)
    assert article.source_format == "wikitext"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("'''Acme''' is a company.<ref>x</ref>\n== History ==\nText.", True, id="wikitext"),
        pytest.param("{{Infobox}}\n[[Link]] text", True, id="template-and-link"),
        pytest.param("Fact.&lt;ref&gt;{{cite web|title=T}}&lt;/ref&gt;", True, id="escaped"),
        pytest.param("Plain prose.[1] More prose.\n\nReferences edit\n1. ^ Source.", False, id="plain-text"),
        pytest.param("<!DOCTYPE html><html><body><p>Hi [[x]]</p></body></html>", False, id="html"),
    ],
)
def test_looks_like_wikitext(text: str, expected: bool) -> None:
    assert looks_like_wikitext(text) is expected


def test_title_from_argument_lead_or_path() -> None:
    assert parse_wikitext("'''Acme''' is.", title="Given").title == "Given"
    assert parse_wikitext("'''Acme Corp''' is.").title == "Acme Corp"
    assert parse_wikitext("No bold.", path="/tmp/Operation_SpecTor.wiki").title == "Operation SpecTor"


def test_unclosed_comment_hides_the_rest_of_the_page() -> None:
    article = parse_wikitext("Seen.<ref>{{cite web|title=T}}</ref>\n<!-- never closed\nHidden.<ref>x</ref>")
    assert [claim.text for claim in article.claims] == ["Seen."]
    assert len(article.references) == 1
    assert "line 2: unclosed <!-- comment hides the rest of the page" in article.problems


def test_note_text_is_read_as_claims_in_the_notes_section() -> None:
    article = parse_wikitext(
        "Anvils are heavy.{{efn|Some weigh a tonne.<ref>{{cite web|title=Weights}}</ref>}}\n"
        "== Notes ==\n{{notelist}}\n== References ==\n{{reflist}}"
    )
    notes = [(c.text, c.refs, c.section, c.block, c.line) for c in article.claims if c.block == "note"]
    assert notes == [("Some weigh a tonne.", (1,), "Notes", "note", 1)]


def test_r_template_reuses_named_references() -> None:
    article = parse_wikitext(
        'One.<ref name="a">{{cite web|title=A}}</ref><ref name="b">{{cite web|title=B}}</ref> Two.{{r|a|b}}'
    )
    assert [(ref.title, ref.cite_count) for ref in article.references] == [("A", 2), ("B", 2)]
    assert [claim.refs for claim in article.claims] == [(1, 2), (1, 2)]
