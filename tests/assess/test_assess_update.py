"""``sources update`` against the MediaWiki API, every request answered by `responses` (no network).

The answers in tests/fixtures/sources/ have the exact shape of the API's
``action=query&prop=revisions&formatversion=2`` reply, continuation included,
with small made-up page contents.
"""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest
import requests
import responses

from spector_refs.assess.config import AssessConfig
from spector_refs.assess.sources import SourceIndex, decision
from spector_refs.assess.update import META_API, source_data_in_use, update_source_data
from spector_refs.errors import FetchError

FIXTURES = Path(__file__).resolve().parents[1] / "fixtures" / "sources"
NOW = datetime(2026, 11, 30, 12, 0, tzinfo=UTC)


def _answer(name: str) -> dict:
    return json.loads((FIXTURES / name).read_text(encoding="utf-8"))


@responses.activate
def test_update_writes_data_that_takes_precedence(tmp_path: Path) -> None:
    responses.get(META_API, json=_answer("meta-api-part1.json"))
    responses.get(META_API, json=_answer("meta-api-part2.json"))
    result = update_source_data(tmp_path, now=NOW)
    assert result.pages == ("blogs", "enRSP") and "satire" in result.missing
    assert result.fetched == "2026-11-30T12:00:00Z"
    # the second request continues the first, both name the tool
    assert "rvcontinue=101%7C2" in responses.calls[1].request.url
    assert all("spector-refs/" in call.request.headers["User-Agent"] for call in responses.calls)
    chosen = source_data_in_use(None, tmp_path)
    assert chosen == tmp_path / "sources.json"
    config = AssessConfig(source_data=str(chosen))
    index = SourceIndex.create(config)
    fresh = index.by_url("https://freshly-listed-blog.example/post")
    deprecated = index.by_url("https://newly-deprecated.example/x")
    assert fresh is not None and fresh.kind == "blog" and "Meta-Wiki: blogs" in fresh.reason
    assert deprecated is not None and decision(deprecated, config) == "weak"
    # entries with conditions are left out; bundled lists and curation still apply
    assert index.by_url("https://conditional.example/x") is None
    assert index.by_url("https://www.reuters.com/x").kind == "news"  # type: ignore[union-attr]
    data = json.loads(chosen.read_text(encoding="utf-8"))
    assert data["date"] == "2026-11-30" and data["version"].endswith("+live.2026-11-30")
    live = data["generated_from"][-1]
    assert live["fetched"] == "2026-11-30T12:00:00Z" and live["origin"] == META_API


@responses.activate
def test_without_an_update_the_bundled_data_is_used(tmp_path: Path) -> None:
    assert source_data_in_use(None, tmp_path) is None
    assert source_data_in_use("mine.json", tmp_path) == Path("mine.json")


@pytest.mark.parametrize(
    "answer",
    [
        pytest.param({"status": 503}, id="server-error"),
        pytest.param({"body": "<html>maintenance</html>"}, id="not-json"),
        pytest.param(
            {"json": {"error": {"code": "maxlag", "info": "Waiting for a database"}}}, id="api-error"
        ),
        pytest.param({"json": {"batchcomplete": True, "query": {"pages": []}}}, id="no-pages"),
        pytest.param({"body": requests.ConnectionError("refused")}, id="no-network"),
    ],
)
@responses.activate
def test_failures_are_one_fetch_error_and_write_nothing(tmp_path: Path, answer: dict) -> None:
    responses.get(META_API, **answer)
    with pytest.raises(FetchError) as caught:
        update_source_data(tmp_path, now=NOW)
    assert "\n" not in str(caught.value)
    assert not (tmp_path / "sources.json").exists()
