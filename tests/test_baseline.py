"""Baselines: today's problems recorded, tomorrow's report shows only new ones, whatever moved."""

from __future__ import annotations

import json
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest

from spector_refs.assess import assess
from spector_refs.baseline import BASELINE_SCHEMA, apply_baseline, read_baseline, to_json
from spector_refs.errors import InputError
from spector_refs.model import Article, Assessment, AuditResult, LinkResult, Reference, Verdict
from spector_refs.parse import parse
from spector_refs.policy import exit_code

SEED = Path(__file__).parent.parent / "spector_refs" / "data" / "operation_spector.txt"
FAIL_ON = ("warning",)


def _audit(text: str) -> AuditResult:
    assessment = assess(parse(text, format="text"))
    return AuditResult((assessment,), FAIL_ON, False, exit_code([assessment], FAIL_ON))


def _baseline(result: AuditResult, tmp_path: Path) -> Path:
    path = tmp_path / "baseline.json"
    path.write_text(to_json(result), encoding="utf-8")
    return path


def test_the_same_article_against_its_own_baseline_is_clean(tmp_path: Path) -> None:
    today = _audit(SEED.read_text(encoding="utf-8"))
    assert today.exit_code == 1 and today.assessments[0].findings
    again = apply_baseline(today, read_baseline(_baseline(today, tmp_path)))
    assert again.assessments[0].findings == () and again.exit_code == 0
    assert again.baselined == len(today.assessments[0].findings)


def test_findings_are_matched_by_text_not_line(tmp_path: Path) -> None:
    """Blank lines added at the top move every finding down; none of them becomes new."""
    text = SEED.read_text(encoding="utf-8")
    today = _audit(text)
    moved = _audit("\n\n\n" + text)
    first = today.assessments[0].article.claims[0].line
    assert moved.assessments[0].article.claims[0].line == (first or 0) + 3
    after = apply_baseline(moved, read_baseline(_baseline(today, tmp_path)))
    assert after.assessments[0].findings == () and after.exit_code == 0


def test_a_new_problem_is_reported_and_fails(tmp_path: Path) -> None:
    text = SEED.read_text(encoding="utf-8")
    today = _audit(text)
    claim = "The market also sold forged passports.[citation needed]"
    tomorrow = _audit(text.replace("\nHistory edit\n", f"\nHistory edit\n\n{claim}\n", 1))
    after = apply_baseline(tomorrow, read_baseline(_baseline(today, tmp_path)))
    kinds = [(f.kind, f.text) for f in after.assessments[0].findings]
    assert kinds == [("citation-needed", "The market also sold forged passports.")]
    assert after.exit_code == 1


def test_a_second_copy_of_a_known_problem_is_new(tmp_path: Path) -> None:
    ref = Reference(1, raw="Gone", title="Gone", url="https://gone.example/")
    article = Article("A", "html", (ref,))
    dead = LinkResult("https://gone.example/", Verdict.BROKEN, "404", 404)
    result = AuditResult((Assessment(article, links=(dead,)),), ("broken-links",), True, 1)
    known = read_baseline(_baseline(result, tmp_path))
    twice = replace(result, assessments=(replace(result.assessments[0], links=(dead, dead)),))
    after = apply_baseline(twice, known)
    assert len(after.assessments[0].links) == 1 and after.exit_code == 1 and after.baselined == 1


def test_the_file_is_versioned_sorted_and_stable() -> None:
    today = _audit(SEED.read_text(encoding="utf-8"))
    data = json.loads(to_json(today))
    assert data["schema"] == BASELINE_SCHEMA
    keys = [(e["article"], e["kind"], e["fingerprint"]) for e in data["findings"]]
    assert keys == sorted(keys) and len(keys) == len(today.assessments[0].findings)
    assert to_json(today) == to_json(_audit(SEED.read_text(encoding="utf-8")))
    assert all(set(entry) == {"kind", "fingerprint", "article", "text"} for entry in data["findings"])


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (None, "no such baseline file"),
        ("{not json", "not a readable baseline file"),
        ('{"schema": "other/1", "findings": []}', "not a spector-refs/baseline/1 file"),
        (
            '{"schema": "spector-refs/baseline/1", "findings": [{"kind": 3}]}',
            "needs a kind and a fingerprint",
        ),
    ],
)
def test_a_bad_baseline_is_an_input_error(tmp_path: Path, content: str | None, message: str) -> None:
    path = tmp_path / "b.json"
    if content is not None:
        path.write_text(content, encoding="utf-8")
    with pytest.raises(InputError, match=message):
        read_baseline(path)


def _cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "spector_refs", "audit", "--no-links", "--fail-on", "warning", *args],
        capture_output=True,
        text=True,
        timeout=60,
    )


def test_the_command_line_writes_and_applies_a_baseline(tmp_path: Path) -> None:
    path = tmp_path / "baseline.json"
    first = _cli("--write-baseline", str(path), "--format", "json")
    assert first.returncode == 1 and json.loads(first.stdout)["baselined"] == 0
    second = _cli("--baseline", str(path), "--format", "json")
    assert second.returncode == 0, second.stderr
    data = json.loads(second.stdout)
    assert data["summary"]["findings"] == 0
    assert data["baselined"] == len(json.loads(path.read_text(encoding="utf-8"))["findings"])
    broken = _cli("--baseline", str(tmp_path / "missing.json"))
    assert broken.returncode == 2 and len(broken.stderr.strip().splitlines()) == 1
