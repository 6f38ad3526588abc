"""The LanguageTool backend: a server the user runs, or a local install started once.

newslint never downloads LanguageTool. It talks to a server through language-tool-python's
client (``remote_server=``; the client also turns LanguageTool's UTF-16 offsets into
Python string offsets). A local install (``[grammar.languagetool] path``, or the
``LTP_PATH`` variable language-tool-python documents) is started once per process with
LanguageTool's own documented command, ``java -cp languagetool-server.jar
org.languagetool.server.HTTPServer --port N``, on a free loopback port, and stopped at exit.
A URL that is not on this machine is refused unless ``allow-remote = true``: unpublished
copy is private. A server that cannot be reached gives one notice, and Harper is used.
"""
from __future__ import annotations

import atexit
import ipaddress
import os
import shutil
import socket
import subprocess
import time
import urllib.parse
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable

from newslint.api import Category, OptionError, Resource, Severity, user_only

# LanguageTool rule categories (``match.rule.category.id``) -> newslint categories
CATEGORY_MAP: dict[str, tuple[Category, Severity]] = {
    "TYPOS": (Category.SPELLING, Severity.ERROR),
    "GRAMMAR": (Category.GRAMMAR, Severity.ERROR),
    "CONFUSED_WORDS": (Category.WORD_CHOICE, Severity.WARNING),
    "COLLOCATIONS": (Category.WORD_CHOICE, Severity.WARNING),
    "SEMANTICS": (Category.WORD_CHOICE, Severity.WARNING),
    "NONSTANDARD_PHRASES": (Category.WORD_CHOICE, Severity.WARNING),
    "REDUNDANCY": (Category.STYLE, Severity.INFO),
    "STYLE": (Category.STYLE, Severity.INFO),
    "PLAIN_ENGLISH": (Category.STYLE, Severity.INFO),
    "CASING": (Category.STYLE, Severity.WARNING),
    "PUNCTUATION": (Category.PUNCTUATION, Severity.WARNING),
    "TYPOGRAPHY": (Category.PUNCTUATION, Severity.INFO),
    "COMPOUNDING": (Category.SPELLING, Severity.WARNING),
    "MISC": (Category.GRAMMAR, Severity.WARNING),
    "BRITISH_ENGLISH": (Category.STYLE, Severity.INFO),
    "AMERICAN_ENGLISH_STYLE": (Category.STYLE, Severity.INFO),
}
NOT_CONFIGURED = "LanguageTool not configured; using Harper"
RETRY_AFTER = 60.0  # seconds before a long-lived process tries a failed server again


class LanguageToolError(Exception):
    pass


@dataclass(frozen=True)
class LanguageToolSection:
    """``[grammar.languagetool]``. ``url``, ``path`` and ``allow-remote`` come only from the
    user's configuration (see newslint.trust): a repository's file may not set them."""

    # a LanguageTool server you run, e.g. "http://localhost:8081"
    url: str | None = user_only(None, "sends the story's text to a server")
    # or an unzipped LanguageTool install (the folder with languagetool-server.jar)
    path: str | None = user_only(None, "starts a program")
    # a URL off this machine must be allowed explicitly: unpublished copy would leave it
    allow_remote: bool = user_only(False, "sends the story's text off this machine")
    # LanguageTool rule ids never to report
    disabled_rules: tuple[str, ...] = ()

    def __post_init__(self) -> None:
        if self.url is not None:
            try:
                parsed = urllib.parse.urlparse(self.url)
                ok = parsed.scheme in ("http", "https") and bool(parsed.hostname) and parsed.port != 0
            except ValueError:  # "http://[::1", "http://host:99999"
                ok = False
            if not ok:
                raise OptionError(f"[grammar.languagetool] url must be an http:// or https:// URL with a host, "
                                  f"got {self.url!r}")


@dataclass(frozen=True)
class Match:
    offset: int
    length: int
    message: str
    replacements: tuple[str, ...]
    rule_id: str
    category: str


def is_local_url(url: str) -> bool:
    host = urllib.parse.urlparse(url).hostname or ""
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


class Client:
    """language-tool-python clients of one server, one per language, made on first use."""

    def __init__(self, url: str, disabled: tuple[str, ...]) -> None:
        self.url = url.rstrip("/") + "/"
        self.disabled = disabled
        self._tools: dict[str, Any] = {}

    def tool(self, language: str) -> Any:
        tool = self._tools.get(language)
        if tool is None:
            import language_tool_python

            try:
                tool = language_tool_python.LanguageTool(language, remote_server=self.url)
            except Exception as exc:  # noqa: BLE001 - connection refused, bad answer...
                raise LanguageToolError(f"LanguageTool at {self.url} cannot be used: {exc}") from None
            tool.disabled_rules.update(self.disabled)
            self._tools[language] = tool
        return tool

    def check(self, text: str, language: str) -> list[Match]:
        try:
            found = self.tool(language).check(text)
        except LanguageToolError:
            raise
        except Exception as exc:  # noqa: BLE001 - the server went away mid-run
            raise LanguageToolError(f"LanguageTool at {self.url} failed: {exc}") from None
        return [Match(m.offset, m.error_length, m.message, tuple(m.replacements[:5]), m.rule_id, m.category)
                for m in found]


def _connect(s: LanguageToolSection, language: str) -> Client:
    url = _server_url(s)
    if url is None:
        raise LanguageToolError(NOT_CONFIGURED)
    client = Client(url, s.disabled_rules)
    client.tool(language)  # reach it now: a server that is down means Harper
    return client


# a working client per configured LanguageTool and language
_clients = Resource("languagetool-client", _connect, example=None)
# (section, language) -> (when it failed, what to tell the user)
_FAILED: dict[tuple[LanguageToolSection, str], tuple[float, str]] = {}


def get_client(s: LanguageToolSection, notify: Callable[[str], None], language: str) -> Client | None:
    """A working client for the configured LanguageTool and language, made once per process;
    None, with a notice, when none is configured or it cannot be reached."""
    failed = _FAILED.get((s, language))
    if failed and time.monotonic() - failed[0] < RETRY_AFTER:
        notify(failed[1])
        return None
    try:
        return _clients(s, language)
    except LanguageToolError as exc:
        message = str(exc) if str(exc) == NOT_CONFIGURED else f"{exc}; using Harper"
        _FAILED[(s, language)] = (time.monotonic(), message)
        notify(message)
        return None


def forget_client(s: LanguageToolSection, language: str, message: str) -> None:
    """After a failure mid-run: Harper takes over until RETRY_AFTER has passed."""
    _clients.reset(s, language)
    _FAILED[(s, language)] = (time.monotonic(), message)


def _server_url(s: LanguageToolSection) -> str | None:
    if s.url:
        if not is_local_url(s.url) and not s.allow_remote:
            raise LanguageToolError(
                f"LanguageTool URL {s.url} is not on this machine; unpublished copy would leave it "
                "(set grammar.languagetool.allow-remote = true to allow)")
        return s.url
    path = s.path or os.environ.get("LTP_PATH")
    if not path:
        return None
    install = _find_install(Path(os.path.expanduser(path)))
    if install is None:
        raise LanguageToolError(f"no LanguageTool install (languagetool-server.jar) under {path}")
    return _local(install)


def _find_install(root: Path) -> Path | None:
    if (root / "languagetool-server.jar").is_file():
        return root
    for jar in sorted(root.glob("*/languagetool-server.jar")):
        return jar.parent
    return None


def _start_local(install: Path, timeout: float = 90.0) -> str:
    """Start the install's HTTP server on a free loopback port (once per process: see _local)."""
    java = shutil.which("java")
    if java is None:
        raise LanguageToolError("LanguageTool needs Java 17 or newer, and no 'java' is on PATH")
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    proc = subprocess.Popen([java, "-cp", str(install / "languagetool-server.jar"),
                             "org.languagetool.server.HTTPServer", "--port", str(port)],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    atexit.register(proc.terminate)
    url = f"http://127.0.0.1:{port}/"
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            raise LanguageToolError(f"LanguageTool from {install} exited with status {proc.returncode}")
        try:
            import urllib.request  # http and ssl: only when a local server is started

            with urllib.request.urlopen(url + "v2/languages", timeout=2):  # noqa: S310 - loopback
                return url
        except OSError:
            time.sleep(0.5)
    proc.terminate()
    raise LanguageToolError(f"LanguageTool from {install} did not start within {timeout:.0f} s")


# the URL of the server started from each local install
_local = Resource("languagetool-local-server", _start_local, example=None)
