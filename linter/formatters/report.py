"""`newslint report`: one self-contained HTML page for editors (no external scripts, styles or
fonts), to open from a CI artifact. A summary by category and rule; per story, a readability
chart drawn as inline SVG (sentence lengths, with the grade), the story's text with each
finding marked in place (one ``<mark>`` element per finding, its message on hover) and a
side list; filters by category and severity; stories collapse, the first few open."""
from __future__ import annotations

import html
from collections import Counter

from ..diagnostic import Diagnostic
from ..document import line_starts
from ..escape import printable
from ..registry import Registry
from ..results import FileResult, RunResult
from .text import clean_message, suggestion_text

OPEN_STORIES = 20  # stories shown open; the rest start collapsed

STYLE = """
body{font:15px/1.5 Georgia,serif;margin:0;color:#222;background:#fafaf7}
header{background:#1d3557;color:#fff;padding:12px 24px}
h1{font-size:20px;margin:0} h2{font-size:17px;margin:0}
main{padding:12px 24px} table{border-collapse:collapse;margin:8px 0}
td,th{border-bottom:1px solid #ddd;padding:2px 10px;text-align:left;font:13px sans-serif}
.filters{font:13px sans-serif;margin:8px 0} .filters label{margin-right:12px}
details{background:#fff;border:1px solid #ddd;border-radius:4px;margin:12px 0;padding:6px 12px}
summary{cursor:pointer;font:bold 14px sans-serif}
.story{display:flex;gap:18px;align-items:flex-start} .prose{flex:3;white-space:pre-wrap;font:14px/1.6 Georgia,serif}
.side{flex:2;font:12px sans-serif;max-height:600px;overflow:auto} .side li{margin:4px 0}
mark{border-radius:2px;padding:0 1px} mark.error{background:#f8b4b4} mark.warning{background:#fde68a}
mark.info{background:#bfdbfe} .hidden-finding{background:none!important} li.hidden-finding{display:none}
.sev{font-weight:bold} .error .sev{color:#b91c1c} .warning .sev{color:#a16207} .info .sev{color:#1d4ed8}
svg{background:#fff;border:1px solid #eee}
"""

SCRIPT = """
function applyFilters(){
  var off={};
  document.querySelectorAll('.filters input').forEach(function(b){if(!b.checked)off[b.value]=1;});
  document.querySelectorAll('[data-category]').forEach(function(el){
    var hide=off['c:'+el.dataset.category]||off['s:'+el.dataset.severity];
    el.classList.toggle('hidden-finding',!!hide);
  });
}
document.querySelectorAll('.filters input').forEach(function(b){b.addEventListener('change',applyFilters);});
"""


def _attrs(d: Diagnostic, i: int, result: RunResult) -> str:
    note = suggestion_text(d, result)
    title = f"{d.severity.value} {d.rule}: {printable(clean_message(d.message))}" + (f" ({note})" if note else "")
    return (f'id="f{i}" class="{d.severity.value}" data-rule="{html.escape(d.rule)}" '
            f'data-category="{d.category.value}" data-severity="{d.severity.value}" title="{html.escape(title)}"')


def marked_text(source: str, diags: list[Diagnostic], first_id: int, result: RunResult) -> str:
    """The source with one <mark> per finding; a finding inside or overlapping an earlier one
    gets its mark where the earlier one ends (or an empty mark), so every finding has one."""
    starts = line_starts(source)

    def offset(line: int, col: int) -> int:
        line = min(max(line, 1), len(starts))
        return min(starts[line - 1] + col - 1, len(source))

    spans = sorted(((offset(d.line, d.column), offset(d.end_line, d.end_column), k, d)
                    for k, d in enumerate(diags)), key=lambda x: (x[0], -x[1], x[2]))
    out, pos = [], 0
    for s, e, k, d in spans:
        s = max(s, pos)
        e = max(e, s)
        out.append(html.escape(source[pos:s]))
        out.append(f"<mark {_attrs(d, first_id + k, result)}>{html.escape(source[s:e])}</mark>")
        pos = e
    out.append(html.escape(source[pos:]))
    return "".join(out)


def readability_svg(f: FileResult) -> str:
    r = f.stats.get("readability") or {}
    lengths = r.get("sentence_lengths") or []
    if not lengths:
        return ""
    w, h, pad = 360, 90, 18
    bar = max(1.0, (w - 2 * pad) / len(lengths))
    top = max(max(lengths), 35)
    rects = []
    for i, n in enumerate(lengths):
        bh = (h - 2 * pad) * n / top
        color = "#dc2626" if n > 35 else "#2563eb"
        rects.append(f'<rect x="{pad + i * bar:.1f}" y="{h - pad - bh:.1f}" width="{max(bar - 1, 0.5):.1f}" '
                     f'height="{bh:.1f}" fill="{color}"><title>sentence {i + 1}: {n} words</title></rect>')
    limit = h - pad - (h - 2 * pad) * 35 / top
    return (f'<svg width="{w}" height="{h}" role="img" aria-label="sentence lengths">'
            f'<text x="{pad}" y="13" font-size="11" font-family="sans-serif">grade {r.get("grade")} - '
            f'{r.get("sentences")} sentences, {r.get("average_sentence_length")} words on average</text>'
            f'<line x1="{pad}" x2="{w - pad}" y1="{limit:.1f}" y2="{limit:.1f}" stroke="#999" stroke-dasharray="3"/>'
            + "".join(rects) + "</svg>")


def render(result: RunResult, registry: Registry, color: bool = False, statistics: bool = False) -> str:
    diags = result.diagnostics
    by_file: dict[str, list[Diagnostic]] = {}
    for d in diags:
        by_file.setdefault(d.path, []).append(d)
    cats = Counter(d.category.value for d in diags)
    sevs = Counter(d.severity.value for d in diags)
    rules = Counter(d.rule for d in diags)
    rows = "".join(f"<tr><td>{html.escape(r)}</td><td>{n}</td></tr>" for r, n in rules.most_common())
    filters = "".join(f'<label><input type="checkbox" value="c:{c}" checked> {c} ({n})</label>'
                      for c, n in sorted(cats.items()))
    filters += "".join(f'<label><input type="checkbox" value="s:{s}" checked> {s} ({sevs[s]})</label>'
                       for s in ("error", "warning", "info") if sevs[s])
    stories, next_id = [], 0
    for i, f in enumerate(result.files):
        mine = by_file.get(f.path, [])
        text = marked_text(f.source or "", mine, next_id, result)
        side = "".join(f'<li class="{d.severity.value}" data-category="{d.category.value}" '
                       f'data-severity="{d.severity.value}"><a href="#f{next_id + k}">{d.line}:{d.column}</a> '
                       f'<span class="sev">{d.severity.value}</span> '
                       f'{html.escape(printable(clean_message(d.message)))}</li>'
                       for k, d in enumerate(mine))
        next_id += len(mine)
        stories.append(f'<details{" open" if i < OPEN_STORIES else ""}><summary>{html.escape(printable(f.path))} - '
                       f'{len(mine)} finding{"s" if len(mine) != 1 else ""}</summary>{readability_svg(f)}'
                       f'<div class="story"><div class="prose">{text}</div><ol class="side">{side}</ol></div>'
                       "</details>")
    from .. import __version__

    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>newslint report</title>"
            f"<style>{STYLE}</style></head><body><header><h1>newslint report</h1>"
            f"<div>{len(diags)} findings in {len(by_file)} of {len(result.files)} stories - newslint {__version__}"
            f"</div></header><main><h2>Findings by rule</h2><table><tr><th>rule</th><th>findings</th></tr>{rows}"
            f"</table><div class=filters>Show: {filters}</div>{''.join(stories)}</main>"
            f"<script>{SCRIPT}</script></body></html>\n")
