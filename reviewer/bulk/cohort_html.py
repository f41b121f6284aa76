"""index.html and the /bulk page's table: one row per applicant with a status in words and the findings grouped
by area (exam passage, blame and growth, regional ties, CV, length and wording); each row opens in place to the
applicant's findings with their sentences. Sortable and filterable with JavaScript; complete without it."""
from __future__ import annotations

from html import escape
from urllib.parse import quote

from ..render.html import guide_anchor
from ..render.text import plural, tidy, without_quote
from .worker import Outcome

LEVELS = ("error", "warning", "suggestion")
LEVEL_MARK = {"error": "■", "warning": "▲", "suggestion": "○"}
# (key, column heading, rule ids or an id prefix): the areas a mentor reads a cohort by, in this order.
AREAS = (
    ("exam", "Exam passage", ("score.not_addressed", "score.too_long", "score.too_short", "score.dominates",
                              "score.unnecessary")),
    ("blame", "Blame and growth", ("score.blame", "score.no_growth")),
    ("region", "Regional ties", "region."),
    ("cv", "CV", "cv."),
    ("length", "Length and wording", "statement."),
)
# A few words per rule for the table's cells; the rule's summary (from its file) says the rest.
SHORT_NAMES = {
    "score.not_addressed": "not addressed", "score.too_long": "too long", "score.too_short": "one sentence",
    "score.dominates": "takes over", "score.unnecessary": "not needed", "score.blame": "blame",
    "score.no_growth": "no growth", "region.missing": "region not named", "region.generic": "only general",
    "cv.gap": "gap", "cv.overlap": "overlap", "cv.date_order": "dates reversed", "cv.future_date": "future date",
    "cv.description_length": "description too long", "cv.ps_conflict": "contradicts statement",
    "cv.ps_unlisted": "place not on CV", "statement.eras_limit": "over the ERAS limit",
    "statement.word_count": "word count", "statement.readability": "hard to read", "statement.cliche": "stock phrase",
    "statement.stale_fact": "closed hospital",
}

STYLE = """
.cohort-page{font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0 auto;max-width:80rem;padding:1rem clamp(.75rem,3vw,1.5rem) 3rem}
.cohort-frame{overflow-x:auto;max-width:100%;position:relative}
.cohort-frame:focus-visible,.cohort button:focus-visible,.cohort-tools select:focus-visible,.cohort-tools input:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
table.cohort{border-collapse:collapse;width:100%;min-width:56rem;font-size:14px}
.cohort th,.cohort td{border-bottom:1px solid #d0d7de;padding:.4rem .45rem;text-align:left;vertical-align:top}
.cohort thead th{background:#f6f8fa;border-bottom:2px solid #57606a;font-size:13px;vertical-align:bottom}
.cohort thead .area-row th{font-weight:600}
.cohort thead .group{text-align:center;border-bottom:1px solid #d0d7de;font-size:12px;text-transform:uppercase;letter-spacing:.04em;color:#57606a}
.cohort th.file{font-weight:600;width:13rem;overflow-wrap:anywhere}
.cohort .file .cv,.cohort .file .links{display:block;font-weight:normal;font-size:13px;color:#57606a}
.cohort td.status{width:17rem}
.cohort td.num{text-align:right;white-space:nowrap}
.cohort .state{display:inline-block;font-weight:700;font-size:12px;text-transform:uppercase;letter-spacing:.04em;padding:0 .35rem;border-radius:3px;border:1px solid}
.cohort .state-ready{color:#1a7f37}.cohort .state-work{color:#a3155f}.cohort .state-failed{color:#57606a}
.cohort .why{display:block}
.cohort .note{display:block;color:#7d4e00;font-size:13px}
.cohort .flag{display:block;white-space:nowrap}
.cohort .flag-error .mark{color:#b91c1c}.cohort .flag-warning .mark{color:#8a4000}.cohort .flag-suggestion .mark{color:#0b5cad}
.cohort .measure{display:block;color:#57606a;font-size:12px}
.cohort tr.failed th.file{color:#57606a}
.cohort tr.more td{background:#f6f8fa;border-bottom:2px solid #d0d7de;padding:.5rem .8rem .8rem}
.cohort tr.more ul{margin:.2rem 0;padding-left:1.1rem}
.cohort tr.more li{margin:.25rem 0}
.cohort tr.more .lvl{font-weight:700;font-size:12px;text-transform:uppercase;letter-spacing:.03em}
.cohort tr.more .lvl-error{color:#b91c1c}.cohort tr.more .lvl-warning{color:#8a4000}.cohort tr.more .lvl-suggestion{color:#0b5cad}
.cohort tr.more q{font-style:italic}
.cohort tr.more .where{color:#57606a}
.cohort button.toggle{display:block;margin-top:.3rem;font:inherit;font-size:13px;padding:.1rem .5rem;border:1px solid #57606a;border-radius:4px;background:#fff;cursor:pointer}
.cohort button.sort{font:inherit;font-weight:600;border:0;background:none;padding:0;cursor:pointer;text-align:left;color:inherit;text-decoration:underline dotted}
.cohort-tools{display:flex;flex-wrap:wrap;gap:.5rem 1.5rem;align-items:end;margin:.8rem 0}
.cohort-tools label{display:block;font-weight:600;font-size:14px}
.cohort-tools select,.cohort-tools input{font:inherit;padding:.3rem;border:1px solid #8c959f;border-radius:4px}
.cohort-legend{font-size:13px;color:#57606a}
.vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.cohort td.since{width:11rem}
.cohort .since-worse{display:block;font-weight:700;color:#b91c1c}
.cohort .since-new{display:block;font-weight:600;color:#57606a}
.rounds{margin:1rem 0}.rounds li{margin:.2rem 0}
@media (max-width:60rem){.cohort tr.more td>*{position:sticky;left:.8rem;box-sizing:border-box;width:calc(100vw - 3.5rem)}}
"""

SCRIPT = """
(function(){
"use strict";
var table=document.querySelector('table.cohort');if(!table)return;
var groups=Array.prototype.slice.call(table.tBodies);
groups.forEach(function(group){
  var row=group.rows[0],more=group.rows[1];if(!more)return;
  more.hidden=true;
  var button=document.createElement('button');button.type='button';button.className='toggle';
  button.setAttribute('aria-expanded','false');button.setAttribute('aria-controls',more.id);
  button.textContent='Show '+more.getAttribute('data-label');
  button.addEventListener('click',function(){var open=button.getAttribute('aria-expanded')==='true';
    button.setAttribute('aria-expanded',open?'false':'true');more.hidden=open;
    button.textContent=(open?'Show ':'Hide ')+more.getAttribute('data-label');});
  row.cells[0].appendChild(button);
});
var rule=document.getElementById('rule-filter'),text=document.getElementById('name-filter'),
    count=document.getElementById('cohort-count');
function filter(){var r=rule.value,t=text.value.toLowerCase(),shown=0;groups.forEach(function(group){
  var row=group.rows[0],rules=' '+row.getAttribute('data-rules')+' ',status=row.getAttribute('data-status'),show=true;
  if(r==='__failed')show=status==='failed';else if(r==='__work')show=status==='work';
  else if(r==='__ready')show=status==='ready';else if(r==='__any')show=rules.trim()!=='';
  else if(r==='__notes')show=row.hasAttribute('data-notes');else if(r==='__worse')show=row.hasAttribute('data-worse');
  else if(r==='__first')show=row.getAttribute('data-since')==='new';else if(r)show=rules.indexOf(' '+r+' ')>=0;
  if(t&&row.getAttribute('data-file').toLowerCase().indexOf(t)<0)show=false;group.hidden=!show;shown+=show?1:0;});
  if(count)count.textContent=shown+' of '+groups.length+' applicants shown.';}
rule.addEventListener('change',filter);text.addEventListener('input',filter);
var heads=table.tHead.rows[table.tHead.rows.length-1].cells;
Array.prototype.forEach.call(heads,function(th){
  var column=th.getAttribute('data-column');if(column===null)return;
  var button=document.createElement('button');button.type='button';button.className='sort';
  while(th.firstChild)button.appendChild(th.firstChild);th.appendChild(button);
  button.addEventListener('click',function(){
    var dir=th.getAttribute('aria-sort')==='descending'?1:-1;
    Array.prototype.forEach.call(heads,function(c){c.removeAttribute('aria-sort');});
    th.setAttribute('aria-sort',dir>0?'ascending':'descending');
    var i=parseInt(column,10);
    groups.sort(function(a,b){var x=a.rows[0].cells[i].getAttribute('data-v'),y=b.rows[0].cells[i].getAttribute('data-v');
      var nx=parseFloat(x),ny=parseFloat(y),c=(!isNaN(nx)&&!isNaN(ny))?nx-ny:String(x).localeCompare(String(y));
      return c*dir;});
    groups.forEach(function(g){table.appendChild(g);});});
});
})();
"""


def area_of(rule_id: str) -> str:
    """The area (AREAS key) a rule belongs to; rules of a new kind go with length and wording."""
    for key, _, rules in AREAS:
        if rule_id in rules if isinstance(rules, tuple) else rule_id.startswith(rules):
            return key
    return "length"


def short_name(rule) -> str:
    return SHORT_NAMES.get(rule.id, rule.id.split(".", 1)[-1].replace("_", " "))


def _cut(text: str, limit: int = 110) -> str:
    """Text shortened at a word, for a table cell."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(",;:") + "…"


def applicant_details(review: dict) -> dict:
    """What a row opens to, from an applicant's review JSON: each finding with its sentences, and the notices."""
    sentences = review.get("sentences") or []
    findings = []
    for f in review.get("findings") or []:
        shown = [(i + 1, " ".join(sentences[i]["text"].split())) for i in f.get("sentences", [])[:2] if i < len(sentences)]
        message = (without_quote(f["message"], shown[0][1]) if shown else None) or tidy(f["message"])
        findings.append({"rule": f["rule"], "level": f["level"], "message": message.rstrip(":.") + ".", "sentences": shown,
                         "more": max(len(f.get("sentences", [])) - len(shown), 0), "unsure": bool(f.get("unsure"))})
    findings.sort(key=lambda f: LEVELS.index(f["level"]) if f["level"] in LEVELS else len(LEVELS))
    notices = [_notice_line(n) for n in review.get("notices") or []]
    return {"findings": findings, "notices": notices}


def _notice_line(notice: dict) -> str:
    """A notice of the review JSON as one line (as notices.Notice.line writes it)."""
    shown = f' "{notice["text"]}"' if notice.get("text") else ""
    return f"{notice.get('where', '')}{shown}: {notice.get('reason', '')}"


def _notices(outcome: Outcome, details: dict | None) -> list[str]:
    if details is not None:
        return details["notices"]
    return [str(n) for n in getattr(outcome, "notices", ()) or ()]


def _status(outcome: Outcome, rules: dict, details: dict | None) -> tuple[str, int, str]:
    """(data-status, sort value, the cell's HTML): ready, or needs work with the most serious finding in words."""
    if not outcome.reviewed:
        return "failed", 4, f'<span class="state state-failed">Not reviewed</span><span class="why">{escape(outcome.error)}</span>'
    counts = ", ".join(plural(outcome.counts[level], level) for level in LEVELS if outcome.counts.get(level))
    note = f'<span class="note">{escape(outcome.error)}</span>' if outcome.error else ""
    if not outcome.serious:
        tail = f'<span class="why">{escape(counts) if counts else "no findings"}</span>'
        return "ready", 0, f'<span class="state state-ready">Ready</span>{tail}{note}'
    if details and details["findings"]:
        first = details["findings"][0]
        worst = _cut(first["message"].rstrip(".")) + (f" (sentence {first['sentences'][0][0]})" if first["sentences"] else "")
    else:
        rank = sorted(outcome.fired.items(), key=lambda item: (LEVELS.index(item[1]), item[0]))
        rule = rules.get(rank[0][0])
        worst = _cut(" ".join((rule.summary or rule.message).split())) if rule else rank[0][0]
    value = 3 if outcome.counts.get("error") else 2
    return "work", value, (f'<span class="state state-work">Needs work</span><span class="why">{escape(worst)}</span>'
                           f'<span class="measure">{escape(counts)}</span>{note}')


def _area_cell(outcome: Outcome, key: str, rules: list) -> str:
    if not outcome.reviewed:
        return '<td data-v=""></td>'
    flags, weight = [], 0
    for rule in rules:
        level = outcome.fired.get(rule.id)
        if level and area_of(rule.id) == key:
            weight += 10 ** (2 - LEVELS.index(level))
            flags.append(f'<span class="flag flag-{level}" title="{escape(rule.id)}: {level}"><span class="mark" aria-hidden="true">'
                         f'{LEVEL_MARK[level]}</span> <span class="vh">{level}: </span>{escape(short_name(rule))}</span>')
    measure = ""
    if key == "exam" and outcome.passage_sentences:
        n = outcome.passage_sentences
        measure = f'<span class="measure">{n} sentence{"s" if n != 1 else ""}, {outcome.share:.0%} of the words</span>'
    return f'<td class="area" data-v="{weight}">{"".join(flags)}{measure}</td>'


def _file_cell(outcome: Outcome, cv: str, links: bool) -> str:
    name = escape(outcome.path)
    parts = [name]
    if links and "review.html" in outcome.files:
        reports = [f'<a href="{quote(outcome.stem)}.review.html">report</a>']
        if "review.json" in outcome.files:
            reports.append(f'<a href="{quote(outcome.stem)}.review.json">JSON</a>')
        if "commented.docx" in outcome.files:
            reports.append(f'<a href="{quote(outcome.stem)}.commented.docx">Word</a>')
        parts.append(f'<span class="links">{" · ".join(reports)}<span class="vh"> for {name}</span></span>')
    parts.append(f'<span class="cv">{"CV: " + escape(cv) if cv else "no CV"}</span>')
    return f'<th scope="row" class="file" data-v="{name}">{"".join(parts)}</th>'


def _more(outcome: Outcome, rules: dict, details: dict | None, notices: list[str], guide_url: str | None,
          columns: int) -> str:
    """The row under an applicant's row: the findings with their sentences, and what could not be read."""
    items = []
    if details is not None:
        for f in details["findings"]:
            where = "".join(f' <span class="where">Sentence {n}:</span> <q>{escape(_cut(text, 300))}</q>' for n, text in f["sentences"])
            if f["more"]:
                where += f' <span class="where">and {f["more"]} more sentence{"s" if f["more"] != 1 else ""}</span>'
            guide = ""
            if guide_url:
                guide = f' <a href="{escape(guide_url)}#{guide_anchor(f["rule"])}">the guide on this</a>'
            items.append(f'<li><span class="lvl lvl-{f["level"]}">{f["level"]}</span> {escape(f["message"])}{where}{guide}</li>')
    else:
        for rule_id, level in sorted(outcome.fired.items(), key=lambda item: (LEVELS.index(item[1]), item[0])):
            rule = rules.get(rule_id)
            summary = " ".join((rule.summary or rule.message).split()) if rule else rule_id
            items.append(f'<li><span class="lvl lvl-{level}">{level}</span> {escape(summary)} ({escape(rule_id)})</li>')
    if not items and not notices:
        return ""
    body = f'<ul aria-label="Findings for {escape(outcome.path)}">{"".join(items)}</ul>' if items else ""
    if notices:
        body += (f'<p>Could not be read:</p><ul aria-label="What could not be read for {escape(outcome.path)}">'
                 + "".join(f"<li>{escape(n)}</li>" for n in notices) + "</ul>")
    if not items:
        label = "notes"
    elif details is not None:
        label = plural(len(items), "finding")
    else:
        label = "the rules it breaks"
    return f'<tr class="more" id="more-{outcome.index}" data-label="{label}"><td colspan="{columns}">{body}</td></tr>'


def _since_cell(outcome: Outcome, links: bool) -> tuple[str, str]:
    """(the row's data attributes, the cell): the applicant against the earlier round."""
    found = outcome.since
    if found is None:
        what = "not reviewed" if not outcome.reviewed else "new this round"
        return ' data-since="new"' if outcome.reviewed else "", f'<td class="since" data-v="-1"><span class="since-new">{what.capitalize()}</span></td>'
    if "error" in found:
        return "", f'<td class="since" data-v="-1"><span class="note">Not compared: {escape(found["error"])}</span></td>'
    worse = '<span class="since-worse">Worse: a warning or error is new</span>' if found["worse"] else ""
    change = found["words_change"]
    words = "" if change is None else f'<span class="measure">{f"words {change:+d}" if change else "same word count"}</span>'
    link = ""
    if links and "compare.html" in outcome.files:
        link = (f'<a href="{quote(outcome.stem)}.compare.html">what changed'
                f'<span class="vh"> for {escape(outcome.path)}</span></a>')
    cell = (f'<td class="since" data-v="{found["new"]}">{worse}{found["resolved"]} resolved, {found["new"]} new, '
            f'{found["open"]} still open{words}{link}</td>')
    return (' data-since="compared"' + (" data-worse" if found["worse"] else "")), cell


def _rows(outcome: Outcome, cv: str, rules: list, links: bool, details: dict | None, guide_url: str | None,
          since: bool = False) -> str:
    by_id = {r.id: r for r in rules}
    notices = _notices(outcome, details)
    status, rank, status_html = _status(outcome, by_id, details)
    if notices:
        status_html += f'<span class="note">{len(notices)} part{"s" if len(notices) != 1 else ""} of the CV or file could not be read</span>'
    cells = [_file_cell(outcome, cv, links), f'<td class="status" data-v="{rank}">{status_html}</td>']
    cells += [_area_cell(outcome, key, rules) for key, _, _ in AREAS]
    cells.append(f'<td class="num" data-v="{outcome.words if outcome.reviewed else ""}">'
                 f'{outcome.words if outcome.reviewed else ""}</td>')
    marks = ""
    if since:
        marks, cell = _since_cell(outcome, links)
        cells.append(cell)
    fired = escape(" ".join(sorted(outcome.fired)))
    failed = ' class="failed"' if not outcome.reviewed else ""
    noted = " data-notes" if notices else ""
    row = (f'<tr{failed} data-file="{escape(outcome.path)}" data-rules="{fired}" data-status="{status}"{noted}{marks}>'
           f'{"".join(cells)}</tr>')
    more = _more(outcome, by_id, details, notices, guide_url, len(cells)) if outcome.reviewed else ""
    return f'<tbody class="applicant">{row}{more}</tbody>'


def cohort_table(outcomes: list[Outcome], cv_paths: dict, rules, *, links: bool = True, details: dict | None = None,
                 guide_url: str | None = None, since: bool = False) -> str:
    """The filter controls and the table, as an HTML fragment (the web page embeds it too). ``details``: each
    applicant's ``applicant_details`` by outcome index, when the caller has the review JSON; ``guide_url``: the
    web app's guide page, for links from each finding; ``since``: an earlier round was given (a column saying
    how each applicant changed since then)."""
    details = details or {}
    options = "".join(
        f'<optgroup label="{escape(heading)}">' + "".join(
            f'<option value="{escape(r.id)}">{escape(short_name(r))} ({r.level})</option>' for r in rules if area_of(r.id) == key)
        + "</optgroup>" for key, heading, _ in AREAS)
    head = ('<tr class="area-row"><th scope="col" data-column="0">Applicant</th><th scope="col" data-column="1">Status</th>'
            + "".join(f'<th scope="col" data-column="{2 + k}">{escape(heading)}</th>' for k, (_, heading, _) in enumerate(AREAS))
            + f'<th scope="col" data-column="{2 + len(AREAS)}">Words</th>'
            + (f'<th scope="col" data-column="{3 + len(AREAS)}">Since the earlier round</th>' if since else "")
            + "</tr>")
    body = "\n".join(_rows(o, cv_paths.get(o.index, ""), rules, links, details.get(o.index), guide_url, since)
                     for o in outcomes)
    rounds = ('<option value="__worse">worse since the earlier round</option>'
              '<option value="__first">new this round</option>') if since else ""
    needs = sum(1 for o in outcomes if o.reviewed and o.serious)
    return (
        '<div class="cohort-tools"><div><label for="rule-filter">Show</label><select id="rule-filter">'
        '<option value="">every applicant</option><option value="__work">needs work</option>'
        '<option value="__ready">ready</option><option value="__any">with any finding</option>'
        '<option value="__notes">with parts that could not be read</option><option value="__failed">not reviewed</option>'
        f'{rounds}{options}</select></div><div><label for="name-filter">Name contains</label>'
        '<input id="name-filter" type="search"></div>'
        f'<p id="cohort-count" role="status">{len(outcomes)} applicants, {needs} needing work.</p></div>\n'
        '<p class="cohort-legend"><span aria-hidden="true">■</span> error, <span aria-hidden="true">▲</span> warning, '
        '<span aria-hidden="true">○</span> suggestion. Each applicant\'s row opens to the findings with their sentences; '
        'a column heading sorts the table.</p>\n'
        '<div class="cohort-frame" role="region" aria-label="Cohort table" tabindex="0">'
        f'<table class="cohort"><caption class="vh">Every applicant of the cohort, with the findings by area</caption>'
        f'<thead>{head}</thead>\n{body}\n</table></div>\n'
    )


def unpaired_list(unpaired: list[tuple[str, str]]) -> str:
    if not unpaired:
        return ""
    items = "".join(f"<li>{escape(path)}: {escape(reason)}</li>" for path, reason in unpaired)
    return f'<h2>CVs not used</h2>\n<ul class="unpaired">{items}</ul>\n'


def rounds_list(outcomes: list[Outcome], rounds) -> str:
    """Who is new in this round and who from the earlier round is missing from it (nothing without an earlier round)."""
    if rounds is None:
        return ""
    new = [o.path for o in outcomes if o.reviewed and o.index not in rounds.earlier]
    items = [f'<li>New this round ({len(new)}): {escape(", ".join(new)) or "none"}</li>',
             f'<li>Missing this round ({len(rounds.missing)}): '
             f'{escape(", ".join(name for name, _ in rounds.missing)) or "none"}</li>']
    compared = sum(1 for o in outcomes if o.since and "error" not in o.since)
    return (f'<section class="rounds" aria-labelledby="rounds-heading"><h2 id="rounds-heading">Since the earlier '
            f'round</h2><p>{compared} applicant{"s" if compared != 1 else ""} compared with their earlier review.</p>'
            f'<ul>{"".join(items)}</ul></section>\n')


def index_html(outcomes: list[Outcome], cv_paths: dict, rules, unpaired, *, as_of: str, details: dict | None = None,
               rounds=None) -> str:
    """The whole self-contained page, opened from disk next to the per-applicant reports."""
    reviewed = sum(o.reviewed for o in outcomes)
    return (
        '<!DOCTYPE html>\n<html lang="en"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<title>Cohort review ({len(outcomes)} statements)</title><style>{STYLE}</style></head>'
        '<body class="cohort-page"><main>\n'
        f'<h1>Cohort review</h1>\n<p>{reviewed} of {len(outcomes)} statements reviewed against the guide, '
        f'as of {escape(as_of)}. Each row opens to that applicant\'s findings; the links open the annotated report, '
        'the review JSON and the Word file with comments.</p>\n'
        f'{rounds_list(outcomes, rounds)}'
        f'{cohort_table(outcomes, cv_paths, rules, details=details, since=rounds is not None)}{unpaired_list(unpaired)}'
        f'</main><script>{SCRIPT}</script>\n</body></html>\n'
    )
