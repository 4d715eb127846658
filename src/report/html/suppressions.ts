import type { SuppressionReport, SuppressionRule, SuppressionUse } from '../../model/suppression.js';
import { html, SafeHtml } from '../markup.js';
import { plural, shownName, shownText } from '../text.js';

/** When a config suppresses findings: how many, and the suppressions that expired or match nothing. */

export function suppressionsSection(report: SuppressionReport): SafeHtml {
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
