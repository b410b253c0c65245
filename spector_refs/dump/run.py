"""One dump audit from start to finish, the same on every engine.

1. Cut the dump into partitions (multistream blocks, or runs of pages).
2. With link checking: gather every partition's URLs, deduplicate them,
   and check them host group by host group into the shared link history.
3. Audit every partition not finished by an earlier run, saving each as it
   comes back; then add up the finished partitions into the run's summary.
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass, field, fields, is_dataclass
from datetime import timedelta
from pathlib import Path
from typing import Any

from spector_refs.check.checker import iso, utc_now
from spector_refs.config import Config
from spector_refs.dump.engines import Engine, make_engine
from spector_refs.dump.links import check_group, host_groups, merge_targets
from spector_refs.dump.progress import progress_bar
from spector_refs.dump.source import (
    PageFilter,
    Partition,
    find_index,
    is_dump,
    multistream_partitions,
    read_index,
    stream_partitions,
)
from spector_refs.dump.store import encoder, open_store
from spector_refs.dump.work import Job, audit_partition, merge_summaries, partition_urls
from spector_refs.errors import ConfigError, InputError
from spector_refs.policy import merge_exit_codes

DUMP_SCHEMA = "spector-refs/dump-audit/1"


@dataclass(frozen=True)
class DumpRun:
    """What to audit, where to write it, and on which engine."""

    dump: str
    output: str
    format: str = "jsonl"
    engine: str = "local"
    workers: int | None = None
    scheduler: str | None = None
    wanted: PageFilter = field(default_factory=PageFilter)
    partition_size: int = 1000
    index: str | None = None
    check_links: bool = False
    progress: bool = False


def audit_dump(run: DumpRun, config: Config | None = None) -> dict[str, Any]:
    """Audit every wanted page of the dump into ``run.output``; the run's summary."""
    config = config or Config()
    if run.check_links and not config.links.cache_path:
        raise ConfigError("--check-links over a dump needs the link history: drop --no-cache")
    if run.partition_size < 1:
        raise ConfigError("--partition-size: expected a whole number ≥ 1")
    dump = DumpSource(run)
    engine = make_engine(run.engine, workers=run.workers, scheduler=run.scheduler)
    try:
        store = open_store(run.output, run.format, _manifest(run, dump, config))
        done = set(store.finished())
        since, urls = _check_links(engine, dump, run, config) if run.check_links else (None, 0)
        job = Job(config, run.wanted, encoder(run.format), links_since=since)
        with progress_bar("auditing", dump.size, "pages", wanted=run.progress) as advance:
            sizes: dict[int, int] = {}

            def todo() -> Iterator[Partition]:
                for partition in dump.partitions(done):
                    if partition.number in done:
                        advance(partition.size, 0)
                    else:
                        sizes[partition.number] = partition.size
                        yield partition

            for result in engine.map(audit_partition, todo(), job):
                store.save(result)
                advance(sizes.pop(result.number), result.pages)
    finally:
        engine.close()
    summary = _summary(store.finished(), urls)
    store.finish(summary)
    return summary


class DumpSource:
    """The dump file and how it is cut: along a multistream index, or into runs of pages."""

    def __init__(self, run: DumpRun):
        self.path = Path(run.dump)
        if not is_dump(run.dump):
            raise InputError(f"{run.dump}: not a MediaWiki XML dump (plain, .gz or .bz2)")
        self.size = self.path.stat().st_size
        self.wanted = run.wanted
        self.partition_size = run.partition_size
        if run.index and not Path(run.index).is_file():
            raise InputError(f"{run.index}: no such index file")
        index = Path(run.index) if run.index else find_index(self.path)
        self.index = index
        self.blocks = (
            read_index(index, self.size, keep_titles=run.wanted.titles is not None) if index else None
        )

    def partitions(self, skip: set[int]) -> Iterator[Partition]:
        """Every partition in order; those in ``skip`` without their content."""
        if self.blocks is not None:
            return multistream_partitions(self.path, self.blocks, self.wanted, self.partition_size, skip)
        return stream_partitions(self.path, self.wanted, self.partition_size, skip)


def _check_links(engine: Engine, dump: DumpSource, run: DumpRun, config: Config) -> tuple[str, int]:
    """Gather and check every distinct URL; the time from which the history's results count."""
    since = iso(utc_now() - timedelta(seconds=config.links.max_age))
    with progress_bar("gathering URLs", dump.size, "pages", wanted=run.progress) as advance:
        sizes: dict[int, int] = {}

        def every() -> Iterator[Partition]:
            for partition in dump.partitions(set()):
                sizes[partition.number] = partition.size
                yield partition

        def gathered() -> Iterator[list]:
            for number, found in engine.map(_numbered_urls, every(), run.wanted):
                advance(sizes.pop(number), 0)
                yield found

        targets = merge_targets(gathered())
    groups = host_groups(targets, 4 * engine.workers)
    with progress_bar("checking links", len(targets), "URLs", wanted=run.progress) as advance:
        for counts in engine.map(check_group, groups, config.links):
            advance(sum(counts.values()), sum(counts.values()))
    return since, len(targets)


def _numbered_urls(partition: Partition, wanted: PageFilter) -> tuple[int, list]:
    return partition.number, partition_urls(partition, wanted)


def _summary(finished: dict[int, dict[str, Any]], urls: int) -> dict[str, Any]:
    """The run's counts, added up from every finished partition's marker."""
    counts: dict[str, Any] = {}
    code = 0
    for marker in finished.values():
        counts = merge_summaries(counts, marker["summary"])
        code = merge_exit_codes(code, marker["exit_code"])
    return {
        "schema": DUMP_SCHEMA,
        "exit_code": code,
        "partitions": len(finished),
        "pages": sum(m["pages"] for m in finished.values()),
        "citations": sum(m["citations"] for m in finished.values()),
        "urls_checked": urls,
        **counts,
    }


def _manifest(run: DumpRun, dump: DumpSource, config: Config) -> dict[str, Any]:
    """What must match for a restarted run to reuse finished partitions."""
    stat = dump.path.stat()
    titles = sorted(run.wanted.titles) if run.wanted.titles is not None else None
    return {
        "dump": str(dump.path.resolve()),
        "size": stat.st_size,
        "modified_ns": stat.st_mtime_ns,
        "index": str(dump.index.resolve()) if dump.index else None,
        "namespaces": sorted(run.wanted.namespaces),
        "redirects": run.wanted.redirects,
        "titles": hashlib.sha256("\n".join(titles).encode()).hexdigest() if titles is not None else None,
        "partition_size": run.partition_size,
        "format": run.format,
        "check_links": run.check_links,
        "config": hashlib.sha256(json.dumps(_canonical(config), sort_keys=True).encode()).hexdigest(),
    }


def _canonical(value: Any) -> Any:
    """The settings as plain data in a fixed order (sets sorted), the same in every process."""
    if is_dataclass(value) and not isinstance(value, type):
        return {f.name: _canonical(getattr(value, f.name)) for f in fields(value)}
    if isinstance(value, dict):
        return {str(k): _canonical(v) for k, v in value.items()}
    if isinstance(value, set | frozenset):
        return sorted(_canonical(v) for v in value)
    if isinstance(value, list | tuple):
        return [_canonical(v) for v in value]
    return value if isinstance(value, int | float | str | bool | None) else str(value)
