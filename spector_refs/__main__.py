"""``python -m spector_refs`` runs the command line."""

import sys

from spector_refs.cli import main

sys.exit(main())
