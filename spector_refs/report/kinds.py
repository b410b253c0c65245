"""What ``spector-refs kinds`` prints: every finding kind and fail-on name, with its meaning.

Rendered from the registry (:mod:`spector_refs.findings`) and the policy's
groups, so the listing cannot disagree with what the tool reports.
:func:`kinds_markdown` is the table in ``docs/assessment.md``
(``tools/docs.py`` writes it there; a test keeps it equal).
"""

from __future__ import annotations

from spector_refs.findings import KINDS, FindingKind
from spector_refs.model import Severity
from spector_refs.policy import GROUPS


def kinds_text() -> str:
    """One line per name: groups and severities first, then the kinds with severity and description."""
    width = max(len(slug) for slug in (*KINDS, *GROUPS))
    lines = ["fail-on groups:"]
    lines += [f"  {name:<{width}}  {meaning}" for name, meaning in GROUPS.items()]
    severities = ", ".join(severity.value for severity in Severity)
    lines += ["", f"severities (fail on any finding at least this severe): {severities}", ""]
    lines += ["finding kinds (default severity, about):"]
    lines += [
        f"  {k.slug:<{width}}  {k.severity.value:<7}  {k.about:<9}  {k.description}" for k in KINDS.values()
    ]
    return "\n".join(lines)


def kinds_markdown() -> str:
    """The finding-kinds table of the documentation."""
    lines = ["| kind | about | default severity | when |", "|---|---|---|---|"]
    lines += [_row(kind) for kind in KINDS.values()]
    return "\n".join(lines)


def _row(kind: FindingKind) -> str:
    severity = kind.severity.value + (f" ({kind.severity_note})" if kind.severity_note else "")
    when = kind.full_description.replace("|", "\\|")
    return f"| [`{kind.slug}`]({kind.help_url}) | {kind.about} | {severity} | {when} |"
