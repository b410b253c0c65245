"""Readers for the upstream lists the bundled source data is built from.

Only ``build.py`` uses them: the perennial-sources CSV (Wikipedia editors'
consensus per source, with the domains its row links to), the regex rules
of the unreliable.js user script (Ruby port), whose alternations are spelt
out into plain domains, host paths and DOI prefixes so that matching at run
time is an exact lookup on the registrable domain, not a regex scan, and
Cite Unseen's categorised domains — the old JSON snapshot or the live
Meta-Wiki pages ``sources update`` fetches — and the plain site lists of
other communities (predatory publishers, state media, government domains,
wikis, blogs): one site per line, or a CSV whose site and category columns
the curation names.
"""

from __future__ import annotations

import csv
import json
import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any

import mwparserfromhell

STATUS = {
    "Generally reliable": "generally-reliable",
    "No consensus": "no-consensus",
    "Generally unreliable": "generally-unreliable",
    "Deprecated": "deprecated",
    "Blacklisted": "blacklisted",
}
STRICTNESS = (
    "unknown", "generally-reliable", "no-consensus", "generally-unreliable", "deprecated", "blacklisted",
)  # fmt: skip


def strictest(*values: str | None) -> str:
    """The most severe of several reliability values ("blacklisted" beats "deprecated")."""
    known = [value for value in values if value]
    return max(known, key=STRICTNESS.index) if known else "unknown"


@dataclass(frozen=True)
class PerennialRow:
    """One row of the perennial-sources list."""

    title: str
    name: str
    aliases: tuple[str, ...]
    reliability: str | None
    urls: tuple[str, ...]
    info: str


def read_perennial(path: Path) -> list[PerennialRow]:
    """The rows of the perennial-sources CSV, statuses mapped to our reliability words."""
    with path.open(encoding="utf-8", newline="") as handle:
        return [_perennial_row(row) for row in csv.DictReader(handle)]


def _perennial_row(row: dict[str, str]) -> PerennialRow:
    statuses = [STATUS[s] for s in json.loads(row["status"]) if s in STATUS]
    name, aliases = split_name(row["name"])
    return PerennialRow(
        title=row["name"],
        name=name,
        aliases=aliases,
        reliability=strictest(*statuses) if statuses else None,
        urls=tuple(json.loads(row["urls"])),
        info=" ".join(row["info"].split()),
    )


def split_name(text: str) -> tuple[str, tuple[str, ...]]:
    """ "CNN (Cable News Network)" → ("CNN", ("Cable News Network",)).

    Parenthesised topic qualifiers ("(talk shows)", "(UK)") are not names of
    the source and are dropped: an alias must start with a capital and have
    three characters or more.
    """
    name = re.sub(r"\s*\([^)]*\)", "", text).strip()
    aliases = [
        alias.strip()
        for group in re.findall(r"\(([^)]*)\)", text)
        for alias in group.split(",")
        if len(alias.strip()) >= 3 and alias.strip()[0].isupper()
    ]
    return name or text, tuple(aliases)


@dataclass(frozen=True)
class ScriptRule:
    """One rule of unreliable.js: its comment and what its regex matches."""

    comment: str
    sites: tuple[str, ...]
    doi_prefixes: tuple[str, ...]


def read_unreliable_js(path: Path, expand: dict[str, str]) -> list[ScriptRule]:
    """The rules of the Ruby port of unreliable.js, each regex spelt out."""
    rules, comment = [], None
    for line in path.read_text(encoding="utf-8").splitlines():
        text = line.strip()
        if text.startswith("comment:"):
            comment = text.split("'")[1]
        elif text.startswith("regex: /") and comment:
            body = text[len("regex: /") :].rstrip(",").rsplit("/", 1)[0]
            rules.append(_rule(comment, body, expand))
    return rules


def _rule(comment: str, body: str, expand: dict[str, str]) -> ScriptRule:
    body = re.sub(r"^\\b|\\b$", "", body)
    doi = body.startswith(r"10\.")
    inner = body[len(r"10\.") :].replace(r"\d+", "") if doi else body
    alternatives = sorted(set(_expand_alternation(inner)))
    if doi:
        prefixes = tuple(sorted({_doi_prefix(alt) for alt in alternatives}))
        return ScriptRule(comment, (), prefixes)
    sites = {expand.get(site, site) for site in map(_site, alternatives) if site}
    return ScriptRule(comment, tuple(sorted(sites)), ())


def _site(alternative: str) -> str | None:
    """A plain "host[/path]" from one alternative, or None for placeholders and comments."""
    site = alternative.replace("[^-]", "").lstrip(".").lower()
    if "<!--" in site or site.startswith("test.") or not re.fullmatch(r"[a-z0-9.\-/_]+", site):
        return None
    return site


def _doi_prefix(alternative: str) -> str:
    prefix = "10." + alternative
    return prefix if "/" in prefix else prefix + "/"


def _expand_alternation(pattern: str) -> Iterator[str]:
    """Every string a regex of literals, ``(?:a|b)`` groups and ``(%2F|\\/)`` matches."""
    pattern = pattern.replace(r"(%2F|\/)", "/").replace(r"\/", "/")
    for branch in _split_top(_strip_group(pattern)):
        yield from _expand_branch(branch)


def _strip_group(pattern: str) -> str:
    if pattern.startswith("(?:") and _closing(pattern, 0) == len(pattern) - 1:
        return pattern[3:-1]
    return pattern


def _expand_branch(branch: str) -> Iterator[str]:
    start = branch.find("(")
    if start < 0:
        yield branch.replace("\\", "")
        return
    end = _closing(branch, start)
    group = branch[start + 1 : end].removeprefix("?:")
    for head in _split_top(group):
        yield from _expand_branch(branch[:start] + head + branch[end + 1 :])


def _closing(text: str, start: int) -> int:
    depth = 0
    for index in range(start, len(text)):
        depth += {"(": 1, ")": -1}.get(text[index], 0)
        if depth == 0:
            return index
    return len(text) - 1


def _split_top(text: str) -> list[str]:
    parts, depth, current = [], 0, ""
    for char in text:
        depth += {"(": 1, ")": -1}.get(char, 0)
        if char == "|" and depth == 0:
            parts.append(current)
            current = ""
        else:
            current += char
    return [*parts, current]


@dataclass(frozen=True)
class ListedSite:
    """One entry of a categorised list (Cite Unseen): a site, or a section of one."""

    category: str
    host: str
    path: str
    origin: str
    name: str = ""


def read_cite_unseen_json(path: Path, origin: str) -> list[ListedSite]:
    """The entries of Cite Unseen's ``categorized-domains.json``: ``{category: ["host/path", …]}``."""
    data = json.loads(path.read_text(encoding="utf-8"))
    return [site for category, entries in data.items() for site in _listed(category, entries, origin)]


def read_cite_unseen_pages(pages: dict[str, str], origin: str) -> list[ListedSite]:
    """The entries of the Meta-Wiki pages ``Cite_Unseen/sources/*`` (wikitext by title).

    Each page lists ``{{CULink|example.org}}`` templates under level-3 headings
    that name the category (``=== blogs ===``, ``=== enRspDeprecated ===``).
    Entries that add conditions (``|author=…``) are left out: they rule on some
    of a site's articles only, which a URL alone cannot tell.
    """
    listed: list[ListedSite] = []
    for title, text in sorted(pages.items()):
        for section in mwparserfromhell.parse(text).get_sections(levels=[3]):
            heading = str(section.filter_headings()[0].title).strip()
            urls = [_culink_url(template) for template in section.filter_templates(recursive=False)]
            listed += _listed(heading, [url for url in urls if url], f"{origin}: {title}")
    return listed


def _culink_url(template: Any) -> str | None:
    if str(template.name).strip().lower() != "culink":
        return None
    params = {str(param.name).strip(): str(param.value).strip() for param in template.params}
    url = params.pop("1", None) or params.pop("url", None)
    return url if url and not params else None


def read_site_list(path: Path, origin: str, shape: Mapping[str, Any]) -> list[ListedSite]:
    """The sites of a plain list: one ``host[/path]`` or URL a line (``#`` starts a comment), category "".

    A ``.csv`` list is read by the column names in ``shape["columns"]``:
    ``site``, and optionally ``category`` and ``name`` (how editors write the
    source's name). ``category`` may name several columns (OpenSources gives a
    site up to three types): the site is then listed once under each value.
    ``shape["moved"]`` replaces a site the list gives too broadly ("google.com"
    for Google Maps) by the part the entry is about ("google.com/maps");
    ``shape["trim"]``, a regular expression, is cut from
    each site first (a wiki's ``/w/api.php`` entry point, leaving the wiki).
    """
    moved: Mapping[str, str] = shape.get("moved", {})
    trim = re.compile(shape.get("trim", "(?!)"), re.I)

    def sites(category: str, text: str, name: str = "") -> Iterator[ListedSite]:
        text = trim.sub("", moved.get(text, text))
        return (replace(item, name=name) for item in _listed(category, [text], origin))

    if path.suffix != ".csv":
        lines = (line.split("#")[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
        return [item for line in lines if line for item in sites("", line)]
    with path.open(encoding="utf-8", newline="") as handle:
        rows = list(csv.DictReader(handle))
    columns = shape.get("columns", {"site": "site"})
    site, name = columns["site"], columns.get("name")
    category = columns.get("category", [])
    categories = [category] if isinstance(category, str) else category
    return [
        item
        for row in rows
        for value in _categories(row, categories)
        for item in sites(value, row[site], row[name] if name else "")
    ]


def _categories(row: Mapping[str, str], columns: list[str]) -> list[str]:
    """The row's distinct non-empty values in the category columns, or "" when there are none."""
    values = [row[column].strip() for column in columns if row[column].strip()]
    return list(dict.fromkeys(values)) or [""]


def _listed(category: str, entries: list[str], origin: str) -> Iterator[ListedSite]:
    for entry in entries:
        text = re.split(r"[?#]", re.sub(r"^[a-z]+://", "", entry.strip().lower()))[0]
        host, _, path = text.partition("/")
        host = host.removeprefix("www.")
        if "." in host.strip(".") and not host.endswith(".") and "*" not in text:
            yield ListedSite(category, host, path.rstrip("/"), origin)
