#!/usr/bin/env python3
"""Archive audit on Dask: words per second on a LocalCluster of 1 and of 2 workers, side by
side with a local run, over a synthetic archive (benchmarks/workflow.py's generated stories).

    python benchmarks/archive.py                 # 600 stories
    python benchmarks/archive.py --stories 2000
"""
from __future__ import annotations

import argparse
import random
import re
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from workflow import story  # noqa: E402


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--stories", type=int, default=600)
    args = ap.parse_args()
    import distributed

    from newslint.dask_run import lint_paths_dask
    from newslint.runner import lint_paths

    rng = random.Random(11)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        words = 0
        for i in range(args.stories):
            text = story(rng, i)
            words += len(re.findall(r"\w+", text))
            (root / f"story-{i:05d}.md").write_text(text, encoding="utf-8")
        rows = []
        t = time.perf_counter()
        local = lint_paths([str(root)], jobs=1)
        rows.append(("local, one process", time.perf_counter() - t))
        for n in (1, 2):
            with distributed.LocalCluster(n_workers=n, threads_per_worker=1, processes=True,
                                          dashboard_address=None) as cluster, distributed.Client(cluster) as client:
                client.run(lambda: None)  # workers up
                t = time.perf_counter()
                remote = lint_paths_dask([str(root)], client)
                rows.append((f"Dask LocalCluster, {n} worker(s)", time.perf_counter() - t))
                assert len(remote.diagnostics) == len(local.diagnostics)
        print(f"synthetic archive: {args.stories} stories, {words} words")
        for name, secs in rows:
            print(f"  {name:<34} {secs:7.1f} s  {words / secs:8.0f} words/s")
        print(f"  2 workers over 1: {rows[1][1] / rows[2][1]:.2f}x")


if __name__ == "__main__":
    main()
