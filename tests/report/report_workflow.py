"""Reading GitHub workflow commands back the way the Actions runner does, for the tests."""

from __future__ import annotations

import re

COMMAND = re.compile(
    r"::(error|warning|notice)(?: ((?:[a-z]+=[^,:\r\n]*)(?:,[a-z]+=[^,:\r\n]*)*))?::([^\r\n]*)"
)


def _unescape_data(value: str) -> str:
    """What the Actions runner does to a command's message."""
    return value.replace("%0D", "\r").replace("%0A", "\n").replace("%25", "%")


def _unescape_property(value: str) -> str:
    return _unescape_data(value.replace("%3A", ":").replace("%2C", ","))


def parse_command(line: str) -> tuple[str, dict[str, str], str]:
    match = COMMAND.fullmatch(line)
    assert match, line
    props = dict(item.split("=", 1) for item in match.group(2).split(",")) if match.group(2) else {}
    return (
        match.group(1),
        {k: _unescape_property(v) for k, v in props.items()},
        _unescape_data(match.group(3)),
    )
