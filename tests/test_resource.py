"""newslint.api.Resource: the one way rules and the engine hold a loaded resource."""
from __future__ import annotations

import ast
import os
import re
import threading
import time

import pytest
from conftest import ROOT

from newslint.api import Resource


def test_nothing_loads_until_the_first_call_and_then_once():
    calls = []
    r = Resource("test-lazy", lambda: calls.append(1) or len(calls))
    assert calls == [] and not r.loaded()
    assert r() == 1 and r() == 1 and calls == [1] and r.loaded()
    r.reset()
    assert r() == 2


def test_threads_asking_at_once_share_one_load():
    calls = []

    def slow():
        calls.append(1)
        time.sleep(0.2)
        return object()

    r = Resource("test-threads", slow)
    got = []
    threads = [threading.Thread(target=lambda: got.append(r())) for _ in range(8)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert len(calls) == 1 and len({id(v) for v in got}) == 1 and len(got) == 8


def test_a_failed_load_is_tried_again():
    attempts = []

    def flaky():
        attempts.append(1)
        if len(attempts) == 1:
            raise OSError("not yet")
        return "ok"

    r = Resource("test-flaky", flaky)
    with pytest.raises(OSError):
        r()
    assert r() == "ok" and len(attempts) == 2


def test_a_keyed_resource_keeps_one_value_per_key():
    r = Resource("test-keyed", lambda dialect, n: f"{dialect}/{n}")
    assert r("en-GB", 1) == "en-GB/1" and r("en-US", 1) == "en-US/1"
    assert r.loaded("en-GB", 1) and not r.loaded("en-AU", 1)
    r.reset("en-GB", 1)
    assert not r.loaded("en-GB", 1) and r.loaded("en-US", 1)


@pytest.fixture
def early_work():
    """Start threads as the command's launcher does (``newslint.launch.start``); forget them after."""
    from newslint import launch

    yield launch.start
    launch.wait()
    launch._threads.reset()


def test_a_large_resource_loads_after_the_early_work_and_a_small_one_does_not_wait(early_work):
    release, order = threading.Event(), []
    early_work("test-early", lambda: release.wait(10) and order.append("early work done"))  # never hangs
    small = Resource("test-small", lambda: order.append("small") or 1)
    large = Resource("test-large", lambda: order.append("large") or 2, large=True)
    assert small() == 1
    loading = threading.Thread(target=large)
    loading.start()
    loading.join(0.3)
    assert loading.is_alive() and not large.loaded()  # waiting for the early work
    release.set()
    loading.join()
    assert order == ["small", "early work done", "large"] and large() == 2


def test_early_work_may_load_a_large_resource_itself(early_work):
    large = Resource("test-large-early", lambda: "loaded", large=True)
    got = []
    early_work("test-early-loads", lambda: got.append(large()))
    from newslint import launch

    launch.wait()  # returns: the early thread did not wait for itself
    assert got == ["loaded"]


def test_the_language_model_is_large():
    from newslint.rules.lang import ngram

    assert ngram.model.large  # 33 MB: at once with Harper's dictionary build, the one-story peak


@pytest.mark.skipif(not hasattr(os, "fork"), reason="fork")
def test_after_a_fork_locks_are_fresh_and_threads_load_again():
    data = Resource("test-fork-data", lambda: object())
    thread = Resource("test-fork-thread", lambda: object(), fork_safe=False)
    parent_data, parent_thread = data(), thread()
    other = Resource("test-fork-locked", lambda: "loaded in the child")
    other._lock.acquire()  # as if another thread of the parent were loading it at the fork
    try:
        read, write = os.pipe()
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child
            ok = data() is parent_data and thread() is not parent_thread and other() == "loaded in the child"
            os.write(write, b"1" if ok else b"0")
            os._exit(0)
        os.close(write)
        answer = os.read(read, 1)
        os.waitpid(pid, 0)
    finally:
        other._lock.release()
    assert answer == b"1"


# Caches of one value made by hand (a module global set under a lock, lru_cache(maxsize=1),
# functools.cache on a function without arguments): Resource replaces them all. What is left
# is named here, with the reason.
ALLOWED_GLOBALS = {
    # a process pool's worker state, set by the pool's initializer before any work arrives
    ("linter/runner.py", "_WORKER"),
    # the process's own standard output once descriptor 1 is guarded: one per process by nature
    ("linter/stdio.py", "_OUT"),
}


def _hand_made_singletons(path):
    tree = ast.parse(path.read_text(encoding="utf-8"))
    rel = path.relative_to(ROOT).as_posix()
    found = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Global):
            found += [(rel, name) for name in node.names if (rel, name) not in ALLOWED_GLOBALS]
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
            for deco in node.decorator_list:
                text = ast.unparse(deco)
                if re.search(r"lru_cache\(maxsize=1\)|^(functools\.)?cache$", text) or (
                        "lru_cache" in text and not node.args.args and not node.args.posonlyargs):
                    found.append((rel, node.name))
    return found


def test_no_hand_made_singletons_in_the_engine_or_the_rules():
    found = [s for base in ("linter", "rules") for p in sorted((ROOT / base).rglob("*.py"))
             for s in _hand_made_singletons(p)]
    assert found == []


def test_the_benchmark_loads_each_resource_in_a_fresh_process():
    import subprocess
    import sys

    out = subprocess.run([sys.executable, str(ROOT / "benchmarks" / "resources.py"), "syllables", "masked-model"],
                         capture_output=True, text=True, timeout=120)
    assert out.returncode == 0, out.stderr
    rows = {line.split()[0]: line.split()[1:] for line in out.stdout.splitlines()[1:]}
    seconds, rss = map(float, rows["syllables"][:2])
    assert 0 < seconds < 60 and rss >= 0
    assert "needs a model or server" in " ".join(rows["masked-model"])
