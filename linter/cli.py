"""The `newslint` command line (typer)."""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import List, Optional

import typer

from .cache import DEFAULT_DIR as DEFAULT_CACHE_DIR
from .config import DIALECTS, FAIL_ON, STARTER, ConfigError
from .context import Overrides, RunContext
from .discovery import UsageError
from .formatters import FORMATTERS
from .registry import ENGINE_IDS, RegistryError, default_registry, plugin_commands
from .rule import plain_text
from .runner import RunResult, fails, lint_paths, lint_stdin

app = typer.Typer(add_completion=False, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="newslint: a proofreading linter for news copy (text, Markdown, HTML).")

COLORS = ("auto", "always", "never")


# options several commands share (typer reads each default object afresh per command)
DIALECT_OPTION = typer.Option(None, help="en-US, en-GB, en-CA or en-AU (default from config, else en-US).")
SELECT_OPTION = typer.Option(None, help="Only these rules or families (comma-separated).")
IGNORE_OPTION = typer.Option(None, help="Skip these rules or families (comma-separated).")
CONFIG_OPTION = typer.Option(None, "--config", help="Use this config file for every path.")
JOBS_OPTION = typer.Option(None, "--jobs", "-j", help="Worker processes (default: by file count).")


def _die(message: str, code: int = 2) -> None:
    typer.echo(f"newslint: {message}", err=True)
    raise typer.Exit(code)


def _check_dialect(dialect: Optional[str]) -> None:
    if dialect is not None and dialect not in DIALECTS:
        _die(f"unknown dialect {dialect!r} (choose from {', '.join(DIALECTS)})")


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


FORMAT_HELP = ("Output format, NAME or NAME:PATH; repeat for several outputs in one run (at most one to "
               "standard output): " + ", ".join(FORMATTERS) + ".")


def _outputs(values: List[str]) -> list[tuple[str, Optional[Path]]]:
    out: list[tuple[str, Optional[Path]]] = []
    for v in values:
        name, _, path = v.partition(":")
        if name not in FORMATTERS:
            _die(f"unknown format {name!r} (choose from {', '.join(FORMATTERS)})")
        out.append((name, Path(path) if path else None))
    if sum(1 for _, p in out if p is None) > 1:
        _die("at most one --format may go to standard output; give the others a path (NAME:PATH)")
    return out


@app.command()
def check(
    paths: List[str] = typer.Argument(None, help="Files or directories; '-' reads standard input."),
    format: List[str] = typer.Option(["text"], "--format", "-f", help=FORMAT_HELP),
    dialect: Optional[str] = DIALECT_OPTION,
    select: Optional[List[str]] = SELECT_OPTION,
    ignore: Optional[List[str]] = IGNORE_OPTION,
    fail_on: Optional[str] = typer.Option(None, "--fail-on", help="error, warning (default), info or never."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even with findings (2 still means a failure)."),
    config: Optional[Path] = CONFIG_OPTION,
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename",
                                                 help="Name (and so format) of the text read from '-'."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", metavar="REF",
                                                help="Only stories changed since the merge-base with REF (git)."),
    only_changed_lines: bool = typer.Option(False, "--only-changed-lines",
                                            help="With --changed-since: only findings on changed lines."),
    untracked: bool = typer.Option(False, "--untracked", help="With --changed-since: untracked stories too."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", help="Report only findings not in this baseline "
                                            "(see newslint baseline)."),
    statistics: bool = typer.Option(False, "--statistics", help="Counts by rule and readability (text and json)."),
    color: str = typer.Option("auto", "--color", help="Colour the text output: auto, always or never."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no notices."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes in place and report what changed ('-': print "
                             "the fixed text)."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, unsafe fixes too."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff; change nothing."),
    force_exclude: bool = typer.Option(True, "--force-exclude/--no-force-exclude",
                                       help="Apply the configured exclude to files named on the command line."),
    cache: bool = typer.Option(True, "--cache/--no-cache", envvar="NEWSLINT_CACHE",
                               help="Reuse the results of unchanged files."),
    cache_dir: Path = typer.Option(Path(DEFAULT_CACHE_DIR), "--cache-dir", help="Where results are cached."),
    jobs: Optional[int] = JOBS_OPTION,
    dask: Optional[str] = typer.Option(None, "--dask", metavar="local|tcp://HOST:PORT",
                                       help="Check on a Dask cluster (pip install \"newslint[dask]\")."),
    debug: bool = typer.Option(False, "--debug", help="Show tracebacks for internal errors."),
) -> None:
    """Check stories and report problems."""
    outputs = _outputs(format)
    _check_dialect(dialect)
    if fail_on is not None and fail_on not in FAIL_ON:
        _die(f"--fail-on must be one of {', '.join(FAIL_ON)}")
    if color not in COLORS:
        _die(f"--color must be one of {', '.join(COLORS)}")
    if only_changed_lines and not changed_since:
        _die("--only-changed-lines needs --changed-since REF")
    if not paths:
        _die("no paths given (use '-' for standard input)")
    changes = None
    if changed_since:
        if "-" in paths:
            _die("--changed-since reads git, not standard input")
        changes = _changed(paths, changed_since, untracked)
        paths = changes.files
    overrides = Overrides(config=config, dialect=dialect, select=_split(select), ignore=_split(ignore) or [],
                          fix=fix and not diff, unsafe_fixes=unsafe_fixes, force_exclude=force_exclude, debug=debug,
                          cache_dir=cache_dir if cache and "-" not in paths else None)
    if dask and ("-" in paths or fix or diff):
        _die("--dask checks files and folders; it does not read standard input or apply fixes")
    result, ctx = _run(paths, overrides, stdin_filename, jobs, debug, dask)
    if changes is not None and only_changed_lines:
        from .gitchanges import only_changed_lines as keep_changed

        keep_changed(result.files, changes, frozenset(r for r, c in ctx.registry.rules.items() if c.story_level))
    if baseline is not None:
        from .baseline import BaselineError, compare

        try:
            cmp = compare(result.files, baseline)
        except BaselineError as exc:
            _die(str(exc))
        result.notices.append(f"baseline {baseline}: {cmp.matched} finding(s) matched, {len(cmp.new)} new, "
                              f"{cmp.gone} baseline entr{'y' if cmp.gone == 1 else 'ies'} gone")
    if diff:
        _print_diff(result, unsafe_fixes)
        _print_notices(result, quiet)
        raise typer.Exit(1 if any(f.source is not None and _fixed_text(f, unsafe_fixes) != f.source
                                  for f in result.files) else 0)
    if fix and paths == ["-"]:
        f = result.files[0]
        sys.stdout.write(_fixed_text(f, unsafe_fixes) if f.source is not None else "")
        _print_notices(result, quiet)
        raise typer.Exit(0)
    _write_outputs(result, ctx, outputs, color, statistics)
    _print_notices(result, quiet)
    if ctx.registry.failures:  # the other rules' findings are out; a gate must not pass
        raise typer.Exit(2)
    failing = fails(result.diagnostics, fail_on or result.fail_on)
    raise typer.Exit(1 if failing and not exit_zero else 0)


def _changed(paths: List[str], ref: str, untracked: bool):
    from .gitchanges import changed_since
    from .markup import SUPPORTED_EXTENSIONS

    try:
        changes = changed_since(ref, paths[0] if os.path.isdir(paths[0]) else os.path.dirname(paths[0]) or ".",
                                untracked)
    except UsageError as exc:
        _die(str(exc))
    roots = [os.path.abspath(p) for p in paths]
    changes.files = [f for f in changes.files if f.lower().endswith(SUPPORTED_EXTENSIONS)
                     and any(f == r or f.startswith(r.rstrip(os.sep) + os.sep) for r in roots)]
    if not changes.files:
        typer.echo(f"newslint: no story changed since {ref}", err=True)
        raise typer.Exit(0)
    return changes


def _fixed_text(f, unsafe: bool) -> str:
    from .fixes import apply_edits, choose_edits

    return apply_edits(f.source, [e for e, _ in choose_edits(f.diagnostics, unsafe)])


def _print_diff(result: RunResult, unsafe: bool) -> None:
    import difflib

    for f in result.files:
        if f.source is None:
            continue
        fixed = _fixed_text(f, unsafe)
        if fixed != f.source:
            sys.stdout.writelines(difflib.unified_diff(f.source.splitlines(keepends=True), fixed.splitlines(keepends=True),
                                                       f"a/{f.path}", f"b/{f.path}"))


def _write_outputs(result: RunResult, ctx: RunContext, outputs, color: str, statistics: bool) -> None:
    from .formatters import WITH_STATISTICS
    from .formatters.text import statistics as stats_text

    for name, path in outputs:
        painted = path is None and name in ("text", "concise") and use_color(color, sys.stdout)
        if name == "json":
            out = FORMATTERS[name](result, ctx.registry, painted, statistics=statistics)
        else:
            out = FORMATTERS[name](result, ctx.registry, painted)
        if statistics and name == "text":
            out += stats_text(result)
        if path is None:
            sys.stdout.write(out)
        else:
            try:
                path.write_text(out, encoding="utf-8")
            except OSError as exc:
                _die(f"cannot write {path} ({exc.strerror or exc})")
    if statistics and not any(n in WITH_STATISTICS for n, _ in outputs):
        result.notices.append("--statistics is shown with --format text or json")


def _run_files(command: str, paths: List[str], dialect: Optional[str], select: Optional[List[str]],
               ignore: Optional[List[str]], config: Optional[Path], jobs: Optional[int]) -> tuple[RunResult, RunContext]:
    """A run of a command that reads files and folders (baseline, report)."""
    _check_dialect(dialect)
    if "-" in paths:
        _die(f"{command} reads files and folders, not standard input")
    overrides = Overrides(config=config, dialect=dialect, select=_split(select), ignore=_split(ignore) or [])
    return _run(paths, overrides, None, jobs, False)


@app.command(name="baseline")
def baseline_cmd(
    paths: List[str] = typer.Argument(..., help="Files or directories of stories."),
    output: Path = typer.Option(Path(".newslint-baseline.json"), "--output", "-o", help="The baseline file to write."),
    dialect: Optional[str] = DIALECT_OPTION,
    select: Optional[List[str]] = SELECT_OPTION,
    ignore: Optional[List[str]] = IGNORE_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    jobs: Optional[int] = JOBS_OPTION,
) -> None:
    """Record today's findings, so that check --baseline reports only new ones."""
    result, _ = _run_files("baseline", paths, dialect, select, ignore, config, jobs)
    from .baseline import write

    n = write(output, result.files)
    typer.echo(f"wrote {output}: {n} finding(s) from {len(result.files)} file(s)")
    _print_notices(result, False)


def _progress_bar():
    """A progress line on stderr for long runs, only when stderr is a terminal."""
    if not sys.stderr.isatty():
        return None

    def show(done: int, total: int) -> None:
        if total < 20:
            return
        width = 30
        filled = width * done // total
        sys.stderr.write(f"\r[{'#' * filled}{'.' * (width - filled)}] {done}/{total} stories")
        if done == total:
            sys.stderr.write("\r" + " " * (width + 30) + "\r")
        sys.stderr.flush()

    return show


def _run(paths: List[str], overrides: Overrides, stdin_filename: Optional[str], jobs: Optional[int],
         debug: bool, dask: Optional[str] = None) -> tuple[RunResult, RunContext]:
    """One run, with every failure turned into one line on stderr and exit code 2."""
    try:
        ctx = RunContext(overrides)
        if "-" in paths:
            if len(paths) > 1:
                _die("'-' (standard input) cannot be mixed with other paths")
            from .limits import MAX_FILE_BYTES

            overrides.fmt = None if stdin_filename else "plain"
            result = lint_stdin(sys.stdin.buffer.read(MAX_FILE_BYTES + 1), stdin_filename or "-", ctx)
        elif dask:
            from .dask_run import connect, lint_paths_dask

            try:
                client = connect(dask)
            except (RuntimeError, OSError) as exc:
                _die(f"--dask {dask}: {exc}")
            with client:
                result = lint_paths_dask(paths, client, context=ctx, progress=_progress_bar())
        else:
            result = lint_paths(paths, jobs=jobs, context=ctx, progress=_progress_bar())
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
    dialect: Optional[str] = DIALECT_OPTION,
    select: Optional[List[str]] = SELECT_OPTION,
    ignore: Optional[List[str]] = IGNORE_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    jobs: Optional[int] = JOBS_OPTION,
) -> None:
    """Write one self-contained HTML page of the findings, for editors."""
    result, ctx = _run_files("report", paths, dialect, select, ignore, config, jobs)
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
def server() -> None:
    """Run the language server (LSP over standard input and output) for editors."""
    from .server import serve

    serve()


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
    finally:
        # The process exits next: spare it the final garbage collection over every object
        # the rules loaded (a tenth of a second of a one-story run; benchmarks/startup.py).
        # Objects are still released and exit handlers still run.
        gc.freeze()
