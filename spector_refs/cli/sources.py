"""``spector-refs sources explain|update|info``: what the tool knows about sources, and why.

A thin layer: :func:`spector_refs.assess.explain.explain_source`,
:func:`spector_refs.assess.update.update_source_data` and the data's own
provenance do the work; this module picks the data file, formats the answer
and resolves the user's data directory (``$XDG_DATA_HOME/spector-refs``).
"""

from __future__ import annotations

import argparse
import json
from dataclasses import replace
from datetime import date
from pathlib import Path

from spector_refs.assess.config import AssessConfig
from spector_refs.assess.explain import Explanation, explain_source
from spector_refs.assess.sources import LEVELS, SOURCES_JSON, SourceIndex, load_source_data
from spector_refs.assess.update import source_data_in_use, update_source_data
from spector_refs.cli.options import add_config_option, user_directory
from spector_refs.config import load_config
from spector_refs.errors import InputError


def add_parser(subparsers: argparse._SubParsersAction) -> None:
    parser = subparsers.add_parser("sources", help="explain, update or describe the source data")
    actions = parser.add_subparsers(dest="action", required=True, metavar="ACTION")
    explain = actions.add_parser("explain", help="why a URL, website, name or DOI gets its ruling")
    explain.add_argument("targets", nargs="+", metavar="URL|NAME", help="URLs, websites, names or DOIs")
    update = actions.add_parser("update", help="rebuild the data from Cite Unseen's live pages (network)")
    update.add_argument("--timeout", type=float, default=30, help="seconds to wait for Meta-Wiki")
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
    chosen = source_data_in_use(assess.source_data, Path(data_dir) if data_dir else default_data_dir())
    return replace(assess, source_data=str(chosen) if chosen else None)


def run(args: argparse.Namespace) -> int:
    if args.action == "update":
        return _update(args)
    assess = with_user_data(load_config(args.config).assess, args.data_dir)
    if args.action == "info":
        print(_info(assess.source_data))
        return 0
    index = SourceIndex.create(assess)
    print("\n\n".join(render_explanation(explain_source(target, index, assess)) for target in args.targets))
    return 0


def render_explanation(explanation: Explanation) -> str:
    """The ruling, then every match with its level and origin; ``*`` marks the deciding ones."""
    profile = explanation.profile
    lines = [
        f"{explanation.target} (looked up as a {explanation.looked_up_as})",
        f"  ruling: {profile.kind}, {profile.reliability.value} → {explanation.decision}",
    ]
    for label, match in (("kind", explanation.kind_from), ("reliability", explanation.reliability_from)):
        if match:
            lines.append(f"  {label} from: {match.key} ({LEVELS[match.level]})")
    if not explanation.matches:
        lines.append("  nothing matched: no list names this source and no rule applies")
    else:
        lines.append("  matched, highest precedence first:")
    for match in explanation.matches:
        mark = "*" if match in (explanation.kind_from, explanation.reliability_from) else " "
        found = match.profile
        lines.append(f"  {mark} [{LEVELS[match.level]}] {match.key}: {found.kind}, {found.reliability.value}")
        lines.append(f"      {found.reason}")
        if match.origin:
            lines.append(f"      from: {'; '.join(match.origin)}")
    return "\n".join(lines)


def _update(args: argparse.Namespace) -> int:
    data_dir = Path(args.data_dir) if args.data_dir else default_data_dir()
    result = update_source_data(data_dir, timeout=args.timeout)
    print(f"read {len(result.pages)} Cite Unseen pages from Meta-Wiki at {result.fetched}")
    if result.missing:
        print(f"missing on Meta-Wiki (skipped): {', '.join(result.missing)}")
    print(f"wrote {result.data_file} ({result.sites} sites); it now takes precedence over the bundled data")
    return 0


def _info(source_data: str | None) -> str:
    path = Path(source_data) if source_data else SOURCES_JSON
    data = load_source_data(path)
    if not isinstance(data.get("date"), str):
        raise InputError(f"{path}: the source data has no date; run `spector-refs sources update`")
    age = (date.today() - date.fromisoformat(data["date"][:10])).days
    where = "from your data directory or configuration" if source_data else "bundled"
    lines = [
        f"source data in use: {path} ({where})",
        f"version {data.get('version')}, built {data['date']} ({age} days ago)",
        f"licence: {data.get('licence')}",
        f"{len(data['sites'])} sites, {len(data['names'])} names, {len(data['suffixes'])} suffixes, "
        f"{len(data['rules']['brands'])} brand families, {len(data['rules']['page'])} page rules",
        "built from:",
    ]
    for item in data.get("generated_from", ()):
        extra = {key: value for key, value in item.items() if key not in ("file", "sha256", "title")}
        lines.append(f"  {item['file']}: {item.get('title', '')} {json.dumps(extra, ensure_ascii=False)}")
    return "\n".join(lines)
