"""COinS: the OpenURL metadata CS1 hides beside every rendered citation.

Each CS1 citation is followed by ``<span class="Z3988" title="ctx_ver=…">``
whose title is an OpenURL ContextObject in key/value form (Z39.88-2004).
It carries the citation's structured fields without the punctuation of the
rendering, so it is the most reliable source for authors, titles and
identifiers in HTML. It lacks the access date, archive link, language and
maintenance messages, which the caller reads from the rendered citation.
"""

from __future__ import annotations

import codecs
import re
from urllib.parse import parse_qsl

from spector_refs.dates import parse_date
from spector_refs.model import Name
from spector_refs.parse.core.fields import CitationDraft, CitationFields, fields_from_draft
from spector_refs.parse.core.names import name_from_parts, parse_name

# rft_id values of the form info:<namespace>/<value>, as CS1 writes them
_INFO_IDS = {
    "doi": "doi",
    "pmid": "pmid",
    "pmc": "pmc",
    "oclcnum": "oclc",
    "bibcode": "bibcode",
    "arxiv": "arxiv",
    "hdl": "hdl",
    "lccn": "lccn",
    "osti": "osti",
    "jstor": "jstor",
}
# identifier links CS1 writes as protocol-relative rft_id values
_LINK_IDS = (
    (re.compile(r"//www\.jstor\.org/stable/(\S+)"), "jstor"),
    (re.compile(r"//www\.ncbi\.nlm\.nih\.gov/pmc/articles/PMC(\d+)"), "pmc"),
    (re.compile(r"//(?:dx\.)?doi\.org/(10\.\S+)"), "doi"),
)
_SCALAR_FIELDS = {
    "rft.volume": "volume",
    "rft.issue": "issue",
    "rft.edition": "edition",
    "rft.pub": "publisher",
    "rft.place": "place",
}


def _dropped_lead_byte(error: UnicodeError) -> tuple[str, int]:
    """The character a lone UTF-8 continuation byte stood for.

    CS1 in 2017 percent-encoded some characters without their lead byte ("1809%931882",
    "Dom%ADnguez"). 80-9F ended general punctuation (lead E2 80: the dashes and quotes,
    also between words: "Review%94The"); A0-BF between two letters ended a small Latin-1
    letter (lead C3: "í"), elsewhere a Latin-1 sign (lead C2: "£", "»"). Any other bad
    byte is U+FFFD.
    """
    if not isinstance(error, UnicodeDecodeError):
        raise error
    data, at = error.object, error.start
    byte = data[at]
    if not 0x80 <= byte <= 0xBF:
        return "\ufffd", at + 1
    if byte >= 0xA0 and data[max(0, at - 1) : at].isalpha() and data[at + 1 : at + 2].isalpha():
        return chr(byte + 0x40), at + 1
    return chr(0x2000 + byte - 0x80 if byte < 0xA0 else byte), at + 1


_LEAD_DROPPED = "spector-refs-coins-lead-dropped"
codecs.register_error(_LEAD_DROPPED, _dropped_lead_byte)


def parse_coins(title: str) -> CitationFields:
    """Reference keyword fields from a COinS ``title`` attribute.

    Returns only the fields the metadata holds, plus ``problems`` when a
    value in it could not be read (an unparseable date, say). CS1 writes
    date ranges as ISO intervals ("2007-10/2007-12"); the start is kept.
    """
    pairs = [
        (key.strip(), value.strip()) for key, value in parse_qsl(title, errors=_LEAD_DROPPED) if value.strip()
    ]
    values: dict[str, list[str]] = {}
    for key, value in pairs:
        values.setdefault(key, []).append(value)
    first = {key: items[0] for key, items in values.items()}
    fields: CitationDraft = _titles(first)
    fields.update({name: first[key] for key, name in _SCALAR_FIELDS.items() if key in first})
    pages = _pages(first)
    if pages:
        fields["pages"] = pages
    authors = _authors(first, values.get("rft.au", []))
    if authors:
        fields["authors"] = tuple(authors)
    identifiers, url = _identifiers(first, values.get("rft_id", []))
    if identifiers:
        fields["identifiers"] = identifiers
    if url:
        fields["url"] = url
    if "rft.date" in first:
        date = parse_date(first["rft.date"].split("/")[0])
        if date:
            fields["date"] = date
        elif first["rft.date"].strip(". ").lower() not in {"n.d", "nd", "no date"}:
            fields["problems"] = (f"COinS date not understood: {first['rft.date']!r}",)
    return fields_from_draft(fields)


def coins_kind(title: str) -> str | None:
    """The CS1 family a COinS record implies, for citations without a class.

    ``{{citation}}`` renders as ``cite class="citation cs2"`` with no family,
    so the OpenURL genre is the only hint: "article" in journal format is a
    journal article, "book"/"bookitem" a book.
    """
    pairs = dict(parse_qsl(title))
    genre = pairs.get("rft.genre", "")
    if genre in {"book", "bookitem"}:
        return "book"
    if genre == "article" and pairs.get("rft_val_fmt", "").endswith(":journal"):
        return "journal"
    if genre == "conference" or genre == "proceeding":
        return "conference"
    return None


def _titles(first: dict[str, str]) -> dict[str, str]:
    """Map OpenURL titles onto CS1's title, chapter and work.

    CS1 writes a chapter as ``atitle`` beside the book's ``btitle`` (genre
    "bookitem"), an article as ``atitle`` in its periodical ``jtitle``, and a
    stand-alone web page or book as ``btitle`` alone.
    """
    out: dict[str, str] = {}
    atitle, btitle, jtitle = first.get("rft.atitle"), first.get("rft.btitle"), first.get("rft.jtitle")
    if atitle and btitle:
        out["chapter"], out["title"] = atitle, btitle
    elif atitle or btitle or first.get("rft.title"):
        out["title"] = atitle or btitle or first["rft.title"]
    if jtitle:
        out["work"] = jtitle
    return out


def _pages(first: dict[str, str]) -> str | None:
    if "rft.pages" in first:
        return first["rft.pages"]
    start, end = first.get("rft.spage"), first.get("rft.epage")
    if start and end:
        return f"{start}-{end}"
    return start


def _authors(first: dict[str, str], others: list[str]) -> list[Name]:
    """The first author from aulast/aufirst, then each ``rft.au`` in order.

    aulast/aufirst are the template's ``|last=``/``|first=`` and ``rft.au``
    holds "Family, Given" for people or the bare name of an organisation;
    both are read by the shared name rules, so a name means the same in
    every format ("staff, Org" is the organisation).
    """
    names: list[Name] = []
    if "rft.aulast" in first:
        names.append(name_from_parts(first["rft.aulast"], first.get("rft.aufirst")))
    names.extend(parse_name(value) for value in others)
    return names


def _identifiers(first: dict[str, str], ids: list[str]) -> tuple[dict[str, str], str | None]:
    """Identifiers keyed by their CS1 parameter name, and the cited URL.

    The citation's own URL is the first ``rft_id`` with an http(s) scheme;
    CS1 writes identifier links (JSTOR, PMC) protocol-relative.
    """
    found: dict[str, str] = {}
    url = None
    for value in ids:
        match = re.match(r"info:(\w+)/(.+)", value)
        if match and match.group(1).lower() in _INFO_IDS:
            found.setdefault(_INFO_IDS[match.group(1).lower()], match.group(2))
        elif re.match(r"https?://", value, re.I):
            url = url or value
        else:
            for pattern, name in _LINK_IDS:
                link = pattern.match(value)
                if link:
                    found.setdefault(name, link.group(1))
    for key in ("isbn", "issn", "eissn", "coden"):
        if f"rft.{key}" in first:
            found[key] = first[f"rft.{key}"]
    return found, url
