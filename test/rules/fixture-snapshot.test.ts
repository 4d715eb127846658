/**
 * The rule tester completes a fixture's `collected` with what the rule needs (see the header of
 * rule-tester.ts); these cases hold how it does so, and that it refuses a fixture that says more
 * than its case is about.
 */
import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { findRule } from '../../src/model/rule.js';
import { fixtureSnapshot, neededTypes } from './rule-tester.js';

const rule = (id: string) => findRule(RULES, id)!;
const SQL_TDE = rule('AZ-SQL-001');
const NSG = rule('AZ-NSG-002');
const ACTIVITY_LOG = rule('AZ-MON-007');
const collected = (document: unknown) => (document as { collected: string[] }).collected;

describe('fixtureSnapshot', () => {
  it('adds what the planner reads for the rule alone, after what the fixture lists', () => {
    expect(neededTypes(SQL_TDE)).toEqual(['Microsoft.Sql/servers', 'Microsoft.Sql/servers/databases', 'Microsoft.Sql/servers/databases/transparentDataEncryption']);
    const snapshot = fixtureSnapshot(SQL_TDE, { schemaVersion: 1, collected: ['Microsoft.Sql/servers/auditingSettings'], resources: [] }, 'f.json');
    expect(collected(snapshot)).toEqual(['Microsoft.Sql/servers/auditingSettings', ...neededTypes(SQL_TDE)]);
    expect(collected(fixtureSnapshot(SQL_TDE, { schemaVersion: 1, resources: [] }, 'f.json'))).toEqual(neededTypes(SQL_TDE));
    // Diagnostic settings by the parents they are read for.
    expect(neededTypes(ACTIVITY_LOG)).toEqual(['Microsoft.Insights/diagnosticSettings@Microsoft.Resources/subscriptions']);
  });

  it('leaves out what notCollected names, and takes notCollected off', () => {
    const snapshot = fixtureSnapshot(SQL_TDE, { schemaVersion: 1, notCollected: ['microsoft.sql/servers/databases/TRANSPARENTDATAENCRYPTION'], resources: [] }, 'f.json');
    expect(snapshot).toEqual({ schemaVersion: 1, resources: [], collected: ['Microsoft.Sql/servers', 'Microsoft.Sql/servers/databases'] });
    // A bare type withholds its Type@Parent entries too; a Type@Parent only itself.
    const bare = collected(fixtureSnapshot(NSG, { schemaVersion: 1, notCollected: ['Microsoft.Network/networkInterfaces'], resources: [] }, 'f.json'));
    expect(bare.filter((type) => type.startsWith('Microsoft.Network/networkInterfaces'))).toEqual([]);
    const one = collected(fixtureSnapshot(NSG, { schemaVersion: 1, notCollected: ['Microsoft.Network/networkInterfaces@Microsoft.Compute/virtualMachineScaleSets'], resources: [] }, 'f.json'));
    expect(one.filter((type) => type.startsWith('Microsoft.Network/networkInterfaces'))).toEqual(['Microsoft.Network/networkInterfaces']);
    // Read for every parent, in place of the planner's Type@Parent.
    const everyParent = { schemaVersion: 1, collected: ['Microsoft.Insights/diagnosticSettings'], notCollected: ['Microsoft.Insights/diagnosticSettings@Microsoft.Resources/subscriptions'], resources: [] };
    expect(collected(fixtureSnapshot(ACTIVITY_LOG, everyParent, 'f.json'))).toEqual(['Microsoft.Insights/diagnosticSettings']);
  });

  it('reads a bare array of resources as it is', () => {
    const resources = [{ id: '/subscriptions/x', type: 'Microsoft.Resources/subscriptions' }];
    expect(fixtureSnapshot(SQL_TDE, resources, 'f.json')).toBe(resources);
  });

  it('refuses a fixture that lists what the tester adds, withholds what the rule does not need, or both lists and withholds a type', () => {
    expect(() => fixtureSnapshot(SQL_TDE, { schemaVersion: 1, collected: ['microsoft.sql/servers/databases'], resources: [] }, 'f.json')).toThrow(
      /^f\.json: collected lists microsoft\.sql\/servers\/databases, which the tester adds for AZ-SQL-001/,
    );
    expect(() => fixtureSnapshot(SQL_TDE, { schemaVersion: 1, notCollected: ['Microsoft.Storage/storageAccounts'], resources: [] }, 'f.json')).toThrow(
      /^f\.json: notCollected lists Microsoft\.Storage\/storageAccounts, which AZ-SQL-001 does not need/,
    );
    const both = { schemaVersion: 1, collected: ['Microsoft.Insights/diagnosticSettings@Microsoft.KeyVault/vaults'], notCollected: ['Microsoft.Insights/diagnosticSettings'], resources: [] };
    expect(() => fixtureSnapshot(ACTIVITY_LOG, both, 'f.json')).toThrow(/is both collected and notCollected/);
    expect(() => fixtureSnapshot(SQL_TDE, { schemaVersion: 1, notCollected: 'Microsoft.Sql/servers', resources: [] }, 'f.json')).toThrow(/notCollected: expected an array of type names/);
  });
});
