"""Politeness without stalls: per-host limits that never hold other hosts back.

Reference lists are often grouped by site (ten links to one newspaper in a
row). A queue that hands jobs out in input order makes every check wait
on that one busy host while the others sit idle. Here the loop asks for
*any* job whose host has a free slot and whose interval has passed, so the
global limit fills up across hosts and each host still sees at most
``per_host`` requests in flight, started at least ``interval`` apart.

Nothing here waits: one thread (:class:`~spector_refs.check.loop.CurlLoop`)
owns the scheduler and asks it what may start now, and when to ask again.
"""

from __future__ import annotations

import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

Job = TypeVar("Job")


class HostScheduler(Generic[Job]):
    """Jobs queued per host, handed out as hosts become free; ``on_release`` hears of each freed slot."""

    def __init__(
        self,
        jobs: Iterable[tuple[str, Job]],
        *,
        per_host: int,
        interval: float,
        clock: Callable[[], float] = time.monotonic,
    ):
        self.per_host = per_host
        self.interval = interval
        self.clock = clock
        self.on_release: Callable[[str], None] = lambda host: None
        self._queues: dict[str, deque[Job]] = {}
        self._in_flight: dict[str, int] = {}
        self._next_start: dict[str, float] = {}
        for host, job in jobs:
            self._queues.setdefault(host, deque()).append(job)

    def next_job(self) -> tuple[str, Job] | None:
        """A job whose host is free now (its slot taken); None when none is, for now or for good."""
        now = self.clock()
        host = next((h for h in self._queues if self._is_free(h, now)), None)
        if host is None:
            return None
        queue = self._queues[host]
        job = queue.popleft()
        if not queue:
            del self._queues[host]
        self._take(host, now)
        return host, job

    @property
    def pending(self) -> bool:
        """Whether jobs are left to hand out."""
        return bool(self._queues)

    def next_due(self) -> float | None:
        """When a queued job's host next comes free by time alone (its interval, a back-off).

        None when every queued host is waiting for a release (or none is queued).
        The scan is over hosts with jobs queued, and only runs when no job could start.
        """
        return self.due(self._queues)

    def due(self, hosts: Iterable[str]) -> float | None:
        """The earliest moment one of ``hosts`` with a free slot may start a request."""
        now = self.clock()
        starts = [self._next_start.get(h, now) for h in hosts if self._in_flight.get(h, 0) < self.per_host]
        return min(starts) if starts else None

    def acquire(self, host: str) -> bool:
        """Take a slot on ``host`` (for a redirect hop) if one is free now."""
        now = self.clock()
        if not self._is_free(host, now):
            return False
        self._take(host, now)
        return True

    def release(self, host: str) -> None:
        self._in_flight[host] -= 1
        self.on_release(host)

    def pace(self, host: str, deadline: float) -> float | None:
        """Book the next start on a held slot, ``interval`` after the last: when; None past ``deadline``."""
        now = self.clock()
        start = max(now, self._next_start.get(host, now))
        if start > deadline:
            return None
        self._next_start[host] = start + self.interval
        return start

    def back_off(self, host: str, seconds: float) -> None:
        """Hold every request to ``host`` for ``seconds`` (it answered 429 or 503)."""
        until = self.clock() + seconds
        self._next_start[host] = max(self._next_start.get(host, until), until)

    def queued(self, host: str) -> int:
        """How many of ``host``'s jobs are not handed out yet."""
        return len(self._queues.get(host, ()))

    def in_flight(self, host: str) -> int:
        return self._in_flight.get(host, 0)

    def _is_free(self, host: str, now: float) -> bool:
        return self._in_flight.get(host, 0) < self.per_host and self._next_start.get(host, now) <= now

    def _take(self, host: str, now: float) -> None:
        self._in_flight[host] = self._in_flight.get(host, 0) + 1
        self._next_start[host] = now + self.interval


class HostSlot:
    """The one host slot a check holds while following one URL.

    Holding at most one slot at a time means a redirect from one host to
    another can never deadlock two checks waiting on each other's host.
    ``host`` None holds no slot yet: the first request takes one.
    """

    def __init__(self, scheduler: HostScheduler, host: str | None):
        self._scheduler = scheduler
        self.host: str | None = host
        self._fresh = True

    def turn(self, host: str, deadline: float) -> bool | float | None:
        """Whether the next request to ``host`` may go: True now, a later moment booked for it,
        None once a slot on ``host`` comes free (ask again), False when the deadline passed."""
        if host != self.host:
            self.close()
            if not self._scheduler.acquire(host):
                return False if self._scheduler.clock() >= deadline else None
            self.host, self._fresh = host, True
        if self._fresh:
            self._fresh = False
            return True
        start = self._scheduler.pace(host, deadline)
        if start is None:
            return False
        return True if start <= self._scheduler.clock() else start

    def back_off(self, seconds: float) -> None:
        if self.host is not None:
            self._scheduler.back_off(self.host, seconds)

    def close(self) -> None:
        if self.host is not None:
            self._scheduler.release(self.host)
            self.host = None
