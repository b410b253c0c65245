"""The progress bar of a dump audit: pages done, pages per second, time left.

The time left is estimated from the share of the dump's bytes behind us,
which is known from the start for every kind of dump (the page count is
not, without an index). Shown only on a terminal.
"""

from __future__ import annotations

import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager

Advance = Callable[[int, int], None]


@contextmanager
def progress_bar(label: str, total: int, unit: str, *, wanted: bool) -> Iterator[Advance]:
    """``advance(work, items)``: ``work`` toward ``total`` (bytes or URLs), ``items`` done."""
    if not wanted or not sys.stderr.isatty() or total <= 0:
        yield lambda work, items: None
        return
    from rich.console import Console
    from rich.progress import BarColumn, Progress, TextColumn, TimeRemainingColumn

    started = time.monotonic()
    columns = (
        TextColumn("[bold]{task.description}"),
        BarColumn(),
        TextColumn("{task.fields[items]:,} " + unit),
        TextColumn("{task.fields[rate]:,.0f} " + unit + "/s"),
        TimeRemainingColumn(),
    )
    with Progress(*columns, console=Console(stderr=True), transient=True) as bar:
        task = bar.add_task(label, total=total, items=0, rate=0.0)
        done = 0

        def advance(work: int, items: int) -> None:
            nonlocal done
            done += items
            rate = done / max(time.monotonic() - started, 1e-6)
            bar.update(task, advance=work, items=done, rate=rate)

        yield advance
