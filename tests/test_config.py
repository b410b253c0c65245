"""Configuration files: where they are found, how they map, and how typos fail."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from pathlib import Path

import pytest

from spector_refs import __version__
from spector_refs.check.config import LinkCheckConfig
from spector_refs.cli import build_parser
from spector_refs.cli.options import link_config_from_args
from spector_refs.config import Config, load_config, load_link_config
from spector_refs.errors import ConfigError
from spector_refs.model import Reliability, Severity


def test_defaults_without_files(tmp_path: Path) -> None:
    (tmp_path / ".git").mkdir()  # the walk upwards stops here
    assert load_config(directory=tmp_path) == Config()


def test_pyproject_tool_table(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[project]\nname = "x"\n[tool.spector-refs]\nfail-on = ["weak-only", "broken-links"]\n'
        "[tool.spector-refs.links]\nper-host = 1\nexclude = ['^https://x\\.org/']\n"
        '[tool.spector-refs.assess]\nweak-severity = "error"\n'
        "[tool.spector-refs.sources]\n"
        '"example.org" = { reliability = "generally-reliable", kind = "news" }\n',
        encoding="utf-8",
    )
    config = load_config(directory=tmp_path)
    assert config.fail_on == ("weak-only", "broken-links")
    assert config.links.per_host == 1 and config.links.exclude == ("^https://x\\.org/",)
    assert config.assess.weak_severity is Severity.ERROR
    assert config.assess.sources["example.org"].reliability is Reliability.GENERALLY_RELIABLE


def test_spector_refs_toml_and_pyproject_merge(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text(
        '[tool.spector-refs]\nfail-on = ["uncited"]\n[tool.spector-refs.links]\ntimeout = 5\n',
        encoding="utf-8",
    )
    (tmp_path / "spector-refs.toml").write_text("[links]\nper-host = 1\ntimeout = 5\n", encoding="utf-8")
    config = load_config(directory=tmp_path)
    assert config.fail_on == ("uncited",) and (config.links.per_host, config.links.timeout) == (1, 5)
    assert (
        config.source
        == f"{tmp_path / 'spector-refs.toml'} + {tmp_path / 'pyproject.toml'} [tool.spector-refs]"
    )


def test_a_key_the_two_files_set_differently_is_an_error_not_a_choice(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.spector-refs.links]\ntimeout = 5\n", encoding="utf-8")
    (tmp_path / "spector-refs.toml").write_text("[links]\ntimeout = 9\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(directory=tmp_path)
    message = str(info.value)
    assert "links.timeout is 9 in" in message and "but 5 in" in message
    assert "spector-refs.toml" in message and "pyproject.toml [tool.spector-refs]" in message


def test_a_subdirectory_finds_the_project_configuration(tmp_path: Path) -> None:
    """Run from ``articles/2024/``, the repository's pyproject.toml applies, as for any linter."""
    (tmp_path / ".git").mkdir()
    (tmp_path / "pyproject.toml").write_text('[tool.spector-refs]\nfail-on = ["uncited"]\n', encoding="utf-8")
    deeper = tmp_path / "articles" / "2024"
    deeper.mkdir(parents=True)
    (tmp_path / "articles" / "pyproject.toml").write_text('[project]\nname = "not ours"\n', encoding="utf-8")
    assert load_config(directory=deeper).fail_on == ("uncited",)
    (deeper / "spector-refs.toml").write_text('fail-on = ["cs1-maint"]\n', encoding="utf-8")
    assert load_config(directory=deeper).fail_on == ("cs1-maint",)  # the nearest wins, not a merge


def test_the_walk_stops_at_the_repository_root(tmp_path: Path) -> None:
    (tmp_path / "spector-refs.toml").write_text('fail-on = ["uncited"]\n', encoding="utf-8")
    repository = tmp_path / "checkout"
    (repository / ".git").mkdir(parents=True)
    (repository / "docs").mkdir()
    assert load_config(directory=repository / "docs") == Config()


def test_the_cli_reads_the_configuration_of_the_directory_it_runs_in(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from spector_refs.cli import main

    (tmp_path / ".git").mkdir()
    (tmp_path / "spector-refs.toml").write_text('fail-on = ["citation-needed"]\n', encoding="utf-8")
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path / "sub")
    assert main(["audit", "--no-links", "--quiet"]) == 1  # the bundled article has [citation needed]
    assert "citation-needed" in capsys.readouterr().out


@pytest.mark.parametrize(
    ("toml", "named"),
    [
        pytest.param("colour = 1\n", "colour", id="top-level"),
        pytest.param("[links]\nconcurency = 1\n", "concurency", id="links"),
        pytest.param("[assess]\nweak-kinds = ['blogs']\n", "blogs", id="assess-value"),
        pytest.param("[links]\nper-host = 0\n", "per-host", id="links-value"),
        pytest.param('fail-on = ["nope"]\n', "nope", id="fail-on"),
        pytest.param("fail-on = [\n", "TOML", id="syntax"),
    ],
)
@pytest.mark.parametrize("load", [load_config, load_link_config])
def test_bad_configuration_names_the_key(
    tmp_path: Path, toml: str, named: str, load: Callable[[Path], object]
) -> None:
    """``links``' loader (:func:`load_link_config`) refuses every file ``audit``'s does, in the same words."""
    path = tmp_path / "spector-refs.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=named):
        load(path)


@pytest.mark.parametrize(
    ("toml", "message"),
    [
        pytest.param(
            "fail_on = ['uncited']\n", "fail_on: keys are spelt with hyphens: write 'fail-on'", id="top"
        ),
        pytest.param(
            "[links]\nper_host = 1\n",
            "links.per_host: keys are spelt with hyphens: write 'per-host'",
            id="links",
        ),
        pytest.param(
            "[assess]\nweak_kinds = ['blog']\n",
            "assess.weak_kinds: keys are spelt with hyphens: write 'weak-kinds'",
            id="assess",
        ),
        pytest.param(
            "[assess.sources]\n'x.org' = { kind = 'blog' }\n",
            "assess.sources: write the overrides in their own [sources] table",
            id="assess-sources",
        ),
    ],
)
@pytest.mark.parametrize("load", [load_config, load_link_config])
def test_an_old_spelling_says_what_to_write_instead(
    tmp_path: Path, toml: str, message: str, load: Callable[[Path], object]
) -> None:
    """One spelling (hyphens) and one place for source overrides ([sources]); the rest is refused."""
    path = tmp_path / "spector-refs.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load(path)
    assert str(info.value).startswith(f"{path}: {message}")


@pytest.mark.parametrize("section", ["links", "assess"])
def test_unknown_keys_are_reported_alike_in_every_section(tmp_path: Path, section: str) -> None:
    """The file, the key as written and the allowed keys, all hyphenated, in every section."""
    path = tmp_path / "spector-refs.toml"
    path.write_text(f"[{section}]\ncolour = 1\n", encoding="utf-8")
    with pytest.raises(ConfigError) as info:
        load_config(path)
    message = str(info.value)
    assert message.startswith(f"{path}: {section}.colour: unknown key; allowed keys: ")
    allowed = message.split("allowed keys: ")[1].split(", ")
    assert allowed and all("_" not in key for key in allowed)
    assert "sources" not in allowed


@pytest.mark.parametrize(
    "toml",
    [
        pytest.param("", id="empty"),
        pytest.param("[links]\nper-host = 1\ntimeout = 5\nexclude = ['^https://x[.]org/']\n", id="links"),
        pytest.param(
            'fail-on = ["uncited"]\n[links]\nper-host = 3\n[assess]\nweak-severity = "error"\n', id="all"
        ),
    ],
)
def test_the_link_settings_alone_are_the_whole_configurations_links(tmp_path: Path, toml: str) -> None:
    """``links`` reads its settings without building the rest of the configuration; they are the same."""
    path = tmp_path / "spector-refs.toml"
    path.write_text(toml, encoding="utf-8")
    assert load_link_config(path) == load_config(path).links
    (tmp_path / ".git").mkdir()
    assert load_link_config(directory=tmp_path) == load_config(directory=tmp_path).links


def test_a_bad_value_names_the_file_and_the_hyphenated_key(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text("[tool.spector-refs.assess]\nstale-access-days = -5\n")
    with pytest.raises(ConfigError) as info:
        load_config(directory=tmp_path)
    assert str(info.value).startswith(
        f"{tmp_path / 'pyproject.toml'} [tool.spector-refs]: assess.stale-access-days:"
    )


def test_the_config_checks_its_policy_on_construction() -> None:
    with pytest.raises(ConfigError, match="fail-on: unknown name 'nope'"):
        Config(fail_on=("nope",))
    assert Config(fail_on="weak-only, none").fail_on == ("weak-only",)  # type: ignore[arg-type]


def test_the_link_checker_names_the_package_version_in_its_user_agent() -> None:
    assert f"spector-refs/{__version__} " in LinkCheckConfig().user_agent


def test_a_pyproject_names_its_tool_table_however_it_is_found(tmp_path: Path) -> None:
    """Found in the directory or given with --config, errors say which table of pyproject.toml."""
    pyproject = tmp_path / "pyproject.toml"
    pyproject.write_text("[tool.spector-refs]\ncolour = 1\n", encoding="utf-8")
    for load in (lambda: load_config(directory=tmp_path), lambda: load_config(pyproject)):
        with pytest.raises(ConfigError) as info:
            load()
        assert str(info.value).startswith(f"{pyproject} [tool.spector-refs]: colour: unknown key")
    pyproject.write_text('[tool]\nspector-refs = "strict"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match=r"tool.spector-refs: expected a table"):
        load_config(directory=tmp_path)


def test_flags_override_the_file_through_the_one_mapping() -> None:
    """Every link flag, ``audit --identifiers`` included, lands on the file's section through one function."""
    parser = build_parser()
    base = LinkCheckConfig(concurrency=4, identifiers=False, cache_path="links.sqlite3")
    flagged = link_config_from_args(parser.parse_args(["audit", "--identifiers", "--per-host", "1"]), base)
    assert (flagged.identifiers, flagged.per_host, flagged.concurrency) == (True, 1, 4)
    assert link_config_from_args(parser.parse_args(["audit"]), replace(base, identifiers=True)).identifiers
    assert link_config_from_args(parser.parse_args(["links", "x"]), base) == base
