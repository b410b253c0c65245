"""The audit records as three Parquet tables: references, findings and articles.

Researchers load a dump audit into pandas, DuckDB or Spark, which want flat
rows: one per reference, one per finding, one per article with its counts.
The columns are the audit schema's keys (``report/json.py``), so the two
output formats share one vocabulary; nested values become lists of strings
or JSON text. Each table has a fixed schema so every partition's file reads
back as one dataset. pyarrow is the optional ``parquet`` extra.
"""

from __future__ import annotations

import json
from typing import Any

from spector_refs.errors import ConfigError

TABLES = ("references", "findings", "articles")
_INT = ("number", "cite_count", "line", "column")
_TEXT = (
    "group", "kind", "name", "title", "trans_title", "chapter", "work", "publisher", "place", "edition",
    "volume", "issue", "pages", "date", "access_date", "archive_date", "url", "archive_url", "url_status",
    "language", "quote", "issn", "isbn", "doi", "raw",
)  # fmt: skip
_LISTS = ("authors", "editors", "maintenance", "problems")
_ARTICLE_COUNTS = ("references", "claims", "findings", "failing", "links", "broken_links")


def pyarrow_module() -> Any:
    """pyarrow, or a ConfigError naming the extra that installs it."""
    try:
        import pyarrow
    except ImportError:
        raise ConfigError("--format parquet needs pyarrow: install spector-refs[parquet]") from None
    return pyarrow


def schemas() -> dict[str, Any]:
    """The fixed schema of each table."""
    pa = pyarrow_module()
    page = [("page_id", pa.int64()), ("page_title", pa.string())]
    text_list = pa.list_(pa.string())
    references = [
        *page,
        *[(name, pa.int64()) for name in _INT],
        *[(name, pa.string()) for name in _TEXT],
        *[(name, text_list) for name in _LISTS],
        ("identifiers", pa.string()),
        ("source_reliability", pa.string()),
        ("source_kind", pa.string()),
        ("link_verdict", pa.string()),
        ("health", pa.string()),
    ]
    findings = [
        *page,
        ("kind", pa.string()),
        ("severity", pa.string()),
        ("claim", pa.int64()),
        ("reference", pa.int64()),
        ("group", pa.string()),
        ("text", pa.string()),
        ("reason", pa.string()),
        ("evidence", text_list),
        ("line", pa.int64()),
        ("column", pa.int64()),
        ("fails", pa.bool_()),
    ]
    articles = [
        ("page_id", pa.int64()),
        ("revision_id", pa.int64()),
        ("namespace", pa.int64()),
        ("title", pa.string()),
        *[(name, pa.int64()) for name in _ARTICLE_COUNTS],
        ("problems", text_list),
    ]
    return {
        name: pa.schema(columns)
        for name, columns in zip(TABLES, (references, findings, articles), strict=True)
    }


def encode_tables(records: list[dict[str, Any]]) -> dict[str, Any]:
    """A partition's records as one pyarrow table per kind of row (runs in the worker)."""
    pa = pyarrow_module()
    rows: dict[str, list[dict[str, Any]]] = {name: [] for name in TABLES}
    for record in records:
        page = {"page_id": record["page_id"], "page_title": record["title"]}
        rows["references"] += [{**page, **_reference_row(ref)} for ref in record["references"]]
        rows["findings"] += [{**page, **_finding_row(finding)} for finding in record["findings"]]
        rows["articles"].append(_article_row(record))
    return {name: pa.Table.from_pylist(rows[name], schema=schema) for name, schema in schemas().items()}


def _reference_row(ref: dict[str, Any]) -> dict[str, Any]:
    row: dict[str, Any] = {name: ref.get(name) for name in _INT}
    row.update({name: _text(ref.get(name)) for name in _TEXT})
    row.update({name: [_name(item) for item in ref.get(name) or ()] for name in _LISTS})
    row["identifiers"] = json.dumps(ref.get("identifiers") or {}, ensure_ascii=False, sort_keys=True)
    source = ref.get("source") or {}
    row["source_reliability"], row["source_kind"] = source.get("reliability"), source.get("kind")
    row["link_verdict"] = (ref.get("link") or {}).get("verdict")
    row["health"] = ref.get("health")
    return row


def _finding_row(finding: dict[str, Any]) -> dict[str, Any]:
    row = {name: finding.get(name) for name in ("kind", "severity", "claim", "reference", "line", "column")}
    row.update(group=_text(finding.get("group")), text=_text(finding.get("text")))
    row.update(reason=_text(finding.get("reason")), evidence=[str(e) for e in finding.get("evidence") or ()])
    row["fails"] = bool(finding.get("fails"))
    return row


def _article_row(record: dict[str, Any]) -> dict[str, Any]:
    summary = record["summary"]
    row = {name: record.get(name) for name in ("page_id", "revision_id", "namespace", "title")}
    row.update({name: summary.get(name, 0) for name in _ARTICLE_COUNTS})
    row["problems"] = list(record.get("problems") or ())
    return row


def _text(value: Any) -> str | None:
    return None if value is None else str(value)


def _name(item: Any) -> str:
    """A name object as one string: "Family, Given" or the literal."""
    if isinstance(item, dict):
        if "literal" in item:
            return str(item["literal"])
        return ", ".join(part for part in (item.get("family"), item.get("given")) if part)
    return str(item)
