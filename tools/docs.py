"""Regenerate the documentation's tables from the one place each vocabulary is defined.

    python tools/docs.py           # rewrite every generated table in docs/
    python tools/docs.py --check   # exit 1 naming the stale tables (tests/test_docs.py runs this)

A generated table sits between ``<!-- generated: NAME (tools/docs.py) -->`` and
``<!-- /generated: NAME -->`` and is never edited by hand: the finding kinds
come from the registry (:mod:`spector_refs.findings`, the same text as
``spector-refs kinds --format markdown``), the configuration keys from the
fields of :class:`LinkCheckConfig` and :class:`AssessConfig` (their
``setting(..., doc=...)``). A build-time tool, so it lives outside the package.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections.abc import Callable
from dataclasses import MISSING, Field
from enum import Enum
from pathlib import Path
from typing import Any

from spector_refs import settings
from spector_refs.assess.config import AssessConfig
from spector_refs.check.config import LinkCheckConfig
from spector_refs.report.kinds import kinds_markdown

ROOT = Path(__file__).resolve().parent.parent


def settings_table(kind: type) -> str:
    """The key / default / meaning table of one configuration section."""
    lines = ["| key | default | meaning |", "|---|---|---|"]
    for field in settings.keys(kind):
        key = settings.key_of("", field.name)
        lines.append(f"| `{key}` | {_default(field)} | {field.metadata['doc']} |".replace("\n", " "))
    return "\n".join(lines)


def _default(field: Field[Any]) -> str:
    if field.metadata["shown"]:
        return str(field.metadata["shown"])
    if field.default is MISSING and callable(field.default_factory):
        return _written(field.default_factory())
    return _written(field.default)


def _written(value: Any) -> str:
    """A default as the TOML file would spell it."""
    if isinstance(value, bool):
        return f"`{str(value).lower()}`"
    if value is None:
        return "none"
    if isinstance(value, Enum):
        return f"`{value.value}`"
    if isinstance(value, frozenset | set | tuple | list):
        items = sorted(str(item.value if isinstance(item, Enum) else item) for item in value)
        return ", ".join(items) if items else "[]"
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return f"`{value}`" if isinstance(value, str) else str(value)


GENERATED: dict[str, tuple[str, Callable[[], str]]] = {
    "finding-kinds": ("docs/assessment.md", kinds_markdown),
    "assess-settings": ("docs/assessment.md", lambda: settings_table(AssessConfig)),
    "links-settings": ("docs/links.md", lambda: settings_table(LinkCheckConfig)),
}
"""Each generated table: the document it lives in and what writes it."""


def _block(name: str) -> re.Pattern[str]:
    marker = re.escape(name)
    opening = rf"<!-- generated: {marker} \(tools/docs\.py\) -->\n"
    return re.compile(rf"({opening})(.*?)(\n<!-- /generated: {marker} -->)", re.S)


def regenerate(root: Path = ROOT) -> dict[Path, str]:
    """Every document with generated tables, as it should read (a missing marker is an error)."""
    documents: dict[Path, str] = {}
    for name, (relative, render) in GENERATED.items():
        path = root / relative
        text = documents.get(path) or path.read_text(encoding="utf-8")
        pattern = _block(name)
        if not pattern.search(text):
            raise SystemExit(f"{relative}: no generated block {name!r} (add its markers)")
        documents[path] = pattern.sub(_replacement(render()), text)
    return documents


def _replacement(table: str) -> Callable[[re.Match[str]], str]:
    """The block with its markers kept and the table between them replaced."""
    return lambda match: match.group(1) + table + match.group(3)


def stale(root: Path = ROOT) -> list[str]:
    """The documents whose generated tables differ from what the definitions say."""
    return [
        str(path.relative_to(root))
        for path, text in regenerate(root).items()
        if path.read_text(encoding="utf-8") != text
    ]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="report stale tables instead of rewriting them")
    args = parser.parse_args(argv)
    if args.check:
        out_of_date = stale()
        for relative in out_of_date:
            print(f"{relative}: generated tables are stale; run python tools/docs.py", file=sys.stderr)
        return 1 if out_of_date else 0
    for path, text in regenerate().items():
        path.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
