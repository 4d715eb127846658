import { describe, expect, it } from 'vitest';
import { idKey, isSameOrAncestorKey, parseArmId } from '../../src/inventory/arm-id.js';

describe('ARM ids', () => {
  it('keys ids case-insensitively, with one leading and no trailing slash', () => {
    expect(idKey('Subscriptions/ABC/resourceGroups/RG/')).toBe('/subscriptions/abc/resourcegroups/rg');
  });

  it('parses a child resource', () => {
    expect(parseArmId('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db')).toEqual({
      subscriptionId: 's1',
      resourceGroup: 'rg',
      type: 'Microsoft.Sql/servers/databases',
      name: 'db',
      parentId: '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/srv',
    });
  });

  it('gives an extension resource its target as parent', () => {
    const parsed = parseArmId('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/hub/providers/Microsoft.Insights/diagnosticSettings/logs');
    expect(parsed.type).toBe('Microsoft.Insights/diagnosticSettings');
    expect(parsed.parentId).toBe('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/hub');
  });

  it('parses subscription-level extension resources and resource groups', () => {
    expect(parseArmId('/subscriptions/s1/providers/Microsoft.Insights/diagnosticSettings/x').parentId).toBe('/subscriptions/s1');
    expect(parseArmId('/subscriptions/s1/resourceGroups/rg')).toEqual({ subscriptionId: 's1', resourceGroup: 'rg', parentId: '/subscriptions/s1' });
  });

  it('tells ancestors by whole segments', () => {
    expect(isSameOrAncestorKey('/subscriptions/s1', '/subscriptions/s1/resourcegroups/rg')).toBe(true);
    expect(isSameOrAncestorKey('/subscriptions/s1', '/subscriptions/s1')).toBe(true);
    expect(isSameOrAncestorKey('/subscriptions/s1', '/subscriptions/s10/resourcegroups/rg')).toBe(false);
  });
});

describe('parseArmId agrees with the plain segment-by-segment parse', async () => {
  const { parseArmIdBySegments } = await import('../../src/inventory/arm-id.js');
  const ids = [
    '/subscriptions/s1',
    '/subscriptions/s1/',
    'subscriptions/s1/resourceGroups/rg',
    '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/nsg',
    '/SUBSCRIPTIONS/S1/RESOURCEGROUPS/RG/PROVIDERS/MICROSOFT.SQL/SERVERS/A/DATABASES/B/TRANSPARENTDATAENCRYPTION/CURRENT',
    '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Storage/storageAccounts/st/blobServices/default/containers/c',
    '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Devices/IotHubs/h/providers/Microsoft.Insights/diagnosticSettings/d',
    '/subscriptions/s1/providers/Microsoft.Insights/diagnosticSettings/x',
    '/subscriptions/s1/resourceGroups/providers/providers/Microsoft.Web/sites/app',
    '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites',
    '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web',
    '/providers/Microsoft.Management/managementGroups/mg',
    '//subscriptions//s1/resourceGroups/rg/providers/Microsoft.Web/sites/app//',
    '/subscriptions/{subscription-id}/resourceGroups/res9290/providers/Microsoft.Storage/storageAccounts/sto1590',
    '/subscriptions/s1/resourceGroups/İstanbul/providers/Microsoft.Web/sites/ǅ',
    '',
    '/',
  ];
  it.each(ids)('%j', (id) => {
    expect(parseArmId(id)).toEqual(parseArmIdBySegments(id));
  });
});

describe('placeOf agrees with parseArmId on subscription and resource group', async () => {
  const { placeOf, parseArmId: parse } = await import('../../src/inventory/arm-id.js');
  it.each([
    '/subscriptions/s1',
    '/subscriptions/s1/resourceGroups/rg',
    '/Subscriptions/S1/ResourceGroups/RG/providers/Microsoft.Web/sites/a',
    'subscriptions/s1/resourceGroups/rg/providers/Microsoft.Web/sites/a',
    '/subscriptions/s1/providers/Microsoft.Insights/diagnosticSettings/x',
    '/subscriptions//resourceGroups/rg',
    '/providers/Microsoft.Management/managementGroups/mg',
    '/subscriptions/s1/resourceGroups/',
  ])('%j', (id) => {
    const parsed = parse(id);
    expect(placeOf(id)).toEqual({ subscriptionId: parsed.subscriptionId, resourceGroup: parsed.resourceGroup });
  });
});
