"""The documentation's generated tables match their definitions (``python tools/docs.py`` rewrites them)."""

from __future__ import annotations

import sys
from dataclasses import fields
from pathlib import Path

from spector_refs import settings
from spector_refs.assess.config import AssessConfig
from spector_refs.check.config import LinkCheckConfig
from spector_refs.findings import KINDS

ROOT = Path(__file__).parent.parent
sys.path.insert(0, str(ROOT / "tools"))
import docs  # noqa: E402


def test_the_committed_docs_match_the_registry_and_the_configuration_model() -> None:
    assert docs.stale() == [], "regenerate with: python tools/docs.py"


def test_every_finding_kind_and_every_configuration_key_is_documented() -> None:
    """What the generated tables hold: a row per kind and per key, so the docs cannot leave one out."""
    assessment = (ROOT / "docs" / "assessment.md").read_text(encoding="utf-8")
    links = (ROOT / "docs" / "links.md").read_text(encoding="utf-8")
    for slug in KINDS:
        assert f"[`{slug}`](" in assessment
    for kind, text in ((AssessConfig, assessment), (LinkCheckConfig, links)):
        for field in settings.keys(kind):
            assert f"| `{settings.key_of('', field.name)}` |" in text


def test_a_stale_table_is_reported(tmp_path: Path) -> None:
    for relative in {path for path, _ in docs.GENERATED.values()}:
        (tmp_path / relative).parent.mkdir(parents=True, exist_ok=True)
        (tmp_path / relative).write_text((ROOT / relative).read_text(encoding="utf-8"), encoding="utf-8")
    links = tmp_path / "docs" / "links.md"
    links.write_text(links.read_text(encoding="utf-8").replace("| `identifiers` |", "| `identifier` |"))
    assert docs.stale(tmp_path) == ["docs/links.md"]


def test_every_field_of_a_section_is_a_documented_key() -> None:
    """A field declared without ``settings.setting(..., doc=...)`` is neither settable nor documented."""
    for kind, table_only in ((LinkCheckConfig, set()), (AssessConfig, {"sources"})):
        plain = {field.name for field in fields(kind)} - {field.name for field in settings.keys(kind)}
        assert plain == table_only, (
            f"{kind.__name__}: declare {sorted(plain - table_only)} with settings.setting"
        )
