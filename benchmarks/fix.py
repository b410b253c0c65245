"""Benchmark: ``fix`` on the wikitext samples, against the bare mwparserfromhell round trip.

``fix`` parses the page with mwparserfromhell, walks it once for citations,
edits the dead ones and prints the tree back; the floor for that design is
``str(mwparserfromhell.parse(text))``. For each sample (and each sample
repeated ``--scale`` times, a long page) this measures, in one run and as
process CPU time (best of ``--repeat``):

1. the round trip alone;
2. ``fix`` with every cited URL dead — a third with an archive copy, a third
   without, a third live with ``url-status=dead`` where the page says so —
   and the ratio of the two;
3. the changes made, and that a second run on the output makes none.

Run: ``python benchmarks/fix.py [--repeat 5] [--scale 10]``.
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Callable
from datetime import date
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mwparserfromhell  # noqa: E402

from spector_refs.fix import citation_targets, fix  # noqa: E402
from spector_refs.model import LinkResult, Verdict  # noqa: E402

SAMPLES = sorted(
    [*(ROOT / "tests/fixtures").glob("wikitext/*.txt"), *(ROOT / "tests/fixtures").glob("**/*.wiki")]
)
TODAY = date(2026, 12, 1)


def links_for(text: str) -> list[LinkResult]:
    """A third of the URLs dead with a copy, a third dead without, a third live."""
    results = []
    for number, target in enumerate(citation_targets(text)):
        copy = f"https://web.archive.org/web/20200101000000/{target.url}" if number % 3 == 0 else None
        verdict = Verdict.OK if number % 3 == 2 else Verdict.BROKEN
        results.append(LinkResult(target.url, verdict, "", dead=verdict is Verdict.BROKEN, archive_url=copy))
    return results


def best_cpu(run: Callable[[], object], repeat: int) -> float:
    best = float("inf")
    for _ in range(repeat):
        start = time.process_time()
        run()
        best = min(best, time.process_time() - start)
    return best


def measure(name: str, text: str, repeat: int) -> None:
    links = links_for(text)
    round_trip = best_cpu(lambda: str(mwparserfromhell.parse(text)), repeat)
    fixing = best_cpu(lambda: fix(text, links, today=TODAY, expand_bare=True), repeat)
    result = fix(text, links, today=TODAY, expand_bare=True)
    again = fix(result.text, links, today=TODAY, expand_bare=True)
    print(
        f"{name:<48} {len(text) / 1000:>4.0f} kB {len(links):>4} URLs"
        f"  round trip {round_trip * 1000:>6.1f} ms"
        f"  fix {fixing * 1000:>6.1f} ms  ratio {fixing / round_trip:>4.2f}  "
        f"{len(result.changes):>4} changes, second run {len(again.changes)}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument("--scale", type=int, default=10)
    args = parser.parse_args()
    for path in SAMPLES:
        text = path.read_text(encoding="utf-8")
        measure(path.name, text, args.repeat)
        measure(f"{path.name} x{args.scale}", "\n".join([text] * args.scale), args.repeat)


if __name__ == "__main__":
    main()
