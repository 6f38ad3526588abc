"""The `newslint` command line (typer)."""
from __future__ import annotations

import gc
import os
import sys
from pathlib import Path
from typing import Callable, List, NoReturn, Optional, TypeVar

import typer

from . import stdio
from .config import DIALECTS, FAIL_ON, ConfigError
from .context import Overrides, RunContext
from .discovery import UsageError
from .escape import printable
from .formatters import FORMATTERS
from .registry import RegistryError, default_registry, plugin_commands
from .results import RunResult
from .runner import fails, lint_paths
from .safeio import OutputError, write_output

T = TypeVar("T")

# plain help (no boxes): readable at 80 columns, and the same in a terminal, a log or a pipe
app = typer.Typer(add_completion=False, rich_markup_mode=None, no_args_is_help=True, pretty_exceptions_enable=False,
                  help="newslint: a proofreading linter for news copy (text, Markdown, HTML).")

COLORS = ("auto", "always", "never")


# options several commands share (typer reads each default object afresh per command)
DIALECT_OPTION = typer.Option(None, metavar="DIALECT",
                              help="en-US, en-GB, en-CA or en-AU (default from config, else en-US).")
SELECT_OPTION = typer.Option(None, metavar="RULES", help="Only these rules or families (comma-separated).")
EXTEND_SELECT_OPTION = typer.Option(None, "--extend-select", metavar="RULES",
                                    help="These rules or families as well as the selected ones (comma-separated).")
IGNORE_OPTION = typer.Option(None, metavar="RULES", help="Skip these rules or families (comma-separated).")
CONFIG_OPTION = typer.Option(None, "--config", metavar="FILE", help="Use this config file for every path.")
TRUST_OPTION = typer.Option(False, "--trust-config", envvar="NEWSLINT_TRUST_CONFIG",
                            help="Let the repository's configuration start LanguageTool, send copy to its URL "
                            "or load a model (otherwise only your own configuration may).")
JOBS_OPTION = typer.Option(None, "--jobs", "-j", min=1, metavar="N",
                           help="Worker processes (default: by file count).")


def _die(message: str, code: int = 2) -> NoReturn:
    typer.echo(f"newslint: {printable(message)}", err=True)
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
    paths: List[str] = typer.Argument(None, metavar="PATH", help="Files or directories; '-' reads standard input."),
    format: List[str] = typer.Option(["text"], "--format", "-f", metavar="NAME[:PATH]", help=FORMAT_HELP),
    dialect: Optional[str] = DIALECT_OPTION,
    select: Optional[List[str]] = SELECT_OPTION,
    extend_select: Optional[List[str]] = EXTEND_SELECT_OPTION,
    ignore: Optional[List[str]] = IGNORE_OPTION,
    fail_on: Optional[str] = typer.Option(None, "--fail-on", metavar="LEVEL",
                                          help="error, warning, info or never (default: each file's configuration, "
                                          "else warning)."),
    exit_zero: bool = typer.Option(False, "--exit-zero", help="Exit 0 even with findings (2 still means a failure)."),
    config: Optional[Path] = CONFIG_OPTION,
    trust_config: bool = TRUST_OPTION,
    stdin_filename: Optional[str] = typer.Option(None, "--stdin-filename", metavar="NAME",
                                                 help="Name (and so format) of the text read from '-'."),
    changed_since: Optional[str] = typer.Option(None, "--changed-since", metavar="REF",
                                                help="Only stories changed since the merge-base with REF (git)."),
    only_changed_lines: bool = typer.Option(False, "--only-changed-lines",
                                            help="With --changed-since: only findings on changed lines."),
    untracked: bool = typer.Option(False, "--untracked", help="With --changed-since: untracked stories too."),
    baseline: Optional[Path] = typer.Option(None, "--baseline", metavar="FILE",
                                            help="Report only findings not in this baseline (see newslint baseline)."),
    statistics: bool = typer.Option(False, "--statistics", help="Counts by rule and readability (text and json)."),
    color: str = typer.Option("auto", "--color", metavar="WHEN", help="Colour the text output: auto, always or never."),
    quiet: bool = typer.Option(False, "--quiet", "-q", help="Print findings only, no notices."),
    fix: bool = typer.Option(False, "--fix", help="Apply safe fixes in place and report what changed ('-': print "
                             "the fixed text)."),
    unsafe_fixes: bool = typer.Option(False, "--unsafe-fixes", help="With --fix or --diff, unsafe fixes too."),
    diff: bool = typer.Option(False, "--diff", help="Print the fixes as a unified diff; change nothing."),
    force_exclude: bool = typer.Option(True, "--force-exclude/--no-force-exclude",
                                       help="Apply the configured exclude to files named on the command line."),
    follow_links: bool = typer.Option(False, "--follow-links",
                                      help="Read stories that are links to files outside the checked tree."),
    cache: bool = typer.Option(True, "--cache/--no-cache", envvar="NEWSLINT_CACHE",
                               help="Reuse the results of unchanged files."),
    cache_dir: Optional[Path] = typer.Option(None, "--cache-dir", metavar="DIR", envvar="NEWSLINT_CACHE_DIR",
                                             help="Where results are cached (default: the repository's folder in "
                                             "~/.cache/newslint/results)."),
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
    for flag, given in (("--only-changed-lines", only_changed_lines), ("--untracked", untracked)):
        if given and not changed_since:
            _die(f"{flag} needs --changed-since REF")
    if dask is not None and dask != "local" and "://" not in dask:
        _die(f"--dask takes 'local' or a scheduler address such as tcp://HOST:8786, not {dask!r}")
    if not paths:
        _die("no paths given (use '-' for standard input)")
    changes = None
    if changed_since:
        if "-" in paths:
            _die("--changed-since reads git, not standard input")
        changes = _changed(paths, changed_since, untracked)
        paths = changes.files
    overrides = _overrides(dialect, select, extend_select, ignore, config, trust_config, fix=fix and not diff, diff=diff,
                           unsafe_fixes=unsafe_fixes, force_exclude=force_exclude, follow_links=follow_links,
                           debug=debug, cache_dir=_cache_dir(cache_dir, quiet) if cache and "-" not in paths else None)
    if dask and ("-" in paths or fix or diff):
        _die("--dask checks files and folders; it does not read standard input or apply fixes")
    if "-" in paths:
        result, ctx, fixed_input = _run_stdin(paths, overrides, stdin_filename, debug)
    else:
        (result, ctx), fixed_input = _run(paths, overrides, jobs, debug, dask), b""
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
        patches = [f.patch for f in result.files if f.patch]
        _emit_patches(patches)
        _print_notices(result, quiet)
        raise typer.Exit(1 if patches else 0)
    if fix and paths == ["-"]:
        _emit_bytes(fixed_input)
        _print_fixed(result)
        _print_notices(result, quiet)
        raise typer.Exit(0)
    _print_fixed(result)  # before the outputs: a summary comes last
    failed_outputs = _write_outputs(result, ctx, outputs, color, statistics)
    _print_notices(result, quiet)
    for message in failed_outputs:
        typer.echo(f"newslint: {message}", err=True)
    # a plugin that failed to load, a file named to be checked that could not be read, an
    # output that could not be written: the other findings are out, but a gate must not pass
    named = {os.path.normpath(p) for p in paths}
    if (ctx.registry.failures or failed_outputs
            or any(f.skipped and os.path.normpath(f.path) in named for f in result.files)):
        raise typer.Exit(2)
    failing = fails(result, ctx, fail_on)
    raise typer.Exit(1 if failing and not exit_zero else 0)


def _changed(paths: List[str], ref: str, untracked: bool):
    """The stories under `paths` changed since `ref`, each named as the path it was found
    under was given (relative stays relative)."""
    from .gitchanges import changed_since, git_path
    from .markup import SUPPORTED_EXTENSIONS

    for p in paths:
        if not os.path.lexists(p):
            _die(f"{p}: no such file or directory")
    try:
        changes = changed_since(ref, paths[0] if os.path.isdir(paths[0]) else os.path.dirname(paths[0]) or ".",
                                untracked)
    except UsageError as exc:
        _die(str(exc))
    named: dict[str, str] = {}
    for p in paths:
        root = git_path(p)
        for f in changes.files:
            if f not in named and f.lower().endswith(SUPPORTED_EXTENSIONS) and (
                    f == root or f.startswith(root.rstrip(os.sep) + os.sep)):
                named[f] = os.path.normpath(os.path.join(p, os.path.relpath(f, root)))
    changes.files = [named[f] for f in changes.files if f in named]
    if not changes.files:
        typer.echo(f"newslint: no story changed since {ref}", err=True)
        raise typer.Exit(0)
    return changes


def _cache_dir(given: Optional[Path], quiet: bool) -> Optional[Path]:
    from .cache import default_dir, refusal

    if given is None:
        return default_dir()
    why = refusal(given)
    if why and not quiet:
        typer.echo(f"newslint: {why}", err=True)
    return None if why else given



def _emit(text: str) -> None:
    """Output on standard output; a character its encoding cannot carry is escaped."""
    try:
        sys.stdout.write(text)
    except UnicodeEncodeError:
        enc = sys.stdout.encoding or "utf-8"
        sys.stdout.write(text.encode(enc, "backslashreplace").decode(enc))


def _emit_bytes(data: bytes) -> None:
    """Bytes on standard output as they are (a fixed story, a patch)."""
    sys.stdout.flush()
    sys.stdout.buffer.write(data)
    sys.stdout.buffer.flush()


def _emit_patches(patches: list[bytes]) -> None:
    """--diff: the patches byte for byte (they must apply); on a terminal, with control
    characters made visible."""
    for patch in patches:
        if sys.stdout.isatty():
            _emit("".join(printable(line) + "\n" for line in patch.decode("utf-8", "replace").split("\n")[:-1]))
        else:
            _emit_bytes(patch)


def _write_outputs(result: RunResult, ctx: RunContext, outputs, color: str, statistics: bool) -> list[str]:
    """Each output to standard output or its file; the messages of the files that could not
    be written (the others are written all the same)."""
    failed = []
    for name, path in outputs:
        fmt = FORMATTERS[name]
        out = fmt(result, ctx.registry, path is None and fmt.color and use_color(color, sys.stdout), statistics)
        if path is None:
            _emit(out)
            continue
        try:
            write_output(path, out)
        except OutputError as exc:
            failed.append(str(exc))
    if statistics and not any(FORMATTERS[name].statistics for name, _ in outputs):
        shown = [n for n in FORMATTERS if FORMATTERS[n].statistics]
        result.notices.append(f"--statistics is shown with --format {' or '.join(shown)}")
    return failed


def _overrides(dialect: Optional[str], select: Optional[List[str]], extend_select: Optional[List[str]],
               ignore: Optional[List[str]], config: Optional[Path], trust_config: bool, **more) -> Overrides:
    """The settings the commands that run rules share, from their options."""
    _check_dialect(dialect)
    return Overrides(config=config, dialect=dialect, select=_split(select), extend_select=_split(extend_select) or [],
                     ignore=_split(ignore) or [], trust_config=trust_config, **more)


def _run_files(command: str, paths: List[str], overrides: Overrides,
               jobs: Optional[int]) -> tuple[RunResult, RunContext]:
    """A run of a command that reads files and folders (baseline, report)."""
    if "-" in paths:
        _die(f"{command} reads files and folders, not standard input")
    overrides.keep_source = command == "report"
    return _run(paths, overrides, jobs, False)


@app.command(name="baseline")
def baseline_cmd(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Files or directories of stories."),
    output: Path = typer.Option(Path(".newslint-baseline.json"), "--output", "-o", metavar="FILE",
                                help="The baseline file to write."),
    dialect: Optional[str] = DIALECT_OPTION,
    select: Optional[List[str]] = SELECT_OPTION,
    extend_select: Optional[List[str]] = EXTEND_SELECT_OPTION,
    ignore: Optional[List[str]] = IGNORE_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    trust_config: bool = TRUST_OPTION,
    jobs: Optional[int] = JOBS_OPTION,
) -> None:
    """Record today's findings, so that check --baseline reports only new ones."""
    result, _ = _run_files("baseline", paths,
                           _overrides(dialect, select, extend_select, ignore, config, trust_config), jobs)
    from .baseline import write

    try:
        n = write(output, result.files)
    except OutputError as exc:
        _die(str(exc))
    typer.echo(f"wrote {printable(str(output))}: {n} finding(s) from {len(result.files)} file(s)")
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


def _guarded(run: Callable[[], T], debug: bool) -> T:
    """`run()`, with every failure turned into one line on stderr and exit code 2."""
    try:
        with stdio.diverted():
            return run()
    except (ConfigError, UsageError, RegistryError) as exc:
        _die(str(exc))
    except typer.Exit:
        raise
    except Exception as exc:  # noqa: BLE001 - one line, no traceback, unless --debug
        if debug:
            raise
        _die(f"internal error: {type(exc).__name__}: {exc} (run with --debug for details)")


def _run(paths: List[str], overrides: Overrides, jobs: Optional[int], debug: bool,
         dask: Optional[str] = None) -> tuple[RunResult, RunContext]:
    """One run over files and folders."""
    def run() -> tuple[RunResult, RunContext]:
        ctx = RunContext(overrides)
        if not dask:
            return lint_paths(paths, jobs=jobs, context=ctx, progress=_progress_bar()), ctx
        from .dask_run import connect, lint_paths_dask

        try:
            client = connect(dask)
        except (RuntimeError, OSError, ValueError) as exc:
            _die(f"--dask {dask}: {exc}")
        with client:
            return lint_paths_dask(paths, client, context=ctx, progress=_progress_bar()), ctx

    return _guarded(run, debug)


def _run_stdin(paths: List[str], overrides: Overrides, stdin_filename: Optional[str],
               debug: bool) -> tuple[RunResult, RunContext, bytes]:
    """One run over standard input, and the bytes --fix prints."""
    from .runner import lint_stdin
    from .safeio import NotRewritten
    from .textio import BinaryFile

    if len(paths) > 1:
        _die("'-' (standard input) cannot be mixed with other paths")
    overrides.fmt = None if stdin_filename else "plain"
    name = stdin_filename or "-"
    data = sys.stdin.buffer.read()

    def run() -> tuple[RunResult | None, RunContext, bytes | str]:
        ctx = RunContext(overrides)
        try:
            result, out = lint_stdin(data, name, ctx)
        except BinaryFile as exc:
            _die(f"standard input: not checked, {exc}")
        except NotRewritten as exc:
            return None, ctx, str(exc)
        return result, ctx, out

    result, ctx, out = _guarded(run, debug)
    if result is None or isinstance(out, str):  # outside the guard: standard output is newslint's again
        if overrides.fix:
            _emit_bytes(data)  # a filter loses nothing: the text comes back unchanged
        _die(f"{name}: fixes not applied, {out}")
    return result, ctx, out


@app.command()
def report(
    paths: List[str] = typer.Argument(..., metavar="PATH", help="Files or directories of stories."),
    output: Path = typer.Option(Path("newslint-report.html"), "--output", "-o", metavar="FILE",
                                help="The HTML file to write."),
    dialect: Optional[str] = DIALECT_OPTION,
    select: Optional[List[str]] = SELECT_OPTION,
    extend_select: Optional[List[str]] = EXTEND_SELECT_OPTION,
    ignore: Optional[List[str]] = IGNORE_OPTION,
    config: Optional[Path] = CONFIG_OPTION,
    trust_config: bool = TRUST_OPTION,
    jobs: Optional[int] = JOBS_OPTION,
) -> None:
    """Write one self-contained HTML page of the findings, for editors."""
    result, ctx = _run_files("report", paths,
                             _overrides(dialect, select, extend_select, ignore, config, trust_config), jobs)
    from datetime import datetime

    from .formatters.report import RunInfo, render as render_report
    from .formatters.text import summary
    from .gitchanges import head_commit

    run = RunInfo(datetime.now().astimezone().strftime("%Y-%m-%d %H:%M %Z").strip(), head_commit(paths[0]))
    page = render_report(result, ctx.registry, markup=lambda path: ctx.config_for(path).markup_options(), run=run)
    try:
        write_output(output, page)
    except OutputError as exc:
        _die(str(exc))
    typer.echo(f"wrote {printable(str(output))}: {summary(result)}")
    _print_notices(result, False)


def _print_fixed(result: RunResult) -> None:
    for f in result.files:
        for d in f.fixed:
            typer.echo(f"fixed {printable(f.path)}:{d.line}:{d.column} {d.rule}: {printable(d.message)}", err=True)


def _print_notices(result: RunResult, quiet: bool) -> None:
    if quiet:
        return
    for n in result.notices:
        typer.echo(f"newslint: {printable(n)}", err=True)


def _registry():
    try:
        return default_registry()
    except RegistryError as exc:
        _die(str(exc))


@app.command()
def rules(all_ids: bool = typer.Option(False, "--all", help="Also list the grammar backends' sub-rules "
                                       "and the engine's own ids."),
          fmt: str = typer.Option("text", "--format", help="text, or markdown (the README's rules table).")) -> None:
    """List every rule: id, category, default severity, its measured precision and summary."""
    if fmt not in ("text", "markdown"):
        _die(f"unknown format {fmt!r} for rules (text or markdown)")
    reg = _registry()
    rows = reg.catalogue(all_ids)
    from .precision import describe

    if fmt == "markdown":
        typer.echo("| id | category | severity | measured | what it reports |\n|---|---|---|---|---|")
        for rid, cat, sev, summary in rows:
            typer.echo(f"| `{rid}` | {cat} | {sev} | {describe(rid, sev)} | {summary.replace('|', '/')} |")
    else:
        width = max((len(r[0]) for r in rows), default=10)
        typer.echo("measured: the share of findings at that severity a copy editor judged right on published "
                   "copy, of how many judged (rules/data/precision.toml)\n")
        typer.echo(f"{'id':<{width}}  {'category':<12} {'severity':<8} {'measured':<12} summary")
        for rid, cat, sev, summary in rows:
            typer.echo(f"{rid:<{width}}  {cat:<12} {sev:<8} {describe(rid, sev):<12} {summary}")
    for name, err in reg.failures:
        typer.echo(f"newslint: plugin {name} failed to load and was skipped: {err}", err=True)


@app.command()
def explain(rule_id: str = typer.Argument(..., metavar="RULE",
                                          help="A rule id, as newslint rules --all lists them.")) -> None:
    """Print a rule's documentation."""
    reg = _registry()
    text = reg.explain(rule_id)
    family = [rid for rid in sorted(reg.rules) if rid.startswith(rule_id.rstrip("/") + "/")]
    if text is None and family:
        width = max(len(rid) for rid in family)
        text = f"{rule_id} is a family of rules; explain one of them:\n\n" + "".join(
            f"  {rid:<{width}}  {reg.rules[rid].summary}\n" for rid in family)
    if text is None:
        _die(reg.unknown_message(rule_id))
    typer.echo(text, nl=False)


@app.command()
def server() -> None:
    """Run the language server (LSP over standard input and output) for editors."""
    from .server import serve

    serve()


@app.command()
def serve(
    repo: Optional[Path] = typer.Argument(None, metavar="REPO", help="The content repository whose configuration "
                                          "applies and whose dictionary the page adds words to (default: the "
                                          "current folder's configuration; no words added)."),
    host: str = typer.Option("127.0.0.1", "--host", metavar="HOST", help="The address to listen on."),
    port: int = typer.Option(8081, "--port", metavar="N", help="The port (LanguageTool's is 8081; 0: any free one)."),
    config: Optional[Path] = CONFIG_OPTION,
    trust_config: bool = TRUST_OPTION,
    token: Optional[str] = typer.Option(None, "--token", metavar="TOKEN", envvar="NEWSLINT_SERVE_TOKEN",
                                        help="Access token clients must send (Authorization: Bearer TOKEN, or "
                                        "LanguageTool's apiKey); needed to listen on another address than loopback."),
    max_chars: int = typer.Option(100_000, "--max-chars", min=1, metavar="N", help="Longest text one check takes."),
    max_checks: int = typer.Option(4, "--max-checks", min=1, metavar="N",
                                   help="Checks admitted at once (one runs, the others wait); more are answered 503."),
    timeout: float = typer.Option(30.0, "--timeout", min=0.01, metavar="SECONDS",
                                  help="A check that takes longer is answered 503."),
) -> None:
    """Serve LanguageTool's HTTP API (/v2/check, /v2/languages) and a page at / for checking
    a story in a browser."""
    from .serve import Limits, is_loopback, serve as run_server

    if repo is not None and not repo.is_dir():
        _die(f"{repo}: not a folder (give the content repository's folder)")
    if not 0 <= port <= 65535:
        _die("--port must be between 0 and 65535")
    if not is_loopback(host) and not token:
        _die(f"--host {host} lets other machines reach the server: give it an access token with --token "
             "or NEWSLINT_SERVE_TOKEN")
    root = Path(os.path.abspath(repo if repo is not None else "."))
    limits = Limits(max_chars=max_chars, max_body=max(1 << 20, 12 * max_chars), max_checks=max_checks,
                    timeout=timeout)

    def announce(message: str) -> None:
        typer.echo(f"newslint serve: {printable(message)}", err=True)

    def run() -> None:
        try:
            run_server(host, port, root, _overrides(None, None, None, None, config, trust_config), limits,
                       token or None, repo is not None, announce)
        except OSError as exc:
            _die(f"cannot listen on {host}:{port} ({exc.strerror or exc})")

    _guarded(run, False)


@app.command()
def version() -> None:
    """Print newslint's version."""
    typer.echo(f"newslint {_version()}")


@app.command()
def init(path: Path = typer.Argument(Path("newslint.toml"), metavar="FILE",
                                     help="Where to write the starter config."),
         force: bool = typer.Option(False, "--force", help="Overwrite an existing file.")) -> None:
    """Write a commented starter configuration."""
    from .config_doc import starter

    if os.path.lexists(path) and not force:
        _die(f"{path} exists (use --force to overwrite)")
    try:
        write_output(path, starter(_registry()), exclusive=not force)
    except OutputError as exc:
        _die(str(exc))
    typer.echo(f"wrote {printable(str(path))}")


@app.command(name="config")
def config_cmd(format: str = typer.Option("toml", "--format", "-f", metavar="FORMAT",
                                          help="toml (the starter file newslint init writes) or markdown (a "
                                          "table of every key).")) -> None:
    """Describe every configuration key: its default, how a sub-folder's file inherits it."""
    from .config_doc import markdown, starter

    if format not in ("toml", "markdown"):
        _die("--format must be toml or markdown")
    typer.echo((starter if format == "toml" else markdown)(_registry()), nl=False)


for _name, _command in plugin_commands():
    app.command(name=_name)(_command)


def main() -> None:
    stdio.guard()  # before anything loads: only newslint's output reaches stdout
    try:
        app()
    except KeyboardInterrupt:  # pragma: no cover
        sys.exit(130)
    finally:
        # The process exits next: spare it the final garbage collection over every object
        # the rules loaded (a tenth of a second of a one-story run; benchmarks/startup.py).
        # Objects are still released and exit handlers still run.
        gc.freeze()
