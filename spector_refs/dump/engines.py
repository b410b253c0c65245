"""The engines a dump audit runs on: worker processes on this machine, or Dask.

Both take the same task function and the same partitions and hand back the
results as they finish, so the runner has one code path. Both keep only a
small window of partitions in flight, so the dump streams through and never
piles up in memory. Both survive a killed worker: the local engine starts a
fresh pool and resubmits the partitions that were in flight (the finished
ones are already on disk), Dask reschedules them itself.
"""

from __future__ import annotations

import logging
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from concurrent.futures.process import BrokenProcessPool
from typing import Any, Protocol

from spector_refs.check.workers import exit_with_parent
from spector_refs.errors import ConfigError, SpectorError

_ATTEMPTS = 3
Task = Callable[[Any, Any], Any]


class EngineError(SpectorError):
    """A partition could not be processed even after its retries."""


class Engine(Protocol):
    workers: int

    def map(self, task: Task, items: Iterable[Any], shared: Any) -> Iterator[Any]:
        """``task(item, shared)`` for every item, results in the order they finish."""
        ...

    def close(self) -> None: ...


def make_engine(name: str, *, workers: int | None = None, scheduler: str | None = None) -> Engine:
    """The engine named by ``--engine``, with ``workers`` processes (default: every core)."""
    if name == "local":
        if scheduler:
            raise ConfigError("--scheduler needs --engine dask")
        return LocalEngine(workers or os.cpu_count() or 1)
    return DaskEngine(workers, scheduler)


_SHARED: Any = None


def _remember(shared: Any) -> None:
    """Pool initialiser: keep what every task shares, sent once per worker.

    The worker also dies with the driver: a driver killed with SIGKILL
    otherwise leaves its pool auditing partitions nobody will save.
    """
    global _SHARED
    _SHARED = shared
    exit_with_parent()


def _call(task: Task, item: Any) -> Any:
    return task(item, _SHARED)


class LocalEngine:
    """A process pool on this machine, restarted if a worker dies."""

    def __init__(self, workers: int):
        self.workers = workers

    def map(self, task: Task, items: Iterable[Any], shared: Any) -> Iterator[Any]:
        source = iter(items)
        pending: dict[Future, Any] = {}
        attempts: dict[int, int] = {}
        pool = self._pool(shared)
        try:
            while True:
                lost = self._fill(pool, task, source, pending)
                if not pending and not lost:
                    return
                if not lost:
                    done, _ = wait(pending, return_when=FIRST_COMPLETED)
                    for future in done:
                        item = pending.pop(future)
                        if isinstance(future.exception(), BrokenProcessPool):
                            lost.append(item)
                        else:
                            yield future.result()
                if lost:
                    pool = self._restart(pool, shared, task, [*lost, *pending.values()], pending, attempts)
        finally:
            pool.shutdown(wait=True, cancel_futures=True)

    def _restart(
        self,
        pool: ProcessPoolExecutor,
        shared: Any,
        task: Task,
        lost: list[Any],
        pending: dict[Future, Any],
        attempts: dict[int, int],
    ) -> ProcessPoolExecutor:
        """A worker died and broke the pool: a new pool, and every unfinished partition again."""
        pool.shutdown(wait=True, cancel_futures=True)
        pending.clear()
        pool = self._pool(shared)
        for item in lost:
            self._retry(item, attempts)
            pending[pool.submit(_call, task, item)] = item
        return pool

    def _pool(self, shared: Any) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("spawn")
        return ProcessPoolExecutor(
            self.workers, mp_context=context, initializer=_remember, initargs=(shared,)
        )

    def _fill(self, pool: ProcessPoolExecutor, task: Task, source: Iterator[Any], pending: dict) -> list[Any]:
        """Keep two partitions per worker in flight: enough to never idle, few enough to stream.

        Returns the item a broken pool refused, if any.
        """
        while len(pending) < 2 * self.workers:
            item = next(source, _END)
            if item is _END:
                return []
            try:
                pending[pool.submit(_call, task, item)] = item
            except BrokenProcessPool:
                return [item]
        return []

    @staticmethod
    def _retry(item: Any, attempts: dict[int, int]) -> None:
        attempts[id(item)] = attempts.get(id(item), 0) + 1
        if attempts[id(item)] >= _ATTEMPTS:
            raise EngineError(f"a partition killed its worker process {_ATTEMPTS} times; giving up")

    def close(self) -> None:
        """Nothing outlives :meth:`map`."""


_END = object()


class DaskEngine:
    """Dask distributed: a running scheduler at ``tcp://HOST:8786``, or a LocalCluster."""

    def __init__(self, workers: int | None, scheduler: str | None):
        try:
            from distributed import Client, LocalCluster
        except ImportError:
            raise ConfigError("--engine dask needs dask.distributed: install spector-refs[cluster]") from None
        self._cluster = None
        try:
            if scheduler:
                self._client = Client(scheduler, timeout="30s")
            else:
                self._cluster = LocalCluster(
                    n_workers=workers or os.cpu_count() or 1,
                    threads_per_worker=1,
                    processes=True,
                    # No dashboard; the scheduler's HTTP routes (health, metrics) on a free loopback
                    # port, so that two audits on one machine never contend for Dask's fixed 8787.
                    dashboard_address="127.0.0.1:0",
                    scheduler_kwargs={"dashboard": False},
                    silence_logs=logging.ERROR,
                )
                self._client = Client(self._cluster)
        except OSError as exc:
            raise ConfigError(f"--scheduler: cannot reach the Dask scheduler {scheduler} ({exc})") from None
        self.workers = max(1, len(self._client.scheduler_info()["workers"]))

    def map(self, task: Task, items: Iterable[Any], shared: Any) -> Iterator[Any]:
        from distributed import as_completed

        shared_future = self._client.scatter(shared, broadcast=True)
        source = iter(items)
        running = as_completed()
        for item in source:
            running.add(self._client.submit(task, item, shared_future, pure=False))
            if running.count() >= 2 * self.workers:
                break
        for future in running:
            yield future.result()
            future.release()
            item = next(source, _END)
            if item is not _END:
                running.add(self._client.submit(task, item, shared_future, pure=False))

    def close(self) -> None:
        self._client.close()
        if self._cluster is not None:
            self._cluster.close()
