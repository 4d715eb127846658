import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { DEMO, runCli } from './run-cli.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-selection-'));
function config(name: string, text: string): string {
  const path = join(dir, name);
  writeFileSync(path, text);
  return path;
}

/** Exit 2, one line, nothing on stdout: a selection that evaluates nothing is not a clean scan. */
function expectRefused(args: readonly string[], message: RegExp): void {
  const run = runCli(args);
  expect(run.status).toBe(2);
  expect(run.stdout).toBe('');
  expect(run.stderr).toMatch(/^azscan: no rule left to evaluate: [^\n]+\n$/);
  expect(run.stderr).toMatch(message);
}

describe('a selection that leaves no rule', () => {
  it('is refused when --severity leaves out the rules --rule asked for, naming the filter and why', () => {
    expectRefused(['scan', '--snapshot', DEMO, '--severity', 'critical', '--rule', 'AZ-SQL-003'], /--severity critical leaves out every rule that --rule AZ-SQL-003 selects \(AZ-SQL-003 reports at most medium\)/);
  });

  it('is refused when --compliance leaves out the rules --rule asked for', () => {
    expectRefused(['scan', '--snapshot', DEMO, '--compliance', 'cis-azure-3.0', '--rule', 'AZ-NSG-002'], /--compliance cis-azure-3\.0 leaves out every rule that --rule AZ-NSG-002 selects \(AZ-NSG-002 maps to no cis-azure-3\.0 control\)/);
  });

  it('is refused when the config turns every rule off, or --severity leaves out every rule it leaves on', () => {
    const allOff = config('all-off.yaml', `rules:\n${RULES.map((rule) => `  ${rule.id}: off`).join('\n')}\n`);
    expectRefused(['scan', '--snapshot', DEMO, '--config', allOff], /all-off\.yaml turns off every rule$/m);
    const criticalOff = config('critical-off.yaml', `rules:\n${['AZ-MY-006', 'AZ-NET-001', 'AZ-NSG-001', 'AZ-NSG-002', 'AZ-NSG-003', 'AZ-NSG-004', 'AZ-NSG-005', 'AZ-PG-006', 'AZ-SQL-002', 'AZ-STG-002'].map((id) => `  ${id}: off`).join('\n')}\n`);
    expectRefused(['scan', '--snapshot', DEMO, '--config', criticalOff, '--severity', 'critical'], /--severity critical leaves out every rule that .*critical-off\.yaml leaves on \(.* reports at most (medium|high|low); .* more\)/);
  });

  it('is refused by collect too, before anything is read', () => {
    expectRefused(['collect', '--output', join(dir, 'never.json'), '--severity', 'critical', '--rule', 'AZ-SQL-003'], /--severity critical leaves out/);
  });

  it('still passes when the rules selected find no resources of their type', () => {
    const empty = join(dir, 'no-vaults.json');
    writeFileSync(empty, JSON.stringify({ schemaVersion: 1, subscriptions: [{ subscriptionId: '00000000-0000-0000-0000-000000000001' }], resources: [] }));
    const run = runCli(['scan', '--snapshot', empty, '--rule', 'AZ-KV-001', '--format', 'json']);
    expect(run.status).toBe(0);
    const report = JSON.parse(run.stdout);
    expect(report.rules.map((rule: { id: string }) => rule.id)).toEqual(['AZ-KV-001']);
    expect(report.summary).toMatchObject({ resourcesEvaluated: 0, complete: true });
  });
});
