"""How a setting is spelt and checked: one rule for every section of the configuration.

Configuration keys are spelt with hyphens (``links.per-host``,
``assess.weak-kinds``), as TOML tools and ``pyproject.toml`` do; the
dataclass fields behind them use underscores because Python must. Every
section (:class:`~spector_refs.check.config.LinkCheckConfig`,
:class:`~spector_refs.assess.config.AssessConfig`, the top-level
:class:`~spector_refs.config.Config`) validates itself on construction with
these helpers, so a setting is wrong in the same words whether it came from a
file, a flag or library code: the message names the key and what it allows.
"""

from __future__ import annotations

from collections.abc import Collection, Iterable
from dataclasses import MISSING, Field, field, fields
from enum import Enum
from typing import Any, TypeVar

from spector_refs.errors import ConfigError

E = TypeVar("E", bound=Enum)


def setting(default: Any = MISSING, *, doc: str, shown: str | None = None, factory: Any = MISSING) -> Any:
    """A dataclass field that is a configuration key, with the line the docs table shows for it.

    ``shown`` replaces the default in the docs when the value itself says
    little (a long User-Agent, a path the CLI chooses). A field declared
    without this is not a key of the file.
    """
    return field(default=default, default_factory=factory, metadata={"doc": doc, "shown": shown})


def keys(kind: type) -> tuple[Field[Any], ...]:
    """The fields of a config dataclass that are configuration keys, in declaration order."""
    return tuple(f for f in fields(kind) if "doc" in f.metadata)


def key_of(section: str, name: str) -> str:
    """The configuration key of a dataclass field: ``("links", "per_host")`` → ``links.per-host``."""
    return f"{section}.{name.replace('_', '-')}" if section else name.replace("_", "-")


def fail(key: str, problem: str) -> ConfigError:
    """The one shape of a bad setting: ``key: problem`` (the loader prefixes the file)."""
    return ConfigError(f"{key}: {problem}")


def whole_number(key: str, value: Any, *, minimum: int) -> int:
    """An int (not a bool) of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, int) or value < minimum:
        raise fail(key, f"expected a whole number ≥ {minimum}, got {value!r}")
    return value


def seconds(key: str, value: Any, *, positive: bool) -> float:
    """A number of seconds: ≥ 0, or > 0 when ``positive``; NaN and bools are refused."""
    if isinstance(value, bool) or not isinstance(value, int | float) or value != value:
        raise fail(key, f"expected a number of seconds, got {value!r}")
    if value < 0 or (positive and value == 0):
        raise fail(key, f"must be {'greater than 0' if positive else '0 or more'}, got {value!r}")
    return value


def flag(key: str, value: Any) -> bool:
    """``true`` or ``false`` — not ``1``, not ``"yes"``."""
    if not isinstance(value, bool):
        raise fail(key, f"expected true or false, got {value!r}")
    return value


def text(key: str, value: Any) -> str:
    """A non-empty string."""
    if not isinstance(value, str) or not value.strip():
        raise fail(key, f"expected a non-empty string, got {value!r}")
    return value


def choice(key: str, value: Any, allowed: Collection[str]) -> str:
    """One of ``allowed``, which the message lists."""
    if not isinstance(value, str) or value not in allowed:
        raise fail(key, f"expected one of {', '.join(allowed)}, got {value!r}")
    return value


def choices(key: str, value: Any, allowed: Collection[str], what: str) -> frozenset[str]:
    """A list of ``allowed`` values (a bare string is refused: it is a list of one, or a typo)."""
    items = _list(key, value, what)
    for item in items:
        if item not in allowed:
            raise fail(key, f"{item!r} is not a {what}; allowed: {', '.join(allowed)}")
    return frozenset(items)


def member(key: str, value: Any, enum: type[E]) -> E:
    """An enum member from itself or its value (``"error"`` → ``Severity.ERROR``), case-insensitive."""
    if isinstance(value, enum):
        return value
    try:
        return enum(str(value).lower())
    except ValueError:
        allowed = ", ".join(str(m.value) for m in enum)
        raise fail(key, f"expected one of {allowed}, got {value!r}") from None


def members(key: str, value: Any, enum: type[E], what: str) -> frozenset[E]:
    """A list of enum members or their values."""
    return frozenset(member(key, item, enum) for item in _list(key, value, what))


def _list(key: str, value: Any, what: str) -> list[Any]:
    if isinstance(value, str) or not isinstance(value, Iterable):
        raise fail(key, f"expected a list of {what}s, got {value!r}")
    return list(value)
