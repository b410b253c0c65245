"""The soft-404 corpus through the real checker: recall of 95 % or more, and no false alarm.

Each split is served by ``soft404_world`` (one loopback port per site); the
figures per CMS and language come from ``benchmarks/soft404.py``.
"""

from __future__ import annotations

from contextlib import ExitStack

import pytest
from soft404_world import CORPUS, SPLITS, serve

from spector_refs.check import check_links
from spector_refs.model import Verdict


@pytest.mark.parametrize("split", SPLITS)
def test_corpus_recall_and_no_false_alarm(split, loopback_config):
    if not (CORPUS / split / "sites.json").exists():
        pytest.skip(f"the {split} corpus is not built yet")
    with ExitStack() as stack:
        cases = serve(split, stack)
        verdicts = {r.url: r.verdict for r in check_links([c.url for c in cases], loopback_config)}
    soft = [c for c in cases if c.label == "soft-404"]
    caught = [c for c in soft if verdicts[c.url] is Verdict.SOFT_404]
    alarms = [c.site for c in cases if c.label == "ok" and verdicts[c.url] is Verdict.SOFT_404]
    assert len(caught) >= 0.95 * len(soft), [c.site for c in soft if c not in caught]
    assert alarms == []
