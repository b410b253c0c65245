"""Section headings every reader treats alike: where references, sources and non-prose live.

Wikipedia's layout guideline (MOS:LAYOUT) names the appendix sections; a
reader copying the page, the rendered HTML and the wikitext all meet the
same headings, so all three look them up here and cannot drift apart. The
keys are lower-case heading texts.
"""

from __future__ import annotations

NOTE_GROUP = "note"
SOURCES_GROUP = "sources"

REFERENCE_SECTIONS: dict[str, str | None] = {
    "references": None,
    "citations": None,
    "footnotes": None,
    "endnotes": None,
    "reference notes": None,
    "notes and references": None,
    "references and notes": None,
    "notes": NOTE_GROUP,
    "explanatory notes": NOTE_GROUP,
    "sources": SOURCES_GROUP,
    "bibliography": SOURCES_GROUP,
    "works cited": SOURCES_GROUP,
    "cited works": SOURCES_GROUP,
    "sources cited": SOURCES_GROUP,
    "cited sources": SOURCES_GROUP,
    "general references": SOURCES_GROUP,
    "general and cited references": SOURCES_GROUP,
    "works consulted": SOURCES_GROUP,
    "literature cited": SOURCES_GROUP,
}
"""Appendix headings that hold references, and the group their entries belong to:
None for the main numbered list, "note" for explanatory notes, "sources" for the
full citations that short footnotes point at."""

NON_PROSE_SECTIONS = frozenset(
    {
        "see also",
        "external links",
        "further reading",
        "related pages",
        "gallery",
        "discography",
        "filmography",
    }
)
"""Sections of links and lists that make no claims of their own."""

SKIPPED_SECTIONS = frozenset(REFERENCE_SECTIONS) | NON_PROSE_SECTIONS
"""Where no prose is read for claims (subsections inherit it)."""

SOURCE_SECTIONS = frozenset(heading for heading, group in REFERENCE_SECTIONS.items() if group != NOTE_GROUP)
"""Where a citation template written outside any reference list is a source (general references)."""
