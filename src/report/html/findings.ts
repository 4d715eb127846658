import { groupBy } from '../../inventory/collections.js';
import { COMPLIANCE_FRAMEWORKS, type ComplianceFramework } from '../../model/compliance.js';
import type { Evidence } from '../../model/evidence.js';
import type { Finding } from '../../model/result.js';
import type { RuleMeta } from '../../model/rule.js';
import { serviceLabel } from '../../model/services.js';
import { SEVERITIES } from '../../model/severity.js';
import { fixCommand } from '../fix-command.js';
import { html, SafeHtml } from '../markup.js';
import { namesIn, plural, shownId, shownName, shownText, truncate } from '../text.js';

/**
 * The findings: a table with a row per finding and its details (evidence, remediation,
 * compliance, references), the filters over it, and each rule's fix once under "How to fix".
 */

const MAX_EVIDENCE_VALUE = 1000;

/** Looks things up that several sections show: subscription names and rule metadata. */
export interface Lookup {
  subscription(id: string | undefined): string;
  rule(id: string): RuleMeta | undefined;
}

export function findingsSection(findings: readonly Finding[], lookup: Lookup): SafeHtml {
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
  const services = distinct(findings.map((finding) => finding.service)).map((s): [string, string] => [s, serviceLabel(s)]);
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
export function fixesSection(findings: readonly Finding[], lookup: Lookup): SafeHtml | false {
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

function distinct<T>(items: readonly T[]): T[] {
  return [...new Set(items)];
}
