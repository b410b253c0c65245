"""``spector-refs bib ARTICLE``: export the references as a bibliography."""

from __future__ import annotations

import argparse

from spector_refs.check import check_links
from spector_refs.cli.common import load_article
from spector_refs.cli.links import add_link_options, link_config_from_args
from spector_refs.config import load_config
from spector_refs.errors import ConfigError
from spector_refs.export import FORMATS, export
from spector_refs.output import refuse_inputs, write_output


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "bib", help="export an article's references (BibLaTeX, BibTeX, CSL-JSON, RIS)"
    )
    parser.add_argument("article", help="article file (plain text, HTML or wikitext), or '-' for stdin")
    parser.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    parser.add_argument(
        "--format", choices=FORMATS, default=None, help="bibliography format (default biblatex)"
    )
    parser.add_argument(
        "--dialect", choices=("biblatex", "bibtex"), default=None, help="BibTeX dialect (same as --format)"
    )
    parser.add_argument("--input-format", choices=("text", "html", "wikitext"), default=None)
    parser.add_argument(
        "--check-links",
        action="store_true",
        help="check the URLs first; dead ones get their archive copy and date in the entry",
    )
    parser.add_argument("--config", help="configuration file (default: spector-refs.toml or pyproject.toml)")
    add_link_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format and args.dialect and args.format != args.dialect:
        raise ConfigError("--format and --dialect disagree; give one of them")
    if args.output:
        refuse_inputs(args.output, [args.article])
    article = load_article(args.article, input_format=args.input_format)
    links = None
    if args.check_links:
        config = link_config_from_args(args, load_config(args.config).links)
        links = {result.url: result for result in check_links(article, config)}
    write_output(
        args.output,
        export(article.references, args.format or args.dialect or "biblatex", links=links),
        inputs=[args.article],
    )
    return 0
