"""Parsing speed of the HTML parser on a 600-reference page.

The page is built from the Operation SpecTor fixture's reference items and
a cited paragraph per reference, so it has the shape of a long article
(about 0.8 MB). Measured on the (shared, loaded) development machine:
0.45-0.6 s for the 600-reference page in a fresh interpreter, 0.8-1.0 s
inside a full pytest process (more live objects for the garbage collector),
and 0.4-0.6 s for the Parsoid "Dog" sample (875 kB, 236 references). About
a third of it is BeautifulSoup building the tree. The bound below leaves
room for slow CI runners.
"""

from __future__ import annotations

import re
import time
from pathlib import Path

from spector_refs.parse.html import parse_html

TRIO = Path(__file__).parent.parent / "fixtures" / "trio" / "operation_spector.html"
REFERENCES = 600
BOUND_SECONDS = 2.0


def long_article(count: int) -> str:
    """A legacy-parser page with ``count`` references, each cited once."""
    items = re.findall(r'<li id="cite_note-[^"]*">.*?</li>\n', TRIO.read_text(encoding="utf-8"), re.S)
    paragraphs, entries = [], []
    for n in range(1, count + 1):
        item = re.sub(r'id="cite_note-[^"]*"', f'id="cite_note-{n}"', items[(n - 1) % len(items)])
        entries.append(re.sub(r'href="#cite_ref-[^"]*"', f'href="#cite_ref-{n}"', item))
        paragraphs.append(
            f"<p>Claim number {n} is stated here in a sentence of ordinary length."
            f'<sup id="cite_ref-{n}" class="reference"><a href="#cite_note-{n}">[{n}]</a></sup>'
            " Another sentence follows without a citation.</p>\n"
        )
    return (
        '<!DOCTYPE html><html><head><title>Long - Wikipedia</title></head><body><div id="mw-content-text">'
        '<div class="mw-parser-output">' + "".join(paragraphs) + '<h2 id="References">References</h2>'
        '<ol class="references">' + "".join(entries) + "</ol></div></div></body></html>"
    )


def test_six_hundred_references_parse_well_under_the_bound() -> None:
    page = long_article(REFERENCES)
    parse_html(page)  # warm caches (regex compilation, imports)
    start = time.perf_counter()
    article = parse_html(page)
    elapsed = time.perf_counter() - start
    print(f"{REFERENCES} references, {len(page)} characters: {elapsed:.3f} s")
    assert len(article.references) == REFERENCES
    assert [claim.refs for claim in article.claims if claim.refs] == [(n,) for n in range(1, REFERENCES + 1)]
    assert elapsed < BOUND_SECONDS
