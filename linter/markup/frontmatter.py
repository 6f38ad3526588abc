"""YAML (``---``) and TOML (``+++``) front matter at the top of a Markdown file."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from ..compat import tomllib

_OPEN = re.compile(r"\A(?:\ufeff)?(---|\+\+\+)[ \t]*\r?\n")


@dataclass
class FrontMatter:
    end: int = 0  # source offset just after the closing fence line; 0 when there is none
    data: dict[str, Any] = field(default_factory=dict)
    error: tuple[int, str] | None = None  # (source offset, message)


def split_front_matter(source: str) -> FrontMatter:
    m = _OPEN.match(source)
    if not m:
        return FrontMatter()
    fence = m.group(1)
    close = re.compile(r"^" + re.escape(fence) + r"[ \t]*(?:\r?\n|\Z)", re.M)
    c = close.search(source, m.end())
    if not c:
        return FrontMatter(error=(0, f"front matter opened with '{fence}' is never closed"))
    body = source[m.end():c.start()]
    fm = FrontMatter(end=c.end())
    try:
        if fence == "---":
            import yaml

            data = yaml.safe_load(body)
        else:
            data = tomllib.loads(body)
        fm.data = data if isinstance(data, dict) else {}
    except Exception as exc:  # noqa: BLE001 - any parser error is reported, not raised
        line = getattr(getattr(exc, "problem_mark", None), "line", None)
        offset = m.end()
        if line is not None:
            for _ in range(line):
                nxt = source.find("\n", offset)
                if nxt == -1 or nxt >= c.start():
                    break
                offset = nxt + 1
        msg = str(exc).splitlines()[0] if str(exc) else type(exc).__name__
        fm.error = (offset, f"malformed front matter: {msg}")
    return fm
