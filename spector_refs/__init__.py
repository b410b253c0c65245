"""spector_refs: audit the sources of a Wikipedia article.

The public surface is small: :func:`parse` an article (a path or text, any
format), :func:`check_links` its cited URLs, :func:`assess` its sources and
claims, :func:`audit` several articles under a policy, and :func:`export` its
references as a bibliography. Everything they return is a frozen record from
:mod:`spector_refs.model`; :func:`fix` writes the edit that rescues an
article's dead links into its wikitext and returns a
:class:`~spector_refs.fix.FixResult`.
"""

from spector_refs.assess import assess
from spector_refs.audit import audit
from spector_refs.check import LinkCheckConfig, check_links
from spector_refs.collect import fetch_article
from spector_refs.config import Config, load_config
from spector_refs.errors import ConfigError, ExportError, FetchError, InputError, SpectorError
from spector_refs.export import export
from spector_refs.fix import FixResult, fix
from spector_refs.model import (
    Article,
    Assessment,
    AuditResult,
    Claim,
    Finding,
    LinkResult,
    Name,
    Reference,
    Reliability,
    Severity,
    SourceProfile,
    Verdict,
)
from spector_refs.parse import parse
from spector_refs.version import __version__ as __version__

__all__ = [
    "Article",
    "Assessment",
    "AuditResult",
    "Claim",
    "Config",
    "ConfigError",
    "ExportError",
    "FetchError",
    "Finding",
    "FixResult",
    "InputError",
    "LinkCheckConfig",
    "LinkResult",
    "Name",
    "Reference",
    "Reliability",
    "Severity",
    "SourceProfile",
    "SpectorError",
    "Verdict",
    "assess",
    "audit",
    "check_links",
    "export",
    "fetch_article",
    "fix",
    "load_config",
    "parse",
]
