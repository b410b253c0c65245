"""``spector-refs audit DUMP -o OUT``: the command line of a dump audit."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spector_refs.cli import main

ARTICLE = Path(__file__).parent.parent / "fixtures" / "trio" / "operation_spector.wiki"


def test_audit_a_dump_into_json_lines(
    small_dumps: dict[str, Path], tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    titles = tmp_path / "titles.txt"
    titles.write_text("Bodmin\nTopic_7\n")
    output = tmp_path / "out.jsonl"
    code = main(
        ["audit", str(small_dumps[".gz"]), "-o", str(output), "--titles", f"@{titles}", "--workers", "1"]
    )
    records = [json.loads(line) for line in output.read_text().splitlines()]
    assert [r["title"] for r in records] == ["Bodmin", "Topic 7"]
    assert code == json.loads((tmp_path / "out.jsonl.summary.json").read_text())["exit_code"]
    assert "2 pages" in capsys.readouterr().err


def test_audit_a_dump_into_parquet(small_dumps: dict[str, Path], tmp_path: Path) -> None:
    output = tmp_path / "tables"
    main(["audit", str(small_dumps[""]), "-o", str(output), "--format", "parquet", "--namespace", "1"])
    summary = json.loads((output / "summary.json").read_text())
    assert summary["pages"] == 3 and sorted(p.name for p in output.iterdir()) == [
        "_state", "articles", "findings", "references", "summary.json",
    ]  # fmt: skip


@pytest.mark.parametrize(
    ("extra", "message"),
    [
        pytest.param([], "give -o OUT.jsonl", id="no-output"),
        pytest.param(
            ["-o", "x.jsonl", "--format", "html"], "--format html is for articles", id="report-format"
        ),
        pytest.param([str(ARTICLE), "-o", "x.jsonl"], "one dump at a time", id="dump-and-article"),
        pytest.param(
            ["-o", "x.jsonl", "--scheduler", "tcp://127.0.0.1:1"], "--scheduler needs", id="scheduler"
        ),
        pytest.param(["-o", "x.jsonl", "--workers", "0"], "--workers", id="workers"),
    ],
)
def test_bad_usage_is_one_line_and_exit_2(
    small_dumps: dict[str, Path],
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
    extra: list[str],
    message: str,
) -> None:
    monkeypatch.chdir(tmp_path)
    assert main(["audit", str(small_dumps[".bz2"]), *extra]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
    assert not list(tmp_path.iterdir())


def test_dump_formats_need_a_dump(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["audit", str(ARTICLE), "--format", "parquet", "-o", str(tmp_path / "x")]) == 2
    assert "is for a dump audit" in capsys.readouterr().err
