"""``newslint server``: a Language Server Protocol server over stdio, on pygls.

The rules load once and stay warm. Diagnostics are published when a document opens, when it
is saved, and a moment after it changes (debounced: typing does not start a check per key).
newslint counts columns in code points; LSP counts UTF-16 code units, so every position is
converted (an emoji is two units, a CJK character one). Each finding carries its suggestions
and safe fix, offered as code actions; hovering over a finding shows its rule's
documentation. The configuration is the nearest ``newslint.toml`` to each document, found and
validated exactly as the CLI does, and re-read when it or a dictionary it names changes. A
document that cannot be checked gets one error diagnostic; the server goes on.

Two more code actions (see actions.py): "add to dictionary" on a spelling finding writes the
word to the dictionary file the nearest configuration names (inside the workspace only), and
"ignore here" inserts the ``newslint-disable-next-line`` comment in the file's own syntax
(``{/* */}`` in MDX).
"""
from __future__ import annotations

import asyncio
import os
import sys
import threading
from pathlib import Path
from urllib.parse import unquote, urlparse

from lsprotocol import types as lsp
from pygls.exceptions import JsonRpcException
from pygls.lsp.server import LanguageServer
from pygls.protocol import LanguageServerProtocol

from . import __version__, filecache, stdio
from .actions import add_word, dictionary_file, dictionary_word, suppression
from .config import ConfigError, find_config_file
from .context import Overrides, RunContext
from .diagnostic import Applicability, Diagnostic, Severity
from .document import line_starts
from .fixes import describe_edit
from .markup.frontmatter import split_front_matter
from .registry import default_registry
from .runner import lint_source_text
from .safeio import OutputError

DEBOUNCE_SECONDS = 0.25
_SEVERITY = {Severity.ERROR: lsp.DiagnosticSeverity.Error, Severity.WARNING: lsp.DiagnosticSeverity.Warning,
             Severity.INFO: lsp.DiagnosticSeverity.Information}
_FORMATS = {"markdown": "markdown", "mdx": "mdx", "html": "html", "plaintext": "plain"}
_EXTENSIONS = {".md": "markdown", ".markdown": "markdown", ".mdown": "markdown", ".mdx": "mdx", ".html": "html",
               ".htm": "html"}
ADD_TO_DICTIONARY = "newslint.addToDictionary"


def uri_to_path(uri: str) -> str | None:
    parsed = urlparse(uri)
    return unquote(parsed.path) if parsed.scheme == "file" else None


class Positions:
    """Code-point offsets of one text to LSP (line, UTF-16 character) positions and back."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.starts = line_starts(text)

    def to_lsp(self, offset: int) -> lsp.Position:
        from bisect import bisect_right

        line = bisect_right(self.starts, offset) - 1
        prefix = self.text[self.starts[line]:offset]
        return lsp.Position(line=line, character=len(prefix.encode("utf-16-le")) // 2)

    def from_lsp(self, pos: lsp.Position) -> int:
        if pos.line >= len(self.starts):
            return len(self.text)
        start = self.starts[pos.line]
        end = self.starts[pos.line + 1] if pos.line + 1 < len(self.starts) else len(self.text)
        units = 0
        for i in range(start, end):
            if units >= pos.character:
                return i
            units += 2 if ord(self.text[i]) > 0xFFFF else 1
        return end


class _Protocol(LanguageServerProtocol):
    """Answers a request whose parameters are not valid LSP (a negative position, say) with an
    "invalid params" error, as JSON-RPC requires: pygls logged it and left the client waiting."""

    def structure_message(self, data):
        try:
            return super().structure_message(data)
        except JsonRpcException as exc:
            if not (isinstance(data, dict) and "id" in data and "method" in data):
                raise
            self._send_response(data["id"], error=lsp.ResponseError(code=exc.code, message=exc.message))
            return _ANSWERED


class _Answered:
    jsonrpc = "answered"  # not a JSON-RPC version: pygls passes it over


_ANSWERED = _Answered()


class NewslintServer(LanguageServer):
    def __init__(self) -> None:
        super().__init__("newslint", __version__, text_document_sync_kind=lsp.TextDocumentSyncKind.Incremental,
                         protocol_cls=_Protocol)
        self.lock = threading.Lock()  # one check at a time: the rules are shared
        self.ctx: RunContext | None = None
        self.config_stamp: dict[str, object] = {}
        self.findings: dict[str, tuple[str, list[Diagnostic]]] = {}  # uri -> (text, findings)
        self.pending: dict[str, asyncio.TimerHandle] = {}

    # -- checking ---------------------------------------------------------------------------------
    def context_for(self, path: str | None) -> RunContext:
        """The run context, rebuilt when a configuration file or a dictionary it read has changed."""
        directory = Path(os.path.dirname(path)) if path else Path(self.workspace.root_path or os.getcwd())
        cfg = find_config_file(directory)
        stamps = dict(self.config_stamp)
        if cfg is not None:
            stamps[str(cfg)] = filecache.stamp(cfg)
            stamps.update(self._dictionary_stamps(path))
        if self.ctx is None or stamps != self.config_stamp:
            self.ctx = RunContext(Overrides())
            self.config_stamp = {**stamps, **self._dictionary_stamps(path)}
        return self.ctx

    def _dictionary_stamps(self, path: str | None) -> dict[str, object]:
        if self.ctx is None:
            return {}
        try:
            return {str(p): filecache.stamp(p) for p in self.ctx.config_for(path).dictionary}
        except ConfigError:  # the check reports it
            return {}

    def dictionary_for(self, path: str | None) -> Path | None:
        """The dictionary "add to dictionary" writes for a document (see actions.py); the
        caller holds the lock."""
        if not path:
            return None
        try:
            cfg = self.context_for(path).config_for(path)
        except ConfigError:
            return None
        root = self.workspace.root_path or (cfg.path.parent if cfg.path else None)
        return dictionary_file(cfg, root) if root else None

    def recheck_all(self) -> None:
        """Re-read every configuration and dictionary, and check the open documents again."""
        self.config_stamp = {"changed": 0.0}
        for uri in list(self.findings):
            self.schedule(uri, 0)

    def check(self, uri: str) -> None:
        doc = self.workspace.get_text_document(uri)
        text = doc.source
        path = uri_to_path(uri)
        fmt = _FORMATS.get(doc.language_id or "")
        try:
            with self.lock:
                ctx = self.context_for(path)
                ctx.overrides.fmt = None if path and Path(path).suffix else (fmt or "plain")
                result = lint_source_text(text, path or uri, context=ctx)
            findings = result.diagnostics
            published = [self.to_lsp(d, Positions(text)) for d in findings]
        except (ConfigError, Exception) as exc:  # noqa: BLE001 - one diagnostic, never a crash
            findings, published = [], [lsp.Diagnostic(
                range=lsp.Range(lsp.Position(0, 0), lsp.Position(0, 1)), severity=lsp.DiagnosticSeverity.Error,
                source="newslint", message=f"newslint could not check this document: {exc}")]
        self.findings[uri] = (text, findings)
        self.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=uri, diagnostics=published,
                                                                            version=doc.version))

    def schedule(self, uri: str, delay: float) -> None:
        loop = asyncio.get_event_loop()
        old = self.pending.pop(uri, None)
        if old is not None:
            old.cancel()

        def run() -> None:
            self.pending.pop(uri, None)
            loop.run_in_executor(None, self.check, uri)

        self.pending[uri] = loop.call_later(delay, run)

    @staticmethod
    def to_lsp(d: Diagnostic, pos: Positions) -> lsp.Diagnostic:
        fix = None
        if d.fix is not None:
            fix = {"safe": d.fix.applicability == Applicability.SAFE, "description": d.fix.description,
                   "edits": [[e.start, e.end, e.text] for e in d.fix.edits]}
        return lsp.Diagnostic(
            range=lsp.Range(pos.to_lsp(d.start), pos.to_lsp(max(d.end, d.start))),
            severity=_SEVERITY[d.severity], code=d.rule, source="newslint", message=d.message,
            data={"suggestions": list(d.suggestions[:5]), "fix": fix, "start": d.start, "end": d.end,
                  "category": d.category.value})


server = NewslintServer()


@server.feature(lsp.INITIALIZED)
def initialized(ls: NewslintServer, params: lsp.InitializedParams) -> None:
    """Build the rules and start loading their resources before the first document."""
    root = ls.workspace.root_path or os.getcwd()
    try:
        ls.context_for(os.path.join(root, "story.md")).engine(os.path.join(root, "story.md"))
    except ConfigError as exc:
        ls.window_log_message(lsp.LogMessageParams(type=lsp.MessageType.Error, message=f"newslint: {exc}"))


@server.feature(lsp.TEXT_DOCUMENT_DID_OPEN)
def did_open(ls: NewslintServer, params: lsp.DidOpenTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CHANGE)
def did_change(ls: NewslintServer, params: lsp.DidChangeTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, DEBOUNCE_SECONDS)


@server.feature(lsp.TEXT_DOCUMENT_DID_SAVE)
def did_save(ls: NewslintServer, params: lsp.DidSaveTextDocumentParams) -> None:
    ls.schedule(params.text_document.uri, 0)


@server.feature(lsp.TEXT_DOCUMENT_DID_CLOSE)
def did_close(ls: NewslintServer, params: lsp.DidCloseTextDocumentParams) -> None:
    ls.findings.pop(params.text_document.uri, None)
    ls.text_document_publish_diagnostics(lsp.PublishDiagnosticsParams(uri=params.text_document.uri, diagnostics=[]))


@server.feature(lsp.WORKSPACE_DID_CHANGE_WATCHED_FILES)
def did_change_watched(ls: NewslintServer, params: lsp.DidChangeWatchedFilesParams) -> None:
    ls.recheck_all()


@server.command(ADD_TO_DICTIONARY)
def add_to_dictionary(ls: NewslintServer, uri: str, word: str) -> str:
    """Write `word` to the dictionary of the configuration nearest to the document `uri`."""
    path = uri_to_path(uri)
    clean = dictionary_word(word)
    with ls.lock:
        target = ls.dictionary_for(path)
        if clean is None or target is None:
            message = f"newslint: {word!r} is not one word" if clean is None else \
                "newslint: no dictionary to add to (name one in newslint.toml: dictionary = [\"newsroom.dic\"])"
        else:
            try:
                added = add_word(target, clean)
                message = f"newslint: added '{clean}' to {target}" if added else f"newslint: '{clean}' is in {target}"
            except OutputError as exc:
                message = f"newslint: {exc}"
    ls.window_show_message(lsp.ShowMessageParams(type=lsp.MessageType.Info, message=message))
    ls.recheck_all()
    return message


def _format_of(path: str | None, language_id: str | None) -> str:
    ext = os.path.splitext(path or "")[1].lower()
    return _EXTENSIONS.get(ext) or _FORMATS.get(language_id or "") or "plain"


def _more_actions(ls: NewslintServer, uri: str, text: str, pos: Positions, diag: lsp.Diagnostic,
                  data: dict) -> list[lsp.CodeAction]:
    """"Add to dictionary" for a spelling finding, and "ignore here" for any finding."""
    out = []
    doc = ls.workspace.get_text_document(uri)
    path = uri_to_path(uri)
    start = pos.from_lsp(diag.range.start)
    word = dictionary_word(text[start:pos.from_lsp(diag.range.end)]) if data.get("category") == "spelling" else None
    with ls.lock:
        target = ls.dictionary_for(path) if word else None
    if target is not None:
        shown = os.path.relpath(target, ls.workspace.root_path) if ls.workspace.root_path else str(target)
        title = f"newslint: add '{word}' to {shown}"
        out.append(lsp.CodeAction(title=title, kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag],
                                  command=lsp.Command(title=title, command=ADD_TO_DICTIONARY, arguments=[uri, word])))
    fmt = _format_of(path, doc.language_id)
    edit = suppression(text, fmt, start, str(diag.code), split_front_matter(text).end if fmt in ("markdown", "mdx")
                       else 0)
    if edit is not None:
        at = pos.to_lsp(edit.start)
        out.append(lsp.CodeAction(title=f"newslint: ignore {diag.code} here", kind=lsp.CodeActionKind.QuickFix,
                                  diagnostics=[diag], edit=lsp.WorkspaceEdit(changes={uri: [
                                      lsp.TextEdit(range=lsp.Range(at, at), new_text=edit.text)]})))
    return out


@server.feature(lsp.TEXT_DOCUMENT_CODE_ACTION,
                lsp.CodeActionOptions(code_action_kinds=[lsp.CodeActionKind.QuickFix]))
def code_action(ls: NewslintServer, params: lsp.CodeActionParams) -> list[lsp.CodeAction]:
    uri = params.text_document.uri
    text = ls.workspace.get_text_document(uri).source
    pos = Positions(text)
    actions = []
    for diag in params.context.diagnostics:
        data = diag.data if isinstance(diag.data, dict) else {}
        if diag.source != "newslint" or not data:
            continue
        # the data comes back from the client: only what newslint itself would have sent is used
        fix = _fix_of(data.get("fix"), len(text))
        if fix:
            edits = [lsp.TextEdit(range=lsp.Range(pos.to_lsp(s), pos.to_lsp(e)), new_text=t) for s, e, t in fix["edits"]]
            first = fix["edits"][0] if fix["edits"] else None
            title = describe_edit(text[first[0]:first[1]], first[2]) if first else fix["description"]
            actions.append(lsp.CodeAction(title=f"newslint: {title}",
                                          kind=lsp.CodeActionKind.QuickFix, diagnostics=[diag],
                                          is_preferred=bool(fix["safe"]), edit=lsp.WorkspaceEdit(changes={uri: edits})))
        span = text[pos.from_lsp(diag.range.start):pos.from_lsp(diag.range.end)]
        suggestions = data.get("suggestions")
        for s in suggestions[:5] if isinstance(suggestions, list) else []:
            if not isinstance(s, str) or (fix and any(t == s for _, _, t in fix["edits"])):
                continue
            actions.append(lsp.CodeAction(title=f"newslint: {describe_edit(span, s)}", kind=lsp.CodeActionKind.QuickFix,
                                          diagnostics=[diag], edit=lsp.WorkspaceEdit(changes={uri: [
                                              lsp.TextEdit(range=diag.range, new_text=s)]})))
        actions.extend(_more_actions(ls, uri, text, pos, diag, data))
    return actions


def _fix_of(fix: object, length: int) -> dict | None:
    """A fix as ``to_lsp`` puts it in a diagnostic's data, or None when `fix` is not one:
    edits of [start, end, text] inside the document, a description, a safe flag."""
    if not isinstance(fix, dict) or not isinstance(fix.get("description"), str) or \
            not isinstance(fix.get("safe"), bool) or not isinstance(fix.get("edits"), list) or not fix["edits"]:
        return None
    for edit in fix["edits"]:
        if not (isinstance(edit, list) and len(edit) == 3 and isinstance(edit[2], str)
                and all(type(x) is int for x in edit[:2]) and 0 <= edit[0] <= edit[1] <= length):
            return None
    return fix


@server.feature(lsp.TEXT_DOCUMENT_HOVER)
def hover(ls: NewslintServer, params: lsp.HoverParams) -> lsp.Hover | None:
    uri = params.text_document.uri
    text, findings = ls.findings.get(uri, ("", []))
    if not findings:
        return None
    at = Positions(text).from_lsp(params.position)
    for d in findings:
        if d.start <= at <= max(d.end, d.start + 1):
            doc = default_registry().explain(d.rule) or d.rule
            return lsp.Hover(contents=lsp.MarkupContent(kind=lsp.MarkupKind.PlainText, value=f"{d.message}\n\n{doc}"))
    return None


def serve() -> None:
    out = stdio.guard()  # JSON-RPC only on stdout, whatever a native library prints
    with stdio.diverted():
        server.start_io(sys.stdin.buffer, out.buffer)
