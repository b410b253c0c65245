"""Helpers for the fix tests: link results as the checker would return them, and the loopback world."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent / "check"))
