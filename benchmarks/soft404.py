"""Precision and recall of the soft-404 judgement on the corpus, with and without the host probe.

The corpus (``tests/fixtures/soft404``, sources in its SOURCES.md) holds real
"not found" pages served with HTTP 200 by WordPress default themes and their
translations, Blogger, Drupal, Squarespace, Wix, Shopify, GitHub Pages and
news CMSs, and real pages that are not soft 404s (many of them articles
about HTTP 404). ``dev`` is the part the rules were tuned on; ``held-back``
was built after the code was done, labelled from the themes' and CMSs'
own sources. Each site is served on its own loopback port, and every case
goes through the real link checker, once with the per-host probe
(``soft-404-probe``, the default) and once with wording alone.

A soft 404 judged ``soft-404`` is a true positive; a real page judged
``soft-404`` is a false alarm. Run from the repository:

    python benchmarks/soft404.py [--split dev|held-back|all]

Targets (issue 13): recall ≥ 95 %, no false alarm on the real pages.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from contextlib import ExitStack
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests" / "check")]

from soft404_world import SPLITS, Case, serve  # noqa: E402

from spector_refs.check import LinkCheckConfig, LinkChecker  # noqa: E402
from spector_refs.model import Verdict  # noqa: E402

METHODS = (("wording + probe", True), ("wording only", False))


def judge(cases: list[Case], probe: bool) -> dict[str, Verdict]:
    config = LinkCheckConfig(
        allow_private=True, per_host_interval=0.0, timeout=5.0, deadline=10.0, soft_404_probe=probe
    )
    with LinkChecker(config) as checker:
        return {result.url: result.verdict for result in checker.check([case.url for case in cases])}


def scores(cases: list[Case], verdicts: dict[str, Verdict]) -> tuple[int, int, int, int]:
    """(soft 404s, of them caught, real pages, of them falsely called soft 404s)."""
    soft = [c for c in cases if c.label == "soft-404"]
    real = [c for c in cases if c.label == "ok"]
    caught = sum(verdicts[c.url] is Verdict.SOFT_404 for c in soft)
    alarms = sum(verdicts[c.url] is Verdict.SOFT_404 for c in real)
    return len(soft), caught, len(real), alarms


def row(name: str, counts: tuple[int, int, int, int]) -> str:
    soft, caught, real, alarms = counts
    recall = f"{caught / soft:6.1%}" if soft else "     —"
    flagged = caught + alarms
    precision = f"{caught / flagged:6.1%}" if flagged else "     —"
    return f"| {name:<28} | {caught:>3}/{soft:<3} | {recall} | {alarms:>3}/{real:<3} | {precision} |"


def table(split: str, cases: list[Case], verdicts: dict[str, Verdict], method: str) -> list[str]:
    lines = [
        f"\n{split}, {method}",
        "| group                        | caught  | recall | alarms  | precis. |",
        "|------------------------------|---------|--------|---------|---------|",
        row("all", scores(cases, verdicts)),
    ]
    for key in ("cms", "language"):
        groups: dict[str, list[Case]] = defaultdict(list)
        for case in cases:
            groups[f"{key}: {getattr(case, key)}"].append(case)
        lines += [row(name, scores(group, verdicts)) for name, group in sorted(groups.items())]
    return lines


def missed(cases: list[Case], verdicts: dict[str, Verdict]) -> list[str]:
    wrong = [c for c in cases if (verdicts[c.url] is Verdict.SOFT_404) != (c.label == "soft-404")]
    return [f"  {c.label:<8} judged {verdicts[c.url].value:<10} {c.site} {c.url}" for c in wrong]


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--split", choices=(*SPLITS, "all"), default="all")
    parser.add_argument("--list", action="store_true", help="list every wrong verdict")
    args = parser.parse_args()
    for split in SPLITS if args.split == "all" else (args.split,):
        with ExitStack() as stack:
            cases = serve(split, stack)
            for method, probe in METHODS:
                verdicts = judge(cases, probe)
                print("\n".join(table(split, cases, verdicts, method)))
                if args.list:
                    print("\n".join(missed(cases, verdicts)) or "  (no wrong verdicts)")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
