"""Benchmark: 1 MB of each hostile shape, parsed in under 2 s (issue 14).

The shapes are the linear-time guard's (``tests/hardening/test_linear_time.py``),
each repeated until the document is 1 MB; the guard checks that time grows
linearly, this script checks the absolute cost on this machine. Printed per
shape: the size, the process CPU time and wall time of one parse, and whether
the CPU time is under the bound (CPU, so that other work on a shared machine
does not count against the parser). No network is used.

Run: ``python benchmarks/hostile.py [--shapes nested-divs,unclosed-refs] [--bound 2.0]``
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from hardening.test_linear_time import HTML_SHAPES, PARSERS, WIKI_SHAPES  # noqa: E402

MEGABYTE = 1_000_000
ISSUE_SHAPES = (
    "html:nested-divs",
    "html:nested-spans",
    "html:nested-tables",
    "wikitext:unclosed-refs",
    "wikitext:unclosed-named-refs",
    "wikitext:templates-in-unclosed-refs",
    "wikitext:open-refs",
)


def megabyte_of(make: Callable[[int], str]) -> str:
    """The shape with n chosen so the document is about 1 MB."""
    per_unit = len(make(1000)) / 1000
    return make(int(MEGABYTE / per_unit))


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--shapes", default=",".join(ISSUE_SHAPES), help="format:shape, comma-separated")
    parser.add_argument("--bound", type=float, default=2.0, help="seconds allowed per 1 MB document")
    args = parser.parse_args()
    tables = {"html": HTML_SHAPES, "wikitext": WIKI_SHAPES}
    slow = 0
    for spec in args.shapes.split(","):
        fmt, name = spec.split(":", 1)
        document = megabyte_of(tables[fmt][name])
        start, cpu_start = time.perf_counter(), time.process_time()
        PARSERS[fmt](document)
        seconds, wall = time.process_time() - cpu_start, time.perf_counter() - start
        verdict = "ok" if seconds < args.bound else "TOO SLOW"
        slow += seconds >= args.bound
        size = len(document) / MEGABYTE
        print(f"{spec:40} {size:5.2f} MB  CPU {seconds:5.2f} s  wall {wall:5.2f} s  {verdict}")
    return 1 if slow else 0


if __name__ == "__main__":
    sys.exit(main())
