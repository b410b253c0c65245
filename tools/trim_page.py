"""Cut a saved web page down to what declares its site: title, meta tags, canonical link, JSON-LD.

The page-declaration benchmark (issue 11) keeps copies of real pages saved by other projects'
test suites. Whole pages are 50-500 KB each, mostly scripts, styles and body text that
:mod:`spector_refs.assess.declared` never reads; the kind a page declares for its site comes
from ``<meta name="generator">``, ``<meta name="application-name">``, ``og:type``,
``og:site_name`` and JSON-LD ``@type``. So a copy keeps every ``<title>``, ``<meta>``,
``<link rel="canonical">`` and ``<script type="application/ld+json">`` of the page, in page
order, and nothing else; the page's own charset declaration gives way to UTF-8, the copy's
encoding. A build-time tool, so it lives outside the package.

    python tools/trim_page.py SAVED.html OUT.html [--source "owner/repo@commit path"]
"""

from __future__ import annotations

import argparse
import html
import sys
from pathlib import Path

import lxml.html
from lxml import etree


def _kept(element: etree._Element) -> bool:
    """Whether a page element is one of the declarations the copy keeps."""
    tag = element.tag if isinstance(element.tag, str) else ""
    if tag == "meta":
        return element.get("charset") is None and (element.get("http-equiv") or "").lower() != "content-type"
    if tag == "title":
        return True
    if tag == "link":
        return "canonical" in (element.get("rel") or "").lower().split()
    return tag == "script" and (element.get("type") or "").strip().lower() == "application/ld+json"


def trim(saved: bytes, source: str | None = None) -> str:
    """The declarations of a saved page as a small HTML document (UTF-8, one element per line)."""
    root = lxml.html.document_fromstring(saved)
    lines = ["<!DOCTYPE html>", '<html><head><meta charset="utf-8">']
    if source:
        lines.append(f"<!-- trimmed copy (tools/trim_page.py) of {html.escape(source)} -->")
    for element in root.iter():
        if _kept(element):
            element.tail = None
            lines.append(etree.tostring(element, encoding="unicode", method="html").strip())
    lines.append("</head><body></body></html>")
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("saved", type=Path)
    parser.add_argument("out", type=Path)
    parser.add_argument("--source", help="where the saved page comes from, written into the copy")
    args = parser.parse_args(argv)
    try:
        text = trim(args.saved.read_bytes(), args.source)
    except (OSError, etree.ParserError) as error:
        print(f"trim_page: {args.saved}: {error}", file=sys.stderr)
        return 2
    args.out.write_text(text, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
