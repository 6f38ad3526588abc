from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from linter import lint_text

ROOT = Path(__file__).resolve().parent.parent


def lint(text: str, fmt: str = "plain", **kw):
    return lint_text(text, fmt=fmt, **kw)


def at(text: str, d) -> str:
    """The original text a diagnostic points at."""
    lines = text.split("\n")
    if d.line == d.end_line:
        return lines[d.line - 1][d.column - 1:d.end_column - 1]
    out = [lines[d.line - 1][d.column - 1:]]
    out += lines[d.line:d.end_line - 1]
    out.append(lines[d.end_line - 1][:d.end_column - 1])
    return "\n".join(out)


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "newslint"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "linter"]
    return subprocess.run(cmd + list(args), cwd=cwd or ROOT, capture_output=True, text=True, input=input,
                          env={**os.environ, "NO_COLOR": "1"})


@pytest.fixture
def cli():
    return run_cli
