"""Unverified figures: paraphrases are no alarm, true mismatches are."""

from __future__ import annotations

import pytest

from spector_refs.assess.figures import extract_figures, unverified_figures
from spector_refs.assess.numbers import number_readings, read_quantities, spelt_number


@pytest.mark.parametrize(
    ("text", "values"),
    [
        ("53.4", {53.4}),
        ("53,4", {53.4}),
        ("1,234", {1234.0, 1.234}),
        ("1.234.567", {1234567.0}),
        ("1,234.5", {1234.5}),
        ("1.234,5", {1234.5}),
        ("1 234", {1234.0}),
    ],
)
def test_number_readings(text: str, values: set[float]) -> None:
    assert set(number_readings(text).values()) == values


@pytest.mark.parametrize(
    ("text", "value"),
    [("two hundred eighty-eight", 288), ("two hundred and eighty-eight", 288), ("nine", 9), ("a", None)],
)
def test_spelt_numbers(text: str, value: int | None) -> None:
    assert spelt_number(text) == value


def test_quantities_carry_scale_unit_and_currency() -> None:
    found = {m.group(0): q for m, q in read_quantities("$53.4 million, 53,4 Mio. Euro, 850 kilograms, 45 %")}
    assert found["$53.4 million"].values == {53.4e6} and found["$53.4 million"].dimension == "USD"
    assert found["53,4 Mio. Euro"].dimension == "EUR"
    assert found["850 kilograms"].dimension == "mass"
    assert found["45 %"].dimension == "percent"


def test_numbers_inside_names_are_no_figures() -> None:
    texts = [figure.text for figure in extract_figures("The J-CODE team fought COVID-19 with Local 3 News")]
    assert texts == []


def test_extracts_dates_amounts_years_and_names() -> None:
    figures = extract_figures("On May 2, 2023, Milomir Desnica paid $53 million for 850 kg in 2019.")
    kinds = {figure.text: figure.kind for figure in figures}
    assert kinds == {
        "May 2, 2023": "date",
        "$53 million": "amount",
        "850 kg": "quantity",
        "2019": "year",
        "Milomir Desnica": "name",
    }


SOURCE = (
    "Officials seized $53.4 million in cash and virtual currencies, 850 kilograms of drugs and 117 "
    "firearms. Two hundred eighty-eight vendors were arrested. Desnica, 33, ran the market. "
    "The U.S. Department of Justice announced the results on 2 May 2023. Revenue: 1,23 Mrd. EUR."
)


@pytest.mark.parametrize(
    "claim",
    [
        "the seizure of $53 million",
        "850 kg of drugs",
        "288 vendors were arrested",
        "owned by Milomir Desnica",
        "in the United States",
        "On May 2, 2023, the results were released",
        "results released in May 2023",
        "an estimated revenue of €1.23 billion",
        "117 guns",
    ],
)
def test_paraphrases_are_verified(claim: str) -> None:
    assert unverified_figures(claim, [SOURCE]) == []


@pytest.mark.parametrize(
    ("claim", "missing"),
    [
        ("the seizure of $63 million", "$63 million"),
        ("850 tonnes of drugs", "850 tonnes"),
        ("289 vendors were arrested", "289"),
        ("owned by Zoran Petrovic", "Zoran Petrovic"),
        ("On May 3, 2023, the results were released", "May 3, 2023"),
        ("revenue of $1.23 billion", "$1.23 billion"),
        ("founded in 2019", "2019"),
    ],
)
def test_mismatches_are_reported(claim: str, missing: str) -> None:
    assert [figure.text for figure in unverified_figures(claim, [SOURCE])] == [missing]


def test_a_figure_in_any_cited_source_is_verified() -> None:
    assert unverified_figures("288 vendors and 850 kg", ["288 vendors", "850 kilos"]) == []
    assert [f.text for f in unverified_figures("288 vendors and 850 kg", ["288 vendors"])] == ["850 kg"]


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        pytest.param("sentenced to 20 years", "He received a 20-year sentence.", id="hyphenated-number"),
        pytest.param("the vote was 52 to 48", "Lawmakers voted 52-48.", id="score"),
        pytest.param("the bridge is 1,280 metres long", "The span measures 4,200 feet.", id="feet"),
        pytest.param("the raid on 2 May 2023", "On May 2 police raided the flats.", id="year-less-date"),
        pytest.param("150,000 staff", "It has about 150 000 staff.", id="space-grouped"),
    ],
)
def test_source_side_forms(claim: str, source: str) -> None:
    assert unverified_figures(claim, [source]) == []


def test_a_year_less_date_does_not_cover_another_year() -> None:
    source = "On May 2 police raided the flats. The market opened in 2019."
    assert [f.text for f in unverified_figures("the raid on 2 May 2023", [source])] == ["2 May 2023"]


def test_space_groups_only_thousands() -> None:
    found = [m.group(0) for m, _ in read_quantities("in 2019 25 people and 1 234 567 others")]
    assert found == ["2019", "25", "1 234 567"]


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        pytest.param(
            "the plane carried 239 people", "It had 227 passengers and 12 crew on board.", id="sum-of-parts"
        ),
        pytest.param(
            "the 9/11 attacks", "The attacks of September 11 changed aviation.", id="month-day-in-claim"
        ),
        pytest.param(
            "the attacks of 11 September 2001", "The 9/11 attacks changed aviation.", id="month-day-source"
        ),
        pytest.param(
            "more than 1,000 flights", "Airlines cancelled over a thousand flights.", id="a-thousand"
        ),
        pytest.param("the 2024 Summer Olympics", "The Paris Games in 2024 drew crowds.", id="category-name"),
        pytest.param("the Eiffel Tower", "La tour Eiffel, Paris.", id="translated-category-word"),
        pytest.param("4,500 patients", "It tracked four and a half thousand patients.", id="and-a-half"),
    ],
)
def test_issue_15_paraphrases_are_verified(claim, source):
    assert unverified_figures(claim, [source]) == []


def test_a_sum_of_different_parts_is_still_a_mismatch():
    [figure] = unverified_figures("the plane carried 245 people", ["It had 227 passengers and 12 crew."])
    assert figure.text == "245"


@pytest.mark.parametrize(
    ("claim", "source"),
    [
        pytest.param(
            "a 35 percent rise", "Arrests rose by more than a third.", id="percent-against-share-word"
        ),
        pytest.param("two-thirds of the members", "67% of members voted for it.", id="share-word-in-claim"),
        pytest.param("one in five adults smoke", "22 per cent of adults smoke.", id="one-in-five"),
        pytest.param("40% of the seats", "The party won 41 of 102 seats.", id="count-of-count"),
        pytest.param("a thousand workers", "About 987 workers walked out.", id="a-thousand-rounds"),
        pytest.param("three million visitors", "It had 3.2 million visitors.", id="spelt-scale-rounds"),
        pytest.param("half a million people", "Some 500,000 people marched.", id="half-a-million"),
        pytest.param("the 2019–20 season", "Their 2019 season ran into 2020.", id="year-range"),
        pytest.param("at 10:30 a.m. on Monday", "At 9.30 GMT on Monday.", id="time-of-day"),
        pytest.param("Prime Minister Rishi Sunak said", "Sunak said so on Monday.", id="title-before-name"),
        pytest.param("Secretary of State Antony Blinken", "Blinken flew in.", id="title-with-of"),
        pytest.param(
            "the Hubble Space Telescope", "Discovery carried Hubble into orbit.", id="category-words-dropped"
        ),
        pytest.param(
            "the European Parliament approved", "MEPs approved the law.", id="acronym-inside-capitals"
        ),
        pytest.param("Meta Platforms (formerly Facebook Inc.) paid", "Facebook Inc. paid.", id="renamed"),
    ],
)
def test_issue_15_final_round_paraphrases_are_verified(claim, source):
    assert unverified_figures(claim, [source]) == []


@pytest.mark.parametrize(
    ("claim", "source", "missing"),
    [
        pytest.param(
            "a 45 percent rise", "Arrests rose by more than a third.", "45 percent", id="share-too-far"
        ),
        pytest.param(
            "two-thirds of the members", "Half of the members voted.", "two-thirds", id="other-share"
        ),
        pytest.param("one in five adults smoke", "30% of adults smoke.", "one in five", id="other-ratio"),
        pytest.param(
            "a thousand workers", "About 800 workers walked out.", "a thousand", id="round-word-far"
        ),
        pytest.param(
            "Prime Minister Rishi Sunak said", "Johnson said so on Monday.", "Rishi Sunak", id="other-person"
        ),
        pytest.param(
            "Meta Platforms (formerly Facebook Inc.) paid", "Google paid.", "Meta Platforms", id="renamed"
        ),
        pytest.param(
            "the European Parliament approved", "The Senate approved it.", "European Parliament", id="ep"
        ),
    ],
)
def test_issue_15_final_round_mismatches_are_reported(claim, source, missing):
    assert [figure.text for figure in unverified_figures(claim, [source])] == [missing]


def test_share_words_that_measure_nothing_are_no_figures():
    """ "a third term" is an ordinal use; "two" of "two-thirds" is never the number 2."""
    assert extract_figures("She won a third term, a two-thirds majority.") == []


@pytest.mark.parametrize(
    ("claim", "figures"),
    [
        pytest.param(
            "It weighed 155.6 kg (343 lb) and was 250 cm (98 in) long.", ["155.6 kg", "250 cm"], id="convert"
        ),
        pytest.param("Two four-eyed dogs guard the bridge.", ["Two", "four"], id="numbers-side-by-side"),
        pytest.param("twenty-four dogs", ["twenty-four"], id="compound"),
        pytest.param(
            "the Humane Society of the United States", ["Humane Society of the United States"], id="of-the"
        ),
    ],
)
def test_what_a_real_sentence_states(claim, figures):
    """A conversion in brackets is the article's arithmetic; particles join one name."""
    assert [figure.text for figure in extract_figures(claim)] == figures


def test_an_abbreviation_in_brackets_names_the_same_thing():
    claim = "The Humane Society of the United States (HSUS) estimates 3 million"
    assert unverified_figures(claim, ["HSUS puts it at 3 million."]) == []
    assert [f.text for f in unverified_figures(claim, ["Others put it at 3 million."])] == [
        "Humane Society of the United States"
    ]


def test_the_articles_own_subject_is_not_looked_for():
    """A source about Operation SpecTor may call it "the operation"; other names are still checked."""
    claim = "Operation SpecTor was coordinated by Europol with Zoran Petrovic"
    source = "Europol coordinated the operation in nine countries."
    flagged = unverified_figures(claim, [source], topic="Operation SpecTor")
    assert [figure.text for figure in flagged] == ["Zoran Petrovic"]
    assert [f.text for f in unverified_figures(claim, [source])] == ["Operation SpecTor", "Zoran Petrovic"]


@pytest.mark.parametrize(
    ("claim", "source", "missing"),
    [
        pytest.param(
            "the Department of Justice's J-CODE team", "The Justice Department said.", [], id="possessive"
        ),
        pytest.param(
            "owned by Milomir Desnic", "Milomir Desnica, 33, ran it.", ["Milomir Desnic"], id="whole-words"
        ),
    ],
)
def test_names_are_read_as_whole_words(claim, source, missing):
    assert [figure.text for figure in unverified_figures(claim, [source])] == missing
