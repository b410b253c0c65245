"""The ``result`` fixture: the hand-built audit result of :mod:`report_sample`."""

from __future__ import annotations

import pytest
from report_sample import build_result

from spector_refs.model import AuditResult


@pytest.fixture
def result() -> AuditResult:
    return build_result()
