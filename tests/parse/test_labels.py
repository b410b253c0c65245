"""List labels against CSS Counter Styles Level 3, for every style up to 1 000 entries.

The oracles are written independently of ``parse.core.labels``: alphabetic
labels must enumerate the alphabet's words in shortlex order (which is what
CSS's alphabetic system is), roman labels must be what the digit-by-digit
table of roman numerals spells and read back to the number. Published
values (the web-platform test for lower-greek, MediaWiki's own unit tests for
group markers) pin the oracles to the outside world, and whole documents
check that the HTML and wikitext readers label notes alike.
"""

from __future__ import annotations

import itertools
from collections.abc import Iterator

import pytest

from spector_refs.parse.core.labels import label_number, labels_style, list_label, marker_label
from spector_refs.parse.html import parse_html
from spector_refs.parse.text import parse_text
from spector_refs.parse.wikitext import parse_wikitext

ENTRIES = range(1, 1001)
# The symbols as the CSS specification lists them ("Simple Predefined Counter Styles").
CSS_SYMBOLS = {
    "lower-alpha": "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "upper-alpha": "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
    "lower-latin": "a b c d e f g h i j k l m n o p q r s t u v w x y z",
    "upper-latin": "A B C D E F G H I J K L M N O P Q R S T U V W X Y Z",
    "lower-greek": "α β γ δ ε ζ η θ ι κ λ μ ν ξ ο π ρ σ τ υ φ χ ψ ω",
}
ROMAN_STYLES = ("lower-roman", "upper-roman")
# Roman numerals spelled a decimal digit at a time: thousands, hundreds, tens, units.
_ROMAN_DIGITS = (
    ("", "m", "mm", "mmm"),
    ("", "c", "cc", "ccc", "cd", "d", "dc", "dcc", "dccc", "cm"),
    ("", "x", "xx", "xxx", "xl", "l", "lx", "lxx", "lxxx", "xc"),
    ("", "i", "ii", "iii", "iv", "v", "vi", "vii", "viii", "ix"),
)
_ROMAN_VALUES = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}


def _shortlex(symbols: list[str]) -> Iterator[str]:
    for length in itertools.count(1):
        for letters in itertools.product(symbols, repeat=length):
            yield "".join(letters)


def _roman_by_digits(number: int) -> str:
    digits = f"{number:04d}"
    return "".join(table[int(digit)] for table, digit in zip(_ROMAN_DIGITS, digits, strict=True))


def _read_roman(numeral: str) -> int:
    values = [_ROMAN_VALUES[ch] for ch in numeral]
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


@pytest.mark.parametrize("style", sorted(CSS_SYMBOLS))
def test_alphabetic_styles_count_in_shortlex_order(style: str) -> None:
    expected = list(itertools.islice(_shortlex(CSS_SYMBOLS[style].split()), len(ENTRIES)))
    assert [list_label(n, style) for n in ENTRIES] == expected


@pytest.mark.parametrize("style", [*sorted(CSS_SYMBOLS), *ROMAN_STYLES])
def test_labels_read_back(style: str) -> None:
    assert [label_number(list_label(n, style), style) for n in ENTRIES] == list(ENTRIES)


@pytest.mark.parametrize("style", ROMAN_STYLES)
def test_roman_styles_spell_each_digit(style: str) -> None:
    case = str.upper if style == "upper-roman" else str.lower
    assert [list_label(n, style) for n in ENTRIES] == [case(_roman_by_digits(n)) for n in ENTRIES]
    assert all(_read_roman(list_label(n, "lower-roman")) == n for n in ENTRIES)


# The expected labels of web-platform-tests css/css-counter-styles/lower-greek/css3-counter-styles-028.
WPT_LOWER_GREEK = {25: "αα", 26: "αβ", 43: "ατ", 77: "γε", 80: "γθ", 99: "δγ", 100: "δδ", 101: "δε",
                   222: "ιζ", 540: "χμ", 999: "αρο"}  # fmt: skip


@pytest.mark.parametrize(("number", "label"), sorted(WPT_LOWER_GREEK.items()))
def test_lower_greek_matches_the_web_platform_test(number: int, label: str) -> None:
    assert list_label(number, "lower-greek") == label


@pytest.mark.parametrize(
    ("number", "style", "label"),
    [
        pytest.param(18, "lower-greek", "σ", id="greek-18-is-sigma-not-final-sigma"),
        pytest.param(24, "lower-greek", "ω", id="greek-last-letter"),
        pytest.param(40, "lower-roman", "xl", id="roman-40"),
        pytest.param(3999, "upper-roman", "MMMCMXCIX", id="roman-top-of-range"),
        pytest.param(4000, "lower-roman", "4000", id="roman-falls-back-to-decimal"),
        pytest.param(27, "lower-alpha", "aa", id="alpha-after-z"),
        pytest.param(7, None, "7", id="decimal"),
        pytest.param(7, "circle", "7", id="unknown-style-counts-in-decimal"),
    ],
)
def test_labels_from_the_specification(number: int, style: str | None, label: str) -> None:
    assert list_label(number, style) == label


@pytest.mark.parametrize(
    ("number", "group", "style", "label"),
    [
        # MediaWiki Cite's MarkSymbolRendererTest: "1" in the main list, "foo 2" in a plain group.
        pytest.param(2, None, None, "2", id="main-list"),
        pytest.param(2, "foo", None, "foo 2", id="plain-group"),
        pytest.param(18, "lower-greek", None, "σ", id="group-named-after-a-style"),
        pytest.param(40, "note", "lower-roman", "xl", id="group-with-a-list-style"),
        pytest.param(3, "note", None, "note 3", id="note-group"),
    ],
)
def test_marker_labels_follow_mediawiki(
    number: int, group: str | None, style: str | None, label: str
) -> None:
    assert marker_label(number, group, style) == label


def _html_notes(style: str, count: int) -> tuple[str, ...]:
    markers = "".join(
        f'<sup id="cite_ref-{n}" class="reference"><a href="#cite_note-{n}">[{n}]</a></sup>'
        for n in range(1, count + 1)
    )
    items = "".join(
        f'<li id="cite_note-{n}"><span class="reference-text">N{n}.</span></li>' for n in range(1, count + 1)
    )
    page = (
        f"<p>Claim.{markers}</p>"
        f'<div class="reflist" style="list-style-type: {style};"><ol class="references">{items}</ol></div>'
    )
    return next(claim.notes for claim in parse_html(page).claims if claim.block == "paragraph")


def _wikitext_notes(style: str, count: int) -> tuple[str, ...]:
    markers = "".join(f'<ref group="{style}">N{n}.</ref>' for n in range(1, count + 1))
    page = f"Claim.{markers}\n\n== Notes ==\n{{{{reflist|group={style}}}}}\n"
    return next(claim.notes for claim in parse_wikitext(page).claims if claim.block == "paragraph")


@pytest.mark.parametrize("style", [*sorted(CSS_SYMBOLS), *ROMAN_STYLES])
def test_html_and_wikitext_pages_label_notes_alike(style: str) -> None:
    count = 60
    if style in CSS_SYMBOLS:
        expected = tuple(itertools.islice(_shortlex(CSS_SYMBOLS[style].split()), count))
    else:
        case = str.upper if style == "upper-roman" else str.lower
        expected = tuple(case(_roman_by_digits(n)) for n in range(1, count + 1))
    assert _html_notes(style, count) == _wikitext_notes(style, count) == expected


@pytest.mark.parametrize(
    ("label", "style"),
    [
        ("ab1", "lower-alpha"),
        ("iiii", "lower-roman"),
        ("vx", "lower-roman"),
        ("IV", "lower-roman"),
        ("", "upper-roman"),
    ],
)
def test_a_foreign_label_is_refused(label: str, style: str) -> None:
    with pytest.raises(ValueError, match=f"not a {style} list label"):
        label_number(label, style)


@pytest.mark.parametrize(
    ("labels", "style"),
    [
        (["a", "b", "c"], "lower-alpha"),
        (["i", "ii", "iii", "iv"], "lower-roman"),
        (["i"], "lower-roman"),
        (["A", "B"], "upper-alpha"),
        (["α", "β"], "lower-greek"),
        (["b", "c"], None),
    ],
)
def test_the_style_of_a_copied_list_is_read_from_its_labels(labels: list[str], style: str | None) -> None:
    assert labels_style(labels) == style


def test_text_and_wikitext_number_a_roman_notes_list_alike() -> None:
    count = 12
    wikitext = (
        "Claim."
        + "".join(f"{{{{efn-lr|Note {n}.}}}}" for n in range(1, count + 1))
        + "\n\n== Notes ==\n{{notelist-lr}}\n"
    )
    labels = [_roman_by_digits(n) for n in range(1, count + 1)]
    text = "Claim." + "".join(f"[{label}]" for label in labels) + "\nNotes edit\n"
    text += "".join(f"{label}. ^ Note {n}.\n" for n, label in enumerate(labels, start=1))
    from_wikitext, from_text = parse_wikitext(wikitext), parse_text(text)
    for article in (from_wikitext, from_text):
        assert [(ref.group, ref.number, ref.raw) for ref in article.references] == [
            ("note", n, f"Note {n}.") for n in range(1, count + 1)
        ]
        assert next(c.notes for c in article.claims if c.block == "paragraph") == tuple(labels)
