"""What ``spector-refs sources`` prints: a source's ruling and why, the data in use, an update.

The assessor decides (:mod:`spector_refs.assess.explain`, :mod:`spector_refs.assess.update`);
this module only words its answers for people.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import date
from pathlib import Path
from typing import Any

from spector_refs.assess.explain import Explanation
from spector_refs.assess.sources import LEVELS
from spector_refs.assess.update import UpdateResult


def explanation_text(explanation: Explanation) -> str:
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


def source_data_text(path: Path, data: Mapping[str, Any], *, bundled: bool, today: date) -> str:
    """Which source data is in use, its version and age, its size and what it was built from."""
    age = (today - date.fromisoformat(data["date"][:10])).days
    where = "bundled" if bundled else "from your data directory or configuration"
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


def update_text(result: UpdateResult) -> str:
    """What ``sources update`` read and wrote."""
    lines = [f"read {len(result.pages)} Cite Unseen pages from Meta-Wiki at {result.fetched}"]
    if result.missing:
        lines.append(f"missing on Meta-Wiki (skipped): {', '.join(result.missing)}")
    lines.append(
        f"wrote {result.data_file} ({result.sites} sites); it now takes precedence over the bundled data"
    )
    return "\n".join(lines)
