"""Soft 404s by comparison: how a host answers for a page that cannot exist.

Wording alone misses a "not found" page that says nothing recognisable
("Try the search box") and cannot read every language. Bar-Yossef et al.
("Sic transit gloria telae", WWW 2004) ask each host once for a random
path that cannot exist. A host that answers it with a 404 tells the truth;
one that answers 200, or redirects it somewhere, shows what its soft 404
looks like, and a cited page that looks the same (same final URL, or the
same title and nearly the same text) is that soft 404.

The probe is one more request per host and run, made through the same
follower as every check, so it passes the same gate (vetted addresses,
private ones only when the run allows them) and counts against the same
per-host limits. Workers that need a host's probe while another worker is
asking wait for that answer instead of asking again, and give up their
host slot while they wait so the asking worker can always get one.

The comparison's words (:mod:`~spector_refs.check.missing`) and page model
are imported where they are used: a check makes its host's probes before
its first request, and compares pages only once answers are in, by when
the judging half is loaded (:func:`~spector_refs.check.checker.judging_steps`).
"""

from __future__ import annotations

import random
import string
import threading
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from spector_refs.check.scheduler import HostSlot
from spector_refs.check.tasks import Await, Task
from spector_refs.check.urls import KEPT, is_deep_link, url_parts
from spector_refs.model import Verdict

_URANDOM = random.SystemRandom()
"""The probe's random paths, from ``os.urandom``: the ``secrets`` module (the same thing) costs ~5 ms
of start-up for hmac and OpenSSL's hashlib, and ``random``'s own generator repeats in forked workers."""

if TYPE_CHECKING:
    from spector_refs.check.chain import Outcome

Follow = Callable[[str, HostSlot], Task["Outcome"]]

RESEMBLANCE = 0.8  # Jaccard resemblance of word 3-shingles above which two pages are one
_OWN_TEXT = 15  # shingles of its own (about 15 words) that make a page more than the host's 404
_SHINGLE = 3
_MIN_TOKENS = 20  # words below which an app's empty shell and a "not found" page look alike
_JUDGED = frozenset({Verdict.OK, Verdict.REDIRECTED})


@dataclass(frozen=True)
class Shape:
    """What a host answered for a path that cannot exist, as far as a comparison needs.

    ``final_url`` is where its redirects ended (None when it answered at
    once); ``shingles`` are of its title and text with the made-up name left out.
    """

    path: str
    final_url: str | None
    title: tuple[str, ...]
    shingles: frozenset[tuple[str, ...]]


class HostProbes:
    """Each host's answer for a made-up path, asked once per run and shared by all workers."""

    def __init__(self, *, wait: float):
        self._wait = wait
        self._lock = threading.Lock()
        self._asked: dict[str, threading.Event] = {}
        self._shapes: dict[str, Shape | None] = {}

    def judge(self, url: str, outcome: Outcome, slot: HostSlot, follow: Follow) -> Task[Outcome]:
        """``outcome`` as a soft 404 when it looks like the host's answer for a made-up path."""
        if outcome.verdict not in _JUDGED or outcome.page is None or outcome.answer is None:
            return outcome
        if not 200 <= outcome.answer.status < 300 or not is_deep_link(url):
            return outcome  # a site's home page exists even where every unknown path shows it
        shape = yield from self.shape(url, slot, follow)
        reason = shape and same_as_probe(url, outcome, shape)
        if not reason:
            return outcome
        status = outcome.answer.status
        return replace(outcome, verdict=Verdict.SOFT_404, reason=f"HTTP {status}, but {reason}")

    def shape(self, url: str, slot: HostSlot, follow: Follow) -> Task[Shape | None]:
        """The host's soft-404 shape; None when it answers a made-up path honestly (or not at all)."""
        origin = _origin(url)
        asked = self._ask(origin)
        if asked is not None:
            slot.close()  # the asking worker may need a slot on this host
            if not asked.is_set():
                yield Await(asked, self._wait)
            return self._shapes.get(origin)
        return (yield from self._probe(origin, slot, follow))

    def ask_early(self, url: str, slot: HostSlot, follow: Follow) -> Task[None]:
        """Probe ``url``'s host now unless a worker already asked; never wait for another's answer.

        A worker about to check a host's first deep link asks before its own
        request when more of the host's links are queued: the workers that
        take them fetch while the probe is out, and find its answer ready
        when they judge their pages instead of waiting one more round trip
        for it (the whole first wave did, on a run of one big host).
        """
        origin = _origin(url)
        if origin not in self._asked and self._ask(origin) is None:
            yield from self._probe(origin, slot, follow)

    def expect(self, urls: Iterable[str]) -> dict[str, str]:
        """Mark these URLs' hosts as being asked elsewhere; a URL of each, by origin.

        Worker processes that share a host wait for the parent's probe of it
        (:meth:`ask`, :meth:`provide`) instead of each asking its own.
        """
        first = {_origin(url): url for url in reversed(list(urls))}
        with self._lock:
            for origin in first:
                self._asked.setdefault(origin, threading.Event())
        return first

    def ask(self, url: str, slot: HostSlot, follow: Follow) -> Task[tuple[str, Shape | None]]:
        """Probe ``url``'s host now, whoever expects the answer: (its origin, its shape)."""
        origin = _origin(url)
        with self._lock:
            self._asked.setdefault(origin, threading.Event())
        return origin, (yield from self._probe(origin, slot, follow))

    def provide(self, answer: tuple[str, Shape | None]) -> None:
        """Take a host's shape asked in another process (an ``(origin, shape)`` from :meth:`ask`)."""
        origin, shape = answer
        self._shapes[origin] = shape
        with self._lock:
            asked = self._asked.setdefault(origin, threading.Event())
        asked.set()

    def _ask(self, origin: str) -> threading.Event | None:
        """None when the caller is the one to probe ``origin``; else the event that the answer is in."""
        with self._lock:
            asked = self._asked.get(origin)
            if asked is None:
                self._asked[origin] = threading.Event()
        return asked

    def _probe(self, origin: str, slot: HostSlot, follow: Follow) -> Task[Shape | None]:
        try:
            self._shapes[origin] = yield from probe(origin, slot, follow)
        finally:
            self._asked[origin].set()
        return self._shapes[origin]


def probe(origin: str, slot: HostSlot, follow: Follow) -> Task[Shape | None]:
    """Ask ``origin`` for a random path; its shape if the answer was a page, not an error."""
    name = "".join(_URANDOM.choices(string.ascii_lowercase, k=24))
    path = f"/{name}"
    outcome = yield from follow(f"{origin}{path}", slot)
    answer = outcome.answer
    if answer is None or outcome.page is None or not 200 <= answer.status < 300:
        return None
    words = _path_words(path)
    title = _tokens(outcome.page.title, words)
    text = _tokens(outcome.page.text, words)
    if len(text) < _MIN_TOKENS:
        return None
    final = outcome.final_url if outcome.redirects else None
    return Shape(path, final, title, _shingles(title + text))


def same_as_probe(url: str, outcome: Outcome, shape: Shape) -> str | None:
    """How the cited page matches the host's answer for a made-up path; None if it does not.

    Resemblance alone would call a short page in heavy site chrome (a product
    page of thirty words under six hundred of menus) the 404 page it shares
    that chrome with; a page with text of its own is never the host's 404.
    """
    final = outcome.final_url if outcome.redirects else None
    if final and shape.final_url and _same_target(final, shape.final_url, shape.path):
        return f"the host redirects a made-up path ({shape.path}) to the same page ({final})"
    from spector_refs.check.page import Page

    page = outcome.page or Page()
    words = _path_words(urlsplit(url).path) | _path_words(shape.path)
    title = _tokens(page.title, words)
    if title != tuple(t for t in shape.title if t not in words):
        return None
    shingles = _shingles(title + _tokens(page.text, words))
    probed = frozenset(s for s in shape.shingles if not words.intersection(s))
    if _resemblance(shingles, probed) < RESEMBLANCE or len(shingles - probed) >= _OWN_TEXT:
        return None
    return f"the host answers a made-up path ({shape.path}) with the same page, titled {page.title[:80]!r}"


def _same_target(final: str, probed: str, path: str) -> bool:
    """One redirect target, allowing the made-up name in the probe's query (``/search?q=…``)."""
    a, b = urlsplit(final), urlsplit(probed)
    if (a.scheme, a.netloc.lower(), a.path.rstrip("/")) != (b.scheme, b.netloc.lower(), b.path.rstrip("/")):
        return False
    return a.query == b.query or path.strip("/") in b.query


@lru_cache(maxsize=KEPT)
def _origin(url: str) -> str:
    """``scheme://host[:port]`` in lower case, the key of a host's probe; asked by every judged check."""
    parts = url_parts(url)
    return f"{parts.scheme.lower()}://{parts.netloc.rsplit('@', 1)[-1].lower()}"


def _path_words(path: str) -> frozenset[str]:
    """The words of a path, which many "not found" pages repeat ("nothing found for …")."""
    return frozenset(_tokens(path, frozenset()))


def _tokens(text: str, leave_out: frozenset[str]) -> tuple[str, ...]:
    from spector_refs.check.missing import tokens

    return tuple(t for t in tokens(text) if t not in leave_out)


def _shingles(tokens: tuple[str, ...]) -> frozenset[tuple[str, ...]]:
    if len(tokens) <= _SHINGLE:
        return frozenset({tokens})
    return frozenset(tokens[i : i + _SHINGLE] for i in range(len(tokens) - _SHINGLE + 1))


def _resemblance(a: frozenset, b: frozenset) -> float:
    """Broder's resemblance: shared shingles over all shingles."""
    if not a and not b:
        return 1.0
    return len(a & b) / len(a | b)
