"""From an HTTP answer to a verdict with a reason an editor can act on.

The rules favour the reader of a citation: only an answer that says the
page is gone (404, 410, a "not found" page, a deep link sent to the home
page) makes a link broken; an answer that says *this client* may not see it
(401, 403, 451, bot walls, 429) is blocked or rate-limited, never dead.
"""

from __future__ import annotations

from collections.abc import Mapping
from http import HTTPStatus

from spector_refs.check.page import Page
from spector_refs.check.parking import usurped_reason
from spector_refs.check.soft404 import bot_wall, landing_redirect, soft_404_reason
from spector_refs.model import Verdict

_GONE = {400, 404, 410, 414}
_BLOCKED = {401, 402, 403, 407, 451}


_PHRASES = {status.value: f"HTTP {status.value} {status.phrase}" for status in HTTPStatus}
"""Computed once: ``HTTPStatus(code)`` goes through the enum machinery on every call."""


def status_words(status: int) -> str:
    """``HTTP 404 Not Found`` (or just the number for non-standard codes)."""
    return _PHRASES.get(status) or f"HTTP {status}"


def classify(
    status: int,
    headers: Mapping[str, str],
    page: Page,
    *,
    original_url: str,
    final_url: str,
    redirected: bool,
    accept_status: tuple[int, ...] = (),
    body: bytes = b"",
) -> tuple[Verdict, str]:
    """The verdict and its reason for the final answer of a check.

    ``body`` is the raw answer, read for parking services' scripts, which the
    page text leaves out.
    """
    words = status_words(status)
    if status in accept_status:
        return Verdict.OK, f"{words}, accepted by configuration"
    wall = bot_wall(status, headers, page)
    if wall and status != 429:
        return Verdict.BLOCKED, f"{words} from {wall}: the source may be fine but could not be verified"
    if 200 <= status < 300:
        usurped = usurped_reason(original_url, final_url, page, body)
        if usurped:
            return Verdict.USURPED, f"{words}, but {usurped}: cite the archived copy (url-status=usurped)"
        return _classify_success(words, page, original_url, final_url, redirected)
    return _classify_failure(status, words)


def _classify_success(
    words: str, page: Page, original_url: str, final_url: str, redirected: bool
) -> tuple[Verdict, str]:
    missing = soft_404_reason(page)
    if missing:
        return Verdict.SOFT_404, f"{words}, but {missing}"
    if not redirected:
        return Verdict.OK, words
    landing = landing_redirect(original_url, final_url)
    if landing == "login page":
        return Verdict.BLOCKED, f"redirected to a login page ({final_url}): the source could not be verified"
    if landing:
        return Verdict.SOFT_404, f"the deep link was redirected to the site's {landing} ({final_url})"
    return Verdict.REDIRECTED, f"{words} after redirects to {final_url}"


def _classify_failure(status: int, words: str) -> tuple[Verdict, str]:
    if status in _GONE:
        return Verdict.BROKEN, words
    if status in _BLOCKED:
        return Verdict.BLOCKED, f"{words}: the source may be fine but refused this client"
    if status == 429:
        return Verdict.RATE_LIMITED, f"{words}: the server asked us to slow down; try again later"
    if status == 408:
        return Verdict.TIMEOUT, words
    if 300 <= status < 400:
        return Verdict.BROKEN, f"{words} without a usable Location header"
    if 400 <= status < 500:
        return Verdict.BLOCKED, f"{words}: the server refused this request; the source could not be verified"
    if 500 <= status < 600:
        return Verdict.SERVER_ERROR, f"{words}: the server failed"
    return Verdict.BLOCKED, f"{words}, a non-standard answer: the source could not be verified"
