"""A hand-built audit result with every kind of thing a report must show, and hostile text.

Shared by the report tests (``from report_sample import …``); ``conftest.py``
turns it into the ``result`` fixture.

The first reference's title holds markup, a CDATA terminator and an encoded
workflow command, so each format's escaping is tested against the same input.
"""

from __future__ import annotations

from spector_refs.model import (
    Article,
    Assessment,
    AuditResult,
    Claim,
    Finding,
    Hop,
    LinkResult,
    Name,
    Reference,
    Reliability,
    Severity,
    SourceProfile,
    Verdict,
)

HOSTILE_TITLE = "<script>alert(1)</script> ]]> %0A::error::owned"
ARCHIVE = "https://web.archive.org/web/20230502000000/https://news.example/story"
CN_CLAIM = "It shut down the market <em>in 2021</em>, by German police."


def _references() -> tuple[Reference, ...]:
    return (
        Reference(
            1, title=HOSTILE_TITLE, work="Example | News", url="https://news.example/story", line=20, column=4
        ),
        Reference(
            2, title="Reliable report", work="Reuters", url="https://reuters.example/a", line=21, column=4
        ),
        Reference(
            3,
            title="Blog post",
            authors=(Name(family="Admin"),),
            url="http://blog.example/p",
            line=22,
            column=4,
        ),
        Reference(4, title="A printed book", kind="book", line=23, column=4),
        Reference(5, title="Odd link", url="javascript:alert(2)", line=24, column=4),
    )


def _claims() -> tuple[Claim, ...]:
    return (
        Claim("The operation was coordinated | by Europol.", refs=(1, 2), paragraph=0, line=1, column=1),
        Claim(CN_CLAIM, tags=("citation needed",), paragraph=0, line=1, column=48),
        Claim("Only Monero was accepted.", section="Details", refs=(3,), paragraph=1, line=5, column=1),
        Claim(
            "Nobody cited this %0A::warning::x, *really*.", section="Details", paragraph=2, line=7, column=1
        ),
        Claim("Its sources died.", section="Details", refs=(1,), paragraph=2, line=7, column=45),
    )


def _links() -> tuple[LinkResult, ...]:
    return (
        LinkResult(
            "https://news.example/story",
            Verdict.BROKEN,
            "the server answered 404 Not Found",
            status_code=404,
            dead=True,
            archive_url=ARCHIVE,
            archive_date="2023-05-02",
        ),
        LinkResult("https://reuters.example/a", Verdict.OK, "the page answered 200 OK", status_code=200),
        LinkResult(
            "http://blog.example/p",
            Verdict.REDIRECTED,
            "moved permanently to https://blog.example/p",
            status_code=200,
            final_url="https://blog.example/p",
            redirects=(Hop("http://blog.example/p", 301),),
            suggested_url="https://blog.example/p",
        ),
        LinkResult("javascript:alert(2)", Verdict.UNSUPPORTED, "not an http(s) URL"),
    )


def _findings() -> tuple[Finding, ...]:
    return (
        Finding(
            "citation-needed", Severity.WARNING, "an editor tagged this claim [citation needed]", claim=1
        ),
        Finding(
            "weak-only",
            Severity.WARNING,
            "every source of this claim is weak: ref 3 is a self-published blog",
            text="Only Monero was accepted.",
            claim=2,
            evidence=("ref 3: blog.example (blog)",),
        ),
        Finding("uncited", Severity.WARNING, "no citation in this paragraph", claim=3),
        Finding("dead-only", Severity.WARNING, "every cited URL of this claim is dead", claim=4),
        Finding("generic-title", Severity.INFO, "the title is the site's name", reference=2),
        Finding("missing-date", Severity.INFO, "no date,\r\nnot even a year: add |date=", reference=1),
    )


def _profiles(refs: tuple[Reference, ...]) -> tuple[tuple[Reference, SourceProfile], ...]:
    reuters = SourceProfile(
        Reliability.GENERALLY_RELIABLE, "news", "reuters.com", "perennial sources: Reuters"
    )
    blog = SourceProfile(Reliability.UNKNOWN, "blog", "blog.example", "curated blog host")
    return ((refs[0], SourceProfile()), (refs[1], reuters), (refs[2], blog))


def build_result() -> AuditResult:
    """Two articles: one with every finding, one clean and without a path."""
    refs = _references()
    article = Article(
        "Test <b>article</b>", "text", refs, _claims(), ("line 30: unreadable reference",), "art/t 1.txt"
    )
    busy = Assessment(article, _profiles(refs), _findings(), _links())
    clean_ref = Reference(1, title="Fine", url="https://fine.example/", line=3, column=1)
    clean_article = Article(
        "Clean page", "html", (clean_ref,), (Claim("All good.", refs=(1,), line=1, column=1),)
    )
    clean = Assessment(clean_article, links=(LinkResult("https://fine.example/", Verdict.OK, "200 OK", 200),))
    return AuditResult(
        (busy, clean),
        fail_on=("broken-links", "citation-needed", "weak-only"),
        links_checked=True,
        exit_code=1,
    )
