"""The section headings every reader treats alike: where references and non-prose live.

A reader copying the page (text) and the rendered HTML see the same
headings, so both look them up here: a "References"-like heading switches
from prose to reference entries (with the group its entries belong to), a
"See also"-like heading holds no claims.
"""

from __future__ import annotations

REFERENCE_SECTIONS = {
    "references": None,
    "citations": None,
    "footnotes": None,
    "notes": "note",
    "explanatory notes": "note",
    "notes and references": None,
    "sources": "sources",
    "bibliography": "sources",
    "works cited": "sources",
}
NON_PROSE_SECTIONS = frozenset(
    {"see also", "external links", "further reading", "gallery", "discography", "filmography"}
)
