"""``python -m spector_refs`` runs the command line."""

from spector_refs.cli import entry_point

entry_point()
