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
