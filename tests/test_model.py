"""The shared data model: one target per URL, and every record reachable from ``spector_refs.model``."""

from __future__ import annotations

import dataclasses
from importlib import import_module

import pytest

import spector_refs.model as model
from spector_refs.model import LinkTarget, distinct_targets


def test_distinct_targets_strip_urls_merge_details_and_keep_first_seen_order() -> None:
    cited = LinkTarget("https://example.org/a", title="A report", date="2023-05-02")
    archived = LinkTarget(" https://example.org/a\n", archive_url="https://web.archive.org/web/2023/x")
    result = distinct_targets([" https://example.org/b ", archived, cited, "  ", "https://example.org/b"])
    assert [target.url for target in result] == ["https://example.org/b", "https://example.org/a"]
    assert result[1] == LinkTarget(
        "https://example.org/a",
        archive_url="https://web.archive.org/web/2023/x",
        title="A report",
        date="2023-05-02",
    )


def test_a_target_with_nothing_to_strip_is_kept_as_it_is() -> None:
    """Frozen records need no copy: the run passes every target through here two or three times."""
    target = LinkTarget("https://example.org/a", title="A report")
    assert distinct_targets([target])[0] is target


def test_every_exported_record_loads_on_first_use() -> None:
    names = model._EXPORTS
    assert set(names) <= set(dir(model))
    for name, module in names.items():
        assert getattr(model, name) is getattr(import_module(module), name)
    records = [value for value in map(vars(model).get, names) if isinstance(value, type)]
    assert len(records) == 13 and all(dataclasses.is_dataclass(record) for record in records)
    assert all(record.__dataclass_params__.frozen for record in records)  # type: ignore[attr-defined]


@pytest.mark.parametrize(
    ("fields", "view"),
    [
        pytest.param({"chapter": "Mechanics", "title": "EB"}, ("Mechanics", "EB"), id="chapter-in-book"),
        pytest.param({"title": "Mechanics", "work": "EB"}, ("Mechanics", "EB"), id="entry-in-work"),
        pytest.param({"chapter": "Mechanics", "work": "EB"}, ("Mechanics", "EB"), id="entry-no-title"),
        pytest.param({"title": "Principia"}, ("Principia", None), id="whole-book"),
    ],
)
def test_both_readings_of_a_quoted_part_before_a_plain_one_give_one_view(
    fields: dict[str, str], view: tuple[str, str | None]
) -> None:
    """'"X". Y.' is chapter X of book Y or entry X of work Y: the cited title and container agree."""
    ref = model.Reference(1, **fields)
    assert (ref.cited_title, ref.container) == view
