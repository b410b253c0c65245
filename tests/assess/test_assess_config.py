"""AssessConfig checks itself on construction: values are normalised, bad ones name their key."""

from __future__ import annotations

from datetime import date

import pytest

from spector_refs.assess.config import SOURCE_KINDS, AssessConfig, SourceOverride
from spector_refs.errors import ConfigError
from spector_refs.model import Reliability, Severity


def test_defaults_make_blogs_weak_and_government_primary() -> None:
    config = AssessConfig()
    assert "blog" in config.weak_kinds and "news" not in config.weak_kinds
    assert "government" in config.primary_kinds
    assert config.weak_severity is Severity.WARNING


def test_values_are_normalised_whoever_builds_the_config() -> None:
    """Strings from a file or library code become the typed values the assessor compares."""
    config = AssessConfig(
        weak_severity="ERROR",  # type: ignore[arg-type]
        weak_kinds=["blog"],  # type: ignore[arg-type]
        weak_reliability=("no-consensus",),  # type: ignore[arg-type]
        lead_uncited=False,  # type: ignore[arg-type]
        infobox_uncited=True,  # type: ignore[arg-type]
        stale_access_days="off",  # type: ignore[arg-type]
        today=date(2024, 1, 31),  # type: ignore[arg-type]
        sources={"example-journal.org": {"reliability": "generally-reliable", "kind": "academic"}},  # type: ignore[dict-item]
    )
    assert config.weak_severity is Severity.ERROR
    assert config.weak_kinds == frozenset({"blog"})
    assert config.weak_reliability == frozenset({Reliability.NO_CONSENSUS})
    assert config.lead_uncited is None and config.infobox_uncited is Severity.INFO
    assert config.stale_access_days is None and config.today == "2024-01-31"
    assert config.sources == {
        "example-journal.org": SourceOverride(Reliability.GENERALLY_RELIABLE, "academic", None)
    }


@pytest.mark.parametrize(
    ("values", "key", "allowed"),
    [
        pytest.param({"weak_kinds": {"blgo"}}, "assess.weak-kinds", "blog", id="weak-kind"),
        pytest.param({"primary_kinds": "government"}, "assess.primary-kinds", "list", id="not-a-list"),
        pytest.param({"stale_access_days": -5}, "assess.stale-access-days", "≥ 0", id="negative-days"),
        pytest.param(
            {"weak_severity": "fatal"}, "assess.weak-severity", "error, warning, info", id="severity"
        ),
        pytest.param({"lead_uncited": "loud"}, "assess.lead-uncited", "error, warning, info", id="lead"),
        pytest.param(
            {"weak_reliability": ["good"]}, "assess.weak-reliability", "deprecated", id="reliability"
        ),
        pytest.param({"check_figures": "yes"}, "assess.check-figures", "true or false", id="flag"),
        pytest.param({"sanctioned_weak": 1}, "assess.sanctioned-weak", "true or false", id="sanctioned"),
        pytest.param({"today": "yesterday"}, "assess.today", "2024-01-31", id="today"),
        pytest.param({"source_data": ""}, "assess.source-data", "non-empty", id="source-data"),
        pytest.param(
            {"sources": {"x.org": {"reliability": "good"}}},
            'sources."x.org".reliability',
            "generally-reliable",
            id="override-reliability",
        ),
        pytest.param(
            {"sources": {"x.org": {"kind": "newspaper"}}},
            'sources."x.org".kind',
            "academic",
            id="override-kind",
        ),
        pytest.param(
            {"sources": {"x.org": {"colour": "red"}}},
            'sources."x.org"',
            "reliability, kind, reason",
            id="override-key",
        ),
    ],
)
def test_a_bad_value_names_its_key_and_what_is_allowed(values: dict, key: str, allowed: str) -> None:
    """``AssessConfig(weak_kinds={'blgo'})`` and ``stale_access_days=-5`` used to be accepted."""
    with pytest.raises(ConfigError) as info:
        AssessConfig(**values)
    message = str(info.value)
    assert message.startswith(f"{key}:"), message
    assert allowed in message


def test_every_source_kind_is_allowed_as_a_weak_or_primary_kind() -> None:
    assert AssessConfig(weak_kinds=frozenset(SOURCE_KINDS)).weak_kinds == frozenset(SOURCE_KINDS)
