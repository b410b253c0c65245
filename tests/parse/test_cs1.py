"""Rendered CS1 citations read back into fields: one data-driven case per variant."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from spector_refs.model import Reference
from spector_refs.parse.core.cs1 import parse_rendered_citation

CASES = json.loads((Path(__file__).parent.parent / "fixtures" / "cs1" / "rendered.json").read_text("utf-8"))


@pytest.mark.parametrize("case", [pytest.param(c, id=c["id"]) for c in CASES])
def test_rendered_citation(case: dict) -> None:
    ref = Reference(number=1, **parse_rendered_citation(case["line"]))
    for key, expected in case["expect"].items():
        if key in ("authors", "editors", "translators", "revisers"):
            actual = [name.to_dict() for name in getattr(ref, key)]
        elif key == "identifiers":
            actual = {k: ref.identifiers.get(k) for k in expected}
        elif key in ("maintenance", "problems"):
            actual = list(getattr(ref, key))
        else:
            actual = getattr(ref, key)
        assert actual == expected, f"{key} of {case['line']!r}"


def test_unreadable_date_becomes_a_problem_not_an_error() -> None:
    fields = parse_rendered_citation('Smith, J. (Smarch 13, 2020). "T". Site.')
    assert any("date" in problem for problem in fields["problems"])


@pytest.mark.parametrize("text", ["", "   ", "((((", '"unterminated', "{{cite web}}:", "Retrieved"])
def test_odd_citations_never_raise(text: str) -> None:
    Reference(number=1, **parse_rendered_citation(text))
