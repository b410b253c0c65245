"""The collector: everything that turns what the user typed into articles or URLs to check.

An argument may name a file (its format detected), ``-`` for standard input,
a directory, an ``@list.txt`` of further arguments, a Wikipedia page URL or,
with a wiki given, a page title (:mod:`.articles`, :mod:`.wiki`); for the link
checker it may also name a ``.bib`` file or a list of URLs (:mod:`.targets`).
Nothing downstream reads user input: the parsers get text, the link checker
gets :class:`~spector_refs.model.LinkTarget` records.

The names are exported lazily (:mod:`spector_refs.lazy`): ``links`` over a
URL list needs neither the article reader (with the parsers) nor the wiki
client, and importing the package no longer loads them.
"""

from typing import TYPE_CHECKING

from spector_refs.lazy import lazy_exports

if TYPE_CHECKING:
    from spector_refs.collect.articles import BUNDLED_ARTICLE as BUNDLED_ARTICLE
    from spector_refs.collect.articles import collect_articles as collect_articles
    from spector_refs.collect.articles import load_article as load_article
    from spector_refs.collect.articles import load_wikitext as load_wikitext
    from spector_refs.collect.documents import expand_arguments as expand_arguments
    from spector_refs.collect.targets import Targets as Targets
    from spector_refs.collect.targets import collect_targets as collect_targets
    from spector_refs.collect.targets import read_targets as read_targets
    from spector_refs.collect.targets import targets_from_bib as targets_from_bib
    from spector_refs.collect.targets import targets_from_list as targets_from_list
    from spector_refs.collect.wiki import fetch_article as fetch_article
    from spector_refs.collect.wiki import fetch_wikitext as fetch_wikitext
    from spector_refs.collect.wiki import is_page_url as is_page_url

_MODULES = {
    "spector_refs.collect.articles": ("BUNDLED_ARTICLE", "collect_articles", "load_article", "load_wikitext"),
    "spector_refs.collect.documents": ("expand_arguments",),
    "spector_refs.collect.targets": (
        "Targets",
        "collect_targets",
        "read_targets",
        "targets_from_bib",
        "targets_from_list",
    ),
    "spector_refs.collect.wiki": ("fetch_article", "fetch_wikitext", "is_page_url"),
}
_EXPORTS = {name: module for module, names in _MODULES.items() for name in names}
__all__ = sorted(_EXPORTS)
__getattr__, __dir__ = lazy_exports(__name__, _EXPORTS)
