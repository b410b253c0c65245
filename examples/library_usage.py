"""Using spector_refs as a library: parse, export, assess, and (optionally) check links.

Run: python examples/library_usage.py [ARTICLE] [--links]
With no ARTICLE it uses the bundled Operation SpecTor article. Link checking
needs network access and is off unless --links is given.
"""

from __future__ import annotations

import sys

import spector_refs
from spector_refs.collect import BUNDLED_ARTICLE


def main(argv: list[str]) -> int:
    paths = [arg for arg in argv if not arg.startswith("--")]
    article = spector_refs.parse(paths[0] if paths else BUNDLED_ARTICLE)
    print(f"{article.title}: {len(article.references)} references, {len(article.claims)} claims")

    for ref in article.references:
        authors = "; ".join(name.display() for name in ref.authors) or "(no author)"
        print(f"  [{ref.number}] ×{ref.cite_count} {authors}: {ref.title} — {ref.work} ({ref.date})")

    print(spector_refs.export(article).splitlines()[0], "…")

    links = spector_refs.check_links(article) if "--links" in argv else []
    assessment = spector_refs.assess(article, links)
    for finding in assessment.findings:
        print(f"  {finding.severity}: {finding.kind}: {finding.reason}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
