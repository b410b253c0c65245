"""The command-line options several subcommands share, defined once.

``parse``, ``bib``, ``links`` and ``audit`` read articles, write files and
check links with the same flags; declaring them here keeps their spelling,
help and validation identical, and :func:`link_config_from_args` is the one
mapping from link flags onto the configuration file's ``[links]`` table
(flags win). Where user files live (``$XDG_CACHE_HOME``, ``$XDG_DATA_HOME``)
is decided here too, so no library module reads the environment.
"""

from __future__ import annotations

import argparse
import os
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from spector_refs.check.config import LinkCheckConfig

_DURATION = r"^\s*(\d+(?:\.\d+)?)\s*([smhdw]?)\s*$"
"""A ``--max-age``: compiled (and cached by :mod:`re`) when one is given, not by every command."""
_UNITS = {"": 1, "s": 1, "m": 60, "h": 3600, "d": 86400, "w": 7 * 86400}
_LINK_FLAGS = (
    ("concurrency", "concurrency"),
    ("per_host", "per_host"),
    ("max_age", "max_age"),
    ("allow_private", "allow_private"),
    ("archive", "archive_lookup"),
    ("soft_404_probe", "soft_404_probe"),
    ("identifiers", "identifiers"),
)
"""Link flags that set one ``LinkCheckConfig`` field each: (argparse dest, field). A command that
does not declare a flag (``--identifiers`` is ``audit``'s alone) leaves its field to the file."""


def add_config_option(parser: argparse.ArgumentParser) -> None:
    """``--config FILE``: the configuration file to read instead of the one found in the directory."""
    parser.add_argument("--config", help="configuration file (default: spector-refs.toml or pyproject.toml)")


def add_output_option(parser: argparse.ArgumentParser, what: str = "write to this file") -> None:
    """``-o/--output FILE``: written atomically, so a failed run never leaves half a file."""
    parser.add_argument("-o", "--output", help=f"{what} (atomically) instead of stdout")


def add_input_format_option(parser: argparse.ArgumentParser) -> None:
    """``--input-format``: override the format detected from the file's name and content.

    The parsers' package is imported here, not with this module: ``links`` reads no article by
    format and its command line need not load it (~1-6 ms).
    """
    from spector_refs.parse import FORMATS

    parser.add_argument("--input-format", choices=FORMATS, default=None)


def add_link_options(parser: argparse.ArgumentParser) -> None:
    """The flags that override ``[tool.spector-refs.links]`` (``links``, ``bib`` and ``audit``)."""
    group = parser.add_argument_group("link checking")
    group.add_argument("--concurrency", type=positive_int, help="requests in flight at once")
    group.add_argument("--per-host", type=positive_int, help="requests in flight per host")
    group.add_argument(
        "--timeout", type=positive_float, help="seconds to wait for a server (connect and read)"
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
    group.add_argument(
        "--no-soft-404-probe",
        dest="soft_404_probe",
        action="store_false",
        default=None,
        help="do not ask each host for a made-up path to learn what its soft-404 page looks like",
    )


def link_config_from_args(args: argparse.Namespace, base: LinkCheckConfig | None = None) -> LinkCheckConfig:
    """``base`` (from the configuration file) with the given flags applied."""
    base = base or LinkCheckConfig()
    changes: dict[str, Any] = {
        field: getattr(args, flag) for flag, field in _LINK_FLAGS if getattr(args, flag, None) is not None
    }
    if getattr(args, "timeout", None) is not None:
        changes["timeout"] = changes["connect_timeout"] = args.timeout
    if getattr(args, "no_cache", False):
        changes["cache_path"] = None
    elif getattr(args, "cache", None):
        changes["cache_path"] = args.cache
    elif base.cache_path is None:
        changes["cache_path"] = str(default_cache_path())
    return replace(base, **changes)


def user_directory(variable: str, fallback: str) -> Path:
    """``$variable/spector-refs`` (the XDG base directory), or ``~/fallback/spector-refs`` when unset."""
    root = os.environ.get(variable) or Path.home() / fallback
    return Path(root) / "spector-refs"


def default_cache_path() -> Path:
    """``$XDG_CACHE_HOME/spector-refs/links.sqlite3`` (``~/.cache`` when unset)."""
    return user_directory("XDG_CACHE_HOME", ".cache") / "links.sqlite3"


def parse_duration(text: str) -> float:
    """``3600``, ``90s``, ``15m``, ``1h``, ``3d``, ``1w`` → seconds."""
    match = re.match(_DURATION, text, re.IGNORECASE)
    if not match:
        raise argparse.ArgumentTypeError(f"{text!r} is not a duration (use e.g. 3600, 90m, 1h, 3d)")
    return float(match.group(1)) * _UNITS[match.group(2).lower()]


def positive_int(text: str) -> int:
    """A whole number of at least 1 (a count of workers or requests)."""
    try:
        value = int(text)
    except ValueError:
        value = 0
    if value < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a whole number of at least 1")
    return value


def positive_float(text: str) -> float:
    """A number of seconds greater than 0."""
    try:
        value = float(text)
    except ValueError:
        value = 0.0
    if not value > 0:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive number of seconds")
    return value
