"""tools/trim_page.py: a trimmed page copy declares exactly what the whole page declares."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from spector_refs.assess.declared import page_declares
from spector_refs.check.metadata import read_metadata

TOOL = Path(__file__).resolve().parent.parent / "tools" / "trim_page.py"
PAGE = """<!doctype html><html lang="de"><head><meta charset="windows-1252">
<title>Ein Beitrag &ndash; Mein Blog</title><style>body { color: red }</style>
<meta name="generator" content="WordPress 6.4"><meta property="og:site_name" content="Mein Blog">
<meta property="og:type" content="article"><link rel="stylesheet" href="/s.css">
<link rel="canonical" href="https://blog.example.de/2020/beitrag/"><script>var x = "<meta>";</script>
</head><body><h1>Ein Beitrag</h1><p>M\xfcnchen, viel Text.</p>
<script type="application/ld+json">{"@type": "BlogPosting", "headline": "Ein Beitrag"}</script>
</body></html>""".encode("windows-1252", "xmlcharrefreplace")


def test_a_trimmed_copy_keeps_every_declaration_and_drops_the_rest(tmp_path: Path) -> None:
    saved, out = tmp_path / "saved.html", tmp_path / "out.html"
    saved.write_bytes(PAGE)
    run = subprocess.run(
        [sys.executable, str(TOOL), str(saved), str(out), "--source", "owner/repo@abc page.html"],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 0, run.stderr
    copy = out.read_text(encoding="utf-8")
    assert "color: red" not in copy and "var x" not in copy and "viel Text" not in copy
    assert "owner/repo@abc page.html" in copy
    whole, trimmed = read_metadata(PAGE, "text/html"), read_metadata(out.read_bytes(), "text/html")
    assert whole is not None and trimmed is not None
    assert (trimmed.generator, trimmed.site_name, trimmed.kinds, trimmed.title) == (
        whole.generator, whole.site_name, whole.kinds, whole.title,
    )  # fmt: skip
    assert trimmed.title == "Ein Beitrag – Mein Blog"
    declared = page_declares(trimmed)
    assert declared is not None and declared.kind == "blog"


def test_an_unreadable_page_is_one_line_and_exit_2(tmp_path: Path) -> None:
    run = subprocess.run(
        [sys.executable, str(TOOL), str(tmp_path / "missing.html"), str(tmp_path / "out.html")],
        capture_output=True, text=True, check=False,
    )  # fmt: skip
    assert run.returncode == 2
    assert run.stderr.count("\n") == 1 and "missing.html" in run.stderr
    assert not (tmp_path / "out.html").exists()
