#!/usr/bin/env python3
"""Load time and memory of each resource the engine and the rules hold (``newslint.api.Resource``),
each measured in a fresh process.

    python benchmarks/resources.py                 # every resource
    python benchmarks/resources.py lexicon syllables

A fresh Python imports newslint and every rule module (loading the registry), then asks for one
resource (with its ``example`` arguments when it takes some) and prints the seconds that took
and how much the process's resident memory grew. A resource that needs others (the real-word
candidates need the lexicon and the language model) loads them too: its row is what asking for
it first costs. Tables compiled into the data cache are mapped from disk, so a warm cache (a
normal run) is measured unless NEWSLINT_DATA_CACHE=off; mapped pages count only once read.
Resources that need something the user provides (a masked model directory, a LanguageTool
server) are listed, not measured.
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys

CHILD = r"""
import json, os, sys, time

def rss():
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")

name = sys.argv[1]
from newslint.registry import default_registry
if name != "registry":
    default_registry()
from newslint.resource import resources
r = {x.name: x for x in resources()}[name]
before, t0 = rss(), time.perf_counter()
r(*r.example)
seconds = time.perf_counter() - t0
print(json.dumps({"name": name, "seconds": seconds, "rss_mb": (rss() - before) / 2**20}))
"""


def listed() -> list[tuple[str, bool]]:
    """(name, measurable) of every resource, as the installed newslint defines them."""
    from newslint.registry import default_registry
    from newslint.resource import resources

    default_registry()
    return [(r.name, r.example is not None) for r in resources()]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("names", nargs="*", help="resources to measure (default: all)")
    args = ap.parse_args()
    known = listed()
    names = args.names or [n for n, _ in known]
    measurable = dict(known)
    print(f"{'resource':<34} {'load s':>8} {'RSS MB':>8}")
    for name in names:
        if name not in measurable:
            sys.exit(f"no resource named {name!r} (known: {', '.join(n for n, _ in known)})")
        if not measurable[name]:
            print(f"{name:<34} {'-':>8} {'-':>8}  (needs a model or server the user provides)")
            continue
        out = subprocess.run([sys.executable, "-c", CHILD, name], capture_output=True, text=True, env=os.environ)
        if out.returncode:
            print(f"{name:<34} failed: {out.stderr.strip().splitlines()[-1]}")
            continue
        row = json.loads(out.stdout.strip().splitlines()[-1])
        print(f"{name:<34} {row['seconds']:>8.3f} {row['rss_mb']:>8.1f}")


if __name__ == "__main__":
    main()
