"""``fix`` on hostile pages takes linear time: thousands of citations in one list or one ref.

Every citation is edited, so each edit must find its place without
searching its neighbours (a list of 10x the citations must take about 10x,
not 100x, the time).
"""

from __future__ import annotations

from datetime import date

import pytest
from hardening.scaling import MAX_RATIO, measure_scaling

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
def test_fix_is_linear(make) -> None:
    scaling = measure_scaling(_fix_all_dead, make, n=50)
    assert scaling.ratio <= MAX_RATIO, f"10x the citations took {scaling.ratio:.0f}x the time"
