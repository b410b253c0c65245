"""Worker processes for big runs: each owns a share of the hosts, or an equal part of each.

One interpreter runs one thread at a time, and on a few hundred links the
checker is CPU-bound (HTTP parsing, page parsing) long before the network
is busy. Forked worker processes use the other cores; when every host
belongs to exactly one of them, each one's :class:`HostScheduler` keeps
that host's per-host limit and interval exact, with no shared lock, as
the whole-dump checker does across a cluster. With fewer hosts than
processes (a thousand links to one site), a host's jobs are dealt to all
of them instead, each with an equal part of its per-host limit: the limit
still holds exactly (the parts add up to at most the whole), which only
works without a per-host interval, whose spacing would need one clock. The
global concurrency is split between the processes. The parent only
collects results (and writes the cache), so a SQLite connection never
crosses a fork.
"""

from __future__ import annotations

import contextlib
import gc
import heapq
import importlib
import os
import select
import signal
import struct
import sys
import threading
import time
from collections.abc import Callable, Iterable
from functools import partial
from typing import Any, NoReturn, TypeVar, cast

Job = TypeVar("Job")
Deliver = Callable[[int, Any, bool], None]
"""``deliver(index, result, reached)``: one finished check, in the worker process that ran it."""
Collect = Callable[[list[tuple[int, Any, bool]]], None]
"""``collect(finished)``: a worker process's batch of ``(index, result, reached)``, in the parent."""
Work = Callable[[list[tuple[str, Any]], int, Deliver], None]
"""``work(jobs, concurrency, deliver)``: check ``jobs``, that many at a time."""
Beside = Callable[[Callable[[Any], None]], None]
"""``beside(send)``: work the parent does while the children check, ``send``-ing each child its findings."""

MIN_JOBS_PER_PROCESS = 150
"""Below this a process's fork and the results' trip through a pipe cost more than they save."""
_PR_SET_PDEATHSIG = 1  # linux/prctl.h
BATCH = 32
BATCH_DELAY = 0.02
"""A worker process sends its finished checks ``BATCH`` at a time, or this many seconds after the first."""


class WorkerProcessError(RuntimeError):
    """A worker process died or failed: a bug, as an exception in a worker thread would be."""


def process_count(
    jobs: list[tuple[str, Any]], concurrency: int, wanted: int | None, *, splittable: int = 1
) -> int:
    """How many processes to check ``jobs`` with: 1 (this one) unless it pays.

    ``wanted`` None is automatic (on Linux): one per usable core, as long as
    each gets :data:`MIN_JOBS_PER_PROCESS` jobs and a host of its own, or
    a part of each host when a host may be split that many ways
    (``splittable``: the per-host limit, or 1 when an interval forbids it);
    :func:`os.fork` is needed (children inherit the loaded checker, no
    re-import).
    """
    started_by = sys.modules.get("multiprocessing")  # loaded in a process that multiprocessing started
    if not hasattr(os, "fork") or (started_by is not None and started_by.current_process().daemon):
        return 1  # a pool's worker (daemonic) checks alone: its pool already uses the cores
    hosts = len({host for host, _ in jobs})
    if wanted is None:
        if not sys.platform.startswith("linux"):
            return 1  # elsewhere (macOS) system libraries are not safe to fork: only when asked
        wanted = min(len(os.sched_getaffinity(0)), len(jobs) // MIN_JOBS_PER_PROCESS)
    return max(1, min(wanted, max(hosts, splittable), concurrency))


def deal_jobs(
    jobs: list[tuple[str, Job]], processes: int, per_host: int, *, reserve: int = 0
) -> tuple[list[list[tuple[str, Job]]], int]:
    """Each process's jobs and the per-host limit each one keeps.

    Whole hosts (:func:`host_shares`) when there are enough to go round;
    else every host's jobs dealt in turn to all processes, each keeping
    ``(per_host - reserve) // processes`` (``process_count`` allows that
    only when it is at least 1): ``reserve`` requests per host are kept
    for the parent (its soft-404 probe of a shared host).
    """
    if len({host for host, _ in jobs}) >= processes:
        return host_shares(jobs, processes), per_host
    return [jobs[start::processes] for start in range(processes)], (per_host - reserve) // processes


def host_shares(jobs: list[tuple[str, Job]], shares: int) -> list[list[tuple[str, Job]]]:
    """The jobs split into at most ``shares`` lists, no host in two, sizes balanced.

    Hosts are dealt largest first to the lightest share (the
    longest-processing-time rule); each share keeps the input order.
    """
    by_host: dict[str, list[int]] = {}
    for position, (host, _) in enumerate(jobs):
        by_host.setdefault(host, []).append(position)
    owner: dict[str, int] = {}
    loads = [(0, share) for share in range(max(1, shares))]
    for host, positions in sorted(by_host.items(), key=lambda item: (-len(item[1]), item[0])):
        load, share = heapq.heappop(loads)
        owner[host] = share
        heapq.heappush(loads, (load + len(positions), share))
    split: list[list[tuple[str, Job]]] = [[] for _ in loads]
    for host, job in jobs:
        split[owner[host]].append((host, job))
    return [share for share in split if share]


def run_in_processes(
    shares: list[list[tuple[str, Any]]],
    concurrency: int,
    work: Work,
    collect: Collect,
    *,
    beside: Beside | None = None,
    listen: Callable[[Any], None] | None = None,
) -> None:
    """Run ``work`` on each share in a forked process; ``collect`` every batch of results here.

    ``beside`` runs in a thread of this process once the children are
    started; every message it sends reaches each child's ``listen``
    (called in a thread of the child). The children are forked with
    :func:`os.fork` and talk through :class:`Channel` pipes: the
    multiprocessing package and its process objects cost ~20 ms of imports
    and set-up on the way to the first request, and no more than a fork
    and a pipe are used of them.
    """
    each = max(1, concurrency // len(shares))
    load_for_children({host for share in shares for host, _ in share})
    sys.stdout.flush()  # a child flushes its copy of these buffers when it exits
    sys.stderr.flush()
    parent = os.getpid()
    lifeline, held = os.pipe()  # only this process holds ``held``: its end is the children's signal
    readers: list[Channel] = []
    outboxes: list[Channel] = []
    children: list[int] = []
    gc.freeze()  # the children's collector then leaves the inherited objects' pages unwritten
    try:
        for share in shares:
            reader, writer = channel_pair()
            inbox, outbox = channel_pair() if beside else (None, None)
            child = os.fork()
            if child == 0:
                ends = [reader, *readers, *outboxes, *([outbox] if outbox else [])]
                held_by_parent = [held, *(end.fileno() for end in ends)]
                _forked(
                    held_by_parent,
                    parent,
                    lifeline,
                    partial(_child, work, share, each, writer, inbox, listen),
                )
            children.append(child)
            writer.close()
            readers.append(reader)
            if inbox is not None and outbox is not None:
                inbox.close()
                outboxes.append(outbox)
    finally:
        gc.unfreeze()
        os.close(lifeline)
    aside = _Aside(beside, outboxes) if beside else None
    try:
        _collect(readers, collect)
    except BaseException:
        for child in children:
            with contextlib.suppress(ProcessLookupError):
                os.kill(child, signal.SIGKILL)
        raise
    finally:
        for child in children:
            os.waitpid(child, 0)
        for reader in readers:
            reader.close()
        os.close(held)
    if aside is not None:
        aside.finish()


class Channel:
    """One end of a pipe that carries pickled messages, each after its length.

    What :class:`multiprocessing.connection.Connection` does for a pipe,
    without the package's imports; :func:`select.select` waits on it.
    :mod:`pickle` (~3 ms) is imported with the first message, which a
    worker process sends once its first requests are answered, not on
    their way. A receiver imports it once that message's length has come:
    a worker's thread that waits for the parent's messages from the start
    (``_listen``) imported it at once, holding the interpreter lock for
    3–7 ms of the worker's way to its first request.
    """

    def __init__(self, fd: int):
        self._fd = fd

    def fileno(self) -> int:
        return self._fd

    def send(self, message: Any) -> None:
        import pickle

        data = pickle.dumps(message, pickle.HIGHEST_PROTOCOL)
        view = memoryview(_LENGTH.pack(len(data)) + data)
        while view:
            view = view[os.write(self._fd, view) :]

    def recv(self) -> Any:
        """The next message; :class:`EOFError` once the other end is closed and nothing is left."""
        (size,) = _LENGTH.unpack(self._read(_LENGTH.size))
        import pickle

        return pickle.loads(self._read(size))

    def close(self) -> None:
        os.close(self._fd)

    def _read(self, size: int) -> bytes:
        parts = []
        while size:
            part = os.read(self._fd, size)
            if not part:
                raise EOFError
            parts.append(part)
            size -= len(part)
        return b"".join(parts)


_LENGTH = struct.Struct("!Q")


def channel_pair() -> tuple[Channel, Channel]:
    """``(reader, writer)``: the two ends of a new pipe."""
    reader, writer = os.pipe()
    return Channel(reader), Channel(writer)


def load_for_children(hosts: Iterable[str]) -> None:
    """Load here, once, what each worker process checking ``hosts`` would otherwise load after the fork.

    A child's first checks import ``ctypes`` (:func:`die_with_parent`), look
    up the CA bundle's path (:func:`~spector_refs.check.http.ca_bundle`) and,
    to look a host name up, the IDNA codec (``socket`` encodes the name with
    it; a numeric host such as a local test server's needs no lookup, and
    its run no codec, ~2 ms): a few ms of CPU in every child, on its way to
    its first request. Loaded before the fork, every child inherits them,
    as it inherits the checker. So with libcurl's own
    set-up: a process's first handle of any kind (a child's share of its
    connections, the parent's probes) costs ~2 ms that the next ones do not
    (OpenSSL seeds its random generator there; a forked child reseeds its
    own, as OpenSSL does after every fork).
    """
    from spector_refs.check.safety import numeric_host

    if any(numeric_host(host) is None for host in hosts):
        importlib.import_module("encodings.idna")
    importlib.import_module("ctypes")
    importlib.import_module("spector_refs.check.http").ca_bundle()
    importlib.import_module("pycurl").CurlShare().close()


class _Aside(threading.Thread):
    """The parent's own work beside its children (see ``run_in_processes``); its failure is raised here."""

    def __init__(self, beside: Beside, outboxes: list[Channel]):
        super().__init__(name="spector-links-parent", daemon=True)
        self._beside, self._outboxes = beside, outboxes
        self._failure: BaseException | None = None
        self.start()

    def run(self) -> None:
        try:
            self._beside(self._send)
        except BaseException as exc:  # raised by finish(), in the parent's own thread
            self._failure = exc
        finally:
            for outbox in self._outboxes:
                outbox.close()

    def _send(self, message: Any) -> None:
        for outbox in self._outboxes:
            with contextlib.suppress(OSError):  # that child is gone: _collect reports it
                outbox.send(message)

    def finish(self) -> None:
        self.join()
        if self._failure is not None:
            raise self._failure


def _collect(readers: list[Channel], collect: Collect) -> None:
    pending = list(readers)
    while pending:
        ready, _, _ = select.select(pending, [], [])
        for reader in ready:
            try:
                message = reader.recv()
            except EOFError:
                raise WorkerProcessError("a link-checking worker process died") from None
            if message is None:
                pending.remove(reader)
            elif isinstance(message, str):
                raise WorkerProcessError(f"a link-checking worker process failed: {message}")
            else:
                collect(message)


def _forked(held_by_parent: list[int], parent: int, lifeline: int, run: Callable[[], None]) -> NoReturn:
    """A forked worker process: close the parent's ends, ``run`` (:func:`_child`), never return."""
    code = 1
    try:
        for fd in held_by_parent:
            os.close(fd)
        die_with_parent(parent, lifeline)
        run()
        code = 0
    finally:
        with contextlib.suppress(OSError, ValueError):
            sys.stdout.flush()
            sys.stderr.flush()
        os._exit(code)


def _child(
    work: Work,
    jobs: list[tuple[str, Any]],
    concurrency: int,
    writer: Channel,
    inbox: Channel | None,
    listen: Callable[[Any], None] | None,
) -> None:
    if inbox is not None and listen is not None:
        threading.Thread(target=_listen, args=(inbox, listen), daemon=True, name="spector-inbox").start()
    outbox = Outbox(writer)
    try:
        work(jobs, concurrency, outbox.put)
        outbox.close(None)
    except BaseException as exc:  # reported to the parent, which raises it there
        outbox.close(f"{type(exc).__name__}: {exc}")


class Outbox:
    """A worker process's finished checks on their way to the parent, a batch at a time.

    One message per check cost each check a pickled message and a write
    (a system call), and the parent a
    wait on its pipes and a read: ~0.05 ms of the parent's CPU per URL on a
    thousand-link run. A batch goes at :data:`BATCH` checks or
    :data:`BATCH_DELAY` seconds after its first, whichever comes first, so
    the parent still records each check (and the progress bar moves)
    within a fraction of a second.
    """

    def __init__(self, writer: Channel):
        self._writer = writer
        self._lock = threading.Lock()  # the batch, and one send at a time
        self._batch: list[tuple[int, Any, bool]] = []
        self._started = threading.Event()
        self._closed = False
        threading.Thread(target=self._flush_late, daemon=True, name="spector-outbox").start()

    def put(self, index: int, result: Any, reached: bool) -> None:
        with self._lock:
            self._batch.append((index, result, reached))
            if len(self._batch) >= BATCH:
                self._send()
            elif len(self._batch) == 1:
                self._started.set()

    def close(self, last: str | None) -> None:
        """Send what is left, then ``last`` (None: done; a string: the failure)."""
        with self._lock:
            self._closed = True
            self._send()
            self._writer.send(last)
            self._writer.close()
        self._started.set()

    def _flush_late(self) -> None:
        while True:
            self._started.wait()
            time.sleep(BATCH_DELAY)
            with self._lock:
                self._started.clear()
                if self._closed:
                    return
                self._send()

    def _send(self) -> None:
        if self._batch:
            self._writer.send(self._batch)
            self._batch = []


def _listen(inbox: Channel, listen: Callable[[Any], None]) -> None:
    """Hand each message from the parent to ``listen`` until the parent closes the pipe."""
    while True:
        try:
            message = inbox.recv()
        except (EOFError, OSError):
            return
        listen(message)


def exit_with_parent() -> None:
    """:func:`die_with_parent` for a process multiprocessing started (the dump's workers)."""
    import multiprocessing

    parent = multiprocessing.parent_process()
    if parent is not None:
        die_with_parent(cast(int, parent.pid), parent.sentinel)


def die_with_parent(parent: int, lifeline: int) -> None:
    """End this worker process the moment its parent (pid ``parent``) is gone.

    A parent killed with SIGKILL cannot stop its children, and a child
    would go on working for nobody: a re-run would then request the same
    links again while the orphan still does. On Linux the kernel kills the
    child with its parent (``PR_SET_PDEATHSIG``: at once, where a thread of
    the child would first need the interpreter lock, which a loaded machine
    let a killed run's children wait for while they went on requesting);
    elsewhere :func:`watch_lifeline` ends it.
    """
    if not sys.platform.startswith("linux"):
        watch_lifeline(lifeline)
        return
    import ctypes  # loaded before the fork (load_for_children)

    ctypes.CDLL(None, use_errno=True).prctl(_PR_SET_PDEATHSIG, signal.SIGKILL)
    if os.getppid() != parent:  # the parent died before the request took effect
        os._exit(1)


def watch_lifeline(lifeline: int) -> None:
    """End this process (exit 1) once ``lifeline`` ends: a pipe whose other end only the parent holds.

    The kernel closes that end when the parent exits, however it ends; a
    daemon thread waiting on it then ends this process.
    """

    def watch() -> None:
        select.select([lifeline], [], [])
        os._exit(1)

    threading.Thread(target=watch, daemon=True, name="spector-parent").start()
