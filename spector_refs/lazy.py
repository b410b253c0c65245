"""Lazy exports for package ``__init__`` modules (PEP 562).

Importing any module of a package runs the package's ``__init__`` first, so
an ``__init__`` that imports its stages makes every light submodule heavy:
reading the link cache would load the HTTP client, ``--help`` would load the
HTML parsers. A package built with :func:`lazy_exports` keeps its public
names but imports the module behind a name only when the name is first used.
"""

from __future__ import annotations

import sys
from collections.abc import Callable, Mapping
from importlib import import_module
from typing import Any


def lazy_exports(
    package: str, exports: Mapping[str, str]
) -> tuple[Callable[[str], Any], Callable[[], list[str]]]:
    """The module ``__getattr__`` and ``__dir__`` of ``package``; ``exports`` maps names to modules.

    A name, once imported, is stored in the package, so later lookups are
    plain attribute reads.
    """
    namespace = vars(sys.modules[package])

    def __getattr__(name: str) -> Any:
        module = exports.get(name)
        if module is None:
            raise AttributeError(f"module {package!r} has no attribute {name!r}")
        value = getattr(import_module(module), name)
        namespace[name] = value
        return value

    def __dir__() -> list[str]:
        return sorted({*namespace, *exports})

    return __getattr__, __dir__
