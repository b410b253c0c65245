"""Whatever an article contains, assess returns findings from the documented vocabulary and never raises."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from spector_refs.assess import assess
from spector_refs.assess.config import SOURCE_KINDS
from spector_refs.findings import FINDING_KINDS
from spector_refs.model import Article, Claim, LinkResult, Reference, Reliability, Verdict
from spector_refs.parse.core.tags import INLINE_TAGS

text = st.text(st.characters(blacklist_categories=("Cs",)), max_size=40)
urls = st.one_of(st.none(), text, st.sampled_from([
    "https://www.reuters.com/x", "https://web.archive.org/web/2020/https://foo.blogspot.com/p",
    "http://[::1", "https://www.justice.gov/opa/pr/x", "https://archive.ph/AbCdE",
]))  # fmt: skip
references = st.builds(
    Reference,
    number=st.integers(1, 6),
    title=st.one_of(st.none(), text),
    work=st.one_of(st.none(), text, st.sampled_from(["Reuters", "www.justice.gov", "Fortune Europe"])),
    publisher=st.one_of(st.none(), text),
    url=urls,
    archive_url=urls,
    access_date=st.sampled_from([None, "2020-01-01", "2020", "2020-13"]),
    maintenance=st.lists(text, max_size=2).map(tuple),
)
claims = st.builds(
    Claim,
    text=text,
    section=st.one_of(st.none(), st.just("S")),
    refs=st.lists(st.integers(1, 8), max_size=3).map(tuple),
    tags=st.lists(st.sampled_from(sorted(INLINE_TAGS)), max_size=2).map(tuple),
    block=st.sampled_from(["paragraph", "list", "table", "infobox"]),
    paragraph=st.integers(0, 3),
)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    refs=st.lists(references, max_size=6).map(tuple),
    claims=st.lists(claims, max_size=6).map(tuple),
    page=text,
)
def test_assess_is_total(refs: tuple[Reference, ...], claims: tuple[Claim, ...], page: str) -> None:
    links = [LinkResult(url=ref.url, verdict=Verdict.OK, reason="ok", text=page) for ref in refs if ref.url]
    result = assess(Article("T", "text", references=refs, claims=claims), links)
    assert {finding.kind for finding in result.findings} <= set(FINDING_KINDS)
    assert all(finding.reason for finding in result.findings)
    for _, profile in result.sources:
        assert profile.kind in SOURCE_KINDS and profile.reliability in Reliability and profile.reason
