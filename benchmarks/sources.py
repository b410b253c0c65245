"""Benchmark: source classification — agreement with labelled lists, and speed.

Scores the weak / primary / fine decision (:func:`spector_refs.assess.sources.decision`
with the default configuration) and the reported kind against labelled URL sets
in ``benchmarks/data/``:

- ``sources-dev.csv`` — the misses quoted in issue 11 and a few obvious cases; the rules and
  curation were tuned on these;
- ``sources-dev2.csv`` — the first held-back set (248 URLs, ``label_source`` naming each row's list),
  demoted to a second dev set once the lists it was drawn from were ingested: it now measures how
  much of those lists the build takes in, and was looked at while tuning;
- ``sources-dev3.csv`` — the second held-back set (251 URLs; how it was sampled and how each list's
  label maps to ours: ``benchmarks/data/README.md``), measured once while its lists were not
  ingested, then demoted to a third dev set when they were;
- ``sources-heldback-3.csv`` — the third held-back set (258 URLs), drawn from yet other lists; measured
  once while none of them was ingested (47.3% of decisions, 43.1% of kinds), then, its misses read,
  made a tuning set like the others: part of ``tuned``, scored alone with ``--set heldback3``;
- ``sources-heldback-4.csv`` — the fourth held-back set (262 URLs), drawn from lists none of the others
  used; measured once while none of them was ingested (55.3% of decisions, 40.1% of kinds, at
  4cde5f7), then, its misses read and its lists ingested, made a tuning set: part of ``tuned``,
  scored alone with ``--set heldback4``;
- ``sources-heldback-5.csv`` — the fifth held-back set (264 URLs), drawn from lists none of the others
  used; landed before the classifier was run on it and measured once while none of them was
  ingested (65.5% of decisions, 60.8% of kinds, at 44e3a7b), then, its misses read and its lists
  ingested (data round 6), made a tuning set: part of ``tuned``, scored alone with ``--set heldback5``;
- ``sources-heldback-6.csv`` — the sixth held-back set (254 URLs), from yet other lists none of the others
  used and the build does not ingest (``benchmarks/data/README.md``); landed before the classifier was run on
  it and measured once (54.7% of decisions, 56.5% of kinds, at 7e12116), then, its misses read and its
  lists ingested (data round 7), made a tuning set: part of ``tuned``, scored alone with ``--set heldback6``.

``all`` is every set except a held-back set not yet in ``tuned``: that one is scored only when named.

Each set is reported overall, per category, and for the rows whose site no shipped list names
(only the rules can know those). The kind is scored where the label gives one.

Speed: classifies 10 000 URLs with a ready index (start-up — loading ``sources.json`` and
compiling the rules — is timed apart): over URLs on the labelled hosts (hosts repeat, as in an
article's reference list), over 10 000 distinct hosts on 485 sites (registrable domains), and over
10 000 distinct sites, each first on fresh indexes (every host worked out) and then warm; medians
of wall and process CPU time. A process's first pass also pays what no later pass does (its heap
grows, the collector walks the loaded lists), so each scenario is also timed as a user meets it:
start-up and one pass in a fresh interpreter, the median of ``--repeat`` processes. The peer
measured in the same run is the bare Public Suffix List
lookup (``privatesuffix``) of the same URLs' hosts, which any classifier keyed by registrable domain
needs; the ratio to it is what load bends least. No network is used.

Run: ``python benchmarks/sources.py [--set dev|dev2|dev3|heldback3|heldback4|heldback5|heldback6|tuned|all]
[--repeat 5] [--verbose]``
"""

from __future__ import annotations

import argparse
import csv
import os
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from publicsuffixlist import PublicSuffixList

from spector_refs.assess.config import SOURCE_KINDS, AssessConfig
from spector_refs.assess.sources import PAGE_ENTRY, SITE_ENTRY, SourceIndex, decision, load_source_data
from spector_refs.domains import split_url
from spector_refs.model import SourceProfile

DATA = Path(__file__).parent / "data"
SETS = {
    "dev": "sources-dev.csv",
    "dev2": "sources-dev2.csv",
    "dev3": "sources-dev3.csv",
    "heldback3": "sources-heldback-3.csv",
    "heldback4": "sources-heldback-4.csv",
    "heldback5": "sources-heldback-5.csv",
    "heldback6": "sources-heldback-6.csv",
}
TUNED = ("dev", "dev2", "dev3", "heldback3", "heldback4", "heldback5", "heldback6")
HELD_BACK_PREFIX = "heldback"


def every_set(sets: Sequence[str], tuned: Sequence[str]) -> tuple[str, ...]:
    """What ``--set all`` scores: every set but the held-back ones not yet in ``tuned``.

    A held-back set is scored once, by name, at a freeze; until its misses have been read it must
    not show up in a tuner's ``all`` run by accident, so it has to be named explicitly.
    """
    return tuple(name for name in sets if name in tuned or not name.startswith(HELD_BACK_PREFIX))


GROUPS = {"tuned": TUNED, "all": every_set(tuple(SETS), TUNED)}
"""Sets scored together; neither group scores a held-back set before it joins ``tuned``."""
N_URLS = 10_000
FRESH_PROCESS = """
import sys, time
start = time.perf_counter()
from spector_refs.assess.sources import SourceIndex
index = SourceIndex.create()
ready = time.perf_counter()
urls = open(sys.argv[1], encoding="utf-8").read().split()
wall, cpu = time.perf_counter(), time.process_time()
for url in urls:
    index.by_url(url)
print(ready - start, time.perf_counter() - wall, time.process_time() - cpu)
"""
"""Start-up (import and index) and one pass over the URLs of a file, in the interpreter it starts."""


@dataclass(frozen=True)
class Row:
    """One labelled URL."""

    url: str
    category: str
    decision: str
    kind: str
    source: str


DECISIONS = ("weak", "primary", "fine")
"""What :func:`decision` concludes for a claim resting on one source; a label is one of these."""


def read_set(name: str) -> list[Row]:
    """The labelled rows of a set; a label outside the vocabularies is an error, not a silent miss."""
    return read_rows(DATA / SETS[name])


def read_rows(path: Path) -> list[Row]:
    """The labelled rows of a CSV with the URL sets' columns (the page sets add two of their own)."""
    with path.open(encoding="utf-8", newline="") as handle:
        rows = [
            Row(r["url"], r["category"], r["decision"], r["kind"], r["label_source"])
            for r in csv.DictReader(handle)
        ]
    for number, row in enumerate(rows, start=2):
        if row.decision not in DECISIONS or (row.kind and row.kind not in SOURCE_KINDS):
            raise ValueError(f"{path.name} line {number}: unknown label {row.decision}/{row.kind}")
    return rows


def listed(index: SourceIndex, url: str) -> bool:
    """Whether a shipped list names the site (an entry for the page or the site, not a rule)."""
    return any(match.level in (PAGE_ENTRY, SITE_ENTRY) for match in index.url_matches(url))


def score(name: str, rows: Sequence[Row], index: SourceIndex, config: AssessConfig, verbose: bool) -> None:
    """Agreement overall, per category, and for listed and unlisted sites."""

    def judge(row: Row) -> Judgement:
        got_decision, got_kind = judged(index.by_url(row.url), config)
        return got_decision, got_kind, ["listed" if listed(index, row.url) else "unlisted"]

    agreement(name, rows, judge, verbose)


Judgement = tuple[str, str, list[str]]
"""What a classifier concluded for a row: the decision, the kind, and the extra groups the row counts in."""


def judged(profile: SourceProfile | None, config: AssessConfig) -> tuple[str, str]:
    """The decision and kind of a profile; a source nothing matched is fine and of unknown kind."""
    return (decision(profile, config), profile.kind) if profile else ("fine", "unknown")


def agreement(
    name: str, rows: Sequence[Row], judge: Callable[[Row], Judgement], verbose: bool, label: str = "URLs"
) -> None:
    """Print the agreement of the judgements with the labels: overall, per category and per extra group."""
    tallies: dict[str, list[int]] = defaultdict(lambda: [0, 0, 0, 0])
    for row in rows:
        got_decision, got_kind, extra = judge(row)
        for group in ["all", f"category {row.category}", *extra]:
            tally = tallies[group]
            tally[0] += got_decision == row.decision
            tally[1] += 1
            if row.kind:
                tally[2] += got_kind == row.kind
                tally[3] += 1
        if verbose and (got_decision != row.decision or (row.kind and got_kind != row.kind)):
            label_text = f"{row.decision}/{row.kind} ({row.source})"
            print(f"  miss: {row.url} → {got_decision}/{got_kind}, label {label_text}")
    print(f"\n{name}: {len(rows)} labelled {label}")
    print(f"  {'group':32} {'decision':>16} {'kind':>16}")
    for group in sorted(tallies, key=lambda g: (g != "all", g)):
        agree, total, kind_agree, kind_total = tallies[group]
        kind = f"{kind_agree}/{kind_total} {100 * kind_agree / kind_total:5.1f}%" if kind_total else "—"
        print(f"  {group:32} {f'{agree}/{total} {100 * agree / total:5.1f}%':>16} {kind:>16}")


def timings(runs: Sequence[Callable[[], object]]) -> tuple[float, float]:
    """The median wall time and the median process CPU time of the runs (CPU is what load bends least)."""
    walls, cpus = [], []
    for run in runs:
        wall, cpu = time.perf_counter(), time.process_time()
        run()
        walls.append(time.perf_counter() - wall)
        cpus.append(time.process_time() - cpu)
    return statistics.median(walls), statistics.median(cpus)


def speed(rows: Sequence[Row], repeat: int) -> None:
    load_source_data.cache_clear()
    start = time.perf_counter()
    SourceIndex.create()
    startup = time.perf_counter() - start
    print(f"\nspeed: start-up (load sources.json, compile rules) {startup * 1000:.0f} ms")
    paths = ("/", "/news/2021/05/x.html", "/opinion/y", "/press-releases/z", "/wiki/Page", "/a/b/c?q=1")
    cycled = (list(rows) * (N_URLS // len(rows) + 1))[:N_URLS]
    repeated = [f"{row.url.rstrip('/')}{paths[i % len(paths)]}" for i, row in enumerate(cycled)]
    suffixes = ("com", "org", "co.uk", "gov.pl", "de")
    distinct = [f"https://host{i}.site-{i % 97}.{suffixes[i % 5]}/p/{i}" for i in range(N_URLS)]
    sites = [f"https://www.site{i}.{suffixes[i % 5]}/p/{i}" for i in range(N_URLS)]
    psl = PublicSuffixList(only_icann=True)
    cases = (
        ("labelled hosts, varied paths", repeated),
        ("10 000 distinct hosts on 485 sites", distinct),
        ("10 000 distinct sites", sites),
    )
    for label, urls in cases:
        timed(label, urls, psl, repeat)


def timed(label: str, urls: list[str], psl: PublicSuffixList, repeat: int) -> None:
    """First passes on fresh indexes (every host worked out), warm passes, the peer; wall and CPU medians."""
    fresh = [SourceIndex.create() for _ in range(repeat)]
    first = timings([lambda index=index: [index.by_url(url) for url in urls] for index in fresh])
    warm = timings([lambda: [fresh[0].by_url(url) for url in urls]] * repeat)
    peer = timings([lambda: [psl.privatesuffix(split_url(url)[0] or "") for url in urls]] * repeat)
    startup, alone = fresh_process(urls, repeat)
    print(f"  {label}: {len(urls)} URLs, medians of {repeat} (wall / process CPU)")
    passes = (("first pass", first), ("warm", warm), ("first pass, new process", alone))
    for name, (wall, cpu) in (*passes, ("peer, PSL lookup alone", peer)):
        print(f"    {name:24} {wall:.3f} s / {cpu:.3f} s CPU   {cpu / peer[1]:.2f}x the peer's CPU")
    print(f"    (the new processes' start-up, import and index: {startup * 1000:.0f} ms)")


def fresh_process(urls: list[str], repeat: int) -> tuple[float, tuple[float, float]]:
    """The median start-up and the median first pass (wall, CPU) of ``repeat`` new interpreters."""
    root = str(Path(__file__).resolve().parent.parent)
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(filter(None, (root, os.environ.get("PYTHONPATH"))))}
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".txt") as listed:
        listed.write("\n".join(urls))
        listed.flush()
        runs = [_one_process(listed.name, env) for _ in range(repeat)]
    startup, wall, cpu = (statistics.median(column) for column in zip(*runs, strict=True))
    return startup, (wall, cpu)


def _one_process(path: str, env: dict[str, str]) -> list[float]:
    command = [sys.executable, "-c", FRESH_PROCESS, path]
    done = subprocess.run(command, env=env, check=True, capture_output=True, text=True)
    return [float(value) for value in done.stdout.split()]


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Source classification: agreement and speed.")
    parser.add_argument("--set", choices=(*SETS, *GROUPS), default="tuned")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--verbose", action="store_true", help="print every disagreement")
    args = parser.parse_args(argv)
    index, config = SourceIndex.create(), AssessConfig()
    names = GROUPS.get(args.set, (args.set,))
    rows: list[Row] = []
    for name in names:
        if (DATA / SETS[name]).is_file():
            labelled = read_set(name)
            rows += labelled
            score(name, labelled, index, config, args.verbose)
    speed(rows, args.repeat)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
