"""Where a dump audit's results go, one partition at a time, so a killed run can resume.

A partition is finished when its marker file exists; the marker is written
after the partition's data, both through a temporary file and a rename, so a
run killed at any moment leaves either a whole partition or none of it. A
restarted run with the same output and the same settings skips finished
partitions; different settings are refused rather than mixed. The JSON Lines
store merges its part files into the output at the end; the Parquet store is
a directory of part files that pyarrow, pandas, DuckDB or Spark read as one
dataset (the ``_state`` directory is ignored by those readers).
"""

from __future__ import annotations

import json
import os
import re
import shutil
import tempfile
from abc import ABC, abstractmethod
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from spector_refs.dump.parquet import TABLES, encode_tables, pyarrow_module
from spector_refs.dump.work import PartitionResult
from spector_refs.errors import InputError

_MARKER = re.compile(r"^part-(\d+)\.json$")


def encode_jsonl(records: list[dict[str, Any]]) -> bytes:
    """A partition's records as JSON Lines (runs in the worker)."""
    return "".join(json.dumps(r, ensure_ascii=False) + "\n" for r in records).encode("utf-8")


def encoder(format: str) -> Callable[[list[dict[str, Any]]], Any]:
    """The worker-side encoder of an output format."""
    return encode_jsonl if format == "jsonl" else encode_tables


class PartitionStore(ABC):
    """Finished partitions on disk: what is done, writing one more, and finishing the run."""

    def __init__(self, output: Path, state: Path, manifest: dict[str, Any]):
        self.output = output
        self.state = state
        self._open_state(manifest)

    def _open_state(self, manifest: dict[str, Any]) -> None:
        path = self.state / "manifest.json"
        if path.exists():
            try:
                known = json.loads(path.read_text(encoding="utf-8"))
            except (OSError, ValueError):
                known = None
            if known != manifest:
                raise InputError(
                    f"{self.output}: holds an unfinished run with other settings or another dump; "
                    "rerun with those, or remove it or choose another output"
                )
            return
        try:
            self.state.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise InputError(f"{self.state}: cannot write ({exc.strerror or exc})") from None
        _write(path, json.dumps(manifest, sort_keys=True).encode("utf-8"))

    def finished(self) -> dict[int, dict[str, Any]]:
        """The finished partitions' counts, by number."""
        done = {}
        for marker in self.state.iterdir():
            match = _MARKER.match(marker.name)
            if match:
                done[int(match.group(1))] = json.loads(marker.read_text(encoding="utf-8"))
        return done

    def save(self, result: PartitionResult) -> None:
        """The partition's data, then its marker (its counts for the run's summary)."""
        self._write_data(result.number, result.payload)
        counts = {
            "pages": result.pages,
            "citations": result.citations,
            "summary": result.summary,
            "exit_code": result.exit_code,
        }
        _write(self.state / f"part-{result.number:08d}.json", json.dumps(counts).encode("utf-8"))

    @abstractmethod
    def _write_data(self, number: int, payload: Any) -> None:
        """Write one partition's encoded records where the format keeps them."""

    @abstractmethod
    def finish(self, summary: dict[str, Any]) -> None:
        """Make the finished run's output whole and write its summary."""


class JsonLinesStore(PartitionStore):
    """``OUT.jsonl``: part files in ``OUT.jsonl.parts/``, merged in partition order at the end."""

    def __init__(self, output: Path, manifest: dict[str, Any]):
        super().__init__(output, output.with_name(output.name + ".parts"), manifest)

    def _write_data(self, number: int, payload: bytes) -> None:
        _write(self.state / f"part-{number:08d}.jsonl", payload)

    def finish(self, summary: dict[str, Any]) -> None:
        """Concatenate the parts into the output (atomically), write the summary, drop the parts."""
        parts = sorted(self.state.glob("part-*.jsonl"))
        _write_from(self.output, lambda out: _concatenate(parts, out))
        summary_path = self.output.with_name(self.output.name + ".summary.json")
        _write(summary_path, (json.dumps(summary, indent=2) + "\n").encode("utf-8"))
        shutil.rmtree(self.state, ignore_errors=True)


class ParquetStore(PartitionStore):
    """``OUT/``: ``references/``, ``findings/``, ``articles/`` part files and ``summary.json``."""

    def __init__(self, output: Path, manifest: dict[str, Any]):
        pyarrow_module()
        if output.exists() and not (output / "_state").exists() and any(output.iterdir()):
            raise InputError(f"{output}: exists and is not a dump audit's output; choose another")
        super().__init__(output, output / "_state", manifest)

    def _write_data(self, number: int, payload: dict[str, Any]) -> None:
        import pyarrow.parquet as pq

        for name in TABLES:
            target = self.output / name / f"part-{number:08d}.parquet"
            target.parent.mkdir(exist_ok=True)
            table = payload[name]
            _write_from(target, partial(pq.write_table, table))

    def finish(self, summary: dict[str, Any]) -> None:
        _write(self.output / "summary.json", (json.dumps(summary, indent=2) + "\n").encode("utf-8"))


def open_store(output: str, format: str, manifest: dict[str, Any]) -> PartitionStore:
    """The store for ``--format`` at ``output``."""
    path = Path(output)
    return JsonLinesStore(path, manifest) if format == "jsonl" else ParquetStore(path, manifest)


def _concatenate(parts: list[Path], out: Any) -> None:
    for part in parts:
        with part.open("rb") as handle:
            shutil.copyfileobj(handle, out)


def _write(path: Path, data: bytes) -> None:
    _write_from(path, lambda out: out.write(data))


def _write_from(path: Path, fill: Callable[[Any], object]) -> None:
    """Fill a temporary file beside ``path`` and rename it into place."""
    try:
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
    try:
        with os.fdopen(fd, "wb") as out:
            fill(out)
            out.flush()
            os.fsync(out.fileno())
        os.replace(tmp, path)
    except BaseException as exc:
        Path(tmp).unlink(missing_ok=True)
        if isinstance(exc, OSError):
            raise InputError(f"{path}: cannot write ({exc.strerror or exc})") from None
        raise
