"""The import graph follows docs/architecture.md: data flows one way, nothing reaches back.

Every ``import`` in the package is read with :mod:`ast` — including imports
inside functions and under ``TYPE_CHECKING``, since a lazy import is still a
dependency — and each is checked against the table below, which is the
package map of ``docs/architecture.md`` written as data. A new top-level
module or package fails the test until it is given a place in both.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "spector_refs"
FOUNDATION = {
    *("errors", "version", "model", "dates", "inputs", "output", "settings", "serialize", "lazy", "domains")
}

# group -> the groups it may import (its own group is always allowed).
ALLOWED: dict[str, set[str]] = {
    # the foundation: the model and the utilities every stage may use
    "errors": set(),
    "version": set(),
    "model": {"lazy"},
    "lazy": set(),
    "domains": set(),
    "dates": {"errors"},
    "inputs": {"errors"},
    "output": {"errors"},
    "settings": {"errors"},
    "serialize": {"model"},
    # stage 1: parsers read text and build the model
    "parse": {"model", "errors", "dates", "inputs"},
    # the collector turns what the user typed into articles and link targets
    "collect": {"parse", "model", "errors", "dates", "inputs", "version", "lazy"},
    # vocabularies shared by the assessor, the policy and every report
    "findings": {"model", "errors", "parse"},
    "policy": {"findings", "model", "errors"},
    # stage 2: the link checker (network) and the assessor (sources, claims)
    "check": {"model", "errors", "dates", "serialize", "settings", "version", "lazy", "domains"},
    "assess": {"check", "parse", "findings", *FOUNDATION},
    # stage 3: writers read the model; reports read every stage's results
    "export": {"model", "errors", "dates", "lazy"},
    "fix": {*FOUNDATION, *("parse", "check")},
    "report": {
        *FOUNDATION,
        *("parse", "check", "assess", "findings", "policy"),
    },
    # orchestration: configuration, whole audits, baselines, whole-wiki dumps
    "config": {"check", "assess", "policy", "findings", "errors", "model", "settings"},
    "audit": {"assess", "check", "config", "policy", "findings", "model", "errors"},
    "baseline": {"findings", "policy", "model", "errors", "output"},
    "dump": {*FOUNDATION, *("parse", "check", "assess", "findings", "policy", "report", "config", "audit")},
    # the interface: the public facade, the command line and its entry point
    "facade": {*FOUNDATION, *("parse", "collect", "check", "assess", "export", "fix", "config", "audit")},
    "cli": {
        *FOUNDATION,
        *("parse", "collect", "findings", "policy", "check", "assess", "export", "fix", "report"),
        *("config", "audit", "baseline", "dump"),
    },
    "__main__": {"cli"},
}


# inside parse/: one package per input format over a shared core that imports none of them
PARSE_ALLOWED: dict[str, set[str]] = {
    "core": set(),
    "text": {"core"},
    "html": {"core"},
    "wikitext": {"core"},
    "facade": {"core", "text", "html", "wikitext"},
}


def _module_name(path: Path) -> str:
    parts = ["spector_refs", *path.relative_to(PACKAGE).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


MODULES = {_module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}


def group(module: str, depth: int = 1) -> str:
    """The module or subpackage ``depth`` levels down that a module belongs to; ``facade`` for the package."""
    parts = module.split(".")
    return parts[depth] if len(parts) > depth else "facade"


def _imports(module: str) -> Iterator[tuple[int, str]]:
    """(line, imported module) for every import of the package, resolved to a module name."""
    path = MODULES[module]
    package = module if path.name == "__init__.py" else module.rpartition(".")[0]
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            yield from ((node.lineno, alias.name) for alias in node.names)
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([base] if base else [])])
            for alias in node.names:
                submodule = f"{base}.{alias.name}"
                yield node.lineno, submodule if submodule in MODULES else base


def _edges() -> Iterator[tuple[str, int, str]]:
    for module in MODULES:
        for line, target in sorted(set(_imports(module))):
            if target == "spector_refs" or target.startswith("spector_refs."):
                yield module, line, target


def test_every_top_level_module_has_a_place_in_the_map() -> None:
    unplaced = sorted({group(module) for module in MODULES} - ALLOWED.keys())
    assert not unplaced, f"give {unplaced} a layer in tests/test_architecture.py and docs/architecture.md"


def test_no_import_reaches_back() -> None:
    back_edges = [
        f"{MODULES[module].relative_to(PACKAGE.parent)}:{line}: {module} imports {target}"
        for module, line, target in _edges()
        if group(target) != group(module) and group(target) not in ALLOWED.get(group(module), set())
    ]
    assert not back_edges, "imports against docs/architecture.md:\n" + "\n".join(back_edges)


def test_parse_formats_share_a_core_and_never_import_each_other() -> None:
    inside = [(m, line, t) for m, line, t in _edges() if group(m) == "parse" and group(t) == "parse"]
    unplaced = sorted({group(m, 2) for m, _, _ in inside} - PARSE_ALLOWED.keys())
    assert not unplaced, f"give parse/{unplaced} a place in PARSE_ALLOWED and docs/architecture.md"
    back_edges = [
        f"{module}:{line} imports {target}"
        for module, line, target in inside
        if group(target, 2) != group(module, 2) and group(target, 2) not in PARSE_ALLOWED[group(module, 2)]
    ]
    assert not back_edges, "imports against docs/architecture.md:\n" + "\n".join(back_edges)


def test_the_map_itself_has_no_cycle() -> None:
    """The allowed edges form layers: following them never leads back to where it started."""
    state: dict[str, str] = {}

    def visit(node: str, path: tuple[str, ...]) -> None:
        if state.get(node) == "done":
            return
        assert state.get(node) != "open", f"cycle in the map: {' -> '.join((*path, node))}"
        state[node] = "open"
        for target in sorted(ALLOWED[node] - {node}):
            visit(target, (*path, node))
        state[node] = "done"

    for node in sorted(ALLOWED):
        visit(node, ())


@pytest.mark.parametrize(
    ("importer", "imported"),
    [
        pytest.param("model", "export", id="model-imports-nothing"),
        pytest.param("parse", "check", id="parsers-only-build-the-model"),
        pytest.param("check", "parse", id="the-checker-gets-link-targets-not-documents"),
        pytest.param("check", "collect", id="the-checker-reads-no-user-input"),
        pytest.param("export", "check", id="writers-read-only-the-model"),
        pytest.param("report", "cli", id="reports-do-not-import-the-cli"),
        pytest.param("report", "collect", id="reports-do-not-gather-input"),
        pytest.param("assess", "facade", id="no-stage-imports-the-facade"),
    ],
)
def test_named_rules_of_the_layout(importer: str, imported: str) -> None:
    """The rules the architecture note states in words, so a change to the table cannot drop them."""
    assert imported not in ALLOWED[importer]


def test_only_the_entry_point_imports_the_cli() -> None:
    importers = {group(module) for module, _, target in _edges() if group(target) == "cli"}
    assert importers <= {"cli", "__main__"}


def test_relative_and_from_imports_are_resolved() -> None:
    """The reader sees ``from spector_refs import baseline`` as the ``baseline`` module, not the facade."""
    targets = {target for _, target in _imports("spector_refs.cli.audit")}
    assert "spector_refs.baseline" in targets
    assert "spector_refs" not in targets
