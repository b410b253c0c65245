"""Where nodes of a parsed page start in its text.

mwparserfromhell keeps no source offsets, but ``str()`` of the tree is the
source. A unique marker (NUL and a number: decoded input never holds a NUL)
put before each node, one ``str()`` of the whole page, and the markers' own
lengths subtracted give every offset in one linear pass.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from mwparserfromhell.nodes import Node, Text
from mwparserfromhell.wikicode import Wikicode

_MARKER = re.compile("\x00(\\d+)\x00")


def offsets(root: Wikicode, nodes: Sequence[tuple[Node, Wikicode]]) -> list[int]:
    """The start of each ``(node, parent)`` in ``str(root)``; the tree is left as it was."""
    markers: list[tuple[Wikicode, Text]] = []
    try:
        for number, (node, parent) in enumerate(nodes):
            marker = Text(f"\x00{number}\x00")
            index = next(i for i, child in enumerate(parent.nodes) if child is node)
            parent.nodes.insert(index, marker)
            markers.append((parent, marker))
        text = str(root)
    finally:
        for parent, marker in markers:
            index = next(i for i, child in enumerate(parent.nodes) if child is marker)
            del parent.nodes[index]
    found = [0] * len(nodes)
    shift = 0
    for match in _MARKER.finditer(text):
        found[int(match.group(1))] = match.start() - shift
        shift += len(match.group(0))
    return found
