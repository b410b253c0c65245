"""Big inputs: 10 MB articles, a 50 000-entry reference list and a single 1 MB line.

Size alone must never crash a parser or make it hang; each case runs under
a time limit that is generous for linear code on a slow machine (the
linear-time guard in ``test_linear_time`` catches superlinear growth).
"""

from __future__ import annotations

import json

import pytest

from spector_refs.parse import parse

from .checks import assert_well_formed, run_cli, time_limit
from .documents import text_article

pytestmark = pytest.mark.slow  # a minute of parsing in all; the default run (and CI) still runs it
MB = 2**20
SENTENCES = "The operation was coordinated by Europol and involved nine countries across Europe. " * 10
PARAGRAPH = {
    "text": SENTENCES + "It targeted a market.[1]\n\n",
    "html": f'<p>{SENTENCES}<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p>\n',
    "wikitext": f"{SENTENCES}<ref name=a/>\n\n",
}
HEAD = {"text": "", "html": "<!DOCTYPE html><html><body>", "wikitext": "'''X''' is an operation.\n\n"}
TAIL = {
    "text": 'References edit\n\n1. ^ "A". B. Retrieved 2024-01-31.\n',
    "html": '<ol class="references"><li id="cite_note-1"><span class="reference-text">"A". B.</span>'
    "</li></ol></body></html>",
    "wikitext": "<ref name=a>{{cite web|url=https://example.org/|title=T}}</ref>\n"
    "== References ==\n{{reflist}}\n",
}


def _ten_megabytes(fmt: str) -> str:
    body = PARAGRAPH[fmt] * (10 * MB // len(PARAGRAPH[fmt]) + 1)
    return HEAD[fmt] + body + TAIL[fmt]


@pytest.mark.parametrize("fmt", ["text", "html", "wikitext"])
def test_ten_megabyte_article(fmt: str) -> None:
    text = _ten_megabytes(fmt)
    assert len(text.encode("utf-8")) >= 10 * MB
    with time_limit(120):
        article = parse(text, format=fmt)
    assert_well_formed(article)
    assert len(article.claims) >= 10 * MB // len(PARAGRAPH[fmt]) * 10
    assert len(article.references) == 1, article.problems
    assert sum(1 for claim in article.claims if claim.refs == (1,)) >= 10 * MB // len(PARAGRAPH[fmt])


def test_fifty_thousand_references() -> None:
    text = text_article(50_000)
    with time_limit(120):
        article = parse(text, format="text")
    assert_well_formed(article)
    assert [ref.number for ref in article.references] == list(range(1, 50_001))
    assert article.references[-1].title == "Title 50000"
    assert article.references[-1].access_date == "2024-01-31"


ONE_LINE = {
    "text": "The operation was coordinated.[1] " * (MB // 34 + 1),
    "html": "<html><body><p>"
    + 'Claim.<sup class="reference">[1]</sup> ' * (MB // 39 + 1)
    + "</p></body></html>",
    "wikitext": "'''X''' is. " + "Claim.<ref name=a>{{cite web|title=T}}</ref> " * (MB // 45 + 1),
}


@pytest.mark.parametrize("fmt", ["text", "html", "wikitext"])
def test_single_one_megabyte_line(fmt: str) -> None:
    text = ONE_LINE[fmt]
    assert len(text) >= MB and "\n" not in text
    with time_limit(60):
        article = parse(text, format=fmt)
    assert_well_formed(article)
    assert len(article.claims) > 1000


def test_one_megabyte_reference_entry() -> None:
    """One reference whose rendered citation is a megabyte long (no quotes, no dates to anchor on)."""
    text = "Claim.[1]\n\nReferences edit\n\n1. ^ " + "word " * (MB // 5) + "\n"
    with time_limit(60):
        article = parse(text, format="text")
    assert_well_formed(article)
    assert len(article.references) == 1


def test_cli_ten_megabyte_article(tmp_path) -> None:
    """The whole path a user takes: a 10 MB file through ``parse`` gives JSON and exit 0."""
    path = tmp_path / "big.txt"
    path.write_text(_ten_megabytes("text"), encoding="utf-8")
    proc = run_cli(["parse", str(path)], timeout=180)
    assert proc.returncode == 0, proc.stderr.decode()[-2000:]
    data = json.loads(proc.stdout)
    assert len(data["references"]) == 1
    assert len(data["claims"]) >= 10 * MB // len(PARAGRAPH["text"]) * 10
