"""The comparison's stylesheet and script: inlined in the HTML file, served as files by the web app."""

STYLE = """
.compare-page{font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1f2328;margin:0 auto;max-width:80rem;padding:1rem clamp(.75rem,3vw,1.5rem) 3rem;overflow-wrap:break-word}
.compare h2{font-size:1.3rem;margin:2rem 0 .6rem;border-bottom:1px solid #d0d7de;padding-bottom:.2rem}
.compare h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
.compare a{color:#0b5cad}
.compare a:focus-visible,.compare button:focus-visible,.compare input:focus-visible,.compare .pair:focus-visible{outline:3px solid #0b5cad;outline-offset:2px}
.compare .verdict{font-size:1.05rem;border-left:6px solid #8c959f;background:#f6f8fa;padding:.5rem .8rem;border-radius:3px}
.compare .verdict-worse{border-color:#b91c1c;background:#fff1f1}
.compare .verdict-better{border-color:#1a7f37;background:#eefbf1}
.compare .notes{border:2px solid #9a6700;background:#fff8c5;border-radius:6px;padding:.3rem 1rem}
.compare .notes ul{margin:.3rem 0;padding-left:1.2rem}
.compare .counts{display:flex;flex-wrap:wrap;gap:.4rem 1rem;list-style:none;padding:0;margin:.4rem 0}
.compare .counts li{border:1px solid #d0d7de;border-radius:6px;padding:.25rem .7rem;background:#fff}
.compare .counts strong{font-size:1.2rem;margin-right:.25rem}
.compare .changes{list-style:none;padding:0;margin:0}
.compare .change{border:1px solid #d0d7de;border-left:6px solid #8c959f;border-radius:6px;padding:.5rem .8rem;margin:.5rem 0;background:#fff}
.compare .change-new{border-left-color:#b91c1c}
.compare .change-resolved{border-left-color:#1a7f37}
.compare .change-open{border-left-color:#9a6700}
.compare .change p{margin:.2rem 0}
.compare .level{display:inline-block;font-size:.75rem;font-weight:700;text-transform:uppercase;letter-spacing:.04em;padding:0 .35rem;border:1px solid;border-radius:3px;margin-right:.3rem}
.compare .level-error{color:#b91c1c}.compare .level-warning{color:#8a4000}.compare .level-suggestion{color:#0b5cad}
.compare .rule-id{font-size:.85rem;color:#57606a}
.compare .where{color:#57606a;font-size:.95rem}
.compare q{font-style:italic}
.compare table.measures{border-collapse:collapse;width:100%;max-width:52rem;font-size:.95rem}
.compare .measures th,.compare .measures td{border-bottom:1px solid #d0d7de;padding:.3rem .5rem;text-align:left;vertical-align:top}
.compare .measures thead th{border-bottom:2px solid #57606a}
.compare .measures td.num{text-align:right;white-space:nowrap}
.compare .better{color:#1a7f37;font-weight:600}.compare .worse{color:#b91c1c;font-weight:600}
.compare .table-frame{overflow-x:auto;max-width:100%}
.compare .view-tools{display:flex;flex-wrap:wrap;gap:.4rem 1.2rem;align-items:center;margin:.5rem 0}
.compare .view-tools fieldset{border:0;padding:0;margin:0}
.compare .view-tools legend{font-weight:600;padding:0;margin-bottom:.1rem}
.compare .view-tools label{display:inline-block;margin-right:1rem;white-space:nowrap}
.compare .compare-legend{font-size:.92rem;color:#57606a}
.compare .aligned{border:1px solid #d0d7de;border-radius:6px;background:#fff}
.compare .aligned-head,.compare .pair{display:grid;grid-template-columns:7.5rem minmax(0,1fr) minmax(0,1fr);gap:0 1rem;padding:.45rem .7rem;border-bottom:1px solid #eaeef2}
.compare .aligned-head{font-weight:700;background:#f6f8fa;border-bottom:2px solid #57606a}
.compare .pair:last-child{border-bottom:0}
.compare .pair.para-start{border-top:2px solid #d0d7de}
.compare .pair .what{font-size:.8rem;font-weight:700;text-transform:uppercase;letter-spacing:.03em;color:#57606a}
.compare .pair-edited .what{color:#8a4000}.compare .pair-added .what{color:#116329}.compare .pair-removed .what{color:#82071e}
.compare .pair-unchanged .side{color:#424a53}
.compare .side .n,.compare .inline .n{display:inline-block;min-width:1.6rem;font-size:.8rem;font-weight:700;color:#57606a}
.compare .side.empty{color:#57606a;font-style:italic;font-size:.9rem}
.compare .inline{display:none}
.compare del{background:#ffebe9;color:#82071e;text-decoration:line-through}
.compare ins{background:#dafbe1;color:#116329;text-decoration:underline}
.compare .tag{display:inline-block;font-size:.7rem;font-weight:600;text-transform:uppercase;letter-spacing:.03em;color:#333;background:#fff;border:1px solid #8c959f;border-radius:3px;padding:0 .25rem;margin-left:.25rem;line-height:1.4}
.compare .tag-added{border-color:#1a7f37;color:#116329}
.compare .tag-removed{border-color:#b91c1c;color:#82071e;text-decoration:line-through}
.compare .view-inline .aligned-head{grid-template-columns:7.5rem minmax(0,1fr)}
.compare .view-inline .aligned-head .head-old,.compare .view-inline .aligned-head .head-new{display:none}
.compare .view-inline .aligned-head .head-inline{display:block}
.compare .aligned-head .head-inline{display:none}
.compare .view-inline .pair{grid-template-columns:7.5rem minmax(0,1fr)}
.compare .view-inline .pair .side{display:none}
.compare .view-inline .pair .inline{display:block}
.compare .only-changes .pair-unchanged:not(.pair-moved){display:none}
.compare .vh{position:absolute;width:1px;height:1px;overflow:hidden;clip:rect(0 0 0 0);white-space:nowrap}
.compare .pair:target{box-shadow:inset 0 0 0 3px #0b5cad}
@media (max-width:44rem){
.compare .aligned-head{display:none}
.compare .pair,.compare .view-inline .pair{grid-template-columns:minmax(0,1fr);gap:.25rem}
.compare .pair .side::before{display:block;font-size:.75rem;font-weight:700;color:#57606a;text-transform:uppercase;letter-spacing:.03em}
.compare .pair .side.old::before{content:"Earlier draft"}
.compare .pair .side.new::before{content:"Later draft"}
}
"""

SCRIPT = """
(function(){
"use strict";
var box=document.querySelector('.compare [data-view]');if(!box)return;
var tools=document.querySelector('.compare .view-tools');if(!tools)return;
var views=[['side','Side by side'],['inline','Inline']];
var set=document.createElement('fieldset');var legend=document.createElement('legend');legend.textContent='Show the drafts';
set.appendChild(legend);
views.forEach(function(v){var label=document.createElement('label');var input=document.createElement('input');
  input.type='radio';input.name='compare-view';input.value=v[0];input.checked=box.getAttribute('data-view')===v[0];
  input.addEventListener('change',function(){box.setAttribute('data-view',v[0]);
    box.classList.toggle('view-inline',v[0]==='inline');});
  label.appendChild(input);label.appendChild(document.createTextNode(' '+v[1]));set.appendChild(label);});
var only=document.createElement('label');var check=document.createElement('input');check.type='checkbox';
check.addEventListener('change',function(){box.classList.toggle('only-changes',check.checked);});
only.appendChild(check);only.appendChild(document.createTextNode(' Only the sentences that changed'));
tools.insertBefore(only,tools.firstChild);tools.insertBefore(set,tools.firstChild);
document.addEventListener('click',function(event){
  var link=event.target.closest&&event.target.closest("a[href^='#row-']");if(!link)return;
  var row=document.getElementById(link.getAttribute('href').slice(1));
  if(row){if(row.hidden||getComputedStyle(row).display==='none'){check.checked=false;box.classList.remove('only-changes');}
    window.setTimeout(function(){row.focus();},0);}
});
})();
"""
