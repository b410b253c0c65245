"""``spector-refs bib ARTICLE``: export the references as a bibliography."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from spector_refs.cli.options import (
    add_config_option,
    add_input_format_option,
    add_link_options,
    add_output_option,
    link_config_from_args,
)
from spector_refs.errors import ConfigError
from spector_refs.export import FORMATS
from spector_refs.output import refuse_inputs, write_output

if TYPE_CHECKING:
    from spector_refs.model import LinkResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", help="article file (plain text, HTML or wikitext), or '-' for stdin")
    add_output_option(parser)
    parser.add_argument(
        "--format", choices=FORMATS, default=None, help="bibliography format (default biblatex)"
    )
    parser.add_argument(
        "--dialect", choices=("biblatex", "bibtex"), default=None, help="BibTeX dialect (same as --format)"
    )
    add_input_format_option(parser)
    parser.add_argument(
        "--check-links",
        action="store_true",
        help="check the URLs first: dead ones are reported (exit 1) and get their archive copy, "
        "permanently moved ones their new URL",
    )
    add_config_option(parser)
    add_link_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    """Exit 0, or with ``--check-links`` the ``links`` command's code (1 a dead link, 3 offline)."""
    from spector_refs.check import check_links
    from spector_refs.collect import load_article
    from spector_refs.config import load_link_config
    from spector_refs.export import export
    from spector_refs.policy import link_check_exit_code
    from spector_refs.report.links import bib_link_feedback

    if args.format and args.dialect and args.format != args.dialect:
        raise ConfigError("--format and --dialect disagree; give one of them")
    if args.output:
        refuse_inputs(args.output, [args.article])
    article = load_article(args.article, input_format=args.input_format)
    results: list[LinkResult] = []
    if args.check_links:
        config = link_config_from_args(args, load_link_config(args.config))
        results = check_links(article, config)
    links = {result.url: result for result in results}
    write_output(
        args.output,
        export(article.references, args.format or args.dialect or "biblatex", links=links),
        inputs=[args.article],
    )
    if not args.check_links:
        return 0
    for line in bib_link_feedback(article, results):
        print(f"spector-refs: {line}", file=sys.stderr)
    return link_check_exit_code(results)
