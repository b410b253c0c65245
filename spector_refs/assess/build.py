"""Build the bundled source data, ``sources.json``, from the upstream lists and our curation.

Run ``python -m spector_refs.assess.build`` from the checkout after changing
anything under ``spector_refs/assess/data/`` (the upstream copies or
``curation.toml``); it writes the package's own ``data/sources.json``, and
``--check`` only reports (exit 1) whether that file is current, which a test
runs too. The output is deterministic (no clock, sorted keys) so the check can
compare bytes.

Precedence when entries meet: a curated ``[[source]]`` > a curated ``[[group]]``
> the upstream lists (the strictest reliability of the perennial list,
unreliable.js, Cite Unseen and the plain lists wins, except that a list marked
``outside`` — a fact-checker's or researcher's rating of news sites, which
Wikipedia's editors may judge otherwise — counts only where none of the others
rates the site; the kind of the first Cite Unseen category in
``[cite_unseen] categories``, then of the plain lists in their order, where plain
"news" gives way to a later list's tabloid or state media) > what the perennial
entry's own wording says the source is. The URL-shape rules of
``[rules]`` are copied in, with the brand families the lists themselves reveal
(a name listed under two suffixes).

The merge is inside the package, with the developer's command beside it,
because ``spector-refs sources update`` rebuilds the data from the live
Meta-Wiki pages at run time, on the user's machine, with the same code; that
command's imports stay inside :func:`main` so importing the merge costs nothing
more.
"""

from __future__ import annotations

import hashlib
import json
import re
import tomllib
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

from spector_refs.assess.names import normalise_name
from spector_refs.assess.sources import listed_reason, origin_text
from spector_refs.assess.upstream import (
    ListedSite,
    PerennialRow,
    ScriptRule,
    read_cite_unseen_json,
    read_cite_unseen_pages,
    read_perennial,
    read_site_list,
    read_unreliable_js,
    split_name,
    strictest,
)
from spector_refs.domains import public_suffix, registrable_domain, website_name

DATA = Path(__file__).parent / "data"
PERENNIAL = "perennial-sources-2021-03-17.csv"
SCRIPT = "unreliable-js-rules-2022-01.rb.txt"
CITE_UNSEEN = "cite-unseen-categorized-domains.json"
CITE_UNSEEN_STRINGS = "cite-unseen-categorized-strings.json"
LIVE = "cite-unseen-meta.json"
FORMAT = 2
"""2: an entry's ``origin`` is one string, a line per list (:func:`.sources.entry_origins`)."""
_CURATION_TITLE = "spector_refs curation of source kinds"
_PERENNIAL_LABEL = "Wikipedia's perennial sources list (2021-03-17)"


def build_sources(data_dir: Path = DATA, live: Path | None = None) -> dict[str, Any]:
    """The content of ``sources.json`` for the files in ``data_dir``.

    ``live`` is a file written by ``sources update`` (the Meta-Wiki pages of
    Cite Unseen); it replaces the bundled Cite Unseen snapshot.
    """
    curation = tomllib.loads((data_dir / "curation.toml").read_text(encoding="utf-8"))
    sites: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    info_kinds = [(re.compile(pattern, re.I), kind) for pattern, kind in curation["perennial"]["info_kinds"]]
    rows = read_perennial(data_dir / "upstream" / PERENNIAL)
    _add_perennial(rows, curation["perennial"], sites, names)
    rules = read_unreliable_js(data_dir / "upstream" / SCRIPT, curation["unreliable_js"]["expand"])
    _add_script_rules(rules, curation["unreliable_js"]["rules"], sites)
    suffixes = dict(curation["suffixes"])
    categories = curation["cite_unseen"]["categories"]
    _add_listed(_cite_unseen_rulings(_cite_unseen(data_dir, live), categories), sites, suffixes)
    for file, config in curation["lists"].items():
        _add_listed(_list_rulings(data_dir / "upstream" / file, config, names), sites, suffixes)
    for group in curation["group"]:
        for domain in group["domains"]:
            _site(sites, domain)["group"] = group
    for source in curation["source"]:
        _add_curated(source, sites, names)
    resolved = {key: _resolve(raw, info_kinds) for key, raw in sorted(sites.items())}
    strings = json.loads((data_dir / "upstream" / CITE_UNSEEN_STRINGS).read_text(encoding="utf-8"))
    meta = json.loads(live.read_text(encoding="utf-8")) if live else {}
    return {
        "format": FORMAT,
        "version": curation["version"] + (f"+live.{meta['fetched'][:10]}" if meta else ""),
        "date": meta["fetched"][:10] if meta else curation["date"],
        "licence": curation["licence"],
        "generated_from": _provenance(data_dir, curation["upstream"], live),
        "sites": resolved,
        "names": dict(sorted(names.items())),
        "suffixes": dict(sorted(suffixes.items())),
        "doi_prefixes": _doi_prefixes(rules, curation["unreliable_js"]["rules"]),
        "rules": _rules(curation["rules"], resolved, _string_rules(strings, categories, curation["rules"])),
    }


_ONE_LINE_EACH = ("sites", "names", "suffixes", "doi_prefixes")
"""The big maps, written one entry a line: a site's change is a one-line diff, and the file stays
some 700 kB smaller than with every key of every entry on its own line."""


def render(data: dict[str, Any]) -> str:
    """The JSON text written to disk: stable key order, one trailing newline."""
    parts = []
    for key in sorted(data):
        value = data[key]
        if key in _ONE_LINE_EACH:
            lines = (f" {_compact(name)}: {_compact(value[name])}" for name in sorted(value))
            parts.append(f"{_compact(key)}: {{\n" + ",\n".join(lines) + "\n}")
        else:
            nested = json.dumps(value, indent=1, sort_keys=True, ensure_ascii=False)
            parts.append(f"{_compact(key)}: {nested}")
    return "{\n" + ",\n".join(parts) + "\n}\n"


def _compact(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _site(sites: dict[str, dict[str, Any]], key: str) -> dict[str, Any]:
    return sites.setdefault(key.lower().removeprefix("www."), {"rules": []})


def _add_perennial(
    rows: list[PerennialRow], config: dict[str, Any], sites: dict[str, dict[str, Any]], names: dict[str, str]
) -> None:
    for row in rows:
        keys = _perennial_keys(row, config)
        for key in keys:
            _site(sites, key).setdefault("perennial", []).append(row)
        home = keys[0] if keys else website_name(row.name) or f"name:{normalise_name(row.name)}"
        if not keys:
            _site(sites, home).setdefault("perennial", []).append(row)
        for name in (row.name, *row.aliases):
            names.setdefault(normalise_name(name), home.removeprefix("www."))


def _perennial_keys(row: PerennialRow, config: dict[str, Any]) -> list[str]:
    """The row's own domains: linked reference sites dropped, section paths dropped."""
    keys: list[str] = []
    for url in row.urls:
        site = url.lstrip("/").lower().removeprefix("www.")
        host = site.split("/")[0]
        if any(host == noise or host.endswith("." + noise) for noise in config["noise_domains"]):
            continue
        key = site if site in config["keep_paths"] else host
        if key not in keys:
            keys.append(key)
    return keys


def _add_script_rules(
    rules: list[ScriptRule], rulings: dict[str, dict[str, str]], sites: dict[str, dict[str, Any]]
) -> None:
    for rule in rules:
        ruling = rulings[rule.comment]
        for site in rule.sites:
            host, _, path = site.partition("/")
            if path:
                reason = f"flagged by unreliable.js (2022-01): {rule.comment}"
                _site(sites, host)["rules"].append({"path": f"/{path}*", **ruling, "reason": reason})
            else:
                _site(sites, host).setdefault("script", []).append((rule.comment, ruling))


def _cite_unseen(data_dir: Path, live: Path | None) -> list[ListedSite]:
    if live is None:
        return read_cite_unseen_json(data_dir / "upstream" / CITE_UNSEEN, "Cite Unseen")
    pages = json.loads(live.read_text(encoding="utf-8"))["pages"]
    texts = {title: page["content"] for title, page in pages.items()}
    return read_cite_unseen_pages(texts, "Cite Unseen on Meta-Wiki")


def category_ruling(category: str, categories: list[list[Any]]) -> dict[str, str] | None:
    """What a Cite Unseen category says (kind and/or reliability), None for categories we skip."""
    for pattern, ruling in categories:
        if re.search(pattern, category):
            return dict(ruling)
    return None


def _cite_unseen_rulings(
    listed: list[ListedSite], categories: list[list[Any]]
) -> Iterator[tuple[ListedSite, dict[str, str]]]:
    for item in listed:
        ruling = category_ruling(item.category, categories)
        if ruling is not None:
            yield item, ruling


def _list_rulings(
    path: Path, config: dict[str, Any], names: dict[str, str]
) -> Iterator[tuple[ListedSite, dict[str, str]]]:
    """A ``[lists]`` file's entries with the ruling of their category; the entry's names join ``names``.

    A category the list's ``rulings`` do not name says nothing we use (the
    State Media Matrix's independent public media, say) and is left out. The
    reliability of an ``outside`` list is marked so that :func:`_resolve` lets
    the other lists (Wikipedia's editors' own) overrule it.
    """
    for item in read_site_list(path, config["label"], config):
        ruling = dict(config["rulings"].get(item.category) or config["rulings"].get("*", {}))
        if not ruling:
            continue
        if config.get("outside") and "reliability" in ruling:
            ruling["outside"] = True
        if item.name and not item.path:
            _add_names(item.name, item.host, names)
        yield replace(item, category=ruling.pop("as")), ruling


def _add_names(text: str, key: str, names: dict[str, str]) -> None:
    """ "Fox News (talk shows); Fox News (politics)": each part's name and aliases, unless already taken."""
    for part in text.split("; "):
        name, aliases = split_name(part)
        for each in (name, *aliases):
            names.setdefault(normalise_name(each), key)


def _add_listed(
    listed: Iterable[tuple[ListedSite, dict[str, str]]],
    sites: dict[str, dict[str, Any]],
    suffixes: dict[str, dict[str, str]],
) -> None:
    """Listed entries: sections become path rules, government suffixes join the suffixes."""
    for item, ruling in listed:
        reason = f"listed as {item.category} by {item.origin}"
        is_suffix = item.host in suffixes or public_suffix(item.host) == item.host
        if ruling.get("kind") in ("state-media", "government") and is_suffix:
            suffix = {"kind": "government", "reason": f"a government suffix ({reason})"}
            suffixes.setdefault(item.host, suffix)
        elif item.path:
            rule = {"path": f"/{item.path}*", **ruling, "reason": reason}
            _site(sites, item.host)["rules"].append({key: rule[key] for key in rule if key != "outside"})
        else:
            entries = _site(sites, item.host).setdefault("listed", [])
            if (item.category, item.origin, ruling) not in entries:  # a list naming example.org and www.
                entries.append((item.category, item.origin, ruling))


def _add_curated(source: dict[str, Any], sites: dict[str, dict[str, Any]], names: dict[str, str]) -> None:
    key = source.get("domain") or f"name:{normalise_name(source['names'][0])}"
    site = _site(sites, key)
    if "path" in source or "title" in source:
        keys = ("path", "title", "reliability", "kind", "reason")
        rule: dict[str, Any] = {k: source[k] for k in keys if k in source}
        site.setdefault("curated_rules", []).append(rule)
    else:
        site["curated"] = source
    for name in source.get("names", ()):
        names[normalise_name(name)] = key.lower().removeprefix("www.")


def _resolve(raw: dict[str, Any], info_kinds: list[tuple[re.Pattern[str], str]]) -> dict[str, Any]:
    """One site's entry: reliability, kind, name, a reason in words, and where each came from."""
    curated, group = raw.get("curated", {}), raw.get("group", {})
    rows: list[PerennialRow] = raw.get("perennial", [])
    script: list[tuple[str, dict[str, str]]] = raw.get("script", [])
    listed: list[tuple[str, str, dict[str, str]]] = raw.get("listed", [])
    upstream = strictest(
        _perennial_reliability(rows),
        *(ruling["reliability"] for _, ruling in script),
        *(ruling.get("reliability") for _, _, ruling in listed if not ruling.get("outside")),
    )
    if upstream == "unknown":  # the other lists are silent: the outside lists' word
        upstream = _outside_reliability(
            [ruling.get("reliability") for _, _, ruling in listed if ruling.get("outside")]
        )
    listed_kinds = [ruling["kind"] for _, _, ruling in listed if "kind" in ruling]
    script_kinds = [ruling["kind"] for _, ruling in script if ruling["kind"] != "unknown"]
    kind = curated.get("kind") or group.get("kind") or _listed_kind(listed_kinds + script_kinds)
    entry: dict[str, Any] = {
        "reliability": curated.get("reliability") or strictest(upstream, group.get("reliability")),
        "kind": kind or _kind_from_wording(rows, info_kinds) or "unknown",
        "reason": "; ".join(_reasons(curated, group, rows, script, listed)),
        "origin": _origins(curated, group, rows, script, listed),
    }
    if entry["reason"] == listed_reason(entry["origin"]):
        del entry["reason"]  # the loader words it from the origins (keeps sources.json small)
    entry["origin"] = origin_text(entry["origin"])
    if any(ruling.get("sanctioned") for _, _, ruling in listed):
        entry["sanctioned"] = True  # an official sanctions list names it (see AssessConfig.sanctioned_weak)
    name = (curated.get("names") or [None])[0] or (rows[0].name if rows else None)
    if name:
        entry["name"] = name
    site_rules = raw.get("curated_rules", []) + raw["rules"]
    if site_rules:
        entry["rules"] = site_rules
    return entry


def _outside_reliability(values: list[str | None]) -> str:
    """The outside lists' strictest word, unless one calls the site reliable and another unreliable.

    Fact-checkers and researchers disagree about some sites (OpenSources rates
    NutritionFacts.org reliable, Media Bias/Fact Check pseudoscience): no
    consensus, not the harsher rating, since none of them is Wikipedia's.
    """
    rated = {value for value in values if value}
    if "generally-reliable" in rated and rated & {"generally-unreliable", "deprecated", "blacklisted"}:
        return "no-consensus"
    return strictest(*rated)


_SPECIFIC_NEWS = ("tabloid", "state-media")
"""Kinds of news outlet that say more than "news": one list calling a paper news and another a
tabloid (Cite Unseen's news pages list the Kronen Zeitung) is no disagreement."""


def _listed_kind(kinds: list[str]) -> str | None:
    """The first kind the lists give, unless it is plain "news" and a later list says which kind."""
    first = next(iter(kinds), None)
    if first == "news":
        return next((kind for kind in kinds if kind in _SPECIFIC_NEWS), first)
    return first


def _perennial_reliability(rows: list[PerennialRow]) -> str | None:
    """One reliability for a domain: rows that disagree (by topic) mean no consensus."""
    values = {row.reliability for row in rows if row.reliability}
    if not values:
        return None
    return values.pop() if len(values) == 1 else "no-consensus"


def _kind_from_wording(rows: list[PerennialRow], info_kinds: list[tuple[re.Pattern[str], str]]) -> str | None:
    """What the first sentence of the perennial entry calls the source ("a German tabloid")."""
    for row in rows:
        sentence = row.info.split(". ")[0]
        for pattern, kind in info_kinds:
            if pattern.search(sentence):
                return kind
    return None


def _reasons(
    curated: dict[str, Any],
    group: dict[str, Any],
    rows: list[PerennialRow],
    script: list[tuple[str, dict[str, str]]],
    listed: list[tuple[str, str, dict[str, str]]],
) -> list[str]:
    reasons = [text for text in (curated.get("reason"), group.get("reason")) if text][:1]
    if rows:
        verdicts = sorted({f"{_words(row.reliability)} ({row.title})" for row in rows})
        reasons.append(f"{', '.join(verdicts)} on {_PERENNIAL_LABEL}")
    reasons.extend(f"flagged by unreliable.js (2022-01): {comment}" for comment, _ in script)
    reasons.extend(f"listed as {category} by {origin}" for category, origin, _ in listed)
    if curated.get("reliability"):
        reasons.append(f"rated {curated['reliability']} by spector_refs curation")
    return reasons or ["listed by spector_refs curation"]


def _words(reliability: str | None) -> str:
    return (reliability or "unknown").replace("-", " ")


def _origins(
    curated: dict[str, Any],
    group: dict[str, Any],
    rows: list[PerennialRow],
    script: list[tuple[str, dict[str, str]]],
    listed: list[tuple[str, str, dict[str, str]]],
) -> list[str]:
    origins = [f"perennial: {row.title}" for row in rows]
    origins += [f"unreliable.js: {comment}" for comment, _ in script]
    origins += [f"{origin}: {category}" for category, origin, _ in listed]
    origins += [f"curation: {label}" for label, present in (("group", group), ("source", curated)) if present]
    return origins


def _string_rules(
    strings: dict[str, list[str]], categories: list[list[Any]], curated: dict[str, Any]
) -> list[dict[str, Any]]:
    """Cite Unseen's URL strings ("-irpt") as page rules, unless a curated rule already catches them."""
    rules = []
    for category, entries in sorted(strings.items()):
        ruling = category_ruling(category, categories)
        for text in entries:
            caught = any(re.search(rule["path"], text) for rule in curated["page"] if "path" in rule)
            if ruling and "kind" in ruling and not caught:
                reason = f"the URL contains {text!r}, listed as {category} by Cite Unseen"
                rule = {"name": f"URL string {text}", "path": re.escape(text), **ruling, "reason": reason}
                rules.append(rule)
    return rules


def _rules(
    curated: dict[str, Any], sites: dict[str, dict[str, Any]], extra: list[dict[str, Any]]
) -> dict[str, Any]:
    """The URL-shape rules: curated page rules, platforms, government labels and brand families."""
    government = set(curated["government"]["labels"])
    brands = derived_brands(sites, set(curated["brands"]["not_brands"]), government)
    for name, value in curated["brands"].items():
        if name != "not_brands":
            ruling = {"kind": value} if isinstance(value, str) else dict(value)
            reason = f"a {name} site under another public suffix: {ruling['kind'].replace('-', ' ')}"
            brands[name] = {**brands.get(name, {}), **ruling, "reason": reason}
    return {
        "page": curated["page"] + extra,
        "name": curated["name"],
        "platforms": dict(sorted(curated["platforms"].items())),
        "brands": dict(sorted(brands.items())),
        "government": curated["government"],
    }


def derived_brands(
    sites: dict[str, dict[str, Any]], excluded: set[str], government: set[str]
) -> dict[str, dict[str, str]]:
    """Names the lists give under two or more public suffixes, all with one ruling (sputniknews.*).

    A government label ("gov.mp") is a suffix pattern, and a name under a government suffix
    ("data.gov.au", "justice.gov.gu") is an office, not a brand: neither makes a family.
    """
    families: dict[str, list[str]] = {}
    for key in sites:
        name, _, suffix = key.partition(".")
        if "/" in key or registrable_domain(key) != key or name in government:
            continue
        if suffix.partition(".")[0] not in government:
            families.setdefault(name, []).append(key)
    brands = {}
    for name, keys in sorted(families.items()):
        rulings = {(sites[key]["kind"], sites[key]["reliability"]) for key in keys}
        if len(keys) < 2 or len(rulings) != 1 or name in excluded:
            continue
        kind, reliability = rulings.pop()
        if (kind, reliability) != ("unknown", "unknown"):
            named = ", ".join(sorted(keys))
            reason = f"the {name} brand under another public suffix (the lists name {named})"
            brands[name] = {"kind": kind, "reliability": reliability, "reason": reason}
    return brands


def _doi_prefixes(rules: list[ScriptRule], rulings: dict[str, dict[str, str]]) -> dict[str, dict[str, str]]:
    prefixes: dict[str, dict[str, str]] = {}
    for rule in rules:
        for prefix in rule.doi_prefixes:
            current = prefixes.get(prefix)
            ruling = rulings[rule.comment]
            if current and strictest(current["reliability"], ruling["reliability"]) == current["reliability"]:
                continue
            reason = f"DOI prefix {prefix} flagged by unreliable.js (2022-01): {rule.comment}"
            prefixes[prefix] = {**ruling, "reason": reason}
    return dict(sorted(prefixes.items()))


def _provenance(
    data_dir: Path, upstream: dict[str, dict[str, str]], live: Path | None
) -> list[dict[str, str]]:
    names = sorted(name for name in upstream if not (live and name == CITE_UNSEEN))
    files = [*(data_dir / "upstream" / name for name in names), data_dir / "curation.toml"]
    out = []
    for path in files:
        meta = upstream.get(path.name, {"title": _CURATION_TITLE})
        label = f"upstream/{path.name}" if path.name in upstream else path.name
        out.append({"file": label, "sha256": hashlib.sha256(path.read_bytes()).hexdigest(), **meta})
    if live:
        fetched = json.loads(live.read_text(encoding="utf-8"))
        meta = {"title": "Cite Unseen source pages on Meta-Wiki", "origin": fetched["api"],
                "fetched": fetched["fetched"], "licence": "CC BY-SA 4.0 (Meta-Wiki content)"}  # fmt: skip
        out.append({"file": str(live), "sha256": hashlib.sha256(live.read_bytes()).hexdigest(), **meta})
    return out


_COMMAND = "python -m spector_refs.assess.build"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) ``sources.json`` beside the data it is built from."""
    import argparse

    parser = argparse.ArgumentParser(prog=_COMMAND, description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("data_dir", nargs="?", type=Path, default=DATA, help="default: the package's data")
    parser.add_argument("--check", action="store_true", help="exit 1 if sources.json is out of date")
    args = parser.parse_args(argv)
    if not (args.data_dir / "curation.toml").is_file():
        parser.error(f"{args.data_dir} holds no curation.toml (not a source data directory)")
    target = args.data_dir / "sources.json"
    text = render(build_sources(args.data_dir))
    if args.check:
        current = target.is_file() and target.read_text(encoding="utf-8") == text
        command = _COMMAND if args.data_dir == DATA else f"{_COMMAND} {args.data_dir}"
        print(f"{target} is {'up to date' if current else f'out of date: run {command}'}")
        return 0 if current else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
