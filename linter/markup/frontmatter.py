"""YAML (``---``) and TOML (``+++``) front matter at the top of a Markdown file."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..compat import tomllib
from ..document import line_starts
from ..limits import MAX_YAML_NODES

_OPEN = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*(?:\r\n?|\n)")


def _close(fence: str) -> re.Pattern:
    """The closing fence line (a line ends at "\n", "\r\n" or a lone "\r")."""
    return re.compile(r"(?:^|(?<=\r))" + re.escape(fence) + r"[ \t]*(?:\r\n?|\n|\Z)", re.M)


@dataclass
class FrontMatter:
    end: int = 0  # source offset just after the closing fence line; 0 when there is none
    data: dict[str, Any] = field(default_factory=dict)
    error: tuple[int, str] | None = None  # (source offset, message)


class TooManyNodes(ValueError):
    """YAML whose aliases expand to more values than ``MAX_YAML_NODES``."""


def _yaml_tree(body: str):
    """The YAML node tree of `body`, refused when its aliases expand to more than
    ``MAX_YAML_NODES`` values: a few hundred bytes of nested aliases (the "billion laughs")
    stand for a tree that no walk over the values finishes."""
    import yaml

    root = yaml.compose(body, Loader=yaml.SafeLoader)
    stack = [root] if root is not None else []
    seen = 0
    while stack:
        node = stack.pop()
        seen += 1
        if seen > MAX_YAML_NODES:
            raise TooManyNodes(f"its aliases expand to more than {MAX_YAML_NODES:,} values "
                               "(the limit, newslint.limits.MAX_YAML_NODES)")
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                stack += (k, v)
        elif isinstance(node, yaml.SequenceNode):
            stack += node.value
    return root


def split_front_matter(source: str) -> FrontMatter:
    m = _OPEN.match(source)
    if not m:
        return FrontMatter()
    fence = m.group(1)
    c = _close(fence).search(source, m.end())
    if not c:
        return FrontMatter(error=(0, f"front matter opened with '{fence}' is never closed"))
    body = source[m.end():c.start()]
    fm = FrontMatter(end=c.end())
    try:
        if fence == "---":
            import yaml

            loader = yaml.SafeLoader("")
            try:
                data = loader.construct_document(_yaml_tree(body)) if body.strip() else None
            finally:
                loader.dispose()
        else:
            data = tomllib.loads(body)
        fm.data = data if isinstance(data, dict) else {}
    except TooManyNodes as exc:
        fm.error = (m.start(1), f"front matter not read: {exc}")
    except RecursionError:
        fm.error = (m.start(1), "front matter not read: it is nested more deeply than newslint reads")
    except Exception as exc:  # noqa: BLE001 - any parser error is reported, not raised
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        offset = m.end()
        if line is not None:
            starts = line_starts(body)
            offset += starts[min(line, len(starts) - 1)]
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        fm.error = (offset, f"malformed front matter: {msg}")
    return fm


# Front matter fields that are published copy, by the name they go by in the site generators'
# own documentation and news CMS exports (key, matched case-insensitively at any depth ->
# scope): Hugo, Jekyll and Astro all use title/description/summary; news CMSes add the deck
# (subtitle, dek) and the photo fields.
PROSE_FIELDS: dict[str, str] = {
    "title": "headline", "headline": "headline",
    "subtitle": "standfirst", "dek": "standfirst", "deck": "standfirst", "subhead": "standfirst",
    "description": "standfirst", "summary": "standfirst", "excerpt": "standfirst",
    "standfirst": "standfirst", "lede": "standfirst", "teaser": "standfirst",
    "caption": "caption", "alt": "caption", "image_alt": "caption", "image_caption": "caption",
    "alt_text": "caption",
}


@dataclass(frozen=True)
class Field:
    """One front matter value that is prose: its lines as source ranges."""

    ranges: tuple[tuple[int, int], ...]
    scope: str
    quote: str = ""      # '"' (escapes apply), "'" ('' is a quote) or "" (plain, block)
    joiner: str = " "   # what stands between two lines: " " (folded) or "\n" (literal |)


def prose_fields(source: str, fields: dict[str, str] = PROSE_FIELDS) -> list[Field]:
    """The prose values of the front matter at the top of `source`, in source order."""
    m = _OPEN.match(source)
    if not m:
        return []
    fence = m.group(1)
    c = _close(fence).search(source, m.end())
    if not c:
        return []
    lower = {k.lower(): v for k, v in fields.items()}
    try:
        out = (_yaml_fields if fence == "---" else _toml_fields)(source, m.end(), c.start(), lower)
    except Exception:  # noqa: BLE001 - malformed front matter is reported by split_front_matter
        return []
    return sorted(out, key=lambda f: f.ranges[0])


def _lines(source: str, s: int, e: int, strip: bool = True) -> list[tuple[int, int]]:
    out = []
    for piece in re.finditer(r"[^\r\n]+", source[s:e]):
        ls, le = s + piece.start(), s + piece.end()
        if strip:
            while ls < le and source[ls] in " \t":
                ls += 1
        while le > ls and source[le - 1] in " \t\r":
            le -= 1
        if le > ls:
            out.append((ls, le))
    return out


def _yaml_fields(source: str, start: int, end: int, fields: dict[str, str]) -> list[Field]:
    import yaml

    root = _yaml_tree(source[start:end])
    out: list[Field] = []

    def walk(node) -> None:
        if isinstance(node, yaml.MappingNode):
            for k, v in node.value:
                scope = fields.get(str(k.value).lower()) if isinstance(k, yaml.ScalarNode) else None
                if scope and isinstance(v, yaml.ScalarNode) and v.tag.endswith(":str") and v.value.strip():
                    out.append(_yaml_scalar(source, start, v, scope))
                else:
                    walk(v)
        elif isinstance(node, yaml.SequenceNode):
            for v in node.value:
                walk(v)

    walk(root)
    return [f for f in out if f.ranges]


def _yaml_scalar(source: str, base: int, node, scope: str) -> Field:
    s, e = base + node.start_mark.index, base + node.end_mark.index
    style = node.style or ""
    if style in "\"'" and style:
        return Field(tuple(_lines(source, s + 1, e - 1)), scope, style)
    if style in ("|", ">"):
        eol = re.compile(r"\r\n?|\n").search(source, s, e)
        body = eol.end() if eol else e  # the lines after the indicator
        return Field(tuple(_lines(source, body, e)), scope, "", "\n" if style == "|" else " ")
    return Field(tuple(_lines(source, s, e)), scope)


_TOML_VALUE = re.compile(
    r"""^[ \t]*((?:[\w-]+|"[^"\n]*")(?:[ \t]*\.[ \t]*(?:[\w-]+|"[^"\n]*"))*)[ \t]*=[ \t]*"""
    r'''(?:"""(?P<ml>.*?)"""|'\'\'(?P<mll>.*?)'\'\'|"(?P<b>(?:[^"\\\n]|\\.)*)"|'(?P<l>[^'\n]*)')''',
    re.M | re.S)


def _toml_fields(source: str, start: int, end: int, fields: dict[str, str]) -> list[Field]:
    out = []
    for m in _TOML_VALUE.finditer(source, start, end):
        key = m.group(1).rsplit(".", 1)[-1].strip().strip('"').lower()
        scope = fields.get(key)
        if not scope:
            continue
        for g, quote, joiner in (("ml", '"', "\n"), ("mll", "", "\n"), ("b", '"', " "), ("l", "", " ")):
            if m.group(g) is not None and m.group(g).strip():
                out.append(Field(tuple(_lines(source, m.start(g), m.end(g))), scope, quote, joiner))
    return out
