"""Checking one URL: follow its redirects hop by hop, then judge the last answer.

Redirects are followed here rather than by requests, because every hop
must pass the same gate as the first URL: only http and https, a vetted
(public) address, a polite turn on its host, no loop, no endless chain.

The judging half (page parser, verdict rules, metadata: ~40 ms of imports)
is imported in :meth:`ChainFollower._judge`, not at the top: the first
requests need none of it, and a process loads it while they are out
(:func:`~spector_refs.check.checker.judging_steps`), not before them.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urljoin

from spector_refs.check.config import LinkCheckConfig
from spector_refs.check.failures import Failure
from spector_refs.check.http import Answer, Fetcher, is_textual
from spector_refs.check.records import record
from spector_refs.check.safety import HostResolver
from spector_refs.check.scheduler import HostSlot
from spector_refs.check.tasks import Call, Pause, Task
from spector_refs.check.urls import host_key, request_url, url_host, url_problem
from spector_refs.model import Hop, LinkResult, PageMeta, Verdict

if TYPE_CHECKING:
    from spector_refs.check.page import Page
    from spector_refs.check.probe import HostProbes, Shape

PERMANENT = frozenset({301, 308})
_NOT_REACHED = frozenset({Verdict.NETWORK_UNAVAILABLE, Verdict.DNS_FAILURE, Verdict.REFUSED, Verdict.INVALID})


@dataclass(frozen=True)
class Outcome:
    """What following one URL ended with, before history and archive are added."""

    verdict: Verdict
    reason: str
    final_url: str | None = None
    redirects: tuple[Hop, ...] = ()
    answer: Answer | None = None
    page: Page | None = None
    reached: bool = False
    meta: PageMeta | None = None


class ChainFollower:
    """Follows one URL's redirects with one worker's fetcher.

    With ``probes`` a page that answered 200 is also compared with its
    host's answer for a made-up path (see :mod:`spector_refs.check.probe`).
    """

    def __init__(
        self,
        config: LinkCheckConfig,
        resolver: HostResolver,
        fetcher: Fetcher,
        probes: HostProbes | None = None,
    ):
        self.config = config
        self.resolver = resolver
        self.fetcher = fetcher
        self.probes = probes

    def follow(self, url: str, slot: HostSlot) -> Task[Outcome]:
        outcome = yield from self._chase(url, slot)
        if self.probes is None:
            return outcome
        return (yield from self.probes.judge(url, outcome, slot, self._chase_made_up))

    def probe(self, url: str, slot: HostSlot) -> Task[None]:
        """Ask ``url``'s host for its soft-404 shape now, if this follower has probes and nobody asked yet."""
        if self.probes is not None:
            yield from self.probes.ask_early(url, slot, self._chase_made_up)

    def probe_for_others(
        self, probes: HostProbes, url: str, slot: HostSlot
    ) -> Task[tuple[str, Shape | None]]:
        """Ask ``url``'s host for its soft-404 shape for other processes (see :meth:`HostProbes.ask`)."""
        return (yield from probes.ask(url, slot, self._chase_made_up))

    def _chase(self, url: str, slot: HostSlot, *, judge_errors: bool = True) -> Task[Outcome]:
        try:
            return (yield from self._follow_hops(url, slot, judge_errors))
        finally:
            self.fetcher.release()

    def _chase_made_up(self, url: str, slot: HostSlot) -> Task[Outcome]:
        """:meth:`_chase` for a soft-404 probe's made-up path: an answer that is not a page is not judged.

        The probe keeps only a 2xx page's shape (:func:`~spector_refs.check.probe.probe`) and reads
        nothing else of the outcome. The usual 404 then needs neither the page parser nor the verdict
        rules: the parent process, which asks the probe of a host its worker processes share, loads
        none of them (~30 ms of CPU that took two cores from the children's first answers).
        """
        return self._chase(url, slot, judge_errors=False)

    def _follow_hops(self, url: str, slot: HostSlot, judge_errors: bool) -> Task[Outcome]:
        deadline = time.monotonic() + self.config.deadline
        self.fetcher.forget_cookies()
        current, requested = url, request_url(url)  # made once per hop: it is a split and a join
        seen = {requested}
        hops: list[Hop] = []
        while True:
            host = url_host(current)
            resolution = self.resolver.known(host) or (yield Call(self.resolver.resolve, (host,)))
            if resolution.address is None:
                failure = Failure(resolution.verdict or Verdict.INVALID, resolution.reason)
                return _failed(failure, current, hops)
            answer = yield from self.fetcher.fetch(requested, host_key(current), slot, deadline)
            if isinstance(answer, Failure):
                return _failed(answer, current, hops)
            if not (300 <= answer.status < 400 and answer.location):
                slot.close()  # judging is CPU work: the host's next request need not wait for it
                self.fetcher.release()  # nor for its connection
                if not judge_errors and not 200 <= answer.status < 300:  # see _chase_made_up
                    reason = f"HTTP {answer.status}"
                    return Outcome(Verdict.BROKEN, reason, current, tuple(hops), answer, reached=True)
                yield Pause()  # and the host's next request goes out first
                return self._judge(url, current, hops, answer)
            hops.append(Hop(current, answer.status))
            try:
                target = urljoin(current, answer.location)
            except ValueError as exc:
                reason = f"the server redirected to a malformed URL ({exc})"
                return Outcome(Verdict.INVALID, reason, current, tuple(hops), answer, reached=True)
            stop = self._stop_redirect(target, seen, hops)
            if stop:
                return Outcome(stop[0], stop[1], target, tuple(hops), answer, reached=True)
            if host_key(target) != host_key(current):
                self.fetcher.forget_cookies()
            current, requested = target, request_url(target)
            seen.add(requested)

    def _stop_redirect(self, target: str, seen: set[str], hops: list[Hop]) -> tuple[Verdict, str] | None:
        problem = url_problem(target)
        if problem:
            return problem[0], f"redirected to {target}: {problem[1]}"
        if request_url(target) in seen:
            return Verdict.REDIRECT_LOOP, f"the redirects loop back to {target}"
        if len(hops) > self.config.max_redirects:
            return Verdict.REDIRECT_LOOP, f"more than {self.config.max_redirects} redirects"
        return None

    def _judge(self, url: str, final_url: str, hops: list[Hop], answer: Answer) -> Outcome:
        from spector_refs.check.metadata import page_metadata  # the judging half: see the module
        from spector_refs.check.page import Page, read_page
        from spector_refs.check.verdict import classify

        page = read_page(answer.body, answer.content_type) if is_textual(answer.content_type) else Page()
        verdict, reason = classify(
            answer.status,
            answer.headers,
            page,
            original_url=url,
            final_url=final_url,
            redirected=bool(hops),
            accept_status=self.config.accept_status,
            body=answer.body,
        )
        if answer.notes:
            reason = f"{reason} ({'; '.join(answer.notes)})"
        meta = page_metadata(page) if 200 <= answer.status < 300 else None
        return record(
            Outcome,
            verdict=verdict,
            reason=reason,
            final_url=final_url,
            redirects=tuple(hops),
            answer=answer,
            page=page,
            reached=True,
            meta=meta,
        )


def _failed(failure: Failure, current: str, hops: list[Hop]) -> Outcome:
    reason = failure.reason if not hops else f"redirected to {current}: {failure.reason}"
    reached = bool(hops) or failure.verdict not in _NOT_REACHED
    return Outcome(failure.verdict, reason, current if hops else None, tuple(hops), reached=reached)


def suggested_url(outcome: Outcome) -> str | None:
    """The updated URL to cite when every redirect on the way was permanent."""
    if outcome.verdict is not Verdict.REDIRECTED or not outcome.redirects:
        return None
    if all(hop.status_code in PERMANENT for hop in outcome.redirects):
        return outcome.final_url
    return None


def to_result(
    url: str, outcome: Outcome, *, checked_at: str, elapsed: float, max_text: int | None
) -> LinkResult:
    """The bare result of one check (history, dead and archive come later).

    ``max_text`` caps the page text kept on the result; None keeps none,
    for runs in which nobody reads it (the whole text is a page's costliest part).
    """
    answer = outcome.answer
    page = outcome.page if max_text is not None else None
    text = page.text[:max_text] if page and page.text else None
    return record(
        LinkResult,
        url=url,
        verdict=outcome.verdict,
        reason=outcome.reason,
        status_code=answer.status if answer else None,
        final_url=outcome.final_url,
        redirects=outcome.redirects,
        checked_at=checked_at,
        suggested_url=suggested_url(outcome),
        content_type=answer.content_type if answer else None,
        text=text,
        elapsed=round(elapsed, 3),
        meta=outcome.meta,
    )
