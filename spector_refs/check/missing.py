"""The words "not found" pages use, in the languages of the soft-404 corpus.

Each phrase comes from a real "not found" page or the template that makes
it: WordPress default themes and their translations, Blogger, Drupal,
Squarespace, Wix, Shopify, GitHub Pages and news CMSs (the corpus and its
sources are in ``tests/fixtures/soft404``). Apostrophes are straightened
first, so "can’t" (as WordPress prints ``can&rsquo;t``) reads as "can't".

Titles and headings are trusted only when the phrase is most of what they
say: "Page not found – Example News" is an error page, "How to fix the
404 page not found error in WordPress" is an article about one.
"""

from __future__ import annotations

import re
from functools import cache

from spector_refs.check.page import folded, has_any

_TITLE_PHRASES = (
    # English
    r"\b(?:page|file|article|story|content|document|resource|url|item|post|blog)s?\b[^.!?]{0,30}?"
    r"\b(?:(?:was|could|can|ca)\s*(?:not|n't)\s*(?:be\s+)?found|cannot\s+be\s+found|not\s+found"
    r"|(?:does|do)\s*(?:not|n't)\s+exist"
    r"|no\s+longer\s+(?:exists?|available)|(?:has|have)\s+been\s+(?:removed|deleted)|is\s+(?:missing|unavailable)"
    r"|isn't\s+available)",
    r"^\s*(?:error\s*)?404\b|\b404\s*(?:[-:|–—]\s*)?(?:error|not\s+found|page)\b|\berror\s*404\b",
    r"^\s*(?:oops!?\s*)?not\s+found\b|\bpage\s+not\s+found\b|\bfile\s+not\s+found\b",
    r"\b(?:can't|cannot|couldn't|could\s+not|unable\s+to)\s+(?:seem\s+to\s+)?find\s+(?:the|that|this|what)\b",
    r"\bnothing\s+(?:was\s+)?found\b|^\s*(?:there's\s+|there\s+is\s+)?nothing\s+here\b",
    r"\bthis\s+page\s+(?:isn't|is\s+not)\s+available\b",
    # German
    r"\bseite\s+(?:wurde\s+)?nicht\s+gefunden\b|\bseite\s+kann\s+nicht\s+gefunden\s+werden\b"
    r"|\bseite\s+(?:existiert\s+nicht|gibt\s+es\s+(?:leider\s+)?nicht)\b|\bfehler\s*404\b|^\s*nicht\s+gefunden\b",
    # French
    r"\bpage\s+(?:introuvable|non\s+trouvée|inexistante)\b|\bpage\s+(?:est\s+introuvable|n'existe\s+(?:pas|plus))\b"
    r"|\berreur\s*404\b|^\s*introuvable\b",
    # Spanish
    r"\bpágina\s+no\s+encontrada\b|\bno\s+se\s+(?:puede\s+encontrar|encontró|ha\s+encontrado)\s+(?:esa|la|esta)\s+página\b"
    r"|\bpágina\s+no\s+existe\b|\berror\s*404\b",
    # Italian
    r"\bpagina\s+non\s+(?:trovata|esiste|disponibile)\b|\bimpossibile\s+trovare\s+(?:questa|la)\s+pagina\b|\berrore\s*404\b",
    # Portuguese
    r"\bpágina\s+não\s+(?:encontrada|existe)\b|\bpágina\s+não\s+(?:pode|pôde)\s+ser\s+encontrada\b|\berro\s*404\b",
    # Russian
    r"страница\s+не\s+найдена|страницы\s+не\s+существует|страница\s+не\s+существует|ошибка\s*404",
    # Japanese
    r"ページが見つかりません|ページは見つかりません|ページが存在しません|お探しのページ",
    # Chinese
    r"页面未找到|找不到(?:该|此|您要的|你要的)?页面|页面不存在|该页无法显示|頁面不存在|找不到網頁|网页不存在|页面找不到",
)
_BODY_PHRASES = (
    # English
    r"\b(?:page|article|content|post)\s+you(?:\s+are|\s+were|'re)\s+(?:looking\s+for|trying\s+to\s+(?:visit|reach|access))"
    r"(?:\s+in\s+this\s+blog)?\s+(?:(?:does|do)\s*(?:not|n't)\s+exist|(?:could|can)\s*(?:not|n't)\s+be\s+found"
    r"|was\s+not\s+found|(?:has|have)\s+been\s+(?:removed|moved|deleted)|is\s+no\s+longer\s+available"
    r"|is\s+unavailable)",
    r"\b(?:the\s+)?requested\s+(?:page|url|document)\s+(?:\S+\s+)?(?:was|could)\s*(?:not|n't)\s+(?:be\s+)?found",
    r"\b404\s*[-:–—]?\s*(?:page\s+)?not\s+found\b",
    r"\bnothing\s+(?:was\s+)?found\s+at\s+this\s+location\b",
    r"\bsite\s+configured\s+at\s+this\s+address\s+does\s+not\s+contain\s+the\s+requested\s+file\b",
    r"\b(?:we\s+)?(?:couldn't|could\s+not|can't|cannot)\s+(?:seem\s+to\s+)?find\s+the\s+page\s+you\b",
    r"\bthe\s+page\s+you\s+requested\s+(?:does\s+not|doesn't)\s+exist\b",
    # German
    r"\ban\s+dieser\s+stelle\s+nichts\s+gefunden\b|\b(?:angeforderte|gesuchte|aufgerufene)\s+seite\s+(?:\S+\s+)?"
    r"(?:existiert\s+(?:leider\s+)?nicht|wurde\s+nicht\s+gefunden|konnte\s+nicht\s+gefunden\s+werden)",
    # French
    r"\bla\s+page\s+(?:que\s+vous\s+(?:recherchez|cherchez|demandez)|demandée)\s+n'existe\s+(?:pas|plus)"
    r"|\brien\s+n'a\s+été\s+trouvé\s+à\s+cette\s+adresse\b",
    # Spanish
    r"\bno\s+se\s+encontró\s+nada\s+en\s+(?:esta|este)\s+(?:ubicación|lugar)\b"
    r"|\bla\s+página\s+que\s+(?:buscas|estás\s+buscando|busca)\s+no\s+existe\b",
    # Italian
    r"\bla\s+pagina\s+che\s+stai\s+cercando\s+non\s+esiste\b|\bsembra\s+che\s+non\s+ci\s+sia\s+nulla\b",
    # Portuguese
    r"\bnada\s+foi\s+encontrado\s+neste\s+local\b|\ba\s+página\s+que\s+você\s+(?:está\s+procurando|procura)\s+não\s+existe",
    # Russian
    r"запрашиваемая\s+страница\s+не\s+найдена|страница,?\s+которую\s+вы\s+ищете,?\s+не\s+(?:существует|найдена)",
    # Japanese
    r"お探しのページ(?:は|が)見つかりませんでした|ページが見つかりませんでした",
    # Chinese
    r"您(?:访问|要访问|所访问)的页面不存在|页面不存在或已被删除",
)
_TITLE_KEYS = (
    "found", "exist", "esiste", "available", "disponibile", "removed", "deleted", "missing", "404",
    "find", "nothing", "gefunden", "gibt", "introuvable", "trouv", "encontr", "trova", "найден", "существ",
    "見つかり", "存在", "お探し", "找到", "找不到", "无法显示",
)  # fmt: skip
"""A word every title phrase holds (in :func:`~spector_refs.check.page.folded` text): most titles hold
none, and ruling the phrases out by these is ~20 times cheaper than trying them."""
# Every body phrase holds one of these words: the phrases are only tried around them.
_BODY_KEYS = re.compile(
    "found|exist|esiste|removed|moved|deleted|available|requested file|find|gefunden|trouvé|encontr|nulla"
    "|найден|существ|見つかり|不存在"
)
_BEFORE, _AFTER = 200, 60  # characters of a body phrase before and after its key word
_WORD = re.compile(r"\w+")
_MOST = 10  # words in a title part that says "not found"
_SITE_NAME = 6  # words in the other parts: a site name, not a headline
_PARAGRAPH_SENTENCES = 4  # long sentences that make a page an article, not an error page
_LONG_SENTENCE = range(15, 81)  # words; a menu run together without full stops is longer


# The three big patterns are compiled on first use: ~11 ms of CPU together, paid
# by every ``links`` run at import although many judge no page (a refused link,
# a warm cache). Cached per process, so a forked worker compiles them at most once.
@cache
def _title() -> re.Pattern[str]:
    """Any of the title phrases, case-blind."""
    return re.compile("|".join(f"(?:{p})" for p in _TITLE_PHRASES), re.IGNORECASE)


@cache
def _body() -> re.Pattern[str]:
    """Any of the body phrases, case-blind."""
    return re.compile("|".join(f"(?:{p})" for p in _BODY_PHRASES), re.IGNORECASE)


@cache
def _separator() -> re.Pattern[str]:
    """Where a title's parts meet (" | ", " – ", ": "): split only for a title that says "not found"."""
    return re.compile(r"\s+[|–—·»«/:-]+\s+|:\s+|\s*[|·]\s*")


@cache
def _sentence() -> re.Pattern[str]:
    """A sentence, read only on a page that says "not found" (see :func:`reads_as_article`)."""
    return re.compile(r"[^.!?。！？]+")


@cache
def _apostrophes() -> re.Pattern[str]:
    """A curly or full-width apostrophe, replaced only in a text that holds one."""
    return re.compile("[’‘ʼ＇]")


@cache
def _token() -> re.Pattern[str]:
    """A word, or one Chinese, Japanese or Korean character (a charset over most of Unicode: ~4 ms).

    The characters are the title checks' (:data:`~spector_refs.check.titles.CJK`), imported here:
    a bare link check judges pages without loading the title checks, their domain rules and the
    Public Suffix List (~12 ms per worker process, while its first answers wait).
    """
    from spector_refs.check.titles import CJK

    return re.compile(rf"[{CJK}]|[^\W{CJK}]+")


def title_says_missing(text: str) -> bool:
    """Whether a title or heading is a "not found" message (with at most a site name beside it)."""
    text = _straight(text)
    lowered = folded(text)
    if not has_any(lowered, _TITLE_KEYS) or not _title().search(text):
        return False
    parts = [p for p in _separator().split(text) if p.strip()]
    for index, part in enumerate(parts):
        if "?" in part:  # "When is resource not found (404) appropriate?" asks, an error page tells
            continue
        if _title().search(part) and len(_WORD.findall(part)) <= _MOST:
            others = parts[:index] + parts[index + 1 :]
            if all(_is_site_name(other) for other in others):
                return True
    return False


def _is_site_name(part: str) -> bool:
    """A few words without a comma: "The Lakeside Courier", not "what it means, how to fix it"."""
    return "," not in part and len(_WORD.findall(part)) <= _SITE_NAME


def body_missing_phrase(text: str) -> str | None:
    """The sentence of an error page in ``text`` ("the page you are looking for does not exist"), if any.

    Searching a page's opening for every phrase at every position costs more
    than the rest of a check, so the phrases are tried only near their key words.
    """
    text = _straight(text)
    lowered = text.lower()  # a case-blind search for plain words is several times slower
    for key in _BODY_KEYS.finditer(lowered if len(lowered) == len(text) else text):
        match = _body().search(text, max(key.start() - _BEFORE, 0), key.end() + _AFTER)
        if match:
            return match.group(0)
    return None


def _straight(text: str) -> str:
    """Curly and full-width apostrophes as "'" (WordPress prints ``can&rsquo;t``)."""
    return (
        _apostrophes().sub("'", text) if "’" in text or "‘" in text or "ʼ" in text or "＇" in text else text
    )


def reads_as_article(text: str) -> bool:
    """Whether ``text`` has an article's long sentences, which "not found" pages rarely have.

    An article about HTTP errors may be titled "Error 404 – Page not found"
    and quote an error page; its prose gives it away: four sentences of 15
    to 80 words, where the "not found" pages of the corpus have at most
    three, but for two that are themselves little essays on error 404 and
    are left to the host probe (a navigation menu, one run of words without
    a full stop, does not count; a Chinese or Japanese character is a word).
    """
    long = 0
    for sentence in _sentence().findall(text):
        if len(tokens(sentence)) in _LONG_SENTENCE:
            long += 1
            if long >= _PARAGRAPH_SENTENCES:
                return True
    return False


def tokens(text: str) -> list[str]:
    """Lower-case words, each Chinese, Japanese or Korean character a word of its own."""
    return _token().findall(text.lower())
