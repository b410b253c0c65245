"""``spector-refs audit DUMP -o OUT``: the audit command's options for a whole wiki.

A dump argument turns ``audit`` into a batch job: results go to a JSON
Lines file or a Parquet directory (never the terminal), links are checked
only with ``--check-links``, and the run resumes if restarted with the
same output.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from spector_refs.dump import ENGINES, FORMATS
from spector_refs.errors import InputError
from spector_refs.output import refuse_inputs

if TYPE_CHECKING:
    from spector_refs.config import Config
    from spector_refs.dump import PageFilter


def add_dump_options(parser: argparse.ArgumentParser) -> None:
    """The flags of a dump audit (ignored for ordinary articles)."""
    group = parser.add_argument_group("whole wikis (an XML dump as the argument)")
    group.add_argument("--engine", choices=ENGINES, default="local", help="where partitions run")
    group.add_argument("--scheduler", metavar="tcp://HOST:8786", help="a running Dask scheduler")
    group.add_argument("--workers", type=int, help="worker processes (default: every core)")
    group.add_argument(
        "--namespace", type=int, action="append", help="namespace number to audit (repeatable; default 0)"
    )
    group.add_argument(
        "--titles", metavar="@LIST", help="only these pages: @file (one title a line) or a title"
    )
    group.add_argument("--redirects", action="store_true", help="audit redirect pages too")
    group.add_argument("--index", help="multistream index (default: found beside the dump)")
    group.add_argument("--partition-size", type=int, default=1000, help="pages per task (default 1000)")
    group.add_argument("--check-links", action="store_true", help="check every distinct URL once")


def dump_argument(args: argparse.Namespace) -> str | None:
    """The dump named on the command line, if the run is a dump audit."""
    from spector_refs.dump import is_dump

    dumps = [arg for arg in args.articles if is_dump(arg)]
    if not dumps:
        if args.format in FORMATS:
            raise InputError(f"--format {args.format} is for a dump audit; give a dump file")
        return None
    if len(args.articles) > 1:
        raise InputError("audit one dump at a time, without other articles")
    return dumps[0]


def run_dump(dump: str, args: argparse.Namespace, config: Config) -> int:
    """Audit the dump into ``-o``; the policy's exit code over every page."""
    from spector_refs.dump import DumpRun, audit_dump

    if not args.output or args.output == "-":
        raise InputError("a dump audit writes to a file: give -o OUT.jsonl (or a directory with parquet)")
    if args.format not in (*FORMATS, "terminal"):
        raise InputError(f"--format {args.format} is for articles; a dump audit writes jsonl or parquet")
    refuse_inputs(args.output, [dump])
    if args.workers is not None and args.workers < 1:
        raise InputError("--workers: expected a whole number ≥ 1")
    run = DumpRun(
        dump=dump,
        output=args.output,
        format="jsonl" if args.format == "terminal" else args.format,
        engine=args.engine,
        workers=args.workers,
        scheduler=args.scheduler,
        wanted=_page_filter(args),
        partition_size=args.partition_size,
        index=args.index,
        check_links=args.check_links,
        progress=sys.stderr.isatty(),
    )
    summary = audit_dump(run, config)
    print(
        f"spector-refs: {summary['pages']:,} pages, {summary['citations']:,} citations, "
        f"{summary.get('findings', 0):,} findings in {summary['partitions']} partitions → {args.output}",
        file=sys.stderr,
    )
    return int(summary["exit_code"])


def _page_filter(args: argparse.Namespace) -> PageFilter:
    from spector_refs.dump import PageFilter
    from spector_refs.inputs import read_document

    titles = None
    if args.titles:
        if args.titles.startswith("@"):
            lines = read_document(args.titles[1:]).splitlines()
            titles = frozenset(line.strip().replace("_", " ") for line in lines if line.strip())
        else:
            titles = frozenset({args.titles.strip().replace("_", " ")})
    namespaces = frozenset(args.namespace) if args.namespace else frozenset({0})
    return PageFilter(namespaces=namespaces, redirects=args.redirects, titles=titles)
