"""Better BibTeX style citation keys: form, clashes and stability."""

from __future__ import annotations

from export_helpers import load_case
from hypothesis import given
from hypothesis import strategies as st

from spector_refs.export.keys import base_key, citation_keys, fold
from spector_refs.model import Name, Reference


def test_seed_keys() -> None:
    refs, _ = load_case("seed")
    assert citation_keys(refs) == [
        "EndMonopolyMarket",
        "EuropolLedSting",
        "SuspectedAdminDark2023",
        "288DarkWeb",
        "local3newsLargestInternationalOperation2023",
        "DistrictColumbiaCitizen2023",
        "mradminMonopolyMarketCartel2022",
        "goswamiDrugsGunsCrypto2023",
        "greenbergCopsJustRevealed",
        "DistrictColumbiaSerbian2023",
        "OfficePublicAffairs2023",
        "300ArrestedCrackdown",
        "FBIMultimedia",
    ]


def test_key_is_ascii_folded_and_free_of_forbidden_characters() -> None:
    ref = Reference(
        1,
        authors=(Name("Müller-Lüdenscheidt", "Jürgen"),),
        title='Ça "va" {bien}, n\'est-ce pas?',
        date="2020",
    )
    key = base_key(ref)
    assert key == "muellerluedenscheidtCaVaBien2020"
    assert key.isascii() and not set(key) & set("\\\"#%'(),={}~ ")


def test_fold() -> None:
    assert fold("Ärger Straße Łódź café") == "Aerger Strasse Lodz cafe"


def test_clashes_get_suffixes_compared_case_insensitively() -> None:
    same = Reference(1, authors=(Name("Smith", "J"),), title="Dark web", date="2020")
    shouting = Reference(2, authors=(Name("SMITH", "J"),), title="DARK WEB", date="2020")
    assert citation_keys([same, same, shouting]) == [
        "smithDarkWeb2020",
        "smithDarkWeb2020a",
        "smithDARKWEB2020b",
    ]


def test_reference_with_nothing_to_build_a_key_from() -> None:
    assert citation_keys([Reference(7), Reference(8, raw="Smith 2009")]) == ["ref7", "ref8"]


_titles = st.lists(
    st.sampled_from(["Dark", "web", "market", "Europol", "the", "seized", "Ünion"]), max_size=4
)
_refs = st.builds(
    lambda number, family, words, year: Reference(
        number,
        authors=(Name(family),) if family else (),
        title=" ".join(words) or None,
        date=year,
    ),
    st.integers(1, 500),
    st.sampled_from([None, "Smith", "Doe", "Müller"]),
    _titles,
    st.sampled_from([None, "2020", "2023-05-02"]),
)


@given(st.lists(_refs, max_size=12), st.data())
def test_adding_an_unrelated_reference_never_renames_existing_ones(
    refs: list[Reference], data: st.DataObject
) -> None:
    before = citation_keys(refs)
    newcomer = Reference(999, authors=(Name("Zygmunt"),), title=data.draw(st.sampled_from(["Quux", "Zebra"])))
    position = data.draw(st.integers(0, len(refs)))
    after = citation_keys([*refs[:position], newcomer, *refs[position:]])
    assert after[:position] + after[position + 1 :] == before
    assert len({key.lower() for key in after}) == len(after)


@given(st.lists(_refs, max_size=12), _refs)
def test_appending_even_a_clashing_reference_keeps_existing_keys(
    refs: list[Reference], extra: Reference
) -> None:
    before = citation_keys(refs)
    after = citation_keys([*refs, extra])
    assert after[:-1] == before
    assert after[-1].lower() not in {key.lower() for key in before}
