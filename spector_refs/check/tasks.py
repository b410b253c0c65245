"""A check as a generator: it yields what it waits for, and whoever drives it does the waiting.

Following one URL waits on the network (a transfer), on politeness (a
turn on a host, an interval, a back-off), on another check (a host's
soft-404 probe asked by someone else) and on work that blocks (a DNS
lookup, the Wayback Machine's API). Written as generators that ``yield``
each of these, one chain's logic serves two drivers: :func:`run_blocking`
does each wait in place, on the calling thread, and
:class:`~spector_refs.check.loop.CurlLoop` keeps hundreds of chains waiting
at once on one thread, each transfer on libcurl's multi interface.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Protocol, TypeVar

if TYPE_CHECKING:
    from spector_refs.check.scheduler import HostSlot

T = TypeVar("T")


class Wait(Protocol):
    """What a task waits for; ``block`` does the waiting on the calling thread and returns the outcome."""

    def block(self) -> Any: ...


Task = Generator["Wait", Any, T]
"""A chain of work that yields a :data:`Wait` each time it must wait, and returns its result."""


@dataclass(eq=False)
class Turn:
    """Wait for a polite turn on ``host`` (``HostSlot.before_request``); False once ``deadline`` passed."""

    slot: HostSlot
    host: str
    deadline: float

    def block(self) -> bool:
        return self.slot.before_request(self.host, self.deadline)


@dataclass(eq=False)
class Call:
    """Wait for work that blocks (a DNS lookup, an API call): resumes with what ``function`` returns."""

    function: Callable[..., Any]
    args: tuple[Any, ...]

    def block(self) -> Any:
        return self.function(*self.args)


@dataclass(eq=False)
class Await:
    """Wait until ``event`` is set, at most ``timeout`` seconds; resumes with whether it was."""

    event: threading.Event
    timeout: float

    def block(self) -> bool:
        return self.event.wait(self.timeout)


def run_blocking(task: Task[T]) -> T:
    """Drive ``task`` on this thread, doing each wait in place (a transfer with ``curl.perform()``)."""
    value: Any = None
    while True:
        try:
            wait = task.send(value)
        except StopIteration as done:
            return done.value
        value = wait.block()
