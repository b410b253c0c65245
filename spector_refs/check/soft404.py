"""Pages whose status code lies: soft 404s, landing-page redirects, bot walls.

A status code alone calls a 200 "Page not found" page alive, a deep link
redirected to the home page alive, and a Cloudflare challenge (403 or 503)
dead. Each is a wrong answer for a citation, so the page itself is read:
its title and main headings for "not found" wording, the redirect target
for a home or landing page, the headers and text for a bot wall.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import cache
from urllib.parse import urlsplit

from spector_refs.check.missing import body_missing_phrase, reads_as_article, title_says_missing
from spector_refs.check.page import Page
from spector_refs.check.urls import HOME_PATH, is_deep_link

_WALL_TITLES = re.compile(
    r"^(?:just a moment\.*|attention required!?(?: \| cloudflare)?|access denied|pardon our interruption"
    r"|are you a robot\??|human verification|please verify you are a human|ddos-guard|one more step"
    r"|security check|robot check|verifying you are human)\s*$",
    re.IGNORECASE,
)


# Compiled on first use (~1 ms together in every worker process's imports): only a deep link
# redirected elsewhere and an answer other than 200 need them, and most checks are neither.
@cache
def _error_paths() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|/)(?:404|error|errors|not[-_]?found|page[-_]?not[-_]?found|missing)(?:[./]|$)", re.I
    )


@cache
def _login_paths() -> re.Pattern[str]:
    return re.compile(
        r"(?:^|/)(?:log[-_]?in|sign[-_]?in|auth|sso|subscribe|paywall|register)(?:[./?]|$)", re.I
    )


@cache
def _wall_text() -> re.Pattern[str]:
    return re.compile(
        r"checking (?:if the site connection is secure|your browser before accessing)"
        r"|enable javascript and cookies to continue|verify(?:ing)? you are (?:a )?human"
        r"|incapsula incident id|sucuri website firewall"
        r"|request unsuccessful\. incapsula|please complete the security check|ray id: [0-9a-f]{8,}",
        re.IGNORECASE,
    )


def soft_404_reason(page: Page) -> str | None:
    """Why a page answered with 200 is really "not found"; None if it is not.

    The title and main headings are trusted when a "not found" message is
    most of what they say; the body only near its start and for whole
    sentences an error page uses. A page whose text reads as an article
    (an article about HTTP 404, say) is never one, whatever it quotes.
    """
    found = None
    for label, text in (("title", page.title), *(("heading", h) for h in page.headings)):
        if title_says_missing(text):
            found = f"the page's {label} says {text[:80]!r}"
            break
    else:
        phrase = body_missing_phrase(page.opening)
        found = phrase and f"the page says {phrase!r}"
    if not found or reads_as_article(page.text):
        return None
    return found


def landing_redirect(original: str, final: str) -> str | None:
    """What generic page a deep link was redirected to ("home page", …), if any.

    A URL with a path or query that ends on a site's root, an index page,
    a language root, an error page or a login page no longer shows what was
    cited. A URL that already was such a page is not "deep".
    """
    after = urlsplit(final)
    if not is_deep_link(original):
        return None
    if _login_paths().search(after.path):
        return "login page"
    if _error_paths().search(after.path):
        return "error page"
    if HOME_PATH.match(after.path or "/") and not after.query:
        return "home page"
    return None


def bot_wall(status: int, headers: Mapping[str, str], page: Page) -> str | None:
    """Which bot wall answered instead of the page, if the answer is one.

    Cloudflare marks its challenges with ``cf-mitigated: challenge``; other
    walls (Akamai, Imperva, PerimeterX, DataDome, Sucuri) are known by the
    titles and sentences of their pages. On a 200 only the strong signals
    count, since an ordinary page may say "security check".
    """
    if headers.get("cf-mitigated", "").lower() == "challenge":
        return "a Cloudflare challenge page"
    server = headers.get("server", "").lower()
    if _WALL_TITLES.match(page.title):
        owner = "Cloudflare " if "cloudflare" in server else ""
        return f"a {owner}bot-check page titled {page.title!r}"
    if status != 200 and _wall_text().search(page.opening):
        return "a bot-check page"
    if status in (403, 503) and "cloudflare" in server and "cf-ray" in {k.lower() for k in headers}:
        return "Cloudflare's firewall"
    return None
