"""One run of the link checker: cache first, then polite concurrent checks.

URLs that need no request (excluded, malformed, unsupported, fresh in the
cache) are answered at once, before the HTTP client and the page parsers
are even imported (see :func:`_load_network`), so a warm re-run starts
fast; the rest go to a :class:`HostScheduler` from which one
:class:`~spector_refs.check.loop.CurlLoop` per process starts checks as hosts
come free, all on one :class:`~spector_refs.check.http.Transport`
(connections kept alive per host). Finished checks are written to the cache as they arrive (a
worker process's batch in one transaction), so a crash loses nothing already recorded. When no
check reached any server the machine is offline: those links are "network-unavailable", never broken.
"""

from __future__ import annotations

import sys
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import replace
from datetime import UTC, datetime, timedelta
from functools import partial
from importlib import import_module
from typing import TYPE_CHECKING, Any

from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.safety import HostResolver
from spector_refs.check.scheduler import HostScheduler, HostSlot
from spector_refs.check.tasks import Call, Task
from spector_refs.check.urls import host_key, is_deep_link, precheck
from spector_refs.model import CheckRecord, LinkResult, LinkTarget, Verdict, distinct_targets

if TYPE_CHECKING:
    import requests

    from spector_refs.check.cache import LinkHistory
    from spector_refs.check.chain import ChainFollower
    from spector_refs.check.http import Transport
    from spector_refs.check.probe import HostProbes
    from spector_refs.check.workers import Deliver

Clock = Callable[[], datetime]
_ARCHIVED = frozenset({Verdict.BROKEN, Verdict.SOFT_404, Verdict.USURPED})
_UNSETTLED = frozenset({Verdict.NETWORK_UNAVAILABLE, Verdict.DNS_FAILURE})


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """``2024-05-01T12:00:00Z``: sortable, second precision, always UTC.

    Cut from ``isoformat`` (``2024-05-01T12:00:00+00:00``), a fifth of ``strftime``'s
    cost, which converts through a time tuple: every check stamps its result.
    """
    return moment.astimezone(UTC).isoformat(timespec="seconds")[:19] + "Z"


class _Stamps:
    """``iso(utc_now())`` for every finished check, worked out once a second.

    A stamp has second precision, and a thousand checks finish in a second
    or two: making and formatting a datetime for each was ~3 µs of every check.
    """

    __slots__ = ("_second", "_stamp")

    def __init__(self) -> None:
        self._second, self._stamp = -1, ""

    def __call__(self) -> str:
        second = int(time.time())
        if second != self._second:
            self._second, self._stamp = second, iso(datetime.fromtimestamp(second, UTC))
        return self._stamp


class LinkChecker:
    """Checks links with one configuration; ``clock`` and ``resolver`` are injectable for tests.

    ``processes`` is how many worker processes share the hosts: None
    decides by the run's size and the cores (see :mod:`~spector_refs.check.workers`),
    1 keeps every check in this process. ``keep_text`` False leaves the page
    text off the results (claim verification reads it; a bare link check
    does not); the cache, when there is one, still gets it.
    """

    def __init__(
        self,
        config: LinkCheckConfig | None = None,
        *,
        clock: Clock = utc_now,
        getaddrinfo: Callable[..., list] | None = None,
        processes: int | None = None,
        keep_text: bool = True,
    ):
        self.config = config or LinkCheckConfig()
        self.clock = clock
        self._getaddrinfo = getaddrinfo
        self.processes = processes
        self.keep_text = keep_text
        self.cache: LinkHistory | None = None
        if self.config.cache_path:  # SQLite and the cache's codec load only for a run that has one
            from spector_refs.check.cache import open_cache

            self.cache = open_cache(self.config.cache_path)

    def __enter__(self) -> LinkChecker:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def close(self) -> None:
        if self.cache is not None:
            self.cache.close()

    def check(self, targets: Iterable[LinkTarget | str], *, progress: bool = False) -> list[LinkResult]:
        """One result per distinct URL, in input order."""
        run = _Run(self, distinct_targets(targets))
        with _progress_bar(len(run.targets), progress) as advance:
            return run.execute(advance)


class _Run:
    """The state of one ``check`` call: one resolver, so each host is resolved once."""

    def __init__(self, checker: LinkChecker, targets: list[LinkTarget]):
        self.checker = checker
        self.config = checker.config
        self.targets = targets
        self.resolver = HostResolver(
            allow_private=self.config.allow_private, getaddrinfo=checker._getaddrinfo
        )
        self.keep_text = checker.keep_text or checker.cache is not None
        self.results: list[LinkResult | None] = [None] * len(targets)
        self.reached = threading.Event()
        self.probes: HostProbes | None = None  # made with the first request: a warm run needs none
        self.probed_first: set[str] = set()
        clock = checker.clock
        self.stamp: Callable[[], str] = _Stamps() if clock is utc_now else lambda: iso(clock())

    def execute(self, advance: Callable[[], None]) -> list[LinkResult]:
        jobs = []
        cached = self._fresh_in_cache()
        for index, target in enumerate(self.targets):
            ready = self._precheck(target) or cached.get(target.url)
            if ready is None:
                jobs.append((host_key(target.url), (index, target)))
            else:
                self.results[index] = ready
                advance()
        if jobs:
            self._run_jobs(jobs, advance)
        return self._settle_offline([result for result in self.results if result is not None])

    def _run_jobs(self, jobs: list[tuple[str, Any]], advance: Callable[[], None]) -> None:
        def collect(finished: list[tuple[int, LinkResult, bool]]) -> None:
            recorded = self._record_all([result for _, result, _ in finished])
            for (index, _, reached), result in zip(finished, recorded, strict=True):
                if reached and not self.reached.is_set():  # set() takes a lock and wakes nobody
                    self.reached.set()
                self.results[index] = result
                advance()

        def deliver(index: int, result: LinkResult, reached: bool) -> None:
            collect([(index, result, reached)])

        _load_network()
        from spector_refs.check.probe import HostProbes
        from spector_refs.check.workers import deal_jobs, process_count, run_in_processes

        self.probes = HostProbes(wait=self.config.deadline) if self.config.soft_404_probe else None
        concurrency, per_host = self.config.concurrency, self.config.per_host
        reserve = int(self.probes is not None)  # a shared host's probe: one request of its limit
        splittable = per_host - reserve if self.config.per_host_interval == 0 else 1
        processes = process_count(jobs, concurrency, self.checker.processes, splittable=splittable)
        if processes == 1:
            self._run_loop(jobs, concurrency, deliver)
            return
        shares, each = deal_jobs(jobs, processes, per_host, reserve=reserve)
        _load_judging_for_workers(jobs)
        work = partial(self._run_loop, per_host=each)
        if each == per_host or self.probes is None:
            run_in_processes(shares, concurrency, work, collect)
            return
        urls = self.probes.expect(_first_per_authority(target.url for _, (_, target) in jobs))
        beside = partial(self._probe_hosts, self.probes, list(urls.values()))
        run_in_processes(shares, concurrency, work, collect, beside=beside, listen=self.probes.provide)

    def _probe_hosts(self, probes: HostProbes, urls: list[str], send: Callable[[Any], None]) -> None:
        """The soft-404 probe of each host the worker processes share, asked here while they check.

        Each answer is sent to every process, whose checks wait for it (see
        :meth:`~spector_refs.check.probe.HostProbes.expect`): a shared host is
        still probed once per run, not once by each process, and no process
        waits for the probe before its first requests. Its request is one of
        the host's limit, kept back from the processes' parts (``deal_jobs``).
        """
        from spector_refs.check.chain import ChainFollower
        from spector_refs.check.http import Fetcher, Transport
        from spector_refs.check.loop import CurlLoop

        jobs = [(host_key(url), url) for url in urls]
        transport = Transport(self.config, self.resolver)

        def ask(host: str, url: str) -> Task[None]:
            follower = ChainFollower(self.config, self.resolver, Fetcher(self.config, transport), probes)
            slot = HostSlot(scheduler, host)
            try:
                send((yield from follower.probe_for_others(probes, url, slot)))
            finally:
                slot.close()

        scheduler: HostScheduler[str] = HostScheduler(jobs, per_host=1, interval=0.0)
        loop = CurlLoop(scheduler)  # no idle work: see judging_steps
        try:
            loop.run(ask, self.config.concurrency)
        finally:
            loop.close()
            transport.close()

    def _precheck(self, target: LinkTarget) -> LinkResult | None:
        """The result for a URL that is not to be requested (excluded, malformed…)."""
        verdict = precheck(target.url, self.config)
        if verdict is None:
            return None
        return LinkResult(target.url, verdict[0], verdict[1], checked_at=iso(self.checker.clock()))

    def _fresh_in_cache(self) -> dict[str, LinkResult]:
        """Cached results younger than ``max_age`` (the cache marks them as coming from it)."""
        cache = self.checker.cache
        if cache is None or self.config.max_age <= 0:
            return {}
        since = iso(self.checker.clock() - timedelta(seconds=self.config.max_age))
        urls = (target.url for target in self.targets)
        found = cache.fresh(urls, since=since, text=self.checker.keep_text)
        return {url: result for url, result in found.items() if result.checked_at != since}

    def _run_loop(
        self, jobs: list[tuple[str, Any]], concurrency: int, deliver: Deliver, per_host: int | None = None
    ) -> None:
        """Check ``jobs``, ``concurrency`` at a time, on one :class:`~spector_refs.check.loop.CurlLoop`.

        ``per_host`` is this process's part of the per-host limit when its
        hosts are shared with other processes (see :func:`~spector_refs.check.workers.deal_jobs`).
        """
        from spector_refs.check.http import Transport
        from spector_refs.check.loop import CurlLoop

        per_host = per_host or self.config.per_host
        scheduler = HostScheduler(jobs, per_host=per_host, interval=self.config.per_host_interval)
        transport = Transport(replace(self.config, per_host=per_host), self.resolver)
        checkers = _Checkers(self.config, self.resolver, transport, self.probes)
        loop = CurlLoop(scheduler, idle=judging_steps(titled=_titled(jobs)))
        start = partial(self._check_job, scheduler, checkers, deliver)
        try:
            loop.run(start, min(concurrency, len(jobs)))
        finally:
            loop.close()
            checkers.close()
            transport.close()

    def _check_job(
        self, scheduler: HostScheduler, checkers: _Checkers, deliver: Deliver, host: str, job: Any
    ) -> Task[None]:
        """One job's check, with a follower of its own while it runs, delivered when done."""
        index, target = job
        slot = HostSlot(scheduler, host)
        probe_first = self._probe_first(host, target.url, scheduler)
        follower, archive = checkers.take()
        try:
            result, reached = yield from self._check_one(follower, slot, target, archive, probe_first)
        finally:
            checkers.put_back(follower, archive)
        deliver(index, result, reached)

    def _probe_first(self, host: str, url: str, scheduler: HostScheduler) -> bool:
        """Whether to ask the host's soft-404 probe before this, its first job, is checked.

        Only when other workers may take more of its deep links meanwhile
        (see :meth:`~spector_refs.check.probe.HostProbes.ask_early`); once per host.
        """
        if self.probes is None or host in self.probed_first:
            return False
        self.probed_first.add(host)
        return scheduler.queued(host) > 0 and is_deep_link(url)

    def _check_one(
        self,
        follower: ChainFollower,
        slot: HostSlot,
        target: LinkTarget,
        archive: _ArchiveSession,
        probe_first: bool,
    ) -> Task[tuple[LinkResult, bool]]:
        """The result (before its history is added) and whether a server was reached.

        With ``probe_first`` the host's soft-404 probe is asked first, to be
        ready before the host's other pages are judged.
        """
        from spector_refs.check.chain import to_result

        started = time.monotonic()
        try:
            if probe_first:
                yield from follower.probe(target.url, slot)
            outcome = yield from follower.follow(target.url, slot)
        finally:
            slot.close()
        result = to_result(
            target.url,
            outcome,
            checked_at=self.stamp(),
            elapsed=time.monotonic() - started,
            max_text=self.config.max_body_bytes if self.keep_text else None,
        )
        if result.verdict in _ARCHIVED or drifted(result, target):
            result = yield from self._with_archive(result, target, archive)
        return result, outcome.reached

    def _record_all(self, results: list[LinkResult], *, settled: bool = False) -> list[LinkResult]:
        """Add each link's history and whether it is dead, and write the checks to the cache.

        A batch (a worker process's message) costs one history query and one
        commit. A failure that may only mean "offline" waits until the run is
        ``settled`` (see ``_settle_offline``); an offline run records nothing.
        """
        cache = self.checker.cache
        if cache is None or not results:
            return results
        due = [result for result in results if settled or result.verdict not in _UNSETTLED]
        from spector_refs.check.cache import is_dead

        histories = cache.histories(result.url for result in due)
        done: dict[str, LinkResult] = {}
        for result in due:
            history = histories.get(result.url, ())
            current = CheckRecord(result.checked_at or "", result.verdict, result.status_code)
            dead = is_dead(
                (*history, current),
                failures=self.config.dead_after_failures,
                days=self.config.dead_after_days,
            )
            done[result.url] = replace(result, history=history, dead=dead)
        cache.record_all(done.values())
        return [done.get(result.url, result) for result in results]

    def _with_archive(
        self, result: LinkResult, target: LinkTarget, archive: _ArchiveSession
    ) -> Task[LinkResult]:
        """Suggest an archive copy for a broken, soft-404 or usurped link, or a page that drifted."""
        if target.archive_url:
            return replace(result, archive_url=target.archive_url, archive_date=target.archive_date)
        if not self.config.archive_lookup:
            return result
        from spector_refs.check.archive import ArchiveLookupError, closest_snapshot

        lookup = partial(
            closest_snapshot,
            archive.session(),
            target.url,
            target.access_date,
            api=self.config.archive_api,
            timeout=(self.config.connect_timeout, self.config.timeout),
        )
        found = yield Call(_lookup_archive, (lookup,))
        if isinstance(found, ArchiveLookupError):
            return replace(result, reason=f"{result.reason}; {found}")
        if found is None:
            return replace(result, reason=f"{result.reason}; the Wayback Machine has no copy")
        return replace(result, archive_url=found[0], archive_date=found[1])

    def _settle_offline(self, results: list[LinkResult]) -> list[LinkResult]:
        """Network and DNS failures mean "offline" only if no check reached anything.

        When other servers answered, a host that could not be reached is
        merely unreachable for now (a timeout) and a name that could not be
        looked up has broken name servers (a DNS failure), each recorded as such.
        """
        reached = self.reached.is_set()
        settled: list[LinkResult] = []
        moved: list[int] = []
        for result in results:
            if result.verdict in _UNSETTLED and not result.from_cache:
                if reached:
                    verdict = (
                        Verdict.TIMEOUT if result.verdict is Verdict.NETWORK_UNAVAILABLE else result.verdict
                    )
                    result = replace(result, verdict=verdict)
                    moved.append(len(settled))
                else:
                    result = replace(result, verdict=Verdict.NETWORK_UNAVAILABLE)
            settled.append(result)
        recorded = self._record_all([settled[position] for position in moved], settled=True)
        for position, result in zip(moved, recorded, strict=True):
            settled[position] = result
        return settled


def _first_per_authority(urls: Iterable[str]) -> list[str]:
    """The first URL of each scheme and authority (``http://host:port``, as written), in order.

    No two origins share a written scheme and authority, so the first URL of
    each origin is among these: the soft-404 probes' ``expect`` gets the
    same answer from these few as from every URL, without splitting a
    thousand URLs of one host before the worker processes may start.
    """
    first: dict[tuple[str, ...], str] = {}
    for url in urls:
        first.setdefault(tuple(url.split("/", 3)[:3]), url)
    return list(first.values())


def _lookup_archive(lookup: Callable[[], tuple[str, str] | None]) -> tuple[str, str] | Exception | None:
    """The Wayback Machine's closest copy, or the lookup's failure as a value (it runs in another thread)."""
    from spector_refs.check.archive import ArchiveLookupError

    try:
        return lookup()
    except ArchiveLookupError as exc:
        return exc


def drifted(result: LinkResult, target: LinkTarget) -> bool:
    """A live page that is no longer the cited work, judged as the audit's ``title-mismatch`` is."""
    if result.meta is None or not target.title:
        return False
    from spector_refs.check.titles import judge_page

    match = judge_page(target, result)
    return match is not None and not match.matches


def _load_network() -> None:
    """Import the requesting half: the HTTP client and the loop that drives it.

    Not at the top of the module, because a run answered from the cache (and
    the prechecks) never needs them and they cost more than such a whole run;
    here, once a request is due and before any worker process forks, so every
    worker inherits them loaded instead of importing them again.
    """
    for module in ("chain", "loop"):
        import_module(f"spector_refs.check.{module}")


def _titled(jobs: list[tuple[str, Any]]) -> bool:
    """Whether a job's target has a cited title, which only the title checks judge (:func:`drifted`)."""
    return any(target.title for _, (_, target) in jobs)


_forked_before = False
"""Whether this process has checked links in worker processes before (:func:`_load_judging_for_workers`)."""


def _load_judging_for_workers(jobs: list[tuple[str, Any]]) -> None:
    """Before forking worker processes: load the judging half for them, if this process forked some before.

    A command line checks once: its workers each import the judging half in
    their first wait (:func:`judging_steps`), and it never loads it itself. A
    program that checks again and again in worker processes (a service, the
    library runs of ``benchmarks/links.py``) had every run's workers import it
    anew: ~35 ms of CPU a run, while their first answers waited. From its
    second such run on, it loads it here, once, and its workers inherit it.
    """
    global _forked_before
    if _forked_before:
        load_judging(titled=_titled(jobs))
    _forked_before = True


def judging_steps(*, titled: bool) -> list[Callable[[], object]]:
    """The judging half's imports, a module a step: page parser (lxml), soft-404 wording, verdict rules,
    metadata; the title checks if ``titled``.

    ~30 ms of imports that no request needs, only the answers: each
    :class:`~spector_refs.check.loop.CurlLoop` that checks links runs these
    steps once its first requests are out (its ``idle`` work), while they
    travel, so they leave that much sooner. One step at a time, with a look
    at the network between two: in one piece, the import (40–75 ms in a
    worker process beside another on two busy cores) held up every answer
    that came meanwhile, and each answer's slot its next request; the
    largest step is now the page parser's (lxml.etree, ~15 ms). A worker
    process imports them itself, after the fork (two processes, two imports
    side by side, each on its own core, where the parent's one import
    before the fork delayed every first request). The title checks (with
    the domain rules and the Public Suffix List, ~12 ms) judge only a link
    whose target has a cited title (:func:`drifted`), never a URL list's.
    The parent's soft-404 probe loop has no idle work: beside two worker
    processes on two cores its import took CPU from their first requests;
    its probe's answer loads what judging it needs when it comes. The
    modules import each other as they need to; this only loads them early.
    """
    names = ("page", "soft404", "verdict", "metadata", *(("titles",) if titled else ()))
    return [partial(import_module, f"spector_refs.check.{name}") for name in names]


def load_judging(*, titled: bool) -> None:
    """The judging half at once (:func:`judging_steps`), for worker processes about to be forked."""
    for step in judging_steps(titled=titled):
        step()


class _Checkers:
    """Followers (a fetcher each) and archive sessions for the checks in flight, kept for the next ones."""

    def __init__(
        self, config: LinkCheckConfig, resolver: HostResolver, transport: Transport, probes: HostProbes | None
    ):
        self._config, self._resolver, self._transport, self._probes = config, resolver, transport, probes
        self._idle: list[tuple[ChainFollower, _ArchiveSession]] = []
        self._all: list[tuple[ChainFollower, _ArchiveSession]] = []

    def take(self) -> tuple[ChainFollower, _ArchiveSession]:
        if self._idle:
            return self._idle.pop()
        from spector_refs.check.chain import ChainFollower
        from spector_refs.check.http import Fetcher

        fetcher = Fetcher(self._config, self._transport)
        made = (
            ChainFollower(self._config, self._resolver, fetcher, self._probes),
            _ArchiveSession(self._config),
        )
        self._all.append(made)
        return made

    def put_back(self, follower: ChainFollower, archive: _ArchiveSession) -> None:
        self._idle.append((follower, archive))

    def close(self) -> None:
        for follower, archive in self._all:
            follower.fetcher.close()
            archive.close()


class _ArchiveSession:
    """One check's requests session for Wayback Machine lookups, made at its first lookup.

    Most runs look nothing up (the lookup is opt-in and only for dead or
    drifted links), and importing requests would cost them more than a
    small run's checks.
    """

    def __init__(self, config: LinkCheckConfig):
        self._config = config
        self._session: requests.Session | None = None

    def session(self) -> requests.Session:
        if self._session is None:
            import requests

            self._session = requests.Session()
            self._session.trust_env = False
            self._session.headers["User-Agent"] = self._config.user_agent
        return self._session

    def close(self) -> None:
        if self._session is not None:
            self._session.close()


@contextmanager
def _progress_bar(total: int, wanted: bool) -> Iterator[Callable[[], None]]:
    """A rich progress bar on stderr when asked for and stderr is a terminal."""
    if not wanted or not sys.stderr.isatty() or total == 0:
        yield lambda: None
        return
    from rich.console import Console
    from rich.progress import Progress

    lock = threading.Lock()
    with Progress(console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task("checking links", total=total)

        def advance() -> None:
            with lock:
                bar.advance(task)

        yield advance
