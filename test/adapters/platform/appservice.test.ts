import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_SERVICE_SITE_ENDPOINTS, APP_SERVICE_SLOT_ENDPOINTS } from '../../../src/adapters/exposure/platform/appservice.js';
import { PLATFORM_ENDPOINT_SOURCES } from '../../../src/adapters/exposure/platform/index.js';
import { inventoryFromSnapshot } from '../../../src/inventory/snapshot.js';
import { WEB_SITE_TYPE } from '../../../src/inventory/arm-types.js';
import { NotEvaluated } from '../../../src/model/not-evaluated.js';
import type { PlatformEndpoint } from '../../../src/model/exposure.js';

const FIXTURES = join(import.meta.dirname, '..', '..', '..', 'fixtures', 'exposure', 'platform', 'appservice');

function load(name: string): { document: Record<string, unknown>; endpoints: () => PlatformEndpoint[] } {
  const document = JSON.parse(readFileSync(join(FIXTURES, `${name}.json`), 'utf8')) as Record<string, unknown>;
  const inventory = inventoryFromSnapshot(document, name);
  const site = inventory.ofType(WEB_SITE_TYPE)[0]!;
  return { document, endpoints: () => APP_SERVICE_SITE_ENDPOINTS.endpoints(site, inventory) };
}

function byService(endpoints: readonly PlatformEndpoint[]): Record<string, PlatformEndpoint> {
  return Object.fromEntries(endpoints.map((endpoint) => [endpoint.service, endpoint]));
}

describe('App Service platform endpoints', () => {
  it('are registered for sites and slots, reading config/web, the publishing policies and the auth settings', () => {
    expect(PLATFORM_ENDPOINT_SOURCES).toContain(APP_SERVICE_SITE_ENDPOINTS);
    expect(PLATFORM_ENDPOINT_SOURCES).toContain(APP_SERVICE_SLOT_ENDPOINTS);
    expect(APP_SERVICE_SITE_ENDPOINTS.reads).toEqual(['Microsoft.Web/sites', 'Microsoft.Web/sites/config', 'Microsoft.Web/sites/basicPublishingCredentialsPolicies', 'Microsoft.Web/sites/config/authsettingsV2']);
    expect(APP_SERVICE_SLOT_ENDPOINTS.reads[1]).toBe('Microsoft.Web/sites/slots/config');
    expect(APP_SERVICE_SLOT_ENDPOINTS.reads[3]).toBe('Microsoft.Web/sites/slots/config/authsettingsV2');
  });

  it('ARM\'s "Allow all" entry: site and SCM site open to everyone, hosts from ARM, SCM with keys and Entra', () => {
    const { site, scm } = byService(load('allow-all-entry').endpoints());
    expect(site).toMatchObject({ host: 'app-allow-all.azurewebsites.net', hostPath: 'properties.defaultHostName', ports: [443], reachableBy: 'everyone', auth: ['anonymous'] });
    expect(site!.grants[0]).toMatchObject({ kind: 'everyone', source: { path: 'properties.ipSecurityRestrictions[0].ipAddress', value: 'Any' } });
    expect(scm).toMatchObject({ host: 'app-allow-all.scm.azurewebsites.net', hostPath: 'properties.hostNameSslStates[1].name', ports: [443], reachableBy: 'everyone', auth: ['keys', 'entra'] });
    expect(scm!.grants[0]).toMatchObject({ kind: 'everyone', source: { path: 'properties.scmIpSecurityRestrictions[0].ipAddress' } });
  });

  it('no rules and no unmatched action: everyone, by the implicit Allow; port 80 too without HTTPS only', () => {
    const { site, scm } = byService(load('no-rules-no-default-action').endpoints());
    expect(site).toMatchObject({ ports: [80, 443], reachableBy: 'everyone' });
    expect(site!.grants).toEqual([{ kind: 'everyone', source: expect.objectContaining({ path: 'properties.ipSecurityRestrictionsDefaultAction' }) }]);
    expect(scm!.reachableBy).toBe('everyone');
  });

  it('a range with Deny: ranges, with the address count; SCM without basic auth takes Entra only', () => {
    const { site, scm } = byService(load('ranges-default-deny').endpoints());
    expect(site).toMatchObject({ reachableBy: 'ranges', grants: [{ kind: 'range', range: '203.0.113.0/24', addresses: 256 }] });
    expect(scm).toMatchObject({ reachableBy: 'ranges', auth: ['entra'] });
  });

  it('an allow rule with no unmatched action set: the implicit deny all makes it ranges', () => {
    const endpoints = load('allow-rule-implicit-deny').endpoints();
    expect(endpoints.map((endpoint) => endpoint.reachableBy)).toEqual(['ranges', 'ranges']);
  });

  it('SCM inherits the main site\'s rules: open main, open SCM (its own Deny rules ignored)', () => {
    const { site, scm } = byService(load('scm-uses-main-open').endpoints());
    expect(site!.reachableBy).toBe('everyone');
    expect(scm).toMatchObject({ reachableBy: 'everyone', grants: [{ kind: 'everyone', source: { path: 'properties.ipSecurityRestrictions[0].ipAddress', value: '0.0.0.0/0' } }] });
  });

  it('SCM inherits the main site\'s rules: its own "Allow all" and Allow action are not used', () => {
    const endpoints = load('scm-uses-main-ranges').endpoints();
    expect(endpoints.map((endpoint) => [endpoint.service, endpoint.reachableBy])).toEqual([['site', 'ranges'], ['scm', 'ranges']]);
  });

  it('service tags: AzureCloud and a shared service\'s tag (Front Door, with a header) are azure', () => {
    expect(load('azure-cloud-service-tag').endpoints().map((endpoint) => endpoint.reachableBy)).toEqual(['azure', 'azure']);
    const [site] = load('front-door-service-tag').endpoints();
    expect(site).toMatchObject({ reachableBy: 'azure', grants: [{ kind: 'azure', source: { value: 'AzureFrontDoor.Backend' } }] });
  });

  it('not listed: a virtual network rule only, a Deny-all rule before Allow all, public network access Disabled on the site or in config/web', () => {
    for (const name of ['vnet-rule-only', 'deny-all-before-allow-all', 'public-network-access-disabled', 'config-public-network-access-disabled']) {
      expect(load(name).endpoints(), name).toEqual([]);
    }
  });

  it('unknown: a malformed rule address, or config/web not read', () => {
    expect(() => load('malformed-ip-address').endpoints()).toThrow(/ipSecurityRestrictions\[0\]\.ipAddress/);
    expect(() => load('config-not-collected').endpoints()).toThrow(NotEvaluated);
  });

  it('App Service Authentication requiring sign-in with Microsoft Entra ID only: the site takes entra, not anonymous', () => {
    const { site, scm } = byService(load('easy-auth-entra-required').endpoints());
    expect(site).toMatchObject({ reachableBy: 'everyone', auth: ['entra'] });
    expect(scm!.auth).toEqual(['keys', 'entra']);
  });

  it('anonymous callers get in: auth settings not collected, AllowAnonymous, excluded paths; another provider adds anonymous to entra', () => {
    expect(byService(load('allow-all-entry').endpoints()).site!.auth).toEqual(['anonymous']);
    expect(byService(load('easy-auth-allow-anonymous').endpoints()).site!.auth).toEqual(['anonymous']);
    expect(byService(load('easy-auth-excluded-paths').endpoints()).site!.auth).toEqual(['anonymous']);
    expect(byService(load('easy-auth-google-too').endpoints()).site!.auth).toEqual(['anonymous', 'entra']);
  });

  it('unknown: a malformed platform.enabled is never read as off', () => {
    expect(() => load('easy-auth-enabled-malformed').endpoints()).toThrow(/properties\.platform\.enabled/);
  });
});
