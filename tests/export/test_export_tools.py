"""The exports against the real tools: biber's data model, pandoc's citeproc, LaTeX with biblatex.

Each test skips visibly where its program is absent and fails under
``CI=true`` (the ``require_tool`` fixture), so CI always runs them.
"""

from __future__ import annotations

import re
import subprocess
from collections.abc import Callable
from pathlib import Path

import pytest
from export_helpers import case_names, load_case

from spector_refs.export import export
from spector_refs.export.keys import citation_keys

pytestmark = pytest.mark.external

_MISSING = re.compile(
    r"Entry '(?P<key>[^']+)' .*: Missing mandatory field "
    r"(?:'(?P<field>\w+)'|- one of '(?P<fields>[\w, ]+)' must be defined)"
)
MODEL_FIELDS = {
    # biber's field name → the Reference data it would have come from
    "author": lambda ref: ref.authors,
    "editor": lambda ref: ref.editors,
    "title": lambda ref: ref.title,
    "date": lambda ref: ref.date,
    "year": lambda ref: ref.date,
    "url": lambda ref: ref.url,
    "doi": lambda ref: ref.doi,
    "eprint": lambda ref: None,
    "journaltitle": lambda ref: ref.work,
    "institution": lambda ref: ref.publisher or ref.work,
    "booktitle": lambda ref: ref.title,
}
NOCITE_ALL = "---\nnocite: '@*'\n---\n"


def _run(command: list[str], cwd: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(command, cwd=cwd, capture_output=True, text=True, timeout=180, check=False)


@pytest.mark.parametrize("case", case_names())
def test_biber_reports_nothing_but_genuinely_missing_data(
    case: str, tmp_path: Path, require_tool: Callable[[str], str]
) -> None:
    biber = require_tool("biber")
    refs, links = load_case(case)
    (tmp_path / "refs.bib").write_text(export(refs, links=links), encoding="utf-8")
    result = _run([biber, "--tool", "--validate-datamodel", "refs.bib"], tmp_path)
    assert result.returncode == 0, result.stdout + result.stderr
    by_key = dict(zip(citation_keys(refs), refs, strict=True))
    complaints = [line for line in result.stdout.splitlines() if re.match(r"(WARN|ERROR)", line)]
    for line in complaints:
        match = _MISSING.search(line)
        assert match, f"biber complains about more than missing data: {line}"
        fields = (match["field"] or match["fields"]).split(", ")
        ref = by_key[match["key"]]
        assert not any(MODEL_FIELDS[field](ref) for field in fields), f"{line} but {ref.label} has it"


@pytest.mark.parametrize("format", ["biblatex", "bibtex", "csl-json"])
@pytest.mark.parametrize("case", case_names())
def test_pandoc_citeproc_renders_every_entry(
    case: str, format: str, tmp_path: Path, require_tool: Callable[[str], str]
) -> None:
    pandoc = require_tool("pandoc")
    refs, links = load_case(case)
    name = {"biblatex": "refs.bib", "bibtex": "refs.bibtex", "csl-json": "refs.json"}[format]
    (tmp_path / name).write_text(export(refs, format, links=links), encoding="utf-8")
    (tmp_path / "doc.md").write_text(NOCITE_ALL, encoding="utf-8")
    result = _run([pandoc, "--citeproc", "-t", "html", "--bibliography", name, "doc.md"], tmp_path)
    assert result.returncode == 0, result.stderr
    assert "[WARNING]" not in result.stderr, result.stderr
    rendered = re.findall(r'<div id="ref-([^"]+)"', result.stdout)
    assert sorted(rendered) == sorted(citation_keys(refs))


LATEX_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\IfFileExists{lmodern.sty}{\usepackage{lmodern}}{}
\usepackage[backend=biber]{biblatex}
\usepackage{hyperref}
\addbibresource{refs.bib}
\begin{document}
\nocite{*}
\printbibliography
\end{document}
"""


@pytest.mark.parametrize("case", case_names())
def test_biblatex_document_compiles(case: str, tmp_path: Path, require_tool: Callable[[str], str]) -> None:
    pdflatex, biber = require_tool("pdflatex"), require_tool("biber")
    refs, links = load_case(case)
    (tmp_path / "refs.bib").write_text(export(refs, links=links), encoding="utf-8")
    (tmp_path / "doc.tex").write_text(LATEX_DOCUMENT, encoding="utf-8")
    latex = [pdflatex, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    for command in (latex, [biber, "doc"], latex, latex):
        result = _run(command, tmp_path)
        assert result.returncode == 0, result.stdout[-3000:]
    log = (tmp_path / "doc.log").read_text(encoding="latin-1")
    assert not re.search(r"^! ", log, re.M)
    assert "undefined references" not in log
    assert (tmp_path / "doc.bbl").read_text(encoding="utf-8").count("\\entry{") == len(refs)


CLASSIC_DOCUMENT = r"""\documentclass{article}
\usepackage[T1]{fontenc}
\IfFileExists{lmodern.sty}{\usepackage{lmodern}}{}
\usepackage{url}
\begin{document}
\nocite{*}
\bibliographystyle{plain}
\bibliography{refs}
\end{document}
"""


@pytest.mark.parametrize("case", case_names())
def test_classic_bibtex_document_compiles(
    case: str, tmp_path: Path, require_tool: Callable[[str], str]
) -> None:
    pdflatex, bibtex = require_tool("pdflatex"), require_tool("bibtex")
    refs, links = load_case(case)
    (tmp_path / "refs.bib").write_text(export(refs, "bibtex", links=links), encoding="utf-8")
    (tmp_path / "doc.tex").write_text(CLASSIC_DOCUMENT, encoding="utf-8")
    latex = [pdflatex, "-interaction=nonstopmode", "-halt-on-error", "doc.tex"]
    for command in (latex, [bibtex, "doc"], latex, latex):
        result = _run(command, tmp_path)
        assert result.returncode == 0, result.stdout[-3000:]
    assert "error message" not in (tmp_path / "doc.blg").read_text(encoding="latin-1")
    assert (tmp_path / "doc.bbl").read_text(encoding="utf-8").count("\\bibitem") == len(refs)
