"""A real `newslint serve` in a subprocess on a free loopback port, for the tests and
benchmarks/serve.py: started, its address read from what it announces, stopped with a signal."""
from __future__ import annotations

import http.client
import json
import os
import re
import signal
import subprocess
import sys
import threading
from pathlib import Path
from urllib.parse import urlencode


class Served:
    def __init__(self, *args: str, cwd: Path | None = None, env: dict[str, str] | None = None,
                 timeout: float = 180) -> None:
        exe = Path(sys.executable).parent / "newslint"
        self.proc = subprocess.Popen([str(exe), "serve", "--port", "0", *args], cwd=cwd, stdin=subprocess.DEVNULL,
                                     stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                                     env={**os.environ, **(env or {})})
        self.log: list[str] = []
        ready = threading.Event()
        self.port = 0

        def read() -> None:
            for line in self.proc.stderr:
                self.log.append(line.rstrip("\n"))
                m = re.search(r"on http://\S+:(\d+)/", line)
                if m and not ready.is_set():
                    self.port = int(m.group(1))
                    ready.set()
            ready.set()

        threading.Thread(target=read, daemon=True).start()
        if not ready.wait(timeout) or not self.port:
            self.proc.kill()
            raise AssertionError(f"newslint serve did not start: {self.log}")
        self.url = f"http://127.0.0.1:{self.port}"

    def request(self, method: str, path: str, body: bytes | str | None = None,
                headers: dict[str, str] | None = None) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        try:
            conn.request(method, path, body=body.encode("utf-8") if isinstance(body, str) else body,
                         headers=headers or {})
            r = conn.getresponse()
            return r.status, {k.lower(): v for k, v in r.getheaders()}, r.read()
        finally:
            conn.close()

    def check(self, **params: str) -> tuple[int, dict | str]:
        """POST /v2/check with form parameters, as LanguageTool clients send them."""
        status, _, body = self.request("POST", "/v2/check", urlencode(params),
                                       {"Content-Type": "application/x-www-form-urlencoded"})
        return status, json.loads(body) if status == 200 else body.decode("utf-8")

    def stop(self, sig: int = signal.SIGTERM, timeout: float = 30) -> int:
        if self.proc.poll() is None:
            self.proc.send_signal(sig)
        try:
            return self.proc.wait(timeout)
        except subprocess.TimeoutExpired:
            self.proc.kill()
            raise
