"""Page-level accuracy of plain text: a long real article copied as text, against its own HTML.

The per-line corpus (``cs1_corpus.py``) scores single citations. A reader's
copy of a whole page adds what those lines lack: references that hold two
citations or prose around one, hand-typed references, notes lists, and the
list numbering the text reader has to find. This script renders the Parsoid
"Dog" page (2018, ``tests/fixtures/html/html_en_Dog_parsoid2018_mobileapps.html``,
about 250 references) to the plain text a browser copy gives — the form of
the bundled seed: "Heading edit" lines, paragraphs with ``[N]`` markers, and
the list as ``N. ^ a b citation`` — parses that text, parses the HTML (which
reads the template parameters Parsoid keeps), and compares each numbered
reference: title, first author and year.

Titles are compared as the cited title (``Reference.cited_title``: the chapter or
entry when there is one, else the title), and the container (``Reference.container``)
beside it wherever the label names one. A title or container agrees when both are
equal after case and punctuation are dropped; a first author when the family name
(or organisation) agrees the same way; a year when the first four digits of the
dates agree. References the HTML gives no title are counted apart (there is nothing
to agree with).

Beside that renderer, each long article of ``ARTICLES`` is also measured on a
REAL browser's text of the page: Chromium's ``innerText`` of the body (what it
copies), kept in ``benchmarks/data/pages/NAME.txt`` with the HTML it came from.
A browser's text has no list numbers, so it also measures how the text reader
finds the list. Labels are the HTML parse for the Parsoid Dog page (whose
template parameters Parsoid keeps) and the COinS spans CS1 writes beside each
citation for the others: cited title ``rft.atitle``, else ``rft.btitle``, container
``rft.btitle`` beside an ``rft.atitle``, else ``rft.jtitle``; first author ``rft.aulast``
or the first ``rft.au``, year ``rft.date`` — except the pages of ``SET_LABELS``, labelled
by the held-back set made from them (read by ``cs1_corpus.label_view``). ``--render`` makes the
copies again (needs ``chromium``; the copies are committed, so runs do not). Run:

    python benchmarks/cs1_page.py [--misses] [--write-text FILE] [--render]

No network is used.
"""

from __future__ import annotations

import argparse
import json
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path
from typing import NamedTuple
from urllib.parse import parse_qs

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bs4 import BeautifulSoup, Tag  # noqa: E402

from spector_refs.model import Reference  # noqa: E402
from spector_refs.parse.core.sections import REFERENCE_SECTIONS, SOURCES_GROUP  # noqa: E402
from spector_refs.parse.html import parse_html  # noqa: E402
from spector_refs.parse.html.cite import reader_text  # noqa: E402
from spector_refs.parse.text import parse_text  # noqa: E402

sys.path.insert(0, str(ROOT / "benchmarks"))
from cs1_corpus import label_view  # noqa: E402

PAGES = {"dog-2018": ROOT / "tests" / "fixtures" / "html" / "html_en_Dog_parsoid2018_mobileapps.html"}
COPIES = ROOT / "benchmarks" / "data" / "pages"
ARTICLES = {"dog-2018": PAGES["dog-2018"]} | {path.stem: path for path in sorted(COPIES.glob("*.html"))}
"""Long articles measured on a real browser's copy: name → the HTML the copy was made from."""
CS1_FIXTURES = ROOT / "tests" / "fixtures" / "cs1"
MAIN_LIST, BIBLIOGRAPHY = "ol.references > li", "div.refbegin > ul > li"
SET_LABELS = {
    "new-zealand-2019": (CS1_FIXTURES / "held_back_5.json", MAIN_LIST, None),
    "galileo-2017": (CS1_FIXTURES / "held_back_6.json", BIBLIOGRAPHY, SOURCES_GROUP),
    "darwin-2017": (CS1_FIXTURES / "held_back_7.json", BIBLIOGRAPHY, SOURCES_GROUP),
    "newtons-laws-2025": (CS1_FIXTURES / "held_back_8.json", MAIN_LIST, None),
    "taxonomy-2025": (CS1_FIXTURES / "held_back_9.json", MAIN_LIST, None),
    "work-2025": (CS1_FIXTURES / "held_back_10.json", MAIN_LIST, None),
    "plant-2025": (CS1_FIXTURES / "held_back_11.json", MAIN_LIST, None),
}
"""Pages labelled by a held-back set (its cases' ``number``: the place in the page's main list, by
that file's rule), the entries of that main list, and the group the text reader gives that list's
references: New Zealand's copy has no COinS, and the main lists of Galileo and Darwin (under
"References") are bibliographies — the "sources" group, numbered from 1 — not the
``ol.references`` of the COinS reader below, which there sits under "Notes" or "Citations".
Newton's laws of motion (2025, held-back-8) and Taxonomy (biology) (2025, held-back-9) have
COinS, but are labelled by their sets, which name the cited piece the same way (a set's label
read as cited title and container by ``cs1_corpus.label_view``); so are Work (physics) (2025,
held-back-10) and Plant (2025, held-back-11)."""
_COPY_SCRIPT = (
    '<script>addEventListener("load", () => { const text = document.body.innerText;'
    ' const copy = Object.assign(document.createElement("pre"), {id: "copy", textContent: text});'
    " document.body.replaceChildren(copy); });</script>"
)
_BLOCKS = ("h2", "h3", "h4", "p", "li", "dd")
_BACKLINK_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def browser_copy(html: str) -> str:
    """The page as a reader's copy gives it: the seed's form of headings, prose and lists."""
    soup = BeautifulSoup(html, "lxml")
    lines: list[str] = []
    for block in soup.find_all(_BLOCKS):
        if block.find_parent(("table", "figure")) or _inside_block(block):
            continue
        if block.name in ("h2", "h3", "h4"):
            lines += ["", f"{reader_text(block)} edit", ""]
        elif block.name == "li" and _is_reference_item(block):
            lines.append(_reference_line(block))
        else:
            text = reader_text(block)
            lines += [text, ""] if block.name == "p" else [text]
    return "\n".join(lines) + "\n"


def chromium_copy(html: str) -> str:
    """The body's ``innerText`` as headless Chromium lays the page out: what the browser copies."""
    browser = shutil.which("chromium") or shutil.which("chromium-browser") or shutil.which("google-chrome")
    if browser is None:
        raise SystemExit("--render needs chromium on the PATH")
    cut = html.lower().rfind("</body>")
    wrapped = html[:cut] + _COPY_SCRIPT + html[cut:] if cut >= 0 else html + _COPY_SCRIPT
    with tempfile.TemporaryDirectory() as folder:
        page = Path(folder) / "page.html"
        page.write_text(wrapped, encoding="utf-8")
        flags = ["--headless", "--no-sandbox", "--disable-gpu", "--blink-settings=imagesEnabled=false"]
        dom = subprocess.run(
            [browser, *flags, "--virtual-time-budget=5000", "--dump-dom", page.as_uri()],
            capture_output=True, text=True, timeout=300, check=True,
        ).stdout  # fmt: skip
    copy = BeautifulSoup(dom, "lxml").find(id="copy")
    if copy is None:
        raise SystemExit("chromium gave no copy of the page")
    return copy.get_text()


def coins_labels(html: str) -> dict[int, dict[str, str]]:
    """Main-list reference number → title, first author and year from the COinS CS1 wrote.

    The main list is every ``ol.references`` under a heading of the main group
    ("References", "Citations", "Footnotes"), numbered on across lists in page
    order; a reference without a COinS span (typed by hand) has no labels.
    """
    labels: dict[int, dict[str, str]] = {}
    number = 0
    soup = BeautifulSoup(html, "lxml")
    for ordered in soup.select("ol.references"):
        heading = ordered.find_previous(("h2", "h3"))
        if heading is None or REFERENCE_SECTIONS.get(reader_text(heading).strip().lower(), "x") is not None:
            continue
        for item in ordered.find_all("li", recursive=False):
            number += 1
            coins = item.find("span", class_="Z3988")
            if isinstance(coins, Tag):
                labels[number] = _coins(str(coins.get("title", "")))
    return labels


def _coins(title: str) -> dict[str, str]:
    keys = parse_qs(title)
    first = {key: values[0].strip() for key, values in keys.items() if values and values[0].strip()}
    author = first.get("rft.aulast") or first.get("rft.au", "").split(",")[0]
    atitle, btitle = first.get("rft.atitle"), first.get("rft.btitle")
    return {
        "title": atitle or btitle or "",
        "container": (btitle if atitle else None) or first.get("rft.jtitle", ""),
        "author": author,
        "year": (re.search(r"\d{4}", first.get("rft.date", "")) or re.match("", "")).group(),
    }


def compare_copy(name: str, *, misses: bool = False) -> dict[str, int]:
    """A stored browser copy's plain-text parse against the page's labels."""
    count, labels, from_text = _copy_pairs(name)
    totals = {"references": count, "text references": len(from_text), "titled": len(labels)}
    totals |= {"title": 0, "author": 0, "year": 0, "container": 0, "containers": 0}
    for number, label in sorted(labels.items()):
        agree = _label_agreement(label, from_text.get(number))
        _tally(totals, agree, misses, f"#{number}", f"label: {label}", from_text.get(number))
    return totals


def compare_html_reader(name: str, *, misses: bool = False) -> dict[str, int]:
    """The HTML reader on a labelled page, against the same labels: the page's main list is
    a bibliography (``div.refbegin``) the HTML reader reads as the sources group, from the
    COinS beside each citation, as the text reader reads it from the lines."""
    path, entries, group = SET_LABELS[name]
    html = ARTICLES[name].read_text(encoding="utf-8")
    cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
    labels = {case["number"]: _case_labels(case) for case in cases if "number" in case}
    from_html = {ref.number: ref for ref in parse_html(html).references if ref.group == group}
    totals = {
        "references": len(BeautifulSoup(html, "lxml").select(entries)),
        "text references": len(from_html),
    }
    totals |= {"titled": len(labels), "title": 0, "author": 0, "year": 0, "container": 0, "containers": 0}
    for number, label in sorted(labels.items()):
        agree = _label_agreement(label, from_html.get(number))
        _tally(totals, agree, misses, f"#{number}", f"label: {label}", from_html.get(number))
    return totals


def copy_disagreements(name: str) -> dict[int, set[str]]:
    """Reference number → the fields where a stored browser copy disagrees with the labels."""
    _count, labels, from_text = _copy_pairs(name)
    found = {}
    for number, label in labels.items():
        wrong = {field for field, ok in _label_agreement(label, from_text.get(number)).items() if not ok}
        if wrong:
            found[number] = wrong
    return found


def _copy_pairs(name: str) -> tuple[int, dict[int, dict[str, str]], dict[int, Reference]]:
    """The main list's size, its labels by number, and the copy's references by number."""
    html = ARTICLES[name].read_text(encoding="utf-8")
    text = (COPIES / f"{name}.txt").read_text(encoding="utf-8")
    group = SET_LABELS[name][2] if name in SET_LABELS else None
    from_text = {ref.number: ref for ref in parse_text(text).references if ref.group == group}
    if name in PAGES:  # Parsoid keeps the template parameters: the HTML parse is the label
        from_html = {ref.number: ref for ref in parse_html(html).references if ref.group is None}
        return len(from_html), {n: _labels_of(ref) for n, ref in from_html.items() if ref.title}, from_text
    if name in SET_LABELS:
        path, entries, _group = SET_LABELS[name]
        cases = json.loads(path.read_text(encoding="utf-8"))["cases"]
        labels = {case["number"]: _case_labels(case) for case in cases if "number" in case}
        return len(BeautifulSoup(html, "lxml").select(entries)), labels, from_text
    coins = coins_labels(html)
    return len(coins), {n: label for n, label in coins.items() if label["title"]}, from_text


def _case_labels(case: dict) -> dict[str, str]:
    """A held-back case's labels: its cited title and container (``label_view``), author and year."""
    title, container = label_view(case)
    expect = case["expect"]
    return {
        "title": title,
        "container": container or "",
        "author": expect["author"] or "",
        "year": expect["year"] or "",
    }


def _labels_of(ref: Reference) -> dict[str, str]:
    return {
        "title": ref.cited_title or "",
        "container": ref.container or "",
        "author": _first_author(ref),
        "year": (ref.date or "")[:4],
    }


def _label_agreement(label: dict[str, str], ref: Reference | None) -> dict[str, bool]:
    """As :func:`_agreement`; a first author agrees when the parsed family name is part of the label's."""
    container = {"container": False} if label["container"] else {}
    if ref is None:
        return {"title": False, "author": False, "year": False} | container
    found = _first_author(ref)
    return {
        "title": _norm(ref.cited_title) == _norm(label["title"]),
        "author": (bool(found) and found in _norm(label["author"])) if label["author"] else not found,
        "year": (ref.date or "")[:4] == label["year"],
    } | ({"container": _norm(ref.container) == _norm(label["container"])} if container else {})


def _inside_block(block: Tag) -> bool:
    """A paragraph or item inside another one is copied with its parent."""
    return any(parent.name in ("p", "li", "dd") for parent in block.parents)


def _is_reference_item(item: Tag) -> bool:
    parent = item.parent
    return isinstance(parent, Tag) and "references" in (parent.get("class") or [])


def _reference_line(item: Tag) -> str:
    """ "  12. ^ a b Citation": the list number, the backlinks as the legacy parser shows them."""
    parent = item.parent
    assert isinstance(parent, Tag)
    number = parent.find_all("li", recursive=False).index(item) + 1
    label = str(number) if not parent.get("data-mw-group") else _BACKLINK_LETTERS[(number - 1) % 26]
    backlinks = len(item.select(".mw-linkback-text"))
    letters = " ".join(_BACKLINK_LETTERS[:backlinks]) + " " if backlinks > 1 else ""
    body = item.find(class_=("mw-reference-text", "reference-text"))
    text = reader_text(body) if isinstance(body, Tag) else reader_text(item)
    return f"  {label}. ^ {letters}{text}"


def _norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").casefold())


def _first_author(ref: Reference) -> str:
    names = ref.authors or ref.editors
    return _norm(names[0].family or names[0].literal) if names else ""


def compare(html: str, *, misses: bool = False) -> dict[str, int]:
    """Per-reference agreement of the plain-text parse with the HTML parse of the same page."""
    pairs = _pairs(html)
    totals = {
        "references": pairs.html_count,
        "text references": pairs.text_count,
        "titled": len(pairs.titled),
    }
    totals |= {"title": 0, "author": 0, "year": 0, "container": 0, "containers": 0}
    for number, html_ref, text_ref in pairs.titled:
        agree = _agreement(html_ref, text_ref)
        _tally(totals, agree, misses, f"#{number}", f"html: {_summary(html_ref)}", text_ref)
    return totals


def _tally(
    totals: dict[str, int],
    agree: dict[str, bool],
    misses: bool,
    where: str,
    truth: str,
    text_ref: Reference | None,
) -> None:
    """Count one reference's agreeing fields; with ``misses``, print it when a field disagrees."""
    for field, ok in agree.items():
        totals[field] += ok
    totals["containers"] += "container" in agree
    if misses and not all(agree.values()):
        wrong = [field for field, ok in agree.items() if not ok]
        print(f"{where} {wrong}\n  {truth}\n  text: {_summary(text_ref)}")


def disagreements(html: str) -> dict[int, set[str]]:
    """Reference number → the fields where the plain-text copy and the HTML disagree."""
    found = {}
    for number, html_ref, text_ref in _pairs(html).titled:
        wrong = {field for field, ok in _agreement(html_ref, text_ref).items() if not ok}
        if wrong:
            found[number] = wrong
    return found


class _Pairs(NamedTuple):
    html_count: int
    text_count: int
    titled: list[tuple[int, Reference, Reference | None]]


def _pairs(html: str) -> _Pairs:
    """The main list's references of both parses, by number, where the HTML has a title."""
    from_html = {ref.number: ref for ref in parse_html(html).references if ref.group is None}
    from_text = {ref.number: ref for ref in parse_text(browser_copy(html)).references if ref.group is None}
    titled = [(n, ref, from_text.get(n)) for n, ref in sorted(from_html.items()) if ref.title]
    return _Pairs(len(from_html), len(from_text), titled)


def _agreement(html_ref: Reference, text_ref: Reference | None) -> dict[str, bool]:
    return _label_agreement(_labels_of(html_ref), text_ref) | (
        {"author": _first_author(text_ref) == _first_author(html_ref)} if text_ref else {}
    )


def _summary(ref: Reference | None) -> str:
    if ref is None:
        return "(missing)"
    title = f"{ref.cited_title!r} in {ref.container!r}"
    return f"{title} / {_first_author(ref)!r} / {ref.date!r} <- {ref.raw[:160]!r}"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--misses", action="store_true", help="print the references that disagree")
    parser.add_argument(
        "--write-text", type=Path, metavar="FILE", help="write the Dog page's plain-text copy"
    )
    parser.add_argument("--render", action="store_true", help="make the browser copies again (chromium)")
    args = parser.parse_args()
    for name, path in PAGES.items():
        html = path.read_text(encoding="utf-8")
        if args.write_text:
            args.write_text.write_text(browser_copy(html), encoding="utf-8")
        _report(f"{name} (seed-style copy)", compare(html, misses=args.misses))
    for name, path in ARTICLES.items():
        if args.render:
            copy = chromium_copy(path.read_text(encoding="utf-8"))
            (COPIES / f"{name}.txt").write_text(copy, encoding="utf-8")
        _report(f"{name} (Chromium's copy)", compare_copy(name, misses=args.misses))
    for name in SET_LABELS:
        _report(f"{name} (HTML reader)", compare_html_reader(name, misses=args.misses), "from the HTML")
    return 0


def _report(name: str, totals: dict[str, int], reader: str = "from the text") -> None:
    titled = totals["titled"]
    scores = ", ".join(
        f"{k} {totals[k] / titled:.1%} ({totals[k]}/{titled})" for k in ("title", "author", "year")
    )
    print(
        f"{name}: {totals['references']} references in the HTML, {totals['text references']} read "
        f"{reader}; of the {titled} with a labelled title: {scores}; "
        f"containers {totals['container']}/{totals['containers']} labelled"
    )


if __name__ == "__main__":
    sys.exit(main())
