"""The `newslint` command line (typer)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .config import DIALECTS, FAIL_ON, STARTER, ConfigError
from .registry import RegistryError, default_registry
from .runner import Overrides, RunResult, UsageError, fails, lint_paths, lint_source_text

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="newslint: a proofreading linter for news copy (text, Markdown, HTML).")

FORMATS = ("text", "json", "sarif", "github", "junit")


def _die(message: str, code: int = 2) -> None:
    typer.echo(f"newslint: {message}", err=True)
    raise typer.Exit(code)


def _split(values: Optional[List[str]]) -> Optional[List[str]]:
    if values is None:
        return None
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


@app.command()
def check(
    paths: List[str] = typer.Argument(None, help="Files or directories; '-' reads standard input."),
    format: str = typer.Option("text", "--format", "-f", help=f"Output format: {', '.join(FORMATS)}."),
    dialect: Optional[str] = typer.Option(None, help="en-US or en-GB (default from config, else en-US)."),
    select: Optional[List[str]] = typer.Option(None, help="Only these rules or families (comma-separated)."),
    ignore: Optional[List[str]] = typer.Option(None, help="Skip these rules or families (comma-separated)."),
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="error, warning (default), info or never."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file for every path."),
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="Name (and so format) of the text read from '-'."),
    statistics: bool = typer.Option(False, "--statistics", help="Print counts by rule and readability."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no notices."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes in place and report what changed."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix, apply unsafe fixes too."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: by file count)."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for internal errors."),
) -> None:
    """Check stories and report problems."""
    if format not in FORMATS:
        _die(f"unknown format {format!r} (choose from {', '.join(FORMATS)})")
    if dialect is not None and dialect not in DIALECTS:
        _die(f"unknown dialect {dialect!r} (choose from {', '.join(DIALECTS)})")
    if fail_on is not None and fail_on not in FAIL_ON:
        _die(f"--fail-on must be one of {', '.join(FAIL_ON)}")
    if config is not None and not config.is_file():
        _die(f"{config}: config file not found")
    if not paths:
        _die("no paths given (use '-' for standard input)")
    if debug:
        os.environ["NEWSLINT_DEBUG"] = "1"
    overrides = Overrides(config=config, dialect=dialect, select=_split(select), ignore=_split(ignore) or [],
                          fix=fix, unsafe_fixes=unsafe_fixes)
    try:
        registry = default_registry()
        if "-" in paths:
            if len(paths) > 1:
                _die("'-' (standard input) cannot be mixed with other paths")
            name = stdin_filename or "-"
            from .textio import decode
            text = decode(sys.stdin.buffer.read()).text
            overrides.fmt = None if stdin_filename else "plain"
            result = lint_source_text(text, name, overrides)
        else:
            result = lint_paths(paths, overrides, jobs=jobs)
        effective_fail_on = fail_on or result.fail_on
    except (ConfigError, UsageError, RegistryError) as exc:
        _die(str(exc))
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001 - one line, no traceback, unless --debug
        if debug:
            raise
        _die(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
    from .formatters import FORMATTERS
    from .formatters.text import statistics as stats_text

    color = format == "text" and sys.stdout.isatty() and "NO_COLOR" not in os.environ
    sys.stdout.write(FORMATTERS[format](result, registry, color))
    if statistics and format == "text":
        sys.stdout.write(stats_text(result))
    _print_notices(result, quiet)
    raise typer.Exit(1 if fails(result.diagnostics, effective_fail_on) else 0)


def _print_notices(result: RunResult, quiet: bool) -> None:
    fixed = [(f.path, d) for f in result.files for d in f.fixed]
    for path, d in fixed:
        typer.echo(f"fixed {path}:{d.line}:{d.column} {d.rule}: {d.message}", err=True)
    if quiet:
        return
    for n in result.notices:
        typer.echo(f"newslint: {n}", err=True)


@app.command()
def rules() -> None:
    """List every rule: id, category, default severity and summary."""
    try:
        reg = default_registry()
    except RegistryError as exc:
        _die(str(exc))
    width = max((len(r) for r in reg.rules), default=10)
    typer.echo(f"{'id':<{width}}  {'category':<12} {'severity':<8} summary")
    for rid in sorted(reg.rules):
        cls = reg.rules[rid]
        off = "" if cls.enabled_by_default else " (off by default)"
        typer.echo(f"{rid:<{width}}  {cls.category.value:<12} {cls.default_severity.value:<8} {cls.summary}{off}")
    for name, err in reg.failures:
        typer.echo(f"newslint: plugin {name} failed to load and was skipped: {err}", err=True)


@app.command()
def explain(rule_id: str = typer.Argument(..., help="A rule id, e.g. grammar/repeated-word.")) -> None:
    """Print a rule's documentation."""
    reg = default_registry()
    cls = reg.rules.get(rule_id)
    if cls is None:
        near = [r for r in reg.rules if rule_id in r]
        hint = f" (did you mean {', '.join(near[:3])}?)" if near else ""
        _die(f"unknown rule {rule_id!r}{hint}")
    typer.echo(cls.explain())


@app.command()
def init(path: Path = typer.Argument(Path("newslint.toml"), help="Where to write the starter config."),
         force: bool = typer.Option(False, "--force", help="Overwrite an existing file.")) -> None:
    """Write a commented starter configuration."""
    if path.exists() and not force:
        _die(f"{path} exists (use --force to overwrite)")
    path.write_text(STARTER, encoding="utf-8")
    typer.echo(f"wrote {path}")


def _register_extra_commands() -> None:
    from . import learn

    app.command(name="learn")(learn.learn_command)


_register_extra_commands()


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
