#!/usr/bin/env python3
"""Content-repo workflow benchmark on a synthetic repo of stories that this script writes
(generated sentences, a few slips each; nothing from ../shared):

    python benchmarks/workflow.py                 # 2,000 stories
    python benchmarks/workflow.py --stories 300

Reports, side by side on the same machine: the first run (--jobs 1 and --jobs 2, no cache),
a warm re-run from the cache, a re-run with one story changed, and --changed-since with one
changed file in a git repository. Times are wall clock; read the ratios.
"""
from __future__ import annotations

import argparse
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

SUBJECTS = ["The council", "The mayor", "Officials", "The company", "Residents", "The minister", "Police",
            "The committee", "Teachers", "The hospital"]
VERBS = ["said", "announced", "confirmed", "expected", "reported", "argued", "warned", "agreed"]
OBJECTS = ["the budget would rise next year", "the plan had broad support", "the road would close for repairs",
           "new rules would take effect in March", "the school would open a new library",
           "the project was behind schedule", "talks would resume on Monday", "prices had fallen sharply"]
SLIPS = ["the the", "goverment", "recieve", "their is"]


def story(rng: random.Random, n: int) -> str:
    paras = []
    for _ in range(rng.randint(4, 8)):
        sents = []
        for _ in range(rng.randint(2, 4)):
            s = f"{rng.choice(SUBJECTS)} {rng.choice(VERBS)} {rng.choice(OBJECTS)}."
            if rng.random() < 0.05:
                s = s.replace(" the ", f" {rng.choice(SLIPS)} ", 1)
            sents.append(s)
        paras.append(" ".join(sents))
    return f"---\ntitle: Story {n}\n---\n\n" + "\n\n".join(paras) + "\n"


def timed(cmd: list[str], cwd: Path) -> float:
    t = time.perf_counter()
    proc = subprocess.run(cmd, cwd=cwd, capture_output=True, text=True)
    if proc.returncode not in (0, 1):
        sys.exit(proc.stderr)
    return time.perf_counter() - t


def git(cwd: Path, *args: str) -> None:
    env = {**os.environ, "GIT_AUTHOR_NAME": "b", "GIT_AUTHOR_EMAIL": "b@example.org",
           "GIT_COMMITTER_NAME": "b", "GIT_COMMITTER_EMAIL": "b@example.org"}
    subprocess.run(["git", *args], cwd=cwd, env=env, check=True, capture_output=True)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=2000)
    args = ap.parse_args()
    exe = str(Path(sys.executable).parent / "newslint")
    rng = random.Random(7)
    root = Path(tempfile.mkdtemp(prefix="newslint-workflow-"))
    try:
        posts = root / "posts"
        posts.mkdir()
        for i in range(args.stories):
            (posts / f"story-{i:05d}.md").write_text(story(rng, i), encoding="utf-8")
        git(root, "init", "-q", "-b", "main")
        git(root, "add", ".")
        git(root, "commit", "-q", "-m", "stories")
        check = [exe, "check", "posts", "--format", "json", "--exit-zero"]
        cache = ["--cache", "--cache-dir", str(root / ".cache")]
        rows = [("first run, --jobs 1, no cache", timed(check + ["--no-cache", "--jobs", "1"], root)),
                ("first run, --jobs 2, no cache", timed(check + ["--no-cache", "--jobs", "2"], root)),
                ("first run filling the cache (default jobs)", timed(check + cache, root)),
                ("warm re-run, nothing changed", timed(check + cache, root))]
        one = posts / "story-00000.md"
        one.write_text(one.read_text() + "\nA new paragraph with a recieve slip.\n")
        rows.append(("re-run, one story changed", timed(check + cache, root)))
        rows.append(("--changed-since main, one file changed", timed(check + ["--no-cache", "--changed-since", "main"], root)))
        print(f"synthetic repo: {args.stories} stories, {os.cpu_count()} cores")
        for name, secs in rows:
            print(f"  {name:<44} {secs:8.1f} s")
        print(f"  speed-up --jobs 2 over --jobs 1: {rows[0][1] / rows[1][1]:.2f}x; "
              f"warm cache over first run: {rows[2][1] / rows[3][1]:.1f}x")
    finally:
        shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    main()
