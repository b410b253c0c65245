"""The one format-neutral data model every stage shares.

Parsers build these records, the link checker and the assessor add results
beside them, exporters and reports only read them. Everything is a frozen
dataclass so that no stage can change what an earlier stage produced; lists
are tuples for the same reason. Names are ``family``/``given`` or ``literal``,
dates are ISO strings (``2023-05-02``, ``2023-05``, ``2023``), and no field
holds LaTeX, HTML or wiki markup: escaping belongs to each writer.

The vocabularies (:class:`Verdict`, :class:`Reliability`, :class:`Severity`)
are defined here; the records live in one module per stage that builds them
(:mod:`~spector_refs.model.article`, :mod:`~spector_refs.model.links`,
:mod:`~spector_refs.model.assessment`) and are exported here lazily, each
module loading on the first use of one of its names. Python compiles every
frozen dataclass's six generated methods when its module is imported, about
1 ms a class, so a ``links`` run that never touches an article or an
assessment does not build their eight classes.
"""

from __future__ import annotations

from enum import StrEnum
from typing import TYPE_CHECKING

from spector_refs.lazy import lazy_exports

if TYPE_CHECKING:  # what type checkers see; the interpreter uses _MODULES
    from spector_refs.model.article import BLOCKS as BLOCKS
    from spector_refs.model.article import SOURCE_FORMATS as SOURCE_FORMATS
    from spector_refs.model.article import Article as Article
    from spector_refs.model.article import Claim as Claim
    from spector_refs.model.article import Name as Name
    from spector_refs.model.article import Reference as Reference
    from spector_refs.model.article import claim_label as claim_label
    from spector_refs.model.assessment import Assessment as Assessment
    from spector_refs.model.assessment import AuditResult as AuditResult
    from spector_refs.model.assessment import Finding as Finding
    from spector_refs.model.assessment import SourceProfile as SourceProfile
    from spector_refs.model.links import CheckRecord as CheckRecord
    from spector_refs.model.links import Hop as Hop
    from spector_refs.model.links import LinkResult as LinkResult
    from spector_refs.model.links import LinkTarget as LinkTarget
    from spector_refs.model.links import PageMeta as PageMeta
    from spector_refs.model.links import cited_kind as cited_kind
    from spector_refs.model.links import cited_target as cited_target
    from spector_refs.model.links import distinct_targets as distinct_targets


class Verdict(StrEnum):
    """What a link check concluded; values are the documented JSON strings."""

    OK = "ok"
    REDIRECTED = "redirected"
    BROKEN = "broken"
    SOFT_404 = "soft-404"
    USURPED = "usurped"
    REDIRECT_LOOP = "redirect-loop"
    SERVER_ERROR = "server-error"
    TIMEOUT = "timeout"
    DNS_FAILURE = "dns-failure"
    TLS_ERROR = "tls-error"
    BLOCKED = "blocked"
    RATE_LIMITED = "rate-limited"
    REFUSED = "refused"
    INVALID = "invalid"
    UNSUPPORTED = "unsupported"
    EXCLUDED = "excluded"
    NETWORK_UNAVAILABLE = "network-unavailable"

    @property
    def is_dead(self) -> bool:
        """Verdicts that mean the cited page is gone (exit code 1 material)."""
        return self in _DEAD


_DEAD = frozenset({Verdict.BROKEN, Verdict.SOFT_404, Verdict.REDIRECT_LOOP, Verdict.USURPED})


class Reliability(StrEnum):
    """Consensus on a source, in the perennial-sources list's terms."""

    GENERALLY_RELIABLE = "generally-reliable"
    NO_CONSENSUS = "no-consensus"
    GENERALLY_UNRELIABLE = "generally-unreliable"
    DEPRECATED = "deprecated"
    BLACKLISTED = "blacklisted"
    UNKNOWN = "unknown"


class Severity(StrEnum):
    """How pressing a finding is; values are the documented JSON strings, most severe first.

    Severities compare by how pressing they are (``INFO < WARNING < ERROR``),
    not alphabetically as their strings would, so ``max(severities)`` is the
    worst one and every report ranks them the same way.
    """

    ERROR = "error"
    WARNING = "warning"
    INFO = "info"

    @property
    def rank(self) -> int:
        """Higher is more severe: a sort key for severities (0 for info)."""
        return _SEVERITY_RANK[self]

    def at_least(self, floor: Severity) -> bool:
        """Whether this severity is ``floor`` or worse ("warning" is at least "info")."""
        return self >= floor

    def __lt__(self, other: object) -> bool:
        return self.rank < other.rank if isinstance(other, Severity) else NotImplemented

    def __le__(self, other: object) -> bool:
        return self.rank <= other.rank if isinstance(other, Severity) else NotImplemented

    def __gt__(self, other: object) -> bool:
        return self.rank > other.rank if isinstance(other, Severity) else NotImplemented

    def __ge__(self, other: object) -> bool:
        return self.rank >= other.rank if isinstance(other, Severity) else NotImplemented


_SEVERITY_RANK = {Severity.INFO: 0, Severity.WARNING: 1, Severity.ERROR: 2}

# The records by the module that defines each (a test keeps them equal to the imports above).
_MODULES = {
    "spector_refs.model.article": (
        "BLOCKS",
        "SOURCE_FORMATS",
        "Article",
        "Claim",
        "Name",
        "Reference",
        "claim_label",
    ),
    "spector_refs.model.assessment": ("Assessment", "AuditResult", "Finding", "SourceProfile"),
    "spector_refs.model.links": (
        "CheckRecord",
        "Hop",
        "LinkResult",
        "LinkTarget",
        "PageMeta",
        "cited_kind",
        "cited_target",
        "distinct_targets",
    ),
}
_EXPORTS = {name: module for module, names in _MODULES.items() for name in names}
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
