"""What several subcommands share: reading an article and writing output."""

from __future__ import annotations

import sys

from spector_refs.inputs import write_atomically


def emit(text: str, output: str | None) -> None:
    """Print ``text`` or write it atomically to ``output``."""
    if output and output != "-":
        write_atomically(output, text)
        return
    sys.stdout.write(text if text.endswith("\n") else text + "\n")
