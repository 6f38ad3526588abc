"""The LanguageTool backend: a server the user runs, or a local install started once.

Never downloads: language-tool-python fetches LanguageTool on first use, so newslint only
hands it a directory that already holds an install (``grammar.languagetool.path`` or the
``LTP_PATH`` environment variable that language-tool-python reads). A server URL
(``grammar.languagetool.url``) is used through LanguageTool's documented HTTP API,
``POST /v2/check`` with the text as annotated ``data`` so that only prose is checked.
A non-local URL is refused unless ``allow-remote = true``: unpublished copy is private.
"""
from __future__ import annotations

import ipaddress
import json
import os
import threading
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from linter import notices
from linter.diagnostic import Category, Severity

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


class LanguageToolError(Exception):
    pass


@dataclass(frozen=True)
class LTSettings:
    url: str | None = None
    path: str | None = None
    allow_remote: bool = False
    disabled_rules: tuple[str, ...] = ()


def is_local_url(url: str) -> bool:
    host = urllib.parse.urlparse(url).hostname or ""
    if host in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


def annotated(text: str) -> str:
    """LanguageTool's annotated-text JSON for prose: one text item."""
    return json.dumps({"annotation": [{"text": text}]})


class HTTPClient:
    """Minimal client of LanguageTool's ``/v2/check`` (form-encoded POST, JSON answer)."""

    def __init__(self, url: str, timeout: float = 20.0) -> None:
        self.url = url.rstrip("/")
        if not self.url.endswith("/v2"):
            self.url += "/v2"
        self.timeout = timeout

    def check(self, text: str, language: str, disabled: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        form = {"data": annotated(text), "language": language}
        if disabled:
            form["disabledRules"] = ",".join(disabled)
        req = urllib.request.Request(self.url + "/check", data=urllib.parse.urlencode(form).encode(),
                                     headers={"Content-Type": "application/x-www-form-urlencoded",
                                              "Accept": "application/json"})
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:  # noqa: S310 - configured URL
                payload = json.loads(resp.read().decode("utf-8"))
        except (urllib.error.URLError, OSError, ValueError) as exc:
            raise LanguageToolError(f"LanguageTool at {self.url} failed: {exc}") from None
        return list(payload.get("matches", []))


_LOCK = threading.Lock()
_CLIENTS: dict[LTSettings, Any] = {}
_FAILED: set[LTSettings] = set()


def get_client(s: LTSettings) -> Any | None:
    """A client for the configured LanguageTool, built once per process; None (with one
    notice) when none is configured or it cannot be used."""
    if s in _FAILED:
        return None
    with _LOCK:
        if s in _CLIENTS:
            return _CLIENTS[s]
        client = None
        try:
            client = _make_client(s)
        except LanguageToolError as exc:
            notices.emit(f"{exc}; using Harper")
        if client is None:
            _FAILED.add(s)
            if not s.url and not (s.path or os.environ.get("LTP_PATH")):
                notices.emit(NOT_CONFIGURED)
            return None
        _CLIENTS[s] = client
        return client


def _make_client(s: LTSettings) -> Any | None:
    if s.url:
        if not is_local_url(s.url) and not s.allow_remote:
            raise LanguageToolError(
                f"LanguageTool URL {s.url} is not on this machine; unpublished copy would leave it "
                "(set grammar.languagetool.allow-remote = true to allow)")
        return HTTPClient(s.url)
    path = s.path or os.environ.get("LTP_PATH")
    if not path:
        return None
    install = _find_install(Path(path))
    if install is None:
        raise LanguageToolError(f"no LanguageTool install (languagetool-server.jar) under {path}")
    return _LocalServer(install)


def _find_install(root: Path) -> Path | None:
    if (root / "languagetool-server.jar").is_file():
        return root
    for jar in sorted(root.glob("*/languagetool-server.jar")):
        return jar.parent
    return None


class _LocalServer:
    """A local install, started once through language-tool-python (which then never downloads,
    since the install is already where it looks)."""

    def __init__(self, install: Path) -> None:
        os.environ["LTP_PATH"] = str(install.parent)
        import language_tool_python  # noqa: F401 - the user's requested backend

        self._tools: dict[str, Any] = {}
        self._install = install

    def check(self, text: str, language: str, disabled: tuple[str, ...] = ()) -> list[dict[str, Any]]:
        import language_tool_python

        tool = self._tools.get(language)
        if tool is None:
            try:
                tool = language_tool_python.LanguageTool(language)
            except Exception as exc:  # noqa: BLE001 - Java missing, port busy...
                raise LanguageToolError(f"cannot start LanguageTool from {self._install}: {exc}") from None
            if disabled:
                tool.disabled_rules.update(disabled)
            self._tools[language] = tool
        out = []
        for m in tool.check(text):
            out.append({"offset": m.offset, "length": m.error_length, "message": m.message,
                        "replacements": [{"value": r} for r in m.replacements],
                        "rule": {"id": m.rule_id, "category": {"id": m.category}}})
        return out
