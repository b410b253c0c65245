"""The labelled sets of ``benchmarks/sources.py`` parse, and their labels use the classifier's vocabularies.

A label outside the vocabularies (a misspelt kind, a decision the classifier never gives) would be
scored as a miss for ever without anyone noticing, so the benchmark's reader refuses it. The held-back
set also keeps the discipline of ``benchmarks/data/README.md``: no row on a host a tuned set has, each
URL once, each row naming its list, and no part in the ``tuned`` group. A held-back set whose misses
have been read joins ``tuned`` (held-back-3 to -6 did), and from then on it is a tuning set
like the others.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType
from urllib.parse import urlsplit

import pytest

ROOT = Path(__file__).parent.parent.parent


def _benchmark() -> ModuleType:
    """``benchmarks/sources.py`` as a module (the benchmarks are scripts, not a package)."""
    spec = importlib.util.spec_from_file_location("sources_benchmark", ROOT / "benchmarks" / "sources.py")
    assert spec and spec.loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # its dataclasses look their module up there
    spec.loader.exec_module(module)
    return module


BENCHMARK = _benchmark()
HELD_BACK = sorted(set(BENCHMARK.SETS) - set(BENCHMARK.GROUPS["tuned"]))
"""The sets nobody has tuned on yet."""


def _host(url: str) -> str:
    return (urlsplit(url).hostname or "").removeprefix("www.")


@pytest.mark.parametrize("name", sorted(BENCHMARK.SETS))
def test_every_set_parses_with_known_labels(name: str) -> None:
    rows = BENCHMARK.read_set(name)
    assert rows
    for row in rows:
        assert urlsplit(row.url).scheme in ("http", "https") and _host(row.url), row
        assert row.category and row.source, row


def test_a_label_outside_the_vocabularies_is_refused(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "bad.csv").write_text(
        "url,category,decision,kind,label_source\n"
        "https://example.org/,blog,weak,blog,a list\n"
        "https://example.net/,blog,weakish,blog,a list\n",
        encoding="utf-8",
    )
    monkeypatch.setattr(BENCHMARK, "DATA", tmp_path)
    monkeypatch.setitem(BENCHMARK.SETS, "bad", "bad.csv")
    with pytest.raises(ValueError, match=r"bad\.csv line 3: unknown label weakish/blog"):
        BENCHMARK.read_set("bad")


@pytest.mark.parametrize("name", ["heldback3", "heldback4", "heldback5", "heldback6"])
def test_a_measured_held_back_set_is_now_a_tuning_set(name: str) -> None:
    assert name in BENCHMARK.GROUPS["tuned"]


def test_all_leaves_out_a_held_back_set_not_yet_tuned() -> None:
    sets = ("dev", "dev2", "heldback5", "heldback7")
    assert BENCHMARK.every_set(sets, ("dev", "heldback5")) == ("dev", "dev2", "heldback5")
    assert not set(HELD_BACK) & set(BENCHMARK.GROUPS["all"])


_ALL_MEASURED = pytest.param(
    "", marks=pytest.mark.skip(reason="every held-back set is measured and tuned on")
)


@pytest.mark.parametrize("held_back", HELD_BACK or [_ALL_MEASURED])
def test_a_held_back_set_keeps_its_sampling_rule(held_back: str) -> None:
    rows = BENCHMARK.read_set(held_back)
    tuned = {_host(row.url) for name in BENCHMARK.GROUPS["tuned"] for row in BENCHMARK.read_set(name)}
    assert len({row.url for row in rows}) == len(rows)
    assert not {_host(row.url) for row in rows} & tuned
    assert {row.category for row in rows} == {
        "social", "blog", "wiki", "predatory", "government", "state-media", "press-release", "tabloid",
        "unreliable", "reliable",
    }  # fmt: skip
