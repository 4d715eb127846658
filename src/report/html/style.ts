/*
 * The scan report page's one style sheet and one script. The page runs them by their hashes
 * (see htmlDocument), so the markup carries no inline style or handler of its own.
 */

export const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --alt: #f6f8fa; --link: #0550ae;
  --critical: #991b1b; --high: #c2410c; --medium: #a16207; --low: #1d4ed8; }
* { box-sizing: border-box; }
[hidden] { display: none !important; }
body { margin: 0 auto; max-width: 84rem; padding: 1rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; overflow-wrap: break-word; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
h3 { font-size: 1.05rem; margin: 1.25rem 0 .5rem; }
a { color: var(--link); }
code, pre { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
pre { background: var(--alt); padding: .5rem .75rem; border-radius: 4px; white-space: pre-wrap; margin: .25rem 0; }
/* Ids have no spaces to wrap at; ordinary words should not break mid-word. */
td, dd { overflow-wrap: break-word; }
code, pre, .resource-name, td.message, td.reason, .references { overflow-wrap: anywhere; }
.muted { color: var(--muted); }
.nowrap { white-space: nowrap; }
.plain { list-style: none; margin: 0; padding: 0; }
nav ul { list-style: none; display: flex; flex-wrap: wrap; gap: .25rem 1rem; padding: 0; margin: .5rem 0 1rem; }
.status { display: inline-block; font-weight: 700; padding: .35rem .75rem; border-radius: 4px; margin: .5rem 0 .75rem; }
.status.complete { background: #dcfce7; color: #14532d; }
.status.incomplete { background: #fae8ff; color: #701a75; border: 2px solid #a21caf; }
.status.incomplete a { color: inherit; }
.facts, .detail { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; margin: 0; }
.facts dt, .detail dt { font-weight: 600; color: var(--muted); }
.facts dd, .detail dd { margin: 0; }
.detail { margin-top: .5rem; }
.counts { list-style: none; display: flex; flex-wrap: wrap; gap: .5rem; padding: 0; margin: 0 0 1rem; }
.counts li { border: 1px solid var(--line); border-left-width: 6px; border-radius: 4px; padding: .35rem .8rem; min-width: 7rem; }
.counts strong { display: block; font-size: 1.5rem; line-height: 1.2; }
.sev-critical { --sev: var(--critical); } .sev-high { --sev: var(--high); } .sev-medium { --sev: var(--medium); } .sev-low { --sev: var(--low); }
.counts li[class*="sev-"] { border-left-color: var(--sev); }
.counts .st-fail { border-left-color: var(--critical); } .counts .st-notEvaluated { border-left-color: #a21caf; }
.counts .st-pass { border-left-color: #15803d; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(min(17rem, 100%), 1fr)); gap: 1rem 2rem; }
figure { margin: 0; }
figcaption { font-weight: 600; margin-bottom: .25rem; }
table.bars { max-width: 30rem; }
table.bars th, table.bars td { border: 0; padding: .1rem .5rem .1rem 0; vertical-align: middle; font-weight: normal; }
table.bars th { white-space: nowrap; }
table.bars td.track { width: 100%; }
table.bars td.num { white-space: nowrap; }
svg.bar { display: block; width: 100%; height: 1.1em; fill: var(--sev, #0f766e); }
.filters { display: flex; flex-wrap: wrap; gap: .5rem 1rem; align-items: flex-end; margin-bottom: .5rem; }
.filters label { display: flex; flex-direction: column; gap: .15rem; font-size: .85rem; color: var(--muted); max-width: 100%; }
.filters label.toggle { flex-direction: row; align-items: center; gap: .35rem; }
.filters select, .filters input[type="search"] { font: inherit; color: var(--fg); padding: .25rem; max-width: min(22rem, 100%); }
.table-wrap { overflow-x: auto; border: 1px solid var(--line); border-radius: 4px; margin-bottom: .5rem; }
table { border-collapse: collapse; width: 100%; }
/* Fits from about 44rem; a narrower screen scrolls the table in its box rather than squeeze it. */
table.findings { min-width: 42rem; }
table.findings .rule { width: 22%; }
table.findings .resource { width: 26%; }
.where { font-size: .85em; }
th, td { text-align: left; vertical-align: top; padding: .4rem .6rem; border-bottom: 1px solid var(--line); }
thead th { background: var(--alt); }
td.num, th.num { text-align: right; }
.sev { display: inline-block; white-space: nowrap; color: #fff; background: var(--sev); padding: 0 .45rem; border-radius: 3px; font-size: .8rem; font-weight: 600; text-transform: uppercase; }
.badge { display: inline-block; font-size: .75rem; border: 1px solid currentColor; border-radius: 3px; padding: 0 .3rem; margin-left: .3rem; white-space: nowrap; }
.badge.new { color: var(--low); }
tr.suppressed > td { background: var(--alt); color: var(--muted); }
tr.suppressed .sev { opacity: .6; }
.st-fail { color: var(--critical); font-weight: 600; } .st-notEvaluated { color: #86198f; font-weight: 600; } .st-pass { color: #15803d; }
summary { cursor: pointer; color: var(--link); }
.evidence { margin: 0; padding-left: 1.1rem; }
.fix h3 { margin-bottom: .25rem; }
.fix p { margin: .25rem 0; }
.fix { break-inside: avoid; }
@media (max-width: 40rem) {
  body { padding: .5rem; font-size: 14px; }
  .facts { grid-template-columns: minmax(0, 1fr); }
  .facts dt { margin-top: .35rem; }
}
@page { margin: 12mm 10mm; }
@media print {
  body { max-width: none; padding: 0; font-size: 9pt; }
  nav, .filters { display: none; }
  .table-wrap { overflow: visible; border: 0; }
  table.findings { min-width: 0; }
  /* Printed, a finding is its row: the fix is printed once per rule under "How to fix". */
  tr.finding details { display: none; }
  th, td { padding: .15rem .35rem; }
  /* The message says what is wrong; the rule's title is printed once, with its fix. */
  table.findings .rule-title { display: none; }
  table.findings .rule { width: auto; white-space: nowrap; }
  h2 { margin: 1rem 0 .4rem; }
  .fix h3 { font-size: 1em; margin: .5rem 0 0; }
  .fix p, .fix pre { margin: 0; }
  .fix pre { padding: .1rem .3rem; }
  /* A web address on paper is little use: the fix and its command are what is printed. */
  .fix .references { display: none; }
  .detail { grid-template-columns: minmax(0, 1fr); }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  h2 { break-after: avoid; }
  summary { color: var(--fg); }
  .sev, .status, tr.suppressed > td, svg.bar { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/*
 * Filters rows by their data-* attributes and the text box, keeps the count current, and
 * opens every <details> but the findings' own while printing (closed ones would print as a
 * bare summary line; a finding's details are not printed, its rule's fix is).
 */
export const SCRIPT = `
'use strict';
(() => {
  const opened = [];
  addEventListener('beforeprint', () => {
    for (const details of document.querySelectorAll('details:not([open])')) {
      if (details.closest('tr.finding')) continue;
      details.open = true;
      opened.push(details);
    }
  });
  addEventListener('afterprint', () => { for (const details of opened.splice(0)) details.open = false; });

  const filters = document.getElementById('filters');
  if (!filters) return;
  const rows = [...document.querySelectorAll('tr.finding')];
  const texts = rows.map((row) => row.textContent.toLowerCase());
  const selects = [...filters.querySelectorAll('select[data-filter]')];
  const search = document.getElementById('filter-text');
  const showSuppressed = document.getElementById('filter-suppressed');
  const count = document.getElementById('filter-count');
  const apply = () => {
    const wanted = selects.filter((select) => select.value !== '').map((select) => [select.dataset.filter, select.value]);
    const needle = search.value.trim().toLowerCase();
    let shown = 0;
    rows.forEach((row, i) => {
      const visible = (row.dataset.suppressed !== 'true' || (showSuppressed !== null && showSuppressed.checked)) &&
        wanted.every(([key, value]) => row.dataset[key] === value) &&
        (needle === '' || texts[i].includes(needle));
      row.hidden = !visible;
      if (visible) shown++;
    });
    count.textContent = 'Showing ' + shown + ' of ' + rows.length + (rows.length === 1 ? ' finding' : ' findings');
  };
  filters.addEventListener('input', apply);
  filters.addEventListener('change', apply);
  filters.hidden = false;
  apply();
})();
`;
