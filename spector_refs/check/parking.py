"""Usurped domains: a cited site's name now answers with a parking, for-sale or casino page.

When a domain lapses, its old URLs do not 404: a parking service answers
every path with 200 and a page of ads, a broker offers the name for sale, or
a spammer buys it and fills it with online-casino pages. A status code calls
all of these alive; CS1 calls them ``url-status=usurped``, and the citation
needs its archive copy. Four kinds of signal are read:

* the final host after redirects belongs to a parking or domain-sale service
  (``sedoparking.com``, ``dan.com``, ``hugedomains.com``…), or the redirect
  ends on a parking lander path (``/lander``);
* the raw page loads a parking service's script (Sedo, Bodis, ParkingCrew,
  Above, Google's AdSense-for-domains ``caf.js``);
* the page's own words: "This domain is for sale", "parked free, courtesy
  of GoDaddy", "Buy this domain";
* a gambling takeover: a page whose title speaks of slots, casinos or
  betting and whose text repeats such words, where the cited URL is not a
  gambling site itself.
"""

from __future__ import annotations

import re
from functools import cache
from urllib.parse import urlsplit

from spector_refs.check.page import Page, folded, has_any

PARKING_HOSTS = (
    "sedoparking.com", "sedo.com", "parkingcrew.net", "bodis.com", "above.com", "dan.com", "afternic.com",
    "hugedomains.com", "buydomains.com", "undeveloped.com", "domainmarket.com", "parklogic.com",
    "parkingpage.namecheap.com", "domainnamesales.com", "uniregistry.com", "domainagents.com",
    "squadhelp.com", "atom.com", "brandbucket.com", "perfectdomain.com", "sav.com", "efty.com",
    "namebright.com", "epik.com", "voodoo.com", "trafficz.com", "fabulous.com", "skenzo.com",
    "dsultra.com", "searchvity.com", "domainlore.com", "smartname.com", "internettraffic.com",
)  # fmt: skip
"""Hosts (and their subdomains) that serve parked or for-sale domains."""


# The patterns are compiled on first use (~4 ms together): most pages hold none of their hint
# words (below), so most runs, and every start-up, never pay for them.
@cache
def _script_marks() -> re.Pattern[bytes]:
    """A parking service's script or its lander redirect, in lower-cased bytes.

    Searched in the lower-cased window, not case-blind in the page: for bytes
    both know only ASCII case, every literal here is lower case and every
    class (``[a-z]``, ``\\w``, ``\\s``) takes a letter or not whatever its case,
    so each byte is taken or refused alike and the match spans the same bytes;
    ``re.IGNORECASE`` made the search about six times slower (12 against 1.9 ms
    on a 64 KB window holding a hint word).
    """
    return re.compile(
        rb"sedoparking\.com|img\.sedoparking|parking\.bodis\.com|parkingcrew\.net|above\.com/[a-z]*park"
        rb"|google\.com/adsense/domains/caf\.js|/js/parking\.\w+\.js|parklogic|domainparking"
        rb"|window\.location(?:\.href)?\s*=\s*[\"']/lander[\"']|trafficz|searchvity|dsnextgen"
    )


@cache
def _sale_words() -> re.Pattern[str]:
    """A parked or for-sale domain's own words."""
    return re.compile(
        r"\b(?:this|the)\s+domain(?:\s+name)?(?:\s+\S+\.[a-z]{2,})?\s+(?:is|may\s+be|might\s+be)\s+for\s+sale"
        r"|\b[\w-]+\.[a-z]{2,}\s+(?:is|may\s+be)\s+for\s+sale\b"
        r"|\bbuy\s+this\s+domain\b|\bget\s+this\s+domain\b|\binquire\s+about\s+this\s+domain\b"
        r"|\bmake\s+an\s+offer\s+on\s+this\s+domain\b|\bdomain\s+(?:name\s+)?(?:is\s+)?(?:now\s+)?for\s+sale\b"
        r"|\bparked\s+(?:free,?\s+)?courtesy\s+of\b|\bthis\s+(?:web\s+)?(?:page|domain)\s+is\s+parked\b"
        r"|\bthis\s+domain\s+(?:has\s+)?expired\b"
        r"|\bthe\s+owner\s+of\s+this\s+domain\s+has\s+not\s+yet\s+uploaded\b",
        re.IGNORECASE,
    )


_SCRIPT_HINTS = (b"park", b"adsense", b"lander", b"trafficz", b"searchvity", b"dsnextgen")
"""A word every :func:`_script_marks` alternative contains (in the lower-cased window)."""
_SALE_HINTS = ("domain", "sale", "parked")
"""A word every :func:`_sale_words` alternative contains (looked for in folded text: ``page.folded``)."""


@cache
def _gambling() -> re.Pattern[str]:
    """A gambling term, the words of a gambling spam site that took a domain over."""
    return re.compile(
        r"\b(?:casinos?|slots?|slot\s+gacor|gacor|judi|togel|toto|sbobet|poker|roulette|blackjack|jackpot"
        r"|betting|sportsbook|bookmakers?|baccarat|maxwin|bandar|pragmatic\s+play|pg\s+soft|free\s+spins?"
        r"|mahjong\s+ways|slot\s+online|online\s+casinos?|casino\s+online)\b",
        re.IGNORECASE,
    )


@cache
def _promotion() -> re.Pattern[str]:
    """A gambling site's call to sign up or deposit."""
    return re.compile(
        r"\b(?:gacor|maxwin|judi|togel|daftar|situs|link\s+alternatif|bonus|deposit|free\s+spins?|rtp"
        r"|play\s+now|sign\s+up|join\s+now|jackpot|wager)\b",
        re.IGNORECASE,
    )


_GAMBLING_HINTS = (
    "casino", "slot", "gacor", "judi", "togel", "toto", "sbobet", "poker", "roulette", "blackjack",
    "jackpot", "betting", "sportsbook", "bookmaker", "baccarat", "maxwin", "bandar", "pragmatic", "soft",
    "spin", "mahjong",
)  # fmt: skip
"""A word every :func:`_gambling` alternative contains (looked for in folded text)."""
_GAMBLING_HOST = re.compile(r"casino|slot|bet|poker|gambl|lotto|bingo|judi|togel", re.IGNORECASE)
_SCRIPT_WINDOW = 65536
_TAKEOVER_HITS = 6
_DISTINCT_TERMS = 3


def usurped_reason(original_url: str, final_url: str, page: Page, body: bytes = b"") -> str | None:
    """Why the answer is a parking, for-sale or gambling page in place of the cited site; None if not."""
    return (
        _parking_host(original_url, final_url)
        or _parking_script(body)
        or _sale_wording(page)
        or _gambling_takeover(original_url, page)
    )


def is_parking_host(host: str) -> bool:
    """Whether a host is (a subdomain of) a parking or domain-sale service."""
    host = host.lower().rstrip(".")
    return any(host == known or host.endswith("." + known) for known in PARKING_HOSTS)


def _parking_host(original_url: str, final_url: str) -> str | None:
    if final_url == original_url:
        return None  # no redirect: neither another host nor a lander path
    before, after = urlsplit(original_url), urlsplit(final_url)
    if (after.hostname or "") != (before.hostname or "") and is_parking_host(after.hostname or ""):
        return f"the site now redirects to the parking or domain-sale service {after.hostname}"
    if after.path.rstrip("/").lower() == "/lander" and before.path.rstrip("/").lower() != "/lander":
        return "the site now redirects to a parked-domain lander page (/lander)"
    return None


def _parking_script(body: bytes) -> str | None:
    window = body[:_SCRIPT_WINDOW]
    lowered = window.lower()
    if not has_any(lowered, _SCRIPT_HINTS):
        return None  # the regex costs ~0.1 µs a byte; finding its words, a hundredth of that
    match = _script_marks().search(lowered)
    if match:
        found = window[match.start() : match.end()]  # the page's own spelling
        return f"the page loads a domain-parking script ({found.decode('ascii', 'replace')})"
    return None


def _sale_wording(page: Page) -> str | None:
    for text in (page.title, *page.headings, page.opening):
        lowered = folded(text)
        if not has_any(lowered, _SALE_HINTS):
            continue  # nearly every page: the regex tries a word pattern at every word start
        match = _sale_words().search(text)
        if match:
            return f"the page says {match.group(0)!r}: the domain is parked or for sale"
    return None


def _gambling_takeover(original_url: str, page: Page) -> str | None:
    """A gambling page at a URL that was not a gambling site's.

    The title must speak of gambling and the text must use several gambling
    words and promote play (bonus, deposit, "daftar"): a news story about a
    casino names one casino many times but does not advertise free spins.
    """
    title = page.title or " ".join(page.headings[:1])
    lowered = folded(title)
    if not has_any(lowered, _GAMBLING_HINTS) or not _gambling().search(title):
        return None
    cited = urlsplit(original_url)
    if _GAMBLING_HOST.search(f"{cited.hostname or ''}{cited.path}"):
        return None
    text = page.opening
    hits = _gambling().findall(text)
    distinct = {hit.lower() for hit in hits}
    if len(hits) < _TAKEOVER_HITS or len(distinct) < _DISTINCT_TERMS or not _promotion().search(text):
        return None
    words = ", ".join(dict.fromkeys(hit.lower() for hit in hits[:_TAKEOVER_HITS]))
    return f"the page is a gambling page ({page.title[:80]!r}; {words}) on a site that was not one"
