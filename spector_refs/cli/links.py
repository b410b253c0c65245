"""``spector-refs links INPUT…``: do the cited URLs still show what was cited?

INPUT is an article (any format ``parse`` reads), a ``.bib`` file or a list
of URLs, one per line. Exit codes: 0 no dead link, 1 a link is broken,
soft-404, usurped or loops, 3 the network is unavailable (nothing could be judged).
The link options are shared with ``audit`` through :func:`add_link_options`.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from dataclasses import replace
from pathlib import Path

from spector_refs.check import LinkCheckConfig, LinkChecker
from spector_refs.collect import read_targets
from spector_refs.model import LinkResult, LinkTarget
from spector_refs.output import write_output
from spector_refs.policy import broken_links, exit_code_of
from spector_refs.report.links import links_document, links_text

_DURATION = re.compile(r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$", re.IGNORECASE)
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser(
        "links",
        help="check the cited URLs of articles, .bib files or URL lists",
        description="Exit codes: 0 no dead link, 1 a link is broken, soft-404, usurped or a redirect loop, "
        "2 bad usage or unreadable input, 3 network unavailable.",
    )
    parser.add_argument("inputs", nargs="+", metavar="INPUT", help="article file, .bib file or URL list")
    parser.add_argument("--format", choices=("text", "json"), default="text")
    parser.add_argument("-o", "--output", help="write to this file (atomically) instead of stdout")
    parser.add_argument("--config", help="configuration file (default: spector-refs.toml or pyproject.toml)")
    add_link_options(parser)
    parser.set_defaults(run=run)


def add_link_options(parser: argparse.ArgumentParser) -> None:
    """The flags that override ``[tool.spector-refs.links]`` (shared with ``audit``)."""
    group = parser.add_argument_group("link checking")
    group.add_argument("--concurrency", type=_positive_int, help="requests in flight at once")
    group.add_argument("--per-host", type=_positive_int, help="requests in flight per host")
    group.add_argument(
        "--timeout", type=_positive_float, help="seconds to wait for a server (connect and read)"
    )
    cache = group.add_mutually_exclusive_group()
    cache.add_argument(
        "--cache", metavar="PATH", help="link cache file (default: the user's cache directory)"
    )
    cache.add_argument("--no-cache", action="store_true", help="neither read nor write the link cache")
    group.add_argument(
        "--max-age",
        type=parse_duration,
        metavar="DURATION",
        help="reuse cached checks younger than this (e.g. 3600, 90m, 1h, 3d)",
    )
    group.add_argument(
        "--allow-private",
        action="store_true",
        default=None,
        help="allow private, loopback and link-local addresses (local test servers)",
    )
    group.add_argument(
        "--archive",
        action="store_true",
        default=None,
        help="ask the Wayback Machine for copies of dead links (sends those URLs to archive.org)",
    )


def link_config_from_args(args: argparse.Namespace, base: LinkCheckConfig | None = None) -> LinkCheckConfig:
    """``base`` (from the configuration file) with the given flags applied."""
    base = base or LinkCheckConfig()
    changes: dict[str, object] = {}
    for flag, key in (
        ("concurrency", "concurrency"),
        ("per_host", "per_host"),
        ("max_age", "max_age"),
        ("allow_private", "allow_private"),
        ("archive", "archive_lookup"),
    ):
        if getattr(args, flag, None) is not None:
            changes[key] = getattr(args, flag)
    if getattr(args, "timeout", None) is not None:
        changes["timeout"] = changes["connect_timeout"] = args.timeout
    if getattr(args, "no_cache", False):
        changes["cache_path"] = None
    elif getattr(args, "cache", None):
        changes["cache_path"] = args.cache
    elif base.cache_path is None:
        changes["cache_path"] = str(default_cache_path())
    return replace(base, **changes)


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/spector-refs/links.sqlite3`` (``~/.cache`` when unset)."""
    root = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(root) / "spector-refs" / "links.sqlite3"


def run(args: argparse.Namespace) -> int:
    from spector_refs.config import load_config

    config = link_config_from_args(args, load_config(args.config).links)
    targets: list[LinkTarget] = []
    for source in args.inputs:
        read = read_targets(source)
        targets += read.targets
        for problem in read.problems:
            print(f"spector-refs: warning: {problem}", file=sys.stderr)
    with LinkChecker(config) as checker:
        results = checker.check(targets, progress=sys.stderr.isatty())
    if args.format == "json":
        text = json.dumps(links_document(results), indent=2, ensure_ascii=False)
    else:
        text = links_text(results)
    write_output(args.output, text, inputs=args.inputs)
    return exit_code(results)


def exit_code(results: list[LinkResult]) -> int:
    """The policy's exit-code rule, with every dead link failing (3 offline, 1 dead, else 0)."""
    return exit_code_of(results, len(broken_links(results)))


def parse_duration(text: str) -> float:
    """``3600``, ``90s``, ``15m``, ``1h``, ``3d``, ``1w`` → seconds."""
    match = _DURATION.match(text)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration (use e.g. 3600, 90m, 1h, 3d)")
    return float(match.group(1)) * _UNITS[match.group(2).lower()]


def _positive_int(text: str) -> int:
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def _positive_float(text: str) -> float:
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value
