"""AssessConfig: config tables become a typed config, bad keys become ConfigError naming the key."""

from __future__ import annotations

import pytest

from spector_refs.assess.config import AssessConfig, SourceOverride, config_from_mapping
from spector_refs.errors import ConfigError
from spector_refs.model import Reliability, Severity


def test_defaults_make_blogs_weak_and_government_primary() -> None:
    config = AssessConfig()
    assert "blog" in config.weak_kinds and "news" not in config.weak_kinds
    assert "government" in config.primary_kinds
    assert config.weak_severity is Severity.WARNING


def test_hyphenated_keys_and_sources_table() -> None:
    config = config_from_mapping(
        {"weak-severity": "error", "weak_kinds": ["blog"], "lead-uncited": False, "stale-access-days": 30},
        {"example-journal.org": {"reliability": "generally-reliable", "kind": "academic"}},
    )
    assert config.weak_severity is Severity.ERROR
    assert config.weak_kinds == frozenset({"blog"})
    assert config.lead_uncited is None
    assert config.stale_access_days == 30
    assert config.sources == {
        "example-journal.org": SourceOverride(Reliability.GENERALLY_RELIABLE, "academic", None)
    }


def test_true_means_info_for_lead_and_infobox() -> None:
    assert config_from_mapping({"infobox_uncited": True}).infobox_uncited is Severity.INFO


@pytest.mark.parametrize(
    ("table", "sources", "key"),
    [
        pytest.param({"weak_sevrity": "error"}, None, "weak_sevrity", id="typo"),
        pytest.param({"weak_severity": "fatal"}, None, "weak_severity", id="severity"),
        pytest.param({"weak_kinds": ["blogs"]}, None, "blogs", id="kind"),
        pytest.param({"weak_kinds": "blog"}, None, "weak_kinds", id="not-a-list"),
        pytest.param({"stale_access_days": -1}, None, "stale_access_days", id="days"),
        pytest.param({"today": "yesterday"}, None, "today", id="today"),
        pytest.param({}, {"x.org": {"reliability": "good"}}, "x.org", id="reliability"),
        pytest.param({}, {"x.org": {"kind": "newspaper"}}, "x.org", id="override-kind"),
        pytest.param({}, {"x.org": {"colour": "red"}}, "x.org", id="override-key"),
    ],
)
def test_bad_values_name_the_key(table: dict, sources: dict | None, key: str) -> None:
    with pytest.raises(ConfigError, match=key):
        config_from_mapping(table, sources)
