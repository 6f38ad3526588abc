"""``newslint serve``: an HTTP server that speaks LanguageTool's API (see ltapi.py), and a page
at ``/`` to check a story in a browser.

The engine is the one ``check`` uses: one run context for the server's life (rebuilt when a
configuration or dictionary file it read changes), the configuration found from the
repository the server was started on (or ``--config``), under the repository-trust rules
(trust.py). Checks run one at a time on one worker thread, as the rules are shared.

Safety by default:

- it binds 127.0.0.1; another address needs an access token (``--token`` or
  ``NEWSLINT_SERVE_TOKEN``), sent as ``Authorization: Bearer TOKEN`` or, by LanguageTool
  clients, as the ``apiKey`` parameter; on the loopback address a request must name a
  loopback host (``Host:``), so a web page cannot reach the server by DNS rebinding;
- a request body, the text, the checks admitted at once and the connections are limited
  (413, 503 with Retry-After); a check that takes longer than the timeout is answered 503;
  bad input is a 4xx with one line saying why, never a traceback;
- nothing in a request names a file: the only file the server writes is the dictionary of
  the repository it was started on (``actions.dictionary_file``), on a request from its own
  page (a header that only the page sends, which a cross-site request cannot set without
  the server's leave), through ``safeio.write_output``;
- SIGINT and SIGTERM stop it cleanly: no new connection is taken, the open ones finish.
"""
from __future__ import annotations

import hmac
import ipaddress
import json
import queue
import secrets
import signal
import socket
import sys
import threading
from bisect import bisect_right
from concurrent.futures import Future, TimeoutError as FutureTimeout
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any, Callable
from urllib.parse import parse_qsl, urlsplit

from . import __version__, filecache
from .actions import add_word, dictionary_file, dictionary_word, suppression
from .config import ConfigError, find_config_file
from .context import Overrides, RunContext
from .diagnostic import Category
from .document import Document
from .ltapi import (LANGUAGES, BadRequest, CheckRequest, Units, annotated_document, language_json, match,
                    read_check, shown, software, span_and_replacements)
from .markup import parse
from .markup.frontmatter import split_front_matter
from .registry import ENGINE_IDS, INTERNAL_ERROR, default_registry
from .rendering import ProseIndex, render_prose
from .runner import run_rules
from .safeio import OutputError

_EXTENSIONS = {"plain": ".txt", "markdown": ".md", "mdx": ".mdx", "html": ".html"}
PAGE_HEADER = "X-Newslint-Page"


@dataclass(frozen=True)
class Limits:
    max_chars: int = 100_000  # characters of text in one check
    max_body: int = 1 << 20  # bytes of one request body
    max_checks: int = 4  # checks admitted at once: one runs, the others wait their turn
    timeout: float = 30.0  # seconds a request waits for its check
    max_connections: int = 64
    socket_timeout: float = 15.0  # a client that stops sending is dropped


class Busy(Exception):
    pass


class Checker:
    """The engine behind the server: checks on one worker thread, the run context rebuilt
    when a file it read changes, the repository's dictionary."""

    def __init__(self, root: Path, overrides: Overrides, writable: bool, max_checks: int) -> None:
        self.root = root
        self.overrides = overrides
        self._ctx: RunContext | None = None
        self._stamps: dict[str, Any] = {}
        self._jobs: queue.Queue = queue.Queue()
        self._slots = threading.BoundedSemaphore(max_checks)
        self._explained: dict[str, str] = {}
        threading.Thread(target=self._work, name="newslint-check", daemon=True).start()
        ctx = self.context()  # a configuration error stops the server before it listens
        self.dictionary = dictionary_file(ctx.config_for(self.story_path("plain")), root) if writable else None

    # -- the run context ------------------------------------------------------------------------
    def story_path(self, fmt: str) -> str:
        """The path a story is checked as: in the repository's folder, so that its
        configuration applies."""
        return str(self.root / f"story{_EXTENSIONS[fmt]}")

    def _watched(self, ctx: RunContext) -> dict[str, Any]:
        found = self.overrides.config or find_config_file(self.root)
        files = [str(found)] if found else []
        if found:
            cfg = ctx.config_for(self.story_path("plain"))
            files += [str(p) for p in (*cfg.files, *cfg.dictionary)]
        return {f: filecache.stamp(f) for f in files}

    def context(self) -> RunContext:
        """The run context, rebuilt when a configuration or dictionary file it read changed
        (or a configuration file appeared)."""
        if self._ctx is not None and self._watched(self._ctx) == self._stamps:
            return self._ctx
        ctx = RunContext(self.overrides)
        ctx.engine(self.story_path("plain"))
        self._stamps = self._watched(ctx)
        self._ctx = ctx
        return ctx

    def warm(self) -> list[str]:
        """Load the rules' resources; the configuration's notices."""
        ctx = self.context()
        ctx.wait_warm()
        return list(ctx.notices)

    # -- one check at a time -----------------------------------------------------------------------
    def admit(self) -> None:
        """Take one of the places for checks, or raise Busy."""
        if not self._slots.acquire(blocking=False):
            raise Busy

    def _work(self) -> None:
        while True:
            fut, fn = self._jobs.get()
            if fut.set_running_or_notify_cancel():
                try:
                    fut.set_result(fn())
                except BaseException as exc:  # noqa: BLE001 - handed to the waiting request
                    fut.set_exception(exc)

    def run(self, fn: Callable[[], Any], timeout: float) -> Any:
        """`fn()` on the worker thread (admitted with ``admit`` first); TimeoutError when it
        is not done in `timeout` seconds (it is dropped if it has not started)."""
        fut: Future = Future()
        fut.add_done_callback(lambda _: self._slots.release())
        self._jobs.put((fut, fn))
        try:
            return fut.result(timeout)
        except FutureTimeout:
            fut.cancel()
            raise TimeoutError from None

    # -- checking ----------------------------------------------------------------------------------
    def describe(self, rule_id: str) -> str:
        if rule_id in ENGINE_IDS:
            return ENGINE_IDS[rule_id].summary
        reg = self.context().registry
        cls = reg.rule_for(rule_id)
        if cls is None:
            return rule_id
        return reg.subrules(cls.id).get(rule_id[len(cls.id) + 1:], cls.summary) if cls.id != rule_id else cls.summary

    def explain(self, rule_id: str) -> str:
        if rule_id not in self._explained:
            self._explained[rule_id] = self.context().registry.explain(rule_id) or rule_id
        return self._explained[rule_id]

    def check(self, req: CheckRequest, page: bool = False) -> dict[str, Any]:
        """The LanguageTool answer to a check; `page`: with what the page shows (the story
        rendered with its marks, the rules' documentation, the edits of "ignore here")."""
        ctx = self.context()
        engine = ctx.engine(self.story_path(req.fmt), req.request)
        if req.parts is not None:
            doc = annotated_document(req.parts, "<text>")
        else:
            doc = parse("<text>", req.text or "", req.fmt, engine.markup)
        out = {"software": software(__version__), "warnings": {"incompleteResults": False},
               "language": language_json(engine.config.dialect), "matches": []}
        if doc.language and not doc.language.lower().startswith("en"):
            out["warnings"]["notChecked"] = f"the story says its language is {doc.language!r}"
            return out
        degraded = ctx.rule_notices
        diags, _ = run_rules(doc, engine)
        out["warnings"]["incompleteResults"] = (ctx.rule_notices != degraded
                                                or any(d.rule == INTERNAL_ERROR for d in diags))
        diags = [d for d in diags if d.rule != INTERNAL_ERROR and shown(d, req)]
        units, index = Units(doc.source), ProseIndex(doc)
        starts = [s.start for s in doc.sentences]

        def sentence(d) -> str:
            r = index.prose_range(d.start, max(d.end, d.start))
            i = bisect_right(starts, r[0]) - 1 if r else -1
            return doc.sentences[i].text if i >= 0 and r[0] <= doc.sentences[i].end else ""

        out["matches"] = [match(d, doc, units, sentence(d), self.describe(d.rule)) for d in diags]
        if page:
            self._page_view(out, doc, diags, req.fmt, units)
        return out

    def _page_view(self, out: dict, doc: Document, diags: list, fmt: str, units: Units) -> None:
        story, unplaced = render_prose(doc, diags, lambda k, d: f'data-i="{k}" class="{d.severity.value}"')
        fm_end = split_front_matter(doc.source).end if fmt in ("markdown", "mdx") else 0
        for m, d in zip(out["matches"], diags):
            edit = suppression(doc.source, fmt, d.start, d.rule, fm_end)
            m["newslint"]["ignore"] = {"offset": units(edit.start), "text": edit.text} if edit else None
            start, end, _ = span_and_replacements(d)
            word = dictionary_word(doc.source[start:end]) if d.category == Category.SPELLING else None
            m["newslint"]["word"] = word if self.dictionary else None
        out["story"] = story
        out["unplaced"] = unplaced
        out["rules"] = {d.rule: self.explain(d.rule) for d in diags}

    def add(self, word: str) -> dict[str, Any]:
        if self.dictionary is None:
            raise BadRequest("this server writes no dictionary: start it on a repository whose configuration "
                             "names one (dictionary = [\"newsroom.dic\"]), on 127.0.0.1 or with a token", 409)
        clean = dictionary_word(word)
        if clean is None:
            raise BadRequest(f"{word[:80]!r} is not one word")
        added = add_word(self.dictionary, clean)
        return {"word": clean, "file": str(self.dictionary), "added": added}


class Server(ThreadingHTTPServer):
    daemon_threads = True
    allow_reuse_address = True

    def __init__(self, address: tuple[str, int], checker: Checker, limits: Limits, token: str | None) -> None:
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        self.checker = checker
        self.limits = limits
        self.token = token
        self.page_secret = secrets.token_urlsafe(24)
        self.loopback = is_loopback(address[0])
        self._connections = threading.BoundedSemaphore(limits.max_connections)
        super().__init__(address, Handler)

    def process_request(self, request, client_address) -> None:
        if not self._connections.acquire(blocking=False):
            try:
                request.sendall(b"HTTP/1.0 503 Service Unavailable\r\nRetry-After: 1\r\nContent-Length: 0\r\n\r\n")
            except OSError:
                pass
            self.shutdown_request(request)
            return
        super().process_request(request, client_address)

    def process_request_thread(self, request, client_address) -> None:
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._connections.release()


def is_loopback(host: str) -> bool:
    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False


_STATIC = {"/static/page.js": ("page.js", "text/javascript; charset=utf-8"),
           "/static/page.css": ("page.css", "text/css; charset=utf-8")}
_CSP = ("default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; img-src 'self' data:; "
        "base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def _asset(name: str) -> bytes:
    return resources.files("newslint").joinpath("page", name).read_bytes()


class Handler(BaseHTTPRequestHandler):
    server: Server
    server_version = f"newslint/{__version__}"
    protocol_version = "HTTP/1.0"

    def setup(self) -> None:
        self.timeout = self.server.limits.socket_timeout
        super().setup()

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - the base class's name
        pass  # a request is not worth a line; errors are answered to the client

    # -- answers ---------------------------------------------------------------------------------
    def _send(self, status: int, body: bytes, ctype: str, extra: dict[str, str] | None = None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(body)))
        self.send_header("X-Content-Type-Options", "nosniff")
        if getattr(self, "path", "").startswith("/v2/"):
            self.send_header("Access-Control-Allow-Origin", "*")
        for k, v in (extra or {}).items():
            self.send_header(k, v)
        self.end_headers()
        if self.command != "HEAD":
            self.wfile.write(body)

    def _json(self, value: Any) -> None:
        self._send(200, json.dumps(value, ensure_ascii=False).encode("utf-8"), "application/json")

    def _error(self, status: int, message: str, extra: dict[str, str] | None = None) -> None:
        self.close_connection = True
        self._send(status, f"Error: {message}\n".encode("utf-8"), "text/plain; charset=utf-8", extra)

    def send_error(self, code: int, message: str | None = None, explain: str | None = None) -> None:
        """http.server's own errors (a malformed request line, an unknown method) as one line."""
        self._error(code, message or self.responses.get(code, ("error",))[0])

    # -- routes ------------------------------------------------------------------------------------
    def do_OPTIONS(self) -> None:  # noqa: N802 - http.server's name
        if not self._host_ok():
            return
        if self.path.split("?")[0] in ("/v2/check", "/v2/languages"):
            self._send(204, b"", "text/plain", {"Access-Control-Allow-Methods": "GET, POST, OPTIONS",
                                                "Access-Control-Allow-Headers": "Content-Type, Authorization",
                                                "Access-Control-Max-Age": "600"})
        else:
            self._error(404, "not found")

    def do_GET(self) -> None:  # noqa: N802
        self._route(_GET)

    def do_POST(self) -> None:  # noqa: N802
        self._route(_POST)

    def _route(self, routes: dict[str, str]) -> None:
        try:
            if not self._host_ok():
                return
            path = urlsplit(self.path).path
            if path not in routes:
                known = path in _GET or path in _POST
                self._error(405 if known else 404, "method not allowed" if known else "not found")
                return
            getattr(self, routes[path])()
        except BadRequest as exc:
            self._error(exc.status, str(exc), {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None)
        except Busy:
            self._error(503, "the server is busy with other checks; try again shortly", {"Retry-After": "1"})
        except TimeoutError:
            self._error(503, f"the check took longer than {self.server.limits.timeout:g} s", {"Retry-After": "5"})
        except ConfigError as exc:
            self._error(500, f"configuration error: {exc}")
        except OutputError as exc:
            self._error(500, str(exc))
        except (BrokenPipeError, ConnectionResetError, socket.timeout):
            self.close_connection = True
        except Exception as exc:  # noqa: BLE001 - one line to the client and stderr, no traceback
            print(f"newslint serve: internal error: {type(exc).__name__}: {exc}", file=sys.stderr)
            self._error(500, f"internal error: {type(exc).__name__}")

    def _host_ok(self) -> bool:
        """On the loopback address, the Host a client named must be a loopback name too."""
        host = self.headers.get("Host")
        if not self.server.loopback or host is None:
            return True
        name = host.rsplit(":", 1)[0] if not host.endswith("]") else host
        if is_loopback(name):
            return True
        self._error(421, f"this server answers requests for 127.0.0.1, localhost or [::1], not {host[:80]!r}")
        return False

    def _authorized(self, params: dict[str, str]) -> None:
        token = self.server.token
        if token is None:
            return
        auth = self.headers.get("Authorization", "")
        given = auth[7:].strip() if auth.lower().startswith("bearer ") else params.get("apiKey", "")
        if not hmac.compare_digest(given.encode("utf-8"), token.encode("utf-8")):
            raise BadRequest("this server needs its access token (Authorization: Bearer TOKEN, or the apiKey "
                             "parameter)", 401)

    def _from_page(self) -> None:
        if not hmac.compare_digest(self.headers.get(PAGE_HEADER, "").encode("utf-8", "replace"),
                                   self.server.page_secret.encode("utf-8")):
            raise BadRequest("this address takes requests from newslint's own page only", 403)

    # -- reading a request ---------------------------------------------------------------------------
    def _body(self) -> bytes:
        if self.headers.get("Transfer-Encoding"):
            raise BadRequest("send the body with a Content-Length (no chunked encoding)", 411)
        length = self.headers.get("Content-Length")
        if length is None:
            raise BadRequest("a POST needs a Content-Length", 411)
        try:
            n = int(length)
        except ValueError:
            raise BadRequest("Content-Length is not a number") from None
        if n < 0:
            raise BadRequest("Content-Length is negative")
        if n > self.server.limits.max_body:
            raise BadRequest(f"the request body is {n} bytes; this server takes at most "
                             f"{self.server.limits.max_body}", 413)
        data = self.rfile.read(n)
        if len(data) < n:
            raise BadRequest("the request body ended early")
        return data

    def _params(self) -> dict[str, str]:
        """The form parameters of a POST (urlencoded, as LanguageTool clients send them, even
        under a JSON content type; or a JSON object of strings) or a GET's query."""
        if self.command == "GET":
            raw = urlsplit(self.path).query
        else:
            body = self._body()
            if body.lstrip()[:1] == b"{":
                return _json_params(body)
            try:
                raw = body.decode("utf-8")
            except UnicodeDecodeError:
                raise BadRequest("the form data is not UTF-8") from None
        try:
            pairs = parse_qsl(raw, keep_blank_values=True, strict_parsing=bool(raw), errors="strict",
                              max_num_fields=64)
        except (ValueError, UnicodeDecodeError):
            raise BadRequest("malformed form data (application/x-www-form-urlencoded: name=value&...)") from None
        params: dict[str, str] = {}
        for k, v in pairs:
            if k in params:
                raise BadRequest(f"parameter {k!r} given twice")
            params[k] = v
        return params

    # -- handlers --------------------------------------------------------------------------------------
    def _run_check(self, page: bool) -> None:
        params = self._params()
        self._authorized(params)
        req = read_check(params, default_registry(), self.server.limits.max_chars)
        checker = self.server.checker
        checker.admit()
        self._json(checker.run(lambda: checker.check(req, page), self.server.limits.timeout))

    def _check(self) -> None:
        self._run_check(page=False)

    def _page_check(self) -> None:
        self._from_page()
        self._run_check(page=True)

    def _dictionary(self) -> None:
        self._from_page()
        params = self._params()
        self._authorized(params)
        self._json(self.server.checker.add(params.get("word", "")))

    def _languages(self) -> None:
        self._json(LANGUAGES)

    def _page(self) -> None:
        info = {"secret": self.server.page_secret, "version": __version__, "maxChars": self.server.limits.max_chars,
                "dictionary": str(self.server.checker.dictionary) if self.server.checker.dictionary else None,
                "repository": str(self.server.checker.root), "token": self.server.token is not None}
        data = json.dumps(info).replace("<", "\\u003c").encode("utf-8")
        page = _asset("index.html").replace(b"{{info}}", data)
        self._send(200, page, "text/html; charset=utf-8", {"Content-Security-Policy": _CSP, "Cache-Control": "no-store",
                                                             "Referrer-Policy": "no-referrer"})

    def _static(self) -> None:
        name, ctype = _STATIC[urlsplit(self.path).path]
        self._send(200, _asset(name), ctype, {"Cache-Control": "no-cache"})


_GET = {"/": "_page", "/v2/languages": "_languages", "/v2/check": "_check", **{p: "_static" for p in _STATIC}}
_POST = {"/v2/check": "_check", "/newslint/check": "_page_check", "/newslint/dictionary": "_dictionary"}


def _json_params(body: bytes) -> dict[str, str]:
    try:
        value = json.loads(body)
    except (ValueError, RecursionError):
        raise BadRequest("the body is not valid JSON") from None
    if not isinstance(value, dict) or not all(isinstance(v, str) for v in value.values()):
        raise BadRequest("a JSON body is an object of string parameters")
    return value


def serve(host: str, port: int, root: Path, overrides: Overrides, limits: Limits, token: str | None,
          repository: bool, announce: Callable[[str], None]) -> None:
    """Run until SIGINT or SIGTERM. `repository`: the server was started on a repository, so
    its page may add words to the repository's dictionary."""
    checker = Checker(root, overrides, repository and (is_loopback(host) or token is not None), limits.max_checks)
    server = Server((host, port), checker, limits, token)  # a port in use fails before the rules load
    for notice in checker.warm():
        announce(notice)
    bound_port = server.server_address[1]
    shown_host = f"[{host}]" if ":" in host else host
    announce(f"serving LanguageTool's API and a page on http://{shown_host}:{bound_port}/ "
             f"(configuration: {checker.context().config_for(checker.story_path('plain')).path or 'defaults'}; "
             f"dictionary written: {checker.dictionary or 'none'})")

    def stop(signum, frame) -> None:
        threading.Thread(target=server.shutdown, daemon=True).start()

    old = {s: signal.signal(s, stop) for s in (signal.SIGINT, signal.SIGTERM)}
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        for s, h in old.items():
            signal.signal(s, h)
        server.server_close()
        announce("stopped")
