// The report as azscan wrote it before reports were streamed (one string), kept as the oracle
// that the streamed report is checked against: see test/report/streamed-reports.test.ts.
import type { Finding, Outcome, ScanResult } from '../../../src/model/result.js';
import { fixCommand } from '../../../src/report/fix-command.js';
import { stripUnsafe as oneLine } from '../../../src/report/sanitize.js';
import { escapeXml, MAX_TEXT, namesIn, shownId, shownText, truncate } from '../../../src/report/text.js';

/**
 * JUnit XML for CI test views: one test suite per rule, one test case per evaluated resource.
 * A failing resource carries its findings' messages and the fix; one that could not be
 * evaluated is an `error` (never a pass); not applicable and suppressed are `skipped`.
 * Untrusted text is cut as every report cuts it, each piece kept to one line (a newline in a
 * name must not forge the next line of a failure), and escaped for XML when written.
 */
export function oldRenderJunit(result: ScanResult): string {
  const shown = new Map(result.findings.map((finding) => [finding.fingerprint, finding]));
  const suites = result.rules.map((rule) => {
    const cases = result.outcomes.filter((outcome) => outcome.ruleId === rule.id).map((outcome) => testCase(outcome, shown));
    return { name: `${rule.id} ${rule.name}`, title: rule.title, cases };
  });
  // Input that no rule could look at (a resource with no id, say) still gets a case of its own.
  const unread = result.notEvaluated.filter((entry) => entry.ruleId === undefined);
  if (unread.length > 0) {
    suites.push({
      name: 'input',
      title: 'Resources azscan could not read',
      cases: unread.map((entry) => ({
        name: oneLine(shownId(entry.resourceId ?? entry.inputLocation ?? 'input')),
        classname: 'input',
        kind: 'error' as const,
        message: oneLine(shownText(entry.reason)),
        type: entry.code,
        body: oneLine(shownText(entry.reason)),
      })),
    });
  }

  const count = (cases: TestCase[], kind: TestCase['kind']) => cases.filter((c) => c.kind === kind).length;
  const all = suites.flatMap((suite) => suite.cases);
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="${escapeXml(`${result.tool.name} ${result.tool.version}`)}" tests="${all.length}" failures="${count(all, 'failure')}" errors="${count(all, 'error')}" skipped="${count(all, 'skipped')}" time="0">`,
  ];
  for (const suite of suites) {
    lines.push(
      `  <testsuite name="${escapeXml(suite.name)}" tests="${suite.cases.length}" failures="${count(suite.cases, 'failure')}" errors="${count(suite.cases, 'error')}" skipped="${count(suite.cases, 'skipped')}" time="0">`,
      `    <properties><property name="title" value="${escapeXml(suite.title)}"/></properties>`,
    );
    for (const test of suite.cases) {
      const open = `    <testcase classname="${escapeXml(test.classname)}" name="${escapeXml(test.name)}" time="0"`;
      if (test.kind === 'pass') {
        lines.push(`${open}/>`);
        continue;
      }
      const attributes = `message="${escapeXml(test.message)}"${test.type ? ` type="${escapeXml(test.type)}"` : ''}`;
      lines.push(`${open}>`, `      <${test.kind} ${attributes}>${escapeXml(test.body)}</${test.kind}>`, '    </testcase>');
    }
    lines.push('  </testsuite>');
  }
  lines.push('</testsuites>');
  return `${lines.join('\n')}\n`;
}

interface TestCase {
  readonly name: string;
  readonly classname: string;
  readonly kind: 'pass' | 'failure' | 'error' | 'skipped';
  readonly message: string;
  readonly type?: string;
  readonly body: string;
}

function testCase(outcome: Outcome, shown: ReadonlyMap<string, Finding>): TestCase {
  const base = { name: oneLine(shownId(outcome.resourceId)), classname: outcome.ruleId };
  const reason = oneLine(shownText(outcome.reason ?? '', outcome.resourceId.split('/')));
  switch (outcome.status) {
    case 'pass':
      return { ...base, kind: 'pass', message: '', body: '' };
    case 'notApplicable':
      return { ...base, kind: 'skipped', message: `not applicable: ${reason}`, body: '' };
    case 'error':
      return { ...base, kind: 'error', message: `not evaluated: ${reason}`, type: outcome.code ?? 'Error', body: reason };
    case 'fail': {
      const findings = outcome.findings.map((finding) => shown.get(finding.fingerprint)).filter((finding): finding is Finding => finding !== undefined);
      const active = findings.filter((finding) => !finding.suppressed);
      if (active.length === 0) {
        const why = findings.length > 0 ? `suppressed: ${findings.map((finding) => oneLine(shownText(finding.suppressed?.reason ?? ''))).join('; ')}` : 'findings below the --severity shown';
        return { ...base, kind: 'skipped', message: why, body: '' };
      }
      const first = active[0]!;
      const messages = active.map((finding) => oneLine(shownText(finding.message, namesIn(finding.resourceName))));
      const body = [
        ...active.map((finding, i) => oneLine(`[${finding.severity}] ${messages[i]}${finding.baselineState === 'new' ? ' (new)' : ''}`)),
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
