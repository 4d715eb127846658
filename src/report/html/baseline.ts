import type { BaselineFinding, BaselineReport } from '../../model/baseline.js';
import { html, SafeHtml } from '../markup.js';
import { shownId, shownText } from '../text.js';

/** With `--baseline`: what is new, existing, fixed, or could not be re-checked since the baseline. */

export function baselineSection(report: BaselineReport): SafeHtml {
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
