"""Names of works and publishers, as citations spell them, reduced to lookup keys.

References copied as rendered text carry no URL, so a source is known only by
its work ("Reuters", "AP News", "Fortune Europe"), its publisher, or the site
name a page title ends with ("… – Darknet Pages"). These helpers make those
spellings comparable with the names in the bundled data.
"""

from __future__ import annotations

import re
import unicodedata

_TITLE_SEPARATORS = re.compile(r"\s+(?:[|–—•·»]|-{1,2}|::)\s+")


def normalise_name(name: str) -> str:
    """A lookup key: case, accents, punctuation and a leading "The" do not matter.

    "The Associated Press" and "associated press" give the same key, so do
    "Le Monde" and "LE MONDE".
    """
    text = unicodedata.normalize("NFKD", name)
    text = "".join(char for char in text if not unicodedata.combining(char)).casefold()
    text = re.sub(r"[^\w]+", " ", text.replace("&", " and ")).strip()
    return re.sub(r"^the\s+", "", text)


def title_site_name(title: str | None) -> str | None:
    """The site name a page title ends with: "Market Gone – Darknet Pages" → "Darknet Pages".

    Web pages title themselves "<headline> <separator> <site>"; when a CS1
    citation has no work, that trailing part is often the only name of the site.
    """
    if not title:
        return None
    parts = _TITLE_SEPARATORS.split(title.strip())
    if len(parts) < 2:
        return None
    tail = parts[-1].strip()
    return tail if 0 < len(tail) <= 60 else None


def shorter_names(name: str) -> list[str]:
    """The name, then with trailing words dropped: "Fortune Europe" → ["Fortune Europe", "Fortune"].

    Editions and sections are written after the outlet's name ("BBC News
    Mundo", "Fortune Europe"), so dropping words from the end finds the outlet.
    """
    words = name.split()
    return [" ".join(words[:end]) for end in range(len(words), 0, -1)]
