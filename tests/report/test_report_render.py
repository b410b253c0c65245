"""The dispatcher: every documented format renders, unknown ones are a usage error."""

from __future__ import annotations

import pytest

from spector_refs.errors import ConfigError
from spector_refs.model import AuditResult
from spector_refs.report import REPORT_FORMATS, render


def test_formats_are_the_documented_ones() -> None:
    assert REPORT_FORMATS == ("terminal", "json", "junit", "sarif", "github", "markdown", "html")


@pytest.mark.parametrize("fmt", REPORT_FORMATS)
def test_every_format_names_the_broken_link_and_the_tagged_claim(result: AuditResult, fmt: str) -> None:
    text = render(result, fmt)
    assert "https://news.example/story" in text
    assert "citation-needed" in text


@pytest.mark.parametrize("fmt", [f for f in REPORT_FORMATS if f != "github"])
def test_every_format_renders_an_empty_run(fmt: str) -> None:
    assert render(AuditResult(), fmt).strip()


def test_github_output_of_an_empty_run_is_empty() -> None:
    assert render(AuditResult(), "github") == ""


def test_unknown_format_is_a_config_error_naming_the_choices(result: AuditResult) -> None:
    with pytest.raises(ConfigError, match="sarif"):
        render(result, "pdf")
