"""The package's version and home, defined once.

Read by ``pyproject.toml`` (``[tool.setuptools.dynamic]``), ``--version``, the
reports' generator fields and every User-Agent the tool sends, so a release
bumps one line. A module of its own because the link checker's settings need
it while ``spector_refs/__init__`` is still importing them.
"""

__version__ = "0.1.0"
HOMEPAGE = "https://github.com/spector-refs/spector-refs"
