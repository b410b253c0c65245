"""Whole dump audits on the local engine: records, formats, and resuming after a kill."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import dumpgen
import pyarrow.parquet as pq
import pytest

from spector_refs.audit import audit
from spector_refs.dump import DumpRun, audit_dump
from spector_refs.dump.source import PageFilter
from spector_refs.errors import InputError
from spector_refs.parse import parse
from spector_refs.report.json import result_to_dict

ROOT = Path(__file__).parent.parent.parent


def _records(path: Path) -> list[dict]:
    return [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines()]


def _run(dump: Path, output: Path, **options: object) -> dict:
    return audit_dump(DumpRun(str(dump), str(output), workers=2, partition_size=50, **options))  # type: ignore[arg-type]


def test_each_record_is_the_article_audit_of_that_page(small_dumps: dict[str, Path], tmp_path: Path) -> None:
    summary = _run(small_dumps[".bz2"], tmp_path / "out.jsonl")
    records = _records(tmp_path / "out.jsonl")
    pages = list(dumpgen.pages(160, extras=False))
    assert [r["title"] for r in records] == [p.title for p in pages]
    for record, page in zip(records[:5], pages[:5], strict=True):
        single = audit([parse(page.text, format="wikitext", title=page.title)], links=False)
        expected = result_to_dict(single)["articles"][0]
        assert {
            k: v for k, v in record.items() if k not in ("page_id", "revision_id", "namespace")
        } == expected
    assert summary["pages"] == summary["articles"] == 160
    assert summary["citations"] == sum(len(r["references"]) for r in records) > 1000
    assert summary == json.loads((tmp_path / "out.jsonl.summary.json").read_text())
    assert not (tmp_path / "out.jsonl.parts").exists()


def test_every_form_of_the_dump_gives_the_same_records(small_dumps: dict[str, Path], tmp_path: Path) -> None:
    outputs = {}
    for form, dump in small_dumps.items():
        _run(dump, tmp_path / f"out{form or '-plain'}.jsonl")
        outputs[form] = _records(tmp_path / f"out{form or '-plain'}.jsonl")
    first = outputs.pop("")
    for form, records in outputs.items():
        assert records == first, form


def test_parquet_has_a_row_per_reference_finding_and_article(
    small_dumps: dict[str, Path], tmp_path: Path
) -> None:
    _run(small_dumps[".bz2"], tmp_path / "out.jsonl")
    records = _records(tmp_path / "out.jsonl")
    summary = _run(small_dumps["multistream"], tmp_path / "parquet", format="parquet")
    references = pq.read_table(tmp_path / "parquet" / "references").to_pylist()
    findings = pq.read_table(tmp_path / "parquet" / "findings").to_pylist()
    articles = pq.read_table(tmp_path / "parquet" / "articles").to_pylist()
    assert len(references) == summary["citations"] == sum(len(r["references"]) for r in records)
    assert len(findings) == summary["findings"] == sum(len(r["findings"]) for r in records)
    assert sorted(a["title"] for a in articles) == sorted(r["title"] for r in records)
    bodmin = next(r for r in records if r["title"] == "Bodmin")
    rows = sorted((r for r in references if r["page_title"] == "Bodmin"), key=lambda r: r["number"])
    assert [(r["title"], r["url"], r["doi"]) for r in rows] == [
        (ref["title"], ref["url"], ref["doi"]) for ref in bodmin["references"]
    ]
    assert json.loads((tmp_path / "parquet" / "summary.json").read_text()) == summary


def test_a_title_list_and_a_namespace(small_dumps: dict[str, Path], tmp_path: Path) -> None:
    wanted = PageFilter(titles=frozenset({"Bodmin", "Topic 42"}))
    _run(small_dumps["multistream"], tmp_path / "titles.jsonl", wanted=wanted)
    assert [r["title"] for r in _records(tmp_path / "titles.jsonl")] == ["Bodmin", "Topic 42"]
    _run(small_dumps[""], tmp_path / "talk.jsonl", wanted=PageFilter(namespaces=frozenset({1})))
    assert {r["namespace"] for r in _records(tmp_path / "talk.jsonl")} == {1}


def test_other_settings_on_an_unfinished_output_are_refused(
    small_dumps: dict[str, Path], tmp_path: Path
) -> None:
    parts = tmp_path / "out.jsonl.parts"
    parts.mkdir()
    (parts / "manifest.json").write_text('{"dump": "another"}')
    with pytest.raises(InputError, match="unfinished run with other settings"):
        _run(small_dumps[".bz2"], tmp_path / "out.jsonl")


@pytest.mark.slow
def test_a_killed_run_resumes_without_redoing_or_duplicating(
    large_dumps: dict[str, Path], tmp_path: Path
) -> None:
    output = tmp_path / "out.jsonl"
    command = [
        sys.executable, "-m", "spector_refs", "audit", str(large_dumps["bz2"]), "-o", str(output),
        "--workers", "2", "--partition-size", "40",
    ]  # fmt: skip
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    first = subprocess.Popen(command, env=env, start_new_session=True, stderr=subprocess.PIPE)
    parts = tmp_path / "out.jsonl.parts"
    deadline = time.monotonic() + 120
    while len(list(parts.glob("part-*.json"))) < 3 and time.monotonic() < deadline and first.poll() is None:
        time.sleep(0.05)
    os.killpg(first.pid, signal.SIGKILL)  # the driver and its workers, mid-run
    first.wait()
    survivors = sorted(p.name for p in parts.glob("part-*.json"))
    assert 3 <= len(survivors) < 30 and not output.exists()
    # Mark a finished partition's data: if the restarted run redid it, the mark would be gone.
    done = parts / survivors[0].replace(".json", ".jsonl")
    lines = done.read_text(encoding="utf-8").splitlines()
    lines[0] = json.dumps({**json.loads(lines[0]), "kept": True})
    done.write_text("\n".join(lines) + "\n", encoding="utf-8")
    second = subprocess.run(command, env=env, capture_output=True, text=True, timeout=600)
    assert second.returncode in (0, 1), second.stderr
    records = _records(output)
    titles = [r["title"] for r in records]
    assert len(titles) == len(set(titles)) == 1200
    assert [r["title"] for r in records if r.get("kept")] == [json.loads(lines[0])["title"]]
    summary = json.loads((tmp_path / "out.jsonl.summary.json").read_text())
    assert summary["pages"] == 1200 and summary["partitions"] == 30


@pytest.mark.slow
def test_a_killed_worker_loses_no_partition(large_dumps: dict[str, Path], tmp_path: Path) -> None:
    import multiprocessing

    output = tmp_path / "out.jsonl"
    outcome: dict[str, object] = {}
    run = DumpRun(str(large_dumps["multistream"]), str(output), workers=2, partition_size=40)
    thread = threading.Thread(target=lambda: outcome.update(summary=audit_dump(run)))
    thread.start()
    parts = tmp_path / "out.jsonl.parts"
    deadline = time.monotonic() + 120
    while len(list(parts.glob("part-*.json"))) < 2 and time.monotonic() < deadline:
        time.sleep(0.05)
    workers = multiprocessing.active_children()
    assert workers, "the local engine runs its partitions in worker processes"
    os.kill(workers[0].pid, signal.SIGKILL)  # type: ignore[arg-type]
    thread.join(timeout=600)
    summary = outcome["summary"]
    titles = [r["title"] for r in _records(output)]
    assert len(titles) == len(set(titles)) == 1200
    assert summary["pages"] == 1200  # type: ignore[index]
