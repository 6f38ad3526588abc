"""Archive audits on a real Dask cluster (a distributed.LocalCluster with 2 worker
processes): the same findings as a local run, even when a worker dies mid-run."""
from __future__ import annotations

import json
import os
import threading

import pytest

distributed = pytest.importorskip("distributed")

from newslint.context import Overrides, RunContext  # noqa: E402
from newslint.dask_run import lint_bag, lint_paths_dask  # noqa: E402
from newslint.formatters import FORMATTERS  # noqa: E402
from newslint.runner import lint_paths  # noqa: E402

SELECT = ["spelling/unknown-word", "grammar/repeated-word", "punctuation/apostrophe"]


@pytest.fixture(scope="module")
def client():
    cluster = distributed.LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None)
    c = distributed.Client(cluster)
    yield c
    c.close()
    cluster.close()


@pytest.fixture(scope="module")
def archive(tmp_path_factory):
    root = tmp_path_factory.mktemp("archive")
    for i in range(48):
        slip = ["the the", "goverment", "recieve", "1990's", "fine"][i % 5]
        (root / f"story-{i:03d}.md").write_text(f"# Story {i}\n\nThe council said {slip} plan was ready.\n\n"
                                                f"Residents met on Monday {i}.\n", encoding="utf-8")
    return root


def _json(result) -> str:
    ctx = RunContext(Overrides())
    return FORMATTERS["json"](result, ctx.registry, False)


def test_same_findings_as_a_local_run(client, archive):
    local = lint_paths([str(archive)], select=SELECT, jobs=1)
    remote = lint_paths_dask([str(archive)], client, select=SELECT)
    assert _json(remote) == _json(local)
    assert len(local.diagnostics) >= 30


def test_a_worker_dying_mid_run_loses_no_file(client, archive):
    local = lint_paths([str(archive)], select=SELECT, jobs=1)
    before = set(client.scheduler_info()["workers"])
    victim = sorted(before)[0]
    killed = threading.Event()

    def die() -> None:
        try:
            client.run(os._exit, 1, workers=[victim])
        except Exception:  # noqa: BLE001 - the worker's connection drops as it dies
            pass

    def kill_one(done: int, total: int) -> None:
        if not killed.is_set():  # after the first batch is back, while the others run
            killed.set()
            threading.Thread(target=die).start()

    remote = lint_paths_dask([str(archive)], client, batch=2, progress=kill_one, select=SELECT)
    assert killed.is_set()
    assert _json(remote) == _json(local)
    client.wait_for_workers(2, timeout=60)
    assert victim not in client.scheduler_info()["workers"]  # the nanny started a new worker


def test_a_bag_of_texts(client):
    import dask.bag as db

    records = [("a.md", "The the end.\n"), ("b.md", "A goverment plan.\n"), ("c.md", "Fine.\n")]
    found = lint_bag(db.from_sequence(records, npartitions=2), Overrides(select=SELECT)).compute()
    assert sorted((f["path"], f["rule"]) for f in found) == [("a.md", "grammar/repeated-word"),
                                                            ("b.md", "spelling/unknown-word")]
    assert json.dumps(found)  # plain data


def test_cli_dask_local_gives_the_json_of_a_local_run(real_cli, archive):
    sel = ",".join(SELECT)
    local = real_cli("check", str(archive), "--select", sel, "--format", "json", "--jobs", "1")
    remote = real_cli("check", str(archive), "--select", sel, "--format", "json", "--dask", "local")
    assert remote.returncode == local.returncode == 1
    assert remote.stdout == local.stdout


def _break_html_parser() -> None:
    import newslint.markup.html as html_parser

    def broken(*args, **kwargs):
        raise AssertionError("a parser bug")

    html_parser.saved_parse_html, html_parser.parse_html = html_parser.parse_html, broken


def _mend_html_parser() -> None:
    import newslint.markup.html as html_parser

    html_parser.parse_html = html_parser.saved_parse_html


def test_a_file_that_cannot_be_parsed_is_a_finding_and_the_others_are_checked(client, tmp_path):
    (tmp_path / "a.html").write_text("<p>Hello.</p>\n")
    (tmp_path / "b.md").write_text("The the cat sat.\n")
    client.run(_break_html_parser)
    try:
        remote = lint_paths_dask([str(tmp_path)], client, select=SELECT)
    finally:
        client.run(_mend_html_parser)
    assert sorted((os.path.basename(d.path), d.rule) for d in remote.diagnostics) == [
        ("a.html", "newslint/parse-error"), ("b.md", "grammar/repeated-word")]
