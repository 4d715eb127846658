import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { platformExposure } from '../../../src/adapters/exposure/platform/evaluate.js';
import { addressCount } from '../../../src/adapters/addresses.js';
import { hostAt, ipRuleGrant } from '../../../src/adapters/exposure/platform/grants.js';
import { NETWORK_RULES } from '../../../rules/network/index.js';
import { NSG_RULES } from '../../../rules/nsg/index.js';
import { RULES } from '../../../rules/index.js';
import { planCollection } from '../../../src/collect/plan.js';
import { platformReads } from '../../../src/cli/exposure-command.js';
import { inventoryFromSnapshot } from '../../../src/inventory/snapshot.js';
import { toArmResource } from '../../../src/inventory/resource.js';
import type { ArmResource } from '../../../src/inventory/types.js';
import { MalformedProperty } from '../../../src/model/not-evaluated.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'exposure', 'platform');
const run = (fixture: string, change?: (document: any) => void) => {
  const document = JSON.parse(readFileSync(join(FIXTURES, `${fixture}.json`), 'utf8'));
  change?.(document);
  return platformExposure(inventoryFromSnapshot(document, fixture));
};

describe('platform endpoint sources: hosts, ports, grants and auth', () => {
  it('storage: one endpoint per service ARM lists, file on 443 and 445, SFTP and NFS on the blob host when enabled', () => {
    const { endpoints } = run('storage/default-allow', (document) => {
      Object.assign(document.resources[0].properties, { isHnsEnabled: true, isSftpEnabled: true, isNfsV3Enabled: true, allowSharedKeyAccess: false });
    });
    expect(endpoints.map((endpoint) => `${endpoint.service} ${endpoint.host} ${endpoint.ports.join('+')} ${endpoint.auth.join('+')}`)).toEqual([
      // Sorted by host, then port.
      'sftp stedgeallow.blob.core.windows.net 22 keys',
      'blob stedgeallow.blob.core.windows.net 443 entra',
      'nfs stedgeallow.blob.core.windows.net 2049 anonymous',
      'dfs stedgeallow.dfs.core.windows.net 443 entra',
      'file stedgeallow.file.core.windows.net 443+445 entra',
      'queue stedgeallow.queue.core.windows.net 443 entra',
      'table stedgeallow.table.core.windows.net 443 entra',
      'web stedgeallow.z6.web.core.windows.net 443 anonymous',
    ]);
    expect(endpoints[1]).toMatchObject({ hostPath: 'properties.primaryEndpoints.blob', reachableBy: 'everyone', grants: [{ kind: 'everyone', source: { path: 'properties.networkAcls.defaultAction', value: null } }] });
  });

  it('storage: anonymous only where the account allows it and a container is public, or containers were not read', () => {
    const allow = (document: any) => void (document.resources[0].properties.allowBlobPublicAccess = true);
    const container = (access: string) => (document: any) => {
      allow(document);
      document.resources.push({ id: `${document.resources[0].id}/blobServices/default/containers/c1`, name: 'c1', type: 'Microsoft.Storage/storageAccounts/blobServices/containers', properties: { publicAccess: access } });
    };
    const blobAuth = (change: (document: any) => void) => run('storage/default-allow', change).endpoints.find((endpoint) => endpoint.service === 'blob')!.auth;
    expect(blobAuth(allow)).toEqual(['keys', 'entra']);
    expect(blobAuth(container('None'))).toEqual(['keys', 'entra']);
    expect(blobAuth(container('Blob'))).toEqual(['anonymous', 'keys', 'entra']);
    expect(blobAuth((document) => {
      allow(document);
      document.collected = document.collected.filter((type: string) => !type.endsWith('/containers'));
    })).toEqual(['anonymous', 'keys', 'entra']);
  });

  it('storage: an IP rule is a range with its address count, the bypass and the virtual network rules grants that reach nothing', () => {
    const { endpoints } = run('storage/deny-ip-rule', (document) => {
      document.resources[0].properties.networkAcls.virtualNetworkRules = [{ id: '/subscriptions/s/resourceGroups/rg/providers/Microsoft.Network/virtualNetworks/v/subnets/a', action: 'Allow' }];
    });
    expect(endpoints[0]!.grants.map((grant) => grant.kind)).toEqual(['range', 'trustedServices', 'virtualNetwork']);
    expect(endpoints[0]!.grants[0]).toMatchObject({ range: '203.0.113.0/24', addresses: 256, source: { path: 'properties.networkAcls.ipRules[0].value' } });
  });

  it('SQL: 1433 on the FQDN; SQL logins unless Entra-only; Entra with an admin', () => {
    const [endpoint] = run('sql/office-range').endpoints;
    expect(endpoint).toMatchObject({ host: 'sql-edge-office.database.windows.net', ports: [1433], reachableBy: 'ranges', auth: ['keys'] });
    const entraOnly = run('sql/office-range', (document) => {
      document.resources.push({ id: `${document.resources[0].id}/azureADOnlyAuthentications/Default`, name: 'Default', type: 'Microsoft.Sql/servers/azureADOnlyAuthentications', properties: { azureADOnlyAuthentication: true } });
      document.resources.push({ id: `${document.resources[0].id}/administrators/ActiveDirectory`, name: 'ActiveDirectory', type: 'Microsoft.Sql/servers/administrators', properties: { login: 'dba', sid: '00000000-0000-0000-0000-000000000000' } });
    });
    expect(entraOnly.endpoints[0]!.auth).toEqual(['entra']);
  });

  it('Key Vault, Event Hubs, IoT Hub and Event Grid: hosts from ARM, their ports and auth', () => {
    expect(run('keyvault/no-network-acls').endpoints[0]).toMatchObject({ host: 'kv-edge-open.vault.azure.net', ports: [443], auth: ['entra'] });
    expect(run('eventhub/no-rule-set').endpoints[0]).toMatchObject({ host: 'evhns-edge-open.servicebus.windows.net', ports: [443, 5671, 9093], auth: ['keys', 'entra'] });
    const basic = run('eventhub/no-rule-set', (document) => {
      document.resources[0].sku = { name: 'Basic', tier: 'Basic' };
      document.resources[0].properties.disableLocalAuth = true;
    });
    expect(basic.endpoints[0]).toMatchObject({ ports: [443, 5671], auth: ['entra'] });
    expect(run('iothub/accept-then-reject-all').endpoints[0]).toMatchObject({ host: 'iot-edge-allowlist.azure-devices.net', ports: [443, 5671, 8883], auth: ['keys', 'certificates', 'entra'], grants: [{ kind: 'range', range: '203.0.113.0/24' }] });
    expect(run('eventgrid/inbound-allow-all-rule').endpoints[0]).toMatchObject({ host: 'evgns-edge-allowall.westeurope-1.ts.eventgrid.azure.net', ports: [443, 8883], auth: ['certificates', 'entra'] });
  });

  it('reads a host literally, dropping only scheme, port and path, and counts addresses of IPv4 and IPv6 blocks', () => {
    const resource = (value: unknown) => toArmResource({ id: '/subscriptions/s/resourceGroups/r/providers/A.B/c/d', name: 'd', type: 'A.B/c', properties: { h: value } }, 'test') as ArmResource;
    expect(hostAt(resource('https://ns.servicebus.windows.net:443/'), 'properties.h')).toEqual({ host: 'ns.servicebus.windows.net', hostPath: 'properties.h' });
    expect(hostAt(resource('sql-1.database.windows.net'), 'properties.h')?.host).toBe('sql-1.database.windows.net');
    expect(hostAt(resource(undefined), 'properties.h')).toBeUndefined();
    expect(() => hostAt(resource(7), 'properties.h')).toThrow(MalformedProperty);
    expect(() => hostAt(resource('https:///'), 'properties.h')).toThrow(MalformedProperty);
    expect([addressCount('203.0.113.7'), addressCount('10.0.0.0/8'), addressCount('2001:db8::/64'), addressCount('10.0.0.0/33'), addressCount('office')]).toEqual([1, 16_777_216, 2 ** 64, undefined, undefined]);
    expect(ipRuleGrant('0.0.0.0/0', 'id', 'p').kind).toBe('everyone');
    expect(() => ipRuleGrant(42, 'id', 'p')).toThrow(MalformedProperty);
  });
});

describe('what a live azscan exposure collects', () => {
  it('reads every type the platform sources read, besides the network, and scan plans what it did', () => {
    const exposure = planCollection([...NSG_RULES, ...NETWORK_RULES], platformReads()).collected;
    for (const type of platformReads()) expect(exposure).toContain(type);
    expect(planCollection(RULES)).toEqual(planCollection(RULES, []));
    expect(planCollection([...NSG_RULES, ...NETWORK_RULES]).collected.some((type) => type.startsWith('Microsoft.Storage/'))).toBe(false);
  });
});
