import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { REDIS_ENDPOINTS } from '../../../src/adapters/exposure/platform/redis.js';
import { REDIS_CACHE_TYPE, REDIS_FIREWALL_RULE_TYPE } from '../../../src/inventory/arm-types.js';
import { inventoryFromSnapshot } from '../../../src/inventory/snapshot.js';
import type { PlatformEndpoint } from '../../../src/model/exposure.js';
import { NotEvaluated } from '../../../src/model/not-evaluated.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'exposure', 'platform', 'redis');

function endpointsOf(fixture: string): PlatformEndpoint[] {
  const inventory = inventoryFromSnapshot(JSON.parse(readFileSync(join(FIXTURES, `${fixture}.json`), 'utf8')), fixture);
  const [cache] = inventory.ofType(REDIS_CACHE_TYPE);
  return REDIS_ENDPOINTS.endpoints(cache!, inventory);
}

function only(fixture: string) {
  const endpoints = endpointsOf(fixture);
  expect(endpoints).toHaveLength(1);
  const endpoint = endpoints[0]!;
  return { ...endpoint, grantSummary: endpoint.grants.map((grant) => (grant.kind === 'range' ? `range ${grant.range}/${grant.addresses}` : grant.kind)) };
}

describe('Azure Cache for Redis platform endpoints', () => {
  it('reads the host from hostName and the TLS port from sslPort, and declares the cache and its firewall rules', () => {
    expect(only('firewall-ranges')).toMatchObject({ host: 'redis-fixture.redis.cache.windows.net', hostPath: 'properties.hostName', ports: [6380], service: 'redis' });
    expect(REDIS_ENDPOINTS.reads).toEqual([REDIS_CACHE_TYPE, REDIS_FIREWALL_RULE_TYPE]);
  });

  it('no firewall rule: everyone; keys accepted, Entra ID off', () => {
    const endpoint = only('no-firewall-rules');
    expect(endpoint).toMatchObject({ reachableBy: 'everyone', grantSummary: ['everyone'], auth: ['keys'] });
    expect(only('public-access-absent').reachableBy).toBe('everyone');
  });

  it('0.0.0.0–255.255.255.255 is everyone, listed before the narrower rule', () => {
    expect(only('allow-all-rule')).toMatchObject({ reachableBy: 'everyone', grantSummary: ['everyone', 'range 203.0.113.0-203.0.113.255/256'] });
  });

  it('other rules are ranges with their address counts; Entra only when access keys are disabled', () => {
    expect(only('firewall-ranges')).toMatchObject({ reachableBy: 'ranges', grantSummary: ['range 203.0.113.0-203.0.113.255/256', 'range 198.51.100.7/1'], auth: ['entra'] });
  });

  it('the non-TLS port adds 6379', () => {
    expect(only('non-tls-port').ports).toEqual([6380, 6379]);
  });

  it('a private endpoint does not close the public endpoint; it is listed after the grants that reach', () => {
    expect(only('private-endpoint-public-enabled')).toMatchObject({ reachableBy: 'everyone', grantSummary: ['everyone', 'privateEndpoint'] });
  });

  it('injected into a virtual network, or public network access Disabled: not listed', () => {
    expect(endpointsOf('virtual-network-injected')).toEqual([]);
    expect(endpointsOf('public-access-disabled')).toEqual([]);
  });

  it('firewall rules not read, their read failed, or one malformed: unknown', () => {
    expect(() => endpointsOf('firewall-rules-not-read')).toThrow(/firewallRules was not collected/);
    expect(() => endpointsOf('firewall-rules-read-failed')).toThrow(NotEvaluated);
    expect(() => endpointsOf('firewall-rule-malformed')).toThrow(/'broken': properties\.endIP is "203\.0\.113"/);
  });
});
