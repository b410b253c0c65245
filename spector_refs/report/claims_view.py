"""The article's text as the visual reports show it: sections, paragraphs, flagged claims.

The parsers keep claims in reading order with their section and paragraph;
this regroups them so a report can print the text as the reader saw it, with
each claim carrying the findings about it. Claims of the lead have no
section; they are shown under "Lead".
"""

from __future__ import annotations

from dataclasses import dataclass

from spector_refs.model import Assessment, Finding, Severity

LEAD = "Lead"


@dataclass(frozen=True)
class ClaimView:
    """One claim with its citation markers and the findings about it."""

    index: int
    text: str
    refs: tuple[int, ...]
    notes: tuple[str, ...]
    tags: tuple[str, ...]
    findings: tuple[Finding, ...]

    @property
    def markers(self) -> tuple[str, ...]:
        """The markers as the article shows them: "1", "2", "a"."""
        return (*(str(number) for number in self.refs), *self.notes)

    @property
    def kinds(self) -> tuple[str, ...]:
        """The finding kinds about this claim, each once, in finding order."""
        return tuple(dict.fromkeys(f.kind for f in self.findings))

    @property
    def severity(self) -> Severity | None:
        """The worst severity among the claim's findings."""
        return max((f.severity for f in self.findings), default=None)


@dataclass(frozen=True)
class Paragraph:
    block: str
    claims: tuple[ClaimView, ...]


@dataclass(frozen=True)
class Section:
    title: str
    paragraphs: tuple[Paragraph, ...]


def sections(assessment: Assessment) -> list[Section]:
    """The claims grouped by section, then by paragraph (or list, table, infobox block)."""
    by_claim: dict[int, list[Finding]] = {}
    for finding in assessment.findings:
        if finding.claim is not None:
            by_claim.setdefault(finding.claim, []).append(finding)
    grouped: list[tuple[str, list[tuple[tuple[int, str], list[ClaimView]]]]] = []
    for i, claim in enumerate(assessment.article.claims):
        title = claim.section or LEAD
        if not grouped or grouped[-1][0] != title:
            grouped.append((title, []))
        paragraphs = grouped[-1][1]
        key = (claim.paragraph, claim.block)
        if not paragraphs or paragraphs[-1][0] != key:
            paragraphs.append((key, []))
        shown = ClaimView(i, claim.text, claim.refs, claim.notes, claim.tags, tuple(by_claim.get(i, ())))
        paragraphs[-1][1].append(shown)
    return [
        Section(title, tuple(Paragraph(key[1], tuple(claims)) for key, claims in paragraphs))
        for title, paragraphs in grouped
    ]
