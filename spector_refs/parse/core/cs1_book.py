"""The rendered CS1 grammar of books, reports, theses and conference papers.

Their titles are italic, which plain text loses, so only the shape of the
line says where the title starts and ends. The shape is fixed by the CS1
module (Module:Citation/CS1, ``citation0``; the copy shipped with
wikiciteparser 0.3.0, ``cs1.lua`` lines 5638-5750): for a book

    Authors (Date) [OrigYear]. "Chapter". In Editors (eds.). Title (Format)
    (in Language) (Type) (Edition ed.). Series. Vol. N. Translated by X.
    Place: Publisher. Date. pp. N. IDs. Archived … Retrieved …

with the date after the publisher when there are no authors, and editors in
the author position marked ``(ed.)``/``(eds.)`` (``, ed.``/``, eds.`` before
2019). The head (authors, role, date, original year) is read by
:func:`read_author_block`; the rest is cut into parts at the full stops CS1
puts between them (:func:`segments`) and each part is classified by its form.
The title is the run of unclassified parts before the first part whose form is
known, or before a parenthetical that CS1 appends to titles (edition, format,
language, type); of an unclassified run that reaches the pages and
identifiers, the last part is the bare publisher, and parts between the title
and a volume or a bare publisher are the series. Editions typed by hand after
the title ("Cornwall; second ed.") end it too.
"""

from __future__ import annotations

import re

from spector_refs.dates import NO_DATE, is_no_date, parse_date
from spector_refs.model import Name
from spector_refs.parse.core.fields import CitationDraft
from spector_refs.parse.core.names import INITIALS_NAME, VANCOUVER, is_truncated, parse_name_list
from spector_refs.parse.core.tokens import is_sentence_end

_DATE = r"[^()\[\]]{0,40}?\d[a-z]?|" + NO_DATE
_HEAD = re.compile(
    r"^(?P<names>[^\"“”]{1,400}?)(?=,\seds?\.|\s\(eds?\.\)|\s*\()"
    r"(?P<role>,\s(?P<role_bare>eds?)\.|\s\((?P<role_paren>eds?)\.\))?"
    r"(?:\s*\((?P<date>" + _DATE + r")\)(?:\s*\[(?P<orig>[^\[\]]{1,40})\])?)?"
    r"(?:\.(?=\s|$)|(?<=\))(?=\s))"  # CS1 ends the block with ".", hand-written citations often not
)
_TITLE_PARENTHETICAL = re.compile(
    r"\s*\((?:"
    r"(?P<edition>[^()]{1,80}?\s(?:ed\.|[Ee]dition)|[Ff]irst [Ee]dition|\d+(?:st|nd|rd|th)? ed\.)"
    r"|(?P<format>PDF|DOC|DjVu|PowerPoint|Microsoft Word|EPUB|audio|video|Map|"
    r"Hardcover|Paperback|Print|Online)"
    r"|in (?P<language>[A-Z][\w-]+(?:(?:,| and) [A-Z][\w-]+){0,3})"
    r"|(?P<type>(?:[\w.'’-]+ ){0,3}(?:[Tt]hesis|[Dd]issertation|[Rr]eport|[Pp]aper|[Pp]reprint|"
    r"[Pp]roduction|[Pp]icture|[Dd]ocumentary|[Bb]roadcast|[Pp]odcast|[Ss]peech|[Ll]iner notes|"
    r"[Pp]amphlet|[Cc]atalog(?:ue)?|[Bb]ooklet|[Bb]rochure|[Mm]onograph|[Ll]eaflet|[Mm]anuscript|[Ff]acsimile)"
    r"|Press release|Map|DVD|Blu-ray|CD|VHS|Television|Radio|Film)"
    r")\)"
)
_ORDINAL = (
    r"(?:\d+(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
    r"revised|new|enlarged|abridged)"
)
_TYPED_EDITION = re.compile(rf"[;,]\s(?P<edition>{_ORDINAL})\s(?:ed|edn|edition)$", re.I)
_TYPED_EDITION_STOP = re.compile(rf"\b{_ORDINAL}\s(?:ed|edn)$", re.I)
_PAGES_NEXT = re.compile(r"pp?\.\s")
_SERIES = re.compile(
    r"^[\"“](?P<series>.+)[\"”] series(?P<number>\s(?:No\.\s?)?\d+\w*)?$"
)  # '"X" series No. 7'
_VOLUME = re.compile(
    r"^(?:Vol\.|Volume)\s*(?:(?P<volume>[\w.–-]+(?::.+)?)(?:\s+of\s+(?P<series>.+))?|(?P<long>.+?))"
    r"(?:,\s[Nn]o\.\s(?P<issue>\S+))?$"
)  # "Vol. 2", "Vol. 28 of Series", "Vol. The Fellowship of the Ring", "Vol. 88, no. 5"
_NUMBER = re.compile(r"^No\.\s?(?P<issue>\d+\w*)$")  # |number= of a book in a series: "Series. No. 4."
_POSITION = re.compile(  # |at=, |section=, |time=: where in the work, rendered after the publisher
    r"^(?:(?:Chapter|Ch\.|Section|Sec\.|Table|Figure|Fig\.|Plate|Appendix|Folio|Sheet|Col\.|Para\.)"
    r"\s[\dIVXLCivxlc]+[\w.–-]*|[§¶]\s?\S+|"
    r"Event occurs at\s.+|\d+ minutes? in)$"
)
_TRANS_TITLE = re.compile(  # |trans-title=, after the title in brackets; not "[2 volumes]", "[microform]"
    r"\s\[(?P<trans>(?:[^\W\d_]|[\"“])(?<![a-z])[^\[\]]{1,300})\]$"
)
_SCALE = re.compile(r"^1\s?:\s?[\d,.]+$")  # a map's |scale=
_BARE_VOLUME = re.compile(r"^\d{1,3}[A-Z]?$|^[IVXLC]{1,7}$")  # a bold "28." or "III." after the title
_CONTRIBUTORS = re.compile(r"^(?P<role>Translated|Edited|Illustrated|Cartography) by (?P<names>.+)$")
_WRITTEN_AT = re.compile(r"^Written at (?P<place>.+)$")  # |location= beside a |publication-place=
_EDITORS = re.compile(r"^(?:In\s+)?(?P<names>.+?),?\s\(?(?:eds?\.?|editors?)\)?$")  # "X (ed.)", "X, eds"
_EDITOR_MARK_END = re.compile(r",\seds?$")
_IN_EDITORS = re.compile(r"^In\s+(?P<names>.+)$")
_PLACE = re.compile(  # a publisher's name does not start like a subtitle ("North America: the …")
    r"^(?P<place>[A-Z][^:;\"“\d]{0,60}?(?:;\s[A-Z][^:;\"“\d]{0,30}?)?)"  # "New Haven; London: …"
    r":\s+(?P<publisher>(?!(?:the|a|an|and|of|in|on)\s)\S.*)$"
)
_PAGES = re.compile(r"^(?:pp?\.|pages?|at)\s*(?P<pages>.+)$", re.I)
_NAMES_THEN_TEXT = re.compile(
    r"^(?P<names>(?:[^;]{1,60};\s)*[^;,]{1,40},\s(?:[\w'’-]+\s)*?[A-Z]\.(?:\s?[A-Z]\.)*)\s(?P<rest>\S.*)$"
)
# "Kirkland, Edward", "Kirkland, Edward C.": a given name written out, then at most two initials
_FULL_NAME = (
    r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}, [A-Z][a-z][\w'’-]*(?: [A-Z][a-z][\w'’-]*){0,2}(?: [A-Z]\.){0,2}"
)
_ANY_NAME = rf"(?:{_FULL_NAME}|{INITIALS_NAME})"
_UNDATED_HEAD = re.compile(  # "; " between names, or ", " between "Family, I." or "Family I" names (vanc)
    rf"^(?P<names>{INITIALS_NAME}(?:, {INITIALS_NAME})+|{VANCOUVER}(?:, {VANCOUVER})+"
    rf"|{_ANY_NAME}(?:; {_ANY_NAME})*)"
    r"(?:(?<=\.)|\.)\s+(?=[A-Z\"“])"
)
_AUTHOR_BEFORE_EDITORS = re.compile(
    r"^(?P<author>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)\.\s(?P<editors>[A-Z].{2,})$"
)
_AUTHOR_MASK = re.compile(r"^[—–-]{2,}$")  # |author-mask=: the author of the line above, as dashes
_MAX_NAME_WORDS = 8
_MAX_ORGANISATION_WORDS = 20
_EDITOR_MARK = re.compile(r"\s\(?eds?\.\)?|\(editors?\)")
_MAX_PLACE_WORDS = 6
_LETTER = re.compile(r"[^\W\d_]")
_NAME_END = re.compile(r"[A-Z]\.?(?:\s?[A-Z]\.?)*|[A-Z][\w'’-]+")  # "S.", "Doris": a name's last part
_JOINED_INITIALS = re.compile(r"(?:^|\.\s|:\s|\bIn\s)(?:[A-Z]\.)+[A-Z]\.$")  # "Place: M.E. Sharpe"
_EDITOR_ROLE = re.compile(r"\(eds?\.\)")
_OPEN_BEFORE = re.compile(r"\([^()]*$")
_CLOSE_AFTER = re.compile(r"[^()]{0,30}\)")
_SERIES_NAME = re.compile(
    r"\b(?:Series|Studies|Library|Monographs?|Papers|Lecture Notes|Handbooks|Texts|Classics|"
    r"Collection|Bulletin|Memoirs|Publications|Contributions)\b"
)
EVENT = re.compile(  # the event a paper was given at, named as events name themselves
    r"^(?!Proceedings\b|Transactions\b|Journal\b|Annals\b|Advances\b|Lecture Notes\b)"
    r"(?:.{0,120}\b(?:Conference|Symposium|Congress|Workshop|Colloquium|Convention|Summit|Meeting)\b"
    r"|[A-Z][A-Za-z]*[A-Z][A-Za-z-]*\s(?:'\d\d|\d{4})$)"  # or an acronym and its year: "CVPR 2012"
)
# "Table 52", "…: Chapter III": a label that opens a title (not "Fossil Mammalia Part 1")
_NUMBERED_LABEL = re.compile(r"(?:^|:\s)(?:Chapter|Part|Table|Figure|Book|Section|No)\.? [\dIVXLC]+$", re.I)
_NUMBERED_PART = re.compile(r"\s(?:\d+|[IVXLC]+)$")  # "Tomus I (in Latin)": a part of the title, not a series
_SUBTITLE = re.compile(  # "Science. A History. 1543–2001": how a subtitle opens, and no series' name does
    r"^(?:An?|One|Two|Three|Four|Five|Six|Seven|Eight|Nine|Ten|Eleven|Twelve"
    r"|With|Being|Containing|Including|Together|Comprising|Edited|Translated|Compiled|Collected|Selected|Revised"
    r")\s|^\d{3,4}\s?[–-]\s?\d{2,4}$"
)  # "… 1809–1882. With the original omissions restored. Edited and with appendix …": one title
_CONTINUED = re.compile(
    r"(?:^|\s)(?:[A-Z]\.)+[A-Z]$|[?!]$"
)  # "… Fitz Roy, R.N", "… of the U.S", "What Is Life?"
_NAME_PREFIX = re.compile(  # always followed by a name: "H.M.S. Beagle", "Capt. Fitz Roy", "Pub. Co."
    r"(?:^|[\s(])(?:H\.M\.[A-Z]?S|U\.S\.S|R\.M\.S|S\.S|Capt|Cdr|Adm|Maj|Mt|Ft|Pub|Publ|Bros|Assn|Assoc)$"
)
_PART_STOP = re.compile(r"\.\s+|\.$|;\s+(?=pp?\.\s)|(?<=[?!]) (?=[A-Z\"“])")  # "What Is Life? Cambridge"
_ROMAN_VOLUME_STOP = re.compile(  # "Vol. I. New York: …", "Volume I. Mason, OH: …": a number, no initial
    r"\b(?:Vol\.|Volume|Part|Book|Tome|Tomus|Band|World War)\s[IVXLC]+$"
)
_ARTICLE_STOP = re.compile(r"(?:^|\s)a$")  # "…, 1500–1620: a. Greenwood": the article is no initial
_OPEN_ENDING = re.compile(r"\b(?:and|or|of|the|a|an|in|on|for|to|with)$", re.I)
_BEFORE, _AFTER, _VOLUME_NEXT, _CLOSED = "before publisher", "after publisher", "volume", "closed"
_IN_VOLUME = "before an edited volume"  # "Title. In McMullin. pp. 38–53.": |others=, after the title
_OTHERS = re.compile(  # |others=: contributors no name field holds, as typed
    r"^(?:(?:Introduction|Foreword|Preface|Afterword|Epilogue|Prologue|Photographs|Illustrations|Drawings|"
    r"Maps|Notes|Commentary|Narrated|Read|Performed|With (?:an?|notes|illustrations) [\w ]{0,30}?)"
    r"(?: and [\w ]{1,30}?)? by\s\S.{0,200}"
    r"|Illustrated|[^()]{1,60}\s\((?:illustrator|photographer|narrator|contributor)s?\))$"
)
_IN_VOLUME_NAMES = re.compile(  # "In McMullin", "In Drake & O'Malley": a short list of names, no "(ed.)"
    r"^In\s[A-Z][\w'’.-]*(?:,?\s(?:[A-Z][\w'’.-]*|&|and|de|van|von|der|den|la|le|du|da|et al\.?)){0,5}$"
)
_BY_AUTHORS = "after the work's authors"  # "Introduction. Title. By Darwin, Charles.": |contribution=
_BY = re.compile(r"^By\s(?P<names>[A-Z].{0,300})$")
_SERIES_CLOSED = "closed after the series"  # "(2nd ed.)", "(in French)": CS1 puts them after |series=


def has_title_type(text: str) -> bool:
    """Whether ``text`` holds the type CS1 appends to an italic title ("(PhD thesis)", "(Report)",
    "(DVD)"): a book-like work, never a periodical's article."""
    return any(match.group("type") for match in _TITLE_PARENTHETICAL.finditer(text))


def read_author_block(text: str, fields: CitationDraft, problems: list[str]) -> str:
    """Authors or editors, the date and the original year at the start; the rest is returned.

    ``Smith, J.; Roe, R., eds. (2000) [1922]. …`` gives editors, date and
    original date. A head whose "names" are not names (a title that happens to
    end in a year in parentheses) is left alone.
    """
    match = _HEAD.match(text)
    if not match or not (match.group("date") or match.group("role")):
        return _read_undated_authors(text, fields)
    names_text = match.group("names")
    author = _AUTHOR_BEFORE_EDITORS.match(names_text) if match.group("role_paren") else None
    if author:  # "Bede. Colgrave, Bertram (ed.).": an undated author, then the editors
        fields["authors"] = tuple(parse_name_list(author.group("author")))
        names_text = author.group("editors")
    names = parse_name_list(names_text)
    masked = bool(_AUTHOR_MASK.match(names_text.strip()))
    if not masked and (not names or not all(_is_name(name) for name in names)):
        return text
    role = "editors" if match.group("role") else "authors"
    fields[role] = tuple(names)
    if is_truncated(names_text):
        fields["authors_truncated"] = True
    if match.group("date"):
        fields["date"] = _date(match.group("date"), "date", problems)
    if match.group("orig"):
        fields["original_date"] = parse_date(match.group("orig")) or match.group("orig").strip()
    return text[match.end() :].strip()


def starts_with_undated_authors(text: str) -> bool:
    """Whether ``text`` opens with an undated author list ("Kirkland, Edward C. Industry…"):
    the head of a book, since CS1 quotes the titles of articles."""
    return bool(_UNDATED_HEAD.match(text))


def _read_undated_authors(text: str, fields: CitationDraft) -> str:
    """ "Kirkland, Edward. Industry Comes of Age…": with no date CS1 ends the author list with
    a full stop. Only "Family, Given" names written out in full are taken, so a title
    that opens with a comma ("Paris, 1900") is not mistaken for a person."""
    match = _UNDATED_HEAD.match(text)
    if not match:
        return text
    names = parse_name_list(match.group("names"))
    if not names or not all(name.family and _is_name(name) for name in names):
        return text
    fields["authors"] = tuple(names)
    return text[match.end() :]


def segments(text: str) -> list[str]:
    """The parts between the full stops CS1 puts between elements ("A. B. C").

    A full stop after initials run together that open a part ("M.E. Sharpe",
    "W.W. Norton", an editor's "In A.J. Auerbach") or after editors' names before
    their "(eds.)" mark does not end a part; initials that close a part ("the
    Creation of the U.N. Yale …") do, and so does a roman numeral after a word that numbers
    ("Organic Chemistry Volume I. Mason, OH: …"). A title ending in "?" or "!" gets no full stop
    from CS1, so a space there before a capital ends a part too ("What Is Life?
    Cambridge: …"); :func:`joined_parts` puts such parts back together.
    """
    parts, start = [], 0
    for match in _PART_STOP.finditer(text):
        if match.group(0)[0] in "; " or match.group(0) == "." or _ends_part(text, match.start(), match.end()):
            parts.append(text[start : match.start()])
            start = match.end()
    parts.append(text[start:])
    return [p.strip(" .,") for p in parts if p.strip(" .,")]


def _ends_part(text: str, stop: int, after: int) -> bool:
    """Whether the full stop at ``stop`` (followed by spaces up to ``after``) separates two parts."""
    if text[max(0, stop - 3) : stop + 1] == " ...":  # a spaced ellipsis in a title: "Loving ... Whatever"
        return False  # (one run into a word may end it: "The Age of Arthur... Weidenfeld & Nicolson")
    if _JOINED_INITIALS.search(text[max(0, stop - 14) : stop + 1]) or _EDITOR_ROLE.match(text, after):
        return False
    if _OPEN_BEFORE.search(text[max(0, stop - 30) : stop]) and _CLOSE_AFTER.match(text, after):
        return False  # inside a short parenthetical: "(Dr. phil. thesis)"
    if _ARTICLE_STOP.search(text[max(0, stop - 2) : stop]) or _ROMAN_VOLUME_STOP.search(
        text[max(0, stop - 16) : stop]
    ):
        return True
    if _TYPED_EDITION_STOP.search(text[max(0, stop - 14) : stop]) or _PAGES_NEXT.match(text, after):
        return True  # "second ed. Penguin", "Inc. pp. 960": the next part has begun
    if _EDITOR_MARK_END.search(text[max(0, stop - 6) : stop]) and text[after : after + 1].isupper():
        return True  # "Sharman, Julian, ed. The Proverbs…": editors before the title, before 2019
    if _NAME_PREFIX.search(text[max(0, stop - 8) : stop]):
        return False
    return is_sentence_end(text, stop + 1)


def read_book(tail: str, chapter: str | None, fields: CitationDraft, problems: list[str]) -> None:
    """Title, editors, series, volume, contributors, edition, place, publisher and pages of the tail."""
    if chapter:
        fields["chapter"] = chapter
    run: list[str] = []
    plain_after: list[str] = []
    for part in segments(tail):
        part, closes = _take_parentheticals(part, fields)
        where = _classify(part, fields, title_started=bool(run) or "title" in fields) if part else None
        if where is not None:
            if run and "title" not in fields:
                _end_title(run, fields, ended_by=where)
            elif (
                plain_after
                and where in (_BEFORE, _VOLUME_NEXT)
                and not fields.keys() & {"series", "publisher"}
            ):
                fields["series"] = ". ".join(plain_after)  # "Title (Report). Series. No. 931. Place: …"
                plain_after.clear()
            if "pending_title" in fields:
                run.append(fields.pop("pending_title"))
        elif part and "title" not in fields:
            run.append(part)
        elif part:
            plain_after.append(part)
        if closes and run and "title" not in fields:
            _end_title(run, fields, ended_by=closes)
    if run and "title" not in fields:
        _end_title(run, fields, ended_by=_AFTER)
    _place_leftovers(plain_after, fields, problems)


def _end_title(run: list[str], fields: CitationDraft, *, ended_by: str) -> None:
    """The run of plain parts is the title, then the series; if what ended it comes after
    the publisher (pages, a date, the identifiers, the end), its last part is the bare publisher.

    CS1 renders a series that is not quoted as a plain part right after the title
    (and edition) and before the volume, so in "Title. Series. Publisher. p. 1" and
    "Title. Series. 931" the middle part is the series. Before a "Place: Publisher"
    pair the last of two plain parts is the series too ("Title. Series. Place:
    Publisher") when it is named like one ("… Studies", "Lecture Notes …") or the
    part before it can end a title; it cannot when it is one word ("Kluge.
    Etymologisches Wörterbuch…"), a numbered label ("Chapter III. Yama…", "Table 52.
    Population…") or ends on a word that leaves the sentence open ("The Four
    Policemen and. Postwar…"). A format or type CS1 appends to titles closes the
    title itself; an edition or language comes after the series in CS1's order, so
    it closes "Title. Series (2nd ed.)" by the same rule as a "Place: Publisher",
    unless the last part ends on a number ("Systema naturæ…. Tomus I (in Latin)").
    """
    if ended_by == _AFTER and len(run) > 1 and "publisher" not in fields:
        fields["publisher"] = run.pop()
    if ended_by == _BY_AUTHORS and len(run) > 1:  # the contribution ("Introduction") comes before the title
        fields.setdefault("chapter", run.pop(0))
    series_at = {_AFTER: 1, _VOLUME_NEXT: 1, _BY_AUTHORS: len(run)}.get(ended_by, len(run) - 1)
    named_series = (
        ended_by not in (_BEFORE, _SERIES_CLOSED, _IN_VOLUME)
        or bool(_SERIES_NAME.search(run[-1]))
        or (ended_by != _IN_VOLUME and _ends_title(run[-2:-1]))
    ) and not (ended_by == _SERIES_CLOSED and _NUMBERED_PART.search(run[-1]))
    series_at = _after_title_sentences(run, series_at)
    if ended_by != _CLOSED and 0 < series_at < len(run) and "series" not in fields and named_series:
        fields["series"] = joined_parts(run[series_at:])
        del run[series_at:]
    fields["title"] = joined_parts(run)
    run.clear()


def _after_title_sentences(run: list[str], series_at: int) -> int:
    """Where a series may start in ``run``: not before the last part that opens like a
    subtitle ("… 1809–1882. With the original omissions restored. Edited and with …"), nor
    right after a part that ends in initials ("… Capt. Fitz Roy, R.N. 2d edition") or in a
    question or exclamation mark ("Eureka! Science in Ancient Greece"): a series is named as a
    collection, and the title's own sentences come before it."""
    if series_at <= 0:
        return series_at
    held = max([series_at, *(index + 1 for index, part in enumerate(run) if _SUBTITLE.search(part))])
    while held < len(run) and _CONTINUED.search(run[held - 1]):
        held += 1
    return held


def joined_parts(parts: list[str]) -> str:
    """Parts of one element joined back as CS1 rendered them: a full stop between them, a
    space only after a part ending in "?" or "!" ("What Is Life? A Study")."""
    text = ""
    for part in parts:
        text += (" " if text.endswith(("?", "!")) else ". ") + part if text else part
    return text


def _ends_title(before: list[str]) -> bool:
    """Whether the part before a possible series could be a whole title (see :func:`_end_title`)."""
    part = before[0] if before else ""
    return (
        len(part.split()) > 1
        and not _NUMBERED_LABEL.search(part)
        and not _OPEN_ENDING.search(part)
        and not part.endswith(":")
    )


def _take_parentheticals(part: str, fields: CitationDraft) -> tuple[str, str | None]:
    """Edition, format, language and type CS1 appends to a title, and what closed the part:
    ``_SERIES_CLOSED`` when the last is an edition or language, ``_CLOSED`` for the others.

    One scan finds them all; the run of them that ends the part is taken from the end.
    """
    end, closed = len(part.rstrip(" .")), None
    for match in reversed(list(_TITLE_PARENTHETICAL.finditer(part))):
        if match.end() != end:
            break
        for name in ("edition", "format", "language", "type"):
            if match.group(name):
                fields.setdefault(name, match.group(name).strip())
        after_series = bool(match.group("edition") or match.group("language"))
        closed = closed or (_SERIES_CLOSED if after_series else _CLOSED)
        end = match.start()  # the pattern takes the spaces before "("
    typed = None if closed else _TYPED_EDITION.search(part)
    if typed:  # typed by hand after the title: "Cornwall; second ed."
        fields.setdefault("edition", typed.group("edition"))
        end, closed = typed.start(), _CLOSED
    if "edition" in fields:
        fields["edition"] = re.sub(r"\s*(?:ed\.|[Ee]dition)$", "", fields["edition"]).strip()
    title = part[:end] if closed else part
    translated = None if "title" in fields else _TRANS_TITLE.search(title)
    if translated and translated.start() > 0:  # "Title [Translated title] (in German)": the title ends there
        fields.setdefault("trans_title", translated.group("trans").strip())
        return title[: translated.start()], closed or _CLOSED
    return title, closed


def _classify(part: str, fields: CitationDraft, *, title_started: bool) -> str | None:
    """Place a part whose form says what it is: ``_BEFORE`` or ``_AFTER`` the publisher, or None."""
    contributors = _CONTRIBUTORS.match(part)
    if contributors:
        _contributors(contributors.group("role"), contributors.group("names"), fields)
        return _BEFORE
    if title_started and (_OTHERS.match(part) or _IN_VOLUME_NAMES.match(part)):
        fields["others"] = f"{fields['others']}. {part}" if fields.get("others") else part
        return _IN_VOLUME if part.startswith("In ") else _BEFORE
    by = _BY.match(part) if title_started else None
    if by and _are_names(by.group("names")):
        return _BY_AUTHORS
    written_at = _WRITTEN_AT.match(part)
    if written_at:
        fields["place"] = written_at.group("place")
        return _BEFORE
    if part.startswith("In ") and not title_started and ("chapter" in fields or _EDITOR_MARK.search(part)):
        _in_editors(part, fields)
        return _BEFORE
    if not title_started and "editors" not in fields:
        editors = _EDITORS.match(part)
        if editors and _are_names(editors.group("names")):
            fields["editors"] = tuple(parse_name_list(editors.group("names")))
            return _BEFORE
    return _classify_after_title(part, fields) if title_started else None


def _classify_after_title(part: str, fields: CitationDraft) -> str | None:
    """Parts that only ever follow a title: series, conference, volume, place and publisher,
    pages, a date. CS1 puts ``|conference=`` right after the (book) title."""
    series, volume, place = _SERIES.match(part), _VOLUME.match(part), _PLACE.match(part)
    pages = _PAGES.match(part)
    if EVENT.match(part) and "conference" not in fields and not place:
        fields["conference"] = part
        return _BEFORE
    if series:
        fields["series"] = series.group("series") + (series.group("number") or "")
        return _BEFORE
    if volume:
        fields["volume"] = volume.group("volume") or volume.group("long")
        if volume.group("series"):
            fields.setdefault("series", volume.group("series"))
        if volume.group("issue"):
            fields["issue"] = volume.group("issue")
        return _VOLUME_NEXT
    number = _NUMBER.match(part)
    if number and "issue" not in fields:
        fields["issue"] = number.group("issue")
        return _VOLUME_NEXT
    if _SCALE.match(part):
        return _BEFORE
    if _POSITION.match(part):
        return _AFTER
    if (
        place
        and len(place.group("place").split()) <= _MAX_PLACE_WORDS
        and _LETTER.search(place.group("publisher"))
    ):
        fields["place"], fields["publisher"] = place.group("place").strip(), place.group("publisher").strip()
        return _BEFORE
    if _BARE_VOLUME.match(part) and "volume" not in fields:
        fields["volume"] = part
        return _VOLUME_NEXT
    if pages:
        fields["pages"] = pages.group("pages").strip()
    elif "date" not in fields and parse_date(part):
        fields["date"] = parse_date(part)
    else:
        return None
    return _AFTER


def _contributors(role: str, text: str, fields: CitationDraft) -> None:
    """ "Translated by Szold, H. Philadelphia: …": the names, then what CS1 ran into them — a
    part read by its form, else the publisher ("Translated by Sykes, J. B. Pergamon Press").
    Initials or one word alone after the names are the last name's ("Bell, J. S.", "Hellman,
    C. Doris"; the part's stop taken off)."""
    split = _NAMES_THEN_TEXT.match(text)
    if split and _NAME_END.fullmatch(split.group("rest")):
        split = None
    names, rest = (split.group("names"), split.group("rest")) if split else (text, "")
    key = {"Translated": "translators", "Edited": "editors"}.get(role)
    if key:
        fields[key] = tuple(parse_name_list(names))
    else:  # an illustrator or cartographer: CS1's |others=
        fields["others"] = f"{role} by {names}"
    if rest and _classify_after_title(rest, fields) is None:
        fields.setdefault("publisher", rest)


def _in_editors(part: str, fields: CitationDraft) -> None:
    """ "In Wilson, D. E.; Reeder, D. M. (eds.)" — or, before 2019, without "(eds.)"."""
    fields["chapter"] = fields.get("chapter") or fields.pop("title", None)
    body = _IN_EDITORS.match(part)
    text = body.group("names") if body else part
    text = re.sub(r",?\s\(?(?:eds?\.|editors?)\)?$", "", text)
    split = _NAMES_THEN_TEXT.match(text)
    if split and not _EDITOR_MARK.search(part):
        fields["editors"] = tuple(parse_name_list(split.group("names")))
        fields["pending_title"] = split.group("rest")
        return
    fields["editors"] = tuple(parse_name_list(text))


def _are_names(text: str) -> bool:
    names = parse_name_list(text)
    return bool(names) and all(_is_name(name) for name in names)


def _is_name(name: Name) -> bool:
    """A person's name is short; an organisation's may be long ("National Research Council …")."""
    limit = _MAX_ORGANISATION_WORDS if name.literal else _MAX_NAME_WORDS
    return len(name.display().split()) <= limit


def _place_leftovers(plain: list[str], fields: CitationDraft, problems: list[str]) -> None:
    """Plain parts after the title: the publisher first, then what cannot be placed."""
    if plain and "publisher" not in fields:
        fields["publisher"] = plain.pop(0)
    if plain:
        problems.append("unread part of the citation: " + ". ".join(plain))


def _date(text: str, what: str, problems: list[str]) -> str | None:
    value = parse_date(text)
    if value is None and not is_no_date(text):
        problems.append(f"unreadable {what}: {text.strip()}")
    return value
