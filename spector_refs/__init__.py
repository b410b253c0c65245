"""spector_refs: audit the sources of a Wikipedia article.

The public surface is small: :func:`parse` an article (a path or text, any
format), :func:`check_links` its cited URLs, :func:`assess` its sources and
claims, :func:`audit` several articles under a policy, and :func:`export` its
references as a bibliography. Everything they return is a frozen record from
:mod:`spector_refs.model`; :func:`fix` writes the edit that rescues an
article's dead links into its wikitext and returns a
:class:`~spector_refs.fix.FixResult`.

The names are exported lazily (PEP 562): ``import spector_refs`` loads none
of the stages, so ``spector-refs --help`` and a library user who only parses
never pay for the HTTP client, the HTML parsers or the report renderers. The
first use of a name imports the module that defines it.
"""

from __future__ import annotations

import sys
from types import ModuleType
from typing import TYPE_CHECKING

from spector_refs.lazy import lazy_exports
from spector_refs.version import __version__ as __version__

if TYPE_CHECKING:  # what type checkers and editors see; the interpreter uses _MODULES
    from spector_refs.assess import assess as assess
    from spector_refs.audit import audit as audit
    from spector_refs.check import LinkCheckConfig as LinkCheckConfig
    from spector_refs.check import check_links as check_links
    from spector_refs.collect import fetch_article as fetch_article
    from spector_refs.config import Config as Config
    from spector_refs.config import load_config as load_config
    from spector_refs.errors import ConfigError as ConfigError
    from spector_refs.errors import ExportError as ExportError
    from spector_refs.errors import FetchError as FetchError
    from spector_refs.errors import InputError as InputError
    from spector_refs.errors import SpectorError as SpectorError
    from spector_refs.export import export as export
    from spector_refs.fix import FixResult as FixResult
    from spector_refs.fix import fix as fix
    from spector_refs.model import Article as Article
    from spector_refs.model import Assessment as Assessment
    from spector_refs.model import AuditResult as AuditResult
    from spector_refs.model import Claim as Claim
    from spector_refs.model import Finding as Finding
    from spector_refs.model import LinkResult as LinkResult
    from spector_refs.model import Name as Name
    from spector_refs.model import Reference as Reference
    from spector_refs.model import Reliability as Reliability
    from spector_refs.model import Severity as Severity
    from spector_refs.model import SourceProfile as SourceProfile
    from spector_refs.model import Verdict as Verdict
    from spector_refs.parse import parse as parse

# The public names by the module that defines each (a test keeps them equal to the imports above).
_MODULES = {
    "spector_refs.assess": ("assess",),
    "spector_refs.audit": ("audit",),
    "spector_refs.check": ("LinkCheckConfig", "check_links"),
    "spector_refs.config": ("Config", "load_config"),
    "spector_refs.errors": ("ConfigError", "ExportError", "FetchError", "InputError", "SpectorError"),
    "spector_refs.export": ("export",),
    "spector_refs.fix": ("FixResult", "fix"),
    "spector_refs.collect": ("fetch_article",),
    "spector_refs.model": (
        "Article",
        "Assessment",
        "AuditResult",
        "Claim",
        "Finding",
        "LinkResult",
        "Name",
        "Reference",
        "Reliability",
        "Severity",
        "SourceProfile",
        "Verdict",
    ),
    "spector_refs.parse": ("parse",),
}
_EXPORTS = {name: module for module, names in _MODULES.items() for name in names}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)


class _Package(ModuleType):
    """This package, keeping ``parse``, ``audit``, ``export``, ``assess`` and ``fix`` the functions.

    Importing a submodule binds it on its parent: without this, importing
    ``spector_refs.parse`` anywhere would replace ``spector_refs.parse`` the
    function with the subpackage of the same name (eager imports used to
    undo that by importing the function last).
    """

    def __setattr__(self, name: str, value: object) -> None:
        if isinstance(value, ModuleType) and _EXPORTS.get(name) == value.__name__:
            return
        super().__setattr__(name, value)


sys.modules[__name__].__class__ = _Package
