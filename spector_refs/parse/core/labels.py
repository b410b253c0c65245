"""How the n-th entry of a list is labelled (12, c, xl, Ω), and how a marker to it reads.

MediaWiki renders reference and note lists as ``<ol>`` with a CSS
``list-style-type``, and the reserved reference groups (``lower-alpha``,
``lower-greek``, ``upper-roman``…, used by {{efn}}/{{notelist}}) are named
after those styles, so a note's label is whatever the browser's counter
style prints (Help:Cite link labels: "the matching reference list label
styles are … those supported by the CSS list-style-type property"; the
site's ``cite_link_label_group-<group>`` messages list the same labels for
the in-text markers).

The definitions are those of CSS Counter Styles Level 3, "Simple Predefined
Counter Styles": ``lower-alpha``/``upper-alpha`` (alias ``-latin``) and
``lower-greek`` are *alphabetic* (a … z, aa, ab …: bijective base N; Greek
has the 24 symbols α … ω and no final sigma ς, so note 18 is σ and note 25
is αα, as the web-platform test css3-counter-styles-028 also shows);
``lower-roman``/``upper-roman`` are *additive* with range 1 3999 (40 → xl,
never xxxx) and fall back to decimal outside it, like every counter style
without a symbol for the number. Every parser labels through this module, so
the HTML, the wikitext and the plain-text readers cannot disagree.
"""

from __future__ import annotations

_LATIN = "abcdefghijklmnopqrstuvwxyz"
_GREEK = "αβγδεζηθικλμνξοπρστυφχψω"
ALPHABETS = {
    "lower-alpha": _LATIN,
    "lower-latin": _LATIN,
    "upper-alpha": _LATIN.upper(),
    "upper-latin": _LATIN.upper(),
    "lower-greek": _GREEK,
}
"""The alphabetic counter styles and their symbols, in counting order."""

_ROMAN = ((1000, "m"), (900, "cm"), (500, "d"), (400, "cd"), (100, "c"), (90, "xc"), (50, "l"), (40, "xl"),
          (10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i"))  # fmt: skip
_ROMAN_RANGE = range(1, 4000)
_ROMAN_SYMBOLS = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100, "d": 500, "m": 1000}
ROMAN_STYLES = frozenset({"lower-roman", "upper-roman"})
LIST_STYLES = frozenset(ALPHABETS) | ROMAN_STYLES
"""Every list style this module labels; anything else counts in decimal."""


def list_label(number: int, style: str | None) -> str:
    """The label of entry ``number`` (from 1) in a list of ``style``: "ab", "xl", "αα", "7"."""
    if style in ALPHABETS and number >= 1:
        return _alphabetic(number, ALPHABETS[style])
    if style in ROMAN_STYLES and number in _ROMAN_RANGE:
        numeral = _additive(number)
        return numeral.upper() if style == "upper-roman" else numeral
    return str(number)


def marker_label(number: int, group: str | None, style: str | None = None) -> str:
    """How a marker to entry ``number`` of ``group`` reads: "12", "ab", "iv", "note 3".

    MediaWiki's rule (Cite's ``MarkSymbolRenderer``): a group with its own
    labels (here: a list style, named by the group itself or given as
    ``style``) shows that label; any other named group shows "group N"; the
    main list shows the bare number.
    """
    style = style or (group if group in LIST_STYLES else None)
    if style in LIST_STYLES:
        return list_label(number, style)
    return f"{group} {number}" if group else str(number)


def label_number(label: str, style: str) -> int:
    """The entry number a label stands for in a list of ``style`` ("ab" → 28, "xl" → 40).

    Raises ValueError when ``label`` is not a label of that style (roman
    labels must be the canonical numeral, as the additive system writes it).
    """
    if style in ROMAN_STYLES:
        number = _roman_value(label.lower())
        if number in _ROMAN_RANGE and list_label(number, style) == label:
            return number
        raise ValueError(f"{label!r} is not a {style} list label")
    alphabet = ALPHABETS.get(style, "")
    if not label or not alphabet or any(ch not in alphabet for ch in label):
        raise ValueError(f"{label!r} is not a {style} list label")
    number = 0
    for ch in label:
        number = number * len(alphabet) + alphabet.index(ch) + 1
    return number


def labels_style(labels: list[str]) -> str | None:
    """The list style whose entries 1, 2, 3… carry exactly these labels, if one does.

    A copied notes list shows only its labels; "i, ii, iii" is lower-roman
    (as lower-alpha it would be entries 9, 243, 6327), "a, b, c" lower-alpha.
    """
    for style in ("lower-alpha", "upper-alpha", "lower-roman", "upper-roman", "lower-greek"):
        if all(list_label(n, style) == label for n, label in enumerate(labels, start=1)):
            return style
    return None


def _roman_value(numeral: str) -> int:
    """A roman numeral read subtractively (a smaller symbol before a larger one counts negative)."""
    values = [_ROMAN_SYMBOLS.get(ch, 0) for ch in numeral]
    if not values or 0 in values:
        return 0
    return sum(-v if v < after else v for v, after in zip(values, [*values[1:], 0], strict=True))


def _alphabetic(number: int, alphabet: str) -> str:
    """CSS's alphabetic system: bijective base-N, so the letter after the last is "aa"."""
    label = ""
    while number > 0:
        number, rem = divmod(number - 1, len(alphabet))
        label = alphabet[rem] + label
    return label


def _additive(number: int) -> str:
    """CSS's additive system with the roman tuples: 4 → iv, 40 → xl, 1999 → mcmxcix."""
    out = ""
    for value, numeral in _ROMAN:
        count, number = divmod(number, value)
        out += numeral * count
    return out
