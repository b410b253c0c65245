"""Unverified figures: numbers, amounts, dates and names of a claim that its sources never mention.

This is a check for transcription errors and unsupported details ("288"
where the source says "300", a name the source never gives), done without a
language model: the claim's figures are read as values (see
:mod:`spector_refs.assess.numbers`), dates as ISO dates, names as runs of
capitalised words, and each is looked for in the text of every cited page.
A figure is verified when any cited source states it in any form a
paraphrase would use ("$53.4 million" for "$53 million", "850 kilograms" for
"850 kg", "two hundred eighty-eight" for "288", "Desnica" for "Milomir
Desnica"). Its measured precision is in docs/assessment.md.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from itertools import combinations

from spector_refs.assess.numbers import (
    COUNT_OF,
    FRACTION,
    QUANTITY,
    ROUND_WORD,
    SPELT_NUMBER,
    Quantity,
    read_quantities,
    read_word_quantities,
    spelt_number,
    spelt_tolerance,
)
from spector_refs.dates import parse_date

MONTH_NUMBERS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}

_MONTHS = (
    "January|February|March|April|May|June|July|August|September|October|November|December|"
    "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec"
)
DATE = re.compile(
    rf"\b(?:\d{{1,2}}(?:st|nd|rd|th)?\.?\s+(?:{_MONTHS})\.?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|(?:{_MONTHS})\.?,?\s+\d{{4}}"
    r"|\d{4}-\d{2}-\d{2})\b"
)
_DAY_MONTH = re.compile(
    rf"\b(?:(?P<day>\d{{1,2}})(?:st|nd|rd|th)?\.?\s+(?P<month>{_MONTHS})|(?P<month2>{_MONTHS})\.?\s+(?P<day2>\d{{1,2}}))\b"
)
_MONTH_DAY = re.compile(r"(?<![\d/.])(\d{1,2})/(\d{1,2})(?![\d/.])")
"""A day without its year as Americans name events ("9/11"): a source's year-less date."""
_A_PERIOD = re.compile(r"\b(?:a|one)\s+(decade|century)\b", re.I)
_PERIOD_YEARS = {"decade": 10.0, "century": 100.0}
_TIME = re.compile(
    r"\b\d{1,2}:\d{2}(?::\d{2})?(?:\s*[ap]\.?m\b\.?)?|\b\d{1,2}\s*[ap]\.m\.|\b\d{1,2}\s*[ap]m\b", re.I
)
"""A time of day ("10:30 a.m."): time zones shift it between sources, so it is no figure to check."""
_YEAR_RANGE = re.compile(r"\b(1[5-9]\d\d|20\d\d)[–-](\d\d)\b(?![–-]?\d)")
"""A season or span written "2019–20": one year and its end, not the number 20."""
_CONVERSION = re.compile(r"\s*(?:[a-zA-Z]{1,11}\.?\s*)?\(\s*")
"""What lies between a value and its conversion in brackets ("250 cm (98 in)", "155.6 kg (343 lb)"):
the converted value is the article's arithmetic ({{convert}}), not something a source states."""
_POSSESSIVE = re.compile(r"['’]s?(?=\s|$)")
"""A possessive ends a name: "the Department of Justice's J-CODE team" names the Department of Justice."""
_SHARE_CLAIMED = re.compile(r"\s+of\b")
_SHARE_AFTER = re.compile(r"\b(?:by|than|about|nearly|almost|roughly|some|over|under)\s+$", re.I)
_SENTENCE = re.compile(r"[^.!?;]+")
_MAX_ADDENDS = 6
"""Numbers of one sentence that may add up to a claimed total ("227 passengers and 12 crew" is 239)."""
_HYPHEN_AFTER_NUMBER = re.compile(r"(?<=\d)[-–](?=[A-Za-z]|\d)")
_NUMERIC_DATE = re.compile(r"\b(\d{1,2})[./](\d{1,2})[./](\d{4})\b")
_YEAR = re.compile(r"^(1[5-9]\d\d|20\d\d)$")
_PARTICLES = ("of", "de", "del", "der", "van", "von", "al", "bin", "la", "le", "du", "da")
_PARTICLE = rf"(?:{'|'.join(_PARTICLES)})"
_NAME = re.compile(rf"\b[A-Z][\w'’.-]*[a-z]\w*(?:\s+(?:(?:{_PARTICLE}|for)\s+(?:the\s+)?)?[A-Z][\w'’.-]*)+")
"""Capitalised words, joined by particles ("Humane Society of the United States", "Ludwig van Beethoven")."""
# fmt: off
_NAME_STOP = frozenset(
    {
        "The", "A", "An", "In", "On", "At", "By", "For", "From", "With", "And", "But", "Or", "Of", "To", "As",
        "It", "Its", "This", "That", "These", "Those", "He", "She", "They", "We", "His", "Her", "Their",
        "Our", "Since", "Until",
        "After", "Before", "During", "While", "When", "Where", "Which", "Who", "Also", "However", "According",
    }
) | frozenset(_MONTHS.split("|"))
# fmt: on
_MULTIPLIER_WORDS = frozenset({"hundred", "thousand", "million", "billion"})
GENERIC_NAME_WORDS = frozenset(
    """summer winter spring autumn olympics olympic games cup championship championships world grand prix
    supreme court high federal national international general assembly council parliament senate congress
    house committee commission tower bridge street road avenue square park river lake mountain mount island
    airport station cathedral church palace castle museum university college school hospital prize award
    festival summit treaty act north south east west central new old great upper lower city state republic
    kingdom empire space telescope station agency ministry department office bureau service services police
    army navy party bank company corporation group institute foundation society association league club
    centre center hall stadium arena theatre theater opera gallery library building reef dam canal bay sea
    ocean valley desert forest garden gardens zoo market exchange fund organization organisation programme
    program project mission trophy port harbour harbor railway hotel network""".split()
)
"""Category words of names: a name of nothing but these is paraphrased too freely to check, and a
source may drop them from a longer name ("Hubble" for "Hubble Space Telescope")."""
# fmt: off
TITLES = frozenset(
    """prime minister president vice chancellor king queen prince princess pope senator sen. governor gov.
    mayor gen. sir dame dr dr. mr mr. mrs mrs. ms ms. lord lady judge chief secretary attorney director
    chairman chairwoman ceo archbishop bishop saint st. rev. reverend captain capt. colonel col.
    lieutenant lt. admiral sheikh emperor empress duke duchess baron professor prof. representative rep.
    speaker commissioner ambassador deputy acting chancellor premier crown""".split()
)
# fmt: on
"""Offices and honorifics written before a name ("Prime Minister Rishi Sunak"): a source names the person
without them, so they are no part of the name to look for."""
_RENAMED = re.compile(
    r"\s*[(,]\s*(?:formerly|previously|now|later|renamed|née|then|also\s+known\s+as|known\s+as|aka)"
    r"(?:\s+(?:known\s+as|called|named))?\s+(?:the\s+)?(?P<other>[A-Z][\w'’.&-]*(?:\s+[A-Z][\w'’.&-]*)*)"
    r"|\s*\((?P<short>[A-Z][A-Z&.]+s?)\)"
)
"""What joins a name to another name of the same thing: "Twitter (now X)", "Meta (formerly Facebook)", or
its abbreviation in brackets: "Humane Society of the United States (HSUS)"."""
ALIASES = {
    "united states": ("u.s.", "us", "usa", "u.s.a.", "america", "american"),
    "united kingdom": ("uk", "u.k.", "britain", "british"),
    "european union": ("eu", "e.u."),
    "united nations": ("un", "u.n."),
}


@dataclass(frozen=True)
class Figure:
    """One checkable detail of a claim: as written, its kind and what a source must contain."""

    text: str
    kind: str
    quantity: Quantity | None = None
    date: str | None = None
    words: tuple[str, ...] = field(default=())
    renamed: tuple[tuple[str, ...], ...] = ()
    """Other names the claim gives the same thing ("Twitter (now X)"): any of them will do."""


@dataclass(frozen=True)
class SourceFacts:
    """What one source page states, ready for lookups."""

    quantities: tuple[Quantity, ...]
    dates: frozenset[str]
    words: frozenset[str]
    text: str
    masked: str = ""
    capitals: frozenset[str] = frozenset()

    @cached_property
    def totals(self) -> tuple[Quantity, ...]:
        """Sums of counts the page gives as parts; worked out only when a count is not stated outright."""
        return tuple(_sums(self.masked))

    @classmethod
    def read(cls, text: str) -> SourceFacts:
        """Index a page's text: its quantities (also spelt-out ones), dates and words."""
        masked, dates = _take_dates(text)
        dates += _year_less_dates(masked)
        # "a 20-year sentence", "voted 52-48": the numbers still count in a source
        masked = _HYPHEN_AFTER_NUMBER.sub(" ", masked)
        quantities = [quantity for _, quantity in read_quantities(masked)]
        quantities += [quantity for _, quantity in read_word_quantities(masked)]
        quantities += [figure.quantity for figure in _spelt_figures(masked) if figure.quantity]
        quantities += [_period(match) for match in _A_PERIOD.finditer(masked)]
        words = frozenset(re.findall(r"[\w.]+", text.casefold()))
        squeezed = " ".join(text.casefold().split())
        words |= {w.strip(".") for w in words}
        capitals = frozenset(re.findall(r"[A-Z]{2,}", text))
        return cls(tuple(quantities), frozenset(dates), words, squeezed, masked, capitals)

    def states(self, figure: Figure) -> bool:
        """Whether this page states the figure in some form."""
        if figure.kind == "date":
            return _date_stated(figure.date or "", self.dates, self.words)
        if figure.kind == "year":
            return figure.text in self.words or any(date.startswith(figure.text) for date in self.dates)
        if figure.kind == "name":
            return any(_name_stated(words, self) for words in (figure.words, *figure.renamed))
        quantity = figure.quantity
        if quantity is None:
            return False
        if any(quantity.matches(other) for other in self.quantities):
            return True
        return quantity.dimension is None and any(quantity.matches(total) for total in self.totals)


def extract_figures(claim: str) -> list[Figure]:
    """The dates, amounts, quantities, numbers, years and names a claim states."""
    masked, _ = _take_dates(claim)
    dates = ((m.group(0), parse_date(_clean_date(m.group(0)))) for m in DATE.finditer(claim))
    figures = [Figure(text, "date", date=iso) for text, iso in dates if iso]
    masked = _TIME.sub(_blank, masked)
    figures += [Figure(m.group(1), "year") for m in _YEAR_RANGE.finditer(masked)]
    masked = _YEAR_RANGE.sub(_blank, masked)
    masked, worded = _worded_figures(masked)
    figures += worded
    previous_end = -1
    for match, quantity in read_quantities(masked):
        if not (_inside_name(masked, match) or _CONVERSION.fullmatch(masked, previous_end, match.start())):
            figures.append(_number_figure(match.group(0).strip().rstrip("."), quantity))
        previous_end = match.end()
    # "one" is as often a pronoun as a number
    figures += [f for f in _spelt_figures(masked) if f.quantity and min(f.quantity.values) >= 2]
    figures.extend(_names(claim))
    return figures


def unverified_figures(claim: str, sources: Iterable[str], topic: str = "") -> list[Figure]:
    """The claim's figures that none of the source texts states.

    ``topic`` is the article's title: a claim names its article's subject
    ("Operation SpecTor was…") without asserting anything about the name,
    and a source about it may call it "the operation", so the topic's own
    name is not looked for.
    """
    facts = [SourceFacts.read(text) for text in sources]
    figures = [figure for figure in extract_figures(claim) if not _names_topic(figure, topic)]
    return [figure for figure in figures if not any(page.states(figure) for page in facts)]


def _names_topic(figure: Figure, topic: str) -> bool:
    """A name made of the article title's words ("SpecTor" of "Operation SpecTor", "Dog")."""
    title = {word.casefold() for word in re.findall(r"[\w'’.-]+", re.sub(r"\s*\(.*\)$", "", topic))}
    distinctive = [word.casefold() for word in figure.words if word.casefold() not in GENERIC_NAME_WORDS]
    return (
        figure.kind == "name" and bool(title) and all(word in title for word in distinctive or figure.words)
    )


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group(0))


def _period(match: re.Match[str]) -> Quantity:
    """ "a decade" in a source: 10 (years), as exact as "10" written out."""
    return Quantity(frozenset({_PERIOD_YEARS[match.group(1).lower()]}), None, 0.5)


def _worded_figures(text: str) -> tuple[str, list[Figure]]:
    """Round words and shares of a claim ("a thousand", "a third of", "one in five"), blanked out after.

    Blanking keeps "two" of "two-thirds" from being read as the number 2. A
    share word is a figure only where it measures something ("a third of the
    votes", "rose by a third"), not in "a third term" or "a quarter century".
    """
    figures = []
    for match, quantity in read_word_quantities(text):
        if match.re is COUNT_OF:
            continue  # "9 of the 12 jurors": two counts, each checked as written
        measures = match.re is not FRACTION or bool(
            _SHARE_CLAIMED.match(text, match.end()) or _SHARE_AFTER.search(text[: match.start()])
        )
        if measures:
            kind = "number" if match.re is ROUND_WORD else "quantity"
            figures.append(Figure(" ".join(match.group(0).split()), kind, quantity))
        text = text[: match.start()] + _blank(match) + text[match.end() :]
    return text, figures


def _sums(text: str) -> list[Quantity]:
    """Totals a source gives as parts: sums of two or three bare counts in one sentence.

    Only plain counts (no unit, currency or scale) are added, at most
    :data:`_MAX_ADDENDS` per sentence, so the number of sums stays small.
    """
    sums: list[Quantity] = []
    for sentence in _SENTENCE.findall(text):
        counts = [
            max(q.values)  # "2,977": the count, not 2.977
            for m, q in read_quantities(sentence)
            if q.dimension is None and not (m.group("scale") or m.group("unit"))
            and max(q.values).is_integer()
        ][:_MAX_ADDENDS]  # fmt: skip
        for size in (2, 3):
            for group in combinations(counts, size):
                if not any(_YEAR.match(f"{value:g}") for value in group):
                    sums.append(Quantity(frozenset({float(sum(group))}), None, 0.5))
    return sums


def _spelt_figures(text: str) -> list[Figure]:
    """Spelt-out numbers ("nine", "two hundred eighty-eight"), not scale words after digits."""
    masked = QUANTITY.sub(lambda m: " " * len(m.group(0)), text)
    figures = []
    for match in SPELT_NUMBER.finditer(masked):
        # "two four-eyed dogs" is no compound number: each word is read on its own
        texts = [match.group(0)] if spelt_number(match.group(0)) is not None else match.group(0).split()
        for text in texts:
            value = spelt_number(text)
            # a lone "million" is "a million", "half a million", "millions of": no count to check
            if value is not None and text.lower() not in _MULTIPLIER_WORDS:
                quantity = Quantity(frozenset({float(value)}), None, spelt_tolerance(text, value))
                figures.append(Figure(text, "number", quantity))
    return figures


def _inside_name(text: str, match: re.Match[str]) -> bool:
    """A bare number between capitalised words belongs to a name ("Local 3 News", "Apollo 11 Crew")."""
    if match.group("cur") or match.group("unit") or match.group("scale"):
        return False
    before = re.search(r"\b[A-Z][\w-]*\s+$", text[: match.start()])
    after = re.match(r"\s+[A-Z]", text[match.end() :])
    return bool(before and after)


def _number_figure(text: str, quantity: Quantity) -> Figure:
    if _YEAR.match(text) and quantity.dimension is None:
        return Figure(text, "year")
    kind = "amount" if quantity.dimension and quantity.dimension.isupper() else "number"
    if quantity.dimension in ("mass", "length", "percent"):
        kind = "quantity"
    return Figure(text, kind, quantity)


def _take_dates(text: str) -> tuple[str, list[str]]:
    """The text with its dates blanked out (so "May 2, 2023" is no number 2) and their ISO forms."""
    dates: list[str] = []

    def blank(match: re.Match[str]) -> str:
        iso = parse_date(_clean_date(match.group(0)))
        if iso:
            dates.append(iso)
        return " " * len(match.group(0))

    masked = _MONTH_DAY.sub(lambda m: _month_day(m, dates), DATE.sub(blank, text))
    for day, month, year in _NUMERIC_DATE.findall(masked):
        for d, m in ((day, month), (month, day)):
            iso = parse_date(f"{year}-{int(m):02d}-{int(d):02d}") if int(m) <= 12 else None
            if iso:
                dates.append(iso)
    return _NUMERIC_DATE.sub(lambda m: " " * len(m.group(0)), masked), dates


def _month_day(match: re.Match[str], dates: list[str]) -> str:
    """ "9/11" is a day (year-less, as sources name it), not the numbers 9 and 11; "3/40" stays."""
    month, day = int(match.group(1)), int(match.group(2))
    if not (1 <= month <= 12 and 1 <= day <= 31):
        return match.group(0)
    dates.append(f"--{month:02d}-{day:02d}")
    return " " * len(match.group(0))


def _clean_date(text: str) -> str:
    return re.sub(r"(\d)(?:st|nd|rd|th)\b|\.(?=\s)", r"\1", text)


def _date_stated(date: str, dates: Iterable[str], words: frozenset[str]) -> bool:
    """Same date, a more precise one, or the same day and month where the page gives no other year."""
    dates = list(dates)
    if any(other == date or (len(date) < len(other) and other.startswith(date)) for other in dates):
        return True
    year, _, day = date.partition("-")
    year_less = f"--{day}" in dates
    other_years = any(_YEAR.match(word) for word in words if word != year)
    return bool(day) and year_less and (year in words or not other_years)


def _year_less_dates(text: str) -> list[str]:
    """ "On May 2" → "--05-02": pages often give the day without the year, which is in their header."""
    out = []
    for match in _DAY_MONTH.finditer(text):
        day = match.group("day") or match.group("day2")
        month = (match.group("month") or match.group("month2")).lower()[:3]
        number = MONTH_NUMBERS.get(month)
        if number and 1 <= int(day) <= 31:
            out.append(f"--{number:02d}-{int(day):02d}")
    return out


def _checkable(words: Sequence[str]) -> bool:
    """A name made only of category words ("Summer Olympics", "Supreme Court") is paraphrased, not checked."""
    return any(word.casefold() not in GENERIC_NAME_WORDS for word in words)


def _names(claim: str) -> Sequence[Figure]:
    """Runs of two or more capitalised words, without a leading article or title; renamed pairs as one."""
    figures: list[Figure] = []
    skip_until = -1
    for match in _NAME.finditer(claim):
        if match.start() < skip_until:
            continue  # the other name of a renamed pair, checked with the first
        words = _without_titles(_POSSESSIVE.split(match.group(0))[0].rstrip(".").split())
        text = " ".join(words)
        if sum(word[0].isupper() for word in words) >= 2 and _checkable(words):
            renamed = _RENAMED.match(claim, match.end())
            others = (tuple((renamed.group("other") or renamed.group("short")).split()),) if renamed else ()
            skip_until = renamed.end() if renamed else skip_until
            figures.append(Figure(text, "name", words=words, renamed=others))
    return figures


def _without_titles(words: Sequence[str]) -> tuple[str, ...]:
    """ "Prime Minister Rishi Sunak" → Rishi Sunak, "Secretary of State Antony Blinken" → Antony Blinken."""
    words = list(words)
    titled = False
    while len(words) > 1:
        first = words[0].casefold()
        if first in TITLES:
            titled = True
        elif not (
            words[0] in _NAME_STOP or (titled and (first in _PARTICLES or first in GENERIC_NAME_WORDS))
        ):
            break
        words.pop(0)
    return tuple(word.rstrip(".") for word in words)


def _acronyms(words: Sequence[str]) -> set[str]:
    """ "Federal Bureau of Investigation" → {"fbi"}; "Department of Justice" → {"dj", "doj"}."""
    capitals = "".join(word[0] for word in words if word[0].isupper())
    every = "".join(word[0] for word in words)
    return {text.casefold() for text in (capitals, every) if len(text) >= 2}


def _within_capitals(acronym: str, capitals: frozenset[str]) -> bool:
    """ "EP" in "MEPs" (members of the EP): an acronym inside a slightly longer one of the page."""
    acronym = acronym.upper()
    return any(acronym in word and len(word) <= len(acronym) + 2 for word in capitals if word != acronym)


def _name_stated(words: Sequence[str], page: SourceFacts) -> bool:
    """A name is stated in full, word by word, by its last word (a surname), or by a usual alias."""
    folded = [word.casefold().strip(".") for word in words]
    phrase = " ".join(folded)
    if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", page.text) or all(
        word in page.words for word in folded
    ):
        return True
    if len(folded) <= 3 and len(folded[-1]) >= 4 and folded[-1] in page.words:
        return True
    acronyms = _acronyms(words)
    if acronyms & page.words or any(_within_capitals(acronym, page.capitals) for acronym in acronyms):
        return True
    distinctive = [word for word in folded if word not in GENERIC_NAME_WORDS]
    if len(distinctive) < len(folded) and all(word in page.words for word in distinctive):
        return True  # "Eiffel Tower" in "la tour Eiffel": the category word is translated or dropped
    return any(alias in page.words or alias in page.text.split() for alias in ALIASES.get(phrase, ()))
