import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import type { SuppressionRule } from '../../src/model/suppression.js';
import type { Baseline } from '../../src/engine/baseline.js';
import { exitCodeFor } from '../../src/engine/exit-code.js';
import { scanInventory, type ScanOptions } from '../../src/engine/scan.js';
import { resourcePattern } from '../../src/engine/suppress.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';

const DEMO = join(import.meta.dirname, '..', '..', 'fixtures', 'demo-tenant.json');
const document = () => JSON.parse(readFileSync(DEMO, 'utf8'));
const scan = (options: Partial<ScanOptions> = {}, snapshot = document()) => scanInventory(inventoryFromSnapshot(snapshot, 'demo'), { rules: RULES, today: '2026-11-22', ...options });
const suppress = (rule: string, resource: string, extra: Partial<SuppressionRule> = {}): SuppressionRule => ({ rule, resource, reason: 'accepted', source: `test ${rule}`, ...extra });

describe('suppressions', () => {
  it('match resource ids by pattern, case-insensitively, whole id only', () => {
    const id = '/subscriptions/S/resourceGroups/rg-Lab/providers/Microsoft.Network/networkSecurityGroups/nsg-lab/securityRules/allow-any';
    expect(resourcePattern('*/nsg-lab/*').test(id)).toBe(true);
    expect(resourcePattern('/SUBSCRIPTIONS/s/resourcegroups/RG-LAB/*').test(id)).toBe(true);
    expect(resourcePattern(id).test(id)).toBe(true);
    expect(resourcePattern('*/nsg-la/*').test(id)).toBe(false);
    expect(resourcePattern('/subscriptions/s').test(id)).toBe(false);
    expect(resourcePattern('*/securityRules/allow-an?').test(id)).toBe(true);
  });

  it('match without backtracking: patterns that took a regular expression 40 s and 5 s answer at once', () => {
    const id = `/subscriptions/${'s'.repeat(40)}/resourceGroups/${'r'.repeat(60)}/providers/Microsoft.Network/networkSecurityGroups/${'n'.repeat(80)}`;
    expect(resourcePattern('*******a').test(id)).toBe(false);
    expect(resourcePattern('**/**/**/**/nomatch').test(id)).toBe(false);
    expect(resourcePattern(`${'*?'.repeat(50)}x`).test(id)).toBe(false);
    expect(resourcePattern('**/**/**/**/*').test(id)).toBe(true);
  });

  it('match exactly what the documented glob means (fast-check against a reference, seed 7, 2000 runs)', () => {
    // The reference: the glob as the regular expression azscan used to build, safe on these short inputs.
    const reference = (glob: string, text: string) =>
      new RegExp(`^/?${glob.trim().replace(/^\//, '').split('').map((c) => (c === '*' ? '.*' : c === '?' ? '.' : c.replace(/[.+^${}()|[\]\\]/g, '\\$&'))).join('')}/?$`, 'i').test(text);
    const glob = fc.stringMatching(/^[ab/*?A]{0,8}$/);
    const text = fc.stringMatching(/^[abAB/]{0,10}$/);
    fc.assert(fc.property(glob, text, (pattern, candidate) => resourcePattern(pattern).test(candidate) === reference(pattern, candidate)), { seed: 7, numRuns: 2000 });
  });

  it('keep suppressed findings, mark them, and leave them out of the counts and --fail-on', () => {
    const result = scan({ suppressions: [suppress('AZ-NSG-002', '*/nsg-lab-debug/*'), suppress('AZ-NSG-002', '*/nsg-elastic/*')] });
    const suppressed = result.findings.filter((finding) => finding.suppressed);
    expect(suppressed.map((finding) => finding.resourceName).sort()).toEqual(['nsg-elastic/allow-es-anywhere', 'nsg-lab-debug/allow-any-any']);
    expect(result.summary.suppressed).toBe(2);
    expect(result.summary.findings.critical).toBe(scan().summary.findings.critical - 1); // the lab NSG's finding was high: attached to nothing
    const onlyElastic = scan({ rules: RULES.filter((rule) => rule.id === 'AZ-NSG-002'), suppressions: [suppress('AZ-NSG-002', '*')] });
    expect(exitCodeFor(onlyElastic, { failOn: 'low' })).toBe(0);
    expect(onlyElastic.findings).toHaveLength(2);
  });

  it('stop suppressing the day after they expire, and say so; report ones that matched nothing', () => {
    const result = scan({
      suppressions: [
        suppress('AZ-SQL-002', '*/sql-contoso-legacy', { expires: '2026-11-21' }),
        suppress('AZ-SQL-003', '*/sql-contoso-legacy', { expires: '2026-11-22' }),
        suppress('AZ-SQL-004', '*/no-such-server'),
      ],
    });
    expect(result.findings.find((f) => f.ruleId === 'AZ-SQL-002')!.suppressed).toBeUndefined();
    expect(result.findings.find((f) => f.ruleId === 'AZ-SQL-003')!.suppressed).toMatchObject({ reason: 'accepted', expires: '2026-11-22' });
    expect(result.suppressions!.expired).toEqual([expect.objectContaining({ rule: 'AZ-SQL-002', matches: 1 })]);
    expect(result.suppressions!.stale).toEqual([expect.objectContaining({ rule: 'AZ-SQL-004', resource: '*/no-such-server' })]);
  });
});

describe('baselines', () => {
  const asBaseline = (findings: ReturnType<typeof scan>['findings'], extra: Baseline['findings'] = []): Baseline => ({
    path: 'before.json',
    findings: [...findings.map(({ fingerprint, ruleId, resourceId, severity, title }) => ({ fingerprint, ruleId, resourceId, severity, title })), ...extra],
  });

  it('mark findings new or existing by fingerprint; --new-only fails only on new ones', () => {
    const before = scan().findings.filter((finding) => finding.ruleId !== 'AZ-NSG-002');
    const result = scan({ baseline: asBaseline(before) });
    expect(result.findings.filter((f) => f.baselineState === 'new').map((f) => f.ruleId)).toEqual(['AZ-NSG-002', 'AZ-NSG-002']);
    expect(result.baseline).toMatchObject({ new: 2, existing: scan().findings.length - 2, fixed: [], unknown: [] });
    expect(exitCodeFor(result, { failOn: 'critical', newOnly: true })).toBe(1);
    expect(exitCodeFor(result, { failOn: 'high', newOnly: true })).toBe(1);
    const unchanged = scan({ baseline: asBaseline(scan().findings) });
    expect(exitCodeFor(unchanged, { failOn: 'low', newOnly: true })).toBe(0);
    expect(exitCodeFor(unchanged, { failOn: 'low' })).toBe(1);
  });

  it('call a finding fixed only when this scan looked: passed, or the resource is gone', () => {
    const fixedDocument = document();
    const hub = fixedDocument.resources.find((r: { name: string }) => r.name === 'iot-contoso-prod');
    hub.properties.minTlsVersion = '1.2';
    const gone = { fingerprint: 'a'.repeat(32), ruleId: 'AZ-STG-001', resourceId: '/subscriptions/6f1c2a9e-3b7d-4c1e-9a52-0d4e8b7f1a01/resourceGroups/rg-data/providers/Microsoft.Storage/storageAccounts/deleted', severity: 'high' as const, title: 't' };
    const elsewhere = { fingerprint: 'b'.repeat(32), ruleId: 'AZ-STG-001', resourceId: '/subscriptions/other/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st', severity: 'high' as const, title: 't' };
    const result = scan({ baseline: asBaseline(scan().findings, [gone]) }, fixedDocument);
    expect(result.baseline!.fixed.map((f) => f.ruleId).sort()).toEqual(['AZ-IOT-003', 'AZ-STG-001']);

    // When the storage list of a subscription failed, its missing findings are not "fixed".
    const failedDocument = document();
    failedDocument.errors = [{ scope: '/subscriptions/other', resourceType: 'Microsoft.Storage/storageAccounts', code: 'AuthorizationFailed', message: '' }];
    const unsure = scan({ baseline: asBaseline(scan().findings, [elsewhere]) }, failedDocument);
    expect(unsure.baseline!.fixed).toEqual([]);
    expect(unsure.baseline!.unknown.map((f) => f.fingerprint)).toEqual([elsewhere.fingerprint]);

    // A rule that did not run cannot have fixed anything.
    const narrowed = scan({ rules: RULES.filter((rule) => rule.id === 'AZ-NSG-001'), baseline: asBaseline(scan().findings) });
    expect(narrowed.baseline!.fixed).toEqual([]);
    expect(narrowed.baseline!.unknown.length).toBe(scan().findings.filter((f) => f.ruleId !== 'AZ-NSG-001').length);
  });
});

describe('compliance', () => {
  it('rates every control of the framework: fail, pass, not evaluated, manual or no rule (with its reason)', () => {
    const result = scan({ compliance: 'cis-azure-3.0' });
    const control = (id: string) => result.compliance!.controls.find((c) => c.id === id)!;
    expect(result.compliance!.controls.length).toBe(159);
    expect(control('7.1')).toMatchObject({ status: 'fail', rules: ['AZ-NSG-001', 'AZ-NSG-005'] });
    expect(control('5.1.5')).toMatchObject({ status: 'fail', rules: ['AZ-SQL-001'], findings: 1 });
    expect(control('4.1')).toMatchObject({ status: 'fail', rules: ['AZ-STG-004'] });
    expect(control('2.1.1')).toMatchObject({ status: 'manual', automated: false, rules: [] });
    expect(control('2.1.1').reason).toBeUndefined();
    expect(control('2.14')).toMatchObject({ status: 'noRule', automated: true, rules: [], reason: expect.stringMatching(/^needs Microsoft Graph: .*allowedToCreateApps/) });
    const counts = result.compliance!.counts;
    expect(counts.pass + counts.fail + counts.notEvaluated + counts.manual + counts.noRule).toBe(159);
    expect(counts.manual).toBe(result.compliance!.controls.filter((c) => c.automated === false && c.rules.length === 0).length);

    const bare = scanInventory(inventoryFromSnapshot(document().resources, 'bare'), { rules: RULES, compliance: 'cis-azure-3.0' });
    expect(bare.compliance!.controls.find((c) => c.id === '5.1.1')).toMatchObject({ status: 'notEvaluated' });
    const mcsb = scan({ compliance: 'mcsb' });
    expect(mcsb.compliance!.controls.find((c) => c.id === 'NS-1')).toMatchObject({ status: 'fail' });
    expect(mcsb.compliance!.controls.length).toBe(85);
    // MCSB marks no control manual or automated: a control no rule maps is noRule, with no reason.
    const unmapped = mcsb.compliance!.controls.filter((c) => c.rules.length === 0);
    expect(unmapped.length).toBeGreaterThan(0);
    expect(unmapped.every((c) => c.status === 'noRule' && c.reason === undefined && c.automated === undefined)).toBe(true);
  });

  it('rates a control from its own findings: the Resource Manager plan off fails 3.1.9.1, not the other plans\' controls', () => {
    const snapshot = document();
    const pricings = snapshot.resources.filter((resource: { type: string }) => resource.type === 'Microsoft.Security/pricings');
    for (const pricing of pricings) pricing.properties.pricingTier = pricing.name === 'Arm' ? 'Free' : 'Standard';
    const control = (result: ReturnType<typeof scan>, id: string) => result.compliance!.controls.find((c) => c.id === id)!;
    const onlyArmOff = scan({ compliance: 'cis-azure-3.0' }, snapshot);
    expect(control(onlyArmOff, '3.1.9.1')).toMatchObject({ status: 'fail', rules: ['AZ-DEF-001'], findings: 2 });
    // (3.1.7.3 is also answered by AZ-SQL-010, which has its own findings in the demo tenant.)
    for (const id of ['3.1.3.1', '3.1.4.1', '3.1.5.1', '3.1.6.1', '3.1.8.1', '3.1.16']) expect(control(onlyArmOff, id), id).toMatchObject({ status: 'pass', findings: 0, notEvaluated: 0 });
    // The findings themselves say which control they answer.
    const armFindings = onlyArmOff.findings.filter((finding) => finding.ruleId === 'AZ-DEF-001');
    expect(armFindings.map((finding) => finding.compliance['cis-azure-3.0'])).toEqual([['3.1.9.1'], ['3.1.9.1']]);

    // A Key Vault plan that cannot be read leaves its own control not evaluated, and only that one.
    for (const pricing of pricings) if (pricing.name === 'KeyVaults') pricing.properties.pricingTier = 42;
    const unreadable = scan({ compliance: 'cis-azure-3.0' }, snapshot);
    expect(control(unreadable, '3.1.8.1')).toMatchObject({ status: 'notEvaluated', notEvaluated: 2 });
    expect(control(unreadable, '3.1.3.1')).toMatchObject({ status: 'pass' });
    expect(control(unreadable, '3.1.9.1')).toMatchObject({ status: 'fail', findings: 2 });
  });
});
