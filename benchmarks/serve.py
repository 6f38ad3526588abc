#!/usr/bin/env python3
"""`newslint serve` against `newslint check` on the same 1,000-word story, both warm.

    python benchmarks/serve.py            # 20 runs each, alternating; exit 1 if serve is over 2x

The server runs in its own process (started as a user starts it, `newslint serve --port 0`)
and is asked with a raw HTTP `POST /v2/check` as LanguageTool clients send it; the time is
the whole round trip (request, check, LanguageTool JSON back). `newslint check STORY.txt
--no-cache` runs in this process through the real command line (typer, a new run context
each time, as a warm pre-commit or CI worker would), after one warm-up run of each. The
runs alternate so that a busy moment on a shared machine hits both; medians and their ratio
are reported (compare the ratio, not the seconds).
"""
from __future__ import annotations

import argparse
import http.client
import json
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path
from urllib.parse import urlencode

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "tests"))
sys.path.insert(0, str(ROOT / "benchmarks"))
from editor import story  # noqa: E402 - the generated story editor.py times
from served import Served  # noqa: E402


def main() -> int:
    parser = argparse.ArgumentParser()
    parser.add_argument("--runs", type=int, default=20)
    args = parser.parse_args()
    from typer.testing import CliRunner

    from newslint.cli import app

    text = story(random.Random(3), 1000).replace("# ", "", 1)  # plain text, as LanguageTool clients send
    body = urlencode({"language": "en-US", "text": text})
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "story.txt"
        path.write_text(text, encoding="utf-8")
        runner = CliRunner()
        server = Served(tmp)
        try:
            def serve_once() -> tuple[float, int]:
                conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=120)
                t = time.perf_counter()
                conn.request("POST", "/v2/check", body, {"Content-Type": "application/x-www-form-urlencoded"})
                r = conn.getresponse()
                data = r.read()
                elapsed = time.perf_counter() - t
                conn.close()
                assert r.status == 200, data
                return elapsed, len(json.loads(data)["matches"])

            def check_once() -> float:
                t = time.perf_counter()
                r = runner.invoke(app, ["check", str(path), "--no-cache", "--format", "json"])
                elapsed = time.perf_counter() - t
                assert r.exit_code in (0, 1), r.output
                return elapsed

            serve_once()
            check_once()  # warm: rules built, resources loaded
            serve_times, check_times = [], []
            for _ in range(args.runs):
                t, n = serve_once()
                serve_times.append(t)
                check_times.append(check_once())
        finally:
            server.stop()
    s, c = statistics.median(serve_times), statistics.median(check_times)
    print(f"story: {len(text.split())} words, {n} matches at the default level")
    print(f"  POST /v2/check (round trip):   median {1000 * s:.0f} ms (min {1000 * min(serve_times):.0f}, "
          f"max {1000 * max(serve_times):.0f})")
    print(f"  newslint check, warm process:  median {1000 * c:.0f} ms (min {1000 * min(check_times):.0f}, "
          f"max {1000 * max(check_times):.0f})")
    print(f"  ratio serve / check: {s / c:.2f} (the target: at most 2)")
    return 0 if s <= 2 * c else 1


if __name__ == "__main__":
    sys.exit(main())
