"""Checking the links of a whole dump: each URL once, each host on one worker.

The URLs of every article are gathered and deduplicated first (a URL cited
by ten thousand articles is checked once), then grouped by host, and the
hosts are dealt out to tasks so that every host belongs to exactly one
task. Each task runs the ordinary link checker, whose per-host scheduler
then enforces politeness for that host exactly, across the whole cluster,
with no distributed lock. Results go to the shared link history (SQLite on
one machine, PostgreSQL for a cluster), from which the audit tasks read them.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable

from spector_refs.check.checker import LinkChecker
from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.urls import host_key
from spector_refs.check.workers import host_shares
from spector_refs.model import LinkTarget, distinct_targets


def merge_targets(batches: Iterable[list[LinkTarget]]) -> list[LinkTarget]:
    """One target per distinct URL over all partitions, details merged."""
    return distinct_targets(target for batch in batches for target in batch)


def host_groups(targets: list[LinkTarget], groups: int) -> list[list[LinkTarget]]:
    """The targets split into at most ``groups`` lists, no host in two, sizes balanced."""
    shares = host_shares([(host_key(target.url), target) for target in targets], groups)
    return [[target for _, target in share] for share in shares]


def check_group(targets: list[LinkTarget], config: LinkCheckConfig) -> Counter[str]:
    """Check one group of hosts (a task), recording every result in the shared history."""
    with LinkChecker(config, processes=1) as checker:  # the engine's workers use the cores already
        return Counter(str(result.verdict) for result in checker.check(targets))
