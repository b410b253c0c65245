"""Measure how a function's running time grows when its input grows tenfold.

Absolute times depend on the machine; the ratio between an input of size n
and one of size 10n does not. Times are the process's own CPU time, not wall
time, so other processes on a busy CI machine do not skew the ratio. Linear
code gives about 10, quadratic about 100, and catastrophic regex backtracking
far more, so a generous bound (25) separates them on any machine. n is raised
until the small input takes long enough to time reliably, and the large run is
cut off with :func:`time_limit` at 1.5 times the allowed ratio (5 to 15 s of
CPU time, so a loaded machine cuts off no linear run), so a regression fails
within seconds instead of stalling the suite.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass

from .checks import Hang, time_limit

MAX_RATIO = 25.0
_MIN_SMALL_SECONDS = 0.02
_MAX_SMALL_CHARS = 400_000
_TIMER_FLOOR = 0.005
_MIN_BUDGET = 5.0
_MAX_BUDGET = 15.0


@dataclass(frozen=True)
class Scaling:
    """One measurement: the sizes, the best times and their ratio."""

    small_chars: int
    small_seconds: float
    large_seconds: float

    @property
    def ratio(self) -> float:
        """Large over small time; a small time under 5 ms counts as 5 ms (timer and GC noise)."""
        return self.large_seconds / max(self.small_seconds, _TIMER_FLOOR)


@contextmanager
def earlier_objects_frozen() -> Iterator[None]:
    """Keep the objects that exist now out of every garbage collection until the block ends.

    A full collection walks every live object, and in the whole suite earlier
    tests leave hundreds of thousands alive (source lists, parsed pages,
    hypothesis state): each ``gc.collect()`` between timed runs then took
    longer than the runs themselves, and the linear-time tests took three to
    ten times as long as alone. Frozen, they are skipped; garbage made inside
    the block is still collected. Collections happen outside the timed code,
    so the figures do not change, only the wait.
    """
    gc.freeze()
    try:
        yield
    finally:
        gc.unfreeze()


def _best_time(run: Callable[[str], object], text: str, repeats: int) -> float:
    """The best of ``repeats`` runs, with the cyclic garbage collector paused.

    Full collections cost time in proportion to the objects alive, which a
    large parse has many of; they are amortised linear but make single
    timings jumpy. The guard is about the parser's own work.
    """
    best = float("inf")
    for _ in range(repeats):
        gc.collect()
        gc.disable()
        try:
            start = time.process_time()
            run(text)
            best = min(best, time.process_time() - start)
        finally:
            gc.enable()
    return best


def measure_scaling(run: Callable[[str], object], make: Callable[[int], str], n: int = 500) -> Scaling:
    """Time ``run(make(n))`` and ``run(make(10 n))``; n grows until the small run is timeable."""
    with earlier_objects_frozen():
        return _measure(run, make, n)


def _measure(run: Callable[[str], object], make: Callable[[int], str], n: int) -> Scaling:
    small = make(n)
    small_seconds = _best_time(run, small, 3)
    while small_seconds < _MIN_SMALL_SECONDS and len(small) < _MAX_SMALL_CHARS:
        n *= 4
        small = make(n)
        small_seconds = _best_time(run, small, 3)
    large = make(10 * n)
    budget = min(max(_MIN_BUDGET, small_seconds * MAX_RATIO * 1.5), _MAX_BUDGET)
    try:
        with time_limit(budget, cpu=True):
            large_seconds = _best_time(run, large, 1)
        if large_seconds < budget / 3:
            large_seconds = min(large_seconds, _best_time(run, large, 1))
    except Hang:
        large_seconds = budget
    return Scaling(len(small), small_seconds, large_seconds)
