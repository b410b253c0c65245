"""A CS1/CS2 citation template's parameters, mapped onto the reference model.

Wikitext (``{{cite web|title=…}}``) and Parsoid HTML (the ``data-mw`` JSON of
a reference) both hand over the parameters an editor typed, which is the
most faithful form a citation has. CS1 has grown many aliases over the
years (``accessdate``/``access-date``, ``deadurl``/``url-status``,
``last1``/``author1-last``/``surname1``…), so parameter names are reduced to
a compact key (lowercase, without hyphens, underscores or spaces) before they
are read, and values are reduced to the text a reader sees.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from spector_refs.dates import is_no_date, parse_date
from spector_refs.model import Name
from spector_refs.parse.core.fields import CitationDraft, CitationFields, fields_from_draft
from spector_refs.parse.core.markup import plain_text, template_key
from spector_refs.parse.core.names import (
    looks_like_organisation,
    name_from_parts,
    parse_name,
    parse_name_list,
)

# template name (after "cite ") -> Reference.kind, where the two differ
_KINDS = {
    "techreport": "report",
    "dictionary": "encyclopedia",
    "encyclopaedia": "encyclopedia",
    "newspaper": "news",
    "paper": "journal",
    "periodical": "magazine",
    "biorxiv": "preprint",
    "medrxiv": "preprint",
    "ssrn": "preprint",
    "citeseerx": "preprint",
    "twitter": "tweet",
    "video": "av media",
    "av media notes": "av media",
    "press": "press release",
}
PREPRINT_SERVERS = {"arxiv": "arXiv"}
"""The repository a cite arXiv cites from, keyed by the template's kind and identifier scheme alike.
CS1 names it as the template's periodical in its metadata (COinS ``rft.jtitle=arXiv``, which the
HTML reader reads as the work), so every reader gives it as the work: the container of a preprint
cited by its repository identifier alone (docs/parsing.md, "Cited title and container")."""
_WORK = (
    "website",
    "work",
    "newspaper",
    "magazine",
    "journal",
    "periodical",
    "encyclopedia",
    "encyclopaedia",
    "dictionary",
)
_IDENTIFIERS = (
    "isbn",
    "issn",
    "eissn",
    "doi",
    "oclc",
    "pmid",
    "pmc",
    "bibcode",
    "arxiv",
    "jstor",
    "lccn",
    "ol",
    "osti",
    "ssrn",
    "s2cid",
    "hdl",
    "zbl",
    "mr",
    "asin",
    "biorxiv",
    "citeseerx",
    "rfc",
    "ismn",
    "sbn",
    "medrxiv",
)
_IDENTIFIER_ALIASES = {"isbn13": "isbn", "eprint": "arxiv", "pmcid": "pmc", "doi-broken": None}
_ET_AL = re.compile(r"^et\.? ?al\.?$", re.I)
_LIVE = frozenset({"no", "n", "false", "live"})
_DEAD = frozenset({"yes", "y", "true", "dead"})


def is_citation_template(name: str) -> bool:
    """Whether a template is a CS1/CS2 citation ({{cite …}}, {{citation}}, {{vcite …}})."""
    key = template_key(name)
    return key == "citation" or key.startswith(("cite ", "vcite ")) or key in ("cite", "cite q")


def citation_kind(name: str, params: dict[str, str] | None = None) -> str | None:
    """The Reference.kind a template stands for: "cite news" → "news".

    CS2's {{citation}} has no kind of its own; it is inferred from the
    parameters, the way CS2 chooses its rendering.
    """
    key = template_key(name)
    if key.startswith(("cite ", "vcite ")):
        family = key.split(" ", 1)[1]
        return _KINDS.get(family, family)
    if key != "citation":
        return None
    keys = {compact_key(k) for k, v in (params or {}).items() if v.strip()}
    for param, kind in (
        ("journal", "journal"),
        ("newspaper", "news"),
        ("magazine", "magazine"),
        ("encyclopedia", "encyclopedia"),
        ("website", "web"),
        ("work", "web"),
    ):
        if param in keys:
            return kind
    if keys & {"isbn", "chapter", "edition"} or ("publisher" in keys and "url" not in keys):
        return "book"
    return "web" if "url" in keys else None


def compact_key(name: str) -> str:
    """A parameter name without case, hyphens, underscores or spaces: "Access-Date" → "accessdate"."""
    return re.sub(r"[\s_\-]+", "", name).lower()


def reference_fields_from_template(name: str, params: dict[str, str]) -> CitationFields:
    """Keyword arguments of :class:`~spector_refs.model.Reference` for one citation template.

    ``params`` maps parameter names (as typed) to their wikitext values;
    positional parameters, if any, are ignored. The result never contains
    ``number``, ``raw``, ``group`` or ``cite_count``: those belong to the
    reference, not the template. Unreadable dates become ``problems``.
    """
    values = _clean(params)
    problems: list[str] = []
    fields: CitationDraft = {
        "kind": citation_kind(name, params),
        "authors": _names(values, "author"),
        "authors_truncated": _authors_truncated(values),
        "editors": _names(values, "editor"),
        "translators": _names(values, "translator"),
        "title": _title(values),
        "trans_title": _first(values, "transtitle"),
        "chapter": _first(values, "chapter", "contribution", "entry", "article", "section"),
        "work": _first(values, *_WORK) or PREPRINT_SERVERS.get(citation_kind(name, params) or ""),
        "publisher": _first(values, "publisher", "institution"),
        "place": _first(values, "place", "location", "publicationplace"),
        "edition": _first(values, "edition"),
        "series": _first(values, "series", "version"),
        "conference": _first(values, "conference", "event"),
        "others": _first(values, "others"),
        "volume": _first(values, "volume"),
        "issue": _first(values, "issue", "number"),
        "pages": _first(values, "pages", "page", "at"),
        "date": _date(values, problems),
        "original_date": _original_date(values),
        "access_date": _checked_date(_first(values, "accessdate"), "access date", problems),
        "archive_date": _checked_date(_first(values, "archivedate"), "archive date", problems),
        "url": _first(values, "url", "chapterurl", "contributionurl", "sectionurl"),
        "archive_url": _first(values, "archiveurl"),
        "url_status": _url_status(values),
        "language": _first(values, "language", "lang"),
        "quote": _first(values, "quote"),
        "identifiers": _identifiers(values),
    }
    if not fields["title"] and not fields["chapter"]:
        problems.append("citation has no title")
    fields["problems"] = problems
    return fields_from_draft(fields)


def _authors_truncated(values: dict[str, str]) -> bool:
    """``|display-authors=etal`` or an author written "et al.": more authors than are named."""
    shown = _first(values, "displayauthors", "displayauthor")
    if shown and _ET_AL.match(shown.replace(" ", "")):
        return True
    names = [
        value for key, value in values.items() if re.match(r"^(?:author|last|vauthors|authors)\d*$", key)
    ]
    return any(_ET_AL.match(value) or re.search(r",\s*et al\.?$", value) for value in names)


def _original_date(values: dict[str, str]) -> str | None:
    """``|orig-date=`` (``|orig-year=`` before 2023) as CS1 prints it in brackets: kept as written."""
    original = _first(values, "origdate", "origyear")
    return parse_date(original) or original if original else None


def _clean(params: dict[str, str]) -> dict[str, str]:
    """Compact keys and reader-visible values; empty parameters count as absent."""
    values: dict[str, str] = {}
    for raw_key, raw_value in params.items():
        key = compact_key(str(raw_key))
        if key.isdigit():
            continue
        value = plain_text(str(raw_value))
        if value:
            values[key] = value
    return values


def _first(values: dict[str, str], *keys: str) -> str | None:
    for key in keys:
        if values.get(key):
            return values[key]
    return None


def _title(values: dict[str, str]) -> str | None:
    """The title, or the script-title without its language prefix ("ja:…")."""
    title = _first(values, "title")
    if title:
        return title
    script = _first(values, "scripttitle")
    return re.sub(r"^[a-z]{2,3}(?:-[a-z]+)?:", "", script) if script else None


def _names(values: dict[str, str], role: str) -> tuple[Name, ...]:
    """Authors (or editors) from every CS1 spelling, in their numbered order."""
    numbers = range(1, _highest_number(values, role) + 1)
    names = [name for n in numbers for name in _numbered_names(values, role, n)]
    vancouver = _first(values, f"v{role}s")
    listed = _first(values, f"{role}s")
    if not names and vancouver:
        names = _vancouver_names(vancouver)
    elif not names and listed:
        names = _free_names(listed)
    return tuple(name for name in names if not _is_et_al(name))


def _highest_number(values: dict[str, str], role: str) -> int:
    """The largest name number used (``last12`` → 12), capped as CS1 caps lists."""
    words = "author|last|first|surname|given" if role == "author" else role
    pattern = re.compile(rf"^(?:{words})\D*?(\d+)\D*$")
    numbers = [int(m.group(1)) for m in map(pattern.match, values) if m]
    return min(max(numbers, default=1), 99)


# spellings of a numbered name part; "{n}" is the number (or "" for the first name)
_NAME_KEYS = {
    ("author", "last"): ("last{n}", "surname{n}", "author{n}last", "authorlast{n}", "author{n}surname"),
    ("author", "first"): ("first{n}", "given{n}", "author{n}first", "authorfirst{n}", "author{n}given"),
    ("editor", "last"): ("editor{n}last", "editorlast{n}", "editor{n}surname", "editorsurname{n}"),
    ("editor", "first"): ("editor{n}first", "editorfirst{n}", "editor{n}given", "editorgiven{n}"),
    ("translator", "last"): ("translator{n}last", "translatorlast{n}", "translator{n}surname"),
    ("translator", "first"): ("translator{n}first", "translatorfirst{n}", "translator{n}given"),
}


def _numbered_names(values: dict[str, str], role: str, n: int) -> list[Name]:
    """Name number ``n`` (1 also matches the unnumbered spellings), or the list typed in its place."""
    suffixes = (str(n), "") if n == 1 else (str(n),)

    def spelled(part: str) -> list[str]:
        return [key.format(n=s) for s in suffixes for key in _NAME_KEYS[role, part]]

    last, first = _first(values, *spelled("last")), _first(values, *spelled("first"))
    if last:
        return [name_from_parts(last, first)]
    whole = _first(values, *(f"{role}{s}" for s in suffixes))
    if not whole:
        return []
    listed = parse_name_list(whole)
    return listed if len(listed) > 1 else [_free_name(whole)]


def _free_name(text: str) -> Name:
    """``|author=`` holds one whole name; "et al." is kept for the caller to drop."""
    return Name(literal=text) if _ET_AL.match(text) else parse_name(text)


def _free_names(text: str) -> list[Name]:
    """``|authors=`` (deprecated free form): names separated by ";" or " and "."""
    return [_free_name(part.strip()) for part in re.split(r";| and | & ", text) if part.strip()]


def _vancouver_names(text: str) -> list[Name]:
    """``|vauthors=Smith AB, Jones CD, et al.``: surname then initials."""
    names = []
    for part in (p.strip() for p in text.split(",")):
        match = re.fullmatch(r"(.+?)\s+([A-Z]{1,4})", part)
        if match:
            names.append(Name(family=match.group(1), given=match.group(2)))
        elif part:
            names.append(
                Name(literal=part.strip("()")) if looks_like_organisation(part) else Name(family=part)
            )
    return names


def _is_et_al(name: Name) -> bool:
    return any(_ET_AL.match(part or "") for part in (name.family, name.literal)) and not name.given


def _date(values: dict[str, str], problems: list[str]) -> str | None:
    """``|date=``, else ``|year=`` (with ``|month=`` if an old citation gives one)."""
    date = _first(values, "date", "publicationdate")
    if date:
        return _checked_date(date, "date", problems)
    year = _first(values, "year")
    if not year:
        return None
    month = _first(values, "month")
    return _checked_date(f"{month} {year}" if month else year, "year", problems)


def _checked_date(text: str | None, what: str, problems: list[str]) -> str | None:
    if not text:
        return None
    value = parse_date(text)
    if value is None and not is_no_date(text):
        problems.append(f"unreadable {what}: {text}")
    return value


def _url_status(values: dict[str, str]) -> str | None:
    """``url-status`` as written; the older ``dead-url=yes/no`` as dead/live."""
    status = _first(values, "urlstatus", "deadurl")
    if not status:
        return None
    lowered = status.lower()
    if "urlstatus" not in values and lowered in _LIVE | _DEAD:
        return "live" if lowered in _LIVE else "dead"
    return lowered


def _identifiers(values: dict[str, str]) -> dict[str, str]:
    ids: dict[str, str] = {}
    for key, value in values.items():
        scheme = _IDENTIFIER_ALIASES.get(key, key)
        if scheme in _IDENTIFIERS and scheme not in ids:
            ids[scheme] = _normalise_identifier(scheme, value)
    return ids


_IDENTIFIER_CLEANERS: dict[str, Callable[[str], str]] = {
    "doi": lambda v: re.sub(r"^(?:https?://(?:dx\.)?doi\.org/|doi:)", "", v, flags=re.I),
    "pmc": lambda v: re.sub(r"^PMC", "", v, flags=re.I),
    "isbn": lambda v: re.sub(r"^ISBN[-: ]*(?:1[03]:?\s*)?", "", v, flags=re.I),
}


def _normalise_identifier(scheme: str, value: str) -> str:
    cleaner = _IDENTIFIER_CLEANERS.get(scheme)
    return (cleaner(value) if cleaner else value).strip()
