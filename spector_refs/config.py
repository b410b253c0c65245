"""Configuration from ``[tool.spector-refs]`` or ``spector-refs.toml``: the one loader.

The file is read here, at the edge, and turned into one typed :class:`Config`
that is passed down; no other module reads files or the environment for
settings. Keys are spelt with hyphens everywhere (:mod:`spector_refs.settings`);
a key spelt with underscores, an unknown key and a bad value are errors that
name the file, the key and what is allowed (for an old spelling, what to
write instead), so a typo never silently turns a check off. Each section
validates itself on construction; flags on the command line override the
file through the same constructors.

The tables: ``fail-on`` (top level), ``[links]`` → :class:`LinkCheckConfig`,
``[assess]`` → :class:`AssessConfig`, ``[sources]`` → ``AssessConfig.sources``
(the only place source overrides are written).
"""

from __future__ import annotations

import tomllib
from collections.abc import Iterator, Mapping
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Any

from spector_refs import settings
from spector_refs.check.config import SECTION as LINKS
from spector_refs.check.config import LinkCheckConfig
from spector_refs.errors import ConfigError

if TYPE_CHECKING:
    from spector_refs.assess.config import AssessConfig

CONFIG_FILE = "spector-refs.toml"
TOOL_TABLE = "tool.spector-refs"
FAIL_ON = "fail-on"


def _default_assess() -> AssessConfig:
    from spector_refs.assess.config import AssessConfig

    return AssessConfig()


def _default_fail_on() -> tuple[str, ...]:
    from spector_refs.policy import DEFAULT_FAIL_ON

    return DEFAULT_FAIL_ON


@dataclass(frozen=True)
class Config:
    """Everything a run of spector_refs can be told, each part checked when it is built.

    The assessment's settings and the policy are imported when the first
    one is built, not with this module: together with every finding kind
    they name, ~9 ms that a ``links`` run does not need (:func:`load_link_config`).
    """

    links: LinkCheckConfig = field(default_factory=LinkCheckConfig)
    assess: AssessConfig = field(default_factory=_default_assess)
    fail_on: tuple[str, ...] = field(default_factory=_default_fail_on)
    source: str | None = None

    def __post_init__(self) -> None:
        from spector_refs.assess.config import AssessConfig
        from spector_refs.policy import parse_fail_on

        object.__setattr__(self, "fail_on", parse_fail_on(self.fail_on))
        for name, kind in (("links", LinkCheckConfig), ("assess", AssessConfig)):
            if not isinstance(getattr(self, name), kind):
                raise ConfigError(f"{name}: expected a {kind.__name__}, got {getattr(self, name)!r}")


def load_config(path: str | Path | None = None, *, directory: str | Path = ".") -> Config:
    """The configuration in ``path``, else the nearest one from ``directory`` up to the repository root.

    Like linters, a run from a subdirectory finds the project's configuration:
    each directory from ``directory`` upwards is looked at, stopping after
    the one holding ``.git``. In the first with a ``spector-refs.toml`` or a
    ``pyproject.toml`` with ``[tool.spector-refs]``, both files are merged; a
    key the two set differently is an error, never a silent choice. With
    neither anywhere, the defaults apply.
    """
    found = _settings_of(path, directory)
    return Config() if found is None else config_from_table(found[1], source=found[0])


def load_link_config(path: str | Path | None = None, *, directory: str | Path = ".") -> LinkCheckConfig:
    """``load_config(path, directory=directory).links``: the settings ``links``, ``bib`` and ``fix`` read.

    A file that sets nothing but ``[links]`` is checked whole by building
    that section alone, so the assessment's settings and the policy (~9 ms
    of imports) stay off the way to the first request; any other key builds
    the whole :class:`Config`, so each mistake is the same error as for ``audit``.
    """
    found = _settings_of(path, directory)
    if found is None:
        return LinkCheckConfig()
    source, table = found
    if table.keys() <= {LINKS}:
        with _named(source):
            return LinkCheckConfig(**section(table, LINKS, LinkCheckConfig))
    return config_from_table(table, source=source).links


def _settings_of(path: str | Path | None, directory: str | Path) -> tuple[str, Mapping[str, Any]] | None:
    """(how errors name it, the settings) of ``path``, else of the files found from ``directory``, or None."""
    if path is not None:
        return _read_config(Path(path))
    files = find_config_files(Path(directory))
    if len(files) == 1:
        return _read_config(files[0])
    if files:
        first, second = (_read_config(file) for file in files)
        return f"{first[0]} + {second[0]}", _merged(first, second)
    return None


def find_config_files(directory: Path) -> list[Path]:
    """The configuration files of the nearest directory (upwards to the repository root) that has any."""
    start = directory.resolve()
    for folder in (start, *start.parents):
        found = [folder / CONFIG_FILE] if (folder / CONFIG_FILE).is_file() else []
        pyproject = folder / "pyproject.toml"
        if pyproject.is_file() and _tool_table(_read_toml(pyproject)) is not None:
            found.append(pyproject)
        if found or (folder / ".git").exists():
            return found
    return []


def _read_config(path: Path) -> tuple[str, Mapping[str, Any]]:
    """(how errors name it, the settings) of a file: a pyproject.toml's tool table, or the whole file."""
    data = _read_toml(path)
    if path.name == "pyproject.toml" or set(data) == {"tool"}:
        return f"{path} [{TOOL_TABLE}]", _tool_table(data) or {}
    return str(path), data


def _merged(
    first: tuple[str, Mapping[str, Any]], second: tuple[str, Mapping[str, Any]], prefix: str = ""
) -> dict[str, Any]:
    """Two files' tables as one; a key both set to different values is a :class:`ConfigError`."""
    merged = dict(first[1])
    for key, value in second[1].items():
        known = merged.get(key)
        if key not in merged:
            merged[key] = value
        elif isinstance(known, Mapping) and isinstance(value, Mapping):
            merged[key] = _merged((first[0], known), (second[0], value), f"{prefix}{key}.")
        elif known != value:
            raise ConfigError(
                f"{prefix}{key} is {known!r} in {first[0]} but {value!r} in {second[0]}; "
                "set it in one file (or to the same value in both)"
            )
    return merged


def _tool_table(data: Mapping[str, Any]) -> Mapping[str, Any] | None:
    """``[tool.spector-refs]`` of a parsed pyproject.toml, if it has one."""
    tool = data.get("tool", {})
    table = tool.get("spector-refs") if isinstance(tool, Mapping) else None
    if table is not None and not isinstance(table, Mapping):
        raise settings.fail(TOOL_TABLE, f"expected a table ([{TOOL_TABLE}]), got {table!r}")
    return table


def config_from_table(table: Mapping[str, Any], *, source: str | None = None) -> Config:
    """Build a :class:`Config` from a parsed TOML table; errors start with ``source``."""
    from spector_refs.assess.config import SECTION as ASSESS
    from spector_refs.assess.config import SOURCES, AssessConfig
    from spector_refs.policy import DEFAULT_FAIL_ON

    moved = {"sources": f"write the overrides in their own [{SOURCES}] table, beside [{ASSESS}]"}
    with _named(source):
        _check_keys("", table, (FAIL_ON, LINKS, ASSESS, SOURCES), None)
        links = LinkCheckConfig(**section(table, LINKS, LinkCheckConfig))
        assessing = section(table, ASSESS, AssessConfig, moved=moved)
        assess = AssessConfig(**assessing, sources=_table(table, SOURCES))
        return Config(links=links, assess=assess, fail_on=table.get(FAIL_ON, DEFAULT_FAIL_ON), source=source)


@contextmanager
def _named(source: str | None) -> Iterator[None]:
    """A :class:`ConfigError` raised inside starts with ``source``, the file it is about."""
    try:
        yield
    except ConfigError as exc:
        raise ConfigError(f"{source}: {exc}" if source else str(exc)) from None


def section(
    table: Mapping[str, Any], name: str, kind: type, *, moved: Mapping[str, str] | None = None
) -> dict[str, Any]:
    """A section's keys as the dataclass's field names, after checking their spelling.

    Lists become tuples (TOML has no tuples); the dataclass checks the values.
    ``moved`` maps keys that were once accepted in this section to what to write instead.
    """
    values = _table(table, name)
    allowed = tuple(settings.key_of("", f.name) for f in settings.keys(kind))
    _check_keys(name, values, allowed, moved)
    return {key.replace("-", "_"): tuple(v) if isinstance(v, list) else v for key, v in values.items()}


def _check_keys(
    section_name: str, table: Mapping[str, Any], allowed: tuple[str, ...], moved: Mapping[str, str] | None
) -> None:
    """Every key is an allowed key, spelt with hyphens; otherwise say what to write."""
    for key in table:
        where = f"{section_name}.{key}" if section_name else key
        hyphenated = key.replace("_", "-")
        if moved and key.replace("-", "_") in moved:
            raise settings.fail(where, moved[key.replace("-", "_")])
        if key != hyphenated and hyphenated in allowed:
            raise settings.fail(where, f"keys are spelt with hyphens: write {hyphenated!r}")
        if key not in allowed:
            raise settings.fail(where, f"unknown key; allowed keys: {', '.join(allowed)}")


def _table(table: Mapping[str, Any], key: str) -> Mapping[str, Any]:
    value = table.get(key, {})
    if not isinstance(value, Mapping):
        raise settings.fail(key, f"expected a table ([{key}]), got {value!r}")
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
