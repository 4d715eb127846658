import { groupBy } from '../inventory/collections.js';
import { COMPLIANCE_FRAMEWORKS, type ComplianceFramework, type ComplianceReport, type ControlResult, type ControlStatus } from '../model/compliance.js';
import type { SuppressionReport, SuppressionRule, SuppressionUse } from '../model/suppression.js';
import type { BaselineFinding, BaselineReport } from '../model/baseline.js';
import { type Finding, makesIncomplete, type NotEvaluatedEntry, type ScanResult } from '../model/result.js';
import type { Evidence } from '../model/evidence.js';
import type { RuleMeta } from '../model/rule.js';
import type { Service } from '../model/services.js';
import { SEVERITIES } from '../model/severity.js';
import { fixCommand } from './fix-command.js';
import { html, htmlDocument, SafeHtml } from './markup.js';
import { namesIn, plural, shownId, shownName, shownText, truncate } from './text.js';

const STYLE = `
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
code, pre, .resource-name, td.message, .references { overflow-wrap: anywhere; }
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
const SCRIPT = `
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


const SERVICE_LABELS: Readonly<Record<Service, string>> = {
  nsg: 'Network (NSG)',
  network: 'Network exposure',
  sql: 'SQL',
  storage: 'Storage',
  iothub: 'IoT Hub',
  keyvault: 'Key Vault',
  eventhub: 'Event Hubs',
  eventgrid: 'Event Grid',
  monitor: 'Monitoring',
  defender: 'Defender for Cloud',
  governance: 'Governance',
};
const STATUS_LABELS: Readonly<Record<ControlStatus, string>> = { fail: 'fail', notEvaluated: 'not evaluated', pass: 'pass', noAutomatedRule: 'no automated rule' };
const MAX_EVIDENCE_VALUE = 1000;

/** Looks things up that several sections show: subscription names and rule metadata. */
interface Lookup {
  subscription(id: string | undefined): string;
  rule(id: string): RuleMeta | undefined;
}

/**
 * A self-contained HTML page a consultant can hand over: header and scan state, charts,
 * a filterable findings table, what was not evaluated, and the compliance, baseline and
 * suppression views when the scan has them. No external resources, so it opens offline
 * and leaks nothing about the estate when opened.
 */
export function renderHtml(result: ScanResult): string {
  const names = new Map(result.subscriptions.map((sub) => [sub.subscriptionId.toLowerCase(), sub.displayName]));
  const rules = new Map(result.rules.map((rule) => [rule.id, rule]));
  const lookup: Lookup = {
    subscription: (id) => (id === undefined ? '—' : shownName(names.get(id.toLowerCase()) ?? id)),
    rule: (id) => rules.get(id),
  };
  return htmlDocument({
    title: pageTitle(result),
    style: STYLE,
    script: SCRIPT,
    body: html`${header(result)}
${navigation(result)}
<main>
${summarySection(result)}
${findingsSection(result.findings, lookup)}
${fixesSection(result.findings, lookup)}
${notEvaluatedSection(result)}
${result.compliance ? complianceSection(result.compliance) : false}
${result.baseline ? baselineSection(result.baseline) : false}
${result.suppressions ? suppressionsSection(result.suppressions) : false}
</main>`,
  });
}

function pageTitle(result: ScanResult): string {
  const scope = result.source.tenantId ? `tenant ${shownName(result.source.tenantId)}` : sourceText(result);
  return `${result.tool.name} report — ${scope}`;
}

function sourceText(result: ScanResult): string {
  const { kind, path } = result.source;
  return kind === 'live' ? 'live scan' : `${kind === 'array' ? 'resource list' : 'snapshot'} ${path ?? ''}`.trim();
}

function header(result: ScanResult): SafeHtml {
  const { source, summary } = result;
  const state = summary.complete
    ? html`<p class="status complete" id="scan-state">Scan complete</p>`
    : html`<p class="status incomplete" id="scan-state">Scan INCOMPLETE — ${summary.notEvaluated} not evaluated (<a href="#not-evaluated">see why</a>)</p>`;
  return html`<header>
<h1>Azure security scan report</h1>
${state}
<dl class="facts">
<dt>Tool</dt><dd>${result.tool.name} ${result.tool.version}</dd>
<dt>Source</dt><dd>${sourceText(result)}</dd>
${source.tenantId ? html`<dt>Tenant</dt><dd><code>${shownName(source.tenantId)}</code></dd>` : false}
${source.collectedAt ? html`<dt>Collected</dt><dd>${shownName(source.collectedAt)}</dd>` : false}
<dt>Subscriptions</dt><dd>${subscriptionList(result.subscriptions, false)}</dd>
${result.skippedSubscriptions.length > 0 ? html`<dt>Skipped</dt><dd>${subscriptionList(result.skippedSubscriptions, true)}</dd>` : false}
</dl>
</header>`;
}

function subscriptionList(subscriptions: ScanResult['subscriptions'], withState: boolean): SafeHtml {
  if (subscriptions.length === 0) return html`<span class="muted">none listed</span>`;
  const items = subscriptions.map(
    (sub) => html`<li>${shownName(sub.displayName ?? '')} <code class="muted">${shownName(sub.subscriptionId)}</code>${withState ? ` — ${sub.state ?? 'unknown state'}` : ''}</li>`,
  );
  return html`<ul class="plain">${items}</ul>`;
}

function navigation(result: ScanResult): SafeHtml {
  const links: [string, string][] = [
    ['summary', 'Summary'],
    ['findings', 'Findings'],
  ];
  if (result.findings.some((finding) => !finding.suppressed)) links.push(['fixes', 'How to fix']);
  links.push(['not-evaluated', 'Not evaluated']);
  if (result.compliance) links.push(['compliance', 'Compliance']);
  if (result.baseline) links.push(['baseline', 'Baseline']);
  if (result.suppressions) links.push(['suppressions', 'Suppressions']);
  return html`<nav aria-label="Sections"><ul>${links.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>`;
}

function summarySection(result: ScanResult): SafeHtml {
  const s = result.summary;
  const inForce = result.findings.filter((finding) => !finding.suppressed);
  const severityBars = SEVERITIES.map((severity) => ({ label: severity, count: s.findings[severity], className: `sev-${severity}` }));
  const counts = SEVERITIES.map((severity) => html`<li class="sev-${severity}" data-severity="${severity}"><strong>${s.findings[severity]}</strong> ${severity}</li>`);
  return html`<section id="summary" aria-labelledby="summary-heading">
<h2 id="summary-heading">Summary</h2>
<ul class="counts" id="severity-counts">${counts}<li data-suppressed="true"><strong>${s.suppressed}</strong> suppressed</li></ul>
<p>${plural(s.findings.total, 'finding')} in force · ${plural(s.resourcesEvaluated, 'resource')} evaluated · ${plural(s.rulesEvaluated, 'rule')} · ${s.notEvaluated} not evaluated</p>
<div class="charts">
${barChart('chart-severity', 'Findings by severity', severityBars)}
${barChart('chart-service', 'Findings by service', serviceBars(result, inForce))}
</div>
</section>`;
}

interface Bar {
  readonly label: string;
  /** Findings in force; a note instead when the bar's service was not evaluated at all. */
  readonly count: number | ServiceNote;
  readonly className: string;
}

type ServiceNote = 'not read' | 'none found';

/**
 * Every service the selected rules cover, most findings first. A service shows a count only
 * when one of its rules evaluated a resource (a pass, fail or not-applicable outcome); one
 * whose rules could evaluate nothing shows "not read" (what they needed could not be read)
 * or, when they had no resource to look at, "none found": zero would claim a clean service.
 */
function serviceBars(result: ScanResult, findings: readonly Finding[]): Bar[] {
  const serviceOf = new Map(result.rules.map((rule) => [rule.id, rule.service]));
  const evaluated = new Set<Service>();
  const unread = new Set<Service>();
  for (const outcome of result.outcomes) {
    const service = serviceOf.get(outcome.ruleId);
    if (service === undefined) continue;
    (outcome.status === 'error' ? unread : evaluated).add(service);
  }
  const counts = new Map<Service, number>(result.rules.map((rule) => [rule.service, 0]));
  for (const finding of findings) counts.set(finding.service, (counts.get(finding.service) ?? 0) + 1);
  const bars = [...counts].map(([service, count]): Bar => ({
    label: SERVICE_LABELS[service] ?? service,
    count: evaluated.has(service) ? count : unread.has(service) ? 'not read' : 'none found',
    className: 'service',
  }));
  const order = (bar: Bar): number => (typeof bar.count === 'number' ? bar.count : bar.count === 'not read' ? -1 : -2);
  return bars.sort((a, b) => order(b) - order(a) || a.label.localeCompare(b.label));
}

/**
 * A horizontal bar chart as a table: the labels are text that wraps, never clipped, and a
 * screen reader reads label and count row by row. Each bar is a one-rectangle SVG, whose
 * width is an attribute: the Content-Security-Policy allows no inline style.
 */
function barChart(id: string, caption: string, bars: readonly Bar[]): SafeHtml {
  const max = Math.max(1, ...bars.map((bar) => (typeof bar.count === 'number' ? bar.count : 0)));
  const rows = bars.map((bar) => {
    const counted = typeof bar.count === 'number';
    const width = counted && bar.count !== 0 ? Math.max(1, Math.round(((bar.count as number) / max) * 1000) / 10) : 0;
    return html`<tr class="${bar.className}"${counted ? html` data-count="${bar.count}"` : html` data-note="${bar.count}"`}><th scope="row">${bar.label}</th><td class="track">${
      width > 0 ? html`<svg class="bar" viewBox="0 0 100 10" preserveAspectRatio="none" aria-hidden="true" focusable="false"><rect width="${width}" height="10" rx="1"></rect></svg>` : false
    }</td><td class="${counted ? 'num' : 'num muted'}">${bar.count}</td></tr>`;
  });
  return html`<figure class="chart"><figcaption id="${id}">${caption}</figcaption><table class="bars" aria-labelledby="${id}"><tbody>${rows}</tbody></table></figure>`;
}

function findingsSection(findings: readonly Finding[], lookup: Lookup): SafeHtml {
  const heading = html`<h2 id="findings-heading">Findings</h2>`;
  if (findings.length === 0) return html`<section id="findings" aria-labelledby="findings-heading">${heading}<p>No findings.</p></section>`;
  const suppressed = findings.filter((finding) => finding.suppressed).length;
  return html`<section id="findings" aria-labelledby="findings-heading">
${heading}
${findingFilters(findings, suppressed, lookup)}
<p id="filter-count" aria-live="polite">${plural(findings.length, 'finding')}${suppressed > 0 ? `, ${suppressed} of them suppressed` : ''}</p>
<div class="table-wrap">
<table class="findings" id="findings-table">
<thead><tr><th scope="col">Severity</th><th scope="col" class="rule">Rule</th><th scope="col" class="resource">Resource</th><th scope="col">Finding</th></tr></thead>
<tbody>
${findings.map((finding) => findingRow(finding, lookup))}
</tbody>
</table>
</div>
</section>`;
}

/** Hidden until the script runs: without it the filters could not work, and every row shows. */
function findingFilters(findings: readonly Finding[], suppressed: number, lookup: Lookup): SafeHtml {
  const severities = SEVERITIES.filter((severity) => findings.some((finding) => finding.severity === severity)).map((s): [string, string] => [s, s]);
  const services = distinct(findings.map((finding) => finding.service)).map((s): [string, string] => [s, SERVICE_LABELS[s] ?? s]);
  const subscriptions = distinct(findings.map((finding) => subscriptionKey(finding.subscriptionId))).map((key): [string, string] => [
    key,
    key === 'none' ? '(no subscription)' : lookup.subscription(key),
  ]);
  const rules = distinct(findings.map((finding) => finding.ruleId))
    .sort()
    .map((id): [string, string] => [id, `${id} — ${findings.find((finding) => finding.ruleId === id)!.title}`]);
  return html`<div class="filters" id="filters" hidden>
${filterSelect('severity', 'Severity', severities)}
${filterSelect('service', 'Service', services)}
${filterSelect('subscription', 'Subscription', subscriptions)}
${filterSelect('rule', 'Rule', rules)}
<label>Search <input type="search" id="filter-text" placeholder="name, message, id…" autocomplete="off"></label>
${suppressed > 0 ? html`<label class="toggle"><input type="checkbox" id="filter-suppressed"> Show suppressed (${suppressed})</label>` : false}
</div>`;
}

function filterSelect(key: string, label: string, options: readonly [value: string, label: string][]): SafeHtml {
  return html`<label>${label} <select data-filter="${key}"><option value="">All</option>${options.map(([value, text]) => html`<option value="${value}">${text}</option>`)}</select></label>`;
}

/** Subscription ids are GUIDs, so `none` cannot collide with one. */
function subscriptionKey(id: string | undefined): string {
  return id === undefined ? 'none' : id.toLowerCase();
}

function findingRow(finding: Finding, lookup: Lookup): SafeHtml {
  const badges = html`${finding.suppressed ? html`<span class="badge">suppressed</span>` : false}${finding.baselineState === 'new' ? html`<span class="badge new">new</span>` : false}`;
  return html`<tr class="finding${finding.suppressed ? ' suppressed' : ''}" data-severity="${finding.severity}" data-service="${finding.service}" data-subscription="${subscriptionKey(finding.subscriptionId)}" data-rule="${finding.ruleId}"${finding.suppressed ? html` data-suppressed="true"` : false}${finding.baselineState ? html` data-baseline="${finding.baselineState}"` : false}>
<td><span class="sev sev-${finding.severity}">${finding.severity}</span></td>
<td class="rule"><code>${finding.ruleId}</code><span class="rule-title"><br>${finding.title}</span></td>
<td class="resource"><span class="resource-name" title="${shownId(finding.resourceId)}">${shownName(finding.resourceName)}</span>${badges}
<div class="where muted"><span class="subscription" title="${finding.subscriptionId ?? ''}">${lookup.subscription(finding.subscriptionId)}</span>${finding.resourceGroup === undefined ? false : html` · <span class="resource-group">${shownName(finding.resourceGroup)}</span>`}</div></td>
<td class="message">${breakAtSlashes(shownText(finding.message, namesIn(finding.resourceName)))}
<details><summary>Details</summary>${findingDetails(finding, lookup.rule(finding.ruleId))}</details></td>
</tr>
`;
}

function findingDetails(finding: Finding, rule: RuleMeta | undefined): SafeHtml {
  const compliance = (Object.keys(COMPLIANCE_FRAMEWORKS) as ComplianceFramework[]).filter((framework) => finding.compliance[framework].length > 0);
  return html`<dl class="detail">
<dt>Resource id</dt><dd><code>${shownId(finding.resourceId)}</code></dd>
<dt>Resource type</dt><dd><code>${finding.resourceType}</code></dd>
<dt>Evidence</dt><dd>${evidenceList(finding)}</dd>
<dt>Remediation</dt><dd>${finding.remediation.text}<pre><code>${fixCommand(finding)}</code></pre></dd>
<dt>Compliance</dt><dd>${compliance.length === 0 ? 'none mapped' : html`<ul class="plain">${compliance.map((framework) => html`<li>${COMPLIANCE_FRAMEWORKS[framework]}: ${finding.compliance[framework].join(', ')}</li>`)}</ul>`}</dd>
${rule && rule.references.length > 0 ? html`<dt>References</dt><dd>${referenceList(rule.references)}</dd>` : false}
<dt>Fingerprint</dt><dd><code>${finding.fingerprint}</code></dd>
${finding.suppressed ? html`<dt>Suppressed</dt><dd>${shownText(finding.suppressed.reason)}${finding.suppressed.expires ? ` (until ${finding.suppressed.expires})` : ''} <span class="muted">— ${finding.suppressed.source}</span></dd>` : false}
${finding.baselineState ? html`<dt>Baseline</dt><dd>${finding.baselineState === 'new' ? 'new since the baseline' : 'already in the baseline'}</dd>` : false}
</dl>`;
}

/** Text with a line-break opportunity after each `/`, so the ARM types and ids a message quotes wrap at their segments. */
function breakAtSlashes(text: string): SafeHtml {
  return html`${text.split('/').map((part, i) => (i === 0 ? part : html`/<wbr>${part}`))}`;
}

/** A rule's references: web pages as links (the report neither their opener nor their referrer), anything else as text. */
function referenceList(references: readonly string[]): SafeHtml {
  return html`<ul class="plain references">${references.map((reference) => html`<li>${webLink(reference)}</li>`)}</ul>`;
}

function webLink(url: string): SafeHtml | string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return url;
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:') return url;
  return html`<a href="${parsed.href}" rel="noopener noreferrer">${url}</a>`;
}

/**
 * Each rule's fix once, for the findings in force, in the order of the findings. On paper
 * this is the remediation: a finding's own details are not printed.
 */
function fixesSection(findings: readonly Finding[], lookup: Lookup): SafeHtml | false {
  const inForce = findings.filter((finding) => !finding.suppressed);
  if (inForce.length === 0) return false;
  const fixes = groupBy(inForce, (finding) => finding.ruleId).map((group) => {
    const first = group[0]!;
    const rule = lookup.rule(first.ruleId);
    return html`<article class="fix" id="fix-${first.ruleId}">
<h3><code>${first.ruleId}</code> ${first.title} <span class="muted">(${plural(group.length, 'finding')})</span></h3>
<p>${first.remediation.text}</p>
<pre><code>${first.remediation.az}</code></pre>
${rule && rule.references.length > 0 ? referenceList(rule.references) : false}
</article>`;
  });
  return html`<section id="fixes" aria-labelledby="fixes-heading">
<h2 id="fixes-heading">How to fix</h2>
${fixes}
</section>`;
}

/** Evidence paths are relative to the resource they were read from: say which when it is another (an NSG for its rule). */
function evidenceList(finding: Finding): SafeHtml {
  if (finding.evidence.length === 0) return html`<span class="muted">none recorded</span>`;
  return html`${groupBy(finding.evidence, (item) => item.resourceId).map(
    (items) =>
      html`${items[0]!.resourceId !== finding.resourceId ? html`<div class="muted">on <code>${shownId(items[0]!.resourceId)}</code></div>` : false}<ul class="evidence">${items.map(evidenceItem)}</ul>`,
  )}`;
}

function evidenceItem(item: Evidence): SafeHtml {
  const value = item.absent ? html`<span class="muted">(not set)</span>` : html`<code>${truncate(JSON.stringify(item.value) ?? 'undefined', MAX_EVIDENCE_VALUE)}</code>`;
  return html`<li><code>${item.path}</code> = ${value}${item.note ? ` — ${shownText(item.note)}` : ''}</li>`;
}

function notEvaluatedSection(result: ScanResult): SafeHtml {
  const heading = html`<h2 id="not-evaluated-heading">Not evaluated</h2>`;
  const entries = result.notEvaluated;
  const body =
    entries.length === 0
      ? html`<p>Every selected rule evaluated every resource it applies to.</p>`
      : html`<p>${plural(entries.length, 'rule × resource pair')} could not be evaluated; a finding may be hiding behind each.</p>
<div class="table-wrap"><table id="not-evaluated-table">
<thead><tr><th scope="col">Rule</th><th scope="col">Resource or scope</th><th scope="col">Code</th><th scope="col">Reason</th></tr></thead>
<tbody>${groupBy(entries, (entry) => `${entry.ruleId ?? ''}\n${entry.code}\n${entry.reason}`).map(notEvaluatedRow)}</tbody>
</table></div>`;
  return html`<section id="not-evaluated" aria-labelledby="not-evaluated-heading">
${heading}
${body}
${result.collectionErrors.length > 0 ? collectionErrorsTable(result.collectionErrors) : false}
</section>`;
}

/** Entries sharing rule, code and reason are one row, their resources listed (collapsed when many). */
function notEvaluatedRow(group: readonly NotEvaluatedEntry[]): SafeHtml {
  const first = group[0]!;
  const where = (entry: NotEvaluatedEntry): string => shownId(entry.resourceId ?? entry.inputLocation ?? '?');
  const resources =
    group.length === 1
      ? html`<code>${where(first)}</code>`
      : html`<details><summary>${group.length} resources</summary><ul class="plain">${group.map((entry) => html`<li><code>${where(entry)}</code></li>`)}</ul></details>`;
  return html`<tr class="not-evaluated" data-count="${group.length}">
<td class="nowrap">${first.ruleId ?? html`<span class="muted">input</span>`}</td>
<td>${resources}</td>
<td class="nowrap"><code>${first.code}</code></td>
<td>${shownText(first.reason, first.resourceId?.split('/'))}${makesIncomplete(first) ? false : html` <span class="muted">(no selected rule reads this type)</span>`}</td>
</tr>`;
}

function collectionErrorsTable(errors: ScanResult['collectionErrors']): SafeHtml {
  return html`<h3>Read errors recorded during collection (${errors.length})</h3>
<div class="table-wrap"><table id="collection-errors-table">
<thead><tr><th scope="col">Scope</th><th scope="col">Resource type</th><th scope="col">Code</th><th scope="col">Message</th></tr></thead>
<tbody>${errors.map((error) => html`<tr><td><code>${shownId(error.scope)}</code></td><td>${shownName(error.resourceType ?? 'everything')}</td><td class="nowrap"><code>${shownName(error.code)}</code></td><td>${shownText(error.message, error.scope.split('/'))}</td></tr>`)}</tbody>
</table></div>`;
}

function complianceSection(report: ComplianceReport): SafeHtml {
  const automated = report.controls.filter((control) => control.status !== 'noAutomatedRule');
  const manual = report.controls.filter((control) => control.status === 'noAutomatedRule');
  const statuses: ControlStatus[] = ['fail', 'notEvaluated', 'pass', 'noAutomatedRule'];
  return html`<section id="compliance" aria-labelledby="compliance-heading">
<h2 id="compliance-heading">Compliance: ${report.title}</h2>
<ul class="counts">${statuses.map((status) => html`<li class="st-${status}" data-status="${status}"><strong>${report.counts[status]}</strong> ${STATUS_LABELS[status]}</li>`)}</ul>
<div class="table-wrap"><table id="compliance-table">
<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Group</th><th scope="col">Status</th><th scope="col">Rules</th><th scope="col" class="num">Findings</th></tr></thead>
<tbody>${automated.map(controlRow)}</tbody>
</table></div>
${manual.length > 0 ? manualControls(manual) : false}
</section>`;
}

function controlRow(control: ControlResult): SafeHtml {
  const status = control.status === 'notEvaluated' ? `${STATUS_LABELS.notEvaluated} (${control.notEvaluated})` : STATUS_LABELS[control.status];
  return html`<tr class="control" data-status="${control.status}"><td class="nowrap"><code>${control.id}</code></td><td>${control.title}</td><td>${control.group}</td><td class="st-${control.status}">${status}</td><td class="nowrap">${control.rules.join(', ')}</td><td class="num">${control.findings}</td></tr>`;
}

/** Controls azscan has no rule for are most of a framework: collapsed, so the table above stays readable. */
function manualControls(controls: readonly ControlResult[]): SafeHtml {
  return html`<details id="manual-controls"><summary>${plural(controls.length, 'control')} with no automated rule — check these by hand</summary>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Group</th></tr></thead>
<tbody>${controls.map((control) => html`<tr class="control" data-status="${control.status}"><td class="nowrap"><code>${control.id}</code></td><td>${control.title}</td><td>${control.group}</td></tr>`)}</tbody>
</table></div>
</details>`;
}

function baselineSection(report: BaselineReport): SafeHtml {
  return html`<section id="baseline" aria-labelledby="baseline-heading">
<h2 id="baseline-heading">Since the baseline</h2>
<p>Compared with <code>${report.path}</code>.</p>
<ul class="counts">
<li data-baseline="new"><strong>${report.new}</strong> new</li>
<li data-baseline="existing"><strong>${report.existing}</strong> existing</li>
<li data-baseline="fixed"><strong>${report.fixed.length}</strong> fixed</li>
<li data-baseline="unknown"><strong>${report.unknown.length}</strong> not re-checked</li>
</ul>
${report.fixed.length > 0 ? html`<h3>Fixed (${report.fixed.length})</h3><p>The rule looked and the finding is gone, or the resource no longer exists.</p>${baselineTable('baseline-fixed', report.fixed)}` : false}
${report.unknown.length > 0 ? html`<h3>Not re-checked (${report.unknown.length})</h3><p>This scan did not run the rule or could not evaluate the resource, so these may still be open.</p>${baselineTable('baseline-unknown', report.unknown)}` : false}
</section>`;
}

function baselineTable(id: string, findings: readonly BaselineFinding[]): SafeHtml {
  return html`<div class="table-wrap"><table id="${id}">
<thead><tr><th scope="col">Severity</th><th scope="col">Rule</th><th scope="col">Title</th><th scope="col">Resource</th></tr></thead>
<tbody>${findings.map((finding) => html`<tr><td><span class="sev sev-${finding.severity}">${finding.severity}</span></td><td class="nowrap"><code>${finding.ruleId}</code></td><td>${shownText(finding.title)}</td><td><code>${shownId(finding.resourceId)}</code></td></tr>`)}</tbody>
</table></div>`;
}

function suppressionsSection(report: SuppressionReport): SafeHtml {
  return html`<section id="suppressions" aria-labelledby="suppressions-heading">
<h2 id="suppressions-heading">Suppressions</h2>
<p>${plural(report.suppressed, 'finding')} ${report.suppressed === 1 ? 'is' : 'are'} suppressed: listed in the findings table under “Show suppressed”, not counted in the summary.</p>
${report.expired.length > 0 ? html`<h3>Expired (${report.expired.length})</h3><p>Past their date, these no longer suppress anything.</p>${suppressionTable('suppressions-expired', report.expired)}` : false}
${report.stale.length > 0 ? html`<h3>Stale (${report.stale.length})</h3><p>In force but matching no finding: probably fixed, or mistyped.</p>${suppressionTable('suppressions-stale', report.stale)}` : false}
</section>`;
}

function suppressionTable(id: string, suppressions: readonly (SuppressionRule | SuppressionUse)[]): SafeHtml {
  const counted = suppressions.some((suppression) => 'matches' in suppression);
  return html`<div class="table-wrap"><table id="${id}">
<thead><tr><th scope="col">Rule</th><th scope="col">Resource pattern</th><th scope="col">Reason</th><th scope="col">Expires</th><th scope="col">Written in</th>${counted ? html`<th scope="col" class="num">Would match</th>` : false}</tr></thead>
<tbody>${suppressions.map(
    (suppression) =>
      html`<tr><td class="nowrap"><code>${suppression.rule}</code></td><td><code>${shownName(suppression.resource)}</code></td><td>${shownText(suppression.reason)}</td><td>${suppression.expires ?? '—'}</td><td>${suppression.source}</td>${'matches' in suppression ? html`<td class="num">${suppression.matches}</td>` : false}</tr>`,
  )}</tbody>
</table></div>`;
}

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
