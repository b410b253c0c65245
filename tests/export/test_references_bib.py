"""references.bib at the repository root is the tool's BibLaTeX output for the bundled seed.

Regenerate it with ``spector-refs bib spector_refs/data/operation_spector.txt -o references.bib``
when an intended change to the parser or the exporter alters it.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from spector_refs.export import export
from spector_refs.parse.text import parse_text

ROOT = Path(__file__).parent.parent.parent
REFERENCES_BIB = ROOT / "references.bib"
SEED = ROOT / "spector_refs" / "data" / "operation_spector.txt"


def test_references_bib_is_the_biblatex_export_of_the_seed(seed_text: str) -> None:
    article = parse_text(seed_text)
    assert len(article.references) == 13
    assert export(article.references) == REFERENCES_BIB.read_text(encoding="utf-8")


def test_cli_bib_writes_the_same_bytes(tmp_path: Path) -> None:
    out = tmp_path / "references.bib"
    result = subprocess.run(
        [sys.executable, "-m", "spector_refs", "bib", str(SEED), "-o", str(out)],
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert out.read_bytes() == REFERENCES_BIB.read_bytes()


def test_references_bib_matches_the_hand_built_seed_case() -> None:
    """The parser's records and the hand-built fixture agree, so the golden seed case tests the real thing."""
    golden = ROOT / "tests" / "fixtures" / "export" / "cases" / "seed.biblatex.bib"
    assert golden.read_bytes() == REFERENCES_BIB.read_bytes()
