"""The code base stays ruff clean (lint and format), checked like any other test."""

from __future__ import annotations

import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"])
def test_ruff_is_clean(require_tool: Callable[[str], str], command: list[str]) -> None:
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("not run from a source checkout")
    result = subprocess.run(
        [require_tool("ruff"), *command], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
