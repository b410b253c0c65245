"""Issue 5 on the bundled Operation SpecTor article, parsed from its plain-text copy."""

from __future__ import annotations

from pathlib import Path

import pytest

import spector_refs
from spector_refs.assess import AssessConfig, assess
from spector_refs.model import Assessment, Reliability, Severity
from spector_refs.parse.text import parse_text

SEED = Path(spector_refs.__file__).parent / "data" / "operation_spector.txt"


@pytest.fixture(scope="module")
def seed() -> Assessment:
    article = parse_text(SEED.read_text(encoding="utf-8"), title="Operation SpecTor")
    return assess(article, config=AssessConfig(today="2024-02-01"))


def profile_of(seed: Assessment, number: int):
    ref = seed.article.reference(number)
    assert ref is not None
    return seed.profile(ref)


def claim_index(seed: Assessment, fragment: str) -> int:
    matches = [i for i, claim in enumerate(seed.article.claims) if fragment in claim.text]
    assert len(matches) == 1, fragment
    return matches[0]


def test_monero_claim_rests_only_on_a_self_published_blog(seed: Assessment) -> None:
    index = claim_index(seed, "and only accepted Monero")
    assert seed.article.claims[index].refs == (7,)
    weak = [f for f in seed.findings if f.kind == "weak-only" and f.claim == index]
    assert len(weak) == 1 and weak[0].severity is Severity.WARNING
    profile = profile_of(seed, 7)
    assert profile.kind == "blog" and profile.matched == "name:darknet pages"
    assert "self-published darknet news blog" in profile.reason and "title" in profile.reason


def test_citation_needed_claim_is_flagged(seed: Assessment) -> None:
    tagged = [f for f in seed.findings if f.kind == "citation-needed"]
    assert len(tagged) == 1
    assert seed.article.claims[tagged[0].claim].text.startswith("2021 Monopoly Market is shut down")


@pytest.mark.parametrize("number", [6, 10, 11])
def test_justice_gov_references_are_government_press_releases(seed: Assessment, number: int) -> None:
    profile = profile_of(seed, number)
    assert profile.kind == "press-release" and profile.matched == "justice.gov (title pattern)"
    assert "primary source" in profile.reason


def test_claims_resting_only_on_press_releases_are_primary_only(seed: Assessment) -> None:
    index = claim_index(seed, "pleads guilty to running Monopoly Market")
    primary = [f for f in seed.findings if f.kind == "primary-only" and f.claim == index]
    assert len(primary) == 1 and "ref 10" in primary[0].reason


@pytest.mark.parametrize(
    ("number", "matched", "reliability"),
    [
        (2, "reuters.com", Reliability.GENERALLY_RELIABLE),
        (3, "apnews.com", Reliability.GENERALLY_RELIABLE),
        (8, "cnbc.com", Reliability.UNKNOWN),
        (9, "wired.com", Reliability.GENERALLY_RELIABLE),
        (12, "fortune.com", Reliability.UNKNOWN),
    ],
)
def test_news_outlets_are_recognised(
    seed: Assessment, number: int, matched: str, reliability: Reliability
) -> None:
    profile = profile_of(seed, number)
    assert (profile.kind, profile.matched, profile.reliability) == ("news", matched, reliability)


def test_other_seed_sources(seed: Assessment) -> None:
    assert profile_of(seed, 1).matched == "eucrim.eu"
    assert profile_of(seed, 4).kind == "government"
    assert profile_of(seed, 5).matched == "local3news.com"
    assert profile_of(seed, 13).kind == "government"


def test_ref_13_has_a_generic_title(seed: Assessment) -> None:
    generic = [f for f in seed.findings if f.kind == "generic-title"]
    assert [f.reference for f in generic] == [13]
    assert "FBI Multimedia" in generic[0].reason


def test_ref_5_keeps_its_cs1_maintenance_message(seed: Assessment) -> None:
    maint = [f for f in seed.findings if f.kind == "cs1-maint"]
    assert [(f.reference, f.evidence) for f in maint] == [(5, ("CS1 maint: numeric names: authors list",))]


def test_infobox_facts_cited_in_the_body_are_not_reported(seed: Assessment) -> None:
    reported = {seed.article.claims[f.claim].text for f in seed.findings if f.kind == "uncited"}
    assert "Revenue~€1.23 billion" not in reported
    assert "OwnerMilomir Desnica" not in reported
    assert "Launched2019" not in reported
    assert all(seed.article.claims[f.claim].block == "infobox" for f in seed.findings if f.kind == "uncited")
