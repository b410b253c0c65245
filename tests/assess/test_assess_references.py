"""Reference findings: duplicates, unused, missing, incomplete, generic titles, bare URLs, stale, CS1."""

from __future__ import annotations

from spector_refs.assess import assess
from spector_refs.assess.config import AssessConfig
from spector_refs.model import Article, Claim, Name, Reference, Severity


def findings_by_ref(*refs: Reference, claims: tuple[Claim, ...] = (), fmt: str = "html", config=None) -> dict:
    cited = claims or (Claim("All of it", section="S", refs=tuple(ref.number for ref in refs)),)
    result = assess(Article("T", fmt, references=refs, claims=cited), config=config)
    out: dict = {}
    for finding in result.findings:
        if finding.reference is not None:
            out.setdefault(finding.reference, []).append(finding)
    return out


def kinds(found: dict, number: int) -> list[str]:
    return [finding.kind for finding in found.get(number, [])]


FULL = dict(authors=(Name("Doe", "Jane"),), date="2023-05-02", work="Reuters")


def test_a_complete_reference_has_no_findings() -> None:
    ref = Reference(number=1, url="https://www.reuters.com/a", title="Arrests", **FULL)
    assert findings_by_ref(ref) == {}


def test_duplicates_by_url_and_by_title_and_work() -> None:
    refs = (
        Reference(number=1, url="https://www.reuters.com/a/", title="Arrests", **FULL),
        Reference(number=2, url="http://reuters.com/a#top", title="Other", **FULL),
        Reference(number=3, url="https://www.reuters.com/b", title="arrests", **FULL),
    )
    found = findings_by_ref(*refs)
    assert kinds(found, 2) == ["duplicate-reference"] and kinds(found, 3) == ["duplicate-reference"]
    assert "same URL as ref 1" in found[2][0].reason
    assert "same title and work as ref 1" in found[3][0].reason


def test_unused_and_missing_references() -> None:
    refs = (Reference(number=1, url="https://www.reuters.com/a", title="A", **FULL),
            Reference(number=2, url="https://www.reuters.com/b", title="B", **FULL))  # fmt: skip
    claims = (Claim("Cites one and a ghost", section="S", refs=(1, 7)),)
    found = findings_by_ref(*refs, claims=claims)
    assert kinds(found, 2) == ["unused-reference"]
    assert kinds(found, 7) == ["missing-reference"]
    assert found[7][0].severity is Severity.ERROR and found[7][0].claim == 0


def test_missing_url_date_author() -> None:
    ref = Reference(number=1, title="Arrests", work="Reuters")
    found = findings_by_ref(ref)
    assert kinds(found, 1) == ["missing-url", "missing-date", "missing-author"]
    assert found[1][0].severity is Severity.WARNING
    # a plain-text copy drops links, so there it is only a hint
    assert findings_by_ref(ref, fmt="text")[1][0].severity is Severity.INFO
    book = Reference(number=1, title="A Book", identifiers={"isbn": "9780000000000"}, **FULL)
    assert "missing-url" not in kinds(findings_by_ref(book), 1)
    agency = Reference(number=1, url="https://www.fbi.gov/x", title="Press", date="2023")
    assert "missing-author" not in kinds(findings_by_ref(agency), 1)


def test_generic_titles() -> None:
    same = Reference(
        number=1, url="https://www.fbi.gov/x", title="FBI Multimedia", work="FBI Multimedia", date="2023"
    )
    home = Reference(number=2, url="https://example.org/", title="Home", date="2023")
    host = Reference(number=3, url="https://www.example.com/x", title="example.com", date="2023")
    found = findings_by_ref(same, home, host)
    assert [kinds(found, n).count("generic-title") for n in (1, 2, 3)] == [1, 1, 1]
    assert "repeats the work's name" in found[1][0].reason


def test_bare_urls() -> None:
    bare = Reference(number=1, url="https://example.org/x", title="https://example.org/x", date="2023")
    untitled = Reference(number=2, url="https://example.org/y", date="2023")
    found = findings_by_ref(bare, untitled)
    assert "bare-url" in kinds(found, 1) and "bare-url" in kinds(found, 2)


def test_stale_access_dates_follow_the_config() -> None:
    ref = Reference(number=1, url="https://www.reuters.com/a", title="A", access_date="2020-01-01", **FULL)
    found = findings_by_ref(ref, config=AssessConfig(today="2024-01-01", stale_access_days=365))
    assert kinds(found, 1) == ["stale-access-date"]
    assert "1461 days ago" in found[1][0].reason
    assert findings_by_ref(ref, config=AssessConfig(today="2024-01-01", stale_access_days=None)) == {}


def test_cs1_maintenance_messages() -> None:
    messages = ("CS1 maint: numeric names: authors list", "CS1 errors: dates")
    ref = Reference(number=1, url="https://www.reuters.com/a", title="A", maintenance=messages, **FULL)
    found = findings_by_ref(ref)
    assert [(f.kind, f.severity) for f in found[1]] == [
        ("cs1-maint", Severity.INFO),
        ("cs1-maint", Severity.WARNING),
    ]


def test_a_dead_link_tag_inside_a_reference_is_a_dead_link_finding() -> None:
    ref = Reference(number=1, url="https://gone.example/a", title="Arrests", tags=("dead link",), **FULL)
    found = findings_by_ref(ref)[1]
    assert [(f.kind, f.severity, f.evidence) for f in found] == [
        ("dead-link", Severity.WARNING, ("[dead link]",))
    ]
