"""The ``spector-refs`` command: a thin layer over the library's public API.

Each subcommand lives in its own module with ``add_arguments(parser)`` and
``run(args) -> int``; :data:`COMMANDS` holds its one-line help. A
subcommand's module is imported only when that command is parsed (its
``--help`` included), so ``links`` never imports ``audit``'s options and the
names they pull in. Building a parser imports no stage: each ``run``
imports what its command uses, so ``--help`` and a usage error answer at
once and ``parse`` never loads the HTTP client. This module only dispatches and turns the library's
errors into one line on stderr and exit code 2 (3 when a live page's wiki
could not be reached, as for links), so no user ever sees a traceback for
bad input. With no command at all the full help goes to stderr
and the exit code is 2, as for any other usage error: a script that forgot
its command must not pass (argparse-based tools such as pip and git's own
"usage" path do the same; ``--help`` prints to stdout and exits 0).
The exit codes are the policy's (:mod:`spector_refs.policy`), imported
only for a failed run (:func:`_error_code`): the policy names every finding
kind, and with the dataclasses that brings it was a third of ``--help``'s work.
"""

from __future__ import annotations

import argparse
import atexit
import gc
import importlib
import os
import sys
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from typing import Any, NoReturn

from spector_refs.errors import NetworkError, SpectorError
from spector_refs.version import __version__

COMMANDS = {
    "parse": "print an article's references and claims",
    "bib": "export an article's references (BibLaTeX, BibTeX, CSL-JSON, RIS)",
    "links": "check the cited URLs of articles, .bib files or URL lists",
    "audit": "audit articles: references, links, sources and claims (the bundled article if none given)",
    "fix": "rescue dead links in an article's wikitext: archive copies, {{dead link}}, url-status",
    "kinds": "list the finding kinds and fail-on names with their default severity",
    "sources": "explain, update or describe the source data",
}
"""Each subcommand and its line in ``--help``; its options are in ``spector_refs.cli.<name>``."""


class _Formatter(argparse.HelpFormatter):
    """argparse's help layout, with the terminal's width found without :mod:`shutil`.

    argparse makes a formatter for every option it is given (to check its
    metavar), and its own looks the width up with ``shutil``, which loads
    the bz2 and lzma modules: ~3 ms of every command, ``--help`` or not.
    """

    def __init__(self, prog: str, **kwargs: Any) -> None:
        kwargs.setdefault("width", terminal_columns() - 2)  # argparse's own margin
        super().__init__(prog, **kwargs)


def terminal_columns() -> int:
    """The terminal's width as :func:`shutil.get_terminal_size` finds it: ``COLUMNS``, the terminal, or 80."""
    try:
        columns = int(os.environ["COLUMNS"])
    except (KeyError, ValueError):
        columns = 0
    if columns > 0:
        return columns
    stdout = sys.__stdout__
    try:
        return (stdout is not None and os.get_terminal_size(stdout.fileno()).columns) or 80
    except (AttributeError, ValueError, OSError):  # closed, detached, not a terminal
        return 80


class _Parser(argparse.ArgumentParser):
    """argparse with one-line usage errors, like every other error of the tool."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.setdefault("formatter_class", _Formatter)
        super().__init__(*args, **kwargs)

    def error(self, message: str) -> NoReturn:
        from spector_refs.policy import EXIT_USAGE

        self.exit(EXIT_USAGE, f"{self.prog}: error: {message} (see {self.prog} --help)\n")


class _Command(_Parser):
    """A subcommand's parser that gets its options when first asked to parse.

    argparse hands a command's own arguments (``--help`` among them) to its
    parser's ``parse_known_args``, so the other commands' modules, and the
    names their options import (dump engines, report and export formats),
    are never loaded: that was ~40 ms of the ~140 ms of CPU a ``--help``
    took (``benchmarks/startup.py`` measures it).
    """

    def __init__(self, *args: Any, command: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self._command = command  # None once the options are added, and for a command's own subparsers

    def parse_known_args(self, *args: Any, **kwargs: Any) -> Any:  # argparse's own signature
        if self._command is not None:
            importlib.import_module(f"spector_refs.cli.{self._command}").add_arguments(self)
            self._command = None
        return super().parse_known_args(*args, **kwargs)


def build_parser() -> argparse.ArgumentParser:
    """The argument parser with every subcommand registered."""
    parser = _Parser(
        prog="spector-refs",
        description="Audit the sources of a Wikipedia article.",
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=_Command)
    for name, line in COMMANDS.items():
        subparsers.add_parser(name, help=line, command=name)
    return parser


_OWN_PROCESS = False
"""Whether this process is the command line's own (:func:`entry_point`), ending when :func:`main` returns."""


@contextmanager
def starting() -> Iterator[None]:
    """A command's start-up, with the cyclic garbage collector paused in the command line's own process.

    What starting allocates (modules, classes, the parser, the configuration,
    the inputs read) lives until the process ends, and the collections its
    number sets off find nothing to free: 26 of them before a ``links`` run's
    first request. In the process :func:`entry_point` runs, the collector is
    paused meanwhile and what start-up made is then frozen (:func:`gc.freeze`,
    as before a fork), not scanned by the next collection; the command's own
    work runs with the collector. In any other process (tests, a program
    calling :func:`main`) nothing changes.
    """
    if not _OWN_PROCESS or not gc.isenabled():
        yield
        return
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        gc.enable()


def main(argv: Sequence[str] | None = None) -> int:
    """Run the command line; returns the documented exit code."""
    with starting():
        parser = build_parser()
        args = parser.parse_args(argv)
    if args.command is None:
        parser.print_help(sys.stderr)
        return _error_code(None)
    try:
        return int(args.run(args))
    except SpectorError as exc:
        print(f"spector-refs: error: {exc}", file=sys.stderr)
        return _error_code(exc)
    except KeyboardInterrupt:
        print("spector-refs: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0


def _error_code(error: SpectorError | None) -> int:
    """The exit code of a run that failed with ``error`` (None: no command given).

    The policy that documents the codes is imported only here and by the
    commands once their work is done: it names every finding kind, and a
    ``links`` run loaded it (~5 ms) before its first request.
    """
    from spector_refs.policy import EXIT_NETWORK, EXIT_USAGE

    return EXIT_NETWORK if isinstance(error, NetworkError) else EXIT_USAGE


def entry_point() -> NoReturn:
    """The ``spector-refs`` program and ``python -m spector_refs``: :func:`main`, then exit.

    When :func:`main` returns, every file the run wrote (output, link cache)
    is closed; only the standard streams are open. What is left in memory
    dies with the process, yet the interpreter's shutdown would walk it in
    several full collections and then tear down every module and object one
    by one: after an 800-link ``links`` run that was 30–50 ms, the largest
    single part of the command line's overhead over the library. Freezing
    the collector leaves those objects alone, also when argparse ends the
    run itself (``--help``, a usage error); :func:`_leave` then skips the
    teardown. Tests call :func:`main` instead, in a process that goes on.
    """
    global _OWN_PROCESS
    _OWN_PROCESS = True
    try:
        code: str | int | None = main()
    except SystemExit as exc:  # argparse's --help, --version and usage errors
        code = exc.code
    finally:
        gc.freeze()
    _leave(code)


def _leave(code: str | int | None) -> NoReturn:
    """Exit with ``code`` as :func:`sys.exit` would, without tearing the interpreter down.

    The ``atexit`` handlers run and the standard streams are flushed, as at
    any exit; then :func:`os._exit` ends the process instead of the
    interpreter's finalization, which would free every module and object
    the run loaded, and of the C libraries' exit handlers (OpenSSL's
    cleanup after a ``links`` run): from the checks' end to the process's,
    a links run took 46–89 ms before, 11–53 ms after (load 13).
    Where the normal exit has work to do, it runs: a thread that is not a
    daemon is still running (the interpreter would wait for it), a profiler
    or tracer is watching (``python -m cProfile`` reports when the program
    raises :class:`SystemExit`), the code is not a plain number, or a stream
    cannot be flushed (a closed pipe: Python reports it and exits 120).
    """
    watched = sys.getprofile() is not None or sys.gettrace() is not None
    if not isinstance(code, int) or watched or _threads_to_wait_for():
        sys.exit(code)
    atexit._run_exitfuncs()  # the handlers run once: this also unregisters them
    try:
        for stream in (sys.stdout, sys.stderr):
            if stream is not None:
                stream.flush()
    except (OSError, ValueError):
        sys.exit(code)
    os._exit(code)


def _threads_to_wait_for() -> bool:
    """Whether a non-daemon thread is still running, which the interpreter's exit waits for."""
    threading = sys.modules.get("threading")  # a run that never loaded it started no thread
    return threading is not None and any(
        thread is not threading.main_thread() and not thread.daemon and thread.is_alive()
        for thread in threading.enumerate()
    )
