"""Wikipedia's inline cleanup tags: their rendered wording and template names.

One table serves every parser. A tag is known by its canonical rendered text
("citation needed"); older wordings ("not in citation given") and template
redirects ({{cn}}, {{fact}}) map onto it. Each tag's slug ("citation-needed")
is the finding kind the assessor reports.
"""

from __future__ import annotations

import re

# canonical rendered text -> (other renderings, template names and redirects)
INLINE_TAGS: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    "citation needed": (
        ("citation needed span", "citation missing", "not verified in body"),
        (
            "citation needed",
            "cn",
            "fact",
            "cite needed",
            "citation-needed",
            "needs citation",
            "ref needed",
            "refneeded",
            "source needed",
            "cb",
            "citation required",
            "cn-span",
            "citation needed span",
            "cns",
            "uncited",
            "reference needed",
            "needsref",
        ),
    ),
    "better source needed": (
        ("better source",),
        ("better source needed", "better source", "bsn", "bettersource", "better source inline"),
    ),
    "unreliable source?": (
        ("unreliable source", "unreliable medical source?", "unreliable fringe source?"),
        (
            "unreliable source?",
            "unreliable source",
            "unreliable source inline",
            "us?",
            "unreliable medical source",
            "unreliable fringe source",
            "rs?",
        ),
    ),
    "failed verification": (
        ("not in citation given", "not in source given", "not in citation", "failed verification span"),
        (
            "failed verification",
            "fv",
            "not in citation",
            "not in citation given",
            "not in source",
            "verification failed",
            "failed verification span",
            "fvs",
        ),
    ),
    "dead link": (
        ("permanent dead link", "dead link", "link dead"),
        (
            "dead link",
            "deadlink",
            "dl",
            "404",
            "broken link",
            "dead-link",
            "dead url",
            "deadurl",
            "permanent dead link",
        ),
    ),
    "self-published source?": (
        ("self-published source", "self-published source?"),
        ("self-published inline", "sps", "self-published source", "self published inline"),
    ),
    "page needed": (
        ("page number needed", "pages needed"),
        ("page needed", "pn", "page number needed", "page numbers needed", "pages needed", "pg needed"),
    ),
    "full citation needed": ((), ("full citation needed", "full", "full citation", "fcn")),
    "verification needed": ((), ("verification needed", "verify source", "vs", "verify")),
    "clarification needed": ((), ("clarification needed", "clarify", "clarify me", "clarification")),
    "original research?": (
        ("original research",),
        ("original research inline", "or?", "original research", "or inline", "synthesis inline"),
    ),
    "dubious": (
        ("dubious – discuss", "dubious - discuss", "dubious – discuss"),
        ("dubious", "dubious inline", "doubtful"),
    ),
    "disputed": (("disputed – discuss", "disputed - discuss"), ("disputed inline", "disputed-inline")),
    "third-party source needed": (
        ("third-party source needed", "non-primary source needed"),
        (
            "third-party inline",
            "third-party-inline",
            "primary source inline",
            "primary source-inline",
            "non-primary source needed",
            "third party source needed",
        ),
    ),
    "promotional source?": ((), ("promotional source", "promotional source?")),
    "irrelevant citation": ((), ("irrelevant citation", "irrelevant citation inline")),
    "who?": (("who",), ("who", "who?")),
    "whom?": (("whom",), ("whom", "whom?")),
    "by whom?": (("by whom",), ("by whom", "by whom?")),
    "according to whom?": (("according to whom",), ("according to whom", "according to whom?")),
    "which?": (("which",), ("which", "which?")),
    "when?": (("when",), ("when", "when?")),
    "where?": (("where",), ("where", "where?")),
    "specify": (("vague",), ("specify", "vague", "clarify timeframe", "elucidate")),
    "year needed": ((), ("year needed", "year missing")),
    "date missing": ((), ("date missing", "date needed")),
    "obsolete source": ((), ("obsolete source", "update inline")),
    "citation not found": ((), ("citation not found", "harv error")),
}

_SPACES = re.compile(r"[\s_]+")


def _key(text: str) -> str:
    return _SPACES.sub(" ", text.strip().lower()).replace("–", "-").replace("—", "-")


_BY_RENDERING = {
    _key(text): canonical
    for canonical, (renderings, _templates) in INLINE_TAGS.items()
    for text in (canonical, *renderings)
}
_BY_TEMPLATE = {
    _key(name): canonical for canonical, (_renderings, templates) in INLINE_TAGS.items() for name in templates
}


def normalise_tag(rendered: str) -> str | None:
    """The canonical tag for a rendered ``[…]`` text, or None if it is no tag.

    Dated renderings ("citation needed (May 2023)") and a trailing "?" are
    tolerated; anything else returns None so ordinary bracketed prose is not
    mistaken for a tag.
    """
    text = _key(re.sub(r"\s*\([^)]*\d{4}\)\s*$", "", rendered))
    if text in _BY_RENDERING:
        return _BY_RENDERING[text]
    return _BY_RENDERING.get(text.rstrip("?")) or _BY_RENDERING.get(text + "?")


def tag_for_template(name: str) -> str | None:
    """The canonical tag a wikitext template stands for ({{cn}} → citation needed)."""
    key = _key(name)
    if key.startswith("template:"):
        key = key[len("template:") :].strip()
    return _BY_TEMPLATE.get(key)


def tag_slug(tag: str) -> str:
    """The finding kind of a tag: "citation needed" → "citation-needed"."""
    return re.sub(r"[^a-z0-9]+", "-", tag.lower()).strip("-")
