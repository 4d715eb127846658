/**
 * The PostgreSQL and MySQL flexible server endpoint sources on each edge-case fixture of
 * docs/platform-endpoints.md: host, port, grants (kind, range and address count), reachableBy
 * and auth; none for servers the internet cannot reach; NotEvaluated for the unknown ones.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MYSQL_ENDPOINTS, POSTGRESQL_ENDPOINTS } from '../../../src/adapters/exposure/platform/flexible-servers.js';
import type { PlatformEndpointSource } from '../../../src/adapters/exposure/platform/source.js';
import { inventoryFromSnapshot } from '../../../src/inventory/snapshot.js';
import { NotEvaluated } from '../../../src/model/not-evaluated.js';
import { ROOT } from '../../cli/run-cli.js';

type Grant = [kind: string, range?: string, addresses?: number];
type Expected =
  | { reachableBy: string; grants: Grant[]; auth: string[]; host?: string; port?: number }
  | { listed: false }
  | { unknown: string };

const CASES: Array<[string, PlatformEndpointSource, Expected]> = [
  ['pg-whole-internet-rule', POSTGRESQL_ENDPOINTS, { reachableBy: 'everyone', grants: [['everyone'], ['range', '203.0.113.10-203.0.113.20', 11]], auth: ['keys'], host: 'pg-fixture.postgres.database.azure.com', port: 5432 }],
  ['pg-split-ranges-cover-everything', POSTGRESQL_ENDPOINTS, { reachableBy: 'everyone', grants: [['everyone'], ['range', '0.0.0.0-127.255.255.255', 2147483648], ['range', '128.0.0.0-255.255.255.255', 2147483648]], auth: ['keys'] }],
  ['pg-all-azure-rule', POSTGRESQL_ENDPOINTS, { reachableBy: 'azure', grants: [['azure'], ['range', '203.0.113.10-203.0.113.10', 1]], auth: ['keys'] }],
  ['pg-office-range', POSTGRESQL_ENDPOINTS, { reachableBy: 'ranges', grants: [['range', '203.0.113.0-203.0.113.255', 256]], auth: ['keys', 'entra'] }],
  ['pg-entra-only', POSTGRESQL_ENDPOINTS, { reachableBy: 'ranges', grants: [['range', '203.0.113.10-203.0.113.10', 1]], auth: ['entra'] }],
  ['pg-public-access-absent', POSTGRESQL_ENDPOINTS, { reachableBy: 'everyone', grants: [['everyone']], auth: ['keys'] }],
  ['pg-no-firewall-rules', POSTGRESQL_ENDPOINTS, { listed: false }],
  ['pg-public-access-disabled', POSTGRESQL_ENDPOINTS, { listed: false }],
  ['pg-vnet-integrated', POSTGRESQL_ENDPOINTS, { listed: false }],
  ['pg-firewall-rules-not-read', POSTGRESQL_ENDPOINTS, { unknown: 'NotCollected' }],
  ['pg-malformed-rule', POSTGRESQL_ENDPOINTS, { unknown: 'MalformedProperty' }],
  ['pg-public-access-malformed', POSTGRESQL_ENDPOINTS, { unknown: 'MalformedProperty' }],
  ['mysql-whole-internet-rule', MYSQL_ENDPOINTS, { reachableBy: 'everyone', grants: [['everyone']], auth: ['keys'], host: 'mysql-fixture.mysql.database.azure.com', port: 3306 }],
  ['mysql-all-azure-rule', MYSQL_ENDPOINTS, { reachableBy: 'azure', grants: [['azure']], auth: ['keys'] }],
  ['mysql-office-range', MYSQL_ENDPOINTS, { reachableBy: 'ranges', grants: [['range', '198.51.100.0-198.51.100.15', 16]], auth: ['keys'] }],
  ['mysql-entra-only', MYSQL_ENDPOINTS, { reachableBy: 'ranges', grants: [['range', '198.51.100.7-198.51.100.7', 1]], auth: ['entra'] }],
  ['mysql-no-firewall-rules', MYSQL_ENDPOINTS, { listed: false }],
  ['mysql-public-access-disabled', MYSQL_ENDPOINTS, { listed: false }],
  ['mysql-vnet-integrated', MYSQL_ENDPOINTS, { listed: false }],
  ['mysql-firewall-rules-not-read', MYSQL_ENDPOINTS, { unknown: 'NotCollected' }],
];

function endpointsOf(name: string, source: PlatformEndpointSource) {
  const path = join(ROOT, 'fixtures', 'exposure', 'platform', 'flexible-servers', `${name}.json`);
  const inventory = inventoryFromSnapshot(JSON.parse(readFileSync(path, 'utf8')), path);
  const [server] = inventory.ofType(source.resourceType);
  expect(server, `${name} has a ${source.resourceType}`).toBeDefined();
  return () => source.endpoints(server!, inventory);
}

describe('PostgreSQL and MySQL flexible server endpoints', () => {
  it.each(CASES)('%s', (name, source, expected) => {
    const endpoints = endpointsOf(name, source);
    if ('unknown' in expected) {
      expect(endpoints).toThrow(NotEvaluated);
      try {
        endpoints();
      } catch (error) {
        expect((error as NotEvaluated).code).toBe(expected.unknown);
      }
      return;
    }
    const found = endpoints();
    if ('listed' in expected) {
      expect(found).toEqual([]);
      return;
    }
    expect(found).toHaveLength(1);
    const [endpoint] = found;
    expect(endpoint!.reachableBy).toBe(expected.reachableBy);
    expect(endpoint!.auth).toEqual(expected.auth);
    expect(endpoint!.grants.map((grant) => (grant.kind === 'range' ? [grant.kind, grant.range, grant.addresses] : [grant.kind]))).toEqual(expected.grants);
    expect(endpoint!.hostPath).toBe('properties.fullyQualifiedDomainName');
    expect(endpoint!.ports).toEqual([source === POSTGRESQL_ENDPOINTS ? 5432 : 3306]);
    if (expected.host !== undefined) expect(endpoint!.host).toBe(expected.host);
    for (const grant of endpoint!.grants) expect(grant.source.resourceId).toMatch(/\/firewallRules\//);
  });

  it('reads the server, its firewall rules and, for MySQL, its parameters', () => {
    expect(POSTGRESQL_ENDPOINTS.reads).toEqual(['Microsoft.DBforPostgreSQL/flexibleServers', 'Microsoft.DBforPostgreSQL/flexibleServers/firewallRules']);
    expect(MYSQL_ENDPOINTS.reads).toEqual(['Microsoft.DBforMySQL/flexibleServers', 'Microsoft.DBforMySQL/flexibleServers/firewallRules', 'Microsoft.DBforMySQL/flexibleServers/configurations']);
  });

  it('has a fixture for every row of its docs/platform-endpoints.md section, and a row for every fixture', () => {
    const doc = readFileSync(join(ROOT, 'docs', 'platform-endpoints.md'), 'utf8');
    const section = doc.split('### PostgreSQL and MySQL flexible servers')[1]!.split('\n### ')[0]!;
    const rows = [...section.matchAll(/^\| flexible-servers\/([\w-]+) \|/gm)].map((match) => match[1]);
    expect(rows.sort()).toEqual(CASES.map(([name]) => name).sort());
  });
});
