"""Articles, references and claims as plain JSON-ready dicts.

The JSON schemas are part of the interface (CI jobs and other tools parse
them), so the field names live in one place and carry a schema version.
"""

from __future__ import annotations

from typing import Any

from spector_refs.model import Article, Claim, Reference

ARTICLE_SCHEMA = "spector-refs/article/1"
_REFERENCE_FIELDS = (
    "number", "group", "cite_count", "kind", "name", "title", "trans_title", "chapter", "work",
    "publisher", "place", "edition", "series", "volume", "issue", "pages", "date", "original_date",
    "access_date", "archive_date", "url", "archive_url", "url_status", "language", "quote",
)  # fmt: skip


def reference_to_dict(ref: Reference) -> dict[str, Any]:
    """A reference with every documented key present (None where unknown)."""
    out: dict[str, Any] = {name: getattr(ref, name) for name in _REFERENCE_FIELDS}
    out["authors"] = [name.to_dict() for name in ref.authors]
    out["authors_truncated"] = ref.authors_truncated
    out["editors"] = [name.to_dict() for name in ref.editors]
    out["translators"] = [name.to_dict() for name in ref.translators]
    out["issn"], out["isbn"], out["doi"] = ref.issn, ref.isbn, ref.doi
    out["identifiers"] = dict(ref.identifiers)
    out["maintenance"] = list(ref.maintenance)
    out["problems"] = list(ref.problems)
    out["tags"] = list(ref.tags)
    out["line"] = ref.line
    out["column"] = ref.column
    out["raw"] = ref.raw
    return out


def claim_to_dict(claim: Claim, index: int) -> dict[str, Any]:
    """A claim with its index (findings point at claims by index)."""
    return {
        "index": index,
        "text": claim.text,
        "section": claim.section,
        "refs": list(claim.refs),
        "notes": list(claim.notes),
        "tags": list(claim.tags),
        "block": claim.block,
        "paragraph": claim.paragraph,
        "line": claim.line,
        "column": claim.column,
    }


def article_to_dict(article: Article) -> dict[str, Any]:
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
