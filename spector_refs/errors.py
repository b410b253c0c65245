"""The library's own exceptions; every message tells the user what to do.

Bad content inside a readable document is never an exception (it becomes a
``problems`` entry on the result). These errors are for input that cannot be
read at all, configuration that cannot be used, and pages that cannot be
fetched; the CLI turns each into one line on stderr and exit code 2, except
:class:`NetworkError`, which is exit code 3 like every other "the network was
unavailable" outcome: a CI job must be able to tell "retry later" from "fix
the command".
"""

from __future__ import annotations


class SpectorError(Exception):
    """Base class of every error spector_refs raises on purpose."""


class InputError(SpectorError):
    """The input is missing, unreadable, binary, empty or of no known format."""


class ConfigError(SpectorError):
    """A configuration file or option is invalid (the message names the key)."""


class FetchError(SpectorError):
    """A live page could not be fetched (missing page, network, bad answer)."""


class NetworkError(FetchError):
    """The page's wiki could not be reached (no connection, timeout, server unavailable)."""


class ExportError(SpectorError):
    """A bibliography could not be written in the requested format."""
