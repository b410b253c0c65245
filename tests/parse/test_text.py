"""The plain-text parser on the seed article and on hand-made renderings."""

from __future__ import annotations

from collections import Counter

import pytest

from spector_refs.model import Name
from spector_refs.parse import parse
from spector_refs.parse.text import parse_text


@pytest.fixture
def seed(seed_text: str):
    return parse_text(seed_text)


def test_seed_has_thirteen_references_with_their_cite_counts(seed) -> None:
    assert [ref.number for ref in seed.references] == list(range(1, 14))
    assert [ref.cite_count for ref in seed.references] == [1, 1, 1, 2, 1, 5, 1, 2, 3, 1, 1, 1, 1]
    assert all(ref.group is None for ref in seed.references)


def test_seed_markers_agree_with_cite_counts(seed) -> None:
    markers = Counter(number for claim in seed.claims for number in claim.refs)
    assert {ref.number: ref.cite_count for ref in seed.references} == dict(markers)


def test_seed_access_dates(seed) -> None:
    assert {ref.access_date for ref in seed.references} == {"2024-01-31"}


def test_seed_ref_9_wired(seed) -> None:
    ref = seed.reference(9)
    assert ref.authors == (Name(family="Greenberg", given="Andy"),)
    assert (ref.work, ref.issn, ref.date) == ("Wired", "1059-1028", None)


def test_seed_ref_5_organisation_author_and_maintenance(seed) -> None:
    ref = seed.reference(5)
    assert ref.authors == (Name(literal="Local 3 News"),)
    assert ref.date == "2023-05-02"
    assert ref.maintenance == ("CS1 maint: numeric names: authors list",)
    assert ref.work == "Local3News.com"
    assert all("CS1 maint" not in (value or "") for value in (ref.title, ref.work, ref.publisher))


def test_seed_ref_7_blog_post(seed) -> None:
    ref = seed.reference(7)
    assert ref.authors == (Name(family="MrAdmin"),)
    assert ref.date == "2022-01-30"
    assert ref.title.endswith("– Darknet Pages")


def test_seed_justice_gov_references(seed) -> None:
    assert [seed.reference(n).work for n in (6, 10, 11)] == ["www.justice.gov"] * 3


def test_seed_citation_needed_claim(seed) -> None:
    tagged = [claim for claim in seed.claims if claim.tags]
    assert len(tagged) == 1
    assert tagged[0].tags == ("citation needed",)
    assert tagged[0].refs == ()
    assert (
        "2021 Monopoly Market is shut down under the SpecTor operation, by German law enforcement"
        in tagged[0].text
    )


def test_seed_claims_follow_wikipedia_convention(seed) -> None:
    by_text = {claim.text: claim for claim in seed.claims}
    assert by_text["Monopoly Market was a darknet market operating from 2019 to 2021"].refs == (6,)
    monero = next(c for c in seed.claims if c.text.endswith("and only accepted Monero."))
    assert monero.text.startswith("the target of the SpecTor operation, which did not require registration")
    assert monero.refs == (7,)
    assert by_text[
        "Operation SpecTor was an operation coordinated by Europol, which involved nine countries"
    ].refs == (
        1,
        2,
    )


def test_seed_sections_positions_and_infobox(seed, seed_text: str) -> None:
    lines = seed_text.splitlines()
    for claim in seed.claims:
        at = " ".join(lines[claim.line - 1][claim.column - 1 :].split())
        assert at.startswith(claim.text[:20])
    assert seed.claims[0].section is None
    assert {c.section for c in seed.claims if c.refs} >= {
        "Monopoly Market",
        "History",
        "Results",
        "Assistance",
    }
    infobox = [c.text for c in seed.claims if c.block == "infobox"]
    assert "Revenue~€1.23 billion" in infobox
    assert not any(c.section == "See also" for c in seed.claims)


def test_seed_title_is_the_subject_of_the_lead(seed) -> None:
    assert seed.title == "Operation SpecTor"


def test_uncited_sentence_is_a_claim_without_refs(seed) -> None:
    claim = next(c for c in seed.claims if c.text.startswith("On May 2, 2023"))
    assert claim.refs == () and claim.tags == ()


NOTES_AND_WRAPPING = """\
Lead sentence one.[a] Dr. Smith said so in the U.S.[1][2] Uncited close.

Background edit

A wrapped paragraph that continues
on a second line.[2]

• First item.[1]
• Second item[citation needed]

Notes edit

  a. ^ An explanatory note.[2]

References edit

  1. ^ a b Smith, John (2020). "A long title that
     wraps". Example Times. Retrieved 2021-01-01.
  2. ^ a b c "Other". Site. Retrieved 2021-01-01.

External links edit

Official website
"""


def test_notes_wrapped_entries_lists_and_abbreviations() -> None:
    article = parse_text(NOTES_AND_WRAPPING)
    main = [r for r in article.references if r.group is None]
    notes = [r for r in article.references if r.group == "note"]
    assert [(r.number, r.cite_count) for r in main] == [(1, 2), (2, 3)]
    assert main[0].title == "A long title that wraps"
    assert notes[0].number == 1 and notes[0].raw == "An explanatory note.[2]"
    texts = {c.text: c for c in article.claims}
    assert texts["Lead sentence one."].notes == ("a",)
    assert texts["Dr. Smith said so in the U.S."].refs == (1, 2)
    assert texts["Uncited close."].refs == ()
    assert texts["A wrapped paragraph that continues on a second line."].refs == (2,)
    assert texts["First item."].block == "list"
    assert texts["Second item"].tags == ("citation needed",)
    assert texts["An explanatory note."].refs == (2,)
    assert "Official website" not in texts


def test_article_without_reference_list_is_a_finding_not_an_error() -> None:
    article = parse_text("Just a sentence with no sources at all.")
    assert article.references == ()
    assert article.problems and "no reference list" in article.problems[0]


def test_parse_detects_plain_text_from_a_path(tmp_path) -> None:
    path = tmp_path / "article.txt"
    path.write_text(NOTES_AND_WRAPPING, encoding="utf-8")
    article = parse(path)
    assert article.source_format == "text"
    assert article.path == str(path)


def test_a_browsers_own_text_of_the_list_has_no_numbers() -> None:
    """Chromium's innerText (what it copies): bare appendix headings, entries that open with
    their backlinks ("^ a b" legacy, "↑" and "1 2 3" Parsoid) and take their numbers from order."""
    text = (
        "Dogs bark.[1] They wag.[2][3]\n"
        "Notes\n"
        "^ A note about barking.\n"
        "References\n"
        "^ a b Smith, J. (2000). Barking. London: Example Press.\n"
        '↑ Roe, A. (2001). "Wagging". Example Journal. 3 (1): 2–4.\n'
        "1 2 3 1 Corinthians Explained. Example Press. 1999.\n"
        "External links\n"
        "Official site\n"
    )
    article = parse_text(text)
    main = [ref for ref in article.references if ref.group is None]
    assert [(ref.number, ref.cite_count, ref.title) for ref in main] == [
        (1, 2, "Barking"),
        (2, 1, "Wagging"),
        (3, 3, "1 Corinthians Explained"),
    ]
    assert [ref.group for ref in article.references if ref.group] == ["note"]
    assert article.problems == ()


def test_one_leading_number_is_part_of_the_title_not_a_backlink() -> None:
    article = parse_text("Claim.[1]\nReferences\n↑ 1 Corinthians Explained. Example Press. 1999.\n")
    assert [ref.title for ref in article.references] == ["1 Corinthians Explained"]


def test_each_unnumbered_list_starts_at_one_under_its_heading() -> None:
    """An article whose "Footnotes" and "Citations" are both main-group lists: each <ol> counts from 1."""
    text = "Claim.[1]\nFootnotes\n^ A note.\nCitations\n^ Smith, J. (2000). Barking. London: Example Press.\n"
    numbers = [(ref.number, ref.title) for ref in parse_text(text).references]
    assert numbers == [(1, "A note"), (1, "Barking")]


def test_a_notes_list_of_citations_is_the_footnotes_and_a_bare_list_the_bibliography() -> None:
    """Galileo 2017's layout: the footnotes under "Notes" (short cites and CS1 lines), the full
    citations under "References" with neither numbers nor backlinks — the sources group, from 1."""
    text = (
        "Galileo observed.[1][2] He wrote.[3]\n"
        "Notes\n"
        "^ Sharratt (1994, p. 135).\n"
        "^ a b Hannam, James (2011). The Genesis of Science. pp. 329–344.\n"
        "^ Drake (1978), p. 7. A longer remark about the calendar.\n"
        "References\n"
        "Drake, Stillman (1978). Galileo At Work. Chicago: University of Chicago Press.\n"
        "Sharratt, Michael (1994). Galileo: Decisive Innovator. Cambridge: Cambridge University Press.\n"
    )
    article = parse_text(text)
    assert [(ref.number, ref.group, ref.cite_count) for ref in article.references] == [
        (1, None, 1),
        (2, None, 2),
        (3, None, 1),
        (1, "sources", 1),
        (2, "sources", 1),
    ]
    assert [ref.title for ref in article.references if ref.group] == [
        "Galileo At Work",
        "Galileo: Decisive Innovator",
    ]
    assert article.problems == ()


def test_a_notes_list_of_prose_stays_explanatory_notes() -> None:
    """Dog 2018's "Notes": remarks, not citations, even in a list of backlinked lines."""
    text = (
        "Dogs bark.[a][1]\n"
        "Notes\n"
        "^ The addition of domestic dog is inferred to mean that these form one clade.\n"
        "References\n"
        "^ Smith, J. (2000). Barking. London: Example Press.\n"
    )
    article = parse_text(text)
    assert [(ref.number, ref.group) for ref in article.references] == [(1, "note"), (1, None)]


def test_prose_before_the_citation_in_an_entry_is_not_its_author() -> None:
    """Newton's laws 2025, entries 101 and 109: an editor's lead-in ("quoted in", "See, for
    example:") joined to the citation by the browser's copy. A surname "See" stays an author."""
    text = (
        "Force.[1] Mass.[2] Motion.[3]\n"
        "References\n"
        "^ D. Bilodeau, quoted in Fuchs, Christopher A. (2011). Coming of Age. Example Press.\n"
        '^ See, for example: Eaton, Philip (2019). "Exploring". Example Journal. 15 (1): 2–4.\n'
        "^ See, John (2001). Mass. London: Example Press.\n"
    )
    refs = parse_text(text).references
    assert [(ref.authors[0].family, ref.title) for ref in refs] == [
        ("Fuchs", "Coming of Age"),
        ("Eaton", "Exploring"),
        ("See", "Mass"),
    ]
    assert refs[0].raw.startswith("D. Bilodeau, quoted in")


def test_a_notes_sentence_before_see_and_a_citation_is_not_its_title() -> None:
    """New Zealand 2019, entry 10: a sentence of the editor's, then 'See "Title", …' (a CS2
    citation). The citation is read; the sentence stays in ``raw``."""
    text = (
        "Dates.[1]\n"
        "References\n"
        "^ There is no official all-numeric date format for New Zealand, but recommendations follow"
        ' Australian notation. See "The Govt.nz style guide", New Zealand Government, 9 December 2016,'
        " retrieved 7 March 2019\n"
    )
    ref = parse_text(text).references[0]
    assert (ref.title, ref.date, ref.raw[:8]) == ("The Govt.nz style guide", "2016-12-09", "There is")
