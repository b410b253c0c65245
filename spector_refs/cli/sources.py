"""``spector-refs sources explain|update|info``: what the tool knows about sources, and why.

A thin layer: :func:`spector_refs.assess.explain.explain_source`,
:func:`spector_refs.assess.update.update_source_data` and the data's own
provenance do the work, :mod:`spector_refs.report.sources` words the answer;
this module picks the data file and resolves the user's data directory
(``$XDG_DATA_HOME/spector-refs``).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from spector_refs.cli.options import add_config_option, positive_float, user_directory
from spector_refs.errors import InputError

if TYPE_CHECKING:
    from spector_refs.assess.config import AssessConfig
    from spector_refs.model import PageMeta


def add_arguments(parser: argparse.ArgumentParser) -> None:
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    explain = actions.add_parser("explain", help="why a URL, website, name or DOI gets its ruling")
    explain.add_argument("targets", nargs="+", metavar="URL|NAME", help="URLs, websites, names or DOIs")
    explain.add_argument(
        "--links",
        metavar="FILE",
        help="`links --format json` output: a checked URL's page may say what its site is (generator meta)",
    )
    update = actions.add_parser("update", help="rebuild the data from Cite Unseen's live pages (network)")
    update.add_argument("--timeout", type=positive_float, default=30, help="seconds to wait for Meta-Wiki")
    actions.add_parser("info", help="which source data is in use, and how old it is")
    for sub in (explain, update, actions.choices["info"]):
        add_config_option(sub)
        sub.add_argument("--data-dir", help="user data directory (default: $XDG_DATA_HOME/spector-refs)")
    parser.set_defaults(run=run)


def default_data_dir() -> Path:
    """``$XDG_DATA_HOME/spector-refs`` (``~/.local/share`` when unset), where ``sources update`` writes."""
    return user_directory("XDG_DATA_HOME", ".local/share")


def with_user_data(assess: AssessConfig, data_dir: str | None = None) -> AssessConfig:
    """The config with the data directory's ``sources.json`` in use unless one is configured."""
    from spector_refs.assess.update import source_data_in_use

    chosen = source_data_in_use(assess.source_data, Path(data_dir) if data_dir else default_data_dir())
    return replace(assess, source_data=str(chosen) if chosen else None)


def run(args: argparse.Namespace) -> int:
    from spector_refs.assess.explain import explain_source
    from spector_refs.assess.sources import SOURCES_JSON, SourceIndex, load_source_data
    from spector_refs.config import load_config
    from spector_refs.report.sources import explanation_text, source_data_text

    if args.action == "update":
        return _update(args)
    assess = with_user_data(load_config(args.config).assess, args.data_dir)
    if args.action == "info":
        path = Path(assess.source_data) if assess.source_data else SOURCES_JSON
        data = load_source_data(path)
        if not isinstance(data.get("date"), str):
            raise InputError(f"{path}: the source data has no date; run `spector-refs sources update`")
        print(source_data_text(path, data, bundled=not assess.source_data, today=date.today()))
        return 0
    index = SourceIndex.create(assess)
    checked = _checked_pages(Path(args.links)) if args.links else {}
    explained = [
        explain_source(target, index, assess, checked.get(target.strip())) for target in args.targets
    ]
    print("\n\n".join(map(explanation_text, explained)))
    return 0


def _checked_pages(path: Path) -> dict[str, PageMeta]:
    """What each checked page of a ``spector-refs/links/1`` document declares, by its URL."""
    from spector_refs.assess.declared import declared_meta
    from spector_refs.serialize import link_result_from_dict

    try:
        document = json.loads(path.read_text(encoding="utf-8"))
        results = [link_result_from_dict(item) for item in document["results"]]
    except (OSError, ValueError, TypeError, KeyError, AttributeError) as exc:
        raise InputError(f"{path}: not `spector-refs links --format json` output ({exc!r})") from None
    pages = {result.url: declared_meta(result.url, result) for result in results}
    return {url: meta for url, meta in pages.items() if meta is not None}


def _update(args: argparse.Namespace) -> int:
    from spector_refs.assess.update import update_source_data
    from spector_refs.report.sources import update_text

    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    print(update_text(update_source_data(data_dir, timeout=args.timeout)))
    return 0
