"""Benchmark: auditing a whole (generated) dump, against the Wikipedia Citations pipeline.

Builds one bzip2 dump of ``--pages`` pages (the shared sample articles
followed by generated articles with CS1 citations, bare links, reused
references and cleanup tags; ``tests/dump/dumpgen.py``) and, in the same
run, on the same pages:

1. spector-refs ``audit_dump`` on the local engine with 1 and with 2 worker
   processes (the full audit: parse, source assessment, findings, JSON Lines
   output; no network) — pages/s, citations/s and the 2-worker scaling;
2. the pipeline of the "Wikipedia Citations" dataset (Singh, West &
   Colavizza 2021): ``mwparserfromhell`` finds the templates and
   ``wikiciteparser`` turns each citation template into fields, in one
   process over the same pages read the same way;
3. citation fields per page for both (non-empty bibliographic values: title,
   each identifier, URL, date, work, publisher, authors…);
4. peak memory (each process's own high-water mark) of the worker process and
   of the driver of a one-worker audit of the first 5 000 pages and of all ``--pages`` pages
   (each audit in a fresh process), to show it stays flat as the dump grows.

Timings depend on the machine and on what else runs on it: on a shared
machine the scaling figure says little. Run: ``python benchmarks/dump.py
[--pages 20000]``.
"""

from __future__ import annotations

import argparse
import itertools
import json
import os
import resource
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "dump")]

import dumpgen  # noqa: E402

from spector_refs.dump import DumpRun, PageFilter, audit_dump  # noqa: E402
from spector_refs.dump.source import iter_pages, open_stream  # noqa: E402

FIELDS = (
    "title", "trans_title", "chapter", "work", "publisher", "place", "edition", "volume", "issue", "pages",
    "date", "access_date", "archive_date", "url", "archive_url", "language", "quote", "issn", "isbn", "doi",
)  # fmt: skip


def spector_fields(record: dict) -> int:
    """Non-empty bibliographic values of a page's references (authors and editors count once each)."""
    count = 0
    for ref in record["references"]:
        count += sum(1 for name in FIELDS if ref.get(name))
        count += bool(ref.get("authors")) + bool(ref.get("editors"))
    return count


def peer_fields(citation: dict) -> int:
    """Non-empty values of a wikiciteparser citation (its class left out, each identifier counted)."""
    count = 0
    for key, value in citation.items():
        if key == "CitationClass" or not value:
            continue
        count += len(value) if key == "ID_list" else 1
    return count


def run_spector(dump: Path, workers: int, out: Path) -> dict:
    """One timed audit in a fresh process, so its workers' peak memory is theirs alone."""
    done = subprocess.run(
        [sys.executable, __file__, "--one-run", str(dump), str(workers), str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(done.stdout.strip().splitlines()[-1])


def one_run(dump: str, workers: int, out: str) -> None:
    """The ``--one-run`` child: audit, then print the timing and peak memory as JSON.

    Peak memory is each process's own high-water mark (``VmHWM``), not ``ru_maxrss``:
    on Linux ``ru_maxrss`` survives ``fork`` + ``exec``, so a child would report its
    parent's size at the fork as its own (the benchmark's parent holds the parsed
    records of earlier runs; this driver holds its imports when it spawns workers).
    """
    workers_peak = WorkerPeaks()
    workers_peak.start()
    started = time.perf_counter()
    summary = audit_dump(DumpRun(dump, out, workers=workers, partition_size=500))
    seconds = time.perf_counter() - started
    workers_peak.stop()
    children, own = resource.getrusage(resource.RUSAGE_CHILDREN), resource.getrusage(resource.RUSAGE_SELF)
    cpu = sum(u.ru_utime + u.ru_stime for u in (children, own))
    result = {"seconds": seconds, "cpu": cpu, "pages": summary["pages"], "citations": summary["citations"]}
    driver = high_water(os.getpid()) / 1024
    print(json.dumps({**result, "worker_mib": workers_peak.mib, "driver_mib": driver}))


def high_water(pid: int) -> int:
    """A live process's peak resident set in KiB (0 once it is gone)."""
    try:
        with open(f"/proc/{pid}/status", encoding="ascii") as status:
            return next((int(line.split()[1]) for line in status if line.startswith("VmHWM:")), 0)
    except OSError:
        return 0


class WorkerPeaks(threading.Thread):
    """Samples the peak memory of this process's children (the worker processes) while they live."""

    def __init__(self) -> None:
        super().__init__(daemon=True)
        self.peak = 0
        self._done = threading.Event()

    def run(self) -> None:
        while not self._done.wait(0.05):
            for pid in self._children():
                self.peak = max(self.peak, high_water(pid))

    def stop(self) -> None:
        self._done.set()
        self.join()

    @property
    def mib(self) -> float:
        return self.peak / 1024

    @staticmethod
    def _children() -> list[int]:
        pids: list[int] = []
        for task in Path(f"/proc/{os.getpid()}/task").iterdir():
            try:
                pids += map(int, (task / "children").read_text().split())
            except OSError:
                continue
        return pids


def run_peer(dump: Path) -> dict:
    import mwparserfromhell
    from wikiciteparser.parser import parse_citation_template

    started, cpu = time.perf_counter(), time.process_time()
    pages = citations = fields = 0
    with open_stream(dump) as stream:
        for page in iter_pages(stream, PageFilter()):
            pages += 1
            for template in mwparserfromhell.parse(page.text).filter_templates():
                citation = parse_citation_template(template)
                if citation:
                    citations += 1
                    fields += peer_fields(citation)
    seconds, cpu = time.perf_counter() - started, time.process_time() - cpu
    return {"seconds": seconds, "cpu": cpu, "pages": pages, "citations": citations, "fields": fields}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--pages", type=int, default=20000)
    parser.add_argument("--small", type=int, default=5000, help="pages of the first memory measurement")
    parser.add_argument("--no-peer", action="store_true", help="spector-refs only (scaling, memory)")
    parser.add_argument("--one-run", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.one_run:
        one_run(args.one_run[0], int(args.one_run[1]), args.one_run[2])
        return
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        dump = dumpgen.write_dump(
            root / "bench-pages-articles.xml.bz2", dumpgen.pages(args.pages, extras=False)
        )
        small = dumpgen.write_dump(
            root / "small-pages-articles.xml.bz2",
            itertools.islice(dumpgen.pages(args.pages, extras=False), args.small),
        )
        print(f"dump: {args.pages} pages, {dump.stat().st_size / 2**20:.1f} MiB bzip2")
        one = run_spector(dump, 1, root / "one.jsonl")
        two = run_spector(dump, 2, root / "two.jsonl")
        first = run_spector(small, 1, root / "small.jsonl")
        with (root / "one.jsonl").open(encoding="utf-8") as lines:
            fields = sum(spector_fields(json.loads(line)) for line in lines)
        print("spector-refs runs done; now the peer (the slow part)", flush=True)
        peer = None if args.no_peer else run_peer(dump)
    memory = {args.small: first, args.pages: one}
    report(one, two, peer, fields, memory)


def report(one: dict, two: dict, peer: dict | None, fields: int, memory: dict[int, dict]) -> None:
    def rate(run: dict) -> str:
        pages, citations = run["pages"] / run["seconds"], run["citations"] / run["seconds"]
        return f"{pages:8.1f} pages/s {citations:9.1f} citations/s"

    print(f"spector-refs, 1 worker : {rate(one)}  ({one['seconds']:.1f} s, {one['citations']} citations)")
    print(f"spector-refs, 2 workers: {rate(two)}  ({two['seconds']:.1f} s)")
    print(f"  scaling 2 workers / 1 worker: {one['seconds'] / two['seconds']:.2f}x")
    print(f"citation fields per page: spector-refs {fields / one['pages']:.1f}")
    if peer is not None:
        print(f"mwparserfromhell + wikiciteparser (1 process): {rate(peer)}  ({peer['seconds']:.1f} s, "
              f"{peer['citations']} citation templates)")  # fmt: skip
        wall, cpu = peer["seconds"] / one["seconds"], peer["cpu"] / one["cpu"]
        print(f"  spector-refs per core vs peer: {wall:.2f}x faster (wall), "
              f"{cpu:.2f}x (CPU: {one['cpu']:.1f} s vs {peer['cpu']:.1f} s)")  # fmt: skip
        print(f"  citation fields per page, wikiciteparser: {peer['fields'] / peer['pages']:.1f}")
    for pages, run in memory.items():
        print(f"peak memory at {pages} pages (1 worker): worker {run['worker_mib']:.0f} MiB, "
              f"driver {run['driver_mib']:.0f} MiB")  # fmt: skip


if __name__ == "__main__":
    main()
