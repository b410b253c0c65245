"""Auditing a whole wiki from its XML dump, on this machine or a Dask cluster.

:func:`audit_dump` streams the dump (``source``), cuts it into partitions
that an engine (``engines``: local processes or Dask) audits in parallel
(``work``), optionally checks every distinct URL once with each host on one
worker (``links``), and saves each finished partition (``store``: JSON
Lines or Parquet) so a killed run resumes where it stopped.
"""

from typing import TYPE_CHECKING

from spector_refs.lazy import lazy_exports

if TYPE_CHECKING:
    from spector_refs.dump.engines import EngineError as EngineError
    from spector_refs.dump.run import DumpRun as DumpRun
    from spector_refs.dump.run import audit_dump as audit_dump
    from spector_refs.dump.source import PageFilter as PageFilter
    from spector_refs.dump.source import is_dump as is_dump

ENGINES = ("local", "dask")
"""Where partitions run: worker processes on this machine, or a Dask cluster."""
FORMATS = ("jsonl", "parquet")
"""What a dump audit writes: one JSON Lines file, or a directory of Parquet tables."""

# The machinery loads on first use, so the CLI offers ENGINES and FORMATS without it.
__getattr__, __dir__ = lazy_exports(
    __name__,
    {
        "DumpRun": "spector_refs.dump.run",
        "EngineError": "spector_refs.dump.engines",
        "PageFilter": "spector_refs.dump.source",
        "audit_dump": "spector_refs.dump.run",
        "is_dump": "spector_refs.dump.source",
    },
)
__all__ = ["ENGINES", "FORMATS", "DumpRun", "EngineError", "PageFilter", "audit_dump", "is_dump"]
