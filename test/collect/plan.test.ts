import { describe, expect, it } from 'vitest';
import { RULES } from '../../rules/index.js';
import { diagnosticTargetOf, planCollection } from '../../src/collect/plan.js';
import { collectedName, everyReader, readersFor } from '../../src/collect/readers/index.js';
import { idPlaceholder, inSubscription } from '../../src/collect/readers/reader.js';
import { ANY_TYPE } from '../../src/model/rule.js';
import { selectRules } from '../../src/engine/select.js';
import { typeKey } from '../../src/inventory/arm-id.js';
import { SUBSCRIPTION_TYPE } from '../../src/inventory/arm-types.js';

const types = (rules: string[]) => planCollection(selectRules(RULES, { only: rules })).readers.map(collectedName);

describe('planCollection', () => {
  it('has a reader for every type any rule evaluates or reads', () => {
    // Diagnostic settings are read per target, subscriptions come from the subscription list,
    // and a rule over every type reads what the others do.
    const readNoOtherWay = new Set([typeKey('Microsoft.Insights/diagnosticSettings'), typeKey(SUBSCRIPTION_TYPE), ANY_TYPE]);
    for (const rule of RULES) {
      for (const type of [...rule.resourceTypes, ...rule.requires]) {
        if (readNoOtherWay.has(typeKey(type))) continue;
        expect(readersFor(type), `${rule.id}: ${type}`).not.toEqual([]);
      }
    }
    expect(() => planCollection(RULES)).not.toThrow();
  });

  it('reads only what the selected rules need, parents before children', () => {
    expect(types(['AZ-SQL-001'])).toEqual(['Microsoft.Sql/servers', 'Microsoft.Sql/servers/databases', 'Microsoft.Sql/servers/databases/transparentDataEncryption']);
    expect(types(['AZ-STG-002'])).toEqual(['Microsoft.Storage/storageAccounts', 'Microsoft.Storage/storageAccounts/blobServices/containers']);
    expect(types(['AZ-IOT-003'])).toEqual(['Microsoft.Devices/IotHubs']);
    // What an NSG protects is read with it: the exposure graph's resources, with scale set
    // instances' interfaces and public IPs read per scale set after the scale sets.
    expect(types(['AZ-NSG-002'])).toEqual([
      'Microsoft.Network/networkSecurityGroups',
      'Microsoft.Network/networkInterfaces',
      'Microsoft.Compute/virtualMachineScaleSets',
      'Microsoft.Network/networkInterfaces@Microsoft.Compute/virtualMachineScaleSets',
      'Microsoft.Network/publicIPAddresses',
      'Microsoft.Network/publicIPAddresses@Microsoft.Compute/virtualMachineScaleSets',
      'Microsoft.Network/virtualNetworks',
      'Microsoft.Network/loadBalancers',
      'Microsoft.Compute/virtualMachines',
    ]);
    // Diagnostic settings of NSGs need only the NSGs.
    expect(types(['AZ-MON-001']).filter((type) => type.startsWith('Microsoft.Network/'))).toEqual(['Microsoft.Network/networkSecurityGroups']);
  });

  it('reads a site\'s config/authsettingsV2 under a name of its own, only for the rules that need it', () => {
    // config/web and config/authsettingsV2 share ARM's type Microsoft.Web/sites/config: each is its own read.
    expect(types(['AZ-APP-001'])).toEqual(['Microsoft.Web/sites', 'Microsoft.Web/sites/slots']);
    expect(types(['AZ-APP-004'])).not.toContain('Microsoft.Web/sites/config/authsettingsV2');
    expect(types(['AZ-APP-010'])).toEqual(['Microsoft.Web/sites', 'Microsoft.Web/sites/slots', 'Microsoft.Web/sites/config/authsettingsV2', 'Microsoft.Web/sites/slots/config/authsettingsV2']);
    const reads = planCollection(selectRules(RULES, { only: ['AZ-APP-010'] })).reads.filter((read) => read.path.endsWith('/authsettingsV2'));
    expect(reads).toEqual([
      { resourceType: 'Microsoft.Web/sites/config/authsettingsV2', made: 'perResource', parentType: 'Microsoft.Web/sites', path: '{siteId}/config/authsettingsV2', apiVersion: '2024-04-01' },
      { resourceType: 'Microsoft.Web/sites/slots/config/authsettingsV2', made: 'perResource', parentType: 'Microsoft.Web/sites/slots', path: '{slotId}/config/authsettingsV2', apiVersion: '2024-04-01' },
    ]);
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

  it('reads a subscription\'s own diagnostic settings, and what subscription rules list, without a reader for subscriptions', () => {
    const exported = planCollection(selectRules(RULES, { only: ['AZ-MON-007'] }));
    expect(exported.readers).toEqual([]);
    expect(exported.collected).toEqual(['Microsoft.Insights/diagnosticSettings@Microsoft.Resources/subscriptions']);
    expect([...exported.diagnosticTargetTypes]).toEqual([typeKey(SUBSCRIPTION_TYPE)]);
    expect(types(['AZ-MON-002', 'AZ-MON-006'])).toEqual(['Microsoft.Insights/activityLogAlerts']);
    expect(types(['AZ-DEF-001'])).toEqual(['Microsoft.Security/pricings']);
    expect(types(['AZ-EVG-001'])).toEqual(['Microsoft.EventGrid/namespaces']);
  });

  it('reads every type listed per subscription for a rule over every type', () => {
    const everything = types(['AZ-GOV-001']);
    const topLevel = RULES.flatMap((rule) => rule.resourceTypes).filter((type) => readersFor(type).some((reader) => reader.parentType === undefined));
    expect(everything).toEqual(expect.arrayContaining([...new Set(topLevel)]));
    expect(everything).toEqual(expect.arrayContaining(['Microsoft.Insights/activityLogAlerts', 'Microsoft.Security/pricings', 'Microsoft.EventGrid/namespaces', 'Microsoft.Compute/virtualMachineScaleSets']));
    // Only what is listed per subscription: no child reads, not even scale set instances' interfaces.
    expect(everything.every((name) => !name.includes('@') && readersFor(name).some((reader) => reader.parentType === undefined))).toBe(true);
    expect(new Set(everything).size).toBe(everything.length);
  });

  it('reads a storage account\'s diagnostic settings on its blob service, and none for FileStorage', () => {
    const account = { id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st', name: 'st' };
    expect(diagnosticTargetOf('Microsoft.Storage/storageAccounts', account)).toBe(`${account.id}/blobServices/default`);
    expect(diagnosticTargetOf('Microsoft.Storage/storageAccounts', { ...account, kind: 'FileStorage' })).toBeUndefined();
    expect(diagnosticTargetOf('Microsoft.Devices/IotHubs', account)).toBe(account.id);
  });
});

describe('the reads a plan lists', () => {
  it('come from each reader\'s declared request: the list per subscription of its type, or a path under each parent', () => {
    for (const reader of everyReader()) {
      const { path, apiVersion } = reader.request;
      expect(apiVersion, reader.type).toMatch(/^\d{4}-\d{2}-\d{2}(-preview)?$/);
      // A named read kept filtered (`Microsoft.Security/assessments/systemUpdates`, with `only`) lists its ARM type.
      const listed = reader.request.only !== undefined && reader.parentType === undefined ? [reader.type, reader.type.slice(0, reader.type.lastIndexOf('/'))] : [reader.type];
      if (reader.parentType === undefined) expect(listed.map(inSubscription), reader.type).toContain(path);
      else expect(path.startsWith(`${idPlaceholder(reader.parentType)}/`), `${reader.type}: ${path}`).toBe(true);
    }
  });

  it('name a parent in a path by its type', () => {
    const types = ['Microsoft.Storage/storageAccounts', 'Microsoft.Sql/servers/databases', 'Microsoft.Network/firewallPolicies', 'Microsoft.Devices/IotHubs', 'Microsoft.Network/publicIPAddresses', 'Microsoft.Cache/redis', SUBSCRIPTION_TYPE];
    expect(types.map(idPlaceholder)).toEqual(['{storageAccountId}', '{databaseId}', '{firewallPolicyId}', '{iotHubId}', '{publicIPAddressId}', '{redisId}', '/subscriptions/{subscriptionId}']);
  });

  it('list the subscriptions once, then each reader\'s read, then diagnostic settings per target', () => {
    const plan = planCollection(selectRules(RULES, { only: ['AZ-SQL-001', 'AZ-MON-007', 'AZ-MON-001'] }));
    expect(plan.reads[0]).toEqual({ resourceType: SUBSCRIPTION_TYPE, made: 'once', path: '/subscriptions', apiVersion: '2022-12-01' });
    const readers = plan.reads.filter((read) => read.resourceType !== 'Microsoft.Insights/diagnosticSettings').slice(1);
    expect(readers.map((read) => `${read.resourceType}@${read.parentType ?? ''}`).sort()).toEqual(plan.readers.map((reader) => `${reader.type}@${reader.parentType ?? ''}`).sort());
    const diagnostics = plan.reads.slice(1 + readers.length);
    expect(diagnostics.every((read) => read.resourceType === 'Microsoft.Insights/diagnosticSettings')).toBe(true);
    expect(diagnostics.length).toBe(plan.diagnosticTargetTypes.size);
    expect(diagnostics[0]).toEqual({ resourceType: 'Microsoft.Insights/diagnosticSettings', made: 'perSubscription', path: '/subscriptions/{subscriptionId}/providers/Microsoft.Insights/diagnosticSettings', apiVersion: '2017-05-01-preview' });
    // Parents before their children, whatever order the rules name them in.
    const at = (type: string) => plan.reads.findIndex((read) => read.resourceType === type);
    expect(at('Microsoft.Sql/servers')).toBeLessThan(at('Microsoft.Sql/servers/databases'));
    expect(at('Microsoft.Sql/servers/databases')).toBeLessThan(at('Microsoft.Sql/servers/databases/transparentDataEncryption'));
  });
});
