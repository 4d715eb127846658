import { groupBy } from '../../inventory/collections.js';
import { makesIncomplete, type NotEvaluatedEntry, type ScanResult } from '../../model/result.js';
import type { CollectionError } from '../../inventory/types.js';
import { html, SafeHtml } from '../markup.js';
import { plural, shownId, shownName, shownText } from '../text.js';

/** What could not be evaluated, and why, with the read errors collection recorded: where a finding may be hiding. */

export function notEvaluatedSection(result: ScanResult): SafeHtml {
  const heading = html`<h2 id="not-evaluated-heading">Not evaluated</h2>`;
  // The page lists them all: one pass each, into the tables below.
  const entries = [...result.notEvaluated];
  const errors = [...result.collectionErrors];
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
${errors.length > 0 ? collectionErrorsTable(errors) : false}
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

function collectionErrorsTable(errors: readonly CollectionError[]): SafeHtml {
  return html`<h3>Read errors recorded during collection (${errors.length})</h3>
<div class="table-wrap"><table id="collection-errors-table">
<thead><tr><th scope="col">Scope</th><th scope="col">Resource type</th><th scope="col">Code</th><th scope="col">Message</th></tr></thead>
<tbody>${errors.map((error) => html`<tr><td><code>${shownId(error.scope)}</code></td><td>${shownName(error.resourceType ?? 'everything')}</td><td class="nowrap"><code>${shownName(error.code)}</code></td><td>${shownText(error.message, error.scope.split('/'))}</td></tr>`)}</tbody>
</table></div>`;
}
