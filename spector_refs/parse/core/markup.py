"""Wiki markup reduced to the text a reader sees.

Citation parameters and article prose both carry markup: links
(``[[Cornwall|the county]]``), bold and italics, HTML entities, and small
inline templates (``{{nowrap|…}}``, ``{{lang|fr|…}}``, ``{{!}}``). Wikipedia
renders these as plain words, so every field and claim is compared on that
rendering. Templates that render no prose of their own (navboxes, maintenance
banners, coordinates) disappear; so do files, categories and comments.
"""

from __future__ import annotations

import re

import mwparserfromhell
from mwparserfromhell.nodes import (
    Argument,
    Comment,
    ExternalLink,
    Heading,
    HTMLEntity,
    Node,
    Tag,
    Template,
    Text,
    Wikilink,
)
from mwparserfromhell.wikicode import Wikicode

# template name -> the text it renders (a constant) or the positional parameter it shows
_CONSTANT_TEMPLATES = {
    "!": "|",
    "'": "'",
    "''": "''",
    "snd": " – ",
    "spnd": " – ",
    "spaced ndash": " – ",
    "spaced en dash": " – ",
    "ndash": "–",
    "en dash": "–",
    "mdash": "—",
    "em dash": "—",
    "nbsp": " ",
    "nbs": " ",
    "thinsp": " ",
    "-": "",
    "shy": "",
    "zwsp": "",
    "·": " · ",
    "dot": " · ",
    "bull": " • ",
}
_SHOWN_PARAMETER = {
    **dict.fromkeys(
        (
            "nowrap",
            "nobr",
            "small",
            "big",
            "smaller",
            "larger",
            "sc",
            "smallcaps",
            "noitalic",
            "abbr",
            "ill",
            "interlanguage link",
            "sic",
            "tooltip",
            "sup",
            "sub",
            "em",
            "strong",
            "var",
            "mvar",
            "not a typo",
            "notatypo",
            "as written",
            "proper name",
            "visible anchor",
            "vanchor",
            "anchor text",
            "nowiki",
            "keypress",
            "code",
            "lang-rtl",
            "script",
            "wikt",
            "linktext",
            "avoid wrap",
            "resize",
            "font",
            "colored link",
            "highlight",
            "mono",
        ),
        "1",
    ),
    **dict.fromkeys(("lang", "transl", "transliteration", "ipa", "audio", "nihongo2"), "2"),
}
_LIST_TEMPLATES = frozenset(
    {"ubl", "unbulleted list", "plainlist", "flatlist", "hlist", "bulleted list", "ul"}
)
_INVISIBLE_TAGS = frozenset(
    {
        "ref",
        "references",
        "gallery",
        "templatestyles",
        "timeline",
        "imagemap",
        "mapframe",
        "maplink",
        "graph",
        "score",
        "syntaxhighlight",
        "source",
        "indicator",
        "categorytree",
        "charinsert",
        "inputbox",
        "section",
        "noinclude",
        "onlyinclude",
        "includeonly",
        "style",
    }
)
_HIDDEN_NAMESPACES = re.compile(r"^\s*:?\s*(?:file|image|category|media)\s*:", re.I)
_SPACES = re.compile(r"[\s_]+")


def template_key(name: object) -> str:
    """A template name as MediaWiki matches it: case-, space- and underscore-blind.

    MediaWiki ignores the case of the first letter only, but citation and
    cleanup templates have case-insensitive redirects, so the whole name is
    lowered; a ``Template:`` prefix and ``subst:`` are dropped.
    """
    key = _SPACES.sub(" ", str(name)).strip().lower()
    for prefix in ("subst:", "safesubst:", "template:", "msg:"):
        if key.startswith(prefix):
            key = key[len(prefix) :].strip()
    return key


def is_hidden_link(link: Wikilink) -> bool:
    """Files, images and categories: links that render no prose."""
    return bool(_HIDDEN_NAMESPACES.match(str(link.title)))


def plain_text(value: str | Wikicode) -> str:
    """What a reader sees of a piece of wikitext, on one line."""
    if isinstance(value, str):
        if not re.search(r"[\[{<'&]", value):
            return " ".join(value.split())
        value = mwparserfromhell.parse(value)
    return " ".join(code_text(value).split())


def code_text(code: Wikicode) -> str:
    """The rendered text of a wikicode, keeping newlines."""
    return "".join(node_text(node) for node in code.nodes)


def node_text(node: Node) -> str:
    """The rendered text of one node (templates: see :func:`template_text`)."""
    if isinstance(node, Text):
        return str(node.value)
    if isinstance(node, Wikilink):
        if is_hidden_link(node):
            return ""
        return code_text(node.text if node.text is not None else node.title).lstrip(":")
    if isinstance(node, ExternalLink):
        if node.title is not None:
            return code_text(node.title)
        return "" if node.brackets else str(node.url)
    if isinstance(node, Template):
        return template_text(node)
    if isinstance(node, Tag):
        return _tag_text(node)
    if isinstance(node, HTMLEntity):
        return node.normalize()
    if isinstance(node, Heading):
        return code_text(node.title)
    if isinstance(node, Comment | Argument):
        return ""
    return str(node)


def _tag_text(tag: Tag) -> str:
    name = str(tag.tag).strip().lower()
    if name in _INVISIBLE_TAGS:
        return ""
    if name == "br":
        return " "
    if tag.contents is None:
        return ""
    if name in ("nowiki", "pre"):
        return str(tag.contents)
    return code_text(tag.contents)


def template_text(template: Template) -> str:
    """The prose an inline template renders, or "" for templates that render none."""
    key = template_key(template.name)
    if key in _CONSTANT_TEMPLATES:
        return _CONSTANT_TEMPLATES[key]
    shown = shown_parameter(template)
    if shown is not None:
        return code_text(shown)
    if key in _LIST_TEMPLATES:
        return ", ".join(_list_items(template))
    if key in ("convert", "cvt"):
        return " ".join(_parameter_text(template, str(i)) for i in (1, 2) if template.has(str(i)))
    if key in ("us$", "us dollar"):
        return "US$" + _parameter_text(template, "1")
    if key in ("circa", "c."):
        return "c. " + _parameter_text(template, "1")
    return ""


def shown_parameter(template: Template) -> Wikicode | None:
    """The parameter a wrapper template ({{nowrap|…}}, {{lang|fr|…}}) displays as it is."""
    key = template_key(template.name)
    name = _SHOWN_PARAMETER.get(key) or ("1" if key.startswith("lang-") else None)
    if name is None or not template.has(name):
        return None
    return template.get(name).value


def _parameter_text(template: Template, name: str) -> str:
    if not template.has(name):
        return ""
    return code_text(template.get(name).value)


def _list_items(template: Template) -> list[str]:
    """Items of {{ubl|a|b}} or of a bulleted list inside {{plainlist|…}}."""
    items: list[str] = []
    for param in template.params:
        if not param.showkey:
            text = code_text(param.value)
            items.extend(part.strip(" *#") for part in text.split("\n") if part.strip(" *#"))
    return items
