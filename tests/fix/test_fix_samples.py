"""Minimal diffs on real pages: every wikitext sample, every URL dead (with or without a copy) or live.

Outside the citations ``fix`` edits, not one byte may change: splicing each
change's ``after`` into the original at its ``start`` must give exactly the
new text, and each replaced span must be the citation itself.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from spector_refs.fix import ChangeKind, FixResult, citation_targets, fix
from spector_refs.model import LinkResult, Verdict, cited_target
from spector_refs.parse import parse

FIXTURES = Path(__file__).parent.parent / "fixtures"
SAMPLES = sorted([*FIXTURES.glob("wikitext/*.txt"), *FIXTURES.glob("**/*.wiki")])
TODAY = date(2026, 12, 1)


def links_for(text: str) -> list[LinkResult]:
    """A third of the URLs dead with a Wayback copy, a third dead without, a third live."""
    results = []
    for number, target in enumerate(citation_targets(text)):
        if number % 3 == 0:
            copy = f"https://web.archive.org/web/20200101000000/{target.url}"
            results.append(LinkResult(target.url, Verdict.BROKEN, "gone", dead=True, archive_url=copy))
        elif number % 3 == 1:
            results.append(LinkResult(target.url, Verdict.SOFT_404, "gone", dead=True))
        else:
            results.append(LinkResult(target.url, Verdict.OK, "HTTP 200 OK"))
    return results


def splice(original: str, result: FixResult) -> str:
    pieces, cursor = [], 0
    for change in sorted(result.changes, key=lambda c: c.start):
        assert change.start >= cursor, "changes overlap"
        assert original[change.start : change.start + len(change.before)] == change.before
        pieces += [original[cursor : change.start], change.after]
        cursor = change.start + len(change.before)
    return "".join([*pieces, original[cursor:]])


def test_there_are_samples() -> None:
    assert len(SAMPLES) >= 3


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_nothing_outside_the_edited_citations_changes(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    links = links_for(original)
    result = fix(original, links, today=TODAY, expand_bare=True)
    assert len(result.changes) >= len(links) // 3
    assert splice(original, result) == result.text
    for change in result.changes:
        assert change.before.startswith(("{{", "http", "[")), change.before
        assert change.after.startswith(change.before[:2])
    kinds = {change.kind for change in result.changes}
    assert {ChangeKind.RESCUED, ChangeKind.TAGGED} <= kinds


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_a_second_run_is_a_no_op(path: Path) -> None:
    original = path.read_text(encoding="utf-8")
    links = links_for(original)
    once = fix(original, links, today=TODAY, expand_bare=True)
    twice = fix(once.text, links, today=TODAY, expand_bare=True)
    assert (twice.text, twice.changes, twice.diff) == (once.text, (), "")


@pytest.mark.parametrize("path", SAMPLES, ids=lambda p: p.name)
def test_links_that_say_nothing_leave_the_page_byte_identical(path: Path) -> None:
    """Blocked and failing-but-not-dead links are no reason to edit: the round trip is exact."""
    original = path.read_text(encoding="utf-8")
    targets = citation_targets(original)
    unsure = [LinkResult(t.url, Verdict.BLOCKED, "HTTP 403 Forbidden") for t in targets[::2]]
    unsure += [LinkResult(t.url, Verdict.TIMEOUT, "timed out") for t in targets[1::2]]
    result = fix(original, unsure, today=TODAY, expand_bare=True)
    assert (result.text, result.changes) == (original, ())


@pytest.mark.parametrize("sample", SAMPLES, ids=lambda p: p.name)
def test_fix_judges_drift_with_what_the_audit_knows_of_each_citation(sample):
    """fix's link targets carry the citation's title, work, date and kind exactly as the audit's do.

    The link checker decides "drifted" (and so looks up an archive copy) from
    these; with the title alone, fix judged a page that the audit would call
    another outlet's story or a tag page the cited work.
    """
    text = sample.read_text(encoding="utf-8")
    audit_refs = [ref for ref in parse(text, format="wikitext").references if ref.url and ref.title]
    audit = {ref.url: cited_target(ref, ref.url) for ref in audit_refs}
    fixed = [target for target in citation_targets(text) if target.title]
    urls = [target.url for target in fixed]
    shared = [t for t in fixed if t.url in audit and urls.count(t.url) == 1]
    assert len(shared) >= len(fixed) // 2 > 0
    for target in shared:
        assert target == audit[target.url]
