"""Auditing a whole wiki from its XML dump, on this machine or a Dask cluster.

:func:`audit_dump` streams the dump (``source``), cuts it into partitions
that an engine (``engines``: local processes or Dask) audits in parallel
(``work``), optionally checks every distinct URL once with each host on one
worker (``links``), and saves each finished partition (``store``: JSON
Lines or Parquet) so a killed run resumes where it stopped.
"""

from spector_refs.dump.engines import ENGINES, EngineError
from spector_refs.dump.run import DumpRun, audit_dump
from spector_refs.dump.source import PageFilter, is_dump
from spector_refs.dump.store import FORMATS

__all__ = ["ENGINES", "FORMATS", "DumpRun", "EngineError", "PageFilter", "audit_dump", "is_dump"]
