"""The collector: everything that turns what the user typed into articles or URLs to check.

An argument may name a file (its format detected), ``-`` for standard input,
a directory, an ``@list.txt`` of further arguments, a Wikipedia page URL or,
with a wiki given, a page title (:mod:`.articles`, :mod:`.wiki`); for the link
checker it may also name a ``.bib`` file or a list of URLs (:mod:`.targets`).
Nothing downstream reads user input: the parsers get text, the link checker
gets :class:`~spector_refs.model.LinkTarget` records.
"""

from spector_refs.collect.articles import (
    BUNDLED_ARTICLE,
    collect_articles,
    expand_arguments,
    load_article,
    load_wikitext,
)
from spector_refs.collect.targets import (
    Targets,
    collect_targets,
    read_targets,
    targets_from_bib,
    targets_from_list,
)
from spector_refs.collect.wiki import fetch_article, fetch_wikitext, is_page_url

__all__ = [
    "BUNDLED_ARTICLE",
    "Targets",
    "collect_articles",
    "collect_targets",
    "expand_arguments",
    "fetch_article",
    "fetch_wikitext",
    "is_page_url",
    "load_article",
    "load_wikitext",
    "read_targets",
    "targets_from_bib",
    "targets_from_list",
]
