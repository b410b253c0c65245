"""Fetching a live Wikipedia page through the MediaWiki Action API (part of the collector).

Users usually have a URL or a title, not a file. One ``action=parse``
request returns both the rendered HTML and the wikitext of the current
revision, after following redirects, so either parser can read the page.
The request names the tool in its User-Agent, as Wikimedia's policy asks of
every client. Whatever goes wrong (a page that does not exist, no network, a
timeout, an answer that is not the API's) becomes one :class:`FetchError`
line that says what to do; nothing here retries behind the user's back.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING
from urllib.parse import parse_qs, unquote

from spector_refs.errors import FetchError, InputError
from spector_refs.model import Article
from spector_refs.version import user_agent

if TYPE_CHECKING:
    import requests

SOURCES = ("html", "wikitext")
_PAGE_URL = re.compile(
    r"^https?://(?P<wiki>[a-z][a-z0-9-]{1,20})\.(?:m\.)?wikipedia\.org"
    r"(?:/wiki/(?P<path>[^?#]+)|/w/index\.php\?(?P<query>[^#]*))",
    re.I,
)
_WIKI = re.compile(r"^[a-z][a-z0-9-]{1,20}$")


def is_page_url(text: str) -> bool:
    """Whether ``text`` is a Wikipedia article URL (``/wiki/Title`` or ``/w/index.php?title=…``)."""
    return _page_from_url(text.strip()) is not None


def _page_from_url(url: str) -> tuple[str, str] | None:
    """(wiki, title) of a page URL, or None if it names no page."""
    match = _PAGE_URL.match(url)
    if not match:
        return None
    if match.group("path"):
        title = unquote(match.group("path"))
    else:
        titles = parse_qs(match.group("query") or "").get("title")
        if not titles:
            return None
        title = titles[0]
    title = title.replace("_", " ").strip()
    return (match.group("wiki").lower(), title) if title else None


def api_url(wiki: str) -> str:
    """The Action API endpoint of a language edition: ``https://en.wikipedia.org/w/api.php``."""
    return f"https://{wiki}.wikipedia.org/w/api.php"


def fetch_article(
    target: str,
    *,
    wiki: str = "en",
    source: str = "html",
    session: requests.Session | None = None,
    timeout: float = 30,
) -> Article:
    """Fetch a page by title or URL and parse its HTML (or wikitext with ``source="wikitext"``).

    A URL's own language edition wins over ``wiki``. Raises :class:`FetchError`
    when the page cannot be fetched and :class:`InputError` for a bad
    ``source`` or ``wiki``.
    """
    if source not in SOURCES:
        raise InputError(f"unknown page source {source!r} (choose html or wikitext)")
    wiki, title = _resolve(target, wiki)
    page = _request_page(wiki, title, session, timeout)
    page_title = str(page.get("title") or title)
    url = f"https://{wiki}.wikipedia.org/wiki/{page_title.replace(' ', '_')}"
    return _parse(page, source, page_title, url)


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
    wiki, title = _resolve(target, wiki)
    page = _request_page(wiki, title, session, timeout, content="wikitext")
    return str(page.get("title") or title), page["wikitext"]


def _resolve(target: str, wiki: str) -> tuple[str, str]:
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
    return wiki, target.replace("_", " ")


def _request_page(
    wiki: str, title: str, session: requests.Session | None, timeout: float, *, content: str = "text"
) -> dict:
    """The API's ``parse`` answer for one page; ``content`` (text or wikitext) must be in it.

    requests is imported here, not above: reading a saved article, a URL
    list or the link cache never needs the HTTP client.
    """
    import requests

    session = session or requests.Session()
    host = f"{wiki}.wikipedia.org"
    props = "text|wikitext|displaytitle" if content == "text" else f"{content}|displaytitle"
    params = {
        "action": "parse",
        "page": title,
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
        raise FetchError(
            f"{host} did not answer within {timeout:g} s; try again later or raise --timeout"
        ) from None
    except requests.RequestException as error:
        raise FetchError(
            f"could not reach {host} ({type(error).__name__}); check the network connection"
        ) from None
    if response.status_code != 200:
        raise FetchError(f"{host} answered HTTP {response.status_code} for {title!r}; try again later")
    try:
        answer = response.json()
    except ValueError:
        raise FetchError(f"{host} did not return the API's JSON for {title!r}") from None
    return _page_or_error(answer, title, host, content)


def _page_or_error(answer: object, title: str, host: str, content: str) -> dict:
    if not isinstance(answer, dict):
        raise FetchError(f"{host} returned an unexpected answer for {title!r}")
    error = answer.get("error")
    if isinstance(error, dict):
        if error.get("code") in ("missingtitle", "pagecannotexist"):
            raise FetchError(f"{title!r} does not exist on {host}")
        if error.get("code") == "invalidtitle":
            raise FetchError(f"{title!r} is not a valid page title on {host}")
        raise FetchError(f"{host} refused the request: {error.get('info') or error.get('code')}")
    page = answer.get("parse")
    if not isinstance(page, dict) or not isinstance(page.get(content), str):
        raise FetchError(f"{host} returned no page content for {title!r}")
    return page


def _parse(page: dict, source: str, title: str, url: str) -> Article:
    if source == "wikitext":
        from spector_refs.parse.wikitext import parse_wikitext

        return parse_wikitext(str(page.get("wikitext") or ""), title=title, path=url)
    from spector_refs.parse.html import parse_html

    return parse_html(page["text"], title=title, path=url)
