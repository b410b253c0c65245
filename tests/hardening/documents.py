"""Hostile documents for the parsers: hypothesis strategies and pathological shapes.

Strategies build text from the pieces each format is made of (markers,
headings, reference lines, tags, templates) mixed with arbitrary text, so
hypothesis reaches the parser's real branches instead of bouncing off the
format detector. The ``SHAPES`` tables hold the inputs a careless regular
expression backtracks on: long runs of one delimiter with no closing one.
"""

from __future__ import annotations

import codecs
from collections.abc import Callable

from hypothesis import strategies as st

TEXT_PIECES = (
    "References edit",
    "Notes edit",
    "History[edit]",
    " edit",
    "\n",
    "\n\n",
    "  1. ^ ",
    "2. ^ a b ",
    "a. ^ ",
    "[1]",
    "[12]",
    "[a]",
    "[citation needed]",
    "[",
    "]",
    '"',
    "“",
    "(",
    ")",
    ". ",
    "Retrieved 2024-01-31.",
    "Archived from the original on 1 May 2023.",
    "ISBN 978-3-16-148410-0",
    "doi:10.1000/182",
    "Smith, John (2 May 2023). ",
    "eucrim.eu. ",
    "https://example.org/a?b=c",
    "• ",
    "\t",
    "\r\n",
    "\x00",
    "\ufeff",
    "\u202e",
    "\U0001f600",
)
HTML_PIECES = (
    "<html>",
    "<body>",
    "</body>",
    "<p>",
    "</p>",
    '<div class="mw-parser-output">',
    "</div>",
    '<h2><span class="mw-headline" id="References">References</span></h2>',
    '<h2 id="References">References</h2>',
    '<sup id="cite_ref-1" class="reference"><a href="#cite_note-1">[1]</a></sup>',
    '<sup class="reference">',
    "</sup>",
    '<ol class="references">',
    "</ol>",
    '<li id="cite_note-1">',
    '<li id="cite_note-',
    "</li>",
    '<span class="mw-cite-backlink"><b><a href="#cite_ref-1">^</a></b></span>',
    '<span class="reference-text">',
    "</span>",
    '<cite class="citation web cs1">',
    "</cite>",
    '<a href="https://example.org/" class="external text">',
    '<a href="javascript:alert(1)">',
    "</a>",
    '<span class="Z3988" title="ctx_ver=Z39.88-2004&rft.btitle=X&rft.date=2023"></span>',
    '<table class="infobox">',
    "<tr><th>",
    "<td>",
    "<!--",
    "-->",
    "<![CDATA[",
    "<script>",
    "</script>",
    "&amp;",
    "&#0;",
    "&#x110000;",
    "&",
    "<",
    ">",
    '"',
    "Title",
    "[citation needed]",
    "\x00",
)
WIKI_PIECES = (
    "{{cite web |url=https://example.org/ |title=T |website=W |access-date=2024-01-31}}",
    "{{cite news |title=",
    "{{cite book |last1=Smith |first1=John |date=2 May 2023 |isbn=978-3-16-148410-0",
    "{{",
    "}}",
    "{{{",
    "}}}",
    "|",
    "=",
    "<ref>",
    "</ref>",
    '<ref name="a">',
    "<ref name=a />",
    '<ref group="note">',
    "<references />",
    "{{reflist}}",
    "{{Reflist|group=note}}",
    "{{efn|",
    "{{sfn|Smith|2023|p=4}}",
    "{{citation needed|date=May 2023}}",
    "{{Infobox website |name=X",
    "== References ==",
    "==History==",
    "\n",
    "[[",
    "]]",
    "[[File:X.png|thumb|",
    "[https://example.org/ label]",
    "'''",
    "''",
    "<!--",
    "-->",
    "<nowiki>",
    "</nowiki>",
    "<ref",
    "&nbsp;",
    "{|",
    "|}",
    "|-",
    "\x00",
)


def pieces_text(pieces: tuple[str, ...], *, max_size: int = 60) -> st.SearchStrategy[str]:
    """Text made of format pieces and short arbitrary runs, in any order."""
    piece = st.one_of(st.sampled_from(pieces), st.text(max_size=6))
    return st.lists(piece, max_size=max_size).map("".join)


def truncations(document: str) -> st.SearchStrategy[str]:
    """A well-formed document cut at an arbitrary point (a download that stopped)."""
    return st.integers(min_value=1, max_value=len(document)).map(lambda n: document[:n])


ENCODINGS: dict[str, Callable[[str], bytes]] = {
    "utf-8": lambda text: text.encode("utf-8"),
    "utf-8-bom": lambda text: codecs.BOM_UTF8 + text.encode("utf-8"),
    "utf-16": lambda text: text.encode("utf-16"),
    "utf-16-le-no-bom": lambda text: text.encode("utf-16-le"),
    "utf-16-be-no-bom": lambda text: text.encode("utf-16-be"),
    "latin-1": lambda text: text.encode("latin-1", errors="replace"),
    "cp1252": lambda text: text.encode("cp1252", errors="replace"),
    "utf-32": lambda text: text.encode("utf-32"),
    "nul-every-100": lambda text: b"\x00".join(
        text.encode("utf-8")[i : i + 100] for i in range(0, len(text.encode("utf-8")), 100)
    ),
    "double-bom": lambda text: codecs.BOM_UTF8 + codecs.BOM_UTF16_LE + text.encode("utf-8"),
}


def text_article(references: int) -> str:
    """A plain-text rendering with ``references`` numbered entries, each cited."""
    lead = " ".join(f"Claim {n} about the operation was reported.[{n}]" for n in range(1, references + 1))
    entries = "\n".join(
        f'{n}. ^ "Title {n}". Example News. 2 May 2023. Retrieved 2024-01-31.'
        for n in range(1, references + 1)
    )
    return f"Operation X was an operation.[1]\n\n{lead}\n\nReferences edit\n\n{entries}\n"


def html_article(references: int) -> str:
    """A Wikipedia-like HTML page with ``references`` CS1 web citations."""
    markers = "".join(
        f'<p>Claim {n}.<sup id="cite_ref-{n}" class="reference"><a href="#cite_note-{n}">[{n}]</a></sup></p>'
        for n in range(1, references + 1)
    )
    items = "".join(
        f'<li id="cite_note-{n}"><span class="mw-cite-backlink"><b><a href="#cite_ref-{n}">^</a></b></span> '
        f'<span class="reference-text"><cite class="citation web cs1"><a class="external text" '
        f'href="https://example.org/{n}">"Title {n}"</a>. <i>Example</i>. Retrieved 2024-01-31.</cite>'
        f"</span></li>"
        for n in range(1, references + 1)
    )
    return (
        "<!DOCTYPE html><html><head><title>X - Wikipedia</title></head><body>"
        f'<div class="mw-parser-output">{markers}'
        f'<h2><span class="mw-headline" id="References">References</span></h2>'
        f'<div class="reflist"><ol class="references">{items}</ol></div></div></body></html>'
    )


def wikitext_article(references: int) -> str:
    """Wikitext with ``references`` inline ``{{cite web}}`` references and a reflist."""
    body = "\n\n".join(
        f'Claim {n} was reported.<ref name="r{n}">{{{{cite web |url=https://example.org/{n} '
        f"|title=Title {n} |website=Example |date=2 May 2023 |access-date=2024-01-31}}}}</ref>"
        for n in range(1, references + 1)
    )
    return f"'''Operation X''' was an operation.\n\n{body}\n\n== References ==\n{{{{reflist}}}}\n"
