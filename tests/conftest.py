from __future__ import annotations

import contextlib
import os
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

from newslint import lint_text

ROOT = Path(__file__).resolve().parent.parent
# the CLI caches results by default; tests that are about the cache turn it on with --cache
os.environ["NEWSLINT_CACHE"] = "0"


def engine_of(rules):
    """An engine with these rule instances and the default policy."""
    from newslint.config import Config
    from newslint.context import Engine
    from newslint.registry import default_registry

    return Engine(Config(), Config().policy(default_registry()), list(rules))


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


@dataclass
class CliRun:
    returncode: int
    stdout: str
    stderr: str


def run_cli_in_process(*args: str, cwd: Path | None = None, input: str | None = None) -> CliRun:
    """The real CLI (typer app, argument parsing, exit codes, output) in this process, so
    the loaded rules stay warm across tests."""
    from typer.testing import CliRunner

    from newslint.cli import app

    with contextlib.chdir(cwd or ROOT):
        r = CliRunner(env={"NO_COLOR": "1"}).invoke(app, list(args), input=input)
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        raise r.exception
    return CliRun(r.exit_code, r.stdout, r.stderr)


def run_cli(*args: str, cwd: Path | None = None, input: str | None = None,
            env_extra: dict[str, str] | None = None, timeout: float | None = None) -> subprocess.CompletedProcess:
    """The installed `newslint` command in a subprocess."""
    exe = Path(sys.executable).parent / "newslint"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "newslint"]
    return subprocess.run(cmd + list(args), cwd=cwd or ROOT, capture_output=True, text=True, input=input,
                          env={**os.environ, "NO_COLOR": "1", **(env_extra or {})}, timeout=timeout)


@pytest.fixture
def cli():
    return run_cli_in_process


@pytest.fixture
def real_cli():
    return run_cli


SHARED = ROOT.parent / "shared"
needs_shared = pytest.mark.skipif(not (SHARED / "eval").is_dir() or not (SHARED / "corpus").is_dir(),
                                  reason="needs ../shared (the benchmarks and corpora beside the project)")


def case_id(case) -> str:
    """A test id for a row of a rule's table: its text, shortened."""
    text = case[0] if isinstance(case, tuple) else case
    text = " ".join(str(text).split())
    return text if len(text) <= 50 else text[:47] + "..."


def rule_tables(rule, flag, clean, wrap=lambda text: text + "\n", **kwargs):
    """The two table tests of a rule's test file: each row of `flag`, (text, *spans), makes
    the rule report exactly those spans; each text of `clean` makes it report nothing.
    `wrap` turns a row's text into the document (a line of plain text by default); keyword
    arguments go to the rule (options, dialect, fmt...).

        test_flags, test_leaves_alone = rule_tables(Numbers, FLAG, CLEAN)
    """
    from newslint.api import assert_clean, assert_flags

    @pytest.mark.parametrize("case", flag, ids=case_id)
    def test_flags(case):
        text, *spans = case
        assert_flags(rule, wrap(text), *spans, **kwargs)

    @pytest.mark.parametrize("text", clean, ids=case_id)
    def test_leaves_alone(text):
        assert_clean(rule, wrap(text), **kwargs)

    return test_flags, test_leaves_alone


def assert_linear(run, make, n: int, ratio: float = 9.0) -> None:
    """`run(make(4 * n))` takes less than `ratio` times as long as `run(make(n))`: linear time
    gives about 4, quadratic 16 (a ratio of times measured side by side, never a wall clock).
    Each time is the best of two runs; `n` should make the small run take a few hundredths of
    a second at least, so that the ratio is not noise."""
    import time

    def best(text) -> float:
        times = []
        for _ in range(2):
            t = time.perf_counter()
            run(text)
            times.append(time.perf_counter() - t)
        return min(times)

    small, large = make(n), make(4 * n)
    t_small = max(best(small), 0.01)  # below a hundredth of a second, timing is noise
    t_large = best(large)
    assert t_large / t_small < ratio, f"{t_small:.3f}s for n={n}, {t_large:.3f}s for 4n: superlinear"
