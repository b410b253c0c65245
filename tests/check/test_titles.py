"""The fuzzy title match: what editors and sites do to a title is no mismatch, another page is."""

from __future__ import annotations

import pytest

from spector_refs.check.titles import best_match

CITED = "Dark web drug market takedown nets 288 arrests"


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("Dark web drug market takedown nets 288 arrests | Example News", id="site-suffix"),
        pytest.param("Example News: Dark web drug market takedown nets 288 arrests", id="site-prefix"),
        pytest.param(
            "Example News » World » Dark web drug market takedown nets 288 arrests", id="breadcrumbs"
        ),
        pytest.param("DARK WEB DRUG-MARKET TAKEDOWN NETS 288 ARRESTS!", id="case-and-punctuation"),
        pytest.param("Dark web drug market takedown nets 288 arrests…", id="trailing-ellipsis"),
        pytest.param("Dark web drug market takedown nets 288 arrests, police say", id="longer-page-title"),
        pytest.param("Dark web drug market takedown nets 288…", id="page-title-cut-short"),
    ],
)
def test_the_same_title_agrees(page):
    match = best_match(CITED, [page], ["Example News"])
    assert match is not None and match.matches, match


@pytest.mark.parametrize(
    ("cited", "page"),
    [
        pytest.param("Opération SpecTor [Operation SpecTor]", "Operation SpecTor", id="translation-bracket"),
        pytest.param(
            "Bodmin wheelchair racer breaks European record | Cornish Guardian",
            "Bodmin wheelchair racer breaks European record",
            id="site-name-in-the-citation",
        ),
        pytest.param(
            "Big Magic: Creative Living Beyond Fear by Elizabeth Gilbert review",
            "Big Magic: Creative Living Beyond Fear",
            id="subtitle",
        ),
        pytest.param("東京で大規模な摘発", "東京で大規模な摘発 - 日本経済新聞", id="cjk"),
        pytest.param(
            "Magnetoreception molecule found in dogs Archived 23 December 2016 at the Wayback Machine",
            "Magnetoreception molecule found in dogs",
            id="rendered-archive-note",
        ),
    ],
)
def test_editing_habits_agree(cited, page):
    match = best_match(cited, [page])
    assert match is not None and match.matches, match


@pytest.mark.parametrize(
    "page",
    [
        pytest.param("Ten summer recipes for the grill | Example News", id="another-article"),
        pytest.param("Example News", id="only-the-site-name"),
        pytest.param("Example News - Top stories", id="home-page"),
        pytest.param("Police arrest man over stolen bicycles", id="shares-one-word"),
    ],
)
def test_another_page_does_not_agree(page):
    match = best_match(CITED, [page], ["Example News"])
    assert match is None or not match.matches, match


def test_the_best_of_the_page_titles_counts():
    """A generic <title> does not hide an og:title that agrees."""
    match = best_match(CITED, ["Example News", "Dark web drug market takedown nets 288 arrests"])
    assert match is not None and match.matches
    assert match.page_title == "Dark web drug market takedown nets 288 arrests"


@pytest.mark.parametrize("cited", ["Home", "", "[Translated]"])
def test_too_short_to_judge(cited):
    assert best_match(cited, ["Anything at all here"]) is None
