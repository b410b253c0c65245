"""Reading a CS1 citation as Wikipedia renders it, back into fields.

Plain-text copies and HTML without metadata only keep the rendered citation:
``Last, First (2023-05-02). "Title". Work. Publisher. Archived from the
original on DATE. Retrieved DATE.`` with optional identifiers, pages, editors,
language and the hidden maintenance text that CS1 appends
(``{{cite web}}: CS1 maint: … (link)``). CS1's output order is fixed, so the
citation is read by peeling off the parts whose wording is unambiguous
(maintenance, "Retrieved", "Archived", identifiers), then the author/date
head, the quoted title, and classifying what remains segment by segment.
Hand-written references in the two forms editors type most — "Last, First;
Last, First; Title. Place: Publisher, Year, page N" and "Last, First, Title,
Place: Publisher, Year, N" — and {{Webarchive}}'s "Archived DATE at the
Wayback Machine" are read too, so their authors never end up in the title.
"""

from __future__ import annotations

import re

from spector_refs.dates import NO_DATE, is_no_date, parse_date
from spector_refs.model import Name
from spector_refs.parse.core.cs1_book import (
    EVENT,
    has_title_type,
    read_author_block,
    read_book,
    segments,
    starts_with_undated_authors,
)
from spector_refs.parse.core.cs1_template import PREPRINT_SERVERS
from spector_refs.parse.core.cs2 import comma_parts, cs2_as_cs1
from spector_refs.parse.core.fields import CitationDraft, CitationFields, fields_from_draft
from spector_refs.parse.core.names import is_truncated, parse_name, parse_name_list

_MAINT = re.compile(r"\s*\{\{\s*(?:cite|citation)\s*([\w ]*?)\s*\}\}:\s*(.*)$", re.I | re.S)
_MAINT_END = re.compile(r"\s*\((?:link|help)\)\s*")
_DATE_TEXT = r"(\d{4}-\d\d-\d\d|(?:[A-Za-z]{3,9}\.? )?[^.]{0,30}?\d{4})"
_RETRIEVED = re.compile(  # also typed by hand in parentheses: "(accessed 7 December 2010)"
    r"\s*(\()?(?:Retrieved|Accessed|access-?date:)(?: on)?\s+" + _DATE_TEXT + r"(?(1)\))[.,]?(?=\s|$)", re.I
)
_ARCHIVED = re.compile(
    r"\s*Archived(?: \(PDF\))? from the original(?: \(PDF\))?(?: on " + _DATE_TEXT + r")?[.,]?(?=\s|$)", re.I
)
_WEBARCHIVE = re.compile(
    r"\s*Archived\s+(\d{4}-\d\d-\d\d|[\w ,]{4,30}?\d{4})\s+at\s+(?:the\s+)?"
    r"(?:Wayback Machine|archive\.today|Archive\.is|WebCite|Ghostarchive|Archive-It|Perma\.cc|"
    r"Library of Congress Web Archives|UK Government Web Archive)(?=[\s.]|$)",
    re.I,
)
_IDENTIFIERS = {
    "isbn": re.compile(r"\bISBN(?:-1[03])?:?\s+([\dX][\d\- X]{8,16}[\dX])", re.I),
    "issn": re.compile(r"\b[Ee]?ISSN:?\s+(\d{4}-?\d{3}[\dXx])"),
    "oclc": re.compile(r"\bOCLC:?\s+(\d+)"),
    "pmid": re.compile(r"\bPMID:?\s+(\d+)"),
    "pmc": re.compile(r"\bPMC:?\s*(\d+)"),
    "doi": re.compile(r"\bdoi:\s*(10\.\d{4,9}/\S+?)(?=\.?(?:\s|$))", re.I),
    "bibcode": re.compile(r"\bBibcode:\s*(\S{19})"),
    "arxiv": re.compile(r"\barXiv:\s*(\S+?)(?:\s\[[\w.-]{1,30}\])?(?=\.?(?:\s|$))"),  # "… [astro-ph.GA]"
    "jstor": re.compile(r"\bJSTOR\s+(\d+|[a-z][\w.]*\d\w*)"),  # "JSTOR 2095125", "JSTOR j.ctt1nq3vk"
    "s2cid": re.compile(r"\bS2CID\s+(\d+)"),
    "hdl": re.compile(r"\bhdl:\s*(\S+?)(?=\.?(?:\s|$))"),
    "lccn": re.compile(r"\bLCCN\s+(\S+?)(?=\.?(?:\s|$))"),
    "ol": re.compile(r"\bOL\s+(\d+[AMW])\b"),
    "osti": re.compile(r"\bOSTI\s+(\d+)"),
    "ssrn": re.compile(r"\bSSRN\s+(\d+)"),
    "zbl": re.compile(r"\bZbl\s+(\d+\.\d+)"),
    "mr": re.compile(r"\bMR\s+(\d{4,})"),
    "asin": re.compile(r"\bASIN\s+([A-Z0-9]{10})\b"),
    "citeseerx": re.compile(r"\bCiteSeerX\s+(10\.1\.1\.\d+\.\d+)"),
    "rfc": re.compile(r"\bRFC\s+(\d+)"),
    "biorxiv": re.compile(r"\bbioRxiv\s+(\S+?)(?=\.?(?:\s|$))"),
    "medrxiv": re.compile(r"\bmedRxiv\s+(\S+?)(?=\.?(?:\s|$))"),
}
_DOUBLED_STOPS = re.compile(r"(?:\s*\.){2,}")
_SPACE_RUN = re.compile(r"\s{2,}")
_SPACE_BEFORE_STOP = re.compile(  # '"Entry"\u00a0. Encyclopædia': the space CS1 puts before an icon
    r"(?<!\s)\s+(?=[.,](?:\s|$))"  # (Wikisource, registration), left before the separator in a copy
)
_VIA = re.compile(  # "– via Google Books", "– via Newspapers.com": the provider
    r"\s[–—-]\svia\s[^\s.][^\s]*?(?:\s[^\s]+?){0,8}?(?:\.(?=\s|$)|$)"
)
_URL = re.compile(r"https?://[^\s<>\"]+")
_MAX_NAME_WORDS = 8
_OPEN_QUOTE = re.compile(r"(?:^|(?<=[.,:)]\s))[\"“‘]")  # CS1 opens a part with a quoted title
_CLOSING = {"‘": "’"}  # British single quotes, typed by hand, close only with their pair
_CLOSE_QUOTE = {q: re.compile(rf"[{q}](?=[.,!?]?(?:\s|$)|\s{{0,3}}[\[(])") for q in ('"”', "’")}
_PART_CLOSE_QUOTE = {  # '". ', '" (' end CS1's title
    q: re.compile(rf"[{q}](?=[.,](?:\s|$)|\s{{0,3}}[\[(]|$)") for q in ('"”', "’")
}
_HEAD_DATE = re.compile(  # "(1960a) [1619]": the date, then |orig-date= in brackets
    rf"\s*\(([^()]*?\d[a-z]?|{NO_DATE})\)(?:\s*\[[^\[\]]{{1,40}}\])?\s*\.?\s*$"
)
_LANGUAGE = re.compile(r"\s*\(in ([A-Z][\w ,-]+?)(?: and [A-Z]\w+)?\)")
_FORMAT = re.compile(
    r"\s*\((?:PDF|DOC|PowerPoint|video|audio|podcast|Press release|Map|Report|Tweet)\)", re.I
)
_TRANS_TITLE = re.compile(r"^\s*\[([^\]]+)\]")
_TRANS_CHAPTER = re.compile(r"^\s*\[[^\[\]]{1,300}\]")
_PAGES = re.compile(r"^(?:pp?\.|page|pages|at)\s*(.+)$", re.I)
_VOLUME_ISSUE = re.compile(  # a journal's "61 (2): 125", a magazine's "Vol. 88, no. 5"
    r"^(?:Vol\.\s*)?(?P<volume>\d[\w–-]*)\s*(?:\((?:No\.\s*)?(?P<issue>[^)]+)\)|,\s[Nn]o\.\s(?P<number>\S+))?"
    r"\s*(?::\s*(?P<pages>.+))?$"
)
_VOLUME_PART = re.compile(
    r"^Vol\.\s\S+$"
)  # a book's (or encyclopaedia's) "Vol. 5", not a magazine's "Vol. 5, no. 2"
_ACCESS_NOTES = re.compile(  # access icons' text and |lay-url=, which name no part of the work
    r"\s*\((?:subscription|registration) required(?: \(help\))?\)"
    r"|\s*\(Subscription or participating institution membership required\.\)"  # the OED's
    r"|\s*Event occurs at [\d:]{1,12}\.?"  # |time= of a recording
    r"|\s*Lay summary(?:\s[–—-]\s[^.()]{1,120}?(?=\s\(|\.(?:\s|$)|$))?(?:\s\([^()]{1,40}\))?\.?"
)
_EDITION = re.compile(r"\s*\(([^()]*?\b(?:ed\.|edition))\)", re.I)
_PLACE_PUBLISHER = re.compile(r"^([A-Z][\w .'-]{1,40}?(?:, [A-Z][\w .'-]{1,20})?):\s*(.+)$")
_NAMES_THEN_TITLE = re.compile(r"^((?:[A-Z][\w'’-]+(?: [\w'’-]+){0,3}, [A-Z][\w.'’ -]{0,40}?; )+)(?=[^\s;])")
_COMMA_BOOK = re.compile(
    r"^(?P<family>[A-Z][\w'’-]+(?: [\w'’-]+)?), (?P<given>[A-Z][\w.'’-]*(?: [A-Z][\w.'’-]*){0,3}), "
    r"(?P<title>(?!eds?\.)[^,]+(?:,[^,]+)*?), (?P<place>[A-Z][\w .'-]{1,30}?): (?P<publisher>[^:]+)$"
)
_CS1_HEAD = re.compile(  # "Grassi H, Guiducci M, Galilei G (1960) [1619, 1623]. ": CS1's, not typed by hand
    r"^[^()\"“]{1,400}?\([^()]{0,40}?\d{4}[a-z]?\)(?:\s*\[[^\[\]]{1,40}\])?\.\s"
)
_NAME_TITLE_DATE = re.compile(  # "John J. Ensminger, Police and Military Dogs (CRC Press, 2012)."
    r"^(?P<name>[A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?){1,3}), (?P<rest>[A-Z\"“][^()]+?),? "
    r"\((?P<imprint>[^()]{0,80}?)(?P<date>(?:[A-Z][a-z]+\.? )?(?:\d{1,2}, )?\d{4})\)\.?$"
)
_EDITORS = re.compile(r"^In\s+(.+?)\s*\((?:eds?\.|editors?)\)\s*\.?\s*(.*)$", re.S)
_BOOK_SIGNS = re.compile(
    r"^[^\"“]{1,400}?\((?:[^()]{0,40}?\d[a-z]?|"
    + NO_DATE
    + r")\)(?:\s*\[[^\]]{1,40}\])?\.?\s"  # Authors (Date).
    r"|\((?:eds?\.|[^()]{1,30} ed\.)\)|,\seds?\.\s\(|Translated by |Edited by |\" series\b"
    r"|\.\sVol\.\s[^.,]{1,40}\.\s"  # a book's "Vol. 12.", never a periodical's "Vol. 2, no. 3."
)
_QUOTES_OR_STOPS = re.compile(r"[\"“‘.]")
_BOOK_IDENTIFIERS = {"isbn", "lccn"}  # catalogue numbers of books; a journal is catalogued by its ISSN
_BARE_VOLUME = re.compile(r"\d{1,4}[A-Z]?")
_YEAR = re.compile(r"1[5-9]\d\d|20\d\d")
_LETTERS = re.compile(r"[^\W\d_]{2}")
_WORD = re.compile(r"[^\W\d_]{3}")
_ISSUE_PAGES = re.compile(r"\s\((?P<issue>[^()]{1,20})\):\s*(?P<pages>\S.{0,40})")  # " (3): 45"
_NUMBER = re.compile(r"\d[\w–-]*")
_PARENTHETICAL = re.compile(r"\([^()]*\)")
_LEADING_PARENTHETICALS = re.compile(
    r"^(?:\s*\([^()]*\))*"
)  # a quoted title's own: '"Title" (Press release)'
_REVISED = re.compile(r"^rev(?:ised)?\.?\s+(?:by\s+)?(?P<names>[A-Z].+)$")  # "rev. Roger T. Stearn"
_NAME_TITLE_AT = re.compile(  # "Colin Day, National Service…, at www.colindaylinks.com/…": typed by hand
    r"^(?P<name>[A-Z][\w'’-]*\.?(?: [A-Z][\w'’-]*\.?){1,2}), (?P<title>[A-Z\"“][^,]+(?:, [^,]+)*?), "
    r"at (?P<at>(?:www\.|[\w-]+\.[a-z]{2,}/)\S+?)\.?$"
)
_HEAD_EDITORS = re.compile(r"(?<=\))\.\s+(?P<editors>[^()\"“]{1,200}?),?\s\(?eds?\.\)?\.?$")
_JOURNAL_NUMBERS = re.compile(r"\b\d+\s*(?:\([^()]{1,20}\))?:\s*[\de]")
_ABBREVIATED_WORD = r"[A-Z](?:[\w'’-]|\.(?=\w))*\."  # "Vet.", "Reprod.", "U.S.A."
# In an abbreviated journal's name, one "&" or word at most comes before the next abbreviated word
# ("Comp. & Maths. With Appls."), never a word after an initial ("Dr. J. Smith Foundation" is a name)
_ABBREVIATED_STEP = rf"(?:(?:\s&|(?<!\b[A-Z]\.)\s[A-Za-z][\w'’-]*)?\s{_ABBREVIATED_WORD})"
_ABBREVIATED_NAME = (  # "Vet. J."; a word before the first when three follow
    rf"{_ABBREVIATED_WORD}{_ABBREVIATED_STEP}{{1,12}}"
    rf"|[A-Z][\w'’-]*\s{_ABBREVIATED_WORD}{_ABBREVIATED_STEP}{{2,12}}"  # "Physis Riv. Internaz. Storia Sci."
)
_PAGE = r"(?:[A-Za-z]?\d)[\w–-]{0,20}"  # "177–82", "B171–8", "e0119248", "L7"
_JOURNAL_THEN_NUMBERS = re.compile(  # a journal's name, then its volume and issue or pages
    rf"\.\s+(?:(?P<abbreviated>{_ABBREVIATED_NAME})\.?"
    r"|(?P<name>[^\"“”().]{1,200}?"  # '… of North America: Small Animal Practice. 42'
    r"(?:\.\s(?:Series|Section|Supplement)\b[^\"“”().]{0,120})?)\.)"  # 'Journal. Series A, …. 52'
    r"\s(?P<volume>\d[\w–-]{0,15})(?:\s\((?P<issue>[^()]{1,20})\))?"
    rf"(?:\s(?P<article>{_PAGE}))?(?::\s?(?P<pages>{_PAGE}(?:\s[–-]\s{_PAGE})?(?:,\s{_PAGE})*))?(?=,?\.?(?:\s|$))"
)  # '37 (3) 307: 234–238' (an article number, then pages), '26 (2): L7 – L9', '15 (1) 010123'

_ABBREVIATED_JOURNAL = re.compile(rf"\.\s+(?P<abbreviated>{_ABBREVIATED_NAME})\.?\s(?=[A-Z])")
_CONTRIBUTION_SIGN = re.compile(r"\.\s(?:By\s[A-Z][^.]{0,80}\.\s+Translated by\s|By\s[A-Z][\w'’-]+,\s)")
_IN_PART = re.compile(r"In\s[A-Z]")  # a book's editors, or its |others=: no periodical renders "In …"
_NAMED_PAGES = re.compile(r"^\.\s+[^.:\"“]{1,80}:\s*\d+(?:[–-]\d+)?(?:\.|$)")  # '"Title". Publisher: 96.'
_ORIGINAL_DATE = re.compile(r"(?P<date>[^\[\]]{1,40}?)\s*\[(?P<orig>[^\[\]]{1,40})\]")  # "1903 [1889]"
_DATED_PUBLISHER = re.compile(r"(?P<publisher>.+?\.) (?P<date>\d{4}(?: \[[^\[\]]{1,40}\])?)")  # "Co. 1903"
_SHORT_FOOTNOTE = re.compile(
    r"^(?P<names>[A-Z][\w'’.-]+(?:(?:,| &| and) [A-Z][\w'’.-]+)*(?:\set\sal\.)?),? "
    r"\(?(?P<year>\d{4}[a-z]?|" + NO_DATE + r")\)?"
    r"(?:[,:]\s*(?P<pages>(?:pp?\.|at|§)\s*[^.]+?|\d[\d–-]*))?\.?$"
)


def parse_rendered_citation(text: str) -> CitationFields:
    """Keyword arguments for :class:`Reference` read from a rendered citation.

    Whatever cannot be placed is listed under ``problems``; nothing here
    raises for odd input.
    """
    fields: CitationDraft = {"identifiers": {}, "problems": []}
    text = _SPACE_RUN.sub(" ", text.strip())  # as a browser shows it; a long run would stall the patterns
    rest = _take_quote(_ACCESS_NOTES.sub("", _take_maintenance(text, fields)), fields)
    rest = _SPACE_BEFORE_STOP.sub("", rest)
    footnote = _SHORT_FOOTNOTE.match(rest)
    if footnote:
        return _short_footnote(footnote, fields)
    rest = _take_dates(rest, fields)
    rest = _take_bare_url(rest, fields)
    rest = _VIA.sub("", _take_identifiers(rest, fields)).strip()
    quoted = _quoted_title(rest)
    book = _COMMA_BOOK.match(rest) if quoted is None and not _cs1_head(rest) else None
    if book:
        return _comma_book(book, fields)
    typed = _NAME_TITLE_DATE.match(rest) if quoted is None else None
    if typed:
        return _name_title_date(typed, fields)
    located = _NAME_TITLE_AT.match(rest) if quoted is None else None
    if located:
        return _name_title_at(located, fields)
    cs2 = cs2_as_cs1(rest)
    if cs2 is not None:
        rest, quoted = cs2, _quoted_title(cs2)
    if _is_book_shaped(rest, quoted, fields) or (cs2 is not None and quoted is None):
        _read_book_citation(rest, quoted, fields)
        return _finish(fields)
    head, title, tail = _split_title(rest)
    tail = _take_language_and_format(tail, fields)
    _read_head(head, fields)
    if title is not None:
        fields["title"] = title
    tail = _take_trans_title(_comma_tail(tail, fields), fields)
    if title is not None:
        tail = _take_journal(tail, fields)
    _read_tail(segments(tail), fields, has_title=title is not None)
    _preprint_server(fields)
    return _finish(fields)


def _preprint_server(fields: CitationDraft) -> None:
    """'"Title". arXiv:1708.04064 [physics.hist-ph].': a titled work with nothing but a
    repository's identifier after it is that repository's preprint (cite arXiv), and the
    repository is its work, as CS1's own metadata and the other readers have it."""
    if not fields.get("title") or any(fields.get(key) for key in ("work", "publisher", "kind", "chapter")):
        return
    for scheme in fields["identifiers"]:
        if scheme in PREPRINT_SERVERS:
            fields["work"], fields["kind"] = PREPRINT_SERVERS[scheme], scheme
            return


def _cs1_head(text: str) -> bool:
    """Whether ``text`` opens with CS1's author block, dated or not: then "Shortley, G., Williams,
    D. Elements of Physics: …" is no hand-typed "Family, Given, Title, Place: Publisher"."""
    return bool(_CS1_HEAD.match(text)) or starts_with_undated_authors(text)


def is_access_note(text: str) -> bool:
    """Whether ``text`` is only an access date ("accessed 1 Jan 2008", "Retrieved …"),
    as hand-typed references sometimes make the label of their link."""
    return bool(_RETRIEVED.fullmatch(text))


def _finish(fields: CitationDraft) -> CitationFields:
    _guess_kind(fields)
    return fields_from_draft(fields)


def _is_book_shaped(text: str, quoted: tuple[int, int] | None, fields: CitationDraft) -> bool:
    """Whether the title is italic (a book, report, thesis…): no quoted title at all, or a
    quoted chapter followed by "In editors", an edition, an ISBN, or a book title
    with a bare volume and a publisher ('Hemming, ed. (1955). "Direction 22".
    Opinions…. 1C. Order of …'). Editors in the author position alone say nothing:
    a website cites its editor the same way ('Gillis, R., ed. (2002). "Cat Skeleton". Zoolab.')."""
    if quoted is None:
        return (
            bool(_BOOK_SIGNS.search(text))
            or bool({"isbn", "oclc"} & set(fields["identifiers"]))
            or starts_with_undated_authors(text)
            or has_title_type(text)
        )
    tail = text[quoted[1] :]
    if _JOURNAL_NUMBERS.search(tail) or _NAMED_PAGES.match(tail):  # a cite journal with no journal
        return False
    return (
        bool(_BOOK_IDENTIFIERS & set(fields["identifiers"]))
        or fields.get("kind") == "book"
        or bool(
            re.match(r"^(?:\s*\([^()]{1,30}\)|\s\[[^\[\]]{1,300}\])*[.,]?\s*In\s", tail)
        )  # '"Chapter" (PDF). In …'
        or bool(_EDITION.search(_LEADING_PARENTHETICALS.sub("", tail)))  # not '"Site" (2000–2008 ed.).'
        or bool(_CONTRIBUTION_SIGN.search(tail))  # '"Introduction". Book. By Newton, Isaac. Translated by …'
        or any(_IN_PART.match(part) for part in segments(tail)[1:])  # '"Chapter". Book. In Drake & O'Malley.'
        or _volume_after_title(tail, dated="date" in fields)  # '"Opinion 2027". Opinions…. 60. Order of …'
        or has_title_type(
            _LEADING_PARENTHETICALS.sub("", tail)
        )  # '"Cats". State of the Environment (Report).'
    )


def _volume_after_title(tail: str, *, dated: bool) -> bool:
    """Whether a plain part and a book's volume follow a quoted title: a chapter, then its
    book and the book's volume. "Vol. IV" anywhere after the book is one (a periodical writes
    "Vol. 5, no. 2"; a magazine with a volume alone reads as a book too). A bare number must
    have another part after it: a journal puts its volume after the journal's name too, but
    with an issue or pages ("60 (2): 81"), and an untitled report puts the number right after
    the quotes. With no author CS1 puts the date after the publisher, so in an undated head
    a year there is the date ('"Democracy Index 2017" (PDF). Economist Intelligence Unit. 2018.
    p. 5.'). What follows a book's volume is named in words; a journal's article number is not
    ('Isis. 101. e5.')."""
    parts = [part for part in segments(tail) if not _PARENTHETICAL.fullmatch(part)]
    if any(_VOLUME_PART.match(part) for part in parts[1:]):  # '"Lectures". Collected Essays. Vol. IV.'
        return True
    return any(
        _BARE_VOLUME.fullmatch(part)
        and (dated or not _YEAR.fullmatch(part))
        and bool(_WORD.search(parts[index + 1]))
        for index, part in enumerate(parts[:-1])
        if index > 0
    )  # '"Opinion 2027". Opinions…. 60. Order of …'


def _read_book_citation(text: str, quoted: tuple[int, int] | None, fields: CitationDraft) -> None:
    """Author block, then the book grammar of :mod:`~spector_refs.parse.core.cs1_book`."""
    problems: list[str] = fields["problems"]
    if quoted is None:
        read_book(read_author_block(text, fields, problems), None, fields, problems)
        _type_to_kind(fields)
        return
    start, end = quoted
    head = text[:start].strip()
    if head and read_author_block(head if head.endswith(".") else head + ".", fields, problems) == head:
        _read_head(head, fields)
    tail = _TRANS_CHAPTER.sub("", text[end:])  # |trans-chapter=: the model keeps only the chapter itself
    read_book(tail, text[start + 1 : end - 1].strip(), fields, problems)
    _type_to_kind(fields)


def _type_to_kind(fields: CitationDraft) -> None:
    """CS1's title type ("(Report)", "(PhD thesis)") and format say what the work is."""
    kind = (fields.pop("type", "") or "").lower()
    if "report" in kind:
        fields.setdefault("kind", "report")
    elif kind or any(
        fields.get(key) for key in ("publisher", "place", "edition", "editors", "series", "others")
    ):
        fields.setdefault("kind", "book")


def _take_maintenance(text: str, fields: CitationDraft) -> str:
    """Cut CS1's hidden ``{{cite web}}: CS1 maint: …`` text off the end."""
    match = _MAINT.search(text)
    if not match:
        return text
    template = match.group(1).strip().lower()
    if template:
        fields["kind"] = template
    messages = [part.strip() for part in _MAINT_END.split(match.group(2))]
    fields["maintenance"] = tuple(m for m in messages if m)
    return text[: match.start()].strip()


def _take_quote(text: str, fields: CitationDraft) -> str:
    """CS1's ``|quote=``, the last element, in quotes and without the closing full stop CS1
    gives every other ending ('… p. 41. "The dog is …"', '… p. 15: "…"'). A line ending
    in a quoted part is its title when nothing but an author block precedes it."""
    if not text.endswith(('"', "”")):
        return text
    opening = max(text.rfind('"', 0, len(text) - 1), text.rfind("“"))  # no quote mark inside a quote
    before = text[:opening].rstrip()
    if opening < 0 or not before.endswith((".", ":")):
        return text
    if not (before.endswith(":") or _OPEN_QUOTE.search(before) or len(segments(before)) > 2):
        return text
    fields["quote"] = text[opening + 1 : -1].strip()
    return before.rstrip(":") + ("" if before.endswith(".") else ".")


def _take_dates(text: str, fields: CitationDraft) -> str:
    """Access and archive dates: "Retrieved DATE." and "Archived … on DATE."."""
    retrieved = _RETRIEVED.search(text)
    if retrieved:
        fields["access_date"] = _date_or_problem(retrieved.group(2), "access date", fields)
        text = text[: retrieved.start()] + " " + text[retrieved.end() :]
    webarchive = _WEBARCHIVE.search(text)
    if webarchive:
        fields["archive_date"] = _date_or_problem(webarchive.group(1), "archive date", fields)
        text = text[: webarchive.start()] + text[webarchive.end() :]
    archived = _ARCHIVED.search(text)
    if archived:
        fields["url_status"] = "dead" if archived.group(0).lstrip().startswith("Archived from") else None
        if archived.group(1):
            fields["archive_date"] = _date_or_problem(archived.group(1), "archive date", fields)
        text = text[: archived.start()] + " " + text[archived.end() :]
    return text.strip()


def _take_bare_url(text: str, fields: CitationDraft) -> str:
    """A URL written out in the citation text, as in a bare-URL reference."""
    match = _URL.search(text)
    if not match:
        return text
    fields["url"] = match.group(0).rstrip(".,;)")
    rest = (text[: match.start()] + text[match.end() :]).strip(" .")
    if not rest:
        fields["kind"] = "text"
        fields["problems"].append("bare URL: the reference is only a link, with no citation details")
    return rest


def _take_identifiers(text: str, fields: CitationDraft) -> str:
    for name, pattern in _IDENTIFIERS.items():
        match = pattern.search(text)
        if match:
            value = match.group(1).strip()
            fields["identifiers"][name] = value.replace(" ", "-") if name == "isbn" else value
            text = text[: match.start()] + text[match.end() :]
    return _DOUBLED_STOPS.sub(_one_stop, text).strip()


def _one_stop(match: re.Match[str]) -> str:
    """The stops an identifier's removal left side by side, as one; an ellipsis ("Loving ...
    Whatever") is the title's own and stays."""
    return match.group() if "..." in match.group() else "."


def _take_language_and_format(text: str, fields: CitationDraft) -> str:
    if re.search(
        r"\(Press release\)", text, re.I
    ):  # CS1 names the issuer of a press release as its publisher
        fields.setdefault("kind", "press release")
    language = _LANGUAGE.search(text)
    if language:
        fields["language"] = language.group(1).strip()
        text = text[: language.start()] + text[language.end() :]
    return _FORMAT.sub("", text)


def _split_title(text: str) -> tuple[str, str | None, str]:
    """Head (authors, date), quoted title, and the rest."""
    quoted = _quoted_title(text)
    if quoted:
        start, end = quoted
        return text[:start], text[start + 1 : end - 1].strip(), text[end:]
    head = _HEAD_DATE.search(text.split(").", 1)[0] + ")") if ")." in text else None
    if head:
        cut = text.index(").") + 2
        return text[:cut], None, text[cut:]
    names = _NAMES_THEN_TITLE.match(text)
    if names:
        rest = text[names.end() :]
        title, *tail = segments(rest)
        return names.group(1), title, rest[rest.index(title) + len(title) :] if tail else ""
    return "", None, text


def _quoted_title(text: str) -> tuple[int, int] | None:
    """Span of the title CS1 puts in quotes: from the first quote that opens a part to the
    first closing quote that ends one ('". ', '" (') — so a title quoting a name
    ('the "Europe-First" Strategy') stays whole — else to the first closing quote
    followed by a space. A quoted name followed by "series" is a series, not a title.
    At most two forward scans, so no input can make it slow.
    """
    opening = _OPEN_QUOTE.search(text)
    if not opening or _inside_italic_title(text[: opening.start()]):
        return None
    start, quotes = opening.end() + 1, _CLOSING.get(opening.group(), '"”')
    closing = _PART_CLOSE_QUOTE[quotes].search(text, start) or _CLOSE_QUOTE[quotes].search(text, start)
    if not closing or re.match(r"\s*series\b", text[closing.end() :]):  # '"Modular Text" series'
        return None
    return opening.start(), closing.end()


def _inside_italic_title(before: str) -> bool:
    """Whether a quote opening after ", " or ": " is part of the italic title that began
    at the end of the head ('Dobbs (1975). The Foundations of Newton's Alchemy: Or, "the
    Hunting of the Greene Lyon". Cambridge …'): CS1 opens its own quoted title only after
    the head's ". ", and CS2's after its "), "."""
    head_end = before.rfind(". ")
    return (
        before.endswith((", ", ": "))
        and head_end > 0
        and before[head_end - 1] == ")"
        and not _QUOTES_OR_STOPS.search(before, head_end + 2)
    )


def _comma_tail(tail: str, fields: CitationDraft) -> str:
    """A tail typed with commas after the title (", rev. Roger T. Stearn, Oxford Dictionary of
    National Biography, Oxford University Press, 2004"), as CS1 would separate it; a
    reviser ("rev. Name", the Oxford DNB's credit) is taken from it."""
    if not tail.lstrip().startswith(","):
        return tail
    parts = []
    for part in comma_parts(tail.lstrip(" ,")):
        revised = _REVISED.match(part)
        if revised:
            fields["revisers"] = tuple(parse_name_list(revised.group("names")))
        else:
            parts.append(part.rstrip("."))
    return ". ".join(parts) + ("." if parts else "")


def _read_head(head: str, fields: CitationDraft) -> None:
    """Authors and the date CS1 puts in parentheses right after them."""
    head = head.strip()
    if not head:
        return
    if head.endswith(":"):  # 'Cornish Guardian: "Title"', typed by hand, names the publication first
        fields["work"] = head[:-1].strip()
        return
    editors = _HEAD_EDITORS.search(head)  # "Berns, G. S. (2012). Neuhauss, Stephan C. F, ed. "Title""
    if editors:
        fields["editors"] = tuple(parse_name_list(editors.group("editors")))
        head = head[: editors.start()] + "."
    date = _HEAD_DATE.search(head)
    if date:
        fields["date"] = _date_or_problem(date.group(1), "date", fields)
        head = head[: date.start()]
    editors = re.search(r"\s*\((?:eds?\.|editors?)\)\s*$|,\seds?\.$", head)  # "Serpell, James, ed. (1995)"
    names_text = head[: editors.start()] if editors else head  # "Smith, J." keeps its initial's stop
    names = parse_name_list(names_text)
    if is_truncated(names_text):
        fields["authors_truncated"] = True
    if any(len(name.display().split()) > _MAX_NAME_WORDS for name in names):
        fields["problems"].append(f"text before the title is not a list of names: {head[:80]}")
        return
    fields["editors" if editors else "authors"] = tuple(names)


def _take_trans_title(text: str, fields: CitationDraft) -> str:
    match = _TRANS_TITLE.match(text)
    if match:
        fields["trans_title"] = match.group(1).strip()
        return text[match.end() :]
    return text


def _take_journal(tail: str, fields: CitationDraft) -> str:
    """The journal named after a quoted title, read up to its volume and issue or pages. The
    name is taken whole before the tail is split at full stops when its own stops or colon
    would split it: an abbreviated name, every word ending in a stop ("Anim. Reprod. Sci. 60–61:
    405", "Vet. J. 189 (2): 177"), or a name with a subtitle and no stop ("Veterinary Clinics of
    North America: Small Animal Practice. 42 (2): 307", not a place and a publisher), or with
    a stop before its series, section or supplement ("Journal of reproduction and fertility.
    Supplement. 57: 169"). Any other part between the journal and its numbers (CS1's
    |publisher=) leaves the tail as it is."""
    match = _JOURNAL_THEN_NUMBERS.match(tail)
    if not match or not (match.group("issue") or match.group("pages") or match.group("article")):
        return _take_abbreviated_journal(tail, fields)
    journal = match.group("abbreviated") or match.group("name")
    if not _WORD.search(journal):
        return tail
    fields["work"], fields["volume"] = journal.strip(), match.group("volume")
    fields["issue"], fields["pages"] = match.group("issue"), match.group("pages") or match.group("article")
    return tail[match.end() :]


def _take_abbreviated_journal(tail: str, fields: CitationDraft) -> str:
    """An abbreviated journal with a part between it and its numbers ("Adv. Genet. Advances in
    Genetics. 24: 323–70", the |series= or |publisher=): the name whole, the rest as it is. An
    initial before a capitalised word opens a person's name ("Dr. J. Smith Foundation")."""
    match = _ABBREVIATED_JOURNAL.match(tail)
    initial = match is not None and len(match.group("abbreviated").rsplit(" ", 1)[-1]) == 2
    if not match or initial or not _JOURNAL_NUMBERS.search(tail, match.end()):
        return tail
    fields["work"] = match.group("abbreviated")
    return ". " + tail[match.end() :]


def _read_tail(segments: list[str], fields: CitationDraft, *, has_title: bool) -> None:
    """Classify what follows the title: work, publisher, date, pages…"""
    plain: list[str] = []
    for index, segment in enumerate(segments):
        # an untitled citation starts with its title, even one shaped "Place: Publisher"
        leftover = _read_segment(segment, fields, places=has_title or index > 0)
        if leftover and fields.pop("pending_book_title", False):
            fields["title"] = leftover
        elif leftover:
            plain.append(leftover)
    if not has_title and plain and not fields.get("title"):
        fields["title"] = plain.pop(0)
    events = [part for part in plain[1:] if EVENT.match(part)]  # '"Paper". Proceedings. Conference.'
    if events:
        fields["conference"] = events[0]
        plain.remove(events[0])
    if plain and "work" not in fields:
        fields["work" if has_title and fields.get("kind") != "press release" else "publisher"] = plain.pop(0)
    if plain and "volume" not in fields and _BARE_VOLUME.fullmatch(plain[0]):  # a journal's bold "101."
        fields["volume"] = plain.pop(0)
    if plain and "publisher" not in fields:
        fields["publisher"] = plain.pop(0)
    if plain:
        fields["problems"].append("unread part of the citation: " + ". ".join(plain))


def _read_segment(segment: str, fields: CitationDraft, *, places: bool = True) -> str | None:
    """Place a segment whose form tells what it is; return what stays plain."""
    editors = _EDITORS.match(segment)
    if editors:
        fields["editors"] = tuple(parse_name_list(editors.group(1)))
        fields["chapter"], fields["title"] = fields.pop("title", None), None
        fields["pending_book_title"] = True
        return _read_segment(editors.group(2), fields, places=places) if editors.group(2).strip() else None
    edition = _EDITION.search(segment)
    if edition:
        fields["edition"] = re.sub(r"\s*(?:ed\.|edition)$", "", edition.group(1))
        segment = (segment[: edition.start()] + segment[edition.end() :]).strip()
    if not segment:
        return None
    if _take_original_date(segment, fields):
        return None
    if parse_date(segment) and fields.get("date") in (None, parse_date(segment)):
        fields["date"] = parse_date(segment)  # a hand-typed tail may repeat the year
        return None
    pages = _PAGES.match(segment)
    volume = _VOLUME_ISSUE.match(segment)
    journal = None if volume else _journal_numbers(segment, fields)
    if journal:
        return journal
    place = _PLACE_PUBLISHER.match(segment) if places else None
    if pages:
        fields["pages"] = pages.group(1).strip()
    elif volume and (volume.group("issue") or volume.group("number") or volume.group("pages")):
        fields["volume"], fields["pages"] = volume.group("volume"), volume.group("pages")
        fields["issue"] = volume.group("issue") or volume.group("number")
    elif place and not _LETTERS.search(
        place.group(2)
    ):  # a journal's pages: "Journal: 69–84", "Journal 28:957–62"
        fields["pages"] = place.group(2)
        journal, _, number = place.group(1).rpartition(" ")
        if journal and number.isdigit():
            fields["volume"] = number
            return journal
        return place.group(1)
    elif place:
        fields["place"], fields["publisher"] = place.group(1), _publisher_and_numbers(place.group(2), fields)
    else:
        return segment
    return None


def _journal_numbers(segment: str, fields: CitationDraft) -> str | None:
    """ "Journal (3): 45", "Vet. J. 189 (2): 177–82": a journal named before its issue and pages
    (and volume); the journal's name is returned. The issue's parenthesis is found from the
    end, so a long part costs one scan."""
    start = segment.rfind(" (")
    numbers = _ISSUE_PAGES.fullmatch(segment, start) if start > 0 else None
    journal = segment[:start]
    if not numbers or not _LETTERS.search(journal):
        return None
    name, _, volume = journal.rpartition(" ")
    if name and _NUMBER.fullmatch(volume):
        fields["volume"], journal = volume, name
    fields["issue"], fields["pages"] = numbers.group("issue", "pages")
    return journal


def _publisher_and_numbers(text: str, fields: CitationDraft) -> str:
    """ "Columbia University Press, 2008, page 1": the year and the pages typed after a publisher;
    "The Century Co. 1903 [1889]": the date CS1 puts after an authorless work's publisher, run
    into it because "Co." does not end a part."""
    dated = _DATED_PUBLISHER.fullmatch(text) if "date" not in fields else None
    if dated and _take_original_date(dated.group("date"), fields):
        text = dated.group("publisher")
    parts = text.split(", ")
    while len(parts) > 1:
        last = parts[-1].strip(" .")
        pages = _PAGES.match(last)
        year = re.fullmatch(r"\d{4}", parts[-2].strip()) if len(parts) > 2 else None
        if pages and "pages" not in fields:
            fields["pages"] = pages.group(1).strip()
        elif re.fullmatch(r"\d+(?:[–-]\d+)?", last) and year and "pages" not in fields:
            fields["pages"] = last
        elif "date" not in fields and re.fullmatch(r"\d{4}", last):
            fields["date"] = parse_date(last)
        else:
            break
        parts.pop()
    return ", ".join(parts)


def _take_original_date(text: str, fields: CitationDraft) -> bool:
    """A date and the |orig-date= CS1 brackets after it ("1903 [1889]", or a bare "1903"),
    taken when the citation has no date yet."""
    dated = _ORIGINAL_DATE.fullmatch(text)
    date = parse_date(dated.group("date") if dated else text)
    if date is None or "date" in fields:
        return False
    fields["date"] = date
    if dated:
        fields["original_date"] = parse_date(dated.group("orig")) or dated.group("orig").strip()
    return True


def _comma_book(match: re.Match[str], fields: CitationDraft) -> CitationFields:
    """ "Pettid, Michael J., Korean Cuisine, London: Reaktion Books, 2008, 25": a book typed by hand."""
    fields["authors"] = (Name(family=match.group("family"), given=match.group("given")),)
    fields["title"] = match.group("title").strip()
    fields["place"] = match.group("place").strip()
    fields["publisher"] = _publisher_and_numbers(match.group("publisher").strip(" ."), fields)
    fields["kind"] = "book"
    return fields_from_draft(fields)


def _name_title_date(match: re.Match[str], fields: CitationDraft) -> CitationFields:
    """ "Whole Name, Title (Publisher, Year)." or "Whole Name, Title, Work (Date).": the
    law-review style some editors type. Inside the parentheses a publisher makes it a
    book; without one, the part after the title's last comma is the periodical."""
    fields["authors"] = (parse_name(match.group("name")),)
    fields["date"] = parse_date(match.group("date"))
    imprint = match.group("imprint").strip(" ,")
    parts = comma_parts(match.group("rest"))
    if imprint or len(parts) < 2:
        fields["title"], fields["kind"] = match.group("rest").strip(), "book"
        if imprint:
            fields["publisher"] = imprint
    else:
        fields["title"], fields["work"] = ", ".join(parts[:-1]), parts[-1]
    return fields_from_draft(fields)


def _name_title_at(match: re.Match[str], fields: CitationDraft) -> CitationFields:
    """ "Colin Day, National Service with the RAEC in Cornwall Part 1, at www.colindaylinks.com/…":
    a whole name, the title, and the web address it is found at, typed without a scheme."""
    fields["authors"] = (parse_name(match.group("name")),)
    fields["title"] = match.group("title").strip()
    fields["url"] = "http://" + match.group("at")
    return fields_from_draft(fields)


def _guess_kind(fields: CitationDraft) -> None:
    """Infer the CS1 kind when the maintenance text did not name it."""
    fields.pop("pending_book_title", None)
    if "title" in fields and fields["title"] is None:
        del fields["title"]
    if "kind" in fields:
        return
    ids = fields["identifiers"]
    if "isbn" in ids or "chapter" in fields or "place" in fields:
        fields["kind"] = "book"
    elif "volume" in fields or "doi" in ids or "pmid" in ids:
        fields["kind"] = "journal"


def _short_footnote(match: re.Match[str], fields: CitationDraft) -> CitationFields:
    """ "Smith 2009, p. 4." — a short footnote pointing at a full citation."""
    names = re.sub(r"\s+et\sal\.$", "", match.group("names"))
    fields["authors_truncated"] = is_truncated(match.group("names"))
    fields["kind"] = "footnote"
    fields["authors"] = tuple(Name(family=n.strip()) for n in re.split(r",| & | and ", names) if n.strip())
    fields["date"] = parse_date(match.group("year"))
    if match.group("pages"):
        fields["pages"] = re.sub(r"^(?:pp?\.|at)\s*", "", match.group("pages")).strip()
    return fields_from_draft(fields)


def _date_or_problem(text: str, what: str, fields: CitationDraft) -> str | None:
    value = parse_date(text)
    if value is None and not is_no_date(text):
        fields["problems"].append(f"unreadable {what}: {text.strip()}")
    return value
