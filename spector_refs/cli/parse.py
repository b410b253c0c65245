"""``spector-refs parse ARTICLE``: the structured references and claims."""

from __future__ import annotations

import argparse
import json

from spector_refs.cli.options import add_input_format_option, add_output_option
from spector_refs.output import write_output


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("article", help="article file (plain text, HTML or wikitext), or '-' for stdin")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    add_input_format_option(parser)
    add_output_option(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spector_refs.collect import load_article
    from spector_refs.report.article import article_document, article_text

    article = load_article(args.article, input_format=args.input_format)
    if args.format == "json":
        text = json.dumps(article_document(article), indent=2, ensure_ascii=False)
    else:
        text = article_text(article)
    write_output(args.output, text, inputs=[args.article])
    return 0
