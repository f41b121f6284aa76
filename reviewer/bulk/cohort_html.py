"""index.html: the cohort table, one row per applicant and a column per rule, sortable and filterable."""
from __future__ import annotations

from html import escape
from urllib.parse import quote

from .worker import Outcome

LEVEL_MARK = {"error": "●", "warning": "●", "suggestion": "○"}

STYLE = """
body{font:15px/1.4 system-ui,sans-serif;margin:1.5rem;color:#1b1b1b}
table.cohort{border-collapse:collapse;font-size:13px}
.cohort th,.cohort td{border:1px solid #ccc;padding:.25rem .4rem;text-align:center}
.cohort td.file{text-align:left;white-space:nowrap}
.cohort th.rule{writing-mode:vertical-rl;transform:rotate(180deg);white-space:nowrap;font-weight:normal}
.cohort th{cursor:pointer;background:#f3f3f3}
.cohort td.error{color:#a00000;font-weight:bold}.cohort td.warning{color:#8a5300;font-weight:bold}
.cohort td.suggestion{color:#245}.cohort td.problem{text-align:left;color:#a00000}
.cohort tr.failed td.file{text-decoration:line-through}
.vh{position:absolute;left:-9999px}
.filters{margin:.8rem 0}.filters label{margin-right:1rem}
.legend{font-size:13px;color:#444}
"""

SCRIPT = """
(function(){
var table=document.querySelector('table.cohort');if(!table)return;
var body=table.tBodies[0],rows=Array.prototype.slice.call(body.rows);
var rule=document.getElementById('rule-filter'),text=document.getElementById('name-filter');
function filter(){var r=rule.value,t=text.value.toLowerCase();rows.forEach(function(row){
var rules=' '+row.getAttribute('data-rules')+' ',show=true;
if(r==='__failed')show=row.classList.contains('failed');else if(r==='__any')show=rules.trim()!=='';
else if(r)show=rules.indexOf(' '+r+' ')>=0;
if(t&&row.getAttribute('data-file').toLowerCase().indexOf(t)<0)show=false;row.hidden=!show;});}
rule.addEventListener('change',filter);text.addEventListener('input',filter);
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(th,i){th.addEventListener('click',function(){
var dir=th.getAttribute('aria-sort')==='descending'?1:-1;
Array.prototype.forEach.call(table.tHead.rows[0].cells,function(c){c.removeAttribute('aria-sort');});
th.setAttribute('aria-sort',dir>0?'ascending':'descending');
rows.sort(function(a,b){var x=a.cells[i].getAttribute('data-v'),y=b.cells[i].getAttribute('data-v');
var nx=parseFloat(x),ny=parseFloat(y),c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:String(x).localeCompare(String(y));
return c*dir;});rows.forEach(function(r){body.appendChild(r);});});});
})();
"""


def _cell(value, shown=None, cls: str = "") -> str:
    attr = f' class="{cls}"' if cls else ""
    shown = escape(str(value if shown is None else shown))
    return f'<td{attr} data-v="{escape("" if value is None else str(value))}">{shown}</td>'


def _file_cell(outcome: Outcome, links: bool) -> str:
    name = escape(outcome.path)
    if not (links and "review.html" in outcome.files):
        return f'<td class="file" data-v="{name}">{name}</td>'
    parts = [f'<a href="{quote(outcome.stem)}.review.html">{name}</a>']
    if "review.json" in outcome.files:
        parts.append(f'<a href="{quote(outcome.stem)}.review.json">JSON</a>')
    if "commented.docx" in outcome.files:
        parts.append(f'<a href="{quote(outcome.stem)}.commented.docx">Word</a>')
    return f'<td class="file" data-v="{name}">{" · ".join(parts)}</td>'


def _row(outcome: Outcome, cv: str, rules, links: bool) -> str:
    cells = [_file_cell(outcome, links), _cell(cv)]
    if outcome.reviewed:
        cells += [_cell(outcome.words), _cell(outcome.passage_sentences), _cell(f"{outcome.share:.3f}")]
        for rule in rules:
            level = outcome.fired.get(rule.id)
            if level:
                mark = f'{LEVEL_MARK[level]}<span class="vh"> {escape(rule.id)} ({level})</span>'
                cells.append(f'<td class="{level}" data-v="1" title="{escape(rule.id)}: {level}">{mark}</td>')
            else:
                cells.append('<td data-v="0"></td>')
        cells += [_cell(outcome.counts.get(level, 0)) for level in ("error", "warning", "suggestion")]
    else:
        cells += ['<td data-v=""></td>'] * (3 + len(rules) + 3)
    cells.append(_cell(outcome.error, cls="problem") if outcome.error else '<td data-v=""></td>')
    fired = escape(" ".join(sorted(outcome.fired)))
    failed = ' class="failed"' if not outcome.reviewed else ""
    return f'<tr{failed} data-file="{escape(outcome.path)}" data-rules="{fired}">{"".join(cells)}</tr>'


def cohort_table(outcomes: list[Outcome], cv_paths: dict, rules, *, links: bool = True) -> str:
    """The filter controls and the table, as an HTML fragment (the web page embeds it too)."""
    options = "".join(f'<option value="{escape(r.id)}">{escape(r.id)} ({r.level})</option>' for r in rules)
    head = ['<th>File</th>', '<th>CV</th>', '<th>Words</th>', '<th>Passage sentences</th>', '<th>Share</th>']
    head += [f'<th class="rule" title="{escape(" ".join((r.summary or r.message).split()))}">{escape(r.id)}</th>'
             for r in rules]
    head += ['<th>Errors</th>', '<th>Warnings</th>', '<th>Suggestions</th>', '<th>Problem</th>']
    body = "\n".join(_row(o, cv_paths.get(o.index, ""), rules, links) for o in outcomes)
    return (
        '<div class="filters"><label>Show <select id="rule-filter"><option value="">every applicant</option>'
        '<option value="__any">with any finding</option><option value="__failed">not reviewed</option>'
        f'{options}</select></label><label>Name contains <input id="name-filter" type="search"></label></div>\n'
        '<p class="legend">● error or warning, ○ suggestion; click a column heading to sort.</p>\n'
        f'<table class="cohort"><thead><tr>{"".join(head)}</tr></thead>\n<tbody>\n{body}\n</tbody></table>\n'
    )


def unpaired_list(unpaired: list[tuple[str, str]]) -> str:
    if not unpaired:
        return ""
    items = "".join(f"<li>{escape(path)}: {escape(reason)}</li>" for path, reason in unpaired)
    return f'<h2>CVs not used</h2>\n<ul class="unpaired">{items}</ul>\n'


def index_html(outcomes: list[Outcome], cv_paths: dict, rules, unpaired, *, as_of: str) -> str:
    """The whole self-contained page, opened from disk next to the per-applicant reports."""
    reviewed = sum(o.reviewed for o in outcomes)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>Cohort review ({len(outcomes)} statements)</title><style>{STYLE}</style></head><body>\n'
        f'<h1>Cohort review</h1>\n<p>{reviewed} of {len(outcomes)} statements reviewed against the guide, '
        f'as of {escape(as_of)}. Each name opens that applicant\'s annotated report; the full findings are in '
        'the JSON, and the Word file carries them as comments.</p>\n'
        f'{cohort_table(outcomes, cv_paths, rules)}{unpaired_list(unpaired)}'
        f'<script>{SCRIPT}</script>\n</body></html>\n'
    )
