"""One thread drives every check of a process: libcurl's multi interface, a few timers, a small pool.

Worker threads, one per check in flight, cost more CPU than the requests:
every Python step of 64 to 128 threads queued on one interpreter lock was
two to three times dearer than the same step on one thread, and each freed
host slot had to wake a thread. Here each check is a generator
(:mod:`~spector_refs.check.tasks`) and :class:`CurlLoop` does its waiting:

* a transfer (``Perform``) is an easy handle added to one ``CurlMulti``,
  whose sockets libcurl hands to this loop (the socket interface, so a
  wake-up touches only the transfers that have something to do) and
  whose next timeout the loop asks for before each wait;
* a polite turn that a check's slot could not grant at once (``Turn``) is
  booked for a later moment (a timer), or waits for a slot on its host,
  which a freed slot on that host offers before any new job may take it;
* a new connection is begun without blocking by the transfer, to the
  vetted address only; unless it was made at once, the loop takes the
  handle out of libcurl, waits for the socket to be writable (or for the
  connect timeout) beside libcurl's sockets and adds the handle again,
  connected, so a first wave of requests goes out at once;
* work that blocks (``Call``: a DNS lookup, the Wayback Machine) runs in
  a small thread pool, made at its first use, and resumes its check when
  done;
* another check's soft-404 probe (``Await``) is looked at every few
  milliseconds until it is in or the wait times out;
* a check done with the network (``Pause``) gives back its place among
  the ``concurrency`` and its host slot, and judges its page only when
  nothing on its way to the network is left: the freed slot's next request
  (a waiting hop's, else a new job's) goes out first, and the watch is
  looked at again between two judgings. A paused check that asks the
  network again (its host's soft-404 probe) waits for a place.

Jobs start from the :class:`~spector_refs.check.scheduler.HostScheduler`
whenever fewer than ``concurrency`` checks hold a place and a host is free.
"""

from __future__ import annotations

import contextlib
import heapq
import itertools
import queue
import socket
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, TypeVar

import pycurl

from spector_refs.check.http import CURL_ABORTED, Perform, connect_state
from spector_refs.check.scheduler import HostScheduler
from spector_refs.check.tasks import Await, Call, Pause, Task, Turn
from spector_refs.check.watch import IN, OUT, socket_watch

Job = TypeVar("Job")
Start = Callable[[str, Any], Task[None]]
"""``start(host, job)``: the check of one job, whose slot on ``host`` the scheduler has taken."""
Then = Callable[[Any, BaseException | None], None]
"""``then(value, failure)``: what to do with what blocking work returned, or raised."""
_Work = tuple[Callable[..., Any], tuple[Any, ...], Then]

THREADS = 4
"""Threads for work that blocks: DNS lookups and Wayback calls, rare next to requests."""
AWAIT_POLL = 0.005
"""How often a check waiting for another's soft-404 probe looks again (seconds)."""
TICK = 1.0
"""How often the loop looks for transfers whose server fell silent (see ``_stop_silent``)."""
_CURL_COULDNT_CONNECT = 7
_EVENTS = {pycurl.POLL_IN: IN, pycurl.POLL_OUT: OUT, pycurl.POLL_INOUT: IN | OUT}


def _action(ready: int, wanted: int) -> int:
    """libcurl's ``CSELECT`` bits for what ``epoll`` reported on a socket watched for ``wanted``.

    As :mod:`selectors` reads it: a hang-up or an error makes a socket both
    readable and writable, for whichever of the two libcurl waits for.
    """
    if ready & ~IN:
        ready |= OUT
    if ready & ~OUT:
        ready |= IN
    ready &= wanted
    return (pycurl.CSELECT_IN if ready & IN else 0) | (pycurl.CSELECT_OUT if ready & OUT else 0)


def _not_running(host: str, job: Any) -> Task[None]:
    raise AssertionError("a check starts only while the loop runs")


class _Raise:
    """What blocking work raised, to be raised in the check that waited for it."""

    __slots__ = ("failure",)

    def __init__(self, failure: BaseException):
        self.failure = failure


class _Pool:
    """A few daemon threads for work that blocks; each result goes to ``done`` from the thread that made it.

    What :class:`concurrent.futures.ThreadPoolExecutor` did here, without
    importing it: ``concurrent.futures`` loads ``logging``, ~8 ms of every
    run's way to its first request, for a queue and a few threads. Threads
    start as work comes, up to ``threads``. Daemon threads, so a lookup still
    under way never holds up the end of the program (``cli._leave``); work
    not yet started when the pool is closed is dropped.
    """

    def __init__(self, threads: int, done: Callable[[Then, Any, BaseException | None], None]):
        self._work: queue.SimpleQueue[_Work | None] = queue.SimpleQueue()
        self._threads, self._started, self._done = threads, 0, done

    def submit(self, function: Callable[..., Any], args: tuple[Any, ...], then: Then) -> None:
        self._work.put((function, args, then))
        if self._started < self._threads:
            self._started += 1
            threading.Thread(target=self._serve, daemon=True, name=f"spector-links_{self._started}").start()

    def close(self) -> None:
        with contextlib.suppress(queue.Empty):
            while True:
                self._work.get_nowait()
        for _ in range(self._started):
            self._work.put(None)

    def _serve(self) -> None:
        while (item := self._work.get()) is not None:
            function, args, then = item
            try:
                value, failure = function(*args), None
            except BaseException as exc:  # raised in the check that waited for it (_Raise)
                value, failure = None, exc
            self._done(then, value, failure)


class _HopWait:
    """A check waiting for a slot on ``turn.host``: retried when one is freed or its timer rings."""

    __slots__ = ("done", "task", "turn")

    def __init__(self, task: Task[Any], turn: Turn):
        self.task, self.turn, self.done = task, turn, False


class CurlLoop:
    """Drives checks started from ``scheduler``'s jobs until every job is done.

    ``idle`` is work that only the answers need (importing their judges), in
    steps, done while the first answers travel instead of before the first
    requests: a step runs when nothing is ready and every transfer in flight
    has sent its request (or a paused check is waiting to be judged), and
    the network is looked at between two steps, as between two judgings.
    """

    def __init__(
        self,
        scheduler: HostScheduler[Any],
        *,
        threads: int = THREADS,
        idle: Iterable[Callable[[], object]] = (),
    ):
        self.scheduler = scheduler
        self._threads = threads
        self._idle = deque(idle)
        self._multi = pycurl.CurlMulti()
        self._multi.setopt(pycurl.M_SOCKETFUNCTION, self._on_socket)
        self._watch = socket_watch()
        self._wake_in, self._wake_out = socket.socketpair()
        self._wake_in.setblocking(False)
        self._wake_fd = self._wake_in.fileno()
        self._watch.register(self._wake_fd, IN)
        self._sockets: dict[int, int] = {}  # libcurl's sockets: the events it waits for on each
        self._connecting: dict[int, tuple[Task[Any], Perform]] = {}  # begun connections, by socket
        self._transfers: dict[pycurl.Curl, tuple[Task[Any], Perform]] = {}
        self._ready: deque[tuple[Task[Any], Any]] = deque()  # steps on the way to the network
        self._judging: deque[Task[Any]] = deque()  # paused checks: CPU work, when nothing else is ready
        self._placeless: set[Task[Any]] = set()  # checks that gave their place back when they paused
        self._placing: deque[tuple[Task[Any], Perform]] = deque()  # such checks' requests, for a place
        self._wanting: dict[pycurl.Curl, tuple[Task[Any], Perform]] = {}
        self._starting: list[Perform] = []
        self._timers: list[tuple[float, int, Callable[[], None]]] = []
        self._order = itertools.count()
        self._hops: dict[str, deque[_HopWait]] = {}
        self._freed: list[str] = []
        self._awaits: list[tuple[Task[Any], Await, float]] = []
        self._finished: deque[tuple[Then, Any, BaseException | None]] = deque()
        self._pool: _Pool | None = None
        self._live = 0
        self._start: Start = _not_running
        self._concurrency = 0
        self._next_tick = 0.0
        scheduler.on_release = self._release

    def run(self, start: Start, concurrency: int) -> None:
        """Check every job, at most ``concurrency`` at once; a check's exception ends the run with it."""
        self._start, self._concurrency = start, concurrency
        while True:
            self._step_ready()
            self._serve_freed()
            if self._awaits:
                self._check_awaits(time.monotonic())
            self._fill()
            if self._ready:
                continue
            if self._idle and (self._judging or self._all_sent()):
                if not self._network_first():
                    self._idle.popleft()()
                continue
            if self._judging:
                if not self._network_first():
                    self._step(self._judging.popleft(), None)
                continue
            if not self._live and not self._placeless and not self.scheduler.pending:
                return
            self._wait(self._timeout())

    def close(self) -> None:
        for curl in self._transfers:
            self._multi.remove_handle(curl)
        self._transfers.clear()
        for _, perform in self._connecting.values():
            if (sock := perform.transfer.connecting) is not None:
                sock.close()  # a connection still being made
        self._multi.close()
        self._watch.close()
        self._wake_in.close()
        self._wake_out.close()
        if self._pool is not None:
            self._pool.close()

    def _fill(self, *, first: bool = False) -> None:
        """Give free places to paused checks' requests, then start checks while a host is free
        (``first``: run them next) and fewer than ``concurrency`` paused checks wait beside them.

        A paused check holds its answer (up to ``max_body_bytes``) until it is
        judged. Without that bound a process whose network outruns its judging
        (a CPU-bound worker of a big run) would start every job of its share
        and hold every answer at once; with it, at most twice ``concurrency``
        checks are under way.
        """
        while self._placing and self._live < self._concurrency:
            task, perform = self._placing.popleft()
            self._placeless.remove(task)
            self._live += 1
            perform.time_out_at_deadline(time.monotonic())
            self._perform(task, perform)
            self._run_due()
        while (
            self._live < self._concurrency
            and self._live + len(self._placeless) < 2 * self._concurrency
            and (item := self.scheduler.next_job()) is not None
        ):
            self._live += 1
            if first:
                self._ready.appendleft((self._start(*item), None))
            else:
                self._ready.append((self._start(*item), None))

    def _step_ready(self) -> None:
        while self._ready:
            self._step(*self._ready.popleft())

    def _network_first(self) -> bool:
        """Before a step of CPU work (judging, idle): serve what came meanwhile; whether it readied a step.

        An answer that came while a burst was being judged waited for the
        whole burst, and the next request of its slot with it.
        """
        events = self._watch.poll(0)
        if events or (self._timers and self._timers[0][0] <= time.monotonic()):
            self._handle(events)
        return bool(self._ready)

    def _step(self, task: Task[Any], value: Any) -> None:
        try:
            wait = task.throw(value.failure) if isinstance(value, _Raise) else task.send(value)
        except StopIteration:
            if task in self._placeless:
                self._placeless.remove(task)
            else:
                self._live -= 1
            return
        if isinstance(wait, Perform):
            if task in self._placeless:  # paused once, it asks the network again (a soft-404 probe)
                self._placing.append((task, wait))
                self._fill(first=True)
                return
            self._perform(task, wait)
            self._run_due()  # send it now, not after the rest of the queue
        elif isinstance(wait, Pause):  # its place and freed slot to the next request, its judging after
            if task not in self._placeless:
                self._live -= 1
                self._placeless.add(task)
            self._judging.append(task)
            if self._freed:
                self._serve_freed()
            self._fill(first=True)
        elif isinstance(wait, Turn):
            self._turn(task, wait, wait.granted)
        elif isinstance(wait, Call):
            self._call(wait.function, wait.args, partial(self._resume, task))
        elif isinstance(wait, Await):
            self._awaits.append((task, wait, time.monotonic() + wait.timeout))
        else:
            raise TypeError(f"a check waited for {wait!r}, which the loop does not know")

    def _resume(self, task: Task[Any], value: Any, failure: BaseException | None) -> None:
        """Resume ``task`` with what blocking work returned; what it raised is raised in the task."""
        self._ready.append((task, value if failure is None else _Raise(failure)))

    # -- politeness ------------------------------------------------------------------------

    def _turn(self, task: Task[Any], turn: Turn, granted: bool | float | None) -> None:
        """Resume ``task`` with what its slot said (``HostSlot.turn``): at once, at the moment booked,
        or once a slot on the host comes free (then asked again)."""
        if isinstance(granted, bool):
            self._ready.appendleft((task, granted))
        elif granted is not None:
            self._at(granted, lambda: self._ready.append((task, True)))
        else:
            wait = _HopWait(task, turn)
            self._hops.setdefault(turn.host, deque()).append(wait)
            due = self.scheduler.due((turn.host,))
            self._at(min(due or turn.deadline, turn.deadline), lambda: self._retry(wait))

    def _retry(self, wait: _HopWait) -> None:
        if not wait.done:
            wait.done = True
            turn = wait.turn
            self._turn(wait.task, turn, turn.slot.turn(turn.host, turn.deadline))

    def _release(self, host: str) -> None:
        self._freed.append(host)  # served at once when its check pauses, else before the next fill

    def _serve_freed(self) -> None:
        """Offer each freed slot to a check waiting for that host, before any new job can take it."""
        freed, self._freed = self._freed, []
        for host in freed:
            waits = self._hops.get(host)
            while waits and self.scheduler.in_flight(host) < self.scheduler.per_host:
                self._retry(waits.popleft())
            if waits is not None and not waits:
                del self._hops[host]

    # -- transfers -------------------------------------------------------------------------

    def _perform(self, task: Task[Any], perform: Perform) -> None:
        perform.transfer.connect_later = self._want_connection
        self._transfers[perform.curl] = (task, perform)
        self._starting.append(perform)
        self._multi.add_handle(perform.curl)

    def _want_connection(self, curl: pycurl.Curl) -> None:
        """From the transfer's open-socket callback: its connection is begun (or failed), libcurl refused."""
        self._wanting[curl] = self._transfers[curl]

    def _run_due(self) -> None:
        """Run libcurl's timers that are due, which start the transfers just added.

        A transfer can end in that call (its server answered or hung up at
        once): it is read here, as no socket of its may be left to report it
        before the silence watch would.
        """
        if self._multi.timeout() == 0:
            running = self._multi.socket_action(pycurl.SOCKET_TIMEOUT, 0)[1]
            if self._wanting:
                self._connect_wanting()
            if running < len(self._transfers):
                self._ended()
        if self._starting:  # their silence counts from here, not from while this thread was busy
            now = time.monotonic()
            for perform in self._starting:
                perform.transfer.last_byte = now
            self._starting.clear()

    def _on_socket(self, what: int, fd: int, multi: Any, data: Any) -> None:
        """libcurl's socket callback: watch ``fd`` for what it waits for, or no more.

        Two calls a transfer: its socket is given up when it ends and taken
        again by the next (:mod:`~spector_refs.check.watch` says why on ``epoll`` itself).
        """
        if what == pycurl.POLL_REMOVE:
            if self._sockets.pop(fd, None) is not None:
                with contextlib.suppress(OSError):  # closed already: the kernel let go of it
                    self._watch.unregister(fd)
            return
        events = _EVENTS[what]
        if fd in self._sockets:
            self._watch.modify(fd, events)
        else:
            self._watch.register(fd, events)
        self._sockets[fd] = events

    def _ended(self) -> None:
        """Resume the checks whose transfers libcurl has finished."""
        while True:
            queued, succeeded, failed = self._multi.info_read()
            for curl in succeeded:
                self._finish(curl, None)
            for curl, code, message in failed:
                self._finish(curl, (int(code), str(message)))
            if not queued:
                return

    def _finish(self, curl: pycurl.Curl, error: tuple[int, str] | None) -> None:
        self._multi.remove_handle(curl)
        task = self._transfers.pop(curl)[0]
        if error is not None and curl in self._wanting:
            return  # libcurl reported the socket it was refused: its connection is still to be waited for
        self._ready.append((task, error))

    def _connect_wanting(self) -> None:
        """Take the transfers whose connection is begun out of libcurl and wait for their sockets.

        libcurl does not always report the socket it was refused at once: such
        a transfer could sit until the silence watch stopped it.
        """
        wanting, self._wanting = self._wanting, {}
        for curl, (task, perform) in wanting.items():
            if self._transfers.pop(curl, None) is not None:
                self._multi.remove_handle(curl)
            sock = perform.transfer.connecting
            if sock is None:  # failed at once: connect_error says why
                self._ready.append((task, (_CURL_COULDNT_CONNECT, "")))
                continue
            self._watch.register(sock, OUT)
            self._connecting[sock.fileno()] = (task, perform)
            timeout = time.monotonic() + perform.transfer.connect_timeout
            self._at(timeout, partial(self._connect_timed_out, task, perform, sock))

    def _connected(self, task: Task[Any], perform: Perform) -> None:
        """The socket of a begun connection is writable: connected, or failed with the error it holds."""
        transfer = perform.transfer
        sock = transfer.connecting
        assert sock is not None
        state = connect_state(sock)
        if state is False:
            return  # still under way: it stays watched
        transfer.connecting = None
        self._unwatch(sock)
        if state is not True:
            sock.close()
            transfer.connect_error = state
            self._ready.append((task, (_CURL_COULDNT_CONNECT, "")))
            return
        transfer.connected = sock
        now = time.monotonic()
        transfer.last_byte = now  # its silence counts from here
        perform.time_out_at_deadline(now)
        self._transfers[perform.curl] = (task, perform)
        self._starting.append(perform)
        self._multi.add_handle(perform.curl)

    def _connect_timed_out(self, task: Task[Any], perform: Perform, sock: socket.socket) -> None:
        """The connect timeout has passed: a connection still not made fails as a timed-out connect()."""
        if perform.transfer.connecting is not sock:
            return
        perform.transfer.connecting = None
        self._unwatch(sock)
        sock.close()
        perform.transfer.connect_error = TimeoutError("timed out")
        self._ready.append((task, (_CURL_COULDNT_CONNECT, "")))

    def _unwatch(self, sock: socket.socket) -> None:
        """Stop watching a begun connection's socket (made, failed or timed out)."""
        del self._connecting[sock.fileno()]
        self._watch.unregister(sock)

    def _stop_silent(self, now: float) -> None:
        """Stop the transfers whose server sent nothing for their ``silence`` seconds."""
        for curl, (task, perform) in list(self._transfers.items()):
            if perform.transfer.fell_silent(now, curl.getinfo(pycurl.SIZE_DOWNLOAD_T)):
                self._multi.remove_handle(curl)
                del self._transfers[curl]
                self._ready.append((task, (CURL_ABORTED, "Callback aborted")))

    # -- waiting ---------------------------------------------------------------------------

    def _all_sent(self) -> bool:
        """Whether every check in flight has sent its request: none is waiting for a lookup, a
        connection or a turn, no transfer is still to be started (``idle`` work then delays nothing
        but the wait for answers). libcurl counts a request's bytes once it is sent; a handle's count
        from its last transfer stays until the new one starts, which ``_starting`` rules out."""
        return (
            0 < len(self._transfers) == self._live
            and not self._starting
            and all(curl.getinfo(pycurl.REQUEST_SIZE) > 0 for curl in self._transfers)
        )

    def _call(self, function: Callable[..., Any], args: tuple[Any, ...], then: Then) -> None:
        if self._pool is None:
            self._pool = _Pool(self._threads, self._wake)
        self._pool.submit(function, args, then)

    def _wake(self, then: Then, value: Any, failure: BaseException | None) -> None:
        """From a pool thread: queue the follow-up and wake the loop."""
        self._finished.append((then, value, failure))
        with contextlib.suppress(OSError):  # the loop has closed: nobody is waiting for this any more
            self._wake_out.send(b"\0")

    def _at(self, when: float, then: Callable[[], None]) -> None:
        heapq.heappush(self._timers, (when, next(self._order), then))

    def _timeout(self) -> float:
        if self._finished:
            return 0.0
        now = time.monotonic()
        due = [self._next_tick if self._transfers else now + 60.0]
        curl_due = self._multi.timeout()  # asked each time: no timer callback to keep in step
        if curl_due >= 0:
            due.append(now + curl_due / 1000)
        if self._timers:
            due.append(self._timers[0][0])
        if self._live < self._concurrency and self.scheduler.pending:
            start = self.scheduler.next_due()
            if start is not None:
                due.append(start)
        if self._awaits:
            due.append(now + AWAIT_POLL)
        return max(0.0, min(due) - now)

    def _wait(self, timeout: float) -> None:
        self._handle(self._watch.poll(timeout))

    def _handle(self, events: list[tuple[int, int]]) -> None:
        """Serve what the socket watch reported, then libcurl's timers, the loop's and finished blocking work.

        A transfer that one socket's answer ended resumes its check at once,
        up to its next request or its pause, whose freed place and slot start
        the next request: in a burst of answers, the k-th answer's slot then
        waits for k answers read and stepped, not for the whole burst read first.
        """
        for fd, mask in events:
            connecting = self._connecting.get(fd)
            if connecting is not None:
                self._connected(*connecting)
                continue
            if fd == self._wake_fd:
                while True:
                    try:
                        if not self._wake_in.recv(4096):
                            break
                    except BlockingIOError:
                        break
                continue
            running = self._multi.socket_action(fd, _action(mask, self._sockets.get(fd, IN | OUT)))[1]
            if running < len(self._transfers):  # it ended one: its check goes on before the next socket
                self._ended()
                self._step_ready()
        self._run_due()
        self._ended()
        if self._wanting:
            self._connect_wanting()
        now = time.monotonic()
        if self._transfers and now >= self._next_tick:  # a transfer that ended is not silent
            self._next_tick = now + TICK
            self._stop_silent(now)
        while self._timers and self._timers[0][0] <= now:
            heapq.heappop(self._timers)[2]()
        if self._awaits:
            self._check_awaits(now)
        while self._finished:
            then, value, failure = self._finished.popleft()
            then(value, failure)

    def _check_awaits(self, now: float) -> None:
        waiting = []
        for task, wait, until in self._awaits:
            if wait.event.is_set():
                self._ready.append((task, True))
            elif now >= until:
                self._ready.append((task, False))
            else:
                waiting.append((task, wait, until))
        self._awaits = waiting
