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
    """Jobs queued per host, handed to workers as hosts become free.

    A freed slot wakes one waiting worker, not all of them: with 64 workers
    a wake-everyone ``notify_all`` per finished request made each of them
    take the lock and rescan every host, which cost more CPU than the
    requests. Three rules keep one wake-up enough:

    * ``release`` wakes a redirect hop waiting for that very host first,
      else one idle worker if the host still has jobs queued;
    * a worker that takes a job passes the turn on (wakes one more) while
      other jobs could start now or need a timed wake-up nobody has set;
    * of the idle workers only the one with the earliest wake-up waits on
      a timer (a host's interval, a back-off), the others until woken.
    """

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
        self._lock = threading.Lock()
        self._idle = threading.Condition(self._lock)
        self._idle_workers = 0
        self._alarm: float | None = None
        self._hops: dict[str, threading.Condition] = {}
        self._hop_waiters: dict[str, int] = {}
        self._queues: dict[str, deque[Job]] = {}
        self._in_flight: dict[str, int] = {}
        self._next_start: dict[str, float] = {}
        for host, job in jobs:
            self._queues.setdefault(host, deque()).append(job)

    def next_job(self) -> tuple[str, Job] | None:
        """A job whose host is free now (its slot taken); None when all are handed out."""
        with self._lock:
            while self._queues:
                now = self._clock()
                host = self._free_host(now)
                if host is not None:
                    job = self._pop(host, now)
                    self._pass_turn(now)
                    return host, job
                self._wait_idle(now)
            return None

    def acquire(self, host: str, deadline: float) -> bool:
        """Take a slot on ``host`` (for a redirect hop), waiting at most until ``deadline``."""
        with self._lock:
            while True:
                now = self._clock()
                if self._is_free(host, now):
                    self._take(host, now)
                    return True
                if now >= deadline:
                    if self._is_free(host, now):
                        self._wake_for(host)  # the release that woke this hop must not be lost
                    return False
                wait = min(deadline - now, self._wait_time((host,), now) or deadline - now)
                condition = self._hops.setdefault(host, threading.Condition(self._lock))
                self._hop_waiters[host] = self._hop_waiters.get(host, 0) + 1
                try:
                    condition.wait(wait)
                finally:
                    self._hop_waiters[host] -= 1
                    if not self._hop_waiters[host]:
                        del self._hop_waiters[host], self._hops[host]

    def release(self, host: str) -> None:
        with self._lock:
            self._in_flight[host] -= 1
            self._wake_for(host)

    def pace(self, host: str, deadline: float) -> bool:
        """Wait for the interval before another request on a held slot; False past the deadline."""
        with self._lock:
            now = self._clock()
            start = max(now, self._next_start.get(host, now))
            if start > deadline:
                return False
            self._next_start[host] = start + self.interval
        if start > now:
            time.sleep(start - now)
        return True

    def back_off(self, host: str, seconds: float) -> None:
        """Hold every request to ``host`` for ``seconds`` (it answered 429 or 503).

        Only later starts move, so no waiting worker needs waking: one that
        wakes too early finds the host held and waits again.
        """
        with self._lock:
            until = self._clock() + seconds
            self._next_start[host] = max(self._next_start.get(host, until), until)

    def queued(self, host: str) -> int:
        """How many of ``host``'s jobs are not handed out yet."""
        with self._lock:
            return len(self._queues.get(host, ()))

    def in_flight(self, host: str) -> int:
        with self._lock:
            return self._in_flight.get(host, 0)

    def _free_host(self, now: float) -> str | None:
        """The first host in input order with jobs, a free slot and its interval passed.

        The hosts ahead of it are busy or waiting out an interval, so the
        scan is bounded by the requests in flight, not by the hosts queued.
        """
        return next((h for h in self._queues if self._is_free(h, now)), None)

    def _wake_for(self, host: str) -> None:
        """Wake one waiter that can use a slot on ``host``: a redirect hop first, else an idle worker."""
        if host in self._hops:
            self._hops[host].notify()
        elif host in self._queues and self._idle_workers:
            self._idle.notify()

    def _pop(self, host: str, now: float) -> Job:
        queue = self._queues[host]
        job = queue.popleft()
        if not queue:
            del self._queues[host]
            if not self._queues:
                self._idle.notify_all()  # the last job is out: every idle worker can stop
        self._take(host, now)
        return job

    def _pass_turn(self, now: float) -> None:
        """Wake one more idle worker if another job can start now or a timer is missing."""
        if not self._idle_workers or not self._queues:
            return
        if self._free_host(now) is not None or (self._alarm is None and self._wait_time(self._queues, now)):
            self._idle.notify()

    def _wait_idle(self, now: float) -> None:
        """Wait for a release; the idle worker with the earliest due time also sets a timer."""
        timeout = self._wait_time(self._queues, now)
        due = None if timeout is None else now + timeout
        self._idle_workers += 1
        try:
            if due is None or (self._alarm is not None and self._alarm <= due):
                self._idle.wait()
                return
            self._alarm = due
            self._idle.wait(timeout)
            if self._alarm == due:
                self._alarm = None
        finally:
            self._idle_workers -= 1

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
    ``host`` None holds no slot yet: the first request takes one.
    """

    def __init__(self, scheduler: HostScheduler, host: str | None):
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
