"""The code base stays ruff clean (lint and format) and mypy clean, checked like any other test.

ruff and mypy run as ``python -m …`` with the interpreter running the tests,
so the check never depends on PATH (an unactivated venv would otherwise skip
it); ruff is a test dependency, so its absence is a failure, not a skip.
mypy (with the stubs it needs) is one too, but a checkout tested without the
``test`` extra skips it visibly; under ``CI=true`` its absence fails.
The settings are ``[tool.mypy]`` in ``pyproject.toml``: no blanket ignores,
and a ``# type: ignore[code]`` only where a library ships no types.
"""

from __future__ import annotations

import importlib.util
import os
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


def test_mypy_is_clean() -> None:
    if not (ROOT / "pyproject.toml").is_file():
        pytest.skip("not run from a source checkout")
    if importlib.util.find_spec("mypy") is None:
        message = "mypy is not installed (python -m pip install '.[test]')"
        if os.environ.get("CI", "").lower() == "true":
            pytest.fail(f"CI=true but {message}")
        pytest.skip(message)
    result = subprocess.run(
        [sys.executable, "-m", "mypy"], cwd=ROOT, capture_output=True, text=True, timeout=600
    )
    assert result.returncode == 0, result.stdout[-5000:] + result.stderr[-1000:]
