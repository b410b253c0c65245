"""The one decision every format shares: what kind of source a reference cites."""

from __future__ import annotations

import pytest
from export_helpers import load_case

from spector_refs.export import kinds
from spector_refs.model import Reference


def test_seed_kinds() -> None:
    refs, _ = load_case("seed")
    assert [kinds.source_kind(ref) for ref in refs] == [
        kinds.WEB,  # eucrim.eu
        kinds.NEWSPAPER,  # Reuters
        kinds.NEWSPAPER,  # AP News
        kinds.PRESS_RELEASE,  # Europol
        kinds.WEB,  # Local3News.com
        kinds.PRESS_RELEASE,  # www.justice.gov
        kinds.WEB,  # MrAdmin, no work but retrieved
        kinds.NEWSPAPER,  # CNBC
        kinds.MAGAZINE,  # Wired, ISSN
        kinds.PRESS_RELEASE,
        kinds.PRESS_RELEASE,
        kinds.MAGAZINE,  # Fortune Europe
        kinds.WEB,  # FBI Multimedia
    ]


@pytest.mark.parametrize(
    ("ref", "expected"),
    [
        pytest.param(Reference(1, kind="news", work="eucrim.eu"), kinds.NEWSPAPER, id="explicit-kind-wins"),
        pytest.param(
            Reference(1, kind="web", work="Reuters"), kinds.NEWSPAPER, id="cite-web-of-a-news-agency"
        ),
        pytest.param(
            Reference(1, work="Some Quarterly", identifiers={"issn": "1234-5678"}), kinds.MAGAZINE, id="issn"
        ),
        pytest.param(Reference(1, work="www.fbi.gov"), kinds.PRESS_RELEASE, id="gov-host"),
        pytest.param(Reference(1, work="justice.gov.example.com"), kinds.WEB, id="gov-label-elsewhere"),
        pytest.param(Reference(1, work="news.justice.gov.au"), kinds.PRESS_RELEASE, id="national-gov"),
        pytest.param(Reference(1, kind="book", chapter="Intro", title="Book"), kinds.CHAPTER, id="chapter"),
        pytest.param(
            Reference(1, title="A Book", identifiers={"isbn": "978-3-16-148410-0"}), kinds.BOOK, id="isbn"
        ),
        pytest.param(Reference(1, title="Untitled note"), kinds.OTHER, id="nothing-to-go-on"),
        pytest.param(Reference(1, kind="footnote", raw="Smith 2009, p. 4."), kinds.OTHER, id="footnote"),
    ],
)
def test_source_kind(ref: Reference, expected: str) -> None:
    assert kinds.source_kind(ref) == expected
