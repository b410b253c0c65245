"""``spector-refs links INPUT…``: do the cited URLs still show what was cited?

INPUT is an article (any format ``parse`` reads), a ``.bib`` file or a list
of URLs, one per line — as a file, ``-`` for stdin, a directory, an
``@list.txt`` of inputs or a Wikipedia page URL (see :mod:`spector_refs.collect`).
Exit codes: 0 no dead link, 1 a link is broken, soft-404, usurped or loops,
3 the network is unavailable (nothing could be judged).
The link options are shared with ``bib`` and ``audit`` (:mod:`spector_refs.cli.options`).
"""

from __future__ import annotations

import argparse
import sys

from spector_refs.cli import starting
from spector_refs.cli.options import (
    add_config_option,
    add_link_options,
    add_output_option,
    link_config_from_args,
)


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Exit codes: 0 no dead link, 1 a link is broken, soft-404, usurped or a redirect loop, "
        "2 bad usage or unreadable input, 3 network unavailable."
    )
    parser.add_argument(
        "inputs",
        nargs="+",
        metavar="INPUT",
        help="article, .bib file or URL list: a file, -, a directory, @list, page URL or URL to check",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text")
    add_output_option(parser)
    add_config_option(parser)
    add_link_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Check the inputs' URLs; what only the report and the exit code need is imported after the checks."""
    with starting():  # the checker's imports, the configuration, the inputs read
        from spector_refs.check.checker import LinkChecker
        from spector_refs.collect.documents import expand_arguments
        from spector_refs.collect.targets import LINK_INPUT_SUFFIXES, collect_targets
        from spector_refs.config import load_link_config

        config = link_config_from_args(args, load_link_config(args.config))
        read = collect_targets(args.inputs)
    for problem in read.problems:
        print(f"spector-refs: warning: {problem}", file=sys.stderr)
    with LinkChecker(config, keep_text=False) as checker:  # no claims to verify here
        results = checker.check(read.targets, progress=sys.stderr.isatty())
    from spector_refs.output import write_output
    from spector_refs.policy import link_check_exit_code
    from spector_refs.report.links import links_document, links_text

    if args.format == "json":
        import json

        text = json.dumps(links_document(results), indent=2, ensure_ascii=False)
    else:
        text = links_text(results)
    write_output(
        args.output, text, inputs=[*args.inputs, *expand_arguments(args.inputs, LINK_INPUT_SUFFIXES)]
    )
    return link_check_exit_code(results)
