"""Each edit of ``fix`` on one citation: input wikitext, link result, expected wikitext.

One case per line of the issue (rescue, tag, live, usurped, bare URLs) and
per way the page already spells its citations; every case also runs twice
to show the second run changes nothing.
"""

from __future__ import annotations

from datetime import date

import pytest

from spector_refs import fix
from spector_refs.fix import ChangeKind
from spector_refs.model import LinkResult, Verdict

TODAY = date(2026, 12, 1)
URL = "http://gone.example/story"
COPY = "https://web.archive.org/web/20230502101500/http://gone.example/story"


def dead(archive: bool = False, verdict: Verdict = Verdict.BROKEN) -> LinkResult:
    """A link the history rule calls dead, with the copy the Wayback lookup found if ``archive``."""
    copy = {"archive_url": COPY, "archive_date": "2023-05-02"} if archive else {}
    return LinkResult(URL, verdict, "HTTP 404 Not Found", status_code=404, dead=True, **copy)


LIVE = LinkResult(URL, Verdict.OK, "HTTP 200 OK", status_code=200)
FAILING = LinkResult(URL, Verdict.BROKEN, "HTTP 404 Not Found", status_code=404)  # not dead yet
BLOCKED = LinkResult(URL, Verdict.BLOCKED, "HTTP 403 Forbidden", status_code=403, dead=False)
ARCHIVED = f"|archive-url={COPY}|archive-date=2023-05-02"
TAG = "{{dead link|date=December 2026|fix-attempted=yes}}"

CASES = [
    pytest.param(
        f"<ref>{{{{cite web |url={URL} |title=T |access-date=2023-05-01 |website=W}}}}</ref>",
        dead(archive=True),
        f"<ref>{{{{cite web |url={URL} |title=T |access-date=2023-05-01 |archive-url={COPY} "
        f"|archive-date=2023-05-02 |url-status=dead |website=W}}}}</ref>",
        ChangeKind.RESCUED,
        id="rescue-after-access-date",
    ),
    pytest.param(
        f"<ref>{{{{Cite news|url={URL}|title=T|accessdate=2 May 2023}}}}</ref>",
        dead(archive=True),
        f"<ref>{{{{Cite news|url={URL}|title=T|accessdate=2 May 2023|archiveurl={COPY}"
        f"|archivedate=2 May 2023|url-status=dead}}}}</ref>",
        ChangeKind.RESCUED,
        id="joined-names-and-dmy-dates-kept",
    ),
    pytest.param(
        f"<ref>{{{{cite web\n | url = {URL}\n | title = T\n | access-date = May 1, 2023\n}}}}</ref>",
        dead(archive=True),
        f"<ref>{{{{cite web\n | url = {URL}\n | title = T\n | access-date = May 1, 2023\n"
        f" | archive-url = {COPY}\n | archive-date = May 2, 2023\n | url-status = dead\n}}}}</ref>",
        ChangeKind.RESCUED,
        id="one-parameter-a-line-and-mdy-dates-kept",
    ),
    pytest.param(
        f"<ref>{{{{cite web | url = {URL} | title = T | archive-url = | archive-date =  "
        "| url-status = }}</ref>",
        dead(archive=True),
        f"<ref>{{{{cite web | url = {URL} | title = T | archive-url = {COPY} | archive-date = 2023-05-02 "
        "| url-status = dead }}</ref>",
        ChangeKind.RESCUED,
        id="empty-parameters-filled-in-place",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T|archive-url={COPY}}}}}</ref>",
        dead(),
        f"<ref>{{{{cite web|url={URL}|title=T{ARCHIVED}|url-status=dead}}}}</ref>",
        ChangeKind.RESCUED,
        id="own-archive-url-dated-from-its-wayback-timestamp",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T{ARCHIVED}|url-status=live}}}}</ref>",
        dead(),
        f"<ref>{{{{cite web|url={URL}|title=T{ARCHIVED}|url-status=dead}}}}</ref>",
        ChangeKind.RESCUED,
        id="live-status-of-an-archived-dead-url",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T{ARCHIVED}|dead-url=no}}}}</ref>",
        dead(),
        f"<ref>{{{{cite web|url={URL}|title=T{ARCHIVED}|dead-url=yes}}}}</ref>",
        ChangeKind.RESCUED,
        id="legacy-dead-url-kept",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T}}}}</ref>",
        dead(archive=True, verdict=Verdict.USURPED),
        f"<ref>{{{{cite web|url={URL}|title=T{ARCHIVED}|url-status=usurped}}}}</ref>",
        ChangeKind.USURPED,
        id="usurped-domain",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T}}}}</ref>",
        dead(),
        f"<ref>{{{{cite web|url={URL}|title=T}}}}{TAG}</ref>",
        ChangeKind.TAGGED,
        id="no-copy-tagged-after-the-citation",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T}}}} {{{{Dead link|date=May 2020}}}}</ref>",
        dead(archive=True),
        f"<ref>{{{{cite web|url={URL}|title=T{ARCHIVED}|url-status=dead}}}}</ref>",
        ChangeKind.RESCUED,
        id="rescue-drops-the-old-tag",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T|archive-url={COPY}|url-status=dead}}}}</ref>",
        LIVE,
        f"<ref>{{{{cite web|url={URL}|title=T|archive-url={COPY}|url-status=live}}}}</ref>",
        ChangeKind.LIVE,
        id="dead-status-on-a-working-url",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T|deadurl=yes}}}}</ref>",
        LIVE,
        f"<ref>{{{{cite web|url={URL}|title=T|deadurl=no}}}}</ref>",
        ChangeKind.LIVE,
        id="legacy-deadurl-on-a-working-url",
    ),
    pytest.param(
        f"<ref>{URL}</ref>",
        dead(archive=True),
        f"<ref>{{{{cite web |url={URL} |title=Archived copy |archive-url={COPY} |archive-date=2023-05-02 "
        "|url-status=dead}}</ref>",
        ChangeKind.RESCUED,
        id="bare-url-expanded",
    ),
    pytest.param(
        f"<ref> [{URL}] </ref>",
        dead(),
        f"<ref> [{URL}]{TAG} </ref>",
        ChangeKind.TAGGED,
        id="bare-url-without-copy-tagged",
    ),
    pytest.param(
        f"<ref>{URL}</ref>",
        dead(),
        f"<ref>{URL} {TAG}</ref>",
        ChangeKind.TAGGED,
        id="free-bare-url-tagged-after-a-space",
    ),
    pytest.param(
        f"{{{{Use dmy dates|date=May 2023}}}}\n<ref>{URL}</ref>",
        dead(archive=True),
        f"{{{{Use dmy dates|date=May 2023}}}}\n<ref>{{{{cite web |url={URL} |title=Archived copy "
        f"|archive-url={COPY} |archive-date=2 May 2023 |url-status=dead}}}}</ref>",
        ChangeKind.RESCUED,
        id="bare-url-in-the-article-date-format",
    ),
    pytest.param(
        f"* {{{{cite book |title=T |url={URL}}}}}\n* next",
        dead(),
        f"* {{{{cite book |title=T |url={URL}}}}}{TAG}\n* next",
        ChangeKind.TAGGED,
        id="sources-list-outside-refs",
    ),
]


@pytest.mark.parametrize(("before", "link", "after", "kind"), CASES)
def test_one_citation_gets_exactly_the_edit(
    before: str, link: LinkResult, after: str, kind: ChangeKind
) -> None:
    result = fix(before, [link], today=TODAY, expand_bare=True)
    assert result.text == after
    assert [change.kind for change in result.changes] == [kind]
    assert fix(result.text, [link], today=TODAY, expand_bare=True).changes == ()


UNTOUCHED = [
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T}}}}</ref>", FAILING, {}, id="failing-but-not-dead-yet"
    ),
    pytest.param(f"<ref>{{{{cite web|url={URL}|title=T}}}}</ref>", BLOCKED, {}, id="blocked-says-nothing"),
    pytest.param(f"<ref>{{{{cite web|url={URL}|title=T}}}}</ref>", LIVE, {}, id="live-and-not-called-dead"),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T}}}} {{{{dead link|date=May 2020}}}}</ref>",
        dead(),
        {},
        id="already-tagged",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T}}}}{{{{Permanent dead link|date=May 2020}}}}</ref>",
        dead(),
        {},
        id="already-tagged-permanently",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T}}}}{{{{cbignore}}}}</ref>",
        dead(archive=True),
        {},
        id="cbignore",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T}}}} {{{{webarchive|url={COPY}}}}}</ref>",
        dead(archive=True),
        {},
        id="webarchive-template-is-a-copy",
    ),
    pytest.param(
        f"<ref>{{{{cite web|url={URL}|title=T{ARCHIVED}|url-status=usurped}}}}</ref>",
        dead(),
        {},
        id="usurped-not-downgraded",
    ),
    pytest.param(
        f"<ref>{URL}</ref>", dead(archive=True), {"expand_bare": False}, id="bare-needs-expand-bare"
    ),
    pytest.param(f"<ref>[{URL} Story]</ref>", dead(archive=True), {}, id="titled-link-is-not-bare"),
    pytest.param(f"<ref>{{{{cite web|url={URL}|title=T}}}}</ref>", None, {}, id="not-checked"),
]


@pytest.mark.parametrize(("text", "link", "options"), UNTOUCHED)
def test_citations_left_alone(text: str, link: LinkResult | None, options: dict) -> None:
    result = fix(text, [link] if link else [], today=TODAY, **{"expand_bare": True, **options})
    assert (result.text, result.changes, result.diff) == (text, (), "")
    assert result.summary == "No changes"


def test_assume_dead_now_takes_this_check_at_its_word() -> None:
    text = f"<ref>{{{{cite web|url={URL}|title=T}}}}</ref>"
    assert fix(text, [FAILING], today=TODAY).changes == ()
    assert fix(text, [FAILING], today=TODAY, assume_dead_now=True).text == text.replace(
        "}}</ref>", "}}" + TAG + "</ref>"
    )


def test_an_archive_url_with_a_pipe_cannot_break_the_template() -> None:
    link = LinkResult(URL, Verdict.BROKEN, "gone", dead=True, archive_url="https://archive.example/a|b")
    result = fix(f"{{{{cite web|url={URL}|title=T}}}}", [link], today=TODAY)
    assert "archive-url=https://archive.example/a%7Cb" in result.text


def test_the_summary_counts_like_internetarchivebot() -> None:
    other = "http://other.example/x"
    text = "".join(f"<ref>{{{{cite web|url={url}|title=T}}}}</ref>" for url in (URL, other))
    links = [dead(archive=True), LinkResult(other, Verdict.BROKEN, "gone", dead=True)]
    result = fix(text, links, today=TODAY)
    assert result.summary == "Rescuing 1 source and tagging 1 as dead"
    assert result.diff.startswith("--- a/article.wiki\n+++ b/article.wiki\n")


def test_changes_say_where_and_why() -> None:
    text = f"Intro.\n\nClaim.<ref>{{{{cite web|url={URL}|title=T}}}}</ref>"
    [change] = fix(text, [dead(archive=True)], today=TODAY).changes
    assert (change.line, change.url, change.archive_url, change.reason) == (
        3,
        URL,
        COPY,
        "HTTP 404 Not Found",
    )
    assert text[change.start : change.start + len(change.before)] == change.before


def test_text_that_is_not_a_string_is_a_typed_error() -> None:
    from spector_refs.errors import InputError

    with pytest.raises(InputError):
        fix(b"<ref>x</ref>", [])  # type: ignore[arg-type]
