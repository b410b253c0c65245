"""The rendered-CS1 reader on real citations: the Dog page's 172 rendered lines, one case each.

Cases and labels come from ``tests/fixtures/cs1/dog_2018.json``, written by
``benchmarks/cs1_corpus.py --write-dev`` from the Parsoid fixture: the text a
reader copies from each ``cite`` element and, as labels, the template
parameters Parsoid keeps beside it. The misses listed below are known and
explained; every other line must give the labelled title, first author and year.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[2] / "benchmarks"))

from cs1_corpus import DEV, score

CASES = json.loads(DEV.read_text(encoding="utf-8"))
KNOWN_MISSES = {
    "dog-61": "CS2 ({{citation}}) separates parts with commas; only CS1's full stops are read",
    "dog-90": "|title= holds '(1st ed.)', which renders exactly like CS1's edition",
    "dog-142": "CS2 ({{citation}}) separates parts with commas",
    "dog-167": "CS2 ({{citation}}) separates parts with commas",
}


@pytest.mark.parametrize(
    "case",
    [
        pytest.param(
            case,
            id=case["id"],
            marks=[pytest.mark.xfail(reason=KNOWN_MISSES[case["id"]], strict=True)]
            if case["id"] in KNOWN_MISSES
            else [],
        )
        for case in CASES
    ],
)
def test_real_rendered_citation(case: dict) -> None:
    result = score(case)
    assert all(result.values()), f"{result}: {case['line']}"
