"""``spector-refs audit [ARTICLE…]``: parse, check links, assess, report, exit by policy."""

from __future__ import annotations

import argparse
import os
import shutil
import sys
from dataclasses import replace
from typing import TYPE_CHECKING

from spector_refs.cli.dump import add_dump_options, dump_argument, run_dump
from spector_refs.cli.options import (
    add_config_option,
    add_input_format_option,
    add_link_options,
    add_output_option,
    link_config_from_args,
)
from spector_refs.cli.sources import with_user_data
from spector_refs.dump import FORMATS as DUMP_FORMATS
from spector_refs.model import Severity
from spector_refs.output import append_output, refuse_inputs, write_output
from spector_refs.report import REPORT_FORMATS

if TYPE_CHECKING:
    from spector_refs.config import Config
    from spector_refs.model import AuditResult


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.description = (
        "Exit codes: 0 nothing at or above the policy, 1 findings at or above it, "
        "2 bad usage or unreadable input, 3 network unavailable (links could not be judged)."
    )
    parser.add_argument(
        "articles",
        nargs="*",
        help="article files, directories, @list files, - (stdin), page URLs, or titles with --wiki",
    )
    parser.add_argument("--wiki", help="treat arguments as page titles on this Wikipedia (e.g. en)")
    parser.add_argument(
        "--revision",
        type=_revision,
        metavar="OLDID",
        help="audit this revision of the live page (its oldid in the page history), not the current one",
    )
    parser.add_argument(
        "--source", choices=("html", "wikitext"), default="html", help="what to fetch of live pages"
    )
    add_input_format_option(parser)
    parser.add_argument(
        "--format", choices=(*REPORT_FORMATS, *DUMP_FORMATS), default="terminal", help="report format"
    )
    add_output_option(parser, "write the report to this file")
    parser.add_argument("--fail-on", help="comma-separated finding kinds, broken-links, or a severity")
    add_config_option(parser)
    parser.add_argument("--no-links", action="store_true", help="do not check links (offline)")
    parser.add_argument(
        "--identifiers",
        action="store_true",
        default=None,
        help="look DOIs up at doi.org: do they exist, under the cited title? (sends the DOIs to doi.org)",
    )
    parser.add_argument(
        "--step-summary",
        metavar="FILE",
        help="append a Markdown summary here (default with --format github: $GITHUB_STEP_SUMMARY)",
    )
    add_report_options(parser)
    add_link_options(parser)
    add_dump_options(parser)
    parser.set_defaults(run=run)


def add_report_options(parser: argparse.ArgumentParser) -> None:
    """What the report shows: baselines for CI adoption, the terminal report's detail."""
    group = parser.add_argument_group("report")
    group.add_argument(
        "--baseline", metavar="FILE", help="report only findings that are not in this baseline file"
    )
    group.add_argument(
        "--write-baseline", metavar="FILE", help="record every finding of this run as the baseline"
    )
    group.add_argument(
        "--min-severity",
        choices=[s.value for s in Severity],
        default=Severity.WARNING.value,
        help="terminal report: show findings at least this severe, count the rest (default: warning)",
    )
    group.add_argument(
        "--quiet", action="store_true", help="terminal report: only the summary and what fails the policy"
    )


def run(args: argparse.Namespace) -> int:
    from spector_refs import baseline
    from spector_refs.audit import audit
    from spector_refs.collect import collect_articles
    from spector_refs.config import load_config
    from spector_refs.report import github

    config = load_config(args.config)
    config = _with_flags(config, args)
    dump = dump_argument(args)
    if dump is not None:
        return run_dump(dump, args, config)
    progress = sys.stderr.isatty() and not os.environ.get("CI")
    if args.output:
        refuse_inputs(args.output, [target.removeprefix("@") for target in args.articles])
    collection = collect_articles(
        args.articles,
        wiki=args.wiki,
        source=args.source,
        input_format=args.input_format,
        revision=args.revision,
    )
    for skipped in collection.skipped:
        print(f"spector-refs: skipped {skipped.name}: {skipped.reason}", file=sys.stderr)
    result = audit(list(collection.articles), config, links=not args.no_links, progress=progress)
    if args.write_baseline:
        write_output(
            args.write_baseline, baseline.to_json(result), inputs=[*args.articles, *collection.files]
        )
    if args.baseline:
        result = baseline.apply_baseline(result, baseline.read_baseline(args.baseline))
    write_output(args.output, _report(result, args), inputs=[*args.articles, *collection.files])
    summary_path = args.step_summary or (
        os.environ.get("GITHUB_STEP_SUMMARY") if args.format == "github" else None
    )
    if summary_path:
        append_output(summary_path, github.step_summary(result))
    return result.exit_code


def _report(result: AuditResult, args: argparse.Namespace) -> str:
    """The report; a terminal table fits the terminal it is printed on."""
    from spector_refs.report import render, terminal

    if args.format != "terminal":
        return render(result, args.format)
    width = max(80, shutil.get_terminal_size((120, 40)).columns) if not args.output else 120
    return terminal.render(result, width=width, min_severity=Severity(args.min_severity), quiet=args.quiet)


def _revision(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a revision number (a page history's oldid)")
    return int(text)


def _with_flags(config: Config, args: argparse.Namespace) -> Config:
    """Flags override the configuration file; the user's updated source data wins over the bundled."""
    from spector_refs.policy import parse_fail_on

    config = replace(
        config, links=link_config_from_args(args, config.links), assess=with_user_data(config.assess)
    )
    if args.fail_on is not None:
        config = replace(config, fail_on=parse_fail_on(args.fail_on))
    return config
