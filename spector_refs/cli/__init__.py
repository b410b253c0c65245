"""The ``spector-refs`` command: a thin layer over the library's public API.

Each subcommand lives in its own module with ``add_parser(subparsers)`` and
``run(args) -> int``. Building the parser imports no stage: each ``run``
imports what its command uses, so ``--help`` and a usage error answer at
once and ``parse`` never loads the HTTP client. This module only dispatches and turns the library's
errors into one line on stderr and exit code 2 (3 when a live page's wiki
could not be reached, as for links), so no user ever sees a traceback for
bad input. With no command at all the full help goes to stderr
and the exit code is 2, as for any other usage error: a script that forgot
its command must not pass (argparse-based tools such as pip and git's own
"usage" path do the same; ``--help`` prints to stdout and exits 0).
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from typing import NoReturn

from spector_refs.cli import audit, bib, fix, kinds, links, parse, sources
from spector_refs.errors import NetworkError, SpectorError
from spector_refs.policy import EXIT_NETWORK, EXIT_USAGE
from spector_refs.version import __version__

SUBCOMMANDS = (parse, bib, links, audit, fix, kinds, sources)


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors, like every other error of the tool."""

    def error(self, message: str) -> NoReturn:
        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = _Parser(
        prog="spector-refs",
        description="Audit the sources of a Wikipedia article.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND")
    for module in SUBCOMMANDS:
        module.add_parser(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the documented exit code."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return EXIT_USAGE
    # bibtexparser logs every unreadable block; they come back to us as problems
    # and are reported once, in our own words. (logging is imported here, not
    # above, so that --help and usage errors do not load it.)
    import logging

    logging.getLogger("bibtexparser").setLevel(logging.CRITICAL)
    try:
        return int(args.run(args))
    except SpectorError as exc:
        print(f"spector-refs: error: {exc}", file=sys.stderr)
        return EXIT_NETWORK if isinstance(exc, NetworkError) else EXIT_USAGE
    except KeyboardInterrupt:
        print("spector-refs: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
