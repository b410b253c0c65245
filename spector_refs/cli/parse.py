"""``spector-refs parse ARTICLE``: the structured references and claims."""

from __future__ import annotations

import argparse
import json

from spector_refs.cli.common import load_article
from spector_refs.model import Article
from spector_refs.output import write_output
from spector_refs.report.view import Location
from spector_refs.serialize import article_to_dict


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("parse", help="print an article's references and claims")
    parser.add_argument("article", help="article file (plain text, HTML or wikitext), or '-' for stdin")
    parser.add_argument("--format", choices=("json", "text"), default="json")
    parser.add_argument("--input-format", choices=("text", "html", "wikitext"), default=None)
    parser.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    article = load_article(args.article, input_format=args.input_format)
    if args.format == "json":
        text = json.dumps(article_to_dict(article), indent=2, ensure_ascii=False)
    else:
        text = render_text(article)
    write_output(args.output, text, inputs=[args.article])
    return 0


def render_text(article: Article) -> str:
    """A compact human-readable listing of references and claims."""
    lines = [f"{article.title or '(untitled)'} — {len(article.references)} references, "
             f"{len(article.claims)} claims ({article.source_format})", "", "References:"]  # fmt: skip
    for ref in article.references:
        authors = "; ".join(name.display() for name in ref.authors)
        parts = [p for p in (authors, ref.title, ref.work, ref.date) if p]
        lines.append(f"  {ref.label} ×{ref.cite_count}: " + " · ".join(parts))
    lines += ["", "Claims:"]
    for claim in article.claims:
        cites = "".join(f"[{n}]" for n in claim.refs) + "".join(f"[{t}]" for t in claim.tags)
        position = str(Location(claim.line, claim.column))
        lines.append("  " + " ".join(part for part in (position, claim.text, cites) if part))
    lines += [f"problem: {problem}" for problem in article.problems]
    return "\n".join(lines)
