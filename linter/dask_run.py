"""Archive audits on a Dask cluster (``pip install "newslint[dask]"``).

The client finds the files and checks the configuration exactly as a local run does, then
sends them to the cluster in batches; each worker builds its engine once (the first batch it
gets) and keeps it. Results come back as batches finish (with progress) and are put back in
file order, so the output is the same as a local run's, byte for byte. A worker that dies
mid-run loses nothing: the scheduler runs its batches again elsewhere, and a batch that
raised is retried.

A data team can also map over a ``dask.bag`` of ``(path, text)`` records (an archive read
from Parquet or object storage) with ``lint_bag``.
"""
from __future__ import annotations

import os
from typing import Any, Callable, Iterable

from .context import Overrides, RunContext
from .diagnostic import Diagnostic
from .runner import FileResult, RunResult, _result, files_to_check, lint_file, lint_source_text

BATCH = 8
# per worker process: one run context per set of overrides (an Overrides is mutable, hence the
# repr as key); run state, not a loaded resource (newslint.resource.Resource)
_ENGINES: dict[str, RunContext] = {}


def _worker_context(overrides: Overrides) -> RunContext:
    key = repr(overrides)
    ctx = _ENGINES.get(key)
    if ctx is None:
        ctx = _ENGINES[key] = RunContext(overrides)
    return ctx


def check_batch(paths: list[str], overrides: Overrides) -> list[FileResult]:
    """A batch of files on a worker."""
    ctx = _worker_context(overrides)
    return [lint_file(p, ctx) for p in paths]


def check_records(records: Iterable[tuple[str, str]], overrides: Overrides | None = None) -> list[dict[str, Any]]:
    """Findings for (path, text) records, as plain dicts (for a dask.bag or a dataframe)."""
    ctx = _worker_context(overrides or Overrides())
    out = []
    for path, text in records:
        res = lint_source_text(text, path, context=ctx)
        out.extend(_as_dict(d) for d in res.diagnostics)
    return out


def _as_dict(d: Diagnostic) -> dict[str, Any]:
    return {"path": d.path, "line": d.line, "column": d.column, "end_line": d.end_line, "end_column": d.end_column,
            "rule": d.rule, "category": d.category.value, "severity": d.severity.value, "message": d.message,
            "suggestions": list(d.suggestions)}


def lint_bag(bag, overrides: Overrides | None = None):
    """A dask.bag of (path, text) records -> a dask.bag of finding dicts."""
    return bag.map_partitions(check_records, overrides or Overrides())


def connect(address: str):
    """A distributed Client: "local" starts a LocalCluster on this machine (one single-threaded
    worker process per core); anything else is a scheduler address (tcp://host:8786)."""
    try:
        from distributed import Client, LocalCluster
    except ImportError:
        raise RuntimeError('--dask needs Dask: pip install "newslint[dask]"') from None
    if address == "local":
        cores = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
        cluster = LocalCluster(n_workers=cores, threads_per_worker=1, processes=True, dashboard_address=None)
        return Client(cluster)
    return Client(address)


def lint_paths_dask(paths: list[str], client, context: RunContext | None = None, batch: int = BATCH,
                    progress: Callable[[int, int], None] | None = None, **kwargs: Any) -> RunResult:
    """``lint_paths`` on a cluster: same files, same order, same results."""
    from distributed import as_completed

    ctx = context or RunContext(Overrides(**kwargs))
    files, skipped = files_to_check(paths, ctx)
    for n in skipped:
        ctx.notice(n)
    batches = [files[i:i + batch] for i in range(0, len(files), batch)]
    futures = client.map(check_batch, batches, overrides=ctx.overrides, pure=False, retries=3)
    index = {f.key: i for i, f in enumerate(futures)}
    done: list[list[FileResult] | None] = [None] * len(batches)
    finished = 0
    for fut in as_completed(futures):
        done[index[fut.key]] = fut.result()
        finished += len(batches[index[fut.key]])
        if progress is not None:
            progress(finished, len(files))
    results = [r for group in done for r in (group or [])]
    return _result(results, ctx)
