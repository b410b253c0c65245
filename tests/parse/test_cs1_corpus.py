"""The rendered-CS1 reader on real citations: every labelled line it was developed or tuned on.

Cases come from real rendered lines (see ``benchmarks/cs1_corpus.py``): the Dog page's 209
labelled cite elements (``tests/fixtures/cs1/dog_2018.json``, written by
``benchmarks/cs1_corpus.py --write-dev`` from the Parsoid fixture: the text a reader copies
from each ``cite`` element and, as labels, the template parameters Parsoid keeps beside it),
and the held-back sets (``held_back*.json``: "United States", "Cat", "New Zealand", "Galileo
Galilei", "Charles Darwin", two 2025 pages in the eighth and three in the ninth; labels from
COinS, for the fifth from the CS1 markup), each measured once; their misses were then fixed
or, for the ninth, turned out to be label-rule conflicts, so they belong here rather than in
a measure. Every line must give the labelled title — compared as the cited title
(``Reference.cited_title``, the label read by ``cs1_corpus.label_view``), and the container
where the label names one — first author and year, and, where the Dog template states them,
the publisher, place, edition, series, volume and first editor. The misses below are known
and explained.

Beside the real lines, ``tests/fixtures/cs1/spec_cases.json`` holds lines rendered by hand
from Module:Citation/CS1's order, one per parameter combination of cite book, thesis,
report, encyclopedia, conference, journal, magazine, press release, map and AV media, each
with the template it renders from; they must give every field they label too. Thirty more
(``spec_held_out.json``) were written before the parser ran on them and measured once.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from cs1_corpus import (
    DEV,
    HELD_BACK,
    HELD_BACK_2,
    HELD_BACK_3,
    HELD_BACK_4,
    HELD_BACK_5,
    HELD_BACK_6,
    HELD_BACK_7,
    HELD_BACK_8,
    HELD_BACK_9,
    HELD_BACK_10,
    HELD_BACK_11,
    ROOT,
    SPEC,
    SPEC_HELD_OUT,
    score,
    score_fields,
)


def _cases(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["cases"] if isinstance(data, dict) else data


SETS: tuple[Path, ...] = (DEV, HELD_BACK, HELD_BACK_2, HELD_BACK_3, HELD_BACK_4, HELD_BACK_5)
SETS += (HELD_BACK_6, HELD_BACK_7, HELD_BACK_8)  # book-weighted, each measured once, then tuned on
SETS += (HELD_BACK_9,)  # measured once; held to its labels since the cited-title view (cs1i)
SETS += (HELD_BACK_10,)  # measured once at ac2e217 (heldback14e), tuned on since (cs1j)
SETS += (HELD_BACK_11,)  # measured once at 789c085 (heldback14f); its misses are strict xfails
BOOK_KINDS = ("book", "report", "thesis", "conference", "encyclopaedia")
CASES = [case for path in SETS for case in _cases(path)]
SPEC_CASES = _cases(SPEC) + _cases(SPEC_HELD_OUT)
KNOWN_MISSES = {
    "book-id-param": "|id= is free text after the publisher, so it cannot be told from a bare publisher",
    "dog-90": "|title= holds '(1st ed.)', which renders exactly like CS1's edition",
    "dog-34": "|title= holds '(First Edition)', which renders exactly like CS1's edition",
    "ptb10-r196": "'(c. 2006)' read as 2006; its COinS has no date, so the label is null (flagged)",
    "pla11-r115": "a colon in an italic book title split as 'Place: Publisher'; publisher read as container",
    "pla11-r121": "a colon in a website name split as 'Place: Publisher'; its first half read as container",
    "ptb11-r27": "an abbreviated journal after '(PDF)' ('Pure Appl. Chem. 60 (3)') cut at its first stop",
}
LABEL_HOLDS_SERIES = {  # |volume= holds the series as well, so no reading of the line can equal it
    "dog-122": "Volume 28 of Developments in animal and veterinary sciences",
    "dog-167": "WHO Technical Report Series, 931",
}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(reason=KNOWN_MISSES[case["id"]], strict=True)]
            if case["id"] in KNOWN_MISSES
            else [],
        )
        for case in CASES + SPEC_CASES
    ],
)
def test_real_rendered_citation(case: dict) -> None:
    fields = score_fields(case)
    if case["id"] in LABEL_HOLDS_SERIES:
        assert case["fields"].pop("volume") == LABEL_HOLDS_SERIES[case["id"]]
        fields = score_fields(case)
    result = {**score(case), **fields}
    assert all(result.values()), f"{result}: {case['line']}"


def test_enough_book_cases() -> None:
    """Issue 14 asks for at least 150 real book, report, thesis and conference lines."""
    assert sum(case["kind"] in BOOK_KINDS for case in CASES) >= 150


def test_every_template_family_is_specified() -> None:
    """The grammar is held to each CS1 template with an italic or plain title, not only to books."""
    kinds = {case["kind"] for case in SPEC_CASES}
    assert {"book", "thesis", "report", "encyclopaedia", "conference", "map", "audio-visual"} <= kinds


def test_held_back_6_is_well_formed() -> None:
    """The sixth held-back set's shape (it is also held to its labels above, now that it is
    tuned on): every line is in Chromium's text of the page it came from, as the browser gives it."""
    cases = _cases(HELD_BACK_6)
    copy = (ROOT / "benchmarks" / "data" / "pages" / "galileo-2017.txt").read_text(encoding="utf-8")
    assert len({case["id"] for case in cases}) == len(cases) >= 100
    assert sum(case["kind"] in BOOK_KINDS for case in cases) >= 60
    assert all(
        case["expect"]["title"] and set(case["expect"]) == {"title", "author", "year"} for case in cases
    )
    assert [case["line"] for case in cases if case["line"] not in copy] == []
    assert sorted(case["number"] for case in cases if "number" in case) == list(range(1, 112))


def test_held_back_7_is_well_formed() -> None:
    """The seventh held-back set's shape (it is also held to its labels above, now that it is
    tuned on): unique ids, labels of title, first author and year, every line in Chromium's
    text of its page, one case per References entry."""
    cases = _cases(HELD_BACK_7)
    copy = (ROOT / "benchmarks" / "data" / "pages" / "darwin-2017.txt").read_text(encoding="utf-8")
    assert len({case["id"] for case in cases}) == len(cases) >= 100
    assert all(
        case["expect"]["title"] and set(case["expect"]) == {"title", "author", "year"} for case in cases
    )
    assert [case["line"] for case in cases if case["line"] not in copy] == []
    assert sorted(case["number"] for case in cases if "number" in case) == list(range(1, 55))


def test_held_back_8_is_well_formed() -> None:
    """The eighth held-back set (book-weighted, two 2025 pages) was landed before the parser ran on
    it: only its shape is checked (unique ids, at least 150 lines and 60 book-type ones, labels of
    title, first author and year, every line in Chromium's text of its page, one numbered case per
    References entry of the Newton page). Measured once at b74219b by ``cs1_corpus.py --set
    held-back-8`` (98.1 / 100 / 100); tuned on since cc3679e, so its lines are in ``CASES`` too."""
    cases = _cases(HELD_BACK_8)
    pages = ROOT / "benchmarks" / "data" / "pages"
    copies = {
        "nlm8": (pages / "newtons-laws-2025.txt").read_text(encoding="utf-8"),
        "sci8": (pages / "scientific-instrument-2025.txt").read_text(encoding="utf-8"),
    }
    assert len({case["id"] for case in cases}) == len(cases) >= 150
    assert sum(case["kind"] in BOOK_KINDS for case in cases) >= 60
    assert all(
        case["expect"]["title"] and set(case["expect"]) == {"title", "author", "year"} for case in cases
    )
    assert [case["id"] for case in cases if case["line"] not in copies[case["id"][:4]]] == []
    assert sorted(case["number"] for case in cases if "number" in case) == list(range(1, 144))


def test_held_back_9_is_well_formed() -> None:
    """The ninth held-back set (three 2025 pages: Taxonomy whole, a run of Gravity, Atom's book
    lists) was landed before the parser ran on it: only its shape is checked (unique ids, at least
    140 lines and 60 book-type ones, labels of title, first author and year, every Taxonomy line
    in Chromium's text of its page, one numbered case per References entry with a citation).
    Measured once at cc3679e (98.7 / 100 / 100); its two misses were label-rule conflicts, which
    the cited-title view (``cs1_corpus.label_view``) scores alike, so it is in ``CASES`` since cs1i."""
    cases = _cases(HELD_BACK_9)
    copy = (ROOT / "benchmarks" / "data" / "pages" / "taxonomy-2025.txt").read_text(encoding="utf-8")
    assert len({case["id"] for case in cases}) == len(cases) >= 140
    assert sum(case["kind"] in BOOK_KINDS for case in cases) >= 60
    assert all(
        case["expect"]["title"] and set(case["expect"]) == {"title", "author", "year"} for case in cases
    )
    assert [case["id"] for case in cases if case["id"].startswith("tax9") and case["line"] not in copy] == []
    without_citation = {19, 22, 23, 31, 32, 33}
    numbers = sorted(case["number"] for case in cases if "number" in case)
    assert numbers == [number for number in range(1, 104) if number not in without_citation]


@pytest.mark.parametrize(
    ("held_back", "page", "prefix", "entries", "uncited"),
    [
        # four 2025 pages; measured once at ac2e217 (98.7 / 100 / 99.4), tuned on since (cs1j)
        (HELD_BACK_10, "work-2025.txt", "wrk10", 30, 24),
        # three 2025 pages; measured once at 789c085 (100 / 100 / 100, containers 147/150)
        (HELD_BACK_11, "plant-2025.txt", "pla11", 146, 31),
    ],
    ids=["held-back-10", "held-back-11"],
)
def test_fresh_held_back_set_is_well_formed(
    held_back: Path, page: str, prefix: str, entries: int, uncited: int
) -> None:
    """A held-back set written by an engineer who did not write the parser is landed before the
    parser runs on it, so its shape is checked on its own: unique ids, at least 150 lines and 60
    book-type ones, labels of title, first author and year with the cited piece's own title and
    its container beside them, every line of its page copy in Chromium's text of that page, one
    numbered case per References entry of the page that holds a citation. Once measured, the set
    is held to its labels by the tests above (misses as strict xfails)."""
    cases = _cases(held_back)
    copy = (ROOT / "benchmarks" / "data" / "pages" / page).read_text(encoding="utf-8")
    assert len({case["id"] for case in cases}) == len(cases) >= 150
    assert sum(case["kind"] in BOOK_KINDS for case in cases) >= 60
    assert all(
        case["expect"]["title"] and case["expect"]["cited_title"]
        and set(case["expect"]) == {"title", "author", "year", "cited_title", "container"}
        for case in cases
    )  # fmt: skip
    assert [case["id"] for case in cases if case["id"].startswith(prefix) and case["line"] not in copy] == []
    numbers = sorted(case["number"] for case in cases if "number" in case)
    assert numbers == [number for number in range(1, entries + 1) if number != uncited]
