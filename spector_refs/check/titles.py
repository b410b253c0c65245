"""Is the page still the one cited? Fuzzy comparison of a cited title with a page's titles.

Editors copy a page's title into ``title=`` and then trim it: the site's
name goes (``… | Example News``), case and punctuation change, a long title
is cut or a translation added in brackets; sites do the same to their own
``<title>``. So titles are compared as sets of normalised words: accents,
case, quotes, dashes and punctuation removed, bracketed translations and
ellipses dropped, and each side's separators (``|``, `` - ``, ``:``) split
into parts so that a site name on either side does not count against it.
Two words match when equal or when one is a short inflection of the other
("dogs"/"dog", "recognised"/"recognized"). The score is the share of the
shorter title's words found in the longer one, so a truncated title still
matches; the cut-off is calibrated in ``benchmarks/title_match.py``.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

MATCH_THRESHOLD = 0.65
"""A cited title whose best score against every page title is below this is a mismatch."""
_SEPARATORS = re.compile(r"\s+[|·•»«–—:-]\s+|\s*[|·•»«]\s*|:\s+|\s+::\s+")
_BRACKETS = re.compile(r"\[[^\]]*\]")
_ELLIPSIS = re.compile(r"\.\.\.|…")
_WAYBACK = re.compile(r"\s*Archived \d{1,2} \w+ \d{4} at the Wayback Machine\s*$", re.I)
_WORD = re.compile(r"[^\W_]+", re.UNICODE)
_CJK = re.compile(r"[\u3040-\u30ff\u3400-\u9fff\uac00-\ud7af]")
_STOP = frozenset(
    "a an the of and or in on at to for by with from as is are was were be it its this that de la le les "
    "el los las der die das und del di du des".split()
)
_MIN_WORDS = 2
_MIN_SHARE = 0.6
"""A part of the cited title shorter than this share of the whole counts for proportionally less."""
_MIN_TRUNCATED_WORDS = 4
_TRUNCATED = re.compile(r"(?:\.\.\.|…)\s*$")


@dataclass(frozen=True)
class TitleMatch:
    """The best agreement found: its score (0–1) and the page title it was found with."""

    score: float
    page_title: str

    @property
    def matches(self) -> bool:
        return self.score >= MATCH_THRESHOLD


def words(text: str) -> list[str]:
    """The title's content words: folded, unaccented, without stop words and bracketed translations."""
    text = _ELLIPSIS.sub(" ", _BRACKETS.sub(" ", _WAYBACK.sub("", text)))
    folded = unicodedata.normalize("NFKD", text.casefold())
    plain = "".join(char for char in folded if not unicodedata.combining(char))
    plain = plain.replace("'", "").replace("’", "")
    out: list[str] = []
    for word in _WORD.findall(plain):
        if _CJK.search(word):
            out.extend(char for char in word if not char.isspace())
        elif word not in _STOP:
            out.append(word)
    return out


def parts(title: str) -> list[str]:
    """The title and its parts between separators ("Headline | Site" → the headline and the site)."""
    pieces = [piece.strip() for piece in _SEPARATORS.split(title) if piece.strip()]
    return list(dict.fromkeys([title, *pieces]))


def best_match(cited: str, page_titles: Iterable[str], site_names: Iterable[str] = ()) -> TitleMatch | None:
    """How well the cited title agrees with the best of the page's titles; None when nothing compares.

    Every part of the cited title is compared with every part of each page
    title (``"Headline | Site"`` has the parts "Headline" and "Site"); a part
    that is only a site's name (``site_names``: the page's ``og:site_name``,
    the citation's work) is no title to agree with.
    """
    cited_parts = [w for w in (words(part) for part in parts(cited)) if len(w) >= _MIN_WORDS]
    if not cited_parts:
        return None
    full = len(cited_parts[0])
    sites = {frozenset(words(name)) for name in site_names if name}
    best: TitleMatch | None = None
    for page_title in page_titles:
        truncated = bool(_TRUNCATED.search(page_title))
        for candidate in parts(page_title):
            page_words = words(candidate)
            if len(page_words) < _MIN_WORDS or frozenset(page_words) in sites:
                continue
            for cited_words in cited_parts:
                score = agreement(cited_words, page_words, truncated=truncated)
                score *= min(1.0, len(cited_words) / (_MIN_SHARE * full))
                if best is None or score > best.score:
                    best = TitleMatch(score, page_title)
    return best


def agreement(cited: list[str], page: list[str], *, truncated: bool = False) -> float:
    """The share of the cited words the page title has (of the page's words, when the page cut its title)."""
    found = sum(1 for word in cited if any(same_word(word, other) for other in page))
    if truncated and len(page) >= _MIN_TRUNCATED_WORDS:
        kept = sum(1 for word in page if any(same_word(word, other) for other in cited))
        return max(found / len(cited), kept / len(page))
    return found / len(cited)


def same_word(a: str, b: str) -> bool:
    """Equal, or one a short inflection of the other ("dogs"/"dog", "recognised"/"recognized")."""
    if a == b:
        return True
    if min(len(a), len(b)) < 4:
        return False
    stem = min(len(a), len(b)) - 1
    if a[:stem] == b[:stem] and abs(len(a) - len(b)) <= 3:
        return True
    return len(a) == len(b) and sum(x != y for x, y in zip(a, b, strict=True)) == 1 and len(a) >= 6
