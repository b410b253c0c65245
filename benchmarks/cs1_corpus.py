"""Plain-text accuracy of the rendered-CS1 reader on real citations, against labels it never saw.

Two sets of real rendered lines, each with labels from a source independent of
the parser:

* ``dev`` — every ``cite.citation`` of the Parsoid "Dog" page (2018,
  ``tests/fixtures/html/html_en_Dog_parsoid2018_mobileapps.html``) whose template
  is known, its text as a reader copies it and its labels from the template
  parameters Parsoid keeps in ``data-mw`` (for list-defined references, in the
  reference list's ``refs``). The grammar was developed looking at these.
* ``held-back`` — ``tests/fixtures/cs1/held_back.json``, written after the grammar
  was done from another page (see that file's ``origin``), labels from COinS. Its
  misses were then fixed, so it is tuned on now and no longer an honest measure.
* ``held-back-2`` — ``tests/fixtures/cs1/held_back_2.json``, 139 more lines of that
  page written after those fixes (97.1% titles when first run); its misses were
  fixed too (798c162), so it is tuned on as well.
* ``held-back-3`` — ``tests/fixtures/cs1/held_back_3.json``, 104 footnote lines of that
  page neither earlier set used, written after the grammar was frozen (aac47ee) and
  measured once (see its ``origin``): titles 99.0%, first authors and years 100%. Its
  one miss (an editor's "In A.J. Auerbach") was then fixed, so it is tuned on too.
* ``held-back-4`` — ``tests/fixtures/cs1/held_back_4.json``, 107 lines of another page
  ("Cat", 2024 render; 30 books, 42 journals), written after the grammar was frozen
  again (9c57432) and measured once: titles 98.1%, first authors and years 100%. Its
  two misses (a website citing its editor first, '"X" series No. 7') were then fixed.
* ``held-back-5`` — ``tests/fixtures/cs1/held_back_5.json``, 100 lines of a fifth page
  ("New Zealand", 2019 render; 21 books, 2 reports, 23 encyclopaedia entries), written
  after the grammar was frozen at 6d98a9f and landed before the parser ran on it;
  labels from the CS1 markup, since that copy has no COinS (see its ``origin``). Measured
  once: titles 97.0%, first authors and years 100%. Its misses were then fixed (cs1d),
  so it is tuned on too; nz5-n44's label became the collection by the rule its
  ``origin`` states for "In Editor (ed.). Collection" entries.
* ``spec`` — ``tests/fixtures/cs1/spec_cases.json``, lines rendered by hand from CS1's
  rules (one per parameter combination of cite book, thesis, report, encyclopedia,
  conference, journal, magazine, press release, map and AV media), each with the
  template it renders from. Written to fix the grammar on, so tuning data too.
* ``spec-held-out`` — ``tests/fixtures/cs1/spec_held_out.json``, 30 more such lines on other
  authors and subjects, written before the parser ran on them and measured once with the
  grammar frozen at a374dcf (see its ``origin``).
* ``held-back-6`` — ``tests/fixtures/cs1/held_back_6.json``, 160 lines of a sixth page
  ("Galileo Galilei", 2017 render; 101 books, 3 encyclopaedia entries, 1 conference
  paper), every cite element of its Notes and References lists as headless Chromium
  gives it, labels from COinS. Landed before the parser ran on it and measured once
  with the grammar frozen (a374dcf): titles 92.5%, first authors 98.8%, years 96.2%;
  books 89.5% titles. Its misses, listed by class in its ``origin``, were then fixed by
  class (cs1f, from 02e0c53 for the text reader and 4cde5f7 for the grammar), so it is
  tuned on now: 99.4 / 100 / 100 at 2c95693; the one miss left then (gal6-r69) was fixed by
  the "In X" rule (cs1g, f228c8a): 100 / 100 / 100.
* ``held-back-7`` — ``tests/fixtures/cs1/held_back_7.json``, 102 lines of a seventh page
  ("Charles Darwin", 2017 render; 39 books, 13 journals, 49 web and news, 1 CS2), every
  cite element of its Notes, Citations and References sections as headless Chromium gives
  it, labels from COinS. Landed before the parser ran on it and measured once at the
  second freeze (2c95693): titles 93.1%, first authors 100%, years 100%; books 87.2%
  titles. Its misses, listed by class in its ``origin``, were then fixed by class (cs1g,
  from 57adab4), so it is tuned on now: 100 / 100 / 100, dar7-n174 labelled by its quoted
  title under the CS2 rule its ``origin`` states.
* ``held-back-8`` — ``tests/fixtures/cs1/held_back_8.json``, 162 lines of two 2025 pages
  ("Newton's laws of motion" and "Scientific instrument"; 77 books, 74 journals, 11 web),
  every cite element of their reference lists as headless Chromium gives it, labels from
  COinS. Landed before the parser ran on it and measured once at the third freeze
  (b74219b): titles 98.1%, first authors 100%, years 100%; books 96.1% titles. Its three
  title misses (two of them label-rule sensitive, flagged before the run) are listed by
  class in its ``origin``; two classes were then fixed (cs1h, cc3679e: an LCCN is a book
  sign; a quote after ", "/": " inside an italic title is the title's), so it is tuned on
  now: 99.4 / 100 / 100, nlm8-r41 a strict xfail (the encyclopaedia-entry label rule
  disagrees there with the spec set's, docs/parsing.md).
* ``held-back-9`` — ``tests/fixtures/cs1/held_back_9.json``, 149 lines of three 2025 pages
  ("Taxonomy (biology)" whole, "Gravity" entries 43–71, "Atom" Bibliography and Further
  reading; 56 books, 8 encyclopaedia entries, 1 conference paper, 40 journals, 39 web, 5
  news and magazine), every cite element of those lists as headless Chromium gives it,
  labels from COinS. Landed before the parser ran on it and measured once at the fourth
  freeze (cc3679e): titles 98.7%, first authors 100%, years 100%; cite book 98.2% titles.
  Its two title misses (both label-rule sensitive, flagged before the run) are listed by
  class in its ``origin`` and not fixed; scored as cited titles (cs1i) both are right, so
  it is held to its labels in the tests since.
* ``held-back-10`` — ``tests/fixtures/cs1/held_back_10.json``, 154 lines of four 2025 pages
  ("Chemical bond", "Acid" and "Work (physics)" whole, "Periodic table" entries 143–231 and
  its Bibliography and Further reading; 70 books, 4 conference proceedings, 2 encyclopaedia
  entries, 45 journals, 27 web, 6 CS2, news and arXiv), every cite element of those lists as
  headless Chromium gives it, labels from COinS, with the cited piece's own title and its
  container labelled beside the title. Written by an engineer who did not write the parser,
  landed before the parser ran on it and measured once at the fifth freeze (ac2e217): titles
  98.7%, first authors 100%, years 99.4%, containers 77/80; book-type lines 97.4% titles. Its
  misses are listed by class in its ``origin``; tuned on since (cs1j, frozen at 789c085): 100%,
  100%, 99.4% (the flagged '(c. 2006)' with an undated COinS), containers 80/80.
* ``held-back-11`` — ``tests/fixtures/cs1/held_back_11.json``, 223 lines of three 2025 pages
  ("Plant" References and Further reading whole, "Motion" References whole, "Periodic table"
  entries 2–66; 59 books, 1 encyclopaedia entry, 97 journals, 62 web, 3 {{citation}}, 1 news),
  every cite element of those lists as headless Chromium gives it, labels from COinS with the
  cited piece's own title and its container, as held-back-10. Written by an engineer who did
  not write the parser, landed before the parser ran on it and measured once at the sixth
  freeze (789c085): titles 100%, first authors 100%, years 100%, containers 147/150;
  book-type lines 100 / 100 / 100. Its three container misses are listed by class in its
  ``origin`` and not fixed.

Titles are scored as the cited title (``Reference.cited_title``: the chapter or entry when
there is one, else the title) against the label read the same way (``label_view``), and the
container (``Reference.container``) beside them wherever the label names one (docs/parsing.md,
"Cited title and container"; held-back-8 99.4% → 100% and held-back-9 98.7% → 100% titles by
that alone, cs1i). A title or container counts when it equals the label after case and
punctuation are dropped; a first author when the parsed family name (or organisation) is part of the label's;
a year when the first four digits of the date agree. Dev lines of books (and CS2
lines) also carry the template's imprint fields — publisher, place, edition,
series, volume, first editor — scored the same way and reported apart. Run:

    python benchmarks/cs1_corpus.py [--set dev|held-back|…|held-back-11|all] [--kinds book]
                                    [--write-dev] [--misses]

``--write-dev`` regenerates ``tests/fixtures/cs1/dog_2018.json`` (the data-driven
cases of ``tests/parse/test_cs1_corpus.py``). No network is used.
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

import mwparserfromhell  # noqa: E402
from bs4 import BeautifulSoup, Tag  # noqa: E402

from spector_refs.model import Reference  # noqa: E402
from spector_refs.parse.core.cs1 import parse_rendered_citation  # noqa: E402
from spector_refs.parse.html.cite import reader_text  # noqa: E402

DOG = ROOT / "tests" / "fixtures" / "html" / "html_en_Dog_parsoid2018_mobileapps.html"
DEV = ROOT / "tests" / "fixtures" / "cs1" / "dog_2018.json"
HELD_BACK = ROOT / "tests" / "fixtures" / "cs1" / "held_back.json"
HELD_BACK_2 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_2.json"
HELD_BACK_3 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_3.json"
HELD_BACK_4 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_4.json"
HELD_BACK_5 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_5.json"
SPEC = ROOT / "tests" / "fixtures" / "cs1" / "spec_cases.json"
SPEC_HELD_OUT = ROOT / "tests" / "fixtures" / "cs1" / "spec_held_out.json"
HELD_BACK_6 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_6.json"
HELD_BACK_7 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_7.json"
HELD_BACK_8 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_8.json"
HELD_BACK_9 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_9.json"
HELD_BACK_10 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_10.json"
HELD_BACK_11 = ROOT / "tests" / "fixtures" / "cs1" / "held_back_11.json"
SETS = {
    "dev": DEV,
    "held-back": HELD_BACK,
    "held-back-2": HELD_BACK_2,
    "held-back-3": HELD_BACK_3,
    "held-back-4": HELD_BACK_4,
    "held-back-5": HELD_BACK_5,
    "spec": SPEC,
    "spec-held-out": SPEC_HELD_OUT,
    "held-back-6": HELD_BACK_6,
    "held-back-7": HELD_BACK_7,
    "held-back-8": HELD_BACK_8,
    "held-back-9": HELD_BACK_9,
    "held-back-10": HELD_BACK_10,
    "held-back-11": HELD_BACK_11,
}
_AUTHOR_KEYS = ("last", "last1", "surname", "surname1", "author", "author1", "authors", "vauthors")
_EDITOR_KEYS = ("editor-last", "editor1-last", "editor", "editor1", "editors")
_BOOK_FIELDS = {
    "publisher": ("publisher",),
    "place": ("location", "place"),
    "edition": ("edition",),
    "series": ("series",),
    "volume": ("volume",),
    "editor": ("editor-last", "editor1-last", "editor-surname", "editor1-surname", "editor", "editor1"),
}


def dog_cases() -> list[dict]:
    """Every rendered citation of the Dog page with labels from its template parameters."""
    soup = BeautifulSoup(DOG.read_text(encoding="utf-8"), "lxml")
    cases = []
    for number, cite in enumerate(soup.find_all("cite", class_="citation"), start=1):
        params = _template_params(cite)
        title = _plain(params.get("title"))
        if not title:
            continue
        classes = cite.get("class") or []
        cases.append({
            "id": f"dog-{number}",
            "kind": classes[1] if len(classes) > 1 else "",
            "line": reader_text(cite),
            "expect": {"title": title, "author": _first_author(params), "year": _year(params)},
            "fields": _book_fields(params) if classes[1:2] in (["book"], ["encyclopaedia"], []) else {},
        })  # fmt: skip
    return cases


def _book_fields(params: dict[str, str]) -> dict[str, str]:
    """The template's imprint fields, each under the model's name: what the grammar must also place."""
    fields = {}
    for field, keys in _BOOK_FIELDS.items():
        value = next((_plain(params.get(key)) for key in keys if _plain(params.get(key))), None)
        if value:
            fields[field] = value
    return fields


def _template_params(cite: Tag) -> dict[str, str]:
    """The parameters of the template that rendered ``cite``, from the nearest Parsoid data-mw.

    A list-defined reference (``{{reflist|refs=<ref name=x>{{cite …}}</ref>}}``) has
    no data-mw of its own: the nearest one is the list's, and the reference's
    template is found in its ``refs`` by the name in the list item's id.
    """
    for node in (cite, *cite.parents):
        raw = node.get("data-mw") if isinstance(node, Tag) else None
        if not raw or '"template"' not in raw:
            continue
        for part in json.loads(raw).get("parts", []):
            if isinstance(part, dict) and "template" in part:
                params = {
                    k.strip().lower().replace("_", "-"): v.get("wt", "")
                    for k, v in part["template"]["params"].items()
                }
                return _list_defined_params(cite, params["refs"]) if "refs" in params else params
    return {}


def _list_defined_params(cite: Tag, refs: str) -> dict[str, str]:
    """The citation template of the list-defined reference holding ``cite``, if it holds only one."""
    item = cite.find_parent("li")
    match = re.match(r"cite_note-(.+)-\d+$", str(item.get("id", ""))) if item else None
    if not match or item is None or len(item.find_all("cite")) != 1:
        return {}
    for ref in mwparserfromhell.parse(refs).filter_tags(matches=lambda node: str(node.tag) == "ref"):
        name = str(ref.get("name").value).strip().strip("\"'") if ref.has("name") else ""
        templates = [
            t for t in ref.contents.filter_templates(recursive=False)
            if re.match(r"(?i)\s*(?:cite\b|citation\b)", str(t.name))
        ]  # fmt: skip
        if name.replace(" ", "_") == match.group(1) and len(templates) == 1:
            return {str(p.name).strip().lower().replace("_", "-"): str(p.value) for p in templates[0].params}
    return {}


def _plain(wikitext: str | None) -> str | None:
    if not wikitext:
        return None
    text = mwparserfromhell.parse(wikitext).strip_code(normalize=True, collapse=True)
    return re.sub(r"\s+", " ", text).strip() or None


def _first_author(params: dict[str, str]) -> str | None:
    for key in (*_AUTHOR_KEYS, *_EDITOR_KEYS):
        value = _plain(params.get(key))
        if value:
            return value.split(";")[0].split(",")[0].strip() if key.endswith("s") else value
    return None


def _year(params: dict[str, str]) -> str | None:
    for key in ("year", "date"):
        match = re.search(r"\d{4}", params.get(key, ""))
        if match:
            return match.group()
    return None


def norm(text: str | None) -> str:
    return re.sub(r"[\W_]+", "", (text or "").casefold())


_QUOTED_PART = re.compile(r'["“]([^"“”]+)["”][^"“”]*$')


def label_view(case: dict) -> tuple[str, str | None]:
    """The case's label as the (cited title, container) pair of ``Reference.cited_title`` and
    ``Reference.container``, each set's label rule read into that view without editing a label.

    The spec sets label a part's book as the title and the part as ``fields["chapter"]``. The
    held-back sets label ``rft.btitle``, else ``rft.atitle``: a quoted chapter's book, but an
    encyclopaedia entry itself (their origins). CS1 renders the part in quotes just before its
    book, so a label that follows a quoted part in the line, not itself quoted, is that part's
    container. Otherwise (a label quoted whole, or no quoted part before it) the label is the
    cited title and the container is not labelled. A set that labels the pair itself from
    COinS (``cited_title`` and ``container``: held-back-10 and 11) is taken as labelled.
    """
    if "cited_title" in case["expect"]:
        return case["expect"]["cited_title"], case["expect"]["container"]
    title, chapter = case["expect"]["title"], case.get("fields", {}).get("chapter")
    if chapter:
        return chapter, title
    if re.search(rf'["“]{re.escape(title)}["”]', case["line"], re.IGNORECASE):
        return title, None
    for found in re.finditer(rf"(?<!\w){re.escape(title)}(?!\w)", case["line"], re.IGNORECASE):
        before = case["line"][: found.start()]
        if len(re.findall(r'["“”]', before)) % 2 == 0:  # the label's first mention outside quotes
            part = _QUOTED_PART.search(before)
            return (part.group(1).rstrip(".,"), title) if part else (title, None)
    return title, None


def score(case: dict) -> dict[str, bool]:
    """Which of title (the cited title), first author and year the reader got right on one case;
    "container" too where the label names one."""
    ref = Reference(number=1, **parse_rendered_citation(case["line"]))
    expect = case["expect"]
    names = ref.authors or ref.editors
    found = (names[0].family or names[0].literal or "") if names else ""
    author_ok = norm(found) in norm(expect["author"]) and bool(found) if expect["author"] else not names
    cited, container = label_view(case)
    result = {
        "title": norm(ref.cited_title) == norm(cited),
        "author": author_ok,
        "year": (ref.date or "")[:4] == (expect["year"] or ""),
    }
    return result | ({"container": norm(ref.container) == norm(container)} if container else {})


_NAME_FIELDS = {"editor": "editors", "translator": "translators"}


def score_fields(case: dict) -> dict[str, bool]:
    """Which of the labelled fields the reader placed as the label has them: imprint fields
    (publisher, place, edition, series, volume) and any other field of the model by its
    name; "editor" and "translator" are the first one's surname, found in the label."""
    ref = Reference(number=1, **parse_rendered_citation(case["line"]))
    return {field: _field_ok(ref, field, want) for field, want in case.get("fields", {}).items()}


def _field_ok(ref: Reference, field: str, want: str) -> bool:
    if field in _NAME_FIELDS:
        names = getattr(ref, _NAME_FIELDS[field])
        found = norm((names[0].family or names[0].literal) if names else None)
        return bool(found) and found in norm(want)
    return norm(getattr(ref, field)) == norm(want)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--set", choices=(*SETS, "all"), default="dev")
    parser.add_argument("--kinds", help="comma-separated CS1 classes to keep (book,encyclopaedia)")
    parser.add_argument("--write-dev", action="store_true", help="regenerate the dev fixture")
    parser.add_argument("--misses", action="store_true", help="print the lines with a wrong field")
    args = parser.parse_args()
    if args.write_dev:
        DEV.write_text(json.dumps(dog_cases(), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
    for name in SETS if args.set == "all" else (args.set,):
        cases = json.loads(SETS[name].read_text(encoding="utf-8"))
        cases = cases["cases"] if isinstance(cases, dict) else cases
        if args.kinds:
            cases = [case for case in cases if case["kind"] in args.kinds.split(",")]
        _measure(name, cases, misses=args.misses)
    return 0


def _measure(name: str, cases: list[dict], *, misses: bool) -> None:
    """Print one set's title, first-author and year accuracy (and imprint fields where labelled)."""
    totals = {"title": 0, "author": 0, "year": 0}
    containers = {"right": 0, "labelled": 0}
    imprint = {"right": 0, "labelled": 0}
    for case in cases:
        result, fields = score(case), score_fields(case)
        for field in totals:
            totals[field] += result[field]
        if "container" in result:
            containers["right"] += result["container"]
            containers["labelled"] += 1
        imprint["right"] += sum(fields.values())
        imprint["labelled"] += len(fields)
        if misses and not all((*result.values(), *fields.values())):
            wrong = [k for k, v in (*result.items(), *fields.items()) if not v]
            print(case["id"], wrong, case["line"])
    n = len(cases)
    print(f"{name}: {n} lines; " + ", ".join(f"{k} {v / n:.1%} ({v}/{n})" for k, v in totals.items()))
    print(f"  containers (where the label names one): {containers['right']}/{containers['labelled']} right")
    if imprint["labelled"]:
        right, labelled = imprint["right"], imprint["labelled"]
        print(f"  labelled fields (imprint, editor, chapter…): {right}/{labelled} right")


if __name__ == "__main__":
    sys.exit(main())
