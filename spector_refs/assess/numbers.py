"""Reading quantities as people write them: "$53.4 million", "53,4 Mio. €", "850 kilograms", "288".

A paraphrase changes how a figure is written, not what it is, so figures are
compared as values: a number (every reading of an ambiguous separator, since
"1,234" is 1234 in English and 1.234 in German), scaled by its word
("million", "Mio.", "bn"), in a dimension (a currency, mass in kilograms,
length in metres, percent) and with the precision it was written with, so
that "$53 million" is a rounding of "$53.4 million" and "300" of "288".
Spelt-out numbers ("two hundred eighty-eight"), round words ("a thousand",
"two and a half million") and shares ("a third", "two-thirds", "one in five",
"41 of 102", read as percentages) are read too.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

_SCALES = {
    "thousand": 1e3, "k": 1e3, "tausend": 1e3, "tsd": 1e3, "mille": 1e3,
    "million": 1e6, "millions": 1e6, "mio": 1e6, "mn": 1e6, "mln": 1e6, "millionen": 1e6, "m": 1e6,
    "billion": 1e9, "billions": 1e9, "bn": 1e9, "bln": 1e9, "mrd": 1e9, "milliarde": 1e9, "milliarden": 1e9,
    "trillion": 1e12, "tn": 1e12,
}  # fmt: skip
# unit word -> (dimension, factor to the dimension's base unit)
_UNITS = {
    "kg": ("mass", 1.0), "kilogram": ("mass", 1.0), "kilograms": ("mass", 1.0), "kilo": ("mass", 1.0),
    "kilos": ("mass", 1.0), "kilogramm": ("mass", 1.0), "g": ("mass", 0.001), "gram": ("mass", 0.001),
    "grams": ("mass", 0.001), "t": ("mass", 1000.0), "tonne": ("mass", 1000.0), "tonnes": ("mass", 1000.0),
    "ton": ("mass", 1000.0), "tons": ("mass", 1000.0), "lb": ("mass", 0.4536), "lbs": ("mass", 0.4536),
    "pound": ("mass", 0.4536), "pounds": ("mass", 0.4536),
    "km": ("length", 1000.0), "kilometre": ("length", 1000.0), "kilometres": ("length", 1000.0),
    "kilometer": ("length", 1000.0), "kilometers": ("length", 1000.0), "mile": ("length", 1609.34),
    "miles": ("length", 1609.34), "metre": ("length", 1.0), "metres": ("length", 1.0),
    "meter": ("length", 1.0), "meters": ("length", 1.0), "ft": ("length", 0.3048), "feet": ("length", 0.3048),
    "cm": ("length", 0.01), "centimetre": ("length", 0.01), "centimetres": ("length", 0.01),
    "centimeter": ("length", 0.01), "centimeters": ("length", 0.01), "mm": ("length", 0.001),
    "millimetre": ("length", 0.001), "millimetres": ("length", 0.001), "millimeter": ("length", 0.001),
    "millimeters": ("length", 0.001), "inch": ("length", 0.0254), "inches": ("length", 0.0254),
    "foot": ("length", 0.3048), "yd": ("length", 0.9144), "yards": ("length", 0.9144),
    "%": ("percent", 1.0), "percent": ("percent", 1.0), "per cent": ("percent", 1.0),
    "prozent": ("percent", 1.0), "pct": ("percent", 1.0),
    "dollar": ("USD", 1.0), "dollars": ("USD", 1.0), "usd": ("USD", 1.0), "us$": ("USD", 1.0),
    "euro": ("EUR", 1.0), "euros": ("EUR", 1.0), "eur": ("EUR", 1.0), "€": ("EUR", 1.0),
    "gbp": ("GBP", 1.0), "£": ("GBP", 1.0), "$": ("USD", 1.0), "¥": ("JPY", 1.0), "yen": ("JPY", 1.0),
}  # fmt: skip
_CURRENCY_PREFIX = r"(?P<cur>US\$|USD|EUR|GBP|[$€£¥])"
# a space, apostrophe or thin space groups thousands only before exactly three digits ("1 234", "1'234")
_NUMBER = r"(?P<num>\d+(?:[.,]\d+|[\u00a0\u202f' ]\d{3}(?!\d))*)"
_SCALE = r"(?P<scale>" + "|".join(sorted(map(re.escape, _SCALES), key=len, reverse=True)) + r")\.?"
_UNIT = r"(?P<unit>" + "|".join(sorted(map(re.escape, _UNITS), key=len, reverse=True)) + r")"
QUANTITY = re.compile(
    rf"(?<![\w.,\-/]){_CURRENCY_PREFIX}?\s?{_NUMBER}(?:\s?{_SCALE}(?![\w]))?(?:\s?{_UNIT}(?![\w]))?"
    r"(?!\w|-\w|[.,]\d)",
    re.I,
)

_ONES = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14, "fifteen": 15,
    "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19, "dozen": 12,
}  # fmt: skip
_TENS = {
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50,
    "sixty": 60, "seventy": 70, "eighty": 80, "ninety": 90,
}  # fmt: skip
_MULTIPLIERS = {"hundred": 100, "thousand": 1000, "million": 10**6, "billion": 10**9}
_NUMBER_WORD = "|".join([*_ONES, *_TENS, *_MULTIPLIERS])
SPELT_NUMBER = re.compile(
    rf"\b(?:{_NUMBER_WORD})(?:(?:[\s-]+|(?<=hundred)\s+and\s+|(?<=thousand)\s+and\s+)(?:{_NUMBER_WORD}))*\b",
    re.I,
)


@dataclass(frozen=True)
class Quantity:
    """A value (in the dimension's base unit), its dimension and how far a rounding may stray.

    ``tolerance`` is half the unit of the last written digit ("53" million:
    0.5 million), capped at 5 % for numbers ending in zeros, whose precision
    is unknown ("300" may round 288, not 200).
    """

    values: frozenset[float]
    dimension: str | None
    tolerance: float
    converted: bool = False
    rough: bool = False
    """A source's word for a share ("a third") covers every value it rounds, so its own tolerance counts."""

    def matches(self, other: Quantity) -> bool:
        """Whether ``other`` (read from a source) says the same as this (read from a claim).

        A bare number in the source may carry the claim's unit in a word
        nearby, so a missing dimension on either side is no mismatch; two
        different dimensions (dollars and euros) are.
        """
        if self.dimension and other.dimension and self.dimension != other.dimension:
            return False
        # a unit conversion (lb to kg) rounds, so allow 1 % there
        relative = 0.01 if self.converted or other.converted else 0.0
        theirs_rough = other.tolerance if other.rough else 0.0
        return any(
            abs(mine - theirs) <= max(self.tolerance, theirs_rough, abs(mine) * relative)
            for mine in self.values
            for theirs in other.values
        )


def read_quantities(text: str) -> Iterator[tuple[re.Match[str], Quantity]]:
    """Every written quantity in ``text`` with the match it came from."""
    for match in QUANTITY.finditer(text):
        quantity = quantity_from_match(match)
        if quantity:
            yield match, quantity


def quantity_from_match(match: re.Match[str]) -> Quantity | None:
    """The quantity a :data:`QUANTITY` match denotes (None for an unreadable number)."""
    readings = number_readings(match.group("num"))
    if not readings:
        return None
    scale_word = (match.group("scale") or "").lower()
    unit_word = (match.group("unit") or match.group("cur") or "").lower()
    if scale_word == "m" and not match.group("cur") and (unit_word or " " in match.group(0).strip()):
        # "100 m" is a length; "1.5m" (glued, as newspapers write it) is a million
        if unit_word:
            return None
        scale_word, unit_word = "", "metre"
    scale = _SCALES.get(scale_word, 1.0)
    dimension, factor = _UNITS.get(unit_word, (None, 1.0))
    if unit_word in ("pound", "pounds") and scale_word:
        dimension, factor = "GBP", 1.0
    values = frozenset(value * scale * factor for value in readings.values())
    tolerance = min(_tolerance(text, value) for text, value in readings.items()) * scale * factor
    return Quantity(values, dimension, tolerance, converted=factor != 1.0)


def read_word_quantities(text: str) -> Iterator[tuple[re.Match[str], Quantity]]:
    """Quantities in words that :data:`QUANTITY` and :data:`SPELT_NUMBER` misread.

    "a thousand" and "two and a half million" are round figures; "a third",
    "two-thirds" and "one in five" are shares, read as the percentage they
    round (so "35 percent" is "more than a third"); "41 of 102" is the
    exact share 40.2 %. Overlapping readings keep the longest.
    """
    readings = [
        (match, quantity)
        for pattern, reader in _WORD_READERS
        for match in pattern.finditer(text)
        if (quantity := reader(match))
    ]
    found: list[tuple[re.Match[str], Quantity]] = []
    for match, quantity in sorted(readings, key=lambda item: item[0].start() - item[0].end()):
        if not any(_overlap(match, other) for other, _ in found):
            found.append((match, quantity))
    yield from sorted(found, key=lambda item: item[0].start())


def number_readings(text: str) -> dict[str, float]:
    """The values a written number can have, keyed by its digits as read ("53.4": 53.4).

    "53,4" is 53.4; "1,234" is 1234 (English) or 1.234 (German), so both
    are kept; "1.234.567" and "1 234" are thousands groupings.
    """
    compact = re.sub(r"[\u00a0\u202f' ]", "", text)
    seps = re.findall(r"[.,]", compact)
    if not seps:
        return {compact: float(compact)}
    groups = re.split(r"[.,]", compact)
    readings: dict[str, float] = {}
    if all(len(group) == 3 for group in groups[1:]) and len(groups[0]) <= 3:
        readings["".join(groups)] = float("".join(groups))
    last = max(compact.rfind("."), compact.rfind(","))
    integer = re.sub(r"[.,]", "", compact[:last])
    mixed = len(set(seps)) == 2 and seps.count(seps[-1]) == 1
    if len(seps) == 1 or mixed:
        decimal = f"{integer}.{compact[last + 1 :]}"
        readings[decimal] = float(decimal)
    return readings


def _tolerance(digits: str, value: float) -> float:
    """Half the unit of the last written digit: "53.4" → 0.05, "288" → 0.5, "850" → min(5, 5 %)."""
    if "." in digits:
        return 10.0 ** -len(digits.split(".")[1]) / 2
    trailing = len(digits) - len(digits.rstrip("0"))
    if not trailing:
        return 0.5
    return min(10.0 ** min(trailing, len(digits) - 1) / 2, abs(value) * 0.05)


def spelt_tolerance(text: str, value: float) -> float:
    """How far a spelt-out number may round: "three million" as "3 million", "three hundred" as "300"."""
    last = text.lower().split()[-1] if text.split() else ""
    if last in _MULTIPLIERS and last != "hundred":
        return _MULTIPLIERS[last] / 2
    return _tolerance(f"{value:.0f}", value)


def spelt_number(text: str) -> int | None:
    """The value of a spelt-out number: "two hundred eighty-eight" → 288, "a dozen" → 12."""
    total = current = 0
    words = [word for word in re.split(r"[\s-]+", text.lower()) if word and word != "and"]
    if not words:
        return None
    for word, following in zip(words, [*words[1:], ""], strict=True):
        if (word in _ONES and (following in _ONES or following in _TENS)) or (
            word in _TENS and following in _TENS
        ):
            return None  # "two four-eyed dogs": two numbers side by side, not one
        if word in _ONES:
            current += _ONES[word]
        elif word in _TENS:
            current += _TENS[word]
        elif word == "hundred":
            current = max(current, 1) * 100
        elif word in _MULTIPLIERS:
            total += max(current, 1) * _MULTIPLIERS[word]
            current = 0
        else:
            return None
    return total + current


_SMALL = r"a|an|one|two|three|four|five|six|seven|eight|nine|ten"
_DENOMINATORS = {
    "half": 2, "halves": 2, "third": 3, "thirds": 3, "quarter": 4, "quarters": 4, "fifth": 5, "fifths": 5,
    "sixth": 6, "sixths": 6, "eighth": 8, "eighths": 8, "tenth": 10, "tenths": 10,
}  # fmt: skip
FRACTION = re.compile(rf"\b(?P<top>{_SMALL})[\s-]+(?P<bottom>{'|'.join(_DENOMINATORS)})\b", re.I)
"""A share in words: "a third", "two-thirds", "three quarters" (not "the third", an ordinal)."""
ONE_IN = re.compile(
    rf"\b(?P<top>{_SMALL}|\d+)\s+(?:in|out\s+of)\s+(?P<bottom>two|three|four|five|six|seven|eight|nine|ten"
    r"|twenty|a\s+hundred|a\s+thousand|\d+)\b(?![.,]\d)",
    re.I,
)
"""A share as a ratio: "one in five", "nine out of ten", "1 in 4"."""
COUNT_OF = re.compile(
    r"(?<![\w.,])(?P<top>\d[\d,]*)\s+(?:of|out\s+of)\s+(?:the\s+|its\s+|their\s+|all\s+)?(?P<bottom>\d[\d,]*)\b"
    r"(?![.,]\d)"
)
"""A share as two counts: "41 of 102", "12 out of the 15"."""
ROUND_WORD = re.compile(
    rf"\b(?:(?P<whole>{_SMALL}|\d+)\s+and\s+a\s+half(?:\s+(?P<scale>hundred|thousand|million|billion))?"
    r"|(?:(?P<half>half)\s+a|a|one)\s+(?P<round>hundred|thousand|million|billion))\b"
    r"(?![\s-]+(?:and\s+)?(?:" + _NUMBER_WORD + r")\b)",
    re.I,
)
"""A round figure in words: "a thousand", "half a million", "two and a half (million)"."""
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
SHARE_TOLERANCE = 2.5
"""Percentage points a share in words stands for either side: "a third" is 31-36 %, "half" 48-52 %."""


def _share(match: re.Match[str]) -> Quantity | None:
    top, bottom = _count(match.group("top")), _count(match.group("bottom"))
    if _YEAR.fullmatch(match.group("bottom")):
        return None  # "won 2 in 2019": a count and a year
    if top is None or not bottom or not 0 < top <= bottom:
        return None
    exact = match.re is COUNT_OF
    tolerance = 0.05 if exact else SHARE_TOLERANCE
    return Quantity(frozenset({100 * top / bottom}), "percent", tolerance, rough=not exact)


def _fraction(match: re.Match[str]) -> Quantity | None:
    top = _count(match.group("top"))
    bottom = _DENOMINATORS[match.group("bottom").lower()]
    if top is None or not 0 < top <= bottom:
        return None
    return Quantity(frozenset({100 * top / bottom}), "percent", SHARE_TOLERANCE, rough=True)


def _round_word(match: re.Match[str]) -> Quantity:
    scale = _MULTIPLIERS.get((match.group("scale") or match.group("round") or "").lower(), 1)
    if match.group("half"):
        whole = 0.5
    elif match.group("whole"):
        whole = (_count(match.group("whole")) or 0) + 0.5
    else:
        whole = 1.0
    value = whole * scale
    return Quantity(frozenset({value}), None, _tolerance(f"{value:.0f}", value))


def _count(text: str) -> float | None:
    """A small count in digits or words: "5", "five", "a" (one), "a hundred"."""
    text = " ".join(text.lower().split())
    if text in ("a", "an"):
        return 1.0
    if text.replace(",", "").isdigit():
        return float(text.replace(",", ""))
    value = spelt_number(text.removeprefix("a "))
    return float(value) if value is not None else None


def _overlap(one: re.Match[str], other: re.Match[str]) -> bool:
    return one.start() < other.end() and other.start() < one.end()


_WORD_READERS: tuple[tuple[re.Pattern[str], Callable[[re.Match[str]], Quantity | None]], ...] = (
    (ROUND_WORD, _round_word),
    (ONE_IN, _share),
    (COUNT_OF, _share),
    (FRACTION, _fraction),
)
