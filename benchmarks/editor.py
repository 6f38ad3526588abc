#!/usr/bin/env python3
"""The editor case: how fast `newslint server` answers once warm.

    python benchmarks/editor.py

Opens a generated 1,000-word story in the real server (LSP over stdio), waits for the first
diagnostics (cold: the rules load), then makes 10 edits and saves after each, timing the
save -> diagnostics round trip (no debounce on save), and 10 edits without a save, timing
didChange -> diagnostics (which includes the server's debounce), then opens five other
1,000-word stories on the warm server, timing didOpen -> diagnostics.
"""
from __future__ import annotations

import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent / "tests"))
from lsp_client import Client  # noqa: E402

WORDS = ("the council said on monday that the new budget would fund more teachers and repair roads in the "
         "north of the city while residents asked how the plan would be paid for").split()


def story(rng: random.Random, n: int) -> str:
    paras, words = [], 0
    while words < n:
        sents = []
        for _ in range(3):
            s = " ".join(rng.choice(WORDS) for _ in range(rng.randint(12, 20)))
            sents.append(s[0].upper() + s[1:] + ".")
        paras.append(" ".join(sents))
        words += sum(len(x.split()) for x in sents)
    return "# A council story\n\n" + "\n\n".join(paras) + "\n"


def main() -> None:
    rng = random.Random(3)
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "story.md"
        text = story(rng, 1000)
        path.write_text(text)
        uri = path.as_uri()
        c = Client(Path(tmp))
        t = time.perf_counter()
        c.request("initialize", {"processId": None, "rootUri": Path(tmp).as_uri(), "capabilities": {}})
        c.notify("initialized", {})
        c.notify("textDocument/didOpen", {"textDocument": {"uri": uri, "languageId": "markdown", "version": 1,
                                                           "text": text}})
        c.diagnostics(uri, timeout=120)
        cold = time.perf_counter() - t
        saves, changes = [], []
        for v in range(2, 22):
            text = text.replace(" the ", " the the ", 1) if v % 2 else text.replace(" the the ", " the ", 1)
            c.notify("textDocument/didChange", {"textDocument": {"uri": uri, "version": v},
                                                "contentChanges": [{"text": text}]})
            t = time.perf_counter()
            if v <= 11:
                c.notify("textDocument/didSave", {"textDocument": {"uri": uri}})
                c.diagnostics(uri)
                saves.append(time.perf_counter() - t)
            else:
                c.diagnostics(uri)
                changes.append(time.perf_counter() - t)
        opens = []
        for k in range(5):  # other stories opened on the warm server (their text new to every cache)
            other = Path(tmp) / f"other{k}.md"
            other_text = story(random.Random(100 + k), 1000)
            other.write_text(other_text)
            t = time.perf_counter()
            c.notify("textDocument/didOpen", {"textDocument": {"uri": other.as_uri(), "languageId": "markdown",
                                                               "version": 1, "text": other_text}})
            c.diagnostics(other.as_uri(), timeout=60)
            opens.append(time.perf_counter() - t)
        c.close()
    words = len(text.split())
    print(f"story: {words} words")
    print(f"  first diagnostics after start (cold): {cold:.2f} s")
    print(f"  another 1,000-word story opened on the warm server -> diagnostics: median "
          f"{1000 * statistics.median(opens):.0f} ms, max {1000 * max(opens):.0f} ms")
    print(f"  save -> diagnostics, warm: median {1000 * statistics.median(saves):.0f} ms, "
          f"max {1000 * max(saves):.0f} ms")
    print(f"  change -> diagnostics (with the {250} ms debounce): median {1000 * statistics.median(changes):.0f} ms")


if __name__ == "__main__":
    main()
