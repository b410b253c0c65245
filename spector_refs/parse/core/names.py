"""Author names as CS1 writes them, read the same way in every input format.

"Last, First", a whole name ("John Smith"), an organisation ("Local 3 News")
or CS1's workaround for organisations, ``|last=staff |first=Org`` (rendered
"staff, Org"), all become :class:`Name` records by one set of rules, so the
text, HTML, COinS and wikitext parsers agree on who wrote what.
"""

from __future__ import annotations

import re

from spector_refs.model import Name

STAFF = frozenset({"staff", "staff writer", "staff writers", "staff reporter", "reporter", "editorial"})
_ORGANISATION = re.compile(
    r"\d|\b(?:news|staff|inc|ltd|llc|agency|press|department|office|ministry|bureau|times|"
    r"corporation|company|university|police|council|committee|association|institute|"
    r"organi[sz]ation|foundation|society|government|reporters?|team|group|service|commission|"
    r"europol|reuters|associated|board|network|cent(?:er|re)|the|of|and)\b|&",
    re.I,
)


def looks_like_organisation(text: str) -> bool:
    """Whether a name reads as an organisation ("Local 3 News", "Dept. of X")."""
    return bool(_ORGANISATION.search(text))


def name_from_parts(last: str, first: str | None) -> Name:
    """``last``/``first``; "staff, Org" and surname-only organisations become literals."""
    if first and last.lower() in STAFF:
        return Name(literal=first)
    if not first and looks_like_organisation(last):
        return Name(literal=last)
    return Name(family=last, given=first or None)


def parse_name(text: str) -> Name:
    """One whole name: "Smith, John", "John Smith", Vancouver "Smith JA", "MrAdmin" or an organisation."""
    text = _ROLE.sub("", text.strip())
    if "," in text:
        family, given = (part.strip() for part in text.split(",", 1))
        return name_from_parts(family, _DESCRIPTION.sub("", given) or None)
    words = text.split()
    if len(words) == 1:
        return Name(family=text)
    vancouver = _VANCOUVER_NAME.fullmatch(text)  # "Michell AR" in |author=: initials after the surname
    if vancouver:
        return Name(family=vancouver.group(1), given=vancouver.group(2))
    if looks_like_organisation(text) or len(words) > 4:
        return Name(literal=text)
    split = len(words) - 1
    while split > 1 and words[split - 1].islower():  # "Bridgett von Holdt": the particle is the surname's
        split -= 1
    return Name(family=" ".join(words[split:]), given=" ".join(words[:split]))


_VANCOUVER_NAME = re.compile(r"([A-Z][\w'’-]+(?: [a-z][\w'’-]*)*(?: [A-Z][\w'’-]+)?) ([A-Z]{1,3})")
VANCOUVER = r"(?:[a-z]+ )*[\w'’-]+ [A-Z]{1,3}"  # "Smith AB", "van der Beek S"
_FINAL_INITIAL = re.compile(r"(?:^|[\s.,])[A-Z]\.$")
_LETTER = re.compile(r"[^\W\d_]")
_ROLE = re.compile(
    r"\s\((?:[A-Z][a-z]+)(?: [a-z]+)?\)$"
)  # "Attenborough, David (Narrator)": |people= with a role
_DESCRIPTION = re.compile(r"\s\([^()]{1,120}\)$")  # "Grisar, Hartmann (Professor of … at Innsbruck)"
_ET_AL = re.compile(r"[;,]?\s*(?:''?)?et\sal\.?(?:''?)?$", re.I)  # CS1 writes "et&nbsp;al."

INITIALS_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}, [A-Z]\.(?: ?[A-Z]\.){0,2}(?! ?[A-Z]\.)"
"""A rendered "Family, I." or "Family, G. H.": given names as initials only, all of them."""
_INITIALS_LIST = re.compile(rf"{INITIALS_NAME}(?:, {INITIALS_NAME})+")
"""Names joined by commas, each "Family, I." ("Shortley, G., Williams, D."): a vanc-accept list."""
_INITIALS_SEPARATOR = re.compile(r"(?<=\.), (?=[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}, [A-Z]\.)")
_LAST_SEPARATOR = re.compile(r"\s*;\s*(?:and\s+|&\s+)?|(?<=[\w.]) & (?=[^,;&]+, )")
"""Between "Last, First" names: CS1's ";", and with ``name-list-style=amp`` or ``and`` the
"&" or "; and" before the last ("Smith, J.; Jones, K. & Roe, R."). An "&" counts only
when a "Last, First" name follows, so "Taylor & Francis" stays one name."""


def is_truncated(text: str) -> bool:
    """Whether a rendered name list ends in "et al." (more authors than are named)."""
    return bool(_ET_AL.search(text.strip()))


def parse_name_list(text: str) -> list[Name]:
    """Names as CS1 renders them: "Last, First; Last2, First2" or Vancouver "Smith AB, Jones CD".

    A trailing "et al." is dropped: the model lists the names that are given
    (and :func:`is_truncated` tells that there are more).
    """
    text = _ET_AL.sub("", text.strip()).strip(" ;")
    if not _FINAL_INITIAL.search(text):  # "Smith, J." keeps the full stop of its initial
        text = text.rstrip(" .;")
    if not text or not _LETTER.search(text):  # |author-mask= renders the author as "———"
        return []
    if ";" not in text and re.fullmatch(rf"{VANCOUVER}(?:, {VANCOUVER})+", text):
        return [Name(family=p.rsplit(" ", 1)[0], given=p.rsplit(" ", 1)[1]) for p in text.split(", ")]
    if ";" not in text and _INITIALS_LIST.fullmatch(text):
        return [parse_name(part) for part in _INITIALS_SEPARATOR.split(text)]
    whole = _whole_names(text) if ";" not in text else None
    if whole:
        return [parse_name(part) for part in whole]
    return [parse_name(part) for part in _LAST_SEPARATOR.split(text) if part.strip()]


def _whole_names(text: str) -> list[str] | None:
    """A hand-written list of whole names, "Ann Lee, Bo Chan and Cy Diaz", else None.

    CS1 separates "Last, First" names with semicolons; commas alone between
    three or more parts of two words or more can only be whole names, which
    would otherwise read as one surname with a long given name. Two whole
    names joined by "&" or "and" ("David Skorton & Glenn Altschuler") are a
    list too, unless a side reads as an organisation ("John Wiley & Sons").
    """
    parts = [part.strip() for part in re.split(r",\s*(?:and\s+|&\s+)?|\s+(?:and|&)\s+", text)]
    if any(len(part.split()) < 2 for part in parts):
        return None
    if len(parts) == 2 and "," not in text:
        return (
            None if any(looks_like_organisation(part) or len(part.split()) > 4 for part in parts) else parts
        )
    return parts if len(parts) >= 3 else None
