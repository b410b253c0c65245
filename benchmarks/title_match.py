"""Precision and recall of the title-mismatch check on real cited-title / page-title pairs.

Each pair is a real citation (the articles in tests/fixtures: its title,
URL, work and date) and a real web page found by searching for that
citation (its title or main heading, its URL, and its site name,
publication date and declared types where the page shows them; the
citation's kind, "book" when it gives an ISBN); a person labelled each pair
"same" (an editor would take the page for the cited work: the article
itself, retitled or not, or a copy carrying its headline) or "different".
The check is run as the audit runs it (:func:`spector_refs.assess.verify.
title_mismatch`) on the page as if the cited URL had led there: a flagged
"different" pair is a true positive, a flagged "same" pair a false alarm,
so precision is the share of flags that are right and recall the share of
different pages caught. Rows from rendered-text citations have no cited URL,
so the site can only be told from the page's site name; the audit itself
only ever compares pages of citations with a URL, so each set's figures are
also given for those rows. ``data/title_pairs_dev.tsv`` is the set the
matcher is tuned on, ``data/title_pairs_heldout.tsv`` the first held-out set
(tuned on since the site, slug and date evidence was added) and
``data/title_pairs_heldout_2.tsv`` the second (built after the identity
evidence; tuned on since its misses were read while adding the one-word
rule), ``data/title_pairs_heldout_3.tsv`` the third, whose every row cites a
URL (tuned on since its misses shaped the page-kind evidence), and
``data/title_pairs_heldout_4.tsv`` a held-out set from another article (Cat),
built after the page-kind change and never tuned on. Run:
``python benchmarks/title_match.py``; the misses of a set not tuned on are
printed only with ``--misses``, because reading them makes it tuned on. No
network access.
"""

from __future__ import annotations

import argparse
import csv
import sys
from dataclasses import dataclass
from pathlib import Path

from spector_refs.assess.verify import title_mismatch
from spector_refs.model import LinkResult, PageMeta, Reference, Verdict

DATA = Path(__file__).parent / "data"
SETS = (  # (label, file, tuned on)
    ("development", "title_pairs_dev.tsv", True),
    ("held-out 1 (tuned on)", "title_pairs_heldout.tsv", True),
    ("held-out 2 (tuned on)", "title_pairs_heldout_2.tsv", True),
    ("held-out 3 (tuned on)", "title_pairs_heldout_3.tsv", True),
    ("held-out 4", "title_pairs_heldout_4.tsv", False),
)


@dataclass(frozen=True)
class Pair:
    """One labelled row: the citation, the page it is set against, and the label."""

    label: str
    cited: Reference
    page: LinkResult
    origin: str


def read_pairs(path: Path) -> list[Pair]:
    """The pairs of one TSV file (comment lines start with "#"; empty cells are unknown)."""
    lines = [line for line in path.read_text(encoding="utf-8").splitlines() if not line.startswith("#")]
    return [_pair(row) for row in csv.DictReader(lines, delimiter="\t", quoting=csv.QUOTE_NONE)]


def _pair(row: dict[str, str]) -> Pair:
    cell = {key: (value or "").strip() or None for key, value in row.items()}
    cited = Reference(0, title=cell["cited"], url=cell["cited_url"], work=cell["cited_work"],
                      date=cell["cited_date"], kind=cell.get("cited_kind"))  # fmt: skip
    kinds = tuple(kind.strip() for kind in (cell.get("page_kinds") or "").split(";") if kind.strip())
    meta = PageMeta(title=cell["page"], site_name=cell["page_site"], published=cell["page_date"], kinds=kinds)
    page_url = cell["page_url"] or ""
    page = LinkResult(cell["cited_url"] or page_url, Verdict.OK, "ok", 200, final_url=page_url, meta=meta)
    return Pair(row["label"], cited, page, row["origin"])


def flagged(pair: Pair) -> bool:
    """Whether the audit reports this pair as a title mismatch."""
    return title_mismatch(pair.cited, pair.page) is not None


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
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--misses", action="store_true", help="also print the misses of held-out sets")
    show_all = parser.parse_args().misses
    everything: list[Pair] = []
    for label, name, tuned in SETS:
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
        linked = score([pair for pair in pairs if pair.cited.url])
        print(
            f"  of which {linked['pairs']} cite a URL, as every citation the audit fetches does: "
            f"precision {linked['precision']:.3f}, recall {linked['recall']:.3f}"
        )
        for pair in pairs if tuned or show_all else []:
            if flagged(pair) != (pair.label == "different"):
                what = "false alarm" if pair.label == "same" else "missed"
                page = pair.page.meta.title if pair.page.meta else None
                print(f"  {what}: {pair.cited.title!r} vs {page!r} ({pair.page.final_url}; {pair.origin})")
    total = score(everything)
    figures = f"precision {total['precision']:.3f}, recall {total['recall']:.3f}"
    print(f"all sets: {total['pairs']} pairs; {figures}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
