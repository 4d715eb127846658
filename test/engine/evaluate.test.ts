import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { evaluate } from '../../src/engine/evaluate.js';
import { exitCodeFor } from '../../src/engine/exit-code.js';
import { fingerprint } from '../../src/engine/fingerprint.js';
import { MalformedProperty } from '../../src/model/not-evaluated.js';
import { defineRule, notApplicable, type AnyRule as Rule } from '../../src/model/rule.js';
import { scanInventory } from '../../src/engine/scan.js';
import { selectRules } from '../../src/engine/select.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';

const SUB = '/subscriptions/s1';
const ACCOUNT = `${SUB}/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st1`;
const account = (id = ACCOUNT, properties: object = { allowBlobPublicAccess: true, minimumTlsVersion: 'TLS1_2' }) => ({
  id,
  name: id.split('/').pop(),
  type: 'Microsoft.Storage/storageAccounts',
  kind: 'StorageV2',
  properties,
});
const byId = (id: string) => RULES.find((rule) => rule.id === id)!;

function scan(document: unknown, rules: readonly Rule[]) {
  return scanInventory(inventoryFromSnapshot(document, 'test.json'), { rules });
}

describe('evaluate', () => {
  it('gives one outcome per rule and resource, even when the resource was read twice', () => {
    const result = scan([account(), account(ACCOUNT.toUpperCase())], [byId('AZ-STG-001')]);
    expect(result.outcomes).toHaveLength(1);
    expect(result.findings).toHaveLength(1);
  });

  it('turns a failed list of a rule\'s resource type into a not-evaluated scope, never a pass', () => {
    const result = scan(
      {
        schemaVersion: 1,
        resources: [],
        errors: [{ scope: SUB, resourceType: 'Microsoft.Storage/storageAccounts', code: 'AuthorizationFailed', message: 'denied' }],
      },
      [byId('AZ-STG-001'), byId('AZ-SQL-004')],
    );
    expect(result.outcomes).toEqual([
      expect.objectContaining({ ruleId: 'AZ-STG-001', status: 'error', resourceId: SUB, code: 'AuthorizationFailed' }),
    ]);
    expect(result.summary.complete).toBe(false);
    expect(exitCodeFor(result, {})).toBe(3);
    expect(exitCodeFor(result, { allowPartial: true })).toBe(0);
  });

  it('treats a failed list of a parent type as covering its children', () => {
    const result = scan(
      { schemaVersion: 1, resources: [], errors: [{ scope: SUB, resourceType: 'Microsoft.Sql/servers', code: 'RetryBudgetSpent', message: '' }] },
      [byId('AZ-SQL-001'), byId('AZ-SQL-004')],
    );
    expect(result.outcomes.map((o) => [o.ruleId, o.status])).toEqual([
      ['AZ-SQL-001', 'error'],
      ['AZ-SQL-004', 'error'],
    ]);
  });

  it('treats a failure with no resource type as covering every rule in its scope', () => {
    const result = scan(
      { schemaVersion: 1, resources: [account()], errors: [{ scope: SUB, code: 'SubscriptionNotFound', message: 'gone' }] },
      [byId('AZ-STG-001'), byId('AZ-IOT-001')],
    );
    expect(result.notEvaluated.map((entry) => entry.ruleId)).toEqual(['AZ-STG-001', 'AZ-IOT-001']);
    // What was read is still evaluated.
    expect(result.findings.map((f) => f.ruleId)).toEqual(['AZ-STG-001']);
  });

  it('ignores failures in other subscriptions and of types no selected rule reads', () => {
    const result = scan(
      {
        schemaVersion: 1,
        resources: [account()],
        errors: [{ scope: '/subscriptions/s2', resourceType: 'Microsoft.Web/sites', code: 'AuthorizationFailed', message: '' }],
      },
      [byId('AZ-STG-001')],
    );
    expect(result.summary.complete).toBe(true);
    expect(result.collectionErrors).toHaveLength(1);
  });

  it('counts a malformed resource of a named read as relevant to the rule that requires that read', () => {
    const site = `${SUB}/resourceGroups/rg/providers/Microsoft.Web/sites/app`;
    const malformedAuthSettings = { id: `${site}/config/authsettingsV2`, name: 'authsettingsV2', type: 'Microsoft.Web/sites/config', properties: 3 };
    const result = scan([account(), malformedAuthSettings], [byId('AZ-STG-001'), byId('AZ-APP-010')]);
    expect(result.notEvaluated).toContainEqual(expect.objectContaining({ code: 'MalformedResource', inputLocation: 'resources[1]' }));
    expect(result.summary.complete).toBe(false);
  });

  it('lists malformed resources; one of a type no selected rule reads does not make the scan incomplete', () => {
    const malformedNsg = { id: `${SUB}/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/n`, type: 'Microsoft.Network/networkSecurityGroups', properties: 3 };
    const storageOnly = scan([account(), malformedNsg], [byId('AZ-STG-001')]);
    expect(storageOnly.notEvaluated).toEqual([expect.objectContaining({ code: 'MalformedResourceIgnored', inputLocation: 'resources[1]' })]);
    expect(storageOnly.summary.complete).toBe(true);

    const withNsgRule = scan([account(), malformedNsg], [byId('AZ-STG-001'), byId('AZ-NSG-001')]);
    expect(withNsgRule.outcomes).toContainEqual(expect.objectContaining({ ruleId: 'AZ-NSG-001', status: 'error', code: 'MalformedResource' }));
    expect(withNsgRule.summary.complete).toBe(false);

    const untyped = scan([account(), { properties: {} }], [byId('AZ-STG-001')]);
    expect(untyped.summary.complete).toBe(false);
  });

  it('a malformed child makes its siblings\' list unknown rather than absent', () => {
    const db = `${SUB}/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db`;
    const result = scan(
      {
        schemaVersion: 1,
        collected: ['Microsoft.Sql/servers/databases/transparentDataEncryption'],
        resources: [
          { id: db, type: 'Microsoft.Sql/servers/databases', properties: {} },
          { id: `${db}/transparentDataEncryption/current`, type: 'Microsoft.Sql/servers/databases/transparentDataEncryption', properties: [] },
        ],
      },
      [byId('AZ-SQL-001')],
    );
    expect(result.outcomes).toEqual([expect.objectContaining({ status: 'error', code: 'MalformedResource', resourceId: db })]);
  });

  it('reports a rule that throws as not evaluated, and carries on', () => {
    const broken = defineRule({
      ...byId('AZ-STG-001'),
      id: 'AZ-TEST-001',
      check() {
        throw new TypeError('boom');
      },
    });
    const result = scan([account(), account(`${ACCOUNT}2`)], [broken, byId('AZ-STG-001')]);
    expect(result.outcomes.filter((o) => o.ruleId === 'AZ-TEST-001').map((o) => [o.status, o.code, o.reason])).toEqual([
      ['error', 'RuleFailed', 'rule AZ-TEST-001 failed: boom'],
      ['error', 'RuleFailed', 'rule AZ-TEST-001 failed: boom'],
    ]);
    expect(result.findings).toHaveLength(2);
  });

  it('asks appliesTo first: out of scope gives no outcome, a reason gives not applicable, a malformed property not evaluated', () => {
    const second = `${ACCOUNT}2`;
    const third = `${ACCOUNT}3`;
    const picky = defineRule({
      ...byId('AZ-STG-001'),
      id: 'AZ-TEST-002',
      appliesTo: (resource) => {
        if (resource.id === ACCOUNT) return false;
        if (resource.id === second) return notApplicable('not this one');
        throw new MalformedProperty('properties.isHnsEnabled', 'a boolean', 'yes');
      },
      check() {
        throw new Error('check must not run');
      },
    });
    const result = scan([account(), account(second), account(third)], [picky]);
    expect(result.outcomes.map((o) => [o.resourceId, o.status, o.code, o.reason])).toEqual([
      [second, 'notApplicable', undefined, 'not this one'],
      [third, 'error', 'MalformedProperty', 'properties.isHnsEnabled is "yes", expected a boolean'],
    ]);
  });

  it('returns only error outcomes as not evaluated, and counts every status', () => {
    const outcomes = evaluate(inventoryFromSnapshot([account(), account(`${ACCOUNT}x`, { allowBlobPublicAccess: false })], 'x'), [byId('AZ-STG-001')]);
    expect(outcomes.notEvaluated).toEqual([]);
    expect(outcomes.resourcesEvaluated).toBe(2);
  });
});

describe('findings', () => {
  it('carry a fingerprint of rule id and lower-cased resource id, stable across runs and case', () => {
    const first = scan([account()], [byId('AZ-STG-001')]).findings[0]!;
    const again = scan([account(ACCOUNT.toUpperCase())], [byId('AZ-STG-001')]).findings[0]!;
    expect(first.fingerprint).toBe(again.fingerprint);
    expect(first.fingerprint).toBe(fingerprint('AZ-STG-001', ACCOUNT));
    expect(first.fingerprint).toMatch(/^[0-9a-f]{32}$/);
    expect(fingerprint('AZ-STG-005', ACCOUNT)).not.toBe(first.fingerprint);
  });

  it('are sorted most severe first and filtered by --severity', () => {
    // Every other account setting a rule reads is hardened, so the two findings are these.
    const hardened = {
      publicNetworkAccess: 'Disabled',
      allowSharedKeyAccess: false,
      allowCrossTenantReplication: false,
      encryption: { requireInfrastructureEncryption: true },
      keyPolicy: { keyExpirationPeriodInDays: 90 },
      sasPolicy: { sasExpirationPeriod: '0.01:00:00', expirationAction: 'Block' },
      privateEndpointConnections: [{ name: 'pe-blob', properties: { privateLinkServiceConnectionState: { status: 'Approved' } } }],
    };
    const document = [account(ACCOUNT, { ...hardened, allowBlobPublicAccess: true, minimumTlsVersion: 'TLS1_0' })];
    const all = scanInventory(inventoryFromSnapshot(document, 'x'), { rules: RULES });
    expect(all.findings.map((f) => f.severity)).toEqual(['high', 'medium']);
    const highOnly = scanInventory(inventoryFromSnapshot(document, 'x'), { rules: selectRules(RULES, { minSeverity: 'high' }), minSeverity: 'high' });
    expect(highOnly.findings.map((f) => f.ruleId)).toEqual(['AZ-STG-001']);
    // A medium rule that raises reachable findings one level (AZ-NSG-006) can report high, so it is selected too.
    expect(highOnly.rules.every((rule) => rule.severity === 'high' || rule.severity === 'critical' || (rule.severity === 'medium' && rule.raisesSeverity === true))).toBe(true);
  });
});

describe('exit codes', () => {
  const document = [account(ACCOUNT, { allowBlobPublicAccess: true, minimumTlsVersion: 'TLS1_0' })];
  const result = scan(document, [byId('AZ-STG-001'), byId('AZ-STG-005')]);

  it('is 3 when a rule needed data a bare array does not carry', () => {
    expect(exitCodeFor(scan(document, RULES), {})).toBe(3);
  });

  it('is 1 when a finding reaches --fail-on, 0 below it or without it', () => {
    expect(exitCodeFor(result, { failOn: 'high' })).toBe(1);
    expect(exitCodeFor(result, { failOn: 'medium' })).toBe(1);
    expect(exitCodeFor(result, { failOn: 'critical' })).toBe(0);
    expect(exitCodeFor(result, {})).toBe(0);
  });

  it('prefers 1 over 3 when an incomplete scan still found something at the threshold', () => {
    const incomplete = scan(
      { schemaVersion: 1, resources: document, errors: [{ scope: SUB, code: 'AuthorizationFailed', message: '' }] },
      [byId('AZ-STG-001'), byId('AZ-SQL-004')],
    );
    expect(incomplete.summary.complete).toBe(false);
    expect(exitCodeFor(incomplete, { failOn: 'high' })).toBe(1);
    expect(exitCodeFor(incomplete, { failOn: 'critical' })).toBe(3);
  });
});

describe('selectRules', () => {
  it('selects by id or name, case-insensitively, in catalogue order', () => {
    expect(selectRules(RULES, { only: ['az-sql-004', 'nsg-elasticsearch-open'] }).map((r) => r.id)).toEqual(['AZ-NSG-002', 'AZ-SQL-004']);
  });
  it('refuses an unknown rule rather than scanning nothing', () => {
    expect(() => selectRules(RULES, { only: ['AZ-NOPE-1'] })).toThrow(/--rule: no rule 'AZ-NOPE-1'/);
  });
});
