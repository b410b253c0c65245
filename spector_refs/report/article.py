"""What ``spector-refs parse`` prints: an article's references and claims, as JSON or text.

The JSON document is the versioned ``spector-refs/article/1`` schema (see
``docs/json.md``); its reference and claim objects are the shared shapes of
:mod:`spector_refs.serialize`. The text form is a compact listing for people.
"""

from __future__ import annotations

from typing import Any

from spector_refs.model import Article
from spector_refs.report.view import Location
from spector_refs.serialize import claim_to_dict, reference_to_dict

ARTICLE_SCHEMA = "spector-refs/article/1"


def article_document(article: Article) -> dict[str, Any]:
    """The whole parse result under the versioned article schema."""
    return {
        "schema": ARTICLE_SCHEMA,
        "title": article.title,
        "source_format": article.source_format,
        "path": article.path,
        "references": [reference_to_dict(ref) for ref in article.references],
        "claims": [claim_to_dict(claim, i) for i, claim in enumerate(article.claims)],
        "problems": list(article.problems),
    }


def article_text(article: Article) -> str:
    """A compact human-readable listing of references and claims."""
    lines = [f"{article.title or '(untitled)'} — {len(article.references)} references, "
             f"{len(article.claims)} claims ({article.source_format})", "", "References:"]  # fmt: skip
    for ref in article.references:
        authors = "; ".join(name.display() for name in ref.authors)
        parts = [p for p in (authors, ref.title, ref.work, ref.date) if p]
        lines.append(f"  {ref.label} ×{ref.cite_count}: " + " · ".join(parts))
    lines += ["", "Claims:"]
    for claim in article.claims:
        cites = "".join(f"[{n}]" for n in claim.refs) + "".join(f"[{t}]" for t in claim.tags)
        position = str(Location(claim.line, claim.column))
        lines.append("  " + " ".join(part for part in (position, claim.text, cites) if part))
    lines += [f"problem: {problem}" for problem in article.problems]
    return "\n".join(lines)
