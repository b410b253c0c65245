"""The finding kinds as rules: a stable id, one line of description and a default level.

SARIF viewers and the HTML legend name each kind of finding; the ids are the
documented finding kinds (plus ``broken-link`` for dead cited URLs), so a
code-scanning alert and a JSON finding use the same word. One rule per
inline cleanup tag comes from the shared tag table.
"""

from __future__ import annotations

from dataclasses import dataclass

from spector_refs.model import Severity
from spector_refs.parse.tags import INLINE_TAGS, tag_slug
from spector_refs.report.view import BROKEN_LINK


@dataclass(frozen=True)
class Rule:
    """One kind of finding as a checker rule."""

    id: str
    description: str
    level: Severity


_RULES = (
    Rule(BROKEN_LINK, "A cited URL is gone (broken, soft 404, usurped or redirect loop).", Severity.ERROR),
    Rule("uncited", "A claim has no citation anywhere in its paragraph.", Severity.WARNING),
    Rule(
        "weak-only",
        "A claim rests only on weak sources (unreliable, self-published, user-generated).",
        Severity.WARNING,
    ),
    Rule(
        "primary-only",
        "A claim rests only on primary sources (government, press release, company).",
        Severity.INFO,
    ),
    Rule("dead-only", "Every cited URL of a claim is dead.", Severity.WARNING),
    Rule("unverified-figure", "A figure in a claim appears in none of its cited sources.", Severity.WARNING),
    Rule("duplicate-reference", "Two references cite the same source.", Severity.INFO),
    Rule("unused-reference", "A reference is never cited by the text.", Severity.INFO),
    Rule("missing-reference", "A citation marker points at a reference that does not exist.", Severity.ERROR),
    Rule("missing-url", "A reference has no URL.", Severity.INFO),
    Rule("missing-date", "A reference has no publication date.", Severity.INFO),
    Rule("missing-author", "A reference names no author.", Severity.INFO),
    Rule("generic-title", "A reference's title is only the site's name.", Severity.WARNING),
    Rule("bare-url", "A reference is a bare URL with no title or publisher.", Severity.WARNING),
    Rule("stale-access-date", "A reference's access date is older than the configured age.", Severity.INFO),
    Rule("cs1-maint", "A citation template reported a CS1 maintenance message.", Severity.INFO),
)
_TAG_RULES = tuple(
    Rule(tag_slug(tag), f"An editor tagged the claim [{tag}].", Severity.WARNING) for tag in INLINE_TAGS
)
RULES: dict[str, Rule] = {rule.id: rule for rule in (*_RULES, *_TAG_RULES)}
"""Every documented rule by id, broken links first."""


def rule_for(kind: str) -> Rule:
    """The rule of a finding kind; a kind this table does not know still gets a rule."""
    return RULES.get(kind) or Rule(kind, f"Finding of kind {kind}.", Severity.WARNING)
