import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InputError } from '../../src/inventory/errors.js';
import { inventoryFromSnapshot } from '../../src/inventory/snapshot.js';
import { loadSnapshotFile } from '../../src/inventory/snapshot-stream.js';

const dir = mkdtempSync(join(tmpdir(), 'azscan-snapshot-'));
function file(name: string, content: string | Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}
const nsg = (id: string, extra: object = {}) => ({ id, type: 'Microsoft.Network/networkSecurityGroups', properties: { securityRules: [] }, ...extra });
const NSG_ID = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/a';

describe('loadSnapshotFile: bad input is one line that says what and where', () => {
  it('names a missing file', () => {
    expect(() => loadSnapshotFile(join(dir, 'nope.json'))).toThrow(/nope\.json: snapshot file not found$/);
  });

  it('says where the JSON broke, as line and column', () => {
    const path = file('broken.json', '{\n  "schemaVersion": 1,\n  "resources": [ }\n}');
    expect(() => loadSnapshotFile(path)).toThrow(/broken\.json: not valid JSON at line 3, column 18: expected a value, found .\}.$/);
  });

  it('says when the file is empty', () => {
    expect(() => loadSnapshotFile(file('empty.json', ''))).toThrow(/not valid JSON at line 1, column 1: the text is empty$/);
  });

  it('reads UTF-8 with a byte-order mark and UTF-16 from PowerShell', () => {
    const text = JSON.stringify([nsg(NSG_ID)]);
    expect(loadSnapshotFile(file('bom.json', `\uFEFF${text}`)).ofType('Microsoft.Network/networkSecurityGroups')).toHaveLength(1);
    expect(loadSnapshotFile(file('utf16.json', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))).ofType('Microsoft.Network/networkSecurityGroups')).toHaveLength(1);
  });

  it.each([
    ['a number', 42, /expected a snapshot object or an array of ARM resources, found a number/],
    ['an object without schemaVersion', { resources: [] }, /no schemaVersion/],
    ['an unknown schemaVersion', { schemaVersion: 2, resources: [] }, /unsupported schemaVersion 2; this azscan reads schemaVersion 1/],
    ['resources that is not an array', { schemaVersion: 1, resources: {} }, /resources: expected an array, found an object/],
    ['no resources', { schemaVersion: 1 }, /resources: expected an array, found nothing/],
    ['a collected entry that is not a string', { schemaVersion: 1, resources: [], collected: [3] }, /collected\[0\]: expected a string, found a number/],
    ['an error without scope', { schemaVersion: 1, resources: [], errors: [{ code: 'X' }] }, /errors\[0\]\.scope: expected a string, found nothing/],
    ['a subscription without id', { schemaVersion: 1, resources: [], subscriptions: [{ displayName: 'x' }] }, /subscriptions\[0\]\.subscriptionId/],
  ])('rejects %s', (_, document, message) => {
    expect(() => inventoryFromSnapshot(document, 'snap.json')).toThrow(InputError);
    expect(() => inventoryFromSnapshot(document, 'snap.json')).toThrow(message);
  });
});

describe('inventoryFromSnapshot', () => {
  it('keeps going past malformed resources and says why each was set aside', () => {
    const inventory = inventoryFromSnapshot(
      {
        schemaVersion: 1,
        resources: [
          nsg(NSG_ID),
          { type: 'Microsoft.Network/networkSecurityGroups', properties: {} },
          { id: `${NSG_ID}-2`, properties: {} },
          { id: `${NSG_ID}-3`, type: 'Microsoft.Network/networkSecurityGroups', properties: 'oops' },
          { id: `${NSG_ID}-4`, type: 'Microsoft.Network/networkSecurityGroups' },
          'not an object',
        ],
      },
      'snap.json',
    );
    expect(inventory.resources.map((r) => r.name)).toEqual(['a', 's1']);
    expect(inventory.malformed.map((m) => [m.location, m.reason])).toEqual([
      ['resources[1]', 'resource has no id'],
      ['resources[2]', 'resource has no type'],
      ['resources[3]', 'properties is a string, not an object'],
      ['resources[4]', 'resource has no properties object (a projection of the resource?)'],
      ['resources[5]', 'expected a resource object, found a string'],
    ]);
    // Without a type, the id still says what the resource was.
    expect(inventory.malformed[1]!.resourceType).toBe('Microsoft.Network/networkSecurityGroups');
  });

  it('treats ids and types case-insensitively and one id read twice as one resource', () => {
    const inventory = inventoryFromSnapshot(
      [
        nsg(NSG_ID, { properties: { securityRules: [], flowLogs: 'first' } }),
        nsg(NSG_ID.toUpperCase(), { type: 'microsoft.network/networksecuritygroups', properties: { securityRules: [], extra: true } }),
      ],
      'list.json',
    );
    expect(inventory.ofType('MICROSOFT.NETWORK/NETWORKSECURITYGROUPS')).toHaveLength(1);
    // The later read adds to the earlier one.
    const nsgRead = inventory.ofType('Microsoft.Network/networkSecurityGroups')[0]!;
    expect(nsgRead.properties).toMatchObject({ flowLogs: 'first', extra: true });
    expect(inventory.get(NSG_ID.toLowerCase())).toBe(nsgRead);
  });

  it('merges a copy that only adds properties, however deep, and takes null as a property not sent', () => {
    const inventory = inventoryFromSnapshot(
      [
        nsg(NSG_ID, { properties: { securityRules: [], flowLogs: null, acls: { defaultAction: 'Deny' } } }),
        nsg(NSG_ID, { properties: { securityRules: [], flowLogs: 'second', acls: { defaultAction: 'Deny', bypass: 'None' } }, tags: { team: 'iot' } }),
      ],
      'list.json',
    );
    const read = inventory.ofType('Microsoft.Network/networkSecurityGroups')[0]!;
    expect(read.properties).toEqual({ securityRules: [], flowLogs: 'second', acls: { defaultAction: 'Deny', bypass: 'None' } });
    expect(read.raw.tags).toEqual({ team: 'iot' });
  });

  it('refuses copies of one id that disagree, naming the id, the property and both positions', () => {
    const secure = { publicNetworkAccess: 'Disabled', networkAcls: { defaultAction: 'Deny' } };
    const open = { publicNetworkAccess: 'Disabled', networkAcls: { defaultAction: 'Allow' } };
    const resources = [nsg('/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Network/networkSecurityGroups/other'), nsg(NSG_ID, { properties: open }), nsg(NSG_ID.toUpperCase(), { properties: secure })];
    expect(() => inventoryFromSnapshot({ schemaVersion: 1, resources }, 'estate.json')).toThrow(
      new InputError(
        `estate.json: resources[1] and resources[2] are both ${NSG_ID.toUpperCase()} but disagree on properties.networkAcls.defaultAction: "Allow" and "Deny"; a resource may appear twice only where the copies agree or one adds properties`,
      ),
    );
    // Lists must agree item by item: a rule more or less is a different NSG.
    expect(() => inventoryFromSnapshot([nsg(NSG_ID), nsg(NSG_ID, { properties: { securityRules: [{ name: 'allow-ssh' }] } })], 'list.json')).toThrow(/disagree on properties\.securityRules: \[\] and \[\{"name":"allow-ssh"\}\]/);
    // The top level counts too.
    expect(() => inventoryFromSnapshot([nsg(NSG_ID, { sku: { name: 'Basic' } }), nsg(NSG_ID, { sku: { name: 'Standard' } })], 'list.json')).toThrow(/disagree on sku\.name/);
  });

  it('completes the id of a singleton child that ARM gave its parent\'s id', () => {
    const db = '/subscriptions/s1/resourceGroups/rg/providers/Microsoft.Sql/servers/srv/databases/db';
    const inventory = inventoryFromSnapshot(
      {
        schemaVersion: 1,
        collected: ['Microsoft.Sql/servers/databases/transparentDataEncryption'],
        resources: [
          { id: db, name: 'db', type: 'Microsoft.Sql/servers/databases', properties: {} },
          { id: db, name: 'current', type: 'Microsoft.Sql/servers/databases/transparentDataEncryption', properties: { state: 'Enabled' } },
        ],
      },
      'snap.json',
    );
    expect(inventory.resources.filter((r) => r.typeKey !== 'microsoft.resources/subscriptions')).toHaveLength(2);
    expect(inventory.childrenOf(db, 'Microsoft.Sql/servers/databases/transparentDataEncryption').map((r) => r.id)).toEqual([
      `${db}/transparentDataEncryption/current`,
    ]);
  });

  it('knows what was collected and what failed', () => {
    const inventory = inventoryFromSnapshot(
      {
        schemaVersion: 1,
        collected: ['Microsoft.Insights/diagnosticSettings'],
        resources: [nsg(NSG_ID)],
        errors: [{ scope: '/subscriptions/S1', resourceType: 'Microsoft.Sql/servers/auditingSettings', code: 'AuthorizationFailed', message: 'no' }],
      },
      'snap.json',
    );
    expect(inventory.unavailable(NSG_ID, 'microsoft.insights/DIAGNOSTICSETTINGS')).toBeUndefined();
    expect(inventory.unavailable(NSG_ID, 'Microsoft.Sql/servers/firewallRules')).toMatchObject({ code: 'NotCollected' });
    expect(inventory.unavailable('/subscriptions/s1/resourceGroups/x/providers/Microsoft.Sql/servers/y', 'Microsoft.Sql/servers/auditingSettings')).toMatchObject({
      code: 'AuthorizationFailed',
    });
    expect(inventory.unavailable('/subscriptions/s2/resourceGroups/x/providers/Microsoft.Sql/servers/y', 'Microsoft.Sql/servers/auditingSettings')).toMatchObject({
      code: 'NotCollected',
    });
  });
});

describe('findJsonSyntaxError', async () => {
  const { findJsonSyntaxError } = await import('../../src/inventory/json-error.js');
  it.each([
    ['{"a": 1,}', 1, 9, /property name/],
    ['[1, 2', 1, 6, /expected ',' or '\]'/],
    ['{"a" 1}', 1, 6, /expected ':'/],
    ['{"a": tru}', 1, 7, /unexpected 't'/],
    ['"abc', 1, 5, /unterminated string/],
    ['{}\n{}', 2, 1, /after the JSON value/],
    ["{'a': 1}", 1, 2, /double quotes/],
  ])('finds the error in %j at line %i column %i', (text, line, column, message) => {
    const error = findJsonSyntaxError(text);
    expect(error).toMatchObject({ line, column });
    expect(error!.message).toMatch(message);
  });

  it('finds nothing wrong in valid JSON', () => {
    expect(findJsonSyntaxError('{"a": [1, -2.5e3, true, false, null, "x\\u00e9\\n"], "b": {}}')).toBeUndefined();
  });
});

describe('subscriptions as resources', () => {
  it('come from the snapshot\'s list (skipped ones left out), or from the ids of a bare array', () => {
    const listed = inventoryFromSnapshot(
      {
        schemaVersion: 1,
        resources: [nsg(NSG_ID)],
        subscriptions: [
          { subscriptionId: 's1', displayName: 'prod', state: 'Enabled' },
          { subscriptionId: 's9', displayName: 'old', state: 'Disabled' },
        ],
      },
      'snap.json',
    );
    expect(listed.ofType('Microsoft.Resources/subscriptions').map((r) => [r.id, r.name])).toEqual([['/subscriptions/s1', 'prod']]);
    expect(inventoryFromSnapshot([nsg(NSG_ID)], 'bare.json').ofType('Microsoft.Resources/subscriptions').map((r) => r.id)).toEqual(['/subscriptions/s1']);
  });

  it('answer "what of this type is in the subscription" only when the type was read there', () => {
    const inventory = inventoryFromSnapshot(
      { schemaVersion: 1, collected: ['Microsoft.Network/networkSecurityGroups', 'Microsoft.Insights/diagnosticSettings@Microsoft.Resources/subscriptions'], resources: [nsg(NSG_ID)], subscriptions: [{ subscriptionId: 's1' }] },
      'snap.json',
    );
    const found = inventory.resourcesIn('s1', 'Microsoft.Network/networkSecurityGroups');
    expect(Array.isArray(found) && found.map((r) => r.name)).toEqual(['a']);
    expect(inventory.resourcesIn('s1', 'Microsoft.Insights/activityLogAlerts')).toMatchObject({ code: 'NotCollected' });
    expect(inventory.unavailable('/subscriptions/s1', 'Microsoft.Insights/diagnosticSettings')).toBeUndefined();
    expect(inventory.unavailable(NSG_ID, 'Microsoft.Insights/diagnosticSettings')).toMatchObject({ code: 'NotCollected' });
  });
});
