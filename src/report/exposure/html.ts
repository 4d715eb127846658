import { html, htmlDocument, SafeHtml } from '../markup.js';
import { exposureRows, notFollowedRows, platformRows, PLATFORM_SENSITIVE_LEGEND, SENSITIVE_LEGEND, sourceText, type ExposureRow, type NotFollowedRow, type PlatformRow } from './rows.js';
import type { ExposureReport } from '../../model/exposure.js';

const STYLE = `
:root { color-scheme: light; --fg: #1f2328; --muted: #59636e; --line: #d1d9e0; --alt: #f6f8fa; --sensitive: #b91c1c; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 84rem; padding: 1rem; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--fg); background: #fff; }
h1 { font-size: 1.6rem; margin: 0 0 .25rem; }
h2 { font-size: 1.3rem; margin: 2rem 0 .75rem; padding-bottom: .25rem; border-bottom: 1px solid var(--line); }
code { font-family: ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; font-size: .85em; }
.muted { color: var(--muted); }
.status { display: inline-block; font-weight: 700; padding: .35rem .75rem; border-radius: 4px; margin: .5rem 0 .75rem; }
.status.complete { background: #dcfce7; color: #14532d; }
.status.incomplete { background: #fae8ff; color: #701a75; border: 2px solid #a21caf; }
.status.incomplete a { color: inherit; }
.facts { display: grid; grid-template-columns: max-content minmax(0, 1fr); gap: .2rem 1rem; margin: 0; }
.facts dt { font-weight: 600; color: var(--muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
/*
 * Fixed column widths: names from Azure need not have a space to wrap at, and an automatic
 * layout would widen the table for the longest of them. At 800 px nothing scrolls sideways.
 */
table { border-collapse: collapse; width: 100%; table-layout: fixed; font-size: 14px; }
th, td { text-align: left; vertical-align: top; padding: .4rem .4rem; border-bottom: 1px solid var(--line); overflow-wrap: anywhere; }
thead th { background: var(--alt); overflow-wrap: normal; }
th.address { width: 15%; } th.protocol { width: 10%; } th.ports { width: 12%; } th.services { width: 16%; } th.workload { width: 17%; } th.way-in { width: 30%; }
th.public-ip { width: 30%; } th.code { width: 20%; } th.reason { width: 50%; }
.nowrap { white-space: nowrap; }
.sensitive { color: var(--sensitive); font-weight: 700; }
tr.sensitive-row > td:first-child { box-shadow: inset 4px 0 0 var(--sensitive); }
@media print {
  body { max-width: none; padding: 0; font-size: 10pt; }
  thead { display: table-header-group; }
  tr { break-inside: avoid; }
  .sensitive, .status { print-color-adjust: exact; -webkit-print-color-adjust: exact; }
}
`;

/** The platform endpoints' columns, added only to a page that has them: a page without is as it was before they were added. */
const PLATFORM_STYLE = `th.host { width: 24%; } th.platform-ports { width: 9%; } th.reach { width: 13%; } th.auth { width: 12%; } th.resource { width: 16%; } th.grants { width: 26%; }
`;

/**
 * The exposure list as one self-contained page: the endpoints as a table (sensitive ports in
 * red and marked `!`), then the public IPs that could not be followed. No script and no
 * external resource; readable at 800 px without scrolling sideways.
 */
export function renderExposureHtml(report: ExposureReport): string {
  const rows = exposureRows(report.endpoints);
  const notFollowed = notFollowedRows(report.unknown);
  const platform = platformRows(report.platformEndpoints);
  const platformUnknown = notFollowedRows(report.platformUnknown);
  const sensitive = rows.filter((row) => row.sensitive).length;
  const { source } = report;
  const missing = [
    ...(notFollowed.length > 0 ? [html`${notFollowed.length} public address${notFollowed.length === 1 ? '' : 'es'} not followed (<a href="#not-followed">see why</a>)`] : []),
    ...(platformUnknown.length > 0 ? [html`${platformUnknown.length} platform resource${platformUnknown.length === 1 ? '' : 's'} or scope${platformUnknown.length === 1 ? '' : 's'} not evaluated (<a href="#platform-not-evaluated">see why</a>)`] : []),
  ];
  const state =
    missing.length === 0
      ? html`<p class="status complete" id="list-state">Every public address was followed</p>`
      : html`<p class="status incomplete" id="list-state">INCOMPLETE — ${missing.map((part, i) => html`${i > 0 ? ', ' : ''}${part}`)}</p>`;
  // No script: nothing on the page runs.
  return htmlDocument({
    title: `${report.tool.name} exposure — ${source.tenantId ? `tenant ${source.tenantId}` : sourceText(source)}`,
    style: platform.length > 0 ? STYLE + PLATFORM_STYLE : STYLE,
    body: html`<header>
<h1>Reachable from the internet</h1>
${state}
<dl class="facts">
<dt>Tool</dt><dd>${report.tool.name} ${report.tool.version}</dd>
<dt>Source</dt><dd>${sourceText(source)}</dd>
${source.tenantId ? html`<dt>Tenant</dt><dd><code>${source.tenantId}</code></dd>` : false}
${source.collectedAt ? html`<dt>Collected</dt><dd>${source.collectedAt}</dd>` : false}
</dl>
</header>
<main>
<section id="endpoints" aria-labelledby="endpoints-heading">
<h2 id="endpoints-heading">Endpoints (${rows.length})</h2>
${rows.length === 0 ? html`<p>Nothing: no public address leads to an open port.</p>` : endpointTable(rows, sensitive)}
</section>
${platform.length > 0 ? html`${platformSection(platform)}\n` : false}${notFollowed.length > 0 ? notFollowedSection(notFollowed) : false}${platformUnknown.length > 0 ? html`\n${platformUnknownSection(platformUnknown)}` : false}
</main>`,
  });
}

function endpointTable(rows: readonly ExposureRow[], sensitive: number): SafeHtml {
  return html`<p>${rows.length} endpoint${rows.length === 1 ? '' : 's'}, ${sensitive} with a sensitive port.</p>
${sensitive > 0 ? html`<p class="legend" id="legend"><span class="sensitive">!</span> ${SENSITIVE_LEGEND}</p>` : false}
<table id="endpoints-table">
<thead><tr><th scope="col" class="address">Address</th><th scope="col" class="protocol">Protocol</th><th scope="col" class="ports">Ports</th><th scope="col" class="services">Services</th><th scope="col" class="workload">Workload</th><th scope="col" class="way-in">Way in</th></tr></thead>
<tbody>
${rows.map(endpointRow)}
</tbody>
</table>`;
}

function endpointRow(row: ExposureRow): SafeHtml {
  const ports = html`${row.frontendPorts === undefined ? false : html`${row.frontendPorts} → `}${row.ports.map(
    (part, i) => html`${i > 0 ? ', ' : ''}${part.sensitive ? html`<span class="sensitive">${part.text}!</span>` : part.text}`,
  )}`;
  const services = row.services.map((named, i) => html`${i > 0 ? ', ' : ''}${named.sensitive ? html`<span class="sensitive">${named.service}</span>` : named.service}`);
  return html`<tr class="endpoint${row.sensitive ? ' sensitive-row' : ''}" data-sensitive="${row.sensitive ? 'true' : 'false'}">
<td>${row.address}</td>
<td>${row.protocol}</td>
<td>${ports}</td>
<td>${services.length > 0 ? services : html`<span class="muted">—</span>`}</td>
<td>${row.workload}</td>
<td>${row.wayIn}</td>
</tr>
`;
}

function notFollowedSection(entries: readonly NotFollowedRow[]): SafeHtml {
  return html`<section id="not-followed" aria-labelledby="not-followed-heading">
<h2 id="not-followed-heading">Not followed (${entries.length})</h2>
<p>The way in from these public addresses could not be followed: what they lead to is not in the list above.</p>
<table id="not-followed-table">
<thead><tr><th scope="col" class="public-ip">Public IP</th><th scope="col" class="code">Code</th><th scope="col" class="reason">Reason</th></tr></thead>
<tbody>${entries.map((entry) => html`<tr><td title="${entry.id}">${entry.name}</td><td><code>${entry.code}</code></td><td>${entry.reason}</td></tr>`)}</tbody>
</table>
</section>`;
}

function platformSection(rows: readonly PlatformRow[]): SafeHtml {
  const sensitive = rows.filter((row) => row.sensitive).length;
  return html`<section id="platform-endpoints" aria-labelledby="platform-endpoints-heading">
<h2 id="platform-endpoints-heading">Platform endpoints (${rows.length})</h2>
<p>${rows.length} platform endpoint${rows.length === 1 ? '' : 's'} reached through the services' own network controls, ${sensitive} sensitive.</p>
${sensitive > 0 ? html`<p class="legend" id="platform-legend"><span class="sensitive">!</span> ${PLATFORM_SENSITIVE_LEGEND}</p>` : false}
<table id="platform-endpoints-table">
<thead><tr><th scope="col" class="host">Host</th><th scope="col" class="platform-ports">Ports</th><th scope="col" class="reach">Reachable by</th><th scope="col" class="auth">Auth</th><th scope="col" class="resource">Resource</th><th scope="col" class="grants">Grants</th></tr></thead>
<tbody>
${rows.map(platformRow)}
</tbody>
</table>
</section>`;
}

function platformRow(row: PlatformRow): SafeHtml {
  const ports = row.ports.map((part, i) => html`${i > 0 ? ', ' : ''}${part.sensitive ? html`<span class="sensitive">${part.text}!</span>` : part.text}`);
  const auth = row.sensitive && row.auth.includes('anonymous') ? html`<span class="sensitive">${row.auth}!</span>` : row.auth;
  return html`<tr class="platform-endpoint${row.sensitive ? ' sensitive-row' : ''}" data-sensitive="${row.sensitive ? 'true' : 'false'}" data-reachable-by="${row.reachableBy}">
<td>${row.host}</td>
<td>${ports}</td>
<td>${row.reach}</td>
<td>${auth}</td>
<td title="${row.resourceId}">${row.resource}</td>
<td>${row.grants}</td>
</tr>
`;
}

function platformUnknownSection(entries: readonly NotFollowedRow[]): SafeHtml {
  return html`<section id="platform-not-evaluated" aria-labelledby="platform-not-evaluated-heading">
<h2 id="platform-not-evaluated-heading">Platform endpoints not evaluated (${entries.length})</h2>
<p>The endpoints of these resources, or of the resources these reads would have found, could not be evaluated: they are not in the list above.</p>
<table id="platform-not-evaluated-table">
<thead><tr><th scope="col" class="public-ip">Resource or scope</th><th scope="col" class="code">Code</th><th scope="col" class="reason">Reason</th></tr></thead>
<tbody>${entries.map((entry) => html`<tr><td title="${entry.id}">${entry.name}</td><td><code>${entry.code}</code></td><td>${entry.reason}</td></tr>`)}</tbody>
</table>
</section>`;
}
