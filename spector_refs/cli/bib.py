"""``spector-refs bib ARTICLE``: export the references as a bibliography."""

from __future__ import annotations

import argparse

from spector_refs.cli.common import emit, load_article
from spector_refs.errors import ConfigError
from spector_refs.export import FORMATS, export


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
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    if args.format and args.dialect and args.format != args.dialect:
        raise ConfigError("--format and --dialect disagree; give one of them")
    article = load_article(args.article, input_format=args.input_format)
    emit(export(article.references, args.format or args.dialect or "biblatex"), args.output)
    return 0
