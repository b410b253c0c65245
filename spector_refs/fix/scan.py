"""Finding the citations ``fix`` may edit, and what the page already says about them.

A citation is a CS1/CS2 template with a ``url`` (in a ``<ref>`` or in a
"Sources" list) or, for ``--expand-bare``, a ``<ref>`` holding nothing but a
bare URL. What follows a citation inside its ref tells whether a bot has
been there: ``{{dead link}}`` (already tagged), ``{{webarchive}}`` (already
has a copy) or ``{{cbignore}}`` (editors asked bots to leave it alone).
The walk uses an explicit stack, so deeply nested markup cannot exhaust
Python's recursion limit.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass

from mwparserfromhell.nodes import Comment, ExternalLink, Node, Tag, Template, Text
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.wikicode import Wikicode

from spector_refs.model import LinkTarget, Reference, cited_target
from spector_refs.parse.core.cs1_template import (
    compact_key,
    is_citation_template,
    reference_fields_from_template,
)
from spector_refs.parse.core.markup import template_key
from spector_refs.parse.core.tags import tag_for_template
from spector_refs.parse.wikitext.refs import template_parameters

# templates that follow a citation to give its archive copy (the pre-2019 way)
ARCHIVE_TEMPLATES = frozenset({"webarchive", "wayback", "webcite", "archive.is", "waybackdate"})
BOT_EXCLUSION = "cbignore"
_URL_SCHEMES = ("http://", "https://", "//")


@dataclass(frozen=True)
class Citation:
    """A node to edit (a citation template, or a bare URL in a ref) and the code it sits in."""

    node: Template | ExternalLink
    parent: Wikicode
    index: int  # in ``parent.nodes`` when scanned; edits go last to first so it stays true
    url: str
    in_ref: bool

    @property
    def is_bare(self) -> bool:
        return isinstance(self.node, ExternalLink)

    @property
    def template(self) -> Template:
        """The citation template; only asked of a citation that is not bare (a bug otherwise)."""
        if not isinstance(self.node, Template):
            raise TypeError(f"a bare URL has no citation template: {self.url}")
        return self.node


def citations(root: Wikicode) -> Iterator[Citation]:
    """Every citation with an http(s) URL, in document order (citations are not searched inside)."""
    stack: list[tuple[Iterator[tuple[int, Node]], Wikicode, bool]] = [(enumerate(root.nodes), root, False)]
    while stack:
        nodes, code, in_ref = stack[-1]
        index, node = next(nodes, (-1, None))
        if node is None:
            stack.pop()
            continue
        citation = _citation(node, code, index, in_ref)
        if citation is not None:
            yield citation
            continue
        ref_text = node.contents if isinstance(node, Tag) and str(node.tag).strip().lower() == "ref" else None
        children = [(child, in_ref or child is ref_text) for child in node.__children__()]
        for child, child_in_ref in reversed(children):
            stack.append((enumerate(child.nodes), child, child_in_ref))


def _citation(node: Node, parent: Wikicode, index: int, in_ref: bool) -> Citation | None:
    if isinstance(node, Template) and is_citation_template(str(node.name)):
        url = template_url(node)
        return Citation(node, parent, index, url, in_ref) if url else None
    if in_ref and isinstance(node, ExternalLink) and _is_bare_ref(parent, node):
        url = str(node.url).strip()
        return Citation(node, parent, index, url, in_ref) if url.lower().startswith(_URL_SCHEMES) else None
    return None


def _is_bare_ref(contents: Wikicode, link: ExternalLink) -> bool:
    """A ref that is only a URL (``<ref>https://…</ref>`` or ``<ref>[https://…]</ref>``), nothing to read."""
    if link.title is not None and str(link.title).strip():
        return False
    return all(node is link or (isinstance(node, Text) and not str(node).strip()) for node in contents.nodes)


def param(template: Template, key: str) -> Parameter | None:
    """The parameter whose compact name is ``key`` (the last one, as MediaWiki reads duplicates)."""
    found = None
    for parameter in template.params:
        if compact_key(str(parameter.name)) == key:
            found = parameter
    return found


def param_text(template: Template, key: str) -> str:
    """A parameter's value without comments or surrounding space ("" when absent)."""
    parameter = param(template, key)
    if parameter is None:
        return ""
    return "".join(str(node) for node in parameter.value.nodes if not isinstance(node, Comment)).strip()


def template_url(template: Template) -> str | None:
    """The citation's ``url``, if it is an http(s) URL (not a template or a fragment of markup)."""
    url = param_text(template, "url")
    return url if url.lower().startswith(_URL_SCHEMES) and not any(c in url for c in "{}[]<> ") else None


def following_tags(citation: Citation) -> dict[str, int]:
    """What follows the citation in its ref, by name ("dead link", "webarchive", "cbignore"), with its index.

    The scan stops at the next citation, and outside refs (a "Sources" list)
    at the end of the line, so a tag is only ever read as belonging to the
    citation it follows.
    """
    nodes = citation.parent.nodes
    found: dict[str, int] = {}
    for index in range(node_index(citation) + 1, len(nodes)):
        node = nodes[index]
        if not citation.in_ref and isinstance(node, Text) and "\n" in str(node):
            break
        if isinstance(node, Template):
            name = str(node.name)
            if is_citation_template(name):
                break
            found.setdefault(tag_for_template(name) or template_key(name), index)
    return found


def node_index(citation: Citation) -> int:
    """The citation's position among its parent's nodes, checked: an edit must never hit another node."""
    if citation.parent.nodes[citation.index] is not citation.node:
        raise AssertionError("fix: a citation moved in its parent; edits must go last to first")
    return citation.index


def citation_targets(root: Wikicode) -> list[LinkTarget]:
    """The URLs to check for ``fix``, with everything their citation says of the work.

    The access date aims the Wayback lookup; the title, work, date and kind
    let the checker judge drift as the audit does (:func:`~spector_refs.model.
    cited_target`, the audit's own construction), so a page that is now
    another outlet's story or a tag page gets its archive copy here too.
    """
    targets = []
    for citation in citations(root):
        if citation.is_bare:
            targets.append(LinkTarget(citation.url))
            continue
        template = citation.template
        fields = reference_fields_from_template(str(template.name), template_parameters(template))
        targets.append(cited_target(Reference(0, **fields), citation.url))
    return targets
