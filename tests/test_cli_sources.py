"""``spector-refs sources explain|update|info`` through ``main``; Meta-Wiki answered by `responses`."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import responses

from spector_refs.assess.update import META_API
from spector_refs.cli import main

FIXTURES = Path(__file__).resolve().parent / "fixtures" / "sources"


def test_explain_prints_ruling_matches_and_winner(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    code = main(["sources", "explain", "https://www.nytimes.com/2020/01/01/opinion/x.html", "AP News",
                 "--data-dir", str(tmp_path)])  # fmt: skip
    out = capsys.readouterr().out
    assert code == 0
    assert "ruling: opinion, generally-reliable → primary" in out
    assert "kind from: rule:opinion path (rule about the page)" in out
    assert "reliability from: nytimes.com (list entry for the site)" in out
    assert "from: perennial: The New York Times" in out
    assert "AP News (looked up as a name)" in out


def test_explain_unknown_source(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["sources", "explain", "never-listed-anywhere.example", "--data-dir", str(tmp_path)]) == 0
    assert "nothing matched" in capsys.readouterr().out


@responses.activate
def test_update_then_info_and_explain_use_the_user_data(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    for part in ("meta-api-part1.json", "meta-api-part2.json"):
        responses.get(META_API, json=json.loads((FIXTURES / part).read_text(encoding="utf-8")))
    assert main(["sources", "info", "--data-dir", str(tmp_path)]) == 0
    assert "(bundled)" in capsys.readouterr().out
    assert main(["sources", "update", "--data-dir", str(tmp_path)]) == 0
    out = capsys.readouterr().out
    assert "read 2 Cite Unseen pages" in out and "satire" in out
    assert main(["sources", "info", "--data-dir", str(tmp_path)]) == 0
    info = capsys.readouterr().out
    assert str(tmp_path / "sources.json") in info and "Cite Unseen source pages on Meta-Wiki" in info
    assert main(["sources", "explain", "freshly-listed-blog.example", "--data-dir", str(tmp_path)]) == 0
    assert "listed as blogs by Cite Unseen on Meta-Wiki: blogs" in capsys.readouterr().out


@responses.activate
def test_update_failure_is_one_line_and_exit_2(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    responses.get(META_API, status=503)
    assert main(["sources", "update", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and err.startswith("spector-refs: error:")


def test_broken_user_data_is_one_line(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "sources.json").write_text("{not json", encoding="utf-8")
    assert main(["sources", "info", "--data-dir", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "sources update" in err
