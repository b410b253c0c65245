"""The Dask engine: a real LocalCluster with two worker processes, same records as local."""

from __future__ import annotations

import json
import os
import signal
from pathlib import Path

import pytest

from spector_refs.config import Config
from spector_refs.dump import DumpRun, audit_dump
from spector_refs.dump.engines import DaskEngine
from spector_refs.dump.source import PageFilter, stream_partitions
from spector_refs.dump.store import encode_jsonl
from spector_refs.dump.work import Job, audit_partition

pytestmark = pytest.mark.slow


def test_dask_gives_the_same_records_as_the_local_engine(
    small_dumps: dict[str, Path], tmp_path: Path
) -> None:
    outputs = {}
    for engine in ("local", "dask"):
        output = tmp_path / f"{engine}.jsonl"
        summary = audit_dump(DumpRun(str(small_dumps["multistream"]), str(output), engine=engine, workers=2,
                                     partition_size=40))  # fmt: skip
        outputs[engine] = (output.read_bytes(), summary)
    assert outputs["dask"] == outputs["local"]
    assert len(outputs["dask"][0].splitlines()) == outputs["dask"][1]["pages"] == 160


def test_a_killed_dask_worker_loses_no_partition(large_dumps: dict[str, Path]) -> None:
    engine = DaskEngine(2, None)
    try:
        # the scheduler's HTTP routes on a free loopback port, not Dask's fixed 8787
        assert engine._client.scheduler_info()["services"]["dashboard"] != 8787
        pids = list(engine._client.run(os.getpid).values())
        assert len(pids) == 2
        wanted = PageFilter()
        job = Job(Config(), wanted, encode_jsonl)
        partitions = stream_partitions(large_dumps["bz2"], wanted, 60, set())
        numbers: list[int] = []
        pages = 0
        for result in engine.map(audit_partition, partitions, job):
            if not numbers:
                os.kill(pids[0], signal.SIGKILL)  # the nanny starts a new worker; Dask reruns its tasks
            numbers.append(result.number)
            pages += result.pages
            assert all("title" in json.loads(line) for line in result.payload.splitlines())
        assert sorted(numbers) == list(range(20)) and pages == 1200
    finally:
        engine.close()
