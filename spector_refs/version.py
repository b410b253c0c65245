"""The package's version and home, and the User-Agent it gives Wikimedia's APIs, defined once.

Read by ``pyproject.toml`` (``[tool.setuptools.dynamic]``), ``--version``, the
reports' generator fields and every User-Agent the tool sends, so a release
bumps one line. A module of its own because the link checker's settings need
it while ``spector_refs/__init__`` is still importing them, and so that no
stage has to import the public facade (which imports every stage).
"""

__version__ = "0.1.0"
HOMEPAGE = "https://github.com/spector-refs/spector-refs"


def user_agent() -> str:
    """The descriptive User-Agent Wikimedia asks API clients to send: name/version (URL; what it is)."""
    return f"spector-refs/{__version__} ({HOMEPAGE}; audit tool)"
