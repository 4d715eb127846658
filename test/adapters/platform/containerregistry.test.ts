import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CONTAINER_REGISTRY_LOGIN_SERVER } from '../../../src/adapters/exposure/platform/containerregistry.js';
import { PLATFORM_ENDPOINT_SOURCES } from '../../../src/adapters/exposure/platform/index.js';
import { CONTAINER_REGISTRY_TYPE } from '../../../src/inventory/arm-types.js';
import { inventoryFromSnapshot } from '../../../src/inventory/snapshot.js';
import { MalformedProperty } from '../../../src/model/not-evaluated.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'exposure', 'platform', 'containerregistry');

function endpointsOf(name: string) {
  const inventory = inventoryFromSnapshot(JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')), name);
  const [registry] = inventory.ofType(CONTAINER_REGISTRY_TYPE);
  return () => CONTAINER_REGISTRY_LOGIN_SERVER.endpoints(registry!, inventory);
}

const kinds = (grants: ReadonlyArray<{ kind: string }>) => grants.map((grant) => grant.kind);

describe('a container registry\'s login server as a platform endpoint', () => {
  it('is one of the platform sources, and reads the registry alone', () => {
    expect(PLATFORM_ENDPOINT_SOURCES).toContain(CONTAINER_REGISTRY_LOGIN_SERVER);
    expect(CONTAINER_REGISTRY_LOGIN_SERVER.reads).toEqual([CONTAINER_REGISTRY_TYPE]);
  });

  it('default action Allow: everyone, at properties.loginServer on 443; the bypass is listed as trusted services after it; admin keys and Entra', () => {
    const [endpoint, ...rest] = endpointsOf('default-allow')();
    expect(rest).toEqual([]);
    expect(endpoint).toMatchObject({ service: 'registry', host: 'crfixture.azurecr.io', hostPath: 'properties.loginServer', ports: [443], reachableBy: 'everyone', auth: ['keys', 'entra'] });
    expect(endpoint!.grants).toEqual([
      { kind: 'everyone', source: { resourceId: endpoint!.resourceId, path: 'properties.networkRuleSet.defaultAction', value: 'Allow' } },
      { kind: 'trustedServices', source: { resourceId: endpoint!.resourceId, path: 'properties.networkRuleBypassOptions', value: 'AzureServices' } },
    ]);
  });

  it('a Standard registry with no rule set and nothing set: everyone (absent defaults), anonymous pull first among the ways in', () => {
    const [endpoint] = endpointsOf('standard-no-rule-set')();
    expect(endpoint).toMatchObject({ reachableBy: 'everyone', auth: ['anonymous', 'entra'] });
    expect(endpoint!.grants).toEqual([
      { kind: 'everyone', source: { resourceId: endpoint!.resourceId, path: 'properties.networkRuleSet.defaultAction', value: undefined } },
      { kind: 'trustedServices', source: { resourceId: endpoint!.resourceId, path: 'properties.networkRuleBypassOptions', value: undefined } },
    ]);
  });

  it('Deny with IP rules: a range grant each, with its address count (a bare address is one)', () => {
    const [endpoint] = endpointsOf('deny-with-ip-rules')();
    expect(endpoint).toMatchObject({ reachableBy: 'ranges', auth: ['entra'] });
    expect(endpoint!.grants.map((grant) => (grant.kind === 'range' ? [grant.range, grant.addresses, grant.source.path] : grant.kind))).toEqual([
      ['203.0.113.0/24', 256, 'properties.networkRuleSet.ipRules[0].value'],
      ['198.51.100.7', 1, 'properties.networkRuleSet.ipRules[1].value'],
      'trustedServices',
    ]);
  });

  it('an IP rule of 0.0.0.0/0 is everyone; with bypass None no trusted-services grant', () => {
    const [endpoint] = endpointsOf('ip-rule-whole-internet')();
    expect(endpoint!.reachableBy).toBe('everyone');
    expect(kinds(endpoint!.grants)).toEqual(['everyone']);
    expect(endpoint!.grants[0]!.source.path).toBe('properties.networkRuleSet.ipRules[1].value');
  });

  it('Deny with no rules (trusted services alone) and public access Disabled are not listed', () => {
    expect(endpointsOf('deny-without-rules-trusted-services')()).toEqual([]);
    expect(endpointsOf('public-access-disabled')()).toEqual([]);
  });

  it('a malformed IP rule is not evaluated (listed as unknown)', () => {
    expect(endpointsOf('ip-rule-malformed')).toThrow(MalformedProperty);
    expect(endpointsOf('ip-rule-malformed')).toThrow(/ipRules\[0\] is \{"action":"Allow","value":"office"\}/);
  });
});
