"""``fix`` on hostile pages takes linear time: thousands of citations in one list or one ref.

Every citation is edited, so each edit must find its place without
searching its neighbours (a list of 10x the citations must take about 10x,
not 100x, the time). Times are the process's CPU time, the best of a few runs, with
no wall-clock cut-off: on a machine loaded twenty deep a wall-clock budget
fails linear code, while a quadratic run here costs seconds, not minutes.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable
from datetime import date

import pytest
from hardening.scaling import MAX_RATIO, earlier_objects_frozen

from spector_refs.fix import citation_targets, fix
from spector_refs.model import LinkResult, Verdict


def _fix_all_dead(text: str) -> None:
    links = [LinkResult(t.url, Verdict.BROKEN, "gone", dead=True) for t in citation_targets(text)]
    result = fix(text, links, today=date(2026, 12, 1))
    assert len(result.changes) == len(links)


@pytest.mark.parametrize(
    "make",
    [
        pytest.param(
            lambda n: "".join(f"* {{{{cite web|url=http://x.example/{i}|title=T}}}}\n" for i in range(n)),
            id="sources-list",
        ),
        pytest.param(
            lambda n: "".join(f"{{{{cite web|url=http://x.example/{i}|title=T}}}}" for i in range(n)),
            id="one-line",
        ),
        pytest.param(
            lambda n: (
                "<ref>" + "".join(f"{{{{cite web|url=http://x.example/{i}}}}} " for i in range(n)) + "</ref>"
            ),
            id="one-ref",
        ),
    ],
)
def test_fix_is_linear(make: Callable[[int], str]) -> None:
    small, large = _cpu_seconds(make(150), 3), _cpu_seconds(make(1500), 2)
    ratio = large / max(small, 0.005)
    assert ratio <= MAX_RATIO, f"10x the citations took {ratio:.0f}x the CPU time ({small:.3f}s for 150)"


def _cpu_seconds(text: str, repeats: int) -> float:
    best = float("inf")
    with earlier_objects_frozen():
        for _ in range(repeats):
            gc.collect()
            start = time.process_time()
            _fix_all_dead(text)
            best = min(best, time.process_time() - start)
    return best
