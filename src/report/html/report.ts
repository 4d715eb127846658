import type { ScanResult } from '../../model/result.js';
import { html, htmlDocument, SafeHtml } from '../markup.js';
import { shownName } from '../text.js';
import { baselineSection } from './baseline.js';
import { complianceSection } from './compliance.js';
import { findingsSection, fixesSection, type Lookup } from './findings.js';
import { notEvaluatedSection } from './not-evaluated.js';
import { SCRIPT, STYLE } from './style.js';
import { summarySection } from './summary.js';
import { suppressionsSection } from './suppressions.js';

/*
 * The scan report as one HTML page: the header with the scan's state, the navigation, and
 * each section in its own module.
 */

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
  // The page holds every finding it shows, so they are read once, here, and the sections share them.
  const findings = [...result.findings];
  return htmlDocument({
    title: pageTitle(result),
    style: STYLE,
    script: SCRIPT,
    body: html`${header(result)}
${navigation(result)}
<main>
${summarySection(result, findings)}
${findingsSection(findings, lookup)}
${fixesSection(findings, lookup)}
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
  if (result.summary.findings.total > 0) links.push(['fixes', 'How to fix']);
  links.push(['not-evaluated', 'Not evaluated']);
  if (result.compliance) links.push(['compliance', 'Compliance']);
  if (result.baseline) links.push(['baseline', 'Baseline']);
  if (result.suppressions) links.push(['suppressions', 'Suppressions']);
  return html`<nav aria-label="Sections"><ul>${links.map(([id, label]) => html`<li><a href="#${id}">${label}</a></li>`)}</ul></nav>`;
}
