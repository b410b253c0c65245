"""Start-up weight: what ``import spector_refs``, ``--help``, ``parse`` and a warm ``links`` run load.

Start-up time is what a user waits for on every command, and it is spent
importing: requests, bs4, lxml, rich, jinja2 and the stages each cost tens
of milliseconds. The times are measured by ``benchmarks/startup.py``; these
tests guard the cause, in a fresh interpreter each, by asserting which
modules a command leaves in ``sys.modules``, so they do not depend on how
busy the machine is.
"""

from __future__ import annotations

import ast
import json
import subprocess
import sys
from datetime import UTC, datetime
from pathlib import Path
from types import FunctionType

import pytest

import spector_refs
import spector_refs.model
from spector_refs.check.cache import LinkCache
from spector_refs.model import LinkResult, Verdict

ROOT = Path(__file__).parent.parent
# Third-party packages that only some stages need (HTTP, HTML, reports, BibTeX, dumps).
HEAVY = ("requests", "urllib3", "bs4", "lxml", "rich", "jinja2", "mwparserfromhell", "bibtexparser", "mwxml")
# The stages: the command line's parser needs none of them, only the names
# they define for its choices (PARSER_NAMES: packages whose ``__init__`` is
# light, the link settings, the policy's exit codes and the tags it names).
STAGES = (
    "spector_refs.parse",
    "spector_refs.collect",
    "spector_refs.check",
    "spector_refs.assess",
    "spector_refs.audit",
    "spector_refs.config",
    "spector_refs.export",
    "spector_refs.fix",
    "spector_refs.report",
    "spector_refs.dump",
)
PARSER_NAMES = {
    "spector_refs.parse",
    "spector_refs.parse.core",
    "spector_refs.parse.core.tags",
    "spector_refs.check",
    "spector_refs.check.config",
    "spector_refs.export",
    "spector_refs.report",
    "spector_refs.dump",
}


def modules_after(code: str, *args: str, held: str = "sys.modules") -> set[str]:
    """The modules a fresh interpreter holds after running ``code`` (``sys.argv[1:]`` = ``args``);
    ``held`` names where ``code`` left them if not in ``sys.modules``."""
    probe = f"{code}\nimport json, sys\nprint(json.dumps(sorted({held})))"
    result = subprocess.run(
        [sys.executable, "-c", probe, *args], capture_output=True, text=True, timeout=120, cwd=ROOT
    )
    assert result.returncode == 0, result.stderr[-2000:]
    return set(json.loads(result.stdout.splitlines()[-1]))


def run_cli_code(*argv: str) -> str:
    """Code that runs the command line in-process and keeps going after its exit."""
    return f"from spector_refs.cli import main\ntry:\n    main({list(argv)!r})\nexcept SystemExit:\n    pass"


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    """The modules that are one of ``names`` or inside one."""
    return sorted(m for m in modules if m in names or m.startswith(tuple(f"{name}." for name in names)))


def test_import_loads_no_stage() -> None:
    modules = modules_after("import spector_refs")
    assert {m for m in modules if m.startswith("spector_refs")} == {
        "spector_refs",
        "spector_refs.lazy",
        "spector_refs.version",
    }
    assert loaded(modules, HEAVY) == []


@pytest.mark.parametrize("argv", [["--help"], ["audit", "--help"], ["links", "--help"]], ids=" ".join)
def test_help_builds_the_parser_without_the_stages(argv: list[str]) -> None:
    modules = modules_after(run_cli_code(*argv))
    assert loaded(modules, HEAVY) == []
    stages = [module for module in loaded(modules, STAGES) if module not in PARSER_NAMES]
    assert stages == [], "the parser imports stage modules; import them in the subcommand's run()"


def test_the_commands_list_loads_neither_the_policy_nor_dataclasses() -> None:
    """``spector-refs --help`` names the commands: the policy's exit codes (with every finding kind and
    the dataclasses they bring) load after parsing, where a command runs; they were a quarter of its
    instructions (188.8 M -> 140.2 M, callgrind)."""
    modules = modules_after(run_cli_code("--help"))
    names = {m.removeprefix("spector_refs.") for m in modules if m.startswith("spector_refs.")}
    assert names == {"cli", "errors", "lazy", "version"}
    assert "dataclasses" not in modules


@pytest.mark.parametrize("command", ["links", "sources"])
def test_a_command_imports_no_other_commands_options(command: str) -> None:
    modules = modules_after(run_cli_code(command, "--help"))
    assert {m for m in modules if m.startswith("spector_refs.cli.")} == {
        f"spector_refs.cli.{command}",
        "spector_refs.cli.options",
    }


def test_parse_loads_no_network_or_report_library(seed_text: str, tmp_path: Path) -> None:
    article = tmp_path / "article.txt"
    article.write_text(seed_text, encoding="utf-8")
    modules = modules_after(run_cli_code("parse", str(article), "-o", str(tmp_path / "out.json")))
    assert "spector_refs.parse.text.article" in modules or "spector_refs.parse.text" in modules
    assert loaded(modules, ("requests", "urllib3", "rich", "jinja2", "bibtexparser", "mwxml")) == []


def test_warm_links_run_reads_the_cache_without_the_http_client(tmp_path: Path) -> None:
    now = datetime.now(UTC).strftime("%Y-%m-%dT%H:%M:%SZ")
    urls = [f"http://127.0.0.2:9/page/{n}" for n in range(30)]
    cache = LinkCache(tmp_path / "links.sqlite3")
    for url in urls:
        cache.record(LinkResult(url, Verdict.OK, "HTTP 200", status_code=200, checked_at=now, text="x"))
    cache.close()
    (tmp_path / "urls.txt").write_text("\n".join(urls) + "\n", encoding="utf-8")
    out = tmp_path / "out.json"
    argv = ["links", str(tmp_path / "urls.txt"), "--cache", str(tmp_path / "links.sqlite3")]
    modules = modules_after(run_cli_code(*argv, "--max-age", "1h", "--format", "json", "-o", str(out)))
    results = json.loads(out.read_text(encoding="utf-8"))["results"]
    assert [(r["url"], r["verdict"], r["from_cache"]) for r in results] == [(u, "ok", True) for u in urls]
    assert loaded(modules, HEAVY) == []
    assert "spector_refs.check.http" not in modules and "spector_refs.check.page" not in modules
    assert loaded(modules, ("spector_refs.model.article", "spector_refs.model.assessment")) == [], (
        "a links run builds no article or assessment records; import them under TYPE_CHECKING"
    )
    assert "logging" not in modules, "only a run that reads a .bib file needs logging (to quiet bibtexparser)"


def _links_over_a_list(tmp_path: Path, urls: str) -> list[str]:
    """The arguments of a ``links`` run over ``urls`` (a URL list) with a ``[links]``-only configuration."""
    (tmp_path / "urls.txt").write_text(urls, encoding="utf-8")
    config = tmp_path / "spector-refs.toml"
    config.write_text("[links]\nretries = 0\n", encoding="utf-8")
    return [
        "links",
        str(tmp_path / "urls.txt"),
        "--no-cache",
        "--config",
        str(config),
        "-o",
        str(tmp_path / "out.txt"),
    ]


def test_links_over_a_url_list_reaches_its_checks_without_the_articles_or_the_policy(tmp_path: Path) -> None:
    """Up to the checks, ``links`` over a URL list (with a ``[links]``-only configuration) loads neither
    the article reader (parsers, wiki client, dates), nor the assessment's settings, nor the policy with
    every finding kind: ~20 ms that were on its way to the first request. The report and the exit code
    load after the checks."""
    argv = _links_over_a_list(tmp_path, "http://127.0.0.2:9/a\nhttp://127.0.0.2:9/b\n")
    code = (
        "import sys\nfrom spector_refs.check import checker\n"
        "def check(self, targets, progress=False):\n"
        "    global before\n    before = set(sys.modules)\n    return []\n"
        f"checker.LinkChecker.check = check\n{run_cli_code(*argv)}"
    )
    modules = modules_after(code, held="before")
    assert {"spector_refs.collect.targets", "spector_refs.check.config"} <= modules
    unwanted = (
        "parse",
        "dates",
        "assess",
        "policy",
        "findings",
        "collect.articles",
        "collect.wiki",
        "report",
    )
    assert loaded(modules, tuple(f"spector_refs.{name}" for name in unwanted)) == []


def test_a_links_run_ends_without_the_finding_kinds(tmp_path: Path) -> None:
    """After its checks, ``links`` over a URL list loads its report and the policy's exit codes, not
    the finding kinds (only a fail-on list names them) and the parsers they come from: ~5 ms between
    its last answer and its exit."""
    argv = _links_over_a_list(tmp_path, "http://127.0.0.2:9/a\n")
    code = (
        "from spector_refs.check import checker\nfrom spector_refs.model import LinkResult, Verdict\n"
        "def check(self, targets, progress=False):\n"
        "    return [LinkResult(t.url, Verdict.BROKEN, 'HTTP 404') for t in targets]\n"
        f"checker.LinkChecker.check = check\n{run_cli_code(*argv)}"
    )
    modules = modules_after(code)
    assert {"spector_refs.policy", "spector_refs.report.links", "spector_refs.output"} <= modules
    assert loaded(modules, ("spector_refs.findings", "spector_refs.parse")) == []
    assert (tmp_path / "out.txt").read_text(encoding="utf-8").startswith("broken")


@pytest.mark.parametrize("titled", [False, True])
def test_the_judging_half_loads_the_title_checks_only_for_titled_links(titled: bool) -> None:
    """``load_judging``: the title checks, their domain rules and the Public Suffix List (~12 ms of a
    worker process's first wait) judge only a link cited with a title; a URL list has none."""
    code = f"from spector_refs.check.checker import load_judging\nload_judging(titled={titled})"
    modules = modules_after(code)
    assert {"lxml.etree", "spector_refs.check.verdict", "spector_refs.check.metadata"} <= modules
    names = ("publicsuffixlist", "spector_refs.check.titles", "spector_refs.domains")
    assert loaded(modules, names) == (list(names) if titled else [])


def test_the_requesting_half_of_the_link_checker_loads_no_judge() -> None:
    """What a check needs up to its first request (HTTP client, loop, redirect chain, soft-404 probes,
    worker processes) imports neither the page parser nor a verdict rule: those ~40 ms load while the
    first requests are out (``judging_steps``), not before them."""
    code = (
        "from spector_refs.check.checker import _load_network\n_load_network()\n"
        "import spector_refs.check.probe, spector_refs.check.workers"
    )
    modules = modules_after(code)
    assert {"spector_refs.check.chain", "spector_refs.check.loop", "pycurl"} <= modules
    judges = ("page", "verdict", "soft404", "missing", "titles", "metadata", "parking")
    assert loaded(modules, ("lxml", *(f"spector_refs.check.{name}" for name in judges))) == []
    assert loaded(modules, ("concurrent.futures", "logging")) == [], (
        "the loop's thread pool is its own (~8 ms)"
    )
    assert "pickle" not in modules, (
        "the worker processes' messages load pickle with the first answers, not before the first requests"
    )


def test_lazy_names_are_the_functions_even_after_their_submodules_load() -> None:
    import spector_refs.audit
    import spector_refs.parse.html
    from spector_refs import assess, audit, export, fix, parse

    functions = (parse, audit, export, assess, fix)
    assert all(isinstance(function, FunctionType) for function in functions)
    assert spector_refs.parse is parse and spector_refs.audit is audit and spector_refs.fix is fix
    assert set(spector_refs.__all__) <= set(dir(spector_refs))
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        spector_refs.nothing  # noqa: B018


def type_checking_imports(init: Path) -> dict[str, str | None]:
    """The names a package's ``TYPE_CHECKING`` block imports, each with its module."""
    tree = ast.parse(init.read_text(encoding="utf-8"))
    return {
        alias.asname or alias.name: node.module
        for block in tree.body
        if isinstance(block, ast.If) and ast.unparse(block.test) == "TYPE_CHECKING"
        for node in block.body
        if isinstance(node, ast.ImportFrom)
        for alias in node.names
    }


def test_type_checking_imports_match_the_lazy_exports() -> None:
    """What type checkers see (the ``TYPE_CHECKING`` imports) is what the interpreter exports."""
    seen = type_checking_imports(ROOT / "spector_refs" / "__init__.py")
    assert seen == spector_refs._EXPORTS
    assert sorted(seen) == spector_refs.__all__
    assert (
        type_checking_imports(ROOT / "spector_refs" / "model" / "__init__.py") == spector_refs.model._EXPORTS
    )


def test_parsing_a_command_line_loads_no_shutil() -> None:
    """argparse makes a formatter for every option; ours finds the terminal's width without ``shutil``
    (which loads bz2 and lzma), so no command pays for it before it runs."""
    code = (
        "from spector_refs.cli import build_parser\nbuild_parser().parse_args(['links', 'x', '--no-cache'])"
    )
    assert "shutil" not in modules_after(code)


def test_the_command_lines_own_process_reads_its_inputs_with_the_collector_paused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What starting allocates lives on, so the command line's own process pauses the cyclic collector
    while ``links`` parses, imports and reads its configuration and inputs, then freezes those objects
    (27 collections before the first request were 13, ~5 -> ~1 ms); the checks run with the collector.
    A program calling ``main`` itself (``_OWN_PROCESS`` false) is left as it is."""
    import gc

    import spector_refs.cli as cli
    import spector_refs.collect.targets as targets
    from spector_refs.check.checker import LinkChecker

    seen: dict[str, bool] = {}
    read = targets.collect_targets

    def collect(inputs: list[str]) -> targets.Targets:
        seen["reading"] = gc.isenabled()
        return read(inputs)

    def check(self: LinkChecker, urls: object, progress: bool = False) -> list[LinkResult]:
        seen["checking"] = gc.isenabled()
        return []

    monkeypatch.setattr(targets, "collect_targets", collect)
    monkeypatch.setattr(LinkChecker, "check", check)
    (tmp_path / "urls.txt").write_text("http://127.0.0.2:9/a\n", encoding="utf-8")
    argv = ["links", str(tmp_path / "urls.txt"), "--no-cache", "-o", str(tmp_path / "out.txt")]
    assert cli.main(argv) == 0 and seen == {"reading": True, "checking": True}
    monkeypatch.setattr(cli, "_OWN_PROCESS", True)
    frozen = gc.get_freeze_count()
    try:
        assert cli.main(argv) == 0 and seen == {"reading": False, "checking": True}
        assert gc.isenabled() and gc.get_freeze_count() > frozen
    finally:
        gc.unfreeze()
