"""Setting a template parameter without disturbing the template's layout.

mwparserfromhell round-trips a template byte for byte, but its own
``Template.add`` guesses spacing and, when appending, moves the whitespace
before ``}}``. Editors lay citations out one parameter per line, or
``|name=value`` packed, or ``| name = value``; a new parameter here copies
the layout of the parameter it follows, and a value replaced in place keeps
the whitespace around it, so the diff shows only the new words.
"""

from __future__ import annotations

from mwparserfromhell.nodes import Template
from mwparserfromhell.nodes.extras import Parameter
from mwparserfromhell.utils import parse_anything

from spector_refs.fix.scan import param

# characters that would end a parameter or a template inside a value
_VALUE_ESCAPES = {"|": "%7C", "{": "%7B", "}": "%7D"}


def escape_url(url: str) -> str:
    """A URL safe as a template value (a ``|`` would start the next parameter)."""
    return "".join(_VALUE_ESCAPES.get(char, char) for char in url)


def set_value(template: Template, key: str, value: str) -> bool:
    """Replace the value of the parameter with compact name ``key``, keeping its spacing.

    Returns False when the template has no such parameter.
    """
    parameter = param(template, key)
    if parameter is None:
        return False
    lead, trail = _value_spacing(template, str(parameter.value))
    parameter.value = parse_anything(lead + value + trail)
    return True


def insert_after(template: Template, anchor: Parameter, name: str, value: str) -> None:
    """Add ``name=value`` right after ``anchor``, in the anchor's layout.

    The whitespace that ends a value is the separator before the next ``|``
    (or before ``}}`` for the last one): the new parameter takes over the
    anchor's, and a last anchor gets the separator its neighbours use.
    """
    params = template.params
    index = next(i for i, parameter in enumerate(params) if parameter is anchor)
    name_lead, name_trail = _spacing(str(anchor.name))
    value_lead, separator = _value_spacing(template, str(anchor.value))
    if index == len(params) - 1:
        inner = _spacing(str(params[index - 1].value) if index else str(template.name))[1]
        anchor.value = parse_anything(str(anchor.value)[: len(str(anchor.value)) - len(separator)] + inner)
    new = Parameter(
        parse_anything(name_lead + name + name_trail), parse_anything(value_lead + value + separator)
    )
    params.insert(index + 1, new)


def _spacing(text: str) -> tuple[str, str]:
    """The whitespace before and after the words of ``text``."""
    stripped = text.strip()
    if not stripped:
        return "", text
    start = text.index(stripped)
    return text[:start], text[start + len(stripped) :]


def _value_spacing(template: Template, value: str) -> tuple[str, str]:
    """The space after ``=`` and before the next ``|`` of a value; an empty one borrows the former."""
    if value.strip():
        return _spacing(value)
    lead = _spacing(_sample_value(template))[0]
    owns_lead = value.startswith(lead) and len(value) > len(lead)
    return lead, value[len(lead) :] if owns_lead else value


def _sample_value(template: Template) -> str:
    """A non-empty named value of the template, to copy the space after ``=`` from."""
    for parameter in template.params:
        if parameter.showkey and str(parameter.value).strip():
            return str(parameter.value)
    return ""
