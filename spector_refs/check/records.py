"""Frozen records made without their dataclass ``__init__``, for the few a check makes every time.

A frozen dataclass's ``__init__`` sets each field through
``object.__setattr__``, about a quarter of a microsecond a field: a
:class:`~spector_refs.model.LinkResult` (17 fields) cost ~5 µs and its
:class:`~spector_refs.model.PageMeta` ~4 µs, on every check. :func:`record`
fills the instance's ``__dict__`` at once from a template of the class's
fields, ~1 µs, and the record is the same (equal, same hash, same pickle,
same ``vars``): fields left out take the class's own defaults. Only for
dataclasses without ``__post_init__`` or ``default_factory`` fields.
"""

from __future__ import annotations

from dataclasses import MISSING, fields
from typing import Any, TypeVar

R = TypeVar("R")

_REQUIRED: Any = object()
"""A template's value for a field without a default: one the caller must name."""


class FieldError(TypeError):
    """A record was made without a field that has no default, or with one its class lacks: a bug."""


def record(cls: type[R], **values: Any) -> R:
    """An instance of the frozen dataclass ``cls`` holding ``values``, the class's defaults elsewhere."""
    made = object.__new__(cls)
    held = vars(made)
    template = _TEMPLATES.get(cls) or _template(cls)
    held.update(template)  # every field, in declaration order, as ``__init__`` sets them
    held.update(values)
    if len(held) != len(template) or _REQUIRED in held.values():
        missing = [name for name, value in held.items() if value is _REQUIRED]
        unknown = [name for name in values if name not in template]
        raise FieldError(f"{cls.__name__} made without {missing} or with unknown {unknown}")
    return made


_TEMPLATES: dict[type, dict[str, Any]] = {}


def _template(cls: type) -> dict[str, Any]:
    """Each field of ``cls`` with its default, or :data:`_REQUIRED`; made once a class."""
    template: dict[str, Any] = {}
    for field in fields(cls):
        if field.default_factory is not MISSING:
            raise TypeError(f"{cls.__name__}.{field.name}: a default_factory would be shared by every record")
        template[field.name] = _REQUIRED if field.default is MISSING else field.default
    _TEMPLATES[cls] = template
    return template
