import type { Finding, NotEvaluatedEntry, Outcome, ScanResult } from '../model/result.js';
import type { RuleMeta } from '../model/rule.js';
import { fixCommand } from './fix-command.js';
import { stripUnsafe as oneLine } from './sanitize.js';
import { escapeXml, MAX_TEXT, namesIn, shownId, shownText, truncate } from './text.js';

/**
 * JUnit XML for CI test views: one test suite per rule, one test case per evaluated resource.
 * A failing resource carries its findings' messages and the fix; one that could not be
 * evaluated is an `error` (never a pass); not applicable and suppressed are `skipped`.
 * Untrusted text is cut as every report cuts it, each piece kept to one line (a newline in a
 * name must not forge the next line of a failure), and escaped for XML when written.
 *
 * Written a line at a time. The counts in the opening tags come first, so the outcomes are
 * read once to count them, and then once for each rule that has any, to write its cases (a
 * suite holds one rule's cases, and the outcomes come resource by resource).
 */
export function* renderJunit(result: ScanResult): Generator<string> {
  const shown = shownStates(result.findings);
  const byRule = new Map<string, CaseCounts>();
  for (const outcome of result.outcomes) {
    let counts = byRule.get(outcome.ruleId);
    if (!counts) byRule.set(outcome.ruleId, (counts = noCases()));
    count(counts, caseKind(outcome, shown));
  }
  // Input that no rule could look at (a resource with no id, say) still gets a case of its own.
  const unread = noCases();
  for (const entry of result.notEvaluated) if (entry.ruleId === undefined) count(unread, 'error');

  const all = noCases();
  for (const rule of result.rules) add(all, byRule.get(rule.id) ?? noCases());
  add(all, unread);
  yield '<?xml version="1.0" encoding="UTF-8"?>\n';
  yield `<testsuites name="${escapeXml(`${result.tool.name} ${result.tool.version}`)}" ${countAttributes(all)}>\n`;
  for (const rule of result.rules) {
    const counts = byRule.get(rule.id) ?? noCases();
    yield* suiteOpening(`${rule.id} ${rule.name}`, rule.title, counts);
    if (counts.tests > 0) {
      for (const outcome of result.outcomes) if (outcome.ruleId === rule.id) yield testCaseXml(testCase(outcome, rule, shown));
    }
    yield '  </testsuite>\n';
  }
  if (unread.tests > 0) {
    yield* suiteOpening('input', 'Resources azscan could not read', unread);
    for (const entry of result.notEvaluated) if (entry.ruleId === undefined) yield testCaseXml(unreadCase(entry));
    yield '  </testsuite>\n';
  }
  yield '</testsuites>\n';
}

type CaseKind = 'pass' | 'failure' | 'error' | 'skipped';

interface TestCase {
  readonly name: string;
  readonly classname: string;
  readonly kind: CaseKind;
  readonly message: string;
  readonly type?: string;
  readonly body: string;
}

interface CaseCounts {
  tests: number;
  failure: number;
  error: number;
  skipped: number;
}

const noCases = (): CaseCounts => ({ tests: 0, failure: 0, error: 0, skipped: 0 });

function count(counts: CaseCounts, kind: CaseKind): void {
  counts.tests++;
  if (kind !== 'pass') counts[kind]++;
}

function add(total: CaseCounts, counts: CaseCounts): void {
  total.tests += counts.tests;
  total.failure += counts.failure;
  total.error += counts.error;
  total.skipped += counts.skipped;
}

function countAttributes(counts: CaseCounts): string {
  return `tests="${counts.tests}" failures="${counts.failure}" errors="${counts.error}" skipped="${counts.skipped}" time="0"`;
}

function* suiteOpening(name: string, title: string, counts: CaseCounts): Generator<string> {
  yield `  <testsuite name="${escapeXml(name)}" ${countAttributes(counts)}>\n`;
  yield `    <properties><property name="title" value="${escapeXml(title)}"/></properties>\n`;
}

function testCaseXml(test: TestCase): string {
  const open = `    <testcase classname="${escapeXml(test.classname)}" name="${escapeXml(test.name)}" time="0"`;
  if (test.kind === 'pass') return `${open}/>\n`;
  const attributes = `message="${escapeXml(test.message)}"${test.type ? ` type="${escapeXml(test.type)}"` : ''}`;
  return `${open}>\n      <${test.kind} ${attributes}>${escapeXml(test.body)}</${test.kind}>\n    </testcase>\n`;
}

/**
 * What the report shows of each finding an outcome carries, by fingerprint: whether it is
 * shown at all (the --severity filter), suppressed (and why), new since the baseline. Kept
 * small (not the findings themselves), since a failing case needs it for every outcome.
 */
interface ShownState {
  readonly suppressedReason: string | undefined;
  readonly isNew: boolean;
}

function shownStates(findings: Iterable<Finding>): Map<string, ShownState> {
  const states = new Map<string, ShownState>();
  for (const finding of findings) states.set(finding.fingerprint, { suppressedReason: finding.suppressed?.reason, isNew: finding.baselineState === 'new' });
  return states;
}

function caseKind(outcome: Outcome, shown: ReadonlyMap<string, ShownState>): CaseKind {
  switch (outcome.status) {
    case 'pass':
      return 'pass';
    case 'notApplicable':
      return 'skipped';
    case 'error':
      return 'error';
    case 'fail':
      return outcome.findings.some((finding) => shown.has(finding.fingerprint) && shown.get(finding.fingerprint)!.suppressedReason === undefined) ? 'failure' : 'skipped';
  }
}

function unreadCase(entry: NotEvaluatedEntry): TestCase {
  const reason = oneLine(shownText(entry.reason));
  return { name: oneLine(shownId(entry.resourceId ?? entry.inputLocation ?? 'input')), classname: 'input', kind: 'error', message: reason, type: entry.code, body: reason };
}

function testCase(outcome: Outcome, rule: RuleMeta, shown: ReadonlyMap<string, ShownState>): TestCase {
  const base = { name: oneLine(shownId(outcome.resourceId)), classname: rule.id };
  const reason = oneLine(shownText(outcome.reason ?? '', outcome.resourceId.split('/')));
  switch (outcome.status) {
    case 'pass':
      return { ...base, kind: 'pass', message: '', body: '' };
    case 'notApplicable':
      return { ...base, kind: 'skipped', message: `not applicable: ${reason}`, body: '' };
    case 'error':
      return { ...base, kind: 'error', message: `not evaluated: ${reason}`, type: outcome.code ?? 'Error', body: reason };
    case 'fail': {
      const findings = outcome.findings.filter((finding) => shown.has(finding.fingerprint));
      const active = findings.filter((finding) => shown.get(finding.fingerprint)!.suppressedReason === undefined);
      if (active.length === 0) {
        const why = findings.length > 0 ? `suppressed: ${findings.map((finding) => oneLine(shownText(shown.get(finding.fingerprint)!.suppressedReason ?? ''))).join('; ')}` : 'findings below the --severity shown';
        return { ...base, kind: 'skipped', message: why, body: '' };
      }
      const first = active[0]!;
      const messages = active.map((finding) => oneLine(shownText(finding.message, namesIn(finding.resourceName))));
      const body = [
        ...active.map((finding, i) => oneLine(`[${finding.severity}] ${messages[i]}${shown.get(finding.fingerprint)!.isNew ? ' (new)' : ''}`)),
        '',
        ...active.flatMap((finding) =>
          finding.evidence.map((item) => oneLine(`${truncate(item.path, MAX_TEXT)} = ${item.absent ? `(not set) ${shownText(item.note ?? '')}` : truncate(JSON.stringify(item.value) ?? 'undefined', MAX_TEXT)}`)),
        ),
        '',
        `Fix: ${first.remediation.text}`,
        ...[...new Set(active.map(fixCommand))].map((command) => `  ${command}`),
      ].join('\n');
      return { ...base, kind: 'failure', message: messages.join(' | '), type: first.severity, body };
    }
  }
}
