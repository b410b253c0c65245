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


def offsets(root: Wikicode, places: Sequence[tuple[Node, Wikicode, int]]) -> list[int]:
    """The start of each ``(node, parent, index in parent)`` in ``str(root)``; the tree is left as it was.

    ``places`` come in document order; markers go in last to first, so each
    index is still right when its marker is inserted.
    """
    markers: dict[int, Text] = {}
    parents: dict[int, Wikicode] = {}
    try:
        for number in reversed(range(len(places))):
            node, parent, index = places[number]
            if parent.nodes[index] is not node:
                raise AssertionError("fix: a node is not where the scan found it")
            marker = Text(f"\x00{number}\x00")
            parent.nodes.insert(index, marker)
            markers[id(marker)] = marker
            parents[id(parent)] = parent
        text = str(root)
    finally:
        for parent in parents.values():
            parent.nodes[:] = [node for node in parent.nodes if id(node) not in markers]
    found = [0] * len(places)
    shift = 0
    for match in _MARKER.finditer(text):
        found[int(match.group(1))] = match.start() - shift
        shift += len(match.group(0))
    return found
