"""The `newslint` command line (typer)."""
from __future__ import annotations

import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .config import DIALECTS, FAIL_ON, STARTER, ConfigError
from .context import Overrides, RunContext
from .discovery import UsageError
from .registry import ENGINE_IDS, RegistryError, default_registry, plugin_commands
from .rule import plain_text
from .runner import RunResult, fails, lint_paths, lint_source_text

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="newslint: a proofreading linter for news copy (text, Markdown, HTML).")

FORMATS = ("text", "concise", "json", "sarif", "github", "junit")
COLORS = ("auto", "always", "never")


def _die(message: str, code: int = 2) -> None:
    typer.echo(f"newslint: {message}", err=True)
    raise typer.Exit(code)


def _version() -> str:
    from . import __version__

    return __version__


def _show_version(value: bool) -> None:
    if value:
        typer.echo(f"newslint {_version()}")
        raise typer.Exit(0)


@app.callback()
def _root(version: bool = typer.Option(False, "--version", callback=_show_version, is_eager=True,
                                       help="Print newslint's version and exit.")) -> None:
    """newslint: a proofreading linter for news copy (text, Markdown, HTML)."""


def use_color(choice: str, stream) -> bool:
    """--color always|never|auto; with auto, NO_COLOR (any value) turns colour off and
    FORCE_COLOR on, else colour when the stream is a terminal."""
    if choice in ("always", "never"):
        return choice == "always"
    if os.environ.get("NO_COLOR"):
        return False
    if os.environ.get("FORCE_COLOR"):
        return True
    return stream.isatty()


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
    statistics: bool = typer.Option(False, "--statistics", help="Counts by rule and readability (text and json)."),
    color: str = typer.Option("auto", "--color", help="Colour the text output: auto, always or never."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no notices."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes in place and report what changed."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix, apply unsafe fixes too."),
    force_exclude: bool = typer.Option(True, "--force-exclude/--no-force-exclude",
                                       help="Apply the configured exclude to files named on the command line."),
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
    if color not in COLORS:
        _die(f"--color must be one of {', '.join(COLORS)}")
    if not paths:
        _die("no paths given (use '-' for standard input)")
    overrides = Overrides(config=config, dialect=dialect, select=_split(select), ignore=_split(ignore) or [],
                          fix=fix, unsafe_fixes=unsafe_fixes, force_exclude=force_exclude, debug=debug)
    result, ctx = _run(paths, overrides, stdin_filename, jobs, debug)
    effective_fail_on = fail_on or result.fail_on
    from .formatters import FORMATTERS, WITH_STATISTICS
    from .formatters.text import statistics as stats_text

    painted = format in ("text", "concise") and use_color(color, sys.stdout)
    if format == "json":
        sys.stdout.write(FORMATTERS[format](result, ctx.registry, painted, statistics=statistics))
    else:
        sys.stdout.write(FORMATTERS[format](result, ctx.registry, painted))
    if statistics and format == "text":
        sys.stdout.write(stats_text(result))
    if statistics and format not in WITH_STATISTICS:
        result.notices.append(f"--statistics is shown with --format text or json, not {format}")
    _print_notices(result, quiet)
    raise typer.Exit(1 if fails(result.diagnostics, effective_fail_on) else 0)


def _run(paths: List[str], overrides: Overrides, stdin_filename: Optional[str], jobs: Optional[int],
         debug: bool) -> tuple[RunResult, RunContext]:
    """One run, with every failure turned into one line on stderr and exit code 2."""
    try:
        ctx = RunContext(overrides)
        if "-" in paths:
            if len(paths) > 1:
                _die("'-' (standard input) cannot be mixed with other paths")
            from .textio import decode

            text = decode(sys.stdin.buffer.read()).text
            overrides.fmt = None if stdin_filename else "plain"
            result = lint_source_text(text, stdin_filename or "-", context=ctx)
        else:
            result = lint_paths(paths, jobs=jobs, context=ctx)
    except (ConfigError, UsageError, RegistryError) as exc:
        _die(str(exc))
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001 - one line, no traceback, unless --debug
        if debug:
            raise
        _die(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")
    return result, ctx


@app.command()
def report(
    paths: List[str] = typer.Argument(..., help="Files or directories of stories."),
    output: Path = typer.Option(Path("newslint-report.html"), "--output", "-o", help="The HTML file to write."),
    dialect: Optional[str] = typer.Option(None, help="en-US or en-GB (default from config, else en-US)."),
    select: Optional[List[str]] = typer.Option(None, help="Only these rules or families (comma-separated)."),
    ignore: Optional[List[str]] = typer.Option(None, help="Skip these rules or families (comma-separated)."),
    config: Optional[Path] = typer.Option(None, "--config", help="Use this config file for every path."),
    jobs: Optional[int] = typer.Option(None, "--jobs", "-j", help="Worker processes (default: by file count)."),
) -> None:
    """Write one self-contained HTML page of the findings, for editors."""
    if dialect is not None and dialect not in DIALECTS:
        _die(f"unknown dialect {dialect!r} (choose from {', '.join(DIALECTS)})")
    if "-" in paths:
        _die("report reads files and folders, not standard input")
    overrides = Overrides(config=config, dialect=dialect, select=_split(select), ignore=_split(ignore) or [])
    result, ctx = _run(paths, overrides, None, jobs, False)
    from .formatters.report import render as render_report
    from .formatters.text import summary

    output.write_text(render_report(result, ctx.registry), encoding="utf-8")
    typer.echo(f"wrote {output}: {summary(result)}")
    _print_notices(result, False)


def _print_notices(result: RunResult, quiet: bool) -> None:
    for f in result.files:
        for d in f.fixed:
            typer.echo(f"fixed {f.path}:{d.line}:{d.column} {d.rule}: {d.message}", err=True)
    if quiet:
        return
    for n in result.notices:
        typer.echo(f"newslint: {n}", err=True)


def _registry():
    try:
        return default_registry()
    except RegistryError as exc:
        _die(str(exc))


@app.command()
def rules(all_ids: bool = typer.Option(False, "--all", help="Also list the grammar backends' sub-rules "
                                       "and the engine's own ids.")) -> None:
    """List every rule: id, category, default severity and summary."""
    reg = _registry()
    rows = []
    for rid in sorted(reg.rules):
        cls = reg.rules[rid]
        off = "" if cls.enabled_by_default else " (off by default)"
        rows.append((rid, cls.category.value, cls.default_severity.value, cls.summary + off))
        if all_ids:
            if cls.open_subrules:
                rows.append((f"{rid}/<RULE>", cls.category.value, "by kind", "any rule id of the backend"))
            for sub, text in reg.subrules(rid).items():
                rows.append((f"{rid}/{sub}", cls.category.value, "by kind", text))
    if all_ids:
        rows += [(e.id, e.category.value, e.severity.value, e.summary) for e in ENGINE_IDS.values()]
    width = max((len(r[0]) for r in rows), default=10)
    typer.echo(f"{'id':<{width}}  {'category':<12} {'severity':<8} summary")
    for rid, cat, sev, summary in rows:
        typer.echo(f"{rid:<{width}}  {cat:<12} {sev:<8} {summary}")
    for name, err in reg.failures:
        typer.echo(f"newslint: plugin {name} failed to load and was skipped: {err}", err=True)


def explain_text(rule_id: str) -> str | None:
    """The documentation of any id a run can emit, as plain text; None if unknown."""
    reg = default_registry()
    if rule_id in ENGINE_IDS:
        return ENGINE_IDS[rule_id].explain()
    cls = reg.rule_for(rule_id)
    if cls is None:
        return None
    if cls.id == rule_id:
        return cls.explain()
    sub = rule_id[len(cls.id) + 1:]
    text = reg.subrules(cls.id).get(sub)
    if text is None and not cls.open_subrules:
        return None
    about = text or "A rule of the backend; its message says what it found."
    return plain_text(f"{rule_id}  ({cls.category.value}, severity by the kind of finding)\n\n{about}\n\n"
                      f"Reported through {cls.id}:\n\n") + cls.explain()


@app.command()
def explain(rule_id: str = typer.Argument(..., help="A rule id, as newslint rules --all lists them.")) -> None:
    """Print a rule's documentation."""
    reg = _registry()
    text = explain_text(rule_id)
    if text is None:
        _die(reg.unknown_message(rule_id))
    typer.echo(text, nl=False)


@app.command()
def version() -> None:
    """Print newslint's version."""
    typer.echo(f"newslint {_version()}")


@app.command()
def init(path: Path = typer.Argument(Path("newslint.toml"), help="Where to write the starter config."),
         force: bool = typer.Option(False, "--force", help="Overwrite an existing file.")) -> None:
    """Write a commented starter configuration."""
    if path.exists() and not force:
        _die(f"{path} exists (use --force to overwrite)")
    path.write_text(STARTER, encoding="utf-8")
    typer.echo(f"wrote {path}")


for _name, _command in plugin_commands():
    app.command(name=_name)(_command)


def main() -> None:
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
