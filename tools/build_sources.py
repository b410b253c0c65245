"""Rebuild the bundled ``spector_refs/assess/data/sources.json`` (a developer tool, not shipped).

Run ``python tools/build_sources.py`` from the checkout after changing anything
under ``spector_refs/assess/data/`` (an upstream copy or ``curation.toml``);
``--check`` only reports whether the committed file is current (exit 1 if
not), which is what ``tests/assess/test_assess_build.py`` asserts too. The
merge itself lives in :mod:`spector_refs.assess.build`, inside the package,
because ``spector-refs sources update`` runs the same merge on the user's
machine over the live Cite Unseen pages.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

CHECKOUT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(CHECKOUT))  # the checkout's package, whatever is installed

from spector_refs.assess.build import build_sources, render  # noqa: E402

DATA = CHECKOUT / "spector_refs" / "assess" / "data"


def main(argv: list[str] | None = None) -> int:
    """Write (or with ``--check`` compare) ``sources.json`` beside the data it is built from."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("data_dir", nargs="?", type=Path, default=DATA, help="default: the package's data")
    parser.add_argument("--check", action="store_true", help="exit 1 if sources.json is out of date")
    args = parser.parse_args(argv)
    target = args.data_dir / "sources.json"
    text = render(build_sources(args.data_dir))
    if args.check:
        current = target.is_file() and target.read_text(encoding="utf-8") == text
        print(f"{target} is {'up to date' if current else 'out of date: run python tools/build_sources.py'}")
        return 0 if current else 1
    target.write_text(text, encoding="utf-8")
    print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
