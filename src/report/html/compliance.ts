import { isRated, type ComplianceReport, type ControlResult, type ControlStatus } from '../../model/compliance.js';
import { html, SafeHtml } from '../markup.js';
import { plural } from '../text.js';

/** With `--compliance`: each control of the framework and its status, the controls no rule automates collapsed. */

const STATUS_LABELS: Readonly<Record<ControlStatus, string>> = { fail: 'fail', notEvaluated: 'not evaluated', pass: 'pass', manual: 'manual', noRule: 'no rule' };

export function complianceSection(report: ComplianceReport): SafeHtml {
  const automated = report.controls.filter((control) => isRated(control.status));
  const manual = report.controls.filter((control) => !isRated(control.status));
  const statuses: ControlStatus[] = ['fail', 'notEvaluated', 'pass', 'manual', 'noRule'];
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
  return html`<tr class="control" data-status="${control.status}"><td class="nowrap"><code>${control.id}</code></td><td class="reason">${control.title}</td><td>${control.group}</td><td class="st-${control.status}">${status}</td><td>${ruleIds(control.rules)}</td><td class="num">${control.findings}</td></tr>`;
}

/** A control's rules, each id kept whole and the list free to wrap between them: a control may have many. */
function ruleIds(ids: readonly string[]): SafeHtml[] {
  return ids.map((id, i) => html`${i > 0 ? ', ' : ''}<span class="nowrap">${id}</span>`);
}

/**
 * Controls no rule answers (manual ones, and automated ones ARM cannot answer, with the reason)
 * are much of a framework: collapsed, so the table above stays readable.
 */
function manualControls(controls: readonly ControlResult[]): SafeHtml {
  return html`<details id="manual-controls"><summary>${plural(controls.length, 'control')} no rule answers — check these by hand</summary>
<div class="table-wrap"><table>
<thead><tr><th scope="col">Control</th><th scope="col">Title</th><th scope="col">Group</th><th scope="col">Status</th></tr></thead>
<tbody>${controls.map((control) => html`<tr class="control" data-status="${control.status}"><td class="nowrap"><code>${control.id}</code></td><td>${control.title}</td><td>${control.group}</td><td class="reason">${control.reason === undefined ? STATUS_LABELS[control.status] : `${STATUS_LABELS[control.status]}: ${control.reason}`}</td></tr>`)}</tbody>
</table></div>
</details>`;
}
