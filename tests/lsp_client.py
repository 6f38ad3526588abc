"""A minimal LSP client: JSON-RPC with Content-Length framing over a server's stdio. Used by
the server tests and by benchmarks/editor.py."""
from __future__ import annotations

import json
import queue
import subprocess
import sys
import threading
import time
from pathlib import Path


class Client:
    def __init__(self, cwd: Path, env: dict[str, str] | None = None) -> None:
        exe = Path(sys.executable).parent / "newslint"
        self.proc = subprocess.Popen([str(exe), "server"], cwd=cwd, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                     stderr=subprocess.PIPE, env=env)
        self.next_id = 0
        self.inbox: queue.Queue = queue.Queue()
        self.responses: dict[int, dict] = {}
        self.stray: list[str] = []  # anything on stdout that is not LSP framing
        threading.Thread(target=self._reader, daemon=True).start()

    def _reader(self) -> None:
        out = self.proc.stdout
        while True:
            headers = {}
            while True:
                line = out.readline()
                if not line:
                    return
                line = line.decode("utf-8", "replace").strip()
                if not line:
                    break
                k, sep, v = line.partition(":")
                if not sep or k.lower() not in ("content-length", "content-type"):
                    self.stray.append(line)
                    continue
                headers[k.lower()] = v.strip()
            self.inbox.put(json.loads(out.read(int(headers["content-length"]))))

    def send(self, msg: dict) -> None:
        body = json.dumps({"jsonrpc": "2.0", **msg}).encode("utf-8")
        self.proc.stdin.write(b"Content-Length: %d\r\n\r\n" % len(body) + body)
        self.proc.stdin.flush()

    def notify(self, method: str, params: dict) -> None:
        self.send({"method": method, "params": params})

    def request(self, method: str, params: dict, timeout: float = 60) -> dict:
        self.next_id += 1
        rid = self.next_id
        self.send({"id": rid, "method": method, "params": params})
        return self.wait(lambda m: m.get("id") == rid and "method" not in m, timeout)

    def wait(self, pred, timeout: float = 60) -> dict:
        end = time.time() + timeout
        kept = []
        try:
            while True:
                msg = self.inbox.get(timeout=max(0.01, end - time.time()))
                if pred(msg):
                    return msg
                kept.append(msg)
        except queue.Empty:
            raise AssertionError(f"no matching message in {timeout} s; got {kept}") from None
        finally:
            for m in kept:
                self.inbox.put(m)

    def diagnostics(self, uri: str, timeout: float = 60) -> list[dict]:
        msg = self.wait(lambda m: m.get("method") == "textDocument/publishDiagnostics" and m["params"]["uri"] == uri,
                        timeout)
        return msg["params"]["diagnostics"]

    def close(self) -> int:
        self.request("shutdown", {})
        self.notify("exit", {})
        return self.proc.wait(timeout=30)
