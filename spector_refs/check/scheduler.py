"""Politeness without stalls: per-host limits that never hold other hosts back.

Reference lists are often grouped by site (ten links to one newspaper in a
row). A queue that hands jobs out in input order makes every worker wait
on that one busy host while the others sit idle. Here a worker asks for
*any* job whose host has a free slot and whose interval has passed, so the
global limit fills up across hosts and each host still sees at most
``per_host`` requests in flight, started at least ``interval`` apart.
"""

from __future__ import annotations

import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from typing import Generic, TypeVar

Job = TypeVar("Job")


class HostScheduler(Generic[Job]):
    """Jobs queued per host, handed to workers as hosts become free."""

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
        self._clock = clock
        self._cond = threading.Condition()
        self._queues: dict[str, deque[Job]] = {}
        self._in_flight: dict[str, int] = {}
        self._next_start: dict[str, float] = {}
        for host, job in jobs:
            self._queues.setdefault(host, deque()).append(job)

    def next_job(self) -> tuple[str, Job] | None:
        """A job whose host is free now (its slot taken); None when all are handed out."""
        with self._cond:
            while self._queues:
                now = self._clock()
                host = next((h for h in self._queues if self._is_free(h, now)), None)
                if host is not None:
                    queue = self._queues[host]
                    job = queue.popleft()
                    if not queue:
                        del self._queues[host]
                    self._take(host, now)
                    return host, job
                self._cond.wait(self._wait_time(self._queues, now))
            return None

    def acquire(self, host: str, deadline: float) -> bool:
        """Take a slot on ``host`` (for a redirect hop), waiting at most until ``deadline``."""
        with self._cond:
            while True:
                now = self._clock()
                if self._is_free(host, now):
                    self._take(host, now)
                    return True
                if now >= deadline:
                    return False
                self._cond.wait(min(deadline - now, self._wait_time((host,), now) or deadline - now))

    def release(self, host: str) -> None:
        with self._cond:
            self._in_flight[host] -= 1
            self._cond.notify_all()

    def pace(self, host: str, deadline: float) -> bool:
        """Wait for the interval before another request on a held slot; False past the deadline."""
        with self._cond:
            now = self._clock()
            start = max(now, self._next_start.get(host, now))
            if start > deadline:
                return False
            self._next_start[host] = start + self.interval
        if start > now:
            time.sleep(start - now)
        return True

    def back_off(self, host: str, seconds: float) -> None:
        """Hold every request to ``host`` for ``seconds`` (it answered 429 or 503)."""
        with self._cond:
            until = self._clock() + seconds
            self._next_start[host] = max(self._next_start.get(host, until), until)
            self._cond.notify_all()

    def in_flight(self, host: str) -> int:
        with self._cond:
            return self._in_flight.get(host, 0)

    def _is_free(self, host: str, now: float) -> bool:
        return self._in_flight.get(host, 0) < self.per_host and self._next_start.get(host, now) <= now

    def _take(self, host: str, now: float) -> None:
        self._in_flight[host] = self._in_flight.get(host, 0) + 1
        self._next_start[host] = now + self.interval

    def _wait_time(self, hosts: Iterable[str], now: float) -> float | None:
        """Until the earliest interval ends among hosts with a free slot; None waits for a release."""
        waits = [
            self._next_start.get(h, now) - now for h in hosts if self._in_flight.get(h, 0) < self.per_host
        ]
        return max(min(waits), 0.001) if waits else None


class HostSlot:
    """The one host slot a worker holds while checking one URL.

    Holding at most one slot at a time means a redirect from one host to
    another can never deadlock two workers waiting on each other's host.
    """

    def __init__(self, scheduler: HostScheduler, host: str):
        self._scheduler = scheduler
        self.host: str | None = host
        self._fresh = True

    def before_request(self, host: str, deadline: float) -> bool:
        """Make the next request to ``host`` polite; False if the deadline passes first."""
        if host != self.host:
            self.close()
            if not self._scheduler.acquire(host, deadline):
                return False
            self.host, self._fresh = host, True
        if self._fresh:
            self._fresh = False
            return True
        return self._scheduler.pace(host, deadline)

    def back_off(self, seconds: float) -> None:
        if self.host is not None:
            self._scheduler.back_off(self.host, seconds)

    def close(self) -> None:
        if self.host is not None:
            self._scheduler.release(self.host)
            self.host = None
