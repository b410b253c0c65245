"""Quotes are found through typography and ellipses, and a changed quote shows its closest passage."""

from __future__ import annotations

import pytest

from spector_refs.assess.quotes import check_quote

PAGE = (
    "Officials said on Tuesday. “This operation shows that the dark web is not a safe haven,” the attorney "
    "general said — adding that more arrests would follow. Police in nine countries took part."
)


@pytest.mark.parametrize(
    "quote",
    [
        pytest.param("This operation shows that the dark web is not a safe haven", id="verbatim"),
        pytest.param('"this operation shows that the DARK WEB is not a safe haven"', id="case-and-quotes"),
        pytest.param("This   operation shows\nthat the dark web", id="whitespace"),
        pytest.param("the attorney general said - adding that more arrests", id="dash"),
        pytest.param("This operation shows ... not a safe haven", id="ellipsis-gap"),
        pytest.param("This operation shows […] a safe haven", id="bracketed-ellipsis"),
        pytest.param("This operation shows… more arrests would follow", id="ellipsis-across-sentences"),
    ],
)
def test_found(quote):
    check = check_quote(quote, PAGE)
    assert check is not None and check.found


def test_a_changed_quote_gets_the_closest_passage():
    check = check_quote("This operation proves the dark web is no longer a safe haven", PAGE)
    assert check is not None and not check.found
    assert "dark web is not a safe haven" in check.closest
    assert 0.5 < check.share < 1


def test_fragments_must_be_in_order():
    check = check_quote("more arrests would follow ... This operation shows", PAGE)
    assert check is not None and not check.found


def test_an_absent_quote():
    check = check_quote("The minister resigned over the affair last week", PAGE)
    assert check is not None and not check.found and check.share < 0.5


@pytest.mark.parametrize("quote", ["Yes.", "…", "two words"])
def test_too_short_to_judge(quote):
    assert check_quote(quote, PAGE) is None


def test_an_empty_page_finds_nothing():
    check = check_quote("This operation shows that the dark web", "")
    assert check is not None and not check.found and check.closest == ""
