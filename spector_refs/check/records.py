"""Frozen records made without their dataclass ``__init__``, for the few a check makes every time.

A frozen dataclass's ``__init__`` sets each field through
``object.__setattr__``, about a quarter of a microsecond a field: a
:class:`~spector_refs.model.LinkResult` (17 fields) cost ~5 µs and its
:class:`~spector_refs.model.PageMeta` ~4 µs, on every check. :func:`record`
fills the instance's ``__dict__`` at once, ~1 µs, and the record is the same
(equal, same hash, same pickle, same ``vars``). Only for dataclasses without
``__post_init__``, every field named, in declaration order.
"""

from __future__ import annotations

from typing import Any, TypeVar

R = TypeVar("R")


def record(cls: type[R], **fields: Any) -> R:
    """An instance of the frozen dataclass ``cls`` holding ``fields``, which must name every field."""
    made = object.__new__(cls)
    vars(made).update(fields)
    return made
