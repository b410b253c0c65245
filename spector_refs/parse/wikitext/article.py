"""Wikitext: the source an editor types, read with mwparserfromhell.

This is the most faithful input: citation templates carry every field and
URL as typed. The page is read in two passes over one parse tree: the first
collects references as the Cite extension numbers them
(:mod:`~spector_refs.parse.wikitext.refs`, then
:mod:`~spector_refs.parse.wikitext.citations`), the second walks the prose
and cuts it into claims (:mod:`~spector_refs.parse.wikitext.claims`).
Text from a database dump may arrive XML-escaped (``&lt;ref&gt;``) and is
unescaped first. Malformed wikitext never raises: mwparserfromhell keeps
what it cannot read as text, and what goes wrong is listed in
``Article.problems``.
"""

from __future__ import annotations

import html
import re
from pathlib import Path

import mwparserfromhell
from mwparserfromhell.nodes import Heading, Tag
from mwparserfromhell.wikicode import Wikicode

from spector_refs.model import Article
from spector_refs.parse.core.markup import plain_text
from spector_refs.parse.core.sections import NOTE_GROUP
from spector_refs.parse.wikitext.citations import build_references
from spector_refs.parse.wikitext.claims import ClaimWalker
from spector_refs.parse.wikitext.refs import Locator, collect_references

_SIGNALS = (
    re.compile(r"\{\{\s*[A-Za-z#][^{}|]{0,80}(?:\||\}\})"),
    re.compile(r"\[\[[^\[\]]{1,200}\]\]"),
    re.compile(r"<ref[\s>/]|&lt;ref(?:\s|&gt;)", re.I),
    re.compile(r"^={2,6}[^=\n]{1,200}={2,6}\s*$", re.M),
    re.compile(r"'''[^'\n]{1,200}'''"),
)
_HTML_DOCUMENT = re.compile(r"<(?:!doctype|html|body|div|p|span|section)[\s>]", re.I)
_BRACES = re.compile(r"\{\{|\}\}")
_LOOKALIKE_LT = "\uff1c"  # FULLWIDTH LESS-THAN SIGN: reads as "<", is no markup
_LOOKALIKE_BRACES = "\uff5b\uff5b"  # FULLWIDTH LEFT CURLY BRACKETs
_REF_TAG = re.compile(r"<(/?)ref(?=[\s>/])[^<>]{0,1000}>", re.I)
_ESCAPED_MARKUP = re.compile(r"&lt;(?:ref|/ref|references|!--)", re.I)


def looks_like_wikitext(text: str) -> bool:
    """Two or more kinds of wiki markup (templates, links, refs, headings, bold) and no HTML page."""
    sample = text[:200_000]
    if _HTML_DOCUMENT.search(sample[:5000]) and sample.count("</") > sample.count("{{"):
        return False
    return sum(1 for signal in _SIGNALS if signal.search(sample)) >= 2


def parse_wikitext(text: str, *, title: str | None = None, path: str | None = None) -> Article:
    """Parse an article's wikitext into an :class:`Article`. Never raises on content."""
    problems: list[str] = []
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _ESCAPED_MARKUP.search(text) and text.count("&lt;") > text.count("<"):
        text = html.unescape(text)
    text = _cut_unclosed_comment(text, problems)
    text = _escape_unclosed_templates(text, problems)
    text = _escape_unclosed_refs(text, problems)
    try:
        code = mwparserfromhell.parse(text)
    except Exception as error:  # mwparserfromhell documents any exception here as its own bug
        return Article(
            title=title or _title_from_path(path),
            source_format="wikitext",
            problems=(f"the wikitext could not be parsed at all ({type(error).__name__}: {error})",),
            path=path,
        )
    locator = Locator(text)
    collected = collect_references(code, locator)
    references, markers = build_references(collected, locator)
    walker = ClaimWalker(locator, markers)
    walker.walk_page(code)
    for entry, reference in zip(collected.entries, references, strict=False):
        if reference.group == NOTE_GROUP and entry.content is not None:
            section = collected.list_sections.get(entry.group, "Notes")
            walker.walk_note(entry.content, entry.content_offset, section)
    claims = walker.claims
    problems.extend(collected.problems)
    if not references:
        problems.append("no references found (no <ref> tags or citation templates)")
    return Article(
        title=title or _lead_subject(code) or _title_from_path(path),
        source_format="wikitext",
        references=tuple(references),
        claims=tuple(claims),
        problems=tuple(problems),
        path=path,
    )


def _cut_unclosed_comment(text: str, problems: list[str]) -> str:
    """Drop an unclosed ``<!--`` and what follows it, as MediaWiki hides it.

    Besides matching what readers see, this keeps parsing linear:
    mwparserfromhell retries every unclosed comment to the end of the page.
    """
    start = text.find("<!--")
    while start >= 0:
        end = text.find("-->", start + 4)
        if end < 0:
            line = text.count("\n", 0, start) + 1
            problems.append(f"line {line}: unclosed <!-- comment hides the rest of the page")
            return text[:start]
        start = text.find("<!--", end + 3)
    return text


def _escape_unclosed_templates(text: str, problems: list[str]) -> str:
    """Turn ``{{`` that no ``}}`` closes into text, as MediaWiki renders them.

    mwparserfromhell retries each unclosed template to the end of the page,
    which takes quadratic time on a page full of them; one stack pass finds
    them first, and their braces become look-alike characters so they stay
    plain text (one text node, where entities would be two nodes each).
    """
    stack: list[int] = []
    for match in _BRACES.finditer(text):
        if match.group() == "{{":
            stack.append(match.start())
        elif stack:
            stack.pop()
    if not stack:
        return text
    line = text.count("\n", 0, stack[0]) + 1
    problems.append(f"line {line}: {len(stack)} unclosed '{{{{' kept as text")
    pieces, last = [], 0
    for start in stack:
        pieces += [text[last:start], _LOOKALIKE_BRACES]
        last = start + 2
    return "".join([*pieces, text[last:]])


def _escape_unclosed_refs(text: str, problems: list[str]) -> str:
    """Turn ``<ref>`` tags that no ``</ref>`` closes into text, as MediaWiki renders them.

    The first ``</ref>`` closes the open ``<ref>`` (refs do not nest), so one
    forward scan finds the opening left open at the end; it and every later
    opening are unclosed. mwparserfromhell would retry each of them to the
    end of the page: quadratic time on a page of unclosed refs. The ``<``
    becomes a look-alike character rather than an entity so that a run of
    them stays one text node (an entity per tag is a node each, far slower).
    """
    open_at: re.Match[str] | None = None
    for match in _REF_TAG.finditer(text):
        if match.group(1):
            open_at = None
        elif open_at is None and not match.group().endswith("/>"):
            open_at = match
    if open_at is None:
        return text
    unclosed = [
        match
        for match in _REF_TAG.finditer(text, open_at.start())
        if not match.group(1) and not match.group().endswith("/>")
    ]
    line = text.count("\n", 0, open_at.start()) + 1
    problems.append(f"line {line}: malformed or unclosed <ref> tag ({len(unclosed)} kept as text)")
    pieces, last = [], 0
    for match in unclosed:
        pieces += [text[last : match.start()], _LOOKALIKE_LT]
        last = match.start() + 1
    return "".join([*pieces, text[last:]])


def _lead_subject(code: Wikicode) -> str | None:
    """The bold subject of the lead (``'''Bodmin'''``), which by convention is the title."""
    for node in code.nodes:
        if isinstance(node, Tag) and node.wiki_markup == "'''" and node.contents is not None:
            subject = plain_text(node.contents).strip()
            return subject or None
        if isinstance(node, Heading):
            return None
    return None


def _title_from_path(path: str | None) -> str | None:
    return Path(path).stem.replace("_", " ") if path else None
