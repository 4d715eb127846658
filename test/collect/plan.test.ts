import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { diagnosticTargetOf, planCollection } from '../../src/collect/plan.js';
import { readerFor } from '../../src/collect/readers/index.js';
import { selectRules } from '../../src/engine/select.js';
import { typeKey } from '../../src/inventory/arm-id.js';

const types = (rules: string[]) => planCollection(selectRules(RULES, { only: rules })).readers.map((reader) => reader.type);

describe('planCollection', () => {
  it('has a reader for every type any rule evaluates or reads', () => {
    for (const rule of RULES) {
      for (const type of [...rule.resourceTypes, ...rule.requires]) {
        if (typeKey(type) === typeKey('Microsoft.Insights/diagnosticSettings')) continue;
        expect(readerFor(type), `${rule.id}: ${type}`).toBeDefined();
      }
    }
    expect(() => planCollection(RULES)).not.toThrow();
  });

  it('reads only what the selected rules need, parents before children', () => {
    expect(types(['AZ-SQL-001'])).toEqual(['Microsoft.Sql/servers', 'Microsoft.Sql/servers/databases', 'Microsoft.Sql/servers/databases/transparentDataEncryption']);
    expect(types(['AZ-STG-002'])).toEqual(['Microsoft.Storage/storageAccounts', 'Microsoft.Storage/storageAccounts/blobServices/containers']);
    expect(types(['AZ-IOT-003'])).toEqual(['Microsoft.Devices/IotHubs']);
    // What an NSG protects is read with it.
    expect(types(['AZ-NSG-002'])).toEqual(['Microsoft.Network/networkSecurityGroups', 'Microsoft.Network/networkInterfaces', 'Microsoft.Network/publicIPAddresses']);
  });

  it('names the types it reads for every parent as `collected`, diagnostic settings by the parents they were read for', () => {
    expect(planCollection(selectRules(RULES, { only: ['AZ-SQL-001'] })).collected).toEqual([
      'Microsoft.Sql/servers',
      'Microsoft.Sql/servers/databases',
      'Microsoft.Sql/servers/databases/transparentDataEncryption',
    ]);
    const monitor = planCollection(selectRules(RULES, { only: ['AZ-MON-001'] }));
    expect(monitor.collected).toContain('Microsoft.Insights/diagnosticSettings@Microsoft.Storage/storageAccounts/blobServices');
    expect(monitor.collected).toContain('Microsoft.Insights/diagnosticSettings@Microsoft.Sql/servers/databases');
    expect(monitor.collected).not.toContain('Microsoft.Insights/diagnosticSettings');
    expect(monitor.collected).toContain('Microsoft.Storage/storageAccounts/blobServices');
    expect([...monitor.diagnosticTargetTypes].sort()).toEqual(
      ['Microsoft.Devices/IotHubs', 'Microsoft.EventHub/namespaces', 'Microsoft.KeyVault/vaults', 'Microsoft.Network/networkSecurityGroups', 'Microsoft.Sql/servers/databases', 'Microsoft.Storage/storageAccounts'].map(typeKey).sort(),
    );
  });

  it('reads a storage account\'s diagnostic settings on its blob service, and none for FileStorage', () => {
    const account = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st', name: 'st' };
    expect(diagnosticTargetOf('Microsoft.Storage/storageAccounts', account)).toBe(`${account.id}/blobServices/default`);
    expect(diagnosticTargetOf('Microsoft.Storage/storageAccounts', { ...account, kind: 'FileStorage' })).toBeUndefined();
    expect(diagnosticTargetOf('Microsoft.Devices/IotHubs', account)).toBe(account.id);
  });
});
