"""spector_refs: audit the sources of a Wikipedia article."""

__version__ = "0.1.0"
