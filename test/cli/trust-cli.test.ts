import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEMO, runCli } from './run-cli.js';

// The trust holes hostile snapshots found, end to end: each must be an error or a not-evaluated
// entry, never a clean report.

const dir = mkdtempSync(join(tmpdir(), 'azscan-trust-'));
type Resource = { id: string; type: string; name: string; properties: Record<string, unknown> };
const demo = (): { subscriptions: Array<{ subscriptionId: string }>; resources: Resource[]; errors?: unknown[] } => JSON.parse(readFileSync(DEMO, 'utf8'));
function write(name: string, document: unknown): string {
  const path = join(dir, name);
  writeFileSync(path, JSON.stringify(document));
  return path;
}
const scanJson = (path: string) => {
  const run = runCli(['scan', '--snapshot', path, '--format', 'json']);
  return { ...run, report: run.stdout ? JSON.parse(run.stdout) : undefined };
};

describe('a hostile snapshot', () => {
  it('a second, "secure" copy of an NSG is refused, naming the id, the property and both positions, not let win', () => {
    const document = demo();
    const index = document.resources.findIndex((resource) => resource.name === 'nsg-elastic');
    const original = document.resources[index]!;
    document.resources.push({ ...original, properties: { ...original.properties, securityRules: [] } });
    const run = runCli(['scan', '--snapshot', write('duplicate.json', document)]);
    expect(run.status).toBe(2);
    expect(run.stdout).toBe('');
    expect(run.stderr).toMatch(new RegExp(`^azscan: .*duplicate\\.json: resources\\[${index}\\] and resources\\[${document.resources.length - 1}\\] are both ${original.id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')} but disagree on properties\\.securityRules: `));
    expect(run.stderr.split('\n')).toHaveLength(2);
  });

  it('an errors entry with resourceType "*" leaves everything under its scope not evaluated', () => {
    const document = demo();
    const subscription = document.subscriptions[0]!.subscriptionId;
    document.errors = [{ scope: `/subscriptions/${subscription}`, resourceType: '*', code: 'AuthorizationFailed', message: 'no access' }];
    const { status, report } = scanJson(write('star.json', document));
    expect(status).toBe(3);
    expect(report.summary.complete).toBe(false);
    expect(report.notEvaluated).toEqual(expect.arrayContaining([expect.objectContaining({ resourceId: `/subscriptions/${subscription}`, code: 'AuthorizationFailed' })]));
    // "*" means what an omitted resourceType means: the same report.
    document.errors = [{ scope: `/subscriptions/${subscription}`, code: 'AuthorizationFailed', message: 'no access' }];
    const omitted = scanJson(write('omitted.json', document));
    expect({ ...report, source: undefined }).toEqual({ ...omitted.report, source: undefined });
    expect(new Set(report.notEvaluated.map((entry: { ruleId: string }) => entry.ruleId)).size).toBeGreaterThan(20);
  });

  it('an errors entry of the wrong shape is exit 2, saying where', () => {
    for (const [entry, message] of [
      [{ scope: '/subscriptions/x', resourceType: '', code: 'X' }, /errors\[0\]\.resourceType: expected a resource type, or "\*" for every type, found an empty string$/],
      [{ scope: '/subscriptions/x', resourceType: 7, code: 'X' }, /errors\[0\]\.resourceType: expected a string, found a number$/],
      [{ resourceType: 'Microsoft.Sql/servers', code: 'X' }, /errors\[0\]\.scope: expected a string, found nothing$/],
      [{ scope: '', code: 'X' }, /errors\[0\]\.scope: expected a subscription or resource id, found an empty string$/],
    ] as const) {
      const document = { ...demo(), errors: [entry] };
      const run = runCli(['scan', '--snapshot', write('bad-error.json', document)]);
      expect(run.status, JSON.stringify(entry)).toBe(2);
      expect(run.stderr.trim()).toMatch(message);
    }
  });

  it('a malformed NSG reference on an interface makes that way in not evaluated, not open or closed', () => {
    for (const value of [7, 'x', {}, { id: 42 }, { id: null }, { id: '' }]) {
      const document = demo();
      const nic = document.resources.find((resource) => resource.name === 'vm-elastic-01-nic')!;
      nic.properties.networkSecurityGroup = value;
      const { status, report } = scanJson(write('bad-reference.json', document));
      expect(status, JSON.stringify(value)).toBe(3);
      expect(report.notEvaluated).toEqual(
        expect.arrayContaining([expect.objectContaining({ ruleId: 'AZ-NET-001', code: 'MalformedProperty', resourceId: expect.stringMatching(/\/publicIPAddresses\/vm-elastic-01-pip$/) })]),
      );
    }
  });

  it('names and ids from the input reach stderr without escape sequences', () => {
    const document = demo();
    const index = document.resources.findIndex((resource) => resource.name === 'nsg-elastic');
    const hostile = `${document.resources[index]!.id}\u001b]0;pwned\u0007\u001b[2J`;
    document.resources[index]!.id = hostile;
    document.resources.push({ ...document.resources[index]!, properties: { securityRules: [] } });
    const run = runCli(['scan', '--snapshot', write('hostile-duplicate.json', document)]);
    expect(run.status).toBe(2);
    expect(run.stderr).not.toMatch(/[\u0000-\u0009\u000b-\u001f\u007f-\u009f]/);
  });
});
