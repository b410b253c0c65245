"""List labels against CSS Counter Styles Level 3, for every style up to 1 000 entries.

The oracles are written independently of ``parse.core.labels``: alphabetic
labels must enumerate the alphabet's words in shortlex order (which is what
CSS's alphabetic system is), and roman labels must be canonical numerals
that a subtractive reader turns back into the number.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterator

import pytest

from spector_refs.parse.core.labels import label_number, list_label
from spector_refs.parse.html.refs import note_label as html_note_label
from spector_refs.parse.wikitext.citations import note_label as wikitext_note_label

ENTRIES = range(1, 1001)
# The symbols as the CSS specification lists them (§ 7.1.1, 7.1.2).
CSS_SYMBOLS = {
    "lower-alpha": "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "upper-alpha": "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
    "lower-latin": "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "upper-latin": "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
    "lower-greek": "α β γ δ ε ζ η θ ι κ λ μ ν ξ ο π ρ σ τ υ φ χ ψ ω",
}
_CANONICAL_ROMAN = re.compile(r"^m{0,3}(cm|cd|d?c{0,3})(xc|xl|l?x{0,3})(ix|iv|v?i{0,3})$")
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _shortlex(symbols: list[str]) -> Iterator[str]:
    for length in itertools.count(1):
        for letters in itertools.product(symbols, repeat=length):
            yield "".join(letters)


def _read_roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[ch] for ch in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


@pytest.mark.parametrize("style", sorted(CSS_SYMBOLS))
def test_alphabetic_styles_count_in_shortlex_order(style: str) -> None:
    expected = list(itertools.islice(_shortlex(CSS_SYMBOLS[style].split()), len(ENTRIES)))
    assert [list_label(n, style) for n in ENTRIES] == expected


@pytest.mark.parametrize("style", sorted(CSS_SYMBOLS))
def test_alphabetic_labels_read_back(style: str) -> None:
    assert [label_number(list_label(n, style), style) for n in ENTRIES] == list(ENTRIES)


@pytest.mark.parametrize("style", ["lower-roman", "upper-roman"])
def test_roman_styles_are_canonical_numerals(style: str) -> None:
    for n in ENTRIES:
        label = list_label(n, style)
        assert label.isupper() if style == "upper-roman" else label.islower(), label
        assert _CANONICAL_ROMAN.match(label.lower()), (n, label)
        assert _read_roman(label.lower()) == n


@pytest.mark.parametrize(
    ("number", "style", "label"),
    [
        pytest.param(18, "lower-greek", "σ", id="greek-18-is-sigma-not-final-sigma"),
        pytest.param(24, "lower-greek", "ω", id="greek-last-letter"),
        pytest.param(25, "lower-greek", "αα", id="greek-wraps-alphabetically"),
        pytest.param(40, "lower-roman", "xl", id="roman-40"),
        pytest.param(1000, "upper-roman", "M", id="roman-1000"),
        pytest.param(4000, "lower-roman", "4000", id="roman-falls-back-to-decimal"),
        pytest.param(27, "lower-alpha", "aa", id="alpha-after-z"),
        pytest.param(7, None, "7", id="decimal"),
    ],
)
def test_labels_from_the_specification(number: int, style: str | None, label: str) -> None:
    assert list_label(number, style) == label


@pytest.mark.parametrize("style", [*sorted(CSS_SYMBOLS), "lower-roman", "upper-roman"])
def test_html_and_wikitext_label_notes_alike(style: str) -> None:
    for n in ENTRIES:
        assert html_note_label(n, "note", style) == wikitext_note_label(style, n) == list_label(n, style)


def test_a_foreign_label_is_refused() -> None:
    with pytest.raises(ValueError, match="not a lower-alpha list label"):
        label_number("ab1", "lower-alpha")
