"""Configuration files: where they are found, how they map, and how typos fail."""

from __future__ import annotations

from pathlib import Path

import pytest

from spector_refs.config import Config, load_config
from spector_refs.errors import ConfigError
from spector_refs.model import Reliability, Severity


def test_defaults_without_files(tmp_path: Path) -> None:
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


def test_spector_refs_toml_wins_over_pyproject(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.spector-refs]\nfail-on = ["uncited"]\n', encoding="utf-8")
    (tmp_path / "spector-refs.toml").write_text('fail-on = ["cs1-maint"]\n', encoding="utf-8")
    assert load_config(directory=tmp_path).fail_on == ("cs1-maint",)


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
def test_bad_configuration_names_the_key(tmp_path: Path, toml: str, named: str) -> None:
    path = tmp_path / "spector-refs.toml"
    path.write_text(toml, encoding="utf-8")
    with pytest.raises(ConfigError, match=named):
        load_config(path)
