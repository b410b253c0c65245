"""Deep runs of empty wrapper elements, cut short before the page is read.

``<div>`` nested twenty thousand deep (or ``<span>``, or ``<table><tr><td>``
left open) holds no more text than one ``<div>``, but BeautifulSoup builds a
Python object per element and the reader walks each level: a megabyte of
such markup took several seconds. No real article nests deeper than a few
dozen levels, so when a page does, every chain of wrappers — elements with
no attributes, no text of their own and exactly one child — is cut to its
first and last few links. The text, its order and every element that carries
anything (attributes, text, siblings) are kept; only empty levels go.
This works on an lxml tree, which libxml2 builds in C at a small fraction
of BeautifulSoup's cost, and runs in one pass.
"""

from __future__ import annotations

from lxml import etree

DEEPEST_REAL_PAGE = 128
"""Nesting beyond this is not a real article's; below it a page is read exactly as written."""
_KEPT_TAGS = frozenset({"html", "head", "body", "ol", "ul", "sup", "a", "cite"})
"""Elements the reader looks for by name: never dropped, even when empty wrappers."""
_KEPT_LINKS = 3


def depth(tree: etree._Element) -> int:
    """The deepest element's nesting level, in one pass over the tree."""
    level = deepest = 0
    for event, _ in etree.iterwalk(tree, events=("start", "end")):
        level += 1 if event == "start" else -1
        deepest = max(deepest, level)
    return deepest


def without_wrapper_chains(text: str) -> etree._Element:
    """The page's tree with its wrapper chains cut.

    Built through lxml's parser-target interface: libxml2's tree builder
    stops nesting at a fixed depth and silently drops what lies below it,
    while the target sees every element, as BeautifulSoup does. The nodes
    carry no source lines, which a page this deep does without.
    """
    parser = etree.HTMLParser(target=etree.TreeBuilder())
    parser.feed(text)
    tree: etree._Element = parser.close()
    cut_wrapper_chains(tree)
    return tree


def cut_wrapper_chains(tree: etree._Element) -> None:
    """Cut every long chain of empty wrappers to its first and last few links, in place.

    Three links are kept at each end so that a repeated ``table > tr > td``
    keeps a whole, valid table around its content. Chains are found from
    their heads (a wrapper whose parent is not one), so each element is
    visited once however the chains nest.
    """
    elements = list(tree.iter())  # listed first: lxml's iterator slows down as the loop makes proxies
    heads = [el for el in elements if _is_wrapper(el) and not _is_wrapper(el.getparent())]
    for head in heads:
        chain = [head]
        while _is_wrapper(chain[-1][0]):
            chain.append(chain[-1][0])
        if len(chain) <= 2 * _KEPT_LINKS:
            continue
        top, bottom = chain[_KEPT_LINKS - 1], chain[-_KEPT_LINKS]
        parent = bottom.getparent()
        if parent is not None:  # always: bottom is below top; detached first, or top's replace would drop it
            parent.remove(bottom)
        bottom.tail = top[0].tail
        top.replace(top[0], bottom)


def _is_wrapper(element: etree._Element | None) -> bool:
    """An element with nothing of its own: no attributes, no text, exactly one child element."""
    if element is None or not isinstance(element.tag, str) or element.tag in _KEPT_TAGS:
        return False
    if element.attrib or len(element) != 1 or not isinstance(element[0].tag, str):
        return False
    return not (element.text or "").strip() and not (element[0].tail or "").strip()
