"""The CLI on live pages: URLs and --wiki titles go through the MediaWiki API (mocked)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import responses

from spector_refs.cli import main
from spector_refs.collect.wiki import api_url

TRIO_HTML = (Path(__file__).parent / "fixtures" / "trio" / "operation_spector.html").read_text("utf-8")


def _page(title: str = "Operation SpecTor") -> dict:
    return {"parse": {"title": title, "pageid": 1, "displaytitle": title, "text": TRIO_HTML, "wikitext": ""}}


@responses.activate
def test_audit_of_a_page_url(capsys: pytest.CaptureFixture[str]) -> None:
    responses.get(api_url("en"), json=_page())
    code = main(
        ["audit", "https://en.wikipedia.org/wiki/Operation_SpecTor", "--no-links", "--format", "json"]
    )
    article = json.loads(capsys.readouterr().out)["articles"][0]
    assert code == 0
    assert len(article["references"]) == 13
    assert any(f["kind"] == "citation-needed" for f in article["findings"])
    assert responses.calls[0].request.params["page"] == "Operation SpecTor"


@responses.activate
def test_audit_of_a_title_with_wiki(capsys: pytest.CaptureFixture[str]) -> None:
    responses.get(api_url("de"), json=_page())
    assert main(["audit", "--wiki", "de", "Operation SpecTor", "--no-links", "--format", "json"]) == 0
    assert json.loads(capsys.readouterr().out)["articles"][0]["title"] == "Operation SpecTor"


@responses.activate
def test_missing_page_is_one_line_and_exit_2(capsys: pytest.CaptureFixture[str]) -> None:
    responses.get(api_url("en"), json={"error": {"code": "missingtitle", "info": "The page doesn't exist."}})
    assert main(["audit", "https://en.wikipedia.org/wiki/No_such_page_xyz", "--no-links"]) == 2
    err = capsys.readouterr().err
    assert len(err.strip().splitlines()) == 1 and "does not exist" in err
