"""Precision and recall of the title-mismatch check on real cited-title / page-title pairs.

Each pair is the ``title=`` of a real citation (the articles in
tests/fixtures) and the title or main heading of a real web page found by
searching for that citation; a person labelled each pair "same" (an editor
would take the page for the cited work) or "different". The check flags a
pair when :func:`spector_refs.check.titles.best_match` finds no agreement;
a flagged "different" pair is a true positive, a flagged "same" pair a false
alarm. ``data/title_pairs_dev.tsv`` is the set the matcher was tuned on;
``data/title_pairs_heldout.tsv`` was built after the last change to the
matcher and never tuned on. Run: ``python benchmarks/title_match.py``.
No network access.
"""

from __future__ import annotations

import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from spector_refs.check.titles import best_match

DATA = Path(__file__).parent / "data"
SETS = (("development", "title_pairs_dev.tsv"), ("held-out", "title_pairs_heldout.tsv"))


@dataclass(frozen=True)
class Pair:
    label: str
    cited: str
    page: str
    url: str
    origin: str


def read_pairs(path: Path) -> list[Pair]:
    """The pairs of one TSV file (comment lines start with "#")."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    rows = list(csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE))
    return [Pair(row["label"], row["cited"], row["page"], row["page_url"], row["origin"]) for row in rows]


def flagged(pair: Pair) -> bool:
    """Whether the check reports this pair as a title mismatch."""
    match = best_match(pair.cited, [pair.page])
    return match is not None and not match.matches


def score(pairs: list[Pair]) -> dict[str, float]:
    tp = sum(1 for p in pairs if flagged(p) and p.label == "different")
    fp = sum(1 for p in pairs if flagged(p) and p.label == "same")
    fn = sum(1 for p in pairs if not flagged(p) and p.label == "different")
    same = sum(1 for p in pairs if p.label == "same")
    precision = tp / (tp + fp) if tp + fp else 1.0
    recall = tp / (tp + fn) if tp + fn else 1.0
    return {"pairs": len(pairs), "same": same, "different": len(pairs) - same, "tp": tp, "fp": fp, "fn": fn,
            "precision": precision, "recall": recall}  # fmt: skip


def main() -> int:
    everything: list[Pair] = []
    for label, name in SETS:
        path = DATA / name
        if not path.exists():
            print(f"{label}: {name} missing")
            continue
        pairs = read_pairs(path)
        everything += pairs
        r = score(pairs)
        print(
            f"{label}: {r['pairs']} pairs ({r['same']} same, {r['different']} different) — "
            f"true pos. {r['tp']}, false pos. {r['fp']}, false neg. {r['fn']}; "
            f"precision {r['precision']:.3f}, recall {r['recall']:.3f}"
        )
        for pair in pairs:
            if flagged(pair) != (pair.label == "different"):
                what = "false alarm" if pair.label == "same" else "missed"
                print(f"  {what}: {pair.cited!r} vs {pair.page!r}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
