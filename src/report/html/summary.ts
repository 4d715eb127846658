import type { Finding, ScanResult } from '../../model/result.js';
import { serviceLabel, type Service } from '../../model/services.js';
import { SEVERITIES } from '../../model/severity.js';
import { html, SafeHtml } from '../markup.js';
import { plural } from '../text.js';

/** The summary: counts by severity, and findings by severity and by service as bar charts. */

export function summarySection(result: ScanResult, findings: readonly Finding[]): SafeHtml {
  const s = result.summary;
  const inForce = findings.filter((finding) => !finding.suppressed);
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
    label: serviceLabel(service),
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
