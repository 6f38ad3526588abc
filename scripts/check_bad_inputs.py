#!/usr/bin/env python3
"""Feed every file under tests/fixtures/bad/ (plus a few made on the spot: a symlink loop,
a FIFO, a missing path) through the real CLI, one at a time and all together.

Passes when no run prints a traceback and every exit code is 0 or 1; 2 for a missing path and
for a file named alone that cannot be read as text (it is skipped with a notice, and a run that
checked less than it was asked to must not pass).
    python scripts/check_bad_inputs.py               # each case in a new process
    python scripts/check_bad_inputs.py --in-process  # the same CLI, one warm process
"""
from __future__ import annotations

import os
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BAD = ROOT / "tests" / "fixtures" / "bad"


def newslint(*args: str) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).parent / "newslint"
    cmd = [str(exe)] if exe.exists() else [sys.executable, "-m", "newslint"]
    return subprocess.run(cmd + ["check", "--format", "json", *args], capture_output=True, text=True,
                          timeout=300, stdin=subprocess.DEVNULL)


def newslint_in_process(*args: str) -> subprocess.CompletedProcess:
    import traceback

    from typer.testing import CliRunner

    from newslint.cli import app

    r = CliRunner().invoke(app, ["check", "--format", "json", *args])
    err = r.stderr
    if r.exception is not None and not isinstance(r.exception, SystemExit):
        err += "".join(traceback.format_exception(r.exception))
    return subprocess.CompletedProcess(args, r.exit_code, r.stdout, err)


def main(in_process: bool = False) -> int:
    run = newslint_in_process if in_process else newslint
    failures = []
    with tempfile.TemporaryDirectory() as tmp:
        t = Path(tmp)
        os.symlink("loop-b.md", t / "loop-a.md")
        os.symlink("loop-a.md", t / "loop-b.md")
        os.symlink(".", t / "self-dir")
        os.mkfifo(t / "fifo.txt")
        (t / "ok.txt").write_text("The council met.\n")
        cases = [[str(p)] for p in sorted(BAD.iterdir())] + [[str(BAD)], [str(t)]]
        expected = {tuple(c): (0, 1) for c in cases}
        cases.append([str(t / "missing.md")])
        expected[(str(t / "missing.md"),)] = (2,)
        for case in cases:
            r = run(*case)
            want = expected[tuple(case)]
            if len(case) == 1 and f"{case[0]}: skipped," in r.stderr:
                want = (2,)
            ok = r.returncode in want and "Traceback" not in r.stderr + r.stdout
            print(f"{'ok ' if ok else 'BAD'} exit {r.returncode}  {' '.join(Path(c).name for c in case)}")
            for line in r.stderr.splitlines()[:3]:
                print(f"      {line}")
            if not ok:
                failures.append((case, r.returncode, r.stderr[-500:]))
    print(f"{len(cases) - len(failures)} passed, {len(failures)} failed")
    return 1 if failures else 0


if __name__ == "__main__":
    sys.exit(main(in_process="--in-process" in sys.argv[1:]))
