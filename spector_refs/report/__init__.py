"""Reports of an audit: one module per output format, all rendering one :class:`AuditResult`.

Formatters only read the result: they do no network and decide no verdict
(the policy did, and the result carries its exit code). Each module exposes
``render(result) -> str``; :func:`render` picks one by its documented name.
"""

from __future__ import annotations

from importlib import import_module
from typing import TYPE_CHECKING

from spector_refs.errors import ConfigError

if TYPE_CHECKING:
    from spector_refs.model import AuditResult

REPORT_FORMATS = ("terminal", "json", "junit", "sarif", "github", "markdown", "html")
"""The ``--format`` names of ``spector-refs audit``, terminal first (the default)."""

__all__ = ["REPORT_FORMATS", "render"]


def render(result: AuditResult, format: str) -> str:
    """The audit result written in one of :data:`REPORT_FORMATS`.

    The modules are imported on demand, so a terminal run never loads jinja2
    and a JSON run never loads rich.
    """
    if format not in REPORT_FORMATS:
        raise ConfigError(f"unknown report format {format!r} (choose from {', '.join(REPORT_FORMATS)})")
    module = import_module(f"{__name__}.{format}")
    return module.render(result)
