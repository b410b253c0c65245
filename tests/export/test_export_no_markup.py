"""No export of any sample carries wiki markup (issue 10, bug 9).

Free-text wikitext references used to reach the exports raw: ``note`` held
``[[Doble, G. H.]] … ''…''`` and ``{{ISBN|978-…}}``. Every value of every
entry, in every format, is read back as a reader sees it (BibTeX values with
the LaTeX escaping undone) and must show none of the markup an editor types.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator

import bibtexparser
import pytest
from export_helpers import decode
from test_export_samples import SAMPLES, _article, _ids

from spector_refs.export import export

_WIKI_MARKUP = re.compile(r"\[\[|\]\]|\{\{|\}\}|''|<ref\b|</ref>|\{\||\|\}")


def _values(text: str, format: str) -> list[str]:
    """The reader-visible values of one export."""
    if format in ("biblatex", "bibtex"):
        library = bibtexparser.parse_string(text)
        return [decode(str(field.value)) for entry in library.entries for field in entry.fields]
    if format == "csl-json":
        return list(_strings(json.loads(text)))
    return text.splitlines()


def _strings(value: object) -> Iterator[str]:
    if isinstance(value, str):
        yield value
    elif isinstance(value, dict):
        for item in value.values():
            yield from _strings(item)
    elif isinstance(value, list):
        for item in value:
            yield from _strings(item)


@pytest.mark.parametrize("format", ["biblatex", "bibtex", "csl-json", "ris"])
@pytest.mark.parametrize("sample", SAMPLES, ids=_ids(SAMPLES))
def test_no_export_of_a_sample_contains_wiki_markup(sample, format: str) -> None:
    text = export(_article(sample).references, format)
    leaks = [value for value in _values(text, format) if _WIKI_MARKUP.search(value)]
    assert not leaks, leaks[:3]


def test_the_check_sees_markup() -> None:
    """The pattern is real: the raw Bodmin reference it was written for matches it."""
    bodmin = next(sample for sample in SAMPLES if "Bodmin" in sample.name)
    raws = [ref.raw for ref in _article(bodmin).references]
    assert any(_WIKI_MARKUP.search(raw) for raw in raws)
