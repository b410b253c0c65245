"""The edits themselves, on the parsed page: archive a citation, tag it, mark it live.

Each edit changes one citation template (and, for a tag, the node right
after it) and nothing else. Values already there are respected: an editor's
``url-status=usurped`` is not downgraded to ``dead``, and an existing
``archive-url`` is kept rather than replaced by a different snapshot.
"""

from __future__ import annotations

from datetime import date

from mwparserfromhell.nodes import ExternalLink, Template, Text
from mwparserfromhell.utils import parse_anything

from spector_refs.fix.params import escape_url, insert_after, set_value
from spector_refs.fix.scan import Citation, node_index, param, param_text
from spector_refs.fix.state import ArchiveCopy, LinkState
from spector_refs.fix.style import DateStyle, date_style, format_date, month_year, spelled, uses_joined_names

# url-status values that already say at least as much as the wanted one
_SATISFIES = {
    LinkState.DEAD: frozenset({"dead", "usurped", "unfit", "deviated"}),
    LinkState.USURPED: frozenset({"usurped", "unfit"}),
    LinkState.LIVE: frozenset({"live"}),
}
# the pre-2019 ``dead-url`` parameter's values
_DEAD_URL = {LinkState.DEAD: "yes", LinkState.USURPED: "usurped", LinkState.LIVE: "no"}
_DEAD_URL_YES = frozenset({"yes", "y", "true"})
_DEAD_URL_SATISFIES = {
    LinkState.DEAD: _DEAD_URL_YES | {"usurped", "unfit"},
    LinkState.USURPED: frozenset({"usurped", "unfit"}),
    LinkState.LIVE: frozenset({"no", "n", "false"}),
}
_DATES = ("accessdate", "date", "archivedate", "publicationdate")
BARE_TITLE = "Archived copy"  # what InternetArchiveBot and reFill title an expanded bare URL


def dead_link_tag(today: date) -> str:
    return f"{{{{dead link|date={month_year(today)}|fix-attempted=yes}}}}"


def says_dead(template: Template) -> bool:
    """``url-status=dead`` (or the older ``dead-url=yes``): what a live URL's template should not say."""
    status = param_text(template, "urlstatus").lower()
    if status:
        return status == "dead"
    return param_text(template, "deadurl").lower() in _DEAD_URL_YES


def archive(template: Template, state: LinkState, copy: ArchiveCopy, article_style: DateStyle) -> None:
    """Add the archive copy (archive-url, archive-date) and the url-status, in the template's spelling."""
    joined = uses_joined_names(str(p.name) for p in template.params)
    if not param_text(template, "archiveurl"):
        _put(
            template,
            "archiveurl",
            spelled("archive-url", joined),
            escape_url(copy.url),
            ("accessdate",),
        )
    if copy.date and not param_text(template, "archivedate"):
        style = date_style(param_text(template, key) for key in _DATES) or article_style
        _put(
            template,
            "archivedate",
            spelled("archive-date", joined),
            format_date(copy.date, style),
            ("archiveurl",),
        )
    set_status(template, state)


def set_status(template: Template, state: LinkState) -> None:
    """Make ``url-status`` (or a legacy ``dead-url``) say ``state``, unless it already says as much."""
    if param(template, "urlstatus") is not None or param(template, "deadurl") is None:
        if param_text(template, "urlstatus").lower() not in _SATISFIES[state]:
            _put(template, "urlstatus", "url-status", str(state), ("archivedate", "archiveurl"))
    elif param_text(template, "deadurl").lower() not in _DEAD_URL_SATISFIES[state]:
        set_value(template, "deadurl", _DEAD_URL[state])


def _put(template: Template, key: str, name: str, value: str, anchors: tuple[str, ...]) -> None:
    """Set ``key`` in place if the template has it, else add it after the last of ``anchors`` present.

    With none of them, the new parameter goes last: the template's own
    parameters keep their order and the diff stays at its end.
    """
    if set_value(template, key, value):
        return
    present = [p for p in (param(template, anchor) for anchor in anchors) if p is not None]
    params = template.params
    anchor = (
        max(present, key=lambda p: _position(template, p)) if present else (params[-1] if params else None)
    )
    if anchor is None:
        template.add(name, value)
    else:
        insert_after(template, anchor, name, value)


def _position(template: Template, parameter: object) -> int:
    return next(i for i, p in enumerate(template.params) if p is parameter)


def tag_dead(citation: Citation, today: date) -> int:
    """Put ``{{dead link|date=…|fix-attempted=yes}}`` right after the citation, where editors put it.

    Returns how many nodes were inserted.
    """
    free_url = isinstance(citation.node, ExternalLink) and not citation.node.brackets
    tag = (" " if free_url else "") + dead_link_tag(today)  # a space keeps a free URL's end visible
    nodes = parse_anything(tag).nodes
    citation.parent.nodes[node_index(citation) + 1 : node_index(citation) + 1] = nodes
    return len(nodes)


def remove_tag(citation: Citation, index: int) -> int:
    """Drop the ``{{dead link}}`` at ``index`` (and the space before it): the citation now has a copy.

    Returns how many nodes were removed.
    """
    nodes = citation.parent.nodes
    start = index
    if (
        index - 1 > node_index(citation)
        and isinstance(nodes[index - 1], Text)
        and not str(nodes[index - 1]).strip()
    ):
        start = index - 1
    del nodes[start : index + 1]
    return index + 1 - start


def expand_bare(citation: Citation, state: LinkState, copy: ArchiveCopy, article_style: DateStyle) -> None:
    """``<ref>https://…</ref>`` → ``<ref>{{cite web |url=… |title=Archived copy |archive-url=…}}</ref>``."""
    parts = [f"url={escape_url(citation.url)}", f"title={BARE_TITLE}", f"archive-url={escape_url(copy.url)}"]
    if copy.date:
        parts.append(f"archive-date={format_date(copy.date, article_style)}")
    parts.append(f"url-status={state}")
    template = parse_anything("{{cite web |" + " |".join(parts) + "}}").nodes[0]
    citation.parent.nodes[node_index(citation)] = template
