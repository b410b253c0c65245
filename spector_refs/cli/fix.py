"""``spector-refs fix ARTICLE.wiki``: write the edit that rescues an article's dead links.

The workflow is audit, ``fix --dry-run``, review the diff, apply: this
command checks the article's cited URLs (history in the link cache decides
what is dead), then prints the diff and an edit summary, or writes the new
wikitext with ``-o``. A live page (``--wiki en TITLE`` or a page URL) is
only read; the result goes to a file for an editor to save, never to a wiki.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from spector_refs.cli.options import (
    add_config_option,
    add_link_options,
    add_output_option,
    link_config_from_args,
)
from spector_refs.output import write_output

if TYPE_CHECKING:
    from spector_refs.model import LinkResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Exit codes: 0 done (or nothing to do), 2 bad usage or unreadable input, "
        "3 network unavailable (nothing written)."
    )
    parser.add_argument(
        "article", metavar="ARTICLE", help="wikitext file, '-' for stdin, a page URL, or a TITLE with --wiki"
    )
    parser.add_argument(
        "--wiki", metavar="LANG", help="read TITLE's current wikitext from LANG.wikipedia.org"
    )
    add_output_option(parser, "write the new wikitext to this file")
    parser.add_argument(
        "--dry-run", action="store_true", help="print the unified diff and the edit summary; write nothing"
    )
    parser.add_argument(
        "--assume-dead-now",
        action="store_true",
        help="treat this check's dead verdicts as final, without the link history's days of failures",
    )
    parser.add_argument(
        "--expand-bare",
        action="store_true",
        help="turn bare-URL refs with a dead URL into {{cite web}} citations with the archive copy",
    )
    add_config_option(parser)
    add_link_options(parser)
    parser.set_defaults(run=run)


def run(args: argparse.Namespace) -> int:
    from spector_refs.check.checker import LinkChecker
    from spector_refs.collect import load_wikitext
    from spector_refs.config import load_link_config
    from spector_refs.fix import citation_targets, fix
    from spector_refs.model import Verdict
    from spector_refs.policy import EXIT_NETWORK

    name, text = load_wikitext(args.article, wiki=args.wiki)
    config = link_config_from_args(args, load_link_config(args.config))
    with LinkChecker(config) as checker:
        links = checker.check(citation_targets(text), progress=sys.stderr.isatty())
    if links and all(link.verdict is Verdict.NETWORK_UNAVAILABLE for link in links):
        print("spector-refs: error: the network is unavailable; no link could be judged", file=sys.stderr)
        return EXIT_NETWORK
    result = fix(text, links, assume_dead_now=args.assume_dead_now, expand_bare=args.expand_bare, name=name)
    waiting = not_dead_yet(links) if not args.assume_dead_now else []
    if waiting:
        print(
            f"spector-refs: note: {len(waiting)} link(s) failed this check but are not dead yet by the "
            f"history rule ({config.dead_after_failures} failures over {config.dead_after_days:g} days); "
            "run fix again later, or use --assume-dead-now",
            file=sys.stderr,
        )
    if args.dry_run:
        write_output(None, result.diff + f"Edit summary: {result.summary}")
        return 0
    write_output(args.output, result.text, inputs=[] if args.wiki else [args.article])
    print(f"spector-refs: {result.summary}", file=sys.stderr)
    return 0


def not_dead_yet(links: list[LinkResult]) -> list[LinkResult]:
    """Links this check found gone that the history rule does not call dead yet."""
    return [link for link in links if link.verdict.is_dead and not link.dead]
