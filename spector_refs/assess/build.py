"""Build the bundled source data, ``sources.json``, from the upstream lists and our curation.

Run ``python -m spector_refs.assess.build`` after changing anything under
``spector_refs/assess/data/`` (the upstream copies or ``curation.toml``); a test
fails when the committed ``sources.json`` differs from what this produces. The
output is deterministic (no clock, sorted keys) so that test can compare bytes.

Precedence when entries meet: a curated ``[[source]]`` > a curated ``[[group]]``
> the upstream lists (the strictest reliability of the perennial list and
unreliable.js wins) > what the perennial entry's own wording says the source is.
"""

from __future__ import annotations

import hashlib
import json
import re
import sys
import tomllib
from pathlib import Path
from typing import Any

from spector_refs.assess.domains import website_name
from spector_refs.assess.names import normalise_name
from spector_refs.assess.upstream import (
    PerennialRow,
    ScriptRule,
    read_perennial,
    read_unreliable_js,
    strictest,
)

DATA = Path(__file__).parent / "data"
PERENNIAL = "perennial-sources-2021-03-17.csv"
SCRIPT = "unreliable-js-rules-2022-01.rb.txt"
FORMAT = 1
_CURATION_TITLE = "spector_refs curation of source kinds"
_PERENNIAL_LABEL = "Wikipedia's perennial sources list (2021-03-17)"


def build_sources(data_dir: Path = DATA) -> dict[str, Any]:
    """The content of ``sources.json`` for the files in ``data_dir``."""
    curation = tomllib.loads((data_dir / "curation.toml").read_text(encoding="utf-8"))
    sites: dict[str, dict[str, Any]] = {}
    names: dict[str, str] = {}
    info_kinds = [(re.compile(pattern, re.I), kind) for pattern, kind in curation["perennial"]["info_kinds"]]
    rows = read_perennial(data_dir / "upstream" / PERENNIAL)
    _add_perennial(rows, curation["perennial"], sites, names)
    rules = read_unreliable_js(data_dir / "upstream" / SCRIPT, curation["unreliable_js"]["expand"])
    _add_script_rules(rules, curation["unreliable_js"]["rules"], sites)
    for group in curation["group"]:
        for domain in group["domains"]:
            _site(sites, domain)["group"] = group
    for source in curation["source"]:
        _add_curated(source, sites, names)
    return {
        "format": FORMAT,
        "version": curation["version"],
        "date": curation["date"],
        "licence": curation["licence"],
        "generated_from": _provenance(data_dir, curation["upstream"]),
        "sites": {key: _resolve(raw, info_kinds) for key, raw in sorted(sites.items())},
        "names": dict(sorted(names.items())),
        "suffixes": curation["suffixes"],
        "doi_prefixes": _doi_prefixes(rules, curation["unreliable_js"]["rules"]),
    }


def render(data: dict[str, Any]) -> str:
    """The JSON text written to disk: stable key order, one trailing newline."""
    return json.dumps(data, indent=1, sort_keys=True, ensure_ascii=False) + "\n"


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


def _add_curated(source: dict[str, Any], sites: dict[str, dict[str, Any]], names: dict[str, str]) -> None:
    key = source.get("domain") or f"name:{normalise_name(source['names'][0])}"
    site = _site(sites, key)
    refinement = {k: source[k] for k in ("path", "title") if k in source}
    if refinement:
        fields = {k: source[k] for k in ("reliability", "kind", "reason") if k in source}
        site["rules"].append({**refinement, **fields})
    else:
        site["curated"] = source
    for name in source.get("names", ()):
        names[normalise_name(name)] = key.lower().removeprefix("www.")


def _resolve(raw: dict[str, Any], info_kinds: list[tuple[re.Pattern[str], str]]) -> dict[str, Any]:
    """One site's entry: reliability, kind, name, a reason in words, and where each came from."""
    curated, group = raw.get("curated", {}), raw.get("group", {})
    rows: list[PerennialRow] = raw.get("perennial", [])
    script: list[tuple[str, dict[str, str]]] = raw.get("script", [])
    upstream = strictest(_perennial_reliability(rows), *(ruling["reliability"] for _, ruling in script))
    script_kinds = [ruling["kind"] for _, ruling in script if ruling["kind"] != "unknown"]
    kind = curated.get("kind") or group.get("kind") or next(iter(script_kinds), None)
    entry: dict[str, Any] = {
        "reliability": curated.get("reliability") or strictest(upstream, group.get("reliability")),
        "kind": kind or _kind_from_wording(rows, info_kinds) or "unknown",
        "reason": "; ".join(_reasons(curated, group, rows, script)),
        "origin": _origins(curated, group, rows, script),
    }
    name = (curated.get("names") or [None])[0] or (rows[0].name if rows else None)
    if name:
        entry["name"] = name
    if raw["rules"]:
        entry["rules"] = raw["rules"]
    return entry


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
) -> list[str]:
    reasons = [text for text in (curated.get("reason"), group.get("reason")) if text][:1]
    if rows:
        verdicts = sorted({f"{_words(row.reliability)} ({row.title})" for row in rows})
        reasons.append(f"{', '.join(verdicts)} on {_PERENNIAL_LABEL}")
    reasons.extend(f"flagged by unreliable.js (2022-01): {comment}" for comment, _ in script)
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
) -> list[str]:
    origins = [f"perennial: {row.title}" for row in rows]
    origins += [f"unreliable.js: {comment}" for comment, _ in script]
    origins += [f"curation: {label}" for label, present in (("group", group), ("source", curated)) if present]
    return origins


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


def _provenance(data_dir: Path, upstream: dict[str, dict[str, str]]) -> list[dict[str, str]]:
    files = [*(f"upstream/{name}" for name in sorted(upstream)), "curation.toml"]
    out = []
    for name in files:
        meta = upstream.get(name.removeprefix("upstream/"), {"title": _CURATION_TITLE})
        digest = hashlib.sha256((data_dir / name).read_bytes()).hexdigest()
        out.append({"file": name, "sha256": digest, **meta})
    return out


def main(argv: list[str] | None = None) -> int:
    """Write ``sources.json`` next to the data it is built from."""
    data_dir = Path(argv[0]) if argv else DATA
    target = data_dir / "sources.json"
    target.write_text(render(build_sources(data_dir)), encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
