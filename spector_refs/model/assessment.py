"""The assessor's results: what each source is, what an editor should look at, and a whole audit."""

from __future__ import annotations

from dataclasses import dataclass

from spector_refs.model import Reliability, Severity
from spector_refs.model.article import Article, Reference
from spector_refs.model.links import LinkResult


@dataclass(frozen=True)
class SourceProfile:
    """Why a reference's source counts as what it is: the rule that matched.

    ``sanctioned`` marks state media that an official sanctions list names as
    an instrument of disinformation (the EU's Annex XV outlets): weak by
    default rather than primary (``AssessConfig.sanctioned_weak``).
    """

    reliability: Reliability = Reliability.UNKNOWN
    kind: str = "unknown"
    matched: str | None = None
    reason: str = "no entry matched this source"
    sanctioned: bool = False


@dataclass(frozen=True)
class Finding:
    """One thing an editor should look at, with the reason in their words.

    A finding is about a claim (``claim`` is its index in ``Article.claims``)
    or a reference (``reference`` is its number, ``group`` its group).
    """

    kind: str
    severity: Severity
    reason: str
    text: str = ""
    claim: int | None = None
    reference: int | None = None
    group: str | None = None
    evidence: tuple[str, ...] = ()


@dataclass(frozen=True)
class Assessment:
    """The assessor's result: a profile per reference and the findings."""

    article: Article
    sources: tuple[tuple[Reference, SourceProfile], ...] = ()
    findings: tuple[Finding, ...] = ()
    links: tuple[LinkResult, ...] = ()

    def profile(self, ref: Reference) -> SourceProfile:
        """The source profile of one of the article's references."""
        for candidate, profile in self.sources:
            if candidate is ref:
                return profile
        return SourceProfile()


@dataclass(frozen=True)
class AuditResult:
    """One audit run over one or more articles: what every report renders.

    ``fail_on`` is the policy the run was judged by and ``exit_code`` the
    documented code it produced (0 clean, 1 findings, 3 network unavailable).
    ``baselined`` counts the known problems a baseline left out of it.
    """

    assessments: tuple[Assessment, ...] = ()
    fail_on: tuple[str, ...] = ()
    links_checked: bool = False
    exit_code: int = 0
    baselined: int = 0
