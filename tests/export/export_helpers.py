"""Helpers the export tests share: golden cases and an inverse of our LaTeX escaping."""

from __future__ import annotations

import json
import re
import unicodedata
from pathlib import Path

from spector_refs.export import export
from spector_refs.export.latex import ACCENTS, UNICODE_COMMANDS
from spector_refs.model import LinkResult, Name, Reference, Verdict

CASES = Path(__file__).parent.parent / "fixtures" / "export" / "cases"
SUFFIXES = {"biblatex": ".biblatex.bib", "bibtex": ".bibtex.bib", "csl-json": ".csl.json", "ris": ".ris"}


def load_case(name: str) -> tuple[tuple[Reference, ...], dict[str, LinkResult]]:
    """The references and link results of ``cases/<name>.json``."""
    data = json.loads((CASES / f"{name}.json").read_text(encoding="utf-8"))
    refs = tuple(_reference(item) for item in data["references"])
    links = {
        url: LinkResult(url=url, **{**result, "verdict": Verdict(result["verdict"])})
        for url, result in data.get("links", {}).items()
    }
    return refs, links


def _reference(item: dict) -> Reference:
    fields = dict(item)
    for role in ("authors", "editors", "translators", "revisers"):
        fields[role] = tuple(Name(**name) for name in fields.get(role, ()))
    for many in ("maintenance", "problems"):
        fields[many] = tuple(fields.get(many, ()))
    return Reference(**fields)


def case_names() -> list[str]:
    return sorted(path.stem for path in CASES.glob("*.json") if "." not in path.stem)


_INVERSE = {
    "{\\textbackslash}": "\\",
    "\\{\\vphantom{\\}}": "{",
    "\\vphantom{\\{}\\}": "}",
    "{\\textasciitilde}": "~",
    "{\\textasciicircum}": "^",
    "\\#": "#",
    "\\$": "$",
    "\\%": "%",
    "\\&": "&",
    "\\_": "_",
    **{command: char for char, command in UNICODE_COMMANDS.items()},
}
_COMMAND_OF_ACCENT = {command: mark for mark, command in ACCENTS.items()}
_ACCENTED = re.compile(
    r"\{\\("
    + "|".join(re.escape(c) + ("(?= )" if c.isalpha() else "") for c in _COMMAND_OF_ACCENT)
    + r") ?([A-Za-z])\}"
)
_TOKEN = re.compile(
    "|".join(re.escape(k) for k in sorted(_INVERSE, key=len, reverse=True))
    + r"|"
    + _ACCENTED.pattern
    + r"|[{}]"
)


def decode(value: str) -> str:
    """What a reader sees: our escapes undone, grouping braces dropped.

    Written independently of the exporter's code path (a table and a regex),
    so that a value decoding back to its input proves the escaping was
    complete and unambiguous.
    """
    return _TOKEN.sub(_replacement, value)


def _replacement(match: re.Match[str]) -> str:
    token = match.group()
    if token in _INVERSE:
        return _INVERSE[token]
    if match.group(1):
        return unicodedata.normalize("NFC", match.group(2) + _COMMAND_OF_ACCENT[match.group(1)])
    return ""


ALLOWED_COMMANDS = frozenset(
    {"textbackslash", "vphantom", "textasciitilde", "textasciicircum", "url"}
    | {command.strip("{}\\") for command in UNICODE_COMMANDS.values() if "\\" in command}
    | {command for command in ACCENTS.values() if command.isalpha()}
)


def commands_in(value: str) -> set[str]:
    """Every LaTeX control word in a raw .bib value (control symbols like ``\\%`` are escapes)."""
    return set(re.findall(r"\\([a-zA-Z]+)", value))


def regenerate() -> None:
    """Rewrite every golden file from the current exporter (review the diff afterwards)."""
    for name in case_names():
        refs, links = load_case(name)
        for format, suffix in SUFFIXES.items():
            (CASES / f"{name}{suffix}").write_text(export(refs, format, links=links), encoding="utf-8")
