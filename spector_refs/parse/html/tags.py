"""Inline cleanup tags in Wikipedia HTML, found by their markup.

{{citation needed}} and its kin render as ``sup.noprint.Inline-Template``
(``.Template-Fact`` for the "fact" family) holding ``[<i><a
href="…/Wikipedia:Citation_needed">citation needed</a></i>]``. The wording
changes over the years ("not in citation given" became "failed
verification"), so the tag is recognised by markup and named, in order of
trust, from the Parsoid template name, the rendered wording, then the
help page it links to.
"""

from __future__ import annotations

import re

from bs4 import Tag

from spector_refs.parse.core.tags import normalise_tag, tag_for_template
from spector_refs.parse.html.cite import DataMwIndex, attribute, load_data_mw, reader_text, template_call

_TAG_CLASSES = frozenset({"Inline-Template", "Template-Fact"})
# help pages the tags link to, where one page belongs to one tag
_HELP_PAGES = {
    "citation needed": "citation needed",
    "link rot": "dead link",
    "please clarify": "clarification needed",
    "no original research": "original research?",
    "verifiability": "failed verification",
}
_HELP_LINK = re.compile(r"(?:^|/|\./)Wikipedia:([^#?]+)")
_DATED = re.compile(r"\s*\((?:[A-Z][a-z]+ )?\d{4}\)\s*$")


def is_inline_tag(tag: Tag) -> bool:
    """Whether an element is an inline cleanup tag (and not a citation marker).

    Besides the template classes, a ``sup.noprint`` whose link goes to a
    page in the Wikipedia: namespace is taken as one, so a tag survives a
    change of class names.
    """
    if tag.name not in {"sup", "span"}:
        return False
    classes = set(tag.get("class") or ())
    if classes & _TAG_CLASSES:
        return True
    if tag.name != "sup" or "noprint" not in classes or "reference" in classes:
        return False
    return any(_HELP_LINK.search(attribute(a, "href")) for a in tag.find_all("a", href=True))


def inline_tag(tag: Tag, templates: DataMwIndex) -> str | None:
    """The canonical name of an inline tag element ("citation needed")."""
    call = template_call(load_data_mw(tag, templates))
    if call is not None:
        named = tag_for_template(call[0])
        if named:
            return named
    wording = _DATED.sub("", reader_text(tag).strip().strip("[]").strip())
    named = normalise_tag(wording)
    if named:
        return named
    for link in tag.find_all("a", href=True):
        page = _HELP_LINK.search(attribute(link, "href"))
        if page:
            key = re.sub(r"[_\s]+", " ", page.group(1)).strip().lower()
            if key in _HELP_PAGES:
                return _HELP_PAGES[key]
    return wording.lower() or None
