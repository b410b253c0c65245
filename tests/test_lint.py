"""The code base stays ruff clean (lint and format), checked like any other test.

ruff runs as ``python -m ruff`` with the interpreter running the tests, so
the check never depends on PATH (an unactivated venv would otherwise skip
it); ruff is a test dependency, so its absence is a failure, not a skip.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).parent.parent


@pytest.mark.parametrize("command", [["check", "."], ["format", "--check", "."]], ids=["lint", "format"])
def test_ruff_is_clean(command: list[str]) -> None:
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("not run from a source checkout")
    result = subprocess.run(
        [sys.executable, "-m", "ruff", *command], cwd=ROOT, capture_output=True, text=True, timeout=120
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-1000:]
