"""The link checker: do a citation's URLs still show what was cited?

``check_links`` takes an :class:`~spector_refs.model.Article` (every ``url``
and ``archive_url`` of its references, with their access dates) or any
iterable of URLs, and returns one :class:`~spector_refs.model.LinkResult`
per distinct URL, in input order. A failed check is a verdict on the
result, never an exception.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from spector_refs.check.config import LinkCheckConfig
from spector_refs.lazy import lazy_exports
from spector_refs.model import LinkResult, LinkTarget

if TYPE_CHECKING:
    from spector_refs.check.checker import LinkChecker as LinkChecker
    from spector_refs.model import Article

# The checker (and with it the HTTP client) loads on first use: the link
# cache and the configuration are read without it.
__getattr__, __dir__ = lazy_exports(__name__, {"LinkChecker": "spector_refs.check.checker"})

__all__ = [
    "LinkCheckConfig",
    "LinkChecker",
    "LinkTarget",
    "check_links",
]


def check_links(
    target: Article | Iterable[str | LinkTarget] | str,
    config: LinkCheckConfig | None = None,
    *,
    progress: bool = False,
) -> list[LinkResult]:
    """Check every URL of an article, or the given URLs; one result per distinct URL.

    ``progress`` shows a progress bar when stderr is a terminal.
    """
    from spector_refs.check.checker import LinkChecker
    from spector_refs.model import Article

    if isinstance(target, Article):
        targets: Iterable[str | LinkTarget] = target.link_targets()
    elif isinstance(target, str):
        targets = [target]
    else:
        targets = target
    with LinkChecker(config) as checker:
        return checker.check(targets, progress=progress)
