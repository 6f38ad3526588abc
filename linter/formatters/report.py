"""`newslint report`: one self-contained HTML page for editors (no external scripts, styles or
fonts), to open from a CI artifact.

The page says when the run was and on which commit; a summary by rule; filters by category
and severity. Each story with findings is shown as an editor reads it (``rendering``): the
headline and standfirst from its front matter, its paragraphs without markup or template
syntax, each finding marked exactly over its words (one ``<mark>`` per finding, its message
on hover), beside the list of its findings; a readability chart drawn as inline SVG. Stories
without findings are listed by name, not shown. The engine's own notes (unused suppressions,
unreadable markup, a rule that failed) and the run's notices stand apart from the findings
about the copy."""
from __future__ import annotations

import html
from collections import Counter
from dataclasses import dataclass
from typing import Callable

from ..diagnostic import Diagnostic
from ..escape import printable
from ..markup import parse
from ..markup.options import MarkupOptions
from ..registry import ENGINE_IDS, Registry
from ..rendering import render_prose
from ..results import FileResult, RunResult
from .text import clean_message, suggestion_text

OPEN_STORIES = 20  # stories shown open; the rest start collapsed

STYLE = """
body{font:15px/1.5 Georgia,serif;margin:0;color:#222;background:#fafaf7}
header{background:#1d3557;color:#fff;padding:12px 24px} header .run{font:13px sans-serif;opacity:.9}
h1{font-size:20px;margin:0} h2{font:bold 16px sans-serif;margin:18px 0 6px}
main{padding:12px 24px} table{border-collapse:collapse;margin:8px 0}
td,th{border-bottom:1px solid #ddd;padding:2px 10px;text-align:left;font:13px sans-serif}
.filters{font:13px sans-serif;margin:8px 0} .filters label{margin-right:12px}
details{background:#fff;border:1px solid #ddd;border-radius:4px;margin:12px 0;padding:6px 12px}
summary{cursor:pointer;font:bold 14px sans-serif} summary .counts{font-weight:normal;color:#555}
.story{display:flex;gap:18px;align-items:flex-start}
.prose{flex:3;max-width:44em;font:15px/1.6 Georgia,serif} .prose p,.prose blockquote{margin:0 0 .8em}
.prose .headline{font-size:21px;line-height:1.25;margin:.2em 0 .4em} .prose .standfirst{font-size:17px;color:#444}
.prose .item:before{content:"\\2022  "} .prose .caption{font-style:italic;color:#555}
.side{flex:2;font:12px sans-serif;max-height:600px;overflow:auto} .side li{margin:4px 0}
mark{border-radius:2px;padding:0 1px} mark.error{background:#f8b4b4} mark.warning{background:#fde68a}
mark.info{background:#bfdbfe} mark:empty:after{content:"\\2038";color:#b91c1c}
.hidden-finding{background:none!important} li.hidden-finding{display:none}
.sev{font-weight:bold} .error .sev{color:#b91c1c} .warning .sev{color:#a16207} .info .sev{color:#1d4ed8}
.where{color:#666} ul.clean{columns:3;font:13px sans-serif} .notes{font:13px sans-serif}
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

_PLURALS = {"story": "stories", "entry": "entries"}


def plural(n: int, word: str) -> str:
    """"1 finding", "2 findings", "0 stories"."""
    return f"{n} {word if n == 1 else _PLURALS.get(word, word + 's')}"


@dataclass(frozen=True)
class RunInfo:
    """When the run was and what it read: shown at the top of the page."""

    date: str  # ISO 8601, to the minute
    commit: str | None = None  # "abc1234 on main", None outside git


def _esc(text: str) -> str:
    return html.escape(printable(text))


def _attrs(d: Diagnostic, i: int, result: RunResult) -> str:
    note = suggestion_text(d, result)
    title = f"{d.severity.value} {d.rule}: {printable(clean_message(d.message))}" + (f" ({note})" if note else "")
    return (f'id="f{i}" class="{d.severity.value}" data-rule="{html.escape(d.rule)}" '
            f'data-category="{d.category.value}" data-severity="{d.severity.value}" title="{html.escape(title)}"')


def _counts(diags: list[Diagnostic]) -> str:
    c = Counter(d.severity.value for d in diags)
    return ", ".join(plural(c[s], s) if s != "info" else f"{c[s]} info" for s in ("error", "warning", "info") if c[s])


def _story(f: FileResult, mine: list[Diagnostic], first_id: int, result: RunResult,
           markup: Callable[[str], MarkupOptions] | None, is_open: bool) -> str:
    prose, unplaced = "", list(range(len(mine)))
    if f.source is not None:
        doc = parse(f.path, f.source, None, markup(f.path) if markup else None)
        prose, unplaced = render_prose(doc, mine, lambda k, d: _attrs(d, first_id + k, result))
    apart = set(unplaced)
    side = "".join(
        f'<li class="{d.severity.value}" data-category="{d.category.value}" data-severity="{d.severity.value}">'
        + (f'<span class=where>{d.line}:{d.column} (not in the prose)</span>' if k in apart
           else f'<a href="#f{first_id + k}">{d.line}:{d.column}</a>')
        + f' <span class="sev">{d.severity.value}</span> {_esc(clean_message(d.message))}</li>'
        for k, d in enumerate(mine))
    return (f'<details{" open" if is_open else ""}><summary>{_esc(f.path)} <span class=counts>'
            f'{plural(len(mine), "finding")} ({_counts(mine)})</span></summary>{readability_svg(f)}'
            f'<div class="story"><div class="prose">{prose}</div><ol class="side">{side}</ol></div></details>')


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
                     f'height="{bh:.1f}" fill="{color}"><title>sentence {i + 1}: {plural(n, "word")}</title></rect>')
    limit = h - pad - (h - 2 * pad) * 35 / top
    return (f'<svg width="{w}" height="{h}" role="img" aria-label="sentence lengths">'
            f'<text x="{pad}" y="13" font-size="11" font-family="sans-serif">grade {r.get("grade")} - '
            f'{plural(r.get("sentences") or 0, "sentence")}, {r.get("average_sentence_length")} words on average'
            f'</text><line x1="{pad}" x2="{w - pad}" y1="{limit:.1f}" y2="{limit:.1f}" stroke="#999" '
            'stroke-dasharray="3"/>' + "".join(rects) + "</svg>")


def render(result: RunResult, registry: Registry, color: bool = False, statistics: bool = False, *,
           markup: Callable[[str], MarkupOptions] | None = None, run: RunInfo | None = None) -> str:
    """The page. `markup` gives the markup options a story was checked with (its
    configuration's ``[markup]``), so that it is rendered as it was read."""
    copy: dict[str, list[Diagnostic]] = {}
    engine: list[Diagnostic] = []
    for d in result.diagnostics:
        (engine if d.rule in ENGINE_IDS else copy.setdefault(d.path, [])).append(d)
    diags = [d for mine in copy.values() for d in mine]
    cats = Counter(d.category.value for d in diags)
    sevs = Counter(d.severity.value for d in diags)
    rows = "".join(f"<tr><td>{html.escape(r)}</td><td>{n}</td></tr>"
                   for r, n in Counter(d.rule for d in diags).most_common())
    filters = "".join(f'<label><input type="checkbox" value="c:{c}" checked> {c} ({n})</label>'
                      for c, n in sorted(cats.items()))
    filters += "".join(f'<label><input type="checkbox" value="s:{s}" checked> {s} ({sevs[s]})</label>'
                       for s in ("error", "warning", "info") if sevs[s])
    checked = [f for f in result.files if not f.skipped]
    stories, clean, next_id = [], [], 0
    for f in checked:
        mine = copy.get(f.path, [])
        if not mine:
            clean.append(f"<li>{_esc(f.path)}</li>")
            continue
        stories.append(_story(f, mine, next_id, result, markup, len(stories) < OPEN_STORIES))
        next_id += len(mine)
    notes = [f"<li>{_esc(d.path)}:{d.line}:{d.column} <b>{html.escape(d.rule)}</b> {_esc(clean_message(d.message))}"
             "</li>" for d in engine] + [f"<li>{_esc(n)}</li>" for n in result.notices]
    from .. import __version__

    when = f"Checked {html.escape(run.date)}" if run else "Checked"
    commit = (f" at commit {_esc(run.commit)}" if run.commit else " (not in a git repository)") if run else ""
    body = [f"<h2>Findings by rule</h2><table><tr><th>rule</th><th>findings</th></tr>{rows}</table>"
            f"<div class=filters>Show: {filters}</div>" if diags else "<p>No findings about the copy.</p>"]
    body += stories
    if clean:
        body.append(f"<h2>Stories without findings ({len(clean)})</h2><ul class=clean>{''.join(clean)}</ul>")
    if notes:
        body.append(f"<h2>Engine notes ({len(notes)})</h2><p class=notes>About newslint's own reading of the files "
                    f"(suppressions, markup, rules), not about the copy.</p><ul class=notes>{''.join(notes)}</ul>")
    return (f"<!DOCTYPE html><html lang=en><head><meta charset=utf-8><title>newslint report</title>"
            f"<style>{STYLE}</style></head><body><header><h1>newslint report</h1>"
            f"<div>{plural(len(diags), 'finding')} in {len(copy)} of {plural(len(checked), 'story')}</div>"
            f"<div class=run>{when}{commit} - newslint {__version__}</div></header><main>{''.join(body)}</main>"
            f"<script>{SCRIPT}</script></body></html>\n")
