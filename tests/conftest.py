"""Shared test helpers: external tools that CI must have, and the seed article."""

from __future__ import annotations

import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

FIXTURES = Path(__file__).parent / "fixtures"
SEED = Path(__file__).parent.parent / "spector_refs" / "data" / "operation_spector.txt"


@pytest.fixture
def require_tool() -> Callable[[str], str]:
    """Return the path of an external program, or skip the test visibly.

    Under CI (``CI=true``) a missing program fails the test instead, so the
    checks against biber, pandoc or chromium can never be skipped silently.
    """

    def find(name: str) -> str:
        path = shutil.which(name)
        if path:
            return path
        message = f"{name} is not installed (apt-get install {name})"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {message}")
        pytest.skip(message)

    return find


@pytest.fixture
def seed_text() -> str:
    """The bundled Operation SpecTor article as plain text."""
    return SEED.read_text(encoding="utf-8")
