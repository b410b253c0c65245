"""Fetching a live Wikipedia page through the MediaWiki Action API (part of the collector).

Users usually have a URL or a title, not a file. One ``action=parse``
request returns both the rendered HTML and the wikitext of the current
revision (or of the revision asked for, ``oldid``), after following
redirects, so either parser can read the page. The article's path is the
permanent link of the revision read, so every report names exactly what was
audited even as the page changes. The request names the tool in its
User-Agent, as Wikimedia's policy asks of every client. Whatever goes wrong
(a page that does not exist, no network, a timeout, an answer that is not
the API's) becomes one :class:`FetchError` line that says what to do — a
:class:`NetworkError` when the wiki could not be reached at all; nothing
here retries behind the user's back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, quote, unquote

from spector_refs.errors import FetchError, InputError, NetworkError
from spector_refs.version import user_agent

if TYPE_CHECKING:
    import requests

    from spector_refs.model import Article

SOURCES = ("html", "wikitext")
_PAGE_URL = re.compile(
    r"^https?://(?P<wiki>[a-z][a-z0-9-]{1,20})\.(?:m\.)?wikipedia\.org"
    r"(?:/wiki/(?P<path>[^?#]+)|/w/index\.php\?(?P<query>[^#]*))",
    re.I,
)
_WIKI = re.compile(r"^[a-z][a-z0-9-]{1,20}$")
# Answers that say "not now" rather than "not this": the wiki is unavailable, the request was fine.
_UNAVAILABLE = frozenset({429, 502, 503, 504})


def is_page_url(text: str) -> bool:
    """Whether ``text`` is a Wikipedia article URL (``/wiki/Title`` or ``/w/index.php?title=…``)."""
    return _page_from_url(text.strip()) is not None


def _page_from_url(url: str) -> tuple[str, str, int | None] | None:
    """(wiki, title, revision) of a page URL, or None if it names no page.

    A permanent link (``index.php?oldid=N``) names a revision; its title may be missing.
    """
    match = _PAGE_URL.match(url)
    if not match:
        return None
    revision = None
    if match.group("path"):
        title = unquote(match.group("path"))
    else:
        query = parse_qs(match.group("query") or "")
        title = (query.get("title") or [""])[0]
        oldid = (query.get("oldid") or [""])[0]
        revision = int(oldid) if oldid.isdigit() else None
    title = title.replace("_", " ").strip()
    return (match.group("wiki").lower(), title, revision) if title or revision else None


def api_url(wiki: str) -> str:
    """The Action API endpoint of a language edition: ``https://en.wikipedia.org/w/api.php``."""
    return f"https://{wiki}.wikipedia.org/w/api.php"


def fetch_article(
    target: str,
    *,
    wiki: str = "en",
    source: str = "html",
    revision: int | None = None,
    session: requests.Session | None = None,
    timeout: float = 30,
) -> Article:
    """Fetch a page by title or URL and parse its HTML (or wikitext with ``source="wikitext"``).

    A URL's own language edition wins over ``wiki``. ``revision`` (an
    ``oldid``, or the one a permanent-link URL names) pins the page to that
    revision instead of the current one. Raises :class:`FetchError` when the
    page cannot be fetched (:class:`NetworkError` when the wiki cannot be
    reached) and :class:`InputError` for a bad ``source``, ``wiki`` or ``revision``.
    """
    if source not in SOURCES:
        raise InputError(f"unknown page source {source!r} (choose html or wikitext)")
    if revision is not None and revision < 1:
        raise InputError(f"{revision}: not a revision number (a page history's oldid, from 1)")
    wiki, title, linked = _resolve(target, wiki)
    page = _request_page(wiki, title, revision or linked, session, timeout)
    page_title = str(page.get("title") or title)
    return _parse(page, source, page_title, _permanent_link(wiki, page_title, page.get("revid")))


def _permanent_link(wiki: str, title: str, revision: object) -> str:
    """The page's permanent link for the revision read (its plain URL if the answer named none)."""
    name = title.replace(" ", "_")
    if isinstance(revision, int) and revision > 0:
        return f"https://{wiki}.wikipedia.org/w/index.php?title={quote(name)}&oldid={revision}"
    return f"https://{wiki}.wikipedia.org/wiki/{name}"


def fetch_wikitext(
    target: str,
    *,
    wiki: str = "en",
    session: requests.Session | None = None,
    timeout: float = 30,
) -> tuple[str, str]:
    """The (title, wikitext) of a page's current revision, by title or URL, redirects followed.

    For ``fix``, which edits the wikitext itself; the same errors as
    :func:`fetch_article`.
    """
    wiki, title, revision = _resolve(target, wiki)
    page = _request_page(wiki, title, revision, session, timeout, content="wikitext")
    return str(page.get("title") or title), page["wikitext"]


def _resolve(target: str, wiki: str) -> tuple[str, str, int | None]:
    target = target.strip()
    from_url = _page_from_url(target)
    if from_url:
        return from_url
    if re.match(r"^https?://", target, re.I):
        raise InputError(
            f"{target}: not a Wikipedia article URL (expected https://xx.wikipedia.org/wiki/Title)"
        )
    if not _WIKI.match(wiki):
        raise InputError(f"{wiki!r} is not a Wikipedia language code (e.g. en, de, fr)")
    if not target:
        raise InputError("no page title given")
    return wiki, target.replace("_", " "), None


def _request_page(
    wiki: str,
    title: str,
    revision: int | None,
    session: requests.Session | None,
    timeout: float,
    *,
    content: str = "text",
) -> dict:
    """The API's ``parse`` answer for one page (or revision); ``content`` (text or wikitext) must be in it.

    requests is imported here, not above: reading a saved article, a URL
    list or the link cache never needs the HTTP client.
    """
    import requests

    session = session or requests.Session()
    host = f"{wiki}.wikipedia.org"
    what = f"revision {revision}" if revision else repr(title)
    props = "text|wikitext|displaytitle" if content == "text" else f"{content}|displaytitle"
    params = {
        "action": "parse",
        **({"oldid": str(revision)} if revision else {"page": title}),
        "prop": props,
        "redirects": "1",
        "formatversion": "2",
        "format": "json",
    }
    try:
        response = session.get(
            api_url(wiki), params=params, headers={"User-Agent": user_agent()}, timeout=timeout
        )
    except requests.Timeout:
        raise NetworkError(
            f"{host} did not answer within {timeout:g} s; try again later or raise --timeout"
        ) from None
    except requests.RequestException as error:
        raise NetworkError(
            f"could not reach {host} ({type(error).__name__}); check the network connection"
        ) from None
    if response.status_code in _UNAVAILABLE:
        raise NetworkError(f"{host} answered HTTP {response.status_code} for {what}; try again later")
    if response.status_code != 200:
        raise FetchError(f"{host} answered HTTP {response.status_code} for {what}")
    try:
        answer = response.json()
    except ValueError:
        raise FetchError(f"{host} did not return the API's JSON for {what}") from None
    return _page_or_error(answer, what, host, content)


def _page_or_error(answer: object, what: str, host: str, content: str) -> dict:
    if not isinstance(answer, dict):
        raise FetchError(f"{host} returned an unexpected answer for {what}")
    error = answer.get("error")
    if isinstance(error, dict):
        if error.get("code") in ("missingtitle", "pagecannotexist", "nosuchrevid"):
            raise FetchError(f"{what} does not exist on {host}")
        if error.get("code") == "invalidtitle":
            raise FetchError(f"{what} is not a valid page title on {host}")
        raise FetchError(f"{host} refused the request: {error.get('info') or error.get('code')}")
    page = answer.get("parse")
    if not isinstance(page, dict) or not isinstance(page.get(content), str):
        raise FetchError(f"{host} returned no page content for {what}")
    return page


def _parse(page: dict, source: str, title: str, url: str) -> Article:
    if source == "wikitext":
        from spector_refs.parse.wikitext import parse_wikitext

        return parse_wikitext(str(page.get("wikitext") or ""), title=title, path=url)
    from spector_refs.parse.html import parse_html

    return parse_html(page["text"], title=title, path=url)
