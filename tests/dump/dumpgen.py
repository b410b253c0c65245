"""Test dumps: real sample articles and generated pages, written as MediaWiki XML.

Used by the dump tests and ``benchmarks/dump.py``. A dump holds the shared
samples (``tests/fixtures/wikitext/*`` and the trio's ``.wiki``) among
generated pages with CS1 citations, bare URLs, reused named references and
cleanup tags, plus redirects and talk pages the default filter must skip.
Writers cover every form the reader accepts: plain XML, gzip, bzip2 and
bzip2 multistream with its index, built the way Wikimedia builds them
(one bzip2 stream for the header, one per 100 pages, one for the footer).
"""

from __future__ import annotations

import bz2
import gzip
import random
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from xml.sax.saxutils import escape

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLES = {
    "Bodmin": FIXTURES / "wikitext" / "wikitext_en_Bodmin_wtf_wikipedia.txt",
    "Elizabeth Gilbert": FIXTURES / "wikitext" / "wikitext_en_Elizabeth-Gilbert_wtf_wikipedia.txt",
    "Operation SpecTor": FIXTURES / "trio" / "operation_spector.wiki",
}
HEADER = """<mediawiki xmlns="http://www.mediawiki.org/xml/export-0.11/" version="0.11" xml:lang="en">
  <siteinfo>
    <sitename>Wikipedia</sitename>
    <dbname>enwiki</dbname>
    <base>https://en.wikipedia.org/wiki/Main_Page</base>
    <generator>MediaWiki 1.43</generator>
    <case>first-letter</case>
    <namespaces>
      <namespace key="0" case="first-letter" />
      <namespace key="1" case="first-letter">Talk</namespace>
    </namespaces>
  </siteinfo>
"""
FOOTER = "</mediawiki>\n"
WORKS = (("web", "website", "Europol"), ("news", "work", "Reuters"), ("journal", "journal", "Nature"),
         ("book", "publisher", "Oxford University Press"))  # fmt: skip
TOPICS = ("dark web markets", "opioid seizures", "river trade", "town charters", "rail lines", "mining")


@dataclass(frozen=True)
class Page:
    title: str
    text: str
    namespace: int = 0
    redirect: str | None = None


def default_url(n: int, page: int) -> str:
    return f"https://www.example{n % 40}.example/articles/{page}/{n}"


def generated_page(number: int, url: Callable[[int, int], str] = default_url) -> Page:
    """One article of 3 to 30 cited sentences, deterministic in ``number``."""
    rng = random.Random(number)
    lines = [f"'''Topic {number}''' is a generated article about {rng.choice(TOPICS)}.", "", "== History =="]
    for n in range(rng.randint(3, 30)):
        kind, param, work = WORKS[n % len(WORKS)]
        sentence = (
            f"In {1900 + rng.randint(0, 120)} the {rng.choice(TOPICS)} grew by {rng.randint(2, 90)} per cent."
        )
        if n % 7 == 6:
            lines.append(sentence + "{{citation needed|date=May 2024}}")
        elif n % 5 == 4:
            lines.append(sentence + f"<ref>[{url(n, number)} Bare link {n}]</ref>")
        elif n % 6 == 5 and n > 5:
            lines.append(sentence + '<ref name="first" />')
        else:
            name = ' name="first"' if n == 0 else ""
            lines.append(
                sentence
                + f"<ref{name}>{{{{cite {kind} |last=Author{n} |first=Ann |title=Report {n} on page {number}"
                f" |{param}={work} |date=20{10 + n % 14:02d}-0{1 + n % 9}-1{n % 9} |url={url(n, number)}"
                f" |access-date=2024-05-0{1 + n % 9}}}}}</ref>"
            )
    lines += ["", "== References ==", "{{reflist}}", ""]
    return Page(f"Topic {number}", "\n".join(lines))


def pages(
    count: int, *, url: Callable[[int, int], str] = default_url, extras: bool = True, samples: bool = True
) -> Iterator[Page]:
    """``count`` main-namespace articles: the samples first (unless not wanted), then generated ones.

    Link tests leave the samples out: their URLs name real sites.

    With ``extras`` every 50th position is followed by a redirect and a talk
    page, which the default filter skips.
    """
    real = [Page(title, path.read_text("utf-8")) for title, path in SAMPLES.items()] if samples else []
    for i in range(count):
        yield real[i] if i < len(real) else generated_page(i, url)
        if extras and i % 50 == 49:
            yield Page(f"Redirect {i}", f"#REDIRECT [[Topic {i}]]", redirect=f"Topic {i}")
            yield Page(
                f"Topic {i}", f"Talk about it.<ref>{{{{cite web |url={url(0, i)} |title=x}}}}</ref>", 1
            )


def page_xml(page: Page, page_id: int) -> str:
    title = page.title if page.namespace == 0 else f"Talk:{page.title}"
    redirect = f'    <redirect title="{escape(page.redirect)}" />\n' if page.redirect else ""
    text = escape(page.text)
    return "\n".join(
        (
            f"  <page>\n    <title>{escape(title)}</title>\n    <ns>{page.namespace}</ns>",
            f"    <id>{page_id}</id>\n{redirect}    <revision>\n      <id>{page_id * 10}</id>",
            "      <timestamp>2024-05-01T00:00:00Z</timestamp>",
            "      <contributor><username>Example</username><id>1</id></contributor>",
            "      <model>wikitext</model>\n      <format>text/x-wiki</format>",
            f'      <text bytes="{len(page.text.encode())}" xml:space="preserve">{text}</text>',
            "    </revision>\n  </page>\n",
        )
    )


def write_dump(path: Path, items: Iterable[Page]) -> Path:
    """A whole dump, compressed as the suffix says (``.bz2``, ``.gz``, or plain)."""
    opener = bz2.open if path.suffix == ".bz2" else gzip.open if path.suffix == ".gz" else open
    with opener(path, "wt", encoding="utf-8") as out:  # type: ignore[operator]
        out.write(HEADER)
        for page_id, page in enumerate(items, start=1):
            out.write(page_xml(page, page_id))
        out.write(FOOTER)
    return path


def write_multistream(path: Path, items: Iterable[Page], per_block: int = 100) -> tuple[Path, Path]:
    """A multistream dump and its ``-index.txt.bz2``: one bzip2 stream per ``per_block`` pages."""
    index_path = path.with_name(path.name.replace(".xml.bz2", "-index.txt.bz2"))
    index_lines: list[str] = []
    with path.open("wb") as out:
        out.write(bz2.compress(HEADER.encode()))
        block: list[str] = []
        titles: list[tuple[int, str]] = []

        def flush() -> None:
            offset = out.tell()
            out.write(bz2.compress("".join(block).encode()))
            index_lines.extend(f"{offset}:{pid}:{title}\n" for pid, title in titles)
            block.clear()
            titles.clear()

        for page_id, page in enumerate(items, start=1):
            block.append(page_xml(page, page_id))
            titles.append((page_id, page.title if page.namespace == 0 else f"Talk:{page.title}"))
            if len(block) == per_block:
                flush()
        if block:
            flush()
        out.write(bz2.compress(FOOTER.encode()))
    index_path.write_bytes(bz2.compress("".join(index_lines).encode()))
    return path, index_path
