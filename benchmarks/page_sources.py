"""Benchmark: what a page's own declarations add to the source classification (issue 11).

``benchmarks/sources.py`` scores URLs alone. ``audit`` knows more for a cited page it has checked:
its metadata (:func:`spector_refs.check.metadata.read_metadata`), from which
:mod:`spector_refs.assess.declared` reads a kind (a wiki engine's generator, a blog type, a
platform's site name) at the lowest precedence. This scores the same rows twice, with the URL alone
and with the URL and the page's metadata, on sets of real saved pages (``benchmarks/data/pages-NAME/``,
format in ``benchmarks/data/README.md``): ``index.csv`` labels each row from lists, and each row's
trimmed copy keeps the page's declarations.

Every row is a site some shipped list names (that is where its label comes from), so each row is
classified **as if no list named it**: the index it is looked up in is the shipped one without the
row's site — every ``sites`` entry whose host is the row's registrable domain or a host under it
(``example.com``, ``www.example.com``, ``example.com/blog``, ``news.example.com``), and the brand
families derived from those entries (:func:`without_site`). Rules, curated brand families, public
suffixes and government suffixes stay: they are what an unlisted site gets. So a listed site
measures what an unlisted one would get, and the page's declarations have their real chance.

Reported: decisions and kinds overall and per category, with the URL alone and with the page; then
how many rows the declaration decided (the kind came from the page, nothing above it gave one), and
how many of those agree with the label (the declaration's precision). No network is used.

Run: ``python benchmarks/page_sources.py --pages dev|heldback7|heldback8 [--verbose]``. A held-back
page set is scored only when named, once, at a freeze; no group includes it.
"""

from __future__ import annotations

import argparse
import csv
import tomllib
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Any

from sources import DATA, Judgement, Row, agreement, judged, read_rows

from spector_refs.assess.build import DATA as DATA_DIR
from spector_refs.assess.build import derived_brands
from spector_refs.assess.config import AssessConfig
from spector_refs.assess.rules import UrlRules
from spector_refs.assess.sources import DECLARED, SourceIndex, deciding_matches
from spector_refs.check.metadata import read_metadata
from spector_refs.domains import registrable_domain, split_url
from spector_refs.model import PageMeta

PAGE_SETS = {"dev": "pages-dev", "heldback7": "pages-heldback-7", "heldback8": "pages-heldback-8"}


@dataclass(frozen=True)
class PageRow:
    """A labelled row and the declarations of its saved page."""

    row: Row
    meta: PageMeta | None


def read_pages(name: str) -> list[PageRow]:
    """The rows of a page set, each with the metadata ``audit`` would read from its page."""
    folder = DATA / PAGE_SETS[name]
    rows = read_rows(folder / "index.csv")
    with (folder / "index.csv").open(encoding="utf-8", newline="") as handle:
        pages = [record["page"] for record in csv.DictReader(handle)]
    return [
        PageRow(row, read_metadata((folder / page).read_bytes(), "text/html; charset=utf-8"))
        for row, page in zip(rows, pages, strict=True)
    ]


def site_of(url: str) -> str:
    """The registrable domain of a URL's host (the host itself where there is none)."""
    host = split_url(url)[0] or ""
    return registrable_domain(host) or host


def without_site(index: SourceIndex, domain: str) -> SourceIndex:
    """The index less every list entry for the domain and the hosts under it (see the module docstring).

    The brand families the build derives from the lists (a name listed under two public suffixes,
    ``bbc.com`` and ``bbc.co.uk``) are derived again without the hidden site, so that hiding
    ``bbc.com`` leaves no ``bbc`` family it made; the curated families are rules and stay.
    """

    def is_site(key: str) -> bool:
        host = key.partition("/")[0]
        return host == domain or host.endswith(f".{domain}")

    data: dict[str, Any] = dict(index.data)
    data["sites"] = {key: entry for key, entry in index.data["sites"].items() if not is_site(key)}
    curated = tomllib.loads((DATA_DIR / "curation.toml").read_text(encoding="utf-8"))["rules"]
    kept = {name: rule for name, rule in data["rules"]["brands"].items() if name in curated["brands"]}
    derived = derived_brands(
        data["sites"], set(curated["brands"]["not_brands"]), set(curated["government"]["labels"])
    )
    data["rules"] = {**data["rules"], "brands": {**derived, **kept}}
    return SourceIndex(data, index.overrides, UrlRules.from_data(data["rules"], data["sites"]))


class Judge:
    """Classifies a row with its site hidden, by URL alone or with its page; counts declarations."""

    def __init__(self, index: SourceIndex, config: AssessConfig) -> None:
        self.index, self.config = index, config
        self.hidden: dict[str, SourceIndex] = {}
        self.declared: list[tuple[PageRow, str, str]] = []

    def _index(self, url: str) -> SourceIndex:
        domain = site_of(url)
        if domain not in self.hidden:
            self.hidden[domain] = without_site(self.index, domain)
        return self.hidden[domain]

    def url_only(self, item: PageRow) -> Judgement:
        got_decision, got_kind = judged(self._index(item.row.url).by_url(item.row.url), self.config)
        return got_decision, got_kind, []

    def with_page(self, item: PageRow) -> Judgement:
        index = self._index(item.row.url)
        profile = index.by_url(item.row.url, meta=item.meta)
        got_decision, got_kind = judged(profile, self.config)
        kind_match = deciding_matches(index.url_matches(item.row.url, meta=item.meta))[0]
        if kind_match is not None and kind_match.level == DECLARED:
            self.declared.append((item, got_decision, got_kind))
            return got_decision, got_kind, ["the page's declaration decided"]
        return got_decision, got_kind, ["nothing declared, or outranked"]


def report_declarations(judge: Judge, verbose: bool) -> None:
    """How many rows the declaration decided, and its precision on them."""
    decided = judge.declared
    right = sum(got == item.row.decision for item, got, _ in decided)
    kinds = [(item, kind) for item, _, kind in decided if item.row.kind]
    kind_right = sum(kind == item.row.kind for item, kind in kinds)
    print(f"\nthe page's declaration decided {len(decided)} rows: decision right on {right}", end="")
    print(f", kind right on {kind_right} of {len(kinds)} labelled with a kind")
    if verbose:
        for item, got_decision, got_kind in decided:
            label, said = f"{item.row.decision}/{item.row.kind}", declarations(item.meta)
            print(f"  declared: {item.row.url} → {got_decision}/{got_kind}, label {label}; {said}")


def declarations(meta: PageMeta | None) -> str:
    """The declarations the kind is read from, for a verbose line."""
    if meta is None:
        return "no metadata"
    return f"generator={meta.generator!r} site_name={meta.site_name!r} types={meta.kinds}"


def _by_row(
    classify: Callable[[PageRow], Judgement], items: dict[int, PageRow]
) -> Callable[[Row], Judgement]:
    """A judge of labelled rows from a judge of page rows (the scoring code knows rows only)."""
    return lambda row: classify(items[id(row)])


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Source classification with and without the cited page.")
    parser.add_argument("--pages", choices=PAGE_SETS, default="dev")
    parser.add_argument("--verbose", action="store_true", help="print every disagreement and declaration")
    args = parser.parse_args(argv)
    config = AssessConfig()
    judge = Judge(SourceIndex.create(config), config)
    items = read_pages(args.pages)
    by_row = {id(item.row): item for item in items}
    rows = [item.row for item in items]
    name = f"pages-{args.pages}, site hidden from the lists"
    for how, classify in (("URL alone", judge.url_only), ("URL + page", judge.with_page)):
        agreement(f"{name}, {how}", rows, _by_row(classify, by_row), args.verbose, "pages")
    report_declarations(judge, args.verbose)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
