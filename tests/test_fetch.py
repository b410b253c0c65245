"""Fetching live pages through the MediaWiki API, with every request answered by `responses`."""

from __future__ import annotations

import pytest
import requests
import responses
from responses import matchers

from spector_refs.collect.wiki import api_url, fetch_article, is_page_url
from spector_refs.errors import FetchError, InputError
from spector_refs.version import __version__, user_agent

API = api_url("en")
WIKITEXT = (
    "'''Operation SpecTor''' was an operation coordinated by [[Europol]].<ref>{{cite web "
    "|url=https://eucrim.eu/news/end-of-monopoly-market/ |title=End of Monopoly Market |website=eucrim.eu "
    "|access-date=2024-01-31}}</ref>\n\n== References ==\n{{reflist}}\n"
)
HTML = (
    '<div class="mw-parser-output"><p><b>Operation SpecTor</b> was an operation coordinated by '
    '<a href="/wiki/Europol">Europol</a>.<sup id="cite_ref-1" class="reference">'
    '<a href="#cite_note-1"><span class="cite-bracket">[</span>1<span class="cite-bracket">]</span></a>'
    '</sup></p><div class="reflist"><div class="mw-references-wrap"><ol class="references">'
    '<li id="cite_note-1"><span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span> '
    '<span class="reference-text"><cite class="citation web cs1"><a rel="nofollow" class="external text" '
    'href="https://eucrim.eu/news/end-of-monopoly-market/">"End of Monopoly Market"</a>. '
    '<i>eucrim.eu</i>. Retrieved <span class="nowrap">2024-01-31</span>.</cite></span></li></ol>'
    "</div></div></div>"
)
PAGE = {
    "parse": {
        "title": "Operation SpecTor",
        "pageid": 75892041,
        "redirects": [{"from": "Operation Spector", "to": "Operation SpecTor"}],
        "displaytitle": '<span class="mw-page-title-main">Operation SpecTor</span>',
        "text": HTML,
        "wikitext": WIKITEXT,
    }
}


def _expect(params: dict[str, str], body: object = None, status: int = 200, url: str = API) -> None:
    expected = {
        "action": "parse",
        "prop": "text|wikitext|displaytitle",
        "redirects": "1",
        "formatversion": "2",
        "format": "json",
        **params,
    }
    responses.get(
        url,
        json=PAGE if body is None else body,
        status=status,
        match=[matchers.query_param_matcher(expected), matchers.header_matcher({"User-Agent": user_agent()})],
    )


def test_user_agent_names_the_tool_and_version() -> None:
    assert user_agent() == (
        f"spector-refs/{__version__} (https://github.com/spector-refs/spector-refs; audit tool)"
    )


@responses.activate
def test_fetch_by_title_parses_wikitext() -> None:
    _expect({"page": "Operation SpecTor"})
    article = fetch_article("Operation SpecTor", source="wikitext")
    assert article.title == "Operation SpecTor"
    assert article.source_format == "wikitext"
    assert article.path == "https://en.wikipedia.org/wiki/Operation_SpecTor"
    ref = article.reference(1)
    assert (ref.title, ref.work, ref.access_date) == ("End of Monopoly Market", "eucrim.eu", "2024-01-31")
    assert article.claims[0].refs == (1,)


@responses.activate
def test_fetch_by_url_parses_html_by_default() -> None:
    _expect({"page": "Operation SpecTor"})
    article = fetch_article("https://en.wikipedia.org/wiki/Operation_SpecTor")
    assert article.source_format == "html"
    assert article.title == "Operation SpecTor"
    assert article.reference(1).url == "https://eucrim.eu/news/end-of-monopoly-market/"


@responses.activate
def test_redirect_is_followed_and_canonical_title_kept() -> None:
    _expect({"page": "Operation Spector"})
    article = fetch_article("Operation_Spector", source="wikitext")
    assert article.title == "Operation SpecTor"


@responses.activate
def test_url_language_edition_wins_over_wiki_argument() -> None:
    _expect({"page": "Opération SpecTor"}, url=api_url("fr"))
    article = fetch_article("https://fr.m.wikipedia.org/wiki/Op%C3%A9ration_SpecTor#Historique", wiki="en")
    assert article.path == "https://fr.wikipedia.org/wiki/Operation_SpecTor"


@responses.activate
def test_index_php_url() -> None:
    _expect({"page": "Operation SpecTor"})
    article = fetch_article("https://en.wikipedia.org/w/index.php?title=Operation_SpecTor&action=view")
    assert article.title == "Operation SpecTor"


@responses.activate
def test_caller_session_is_used() -> None:
    _expect({"page": "Operation SpecTor"})
    with requests.Session() as session:
        assert fetch_article("Operation SpecTor", session=session, source="wikitext").references


@responses.activate
def test_missing_page() -> None:
    _expect(
        {"page": "No such page"}, body={"error": {"code": "missingtitle", "info": "The page does not exist."}}
    )
    with pytest.raises(FetchError, match=r"^'No such page' does not exist on en\.wikipedia\.org$"):
        fetch_article("No such page")


@responses.activate
def test_invalid_title() -> None:
    _expect({"page": "a[b]"}, body={"error": {"code": "invalidtitle", "info": "Bad title"}})
    with pytest.raises(FetchError, match="not a valid page title"):
        fetch_article("a[b]")


@responses.activate
def test_other_api_error_is_reported_with_its_info() -> None:
    _expect(
        {"page": "X"}, body={"error": {"code": "ratelimited", "info": "You've exceeded your rate limit."}}
    )
    with pytest.raises(FetchError, match="refused the request: You've exceeded your rate limit"):
        fetch_article("X")


@responses.activate
def test_http_error_status() -> None:
    _expect({"page": "X"}, body={}, status=503)
    with pytest.raises(FetchError, match="answered HTTP 503"):
        fetch_article("X")


@responses.activate
def test_answer_that_is_not_json() -> None:
    responses.get(API, body="<html>maintenance</html>", status=200)
    with pytest.raises(FetchError, match="did not return the API's JSON"):
        fetch_article("X")


@responses.activate
def test_answer_without_page_content() -> None:
    _expect({"page": "X"}, body={"batchcomplete": True})
    with pytest.raises(FetchError, match="returned no page content"):
        fetch_article("X")


@responses.activate
def test_timeout_is_one_clear_line() -> None:
    responses.get(API, body=requests.Timeout("read timed out"))
    with pytest.raises(FetchError) as caught:
        fetch_article("X", timeout=5)
    assert (
        str(caught.value) == "en.wikipedia.org did not answer within 5 s; try again later or raise --timeout"
    )
    assert caught.value.__cause__ is None


@responses.activate
def test_network_error_is_one_clear_line() -> None:
    responses.get(API, body=requests.ConnectionError("Name or service not known"))
    with pytest.raises(FetchError, match=r"^could not reach en\.wikipedia\.org \(ConnectionError\)"):
        fetch_article("X")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        pytest.param({"target": "X", "source": "pdf"}, "unknown page source", id="bad-source"),
        pytest.param(
            {"target": "X", "wiki": "en.evil.example/"}, "not a Wikipedia language code", id="bad-wiki"
        ),
        pytest.param(
            {"target": "https://example.org/wiki/X"}, "not a Wikipedia article URL", id="other-site"
        ),
        pytest.param({"target": "  "}, "no page title", id="empty"),
    ],
)
def test_bad_arguments_raise_input_error(kwargs: dict[str, str], message: str) -> None:
    with responses.RequestsMock(), pytest.raises(InputError, match=message):  # no request may be sent
        fetch_article(**kwargs)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("https://en.wikipedia.org/wiki/Operation_SpecTor", True),
        ("http://de.wikipedia.org/wiki/Bodmin", True),
        ("https://en.m.wikipedia.org/wiki/Dog#History", True),
        ("https://en.wikipedia.org/w/index.php?title=Dog&oldid=1", True),
        ("https://en.wikipedia.org/w/index.php?search=dog", False),
        ("https://en.wikipedia.org/", False),
        ("https://example.org/wiki/Dog", False),
        ("Operation SpecTor", False),
        ("article.html", False),
    ],
)
def test_is_page_url(text: str, expected: bool) -> None:
    assert is_page_url(text) is expected
