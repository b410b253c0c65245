"""``spector-refs kinds``: every finding kind and fail-on name, with its default severity and meaning.

The list a user needs to write ``--fail-on`` or a config file, rendered by
:mod:`spector_refs.report.kinds` from the registry and the policy's groups.
"""

from __future__ import annotations

import argparse

from spector_refs.output import write_output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = "Every name --fail-on accepts: groups, severities and finding kinds."
    parser.add_argument("--format", choices=("text", "markdown"), default="text")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spector_refs.report.kinds import kinds_markdown, kinds_text

    write_output(None, kinds_markdown() if args.format == "markdown" else kinds_text())
    return 0
