"""``fix``: the edit InternetArchiveBot makes, computed for one article's wikitext.

For each citation whose link was checked: a dead URL with an archive copy
gets ``archive-url``/``archive-date``/``url-status=dead`` (``usurped`` for a
domain that changed hands), a dead URL without one gets ``{{dead link}}``,
and a template that calls a working URL dead gets ``url-status=live``. The
page goes through mwparserfromhell and back, so every byte outside the
edited citations is the input's own; running ``fix`` on its output with
the same link results changes nothing.
"""

from __future__ import annotations

import bisect
import difflib
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from datetime import UTC, date, datetime

import mwparserfromhell
from mwparserfromhell.nodes import Template

from spector_refs.dates import parse_date
from spector_refs.errors import InputError
from spector_refs.fix import edit
from spector_refs.fix.model import ChangeKind, FixChange, FixResult
from spector_refs.fix.scan import (
    ARCHIVE_TEMPLATES,
    BOT_EXCLUSION,
    Citation,
    citations,
    following_tags,
    node_index,
    param_text,
)
from spector_refs.fix.spans import offsets
from spector_refs.fix.state import ArchiveCopy, LinkState, archive_copy, link_state
from spector_refs.fix.style import DateStyle, article_date_style
from spector_refs.model import LinkResult

DEAD_LINK = "dead link"


@dataclass(frozen=True)
class _Plan:
    citation: Citation
    kind: ChangeKind
    result: LinkResult
    copy: ArchiveCopy | None = None
    tag_index: int | None = None  # an existing {{dead link}} that a rescue makes obsolete


@dataclass(frozen=True)
class _Context:
    assume_dead_now: bool
    expand_bare: bool
    today: date
    date_style: DateStyle


def fix(
    article_text: str,
    links: Iterable[LinkResult] | Mapping[str, LinkResult],
    *,
    assume_dead_now: bool = False,
    expand_bare: bool = False,
    today: date | None = None,
    name: str = "article.wiki",
) -> FixResult:
    """Rescue the dead links of ``article_text`` (wikitext) given the link check's ``links``.

    ``assume_dead_now`` treats this check's dead verdicts as final, without
    the history rule; ``expand_bare`` turns bare-URL refs with a dead URL into
    ``{{cite web}}`` citations; ``today`` dates new ``{{dead link}}`` tags
    (default: today in UTC); ``name`` labels the diff. Raises
    :class:`InputError` if ``article_text`` is not text.
    """
    if not isinstance(article_text, str):
        raise InputError(f"fix needs the article's wikitext as text, not {type(article_text).__name__}")
    by_url = dict(links) if isinstance(links, Mapping) else {result.url: result for result in links}
    context = _Context(
        assume_dead_now, expand_bare, today or datetime.now(UTC).date(), article_date_style(article_text)
    )
    root = mwparserfromhell.parse(article_text)
    plans = [plan for plan in (_plan(c, by_url.get(c.url), context) for c in citations(root)) if plan]
    starts = offsets(
        root, [(plan.citation.node, plan.citation.parent, plan.citation.index) for plan in plans]
    )
    # last to first, so that a tag put in after one citation never moves another still to be edited
    lines = _LineIndex(article_text)
    made = [
        _apply(plan, start, lines.line(start), context)
        for plan, start in reversed(list(zip(plans, starts, strict=True)))
    ]
    changes = tuple(change for change in reversed(made) if change is not None)
    text = str(root)
    return FixResult(text, unified_diff(article_text, text, name), changes)


def _plan(citation: Citation, result: LinkResult | None, context: _Context) -> _Plan | None:
    """What to do with one citation, or None (not checked, not dead, bare without --expand-bare, cbignore)."""
    if result is None or (citation.is_bare and not context.expand_bare):
        return None
    state = link_state(result, assume_dead_now=context.assume_dead_now)
    after = following_tags(citation)
    if state is None or BOT_EXCLUSION in after:
        return None
    template = citation.node if isinstance(citation.node, Template) else None
    if state is LinkState.LIVE:
        return (
            _Plan(citation, ChangeKind.LIVE, result)
            if template is not None and edit.says_dead(template)
            else None
        )
    if ARCHIVE_TEMPLATES & after.keys():
        return None
    own = (param_text(template, "archiveurl"), param_text(template, "archivedate")) if template else ("", "")
    copy = archive_copy(own[0], _iso(own[1]), result)
    if copy is None:
        return None if DEAD_LINK in after else _Plan(citation, ChangeKind.TAGGED, result)
    kind = ChangeKind.USURPED if state is LinkState.USURPED else ChangeKind.RESCUED
    return _Plan(citation, kind, result, copy, after.get(DEAD_LINK))


def _apply(plan: _Plan, start: int, line: int, context: _Context) -> FixChange | None:
    """Make the planned edit; the change is None when the citation already said it all."""
    citation = plan.citation
    nodes = citation.parent.nodes
    first = node_index(citation)
    end = (plan.tag_index if plan.tag_index is not None else first) + 1
    before = "".join(str(node) for node in nodes[first:end])
    if plan.kind is ChangeKind.TAGGED:
        end += edit.tag_dead(citation, context.today)
    elif plan.kind is ChangeKind.LIVE:
        edit.set_status(citation.template, LinkState.LIVE)
    else:
        _archive(plan, context)
        if plan.tag_index is not None:
            end -= edit.remove_tag(citation, plan.tag_index)
    after = "".join(str(node) for node in nodes[first:end])
    if after == before:
        return None
    return FixChange(
        plan.kind,
        citation.url,
        start,
        line,
        before,
        after,
        plan.copy.url if plan.copy else None,
        plan.result.reason,
    )


def _archive(plan: _Plan, context: _Context) -> None:
    assert plan.copy is not None
    state = LinkState.USURPED if plan.kind is ChangeKind.USURPED else LinkState.DEAD
    if plan.citation.is_bare:
        edit.expand_bare(plan.citation, state, plan.copy, context.date_style)
    else:
        edit.archive(plan.citation.template, state, plan.copy, context.date_style)


def _iso(text: str) -> str | None:
    return parse_date(text) if text else None


class _LineIndex:
    """Line numbers of offsets, by bisection over the newlines found once (no rescan per change)."""

    def __init__(self, text: str):
        self._newlines = [match.start() for match in re.finditer("\n", text)]

    def line(self, offset: int) -> int:
        return bisect.bisect_left(self._newlines, offset) + 1


def unified_diff(old: str, new: str, name: str) -> str:
    """A ``git diff``-style unified diff of the page (empty when nothing changed)."""
    lines = difflib.unified_diff(
        old.splitlines(keepends=True), new.splitlines(keepends=True), f"a/{name}", f"b/{name}"
    )
    return "".join(
        line if line.endswith("\n") else line + "\n\\ No newline at end of file\n" for line in lines
    )
