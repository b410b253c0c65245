"""Per-field LaTeX escaping for .bib values.

The model holds plain text; a .bib value is LaTeX inside a brace-delimited
string that BibTeX, biber, pybtex and bibtexparser each scan for the closing
brace. So every character with a meaning there is rewritten: ``# $ % & _``
get a backslash, ``~ ^ \\`` become brace-balanced text commands
(``{\\textbackslash}``), and a literal brace becomes Zotero's
``\\{\\vphantom{\\}}``, balanced for BibTeX (which ignores backslashes) and
for bibtexparser (which does not), and read by pandoc; so no value can
close its entry early or start a command. A literal ``--`` is split
(``-{}-``) so LaTeX does not set it as a dash. Titles additionally protect
acronyms and proper nouns from a style's case changes, Better BibTeX style
(``{{FBI}}``). URLs are verbatim fields and only checked, never escaped.
"""

from __future__ import annotations

import re
import unicodedata

from spector_refs.export.keys import SKIP_WORDS

_SPECIALS = {
    "\\": "{\\textbackslash}",
    "{": "\\{\\vphantom{\\}}",
    "}": "\\vphantom{\\{}\\}",
    "~": "{\\textasciitilde}",
    "^": "{\\textasciicircum}",
    "#": "\\#",
    "$": "\\$",
    "%": "\\%",
    "&": "\\&",
    "_": "\\_",
}
_SPACE = re.compile(r"\s+")

UNICODE_COMMANDS = {
    "–": "{--}",
    "—": "{---}",
    "€": "{\\texteuro}",
    "£": "{\\pounds}",
    "§": "{\\S}",
    "…": "{\\ldots}",
    "‘": "{\\textquoteleft}",
    "’": "{\\textquoteright}",
    "“": "{\\textquotedblleft}",
    "”": "{\\textquotedblright}",
    "ß": "{\\ss}",
    "æ": "{\\ae}",
    "Æ": "{\\AE}",
    "ø": "{\\o}",
    "Ø": "{\\O}",
    "ł": "{\\l}",
    "Ł": "{\\L}",
}
"""Classic-BibTeX replacements for common characters that are not letters with accents.

Dashes use BibTeX's own ``--``/``---`` (braced, so a following hyphen cannot
join them), which pandoc reads too; it does not know ``\\textendash``.
Characters missing here stay UTF-8, which BibTeX passes through.
"""

ACCENTS = {
    "\u0301": "'",
    "\u0300": "`",
    "\u0302": "^",
    "\u0308": '"',
    "\u0303": "~",
    "\u0304": "=",
    "\u0307": ".",
    "\u0327": "c",
    "\u030c": "v",
    "\u030a": "r",
    "\u0306": "u",
    "\u030b": "H",
    "\u0328": "k",
}
"""Combining mark → LaTeX accent command, for letters like é (e + U+0301)."""

_WORD = re.compile(r"[^\W_]+")


def clean(value: str) -> str:
    """One line of text: whitespace runs (newlines included) become one space.

    A newline inside a value is harmless to BibTeX but lets a value look like
    the start of a new entry to line-based readers, so it never survives.
    """
    value = "".join(ch for ch in value if unicodedata.category(ch) != "Cc" or ch in "\t\n\r")
    return _SPACE.sub(" ", value).strip()


def escape(value: str, *, ascii_commands: bool = False) -> str:
    """``value`` as the text of a .bib field; ``ascii_commands`` maps non-ASCII for classic BibTeX."""
    return _escape_chars(clean(value), ascii_commands)


def _escape_chars(text: str, ascii_commands: bool) -> str:
    out = []
    for index, ch in enumerate(text):
        if ch == "-" and text[index + 1 : index + 2] == "-":
            out.append("-{}")  # a literal "--" must not become an en dash ligature
        elif ch in _SPECIALS:
            out.append(_SPECIALS[ch])
        elif ascii_commands and ord(ch) > 127:
            out.append(_unicode_command(ch))
        else:
            out.append(ch)
    return "".join(out)


def _unicode_command(ch: str) -> str:
    if ch in UNICODE_COMMANDS:
        return UNICODE_COMMANDS[ch]
    base, *marks = list(unicodedata.normalize("NFD", ch))
    if marks and len(marks) == 1 and marks[0] in ACCENTS and base.isascii():
        command = ACCENTS[marks[0]]
        separator = " " if command.isalpha() else ""
        return f"{{\\{command}{separator}{base}}}"
    return ch


def escape_title(value: str, *, ascii_commands: bool = False) -> str:
    """A title with acronyms and proper nouns double-braced against case changes.

    Acronyms (``FBI``) and mixed-case words (``SpecTor``) are always
    protected. Other capitalised words are protected only when the title is
    in sentence case (some content word is lower case), where a capital after
    the first word marks a proper noun (``Europol``, ``Monopoly Market``); in
    a title-case title every content word is capitalised and nothing tells a
    proper noun apart.
    """
    text = clean(value)
    sentence_case = _is_sentence_case(text)
    out, last = [], 0
    for index, match in enumerate(_WORD.finditer(text)):
        out.append(_escape_chars(text[last : match.start()], ascii_commands))
        word = _escape_chars(match.group(), ascii_commands)
        if _needs_protection(match.group(), first=index == 0, sentence_case=sentence_case):
            word = "{{" + word + "}}"
        out.append(word)
        last = match.end()
    out.append(_escape_chars(text[last:], ascii_commands))
    return "".join(out)


def _is_sentence_case(text: str) -> bool:
    """A lower-case content word after the first word means the title is not in title case."""
    words = _WORD.findall(text)[1:]
    return any(w[0].islower() and w.isalpha() and w.lower() not in SKIP_WORDS for w in words)


def _needs_protection(word: str, *, first: bool, sentence_case: bool) -> bool:
    letters = [ch for ch in word if ch.isalpha()]
    if len(letters) >= 2 and all(ch.isupper() for ch in letters):
        return True
    if any(ch.isupper() for ch in word[1:]) and any(ch.islower() for ch in word):
        return True
    return sentence_case and not first and word[0].isupper()


def escape_organisation(value: str, *, ascii_commands: bool = False) -> str:
    """An item of a name list (``organization``, ``institution``, ``publisher``).

    biber splits these lists on `` and ``; bracing the word keeps
    "Bureau of Alcohol, Tobacco and Firearms" one organisation.
    """
    return re.sub(r"(?<= )and(?= )", "{and}", escape(value, ascii_commands=ascii_commands), flags=re.I)


def verbatim(url: str) -> str:
    """A URL or DOI for a verbatim field: never escaped, never able to unbalance braces.

    Whitespace and backslashes are invalid in URLs anyway, and a brace only
    survives while the braces balance; otherwise they are percent-encoded,
    which every browser treats as the same address.
    """
    url = clean(url).replace(" ", "%20").replace("\\", "%5C")
    if not braces_balance(url):
        url = url.replace("{", "%7B").replace("}", "%7D")
    return url


def braces_balance(text: str) -> bool:
    """True if no ``}`` closes more than was opened and every ``{`` is closed."""
    depth = 0
    for ch in text:
        if ch == "{":
            depth += 1
        elif ch == "}":
            depth -= 1
            if depth < 0:
                return False
    return depth == 0
