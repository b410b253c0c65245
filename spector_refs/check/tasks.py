"""A check as a generator: it yields what it waits for, and whoever drives it does the waiting.

Following one URL waits on the network (a transfer), on politeness (a
turn on a host, an interval, a back-off), on another check (a host's
soft-404 probe asked by someone else) and on work that blocks (a DNS
lookup, the Wayback Machine's API). Written as generators that ``yield``
each of these, hundreds of checks wait at once on one thread:
:class:`~spector_refs.check.loop.CurlLoop` does the waiting, each transfer
on libcurl's multi interface.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Generator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, TypeVar

if TYPE_CHECKING:
    from spector_refs.check.scheduler import HostSlot

T = TypeVar("T")

Task = Generator[Any, Any, T]
"""A chain of work that yields what it must wait for (a :class:`Turn`, :class:`Call`, :class:`Await`,
:class:`Pause` or the transport's ``Perform``), is resumed with the outcome, and returns its result."""


@dataclass(eq=False)
class Turn:
    """Wait for a polite turn on ``host`` that ``slot.turn`` did not grant at once; resumes with True, or
    False once ``deadline`` passed.

    ``granted`` is what the slot said: a later moment booked for the request,
    or None (wait for a slot on ``host`` to come free). A check asks its slot
    itself and yields this only then: the turn of nearly every request is
    granted at once, and a trip through the loop for it cost each request
    an object and a resumption of every generator of the check.
    """

    slot: HostSlot
    host: str
    deadline: float
    granted: float | None


@dataclass(eq=False)
class Call:
    """Wait for work that blocks (a DNS lookup, an API call): resumes with what ``function`` returns."""

    function: Callable[..., Any]
    args: tuple[Any, ...]


@dataclass(eq=False)
class Await:
    """Wait until ``event`` is set, at most ``timeout`` seconds; resumes with whether it was."""

    event: threading.Event
    timeout: float


@dataclass(eq=False)
class Pause:
    """Let the requests that can go now go first, then resume (with None) for this check's CPU work.

    A check yields it after its last answer, once its host slot is given
    back and before it judges the page: on one thread, judging a burst of
    answers first held each host's next request back by the whole burst
    (a median 2.3 to 3.4 ms a request in the ``hosts`` benchmark, per host
    a wave, which is that scenario's critical path). The loop also takes
    back the check's place among the ``concurrency``: where that limit, not
    the host's, is the one that binds (the ``single`` benchmark), the next
    request otherwise still waited for the judging.
    """
