"""Benchmark: parsing a 600-reference article in each input format.

Generates one synthetic but realistic article (30 sections of cited prose,
600 CS1 citations of four kinds, a third of them reused by name) and renders
it as wikitext, legacy-parser HTML and the plain text a reader copies. Each
rendering is parsed ``--repeat`` times with the library; the script prints
the median time per parse and its ratio to a baseline measured in the same
run on the same document: ``mwparserfromhell.parse`` alone for wikitext,
``BeautifulSoup(…, "lxml")`` alone for HTML, and splitting lines plus a
marker regex for plain text. No network is used.

``--sample FILE`` (repeatable) also times real pages, such as the shared
Dog sample, against the same baselines. Speed is measured here and only
here: the tests assert correctness, never wall-clock time.

Run: ``python benchmarks/parse.py [--refs 600] [--repeat 7] [--sample FILE …]``
"""

from __future__ import annotations

import argparse
import html
import re
import statistics
import time
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any
from urllib.parse import quote_plus

import mwparserfromhell
from bs4 import BeautifulSoup

from spector_refs.parse import detect_format
from spector_refs.parse.html import parse_html
from spector_refs.parse.text import parse_text
from spector_refs.parse.wikitext import parse_wikitext

SURNAMES = ("Greenberg", "Goswami", "Nakamura", "Okafor", "Lindqvist", "Moreau", "Castillo", "Novak")
GIVEN = ("Andy", "Rohan", "Aiko", "Chidi", "Freja", "Camille", "Lucia", "Tomas")
WORKS = (
    ("web", "website", "Europol"),
    ("news", "work", "Reuters"),
    ("journal", "journal", "Journal of Drug Policy"),
    ("book", "publisher", "Oxford University Press"),
)
TOPICS = (
    "darknet vendors",
    "opioid seizures",
    "cryptocurrency tracing",
    "extradition hearings",
    "market takedowns",
    "law enforcement cooperation",
    "fentanyl trafficking",
    "exit scams",
)
MONTHS = (
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
)


@dataclass(frozen=True)
class Source:
    """One synthetic citation, rendered identically into every format."""

    number: int
    kind: str
    work_param: str
    work: str
    last: str
    first: str
    date: str
    title: str
    url: str
    uses: int


def make_sources(count: int) -> list[Source]:
    sources = []
    for n in range(1, count + 1):
        kind, param, work = WORKS[n % len(WORKS)]
        topic = TOPICS[n % len(TOPICS)]
        date = f"20{10 + n % 14:02d}-{1 + n % 12:02d}-{1 + n % 28:02d}"
        sources.append(
            Source(
                number=n,
                kind=kind,
                work_param=param,
                work=work,
                last=SURNAMES[n % len(SURNAMES)],
                first=GIVEN[(n // 3) % len(GIVEN)],
                date=date,
                title=f"Report {n} on {topic} in Europe",
                url=f"https://www.example{n % 40}.example/articles/{n}",
                uses=1 + (n % 3 == 0) + (n % 9 == 0),
            )
        )
    return sources


def citation_uses(sources: list[Source]) -> list[list[tuple[Source, int]]]:
    """Sentences per section, each closed by one citation use (source, use index)."""
    uses = [(source, k) for k in range(3) for source in sources if k < source.uses]
    per_section = max(1, len(uses) // 30)
    return [uses[i : i + per_section] for i in range(0, len(uses), per_section)]


def sentence(source: Source, k: int) -> str:
    topic = TOPICS[(source.number + k) % len(TOPICS)]
    return f"Investigators described {topic} in case {source.number} and follow-up {k}"


# --- wikitext ---------------------------------------------------------------------------------


def cite_template(s: Source) -> str:
    template = "cite web" if s.kind == "web" else f"cite {s.kind}"
    return (
        f"{{{{{template} |last={s.last} |first={s.first} |date={s.date} |title={s.title} "
        f"|{s.work_param}={s.work} |url={s.url} |access-date=2024-01-31}}}}"
    )


def to_wikitext(sources: list[Source]) -> str:
    parts = ["{{Short description|Synthetic benchmark article}}\n'''Benchmark''' is a synthetic article.\n"]
    for index, section in enumerate(citation_uses(sources), start=1):
        parts.append(f"\n== Section {index} ==\n")
        for s, k in section:
            ref = (
                f'<ref name="r{s.number}">{cite_template(s)}</ref>'
                if k == 0
                else f'<ref name="r{s.number}" />'
            )
            parts.append(f"{sentence(s, k)}.{ref} ")
        parts.append("\n")
    parts.append("\n== References ==\n{{Reflist}}\n")
    return "".join(parts)


# --- HTML (legacy parser) ---------------------------------------------------------------------


def rendered_citation(s: Source) -> str:
    return f'{s.last}, {s.first} ({s.date}). "{s.title}". {s.work}. Retrieved 2024-01-31.'


def to_html(sources: list[Source]) -> str:
    parts = ['<html><body><div class="mw-parser-output"><p><b>Benchmark</b> is a synthetic article.</p>']
    for index, section in enumerate(citation_uses(sources), start=1):
        parts.append(
            f'<div class="mw-heading mw-heading2"><h2 id="Section_{index}">Section {index}</h2></div><p>'
        )
        for s, k in section:
            parts.append(
                f'{sentence(s, k)}.<sup id="cite_ref-r{s.number}_{s.number}-{k}" class="reference">'
                f'<a href="#cite_note-r{s.number}-{s.number}"><span class="cite-bracket">[</span>{s.number}'
                '<span class="cite-bracket">]</span></a></sup> '
            )
        parts.append("</p>")
    parts.append('<div class="mw-heading mw-heading2"><h2 id="References">References</h2></div>')
    parts.append('<div class="reflist"><div class="mw-references-wrap"><ol class="references">')
    parts.extend(reference_item(s) for s in sources)
    parts.append("</ol></div></div></div></body></html>")
    return "".join(parts)


def reference_item(s: Source) -> str:
    if s.uses == 1:
        backlinks = f'<b><a href="#cite_ref-r{s.number}_{s.number}-0">^</a></b>'
    else:
        backlinks = "^ " + " ".join(
            f'<a href="#cite_ref-r{s.number}_{s.number}-{k}"><sup><i><b>{"abc"[k]}</b></i></sup></a>'
            for k in range(s.uses)
        )
    coins = (
        f"ctx_ver=Z39.88-2004&rft.atitle={quote_plus(s.title)}&rft.jtitle={quote_plus(s.work)}"
        f"&rft.date={s.date}&rft.aulast={s.last}&rft.aufirst={s.first}&rft_id={quote_plus(s.url)}"
    )
    return (
        f'<li id="cite_note-r{s.number}-{s.number}"><span class="mw-cite-backlink">{backlinks}</span> '
        f'<span class="reference-text"><cite class="citation {s.kind} cs1">{s.last}, {s.first} ({s.date}). '
        f'<a rel="nofollow" class="external text" href="{s.url}">&quot;{html.escape(s.title)}&quot;</a>. '
        f'<i>{s.work}</i>. Retrieved <span class="nowrap">2024-01-31</span>.</cite>'
        f'<span title="{html.escape(coins)}" class="Z3988"></span></span></li>'
    )


# --- plain text ------------------------------------------------------------------------------


def to_text(sources: list[Source]) -> str:
    lines = ["Benchmark is a synthetic article.", ""]
    for index, section in enumerate(citation_uses(sources), start=1):
        lines += [
            f"Section {index} edit",
            "",
            " ".join(f"{sentence(s, k)}.[{s.number}]" for s, k in section),
            "",
        ]
    lines += ["References edit", ""]
    for s in sources:
        backlinks = "" if s.uses == 1 else " ".join("abc"[: s.uses]) + " "
        lines.append(f"  {s.number}. ^ {backlinks}{rendered_citation(s)}")
    return "\n".join(lines) + "\n"


# --- timing ----------------------------------------------------------------------------------


def median_seconds(function: Callable[[], object], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        function()
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def text_baseline(text: str) -> None:
    """Reading every line and finding every marker: the least any text parser must do."""
    marker = re.compile(r"\[\d+\]")
    for line in text.splitlines():
        marker.findall(line)


def main() -> None:
    options = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    options.add_argument("--refs", type=int, default=600)
    options.add_argument("--repeat", type=int, default=7)
    options.add_argument(
        "--sample", action="append", default=[], metavar="FILE", help="also time a real page"
    )
    args = options.parse_args()
    sources = make_sources(args.refs)
    documents = {"wikitext": to_wikitext(sources), "html": to_html(sources), "text": to_text(sources)}
    cases = [(name, document, *FORMATS[name]) for name, document in documents.items()]
    for sample in map(Path, args.sample):
        document = sample.read_text(encoding="utf-8")
        cases.append((sample.name[:24], document, *FORMATS[detect_format(document)]))
    print(f"{args.refs} references (synthetic), median of {args.repeat} runs")
    columns = f"{'document':<25}{'size':>10}{'refs':>6}{'claims':>8}"
    print(f"{columns}{'parse':>11}{'baseline':>11}{'ratio':>8}  baseline is")
    for name, document, parser, baseline, label in cases:
        article = parser(document)
        parse_time = median_seconds(lambda: parser(document), args.repeat)  # noqa: B023
        base_time = median_seconds(lambda: baseline(document), args.repeat)  # noqa: B023
        print(
            f"{name:<25}{len(document):>10,}{len(article.references):>6}{len(article.claims):>8}"
            f"{parse_time * 1000:>9.1f}ms{base_time * 1000:>9.1f}ms{parse_time / base_time:>7.1f}x  {label}"
        )


FORMATS: dict[str, tuple[Callable[[str], Any], Callable[[str], object], str]] = {
    "wikitext": (parse_wikitext, mwparserfromhell.parse, "mwparserfromhell.parse"),
    "html": (parse_html, lambda doc: BeautifulSoup(doc, "lxml"), "BeautifulSoup(lxml)"),
    "text": (parse_text, text_baseline, "lines + marker regex"),
}
"""Each input format's parser and the least work any parser of that format must do."""


if __name__ == "__main__":
    main()
