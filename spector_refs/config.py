"""Configuration from ``[tool.spector-refs]`` or ``spector-refs.toml``, validated once.

The file is read here, at the edge, and turned into one typed :class:`Config`
that is passed down; no other module reads files or the environment for
settings. Unknown keys are errors that name the key, so a typo never silently
turns a check off. Flags on the command line override the file.
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

from spector_refs.assess.config import AssessConfig, config_from_mapping
from spector_refs.check import LinkCheckConfig
from spector_refs.errors import ConfigError
from spector_refs.policy import DEFAULT_FAIL_ON, parse_fail_on

CONFIG_FILE = "spector-refs.toml"
_TOP_LEVEL = ("fail-on", "links", "assess", "sources")


@dataclass(frozen=True)
class Config:
    """Everything a run of spector_refs can be told."""

    links: LinkCheckConfig = field(default_factory=LinkCheckConfig)
    assess: AssessConfig = field(default_factory=AssessConfig)
    fail_on: tuple[str, ...] = DEFAULT_FAIL_ON
    source: str | None = None


def load_config(path: str | Path | None = None, *, directory: str | Path = ".") -> Config:
    """The configuration in ``path``, else in ``directory``'s config files.

    ``spector-refs.toml`` wins over ``pyproject.toml``'s ``[tool.spector-refs]``;
    with neither, the defaults apply.
    """
    if path is not None:
        return config_from_file(Path(path))
    base = Path(directory)
    if (base / CONFIG_FILE).is_file():
        return config_from_file(base / CONFIG_FILE)
    pyproject = base / "pyproject.toml"
    if pyproject.is_file():
        table = _read_toml(pyproject).get("tool", {}).get("spector-refs")
        if table is not None:
            return config_from_mapping_table(table, source=f"{pyproject} [tool.spector-refs]")
    return Config()


def config_from_file(path: Path) -> Config:
    """Read a ``spector-refs.toml`` or a ``pyproject.toml`` with a tool table."""
    data = _read_toml(path)
    if path.name == "pyproject.toml":
        data = data.get("tool", {}).get("spector-refs", {})
    elif "tool" in data and set(data) == {"tool"}:
        data = data["tool"].get("spector-refs", {})
    return config_from_mapping_table(data, source=str(path))


def config_from_mapping_table(table: Mapping[str, Any], *, source: str | None = None) -> Config:
    """Build a :class:`Config` from the parsed TOML table; unknown keys are errors."""
    where = f" in {source}" if source else ""
    for key in table:
        if key not in _TOP_LEVEL:
            raise ConfigError(f"unknown key {key!r}{where}; known keys: {', '.join(_TOP_LEVEL)}")
    try:
        links = links_config(_table(table, "links"))
        assess = config_from_mapping(_table(table, "assess"), _table(table, "sources") or None)
        fail_on = parse_fail_on(table.get("fail-on", DEFAULT_FAIL_ON))
    except ConfigError as exc:
        raise ConfigError(f"{exc}{where}") from None
    return Config(links=links, assess=assess, fail_on=fail_on, source=source)


def links_config(table: Mapping[str, Any], base: LinkCheckConfig | None = None) -> LinkCheckConfig:
    """Map ``[links]`` keys (hyphenated) onto :class:`LinkCheckConfig` fields."""
    known = {f.name for f in fields(LinkCheckConfig)}
    values: dict[str, Any] = {}
    for key, value in table.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"unknown key 'links.{key}'; known keys: {', '.join(LinkCheckConfig.keys())}")
        values[name] = tuple(value) if isinstance(value, list) else value
    return replace(base or LinkCheckConfig(), **values)


def _table(table: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, Mapping):
        raise ConfigError(f"{key!r} must be a table")
    return value


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as handle:
            return tomllib.load(handle)
    except FileNotFoundError:
        raise ConfigError(f"{path}: no such configuration file") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read ({exc.strerror or exc})") from None
