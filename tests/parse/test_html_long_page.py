"""The HTML parser on a 600-reference page: every reference read, every claim tied to its own.

The page is built from the Operation SpecTor fixture's reference items and
a cited paragraph per reference, so it has the shape of a long article
(about 0.8 MB). Only correctness is asserted here: a busy CI machine must
never fail a test for speed. How fast it parses is measured by
``benchmarks/parse.py`` (a synthetic 600-reference article in every input
format, and ``--sample FILE`` for real pages such as the Dog sample), each
time beside the time BeautifulSoup alone takes on the same document.
"""

from __future__ import annotations

import re
from pathlib import Path

from spector_refs.parse.html import parse_html

TRIO = Path(__file__).parent.parent / "fixtures" / "trio" / "operation_spector.html"
REFERENCES = 600


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


def test_six_hundred_references_are_all_read_and_each_cited_once() -> None:
    article = parse_html(long_article(REFERENCES))
    assert [ref.number for ref in article.references] == list(range(1, REFERENCES + 1))
    assert [claim.refs for claim in article.claims if claim.refs] == [(n,) for n in range(1, REFERENCES + 1)]
    assert all(ref.title for ref in article.references)
